"""Golden files: constructed scraped articles beside their expected reports."""

from __future__ import annotations

from pathlib import Path

import newsclaims_text
import pytest

from newsclaims import testing

GOLDEN = Path(__file__).parent / "golden"
CASES = testing.golden_cases(GOLDEN, patterns=("*.txt",))


def test_enough_cases() -> None:
    assert len(CASES) >= 6


@pytest.mark.parametrize("case", CASES, ids=str)
def test_golden(case: testing.GoldenCase) -> None:
    testing.assert_golden(case, plugin=("text", newsclaims_text))
