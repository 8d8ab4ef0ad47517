"""The project's seed repost of a Korea Herald story (read from ../shared when present)."""

from __future__ import annotations

import pytest
from kh_support import SHARED, full_host

from newsclaims import testing

SEED = SHARED / "seeds" / "001_9c848a93a6490cdf.txt"


@pytest.mark.skipif(not SEED.exists(), reason="../shared/seeds is not available")
def test_seed_repost_credits_the_korea_herald() -> None:
    host = full_host()
    doc = testing.sample(SEED)
    testing.assert_detects(host, "koreaherald", doc, at_least=0.75)
    report = testing.parse_with(host, doc)
    testing.assert_valid_report(report)
    assert report.parser.name == "koreaherald"
    assert report.source.original_outlet == "The Korea Herald"
    assert report.source.original_url is not None
    assert "koreaherald.com" in report.source.original_url
    assert "Original Source" not in report.text
    assert "Leave a Reply" not in report.text
    assert any(r.reason == "credit-line" for r in report.removed)
