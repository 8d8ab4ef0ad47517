"""Numeric dates in the site's order (issue 11, Time): 11/06/2025 on a European page."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from newsclaims.claims.timex import find_times, numeric_date_order
from newsclaims.dates import parse_date, prefers_day_first


@pytest.mark.parametrize(
    ("language", "url", "expected"),
    [
        ("en-GB", None, True),
        ("en-US", None, False),
        ("en-PH", None, False),
        ("en-CA", None, None),
        ("fr", None, True),
        ("de-DE", None, True),
        (None, "https://www.example.co.uk/news/1", True),
        (None, "https://example.ie/a", True),
        (None, "https://example.com.au/a", True),
        (None, "https://example.in/a", True),
        (None, "https://example.us/a", False),
        ("en", "https://example.com/a", None),
        (None, None, None),
        ("en-US", "https://example.co.uk/a", False),  # the declared locale wins
        ("ja", None, None),
    ],
)
def test_prefers_day_first(language: str | None, url: str | None, expected: bool | None) -> None:
    assert prefers_day_first(language, url) is expected


def test_parse_date_in_either_order() -> None:
    assert parse_date("11/06/2025", day_first=True) == datetime(2025, 6, 11)
    assert parse_date("11/06/2025", day_first=False) == datetime(2025, 11, 6)
    assert parse_date("25/06/2025", day_first=False) == datetime(2025, 6, 25)


def _numeric(sentence: str) -> list[tuple[date | None, date | None]]:
    return [
        (t.first, t.last) for t in find_times(sentence, date(2025, 7, 1)) if t.kind == "numdate"
    ]


def test_claim_times_follow_the_page_order() -> None:
    sentence = "The ministry said 12 people had died by 11/06/2025."
    with numeric_date_order(True):
        assert _numeric(sentence) == [(date(2025, 6, 11), date(2025, 6, 11))]
    with numeric_date_order(False):
        assert _numeric(sentence) == [(date(2025, 11, 6), date(2025, 11, 6))]
    # no evidence: month first (documented default)
    assert _numeric(sentence) == [(date(2025, 11, 6), date(2025, 11, 6))]
    assert _numeric("Figures as of 25.06.2025 show 3 dead.") == [(date(2025, 6, 25),) * 2]
    assert _numeric("A score of 3/4 and version 1.2.3 are no dates.") == []


def test_report_reads_numeric_dates_by_its_domain() -> None:
    from newsclaims.host import PluginHost
    from newsclaims.pipeline import parse_text

    text = "Flood toll rises\n\nAt least 12 people were killed on 11/06/2025, police said.\n"
    uk = parse_text(text, url="https://news.example.co.uk/a", host=PluginHost())
    us = parse_text(text, url="https://news.example.us/a", host=PluginHost())
    assert [c.time.start for c in uk.claims if c.time] == ["2025-06-11"]
    assert [c.time.start for c in us.claims if c.time] == ["2025-11-06"]
