"""Golden files: constructed pages beside their expected reports (newsclaims.testing)."""

from __future__ import annotations

from pathlib import Path

import newsclaims_html
import pytest

from newsclaims import testing

GOLDEN = Path(__file__).parent / "pages"


@pytest.mark.parametrize("case", testing.golden_cases(GOLDEN, ("*.html",)), ids=str)
def test_golden(case: testing.GoldenCase) -> None:
    testing.assert_golden(case, plugin=("html", newsclaims_html))
