"""Golden files: each constructed page beside the report fields it must give."""

from __future__ import annotations

import pytest
from kh_support import GOLDEN, PLUGIN

from newsclaims import testing


@pytest.mark.parametrize("case", testing.golden_cases(GOLDEN), ids=str)
def test_golden(case: testing.GoldenCase) -> None:
    testing.assert_golden(case, plugin=PLUGIN)


def test_every_layout_has_a_golden_file() -> None:
    from newsclaims_koreaherald.layouts import LAYOUTS

    names = {c.input.name for c in testing.golden_cases(GOLDEN)}
    assert {"view_2018.html", "news_2023.html", "article_2024.html"} <= names
    assert len(LAYOUTS) == 2  # a new layout needs a golden page here too
