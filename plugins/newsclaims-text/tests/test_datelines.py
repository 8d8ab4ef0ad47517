"""Date lines (constructed)."""

from __future__ import annotations

from datetime import datetime

import pytest
from newsclaims_text.datelines import looks_like_date, read_date, read_date_line


@pytest.mark.parametrize(
    ("line", "kind", "value"),
    [
        ("Published : Dec 19, 2024 - 16:41", "published", datetime(2024, 12, 19, 16, 41)),
        ("Published: 2024-12-19", "published", datetime(2024, 12, 19)),
        ("Posted on March 3, 2024", "published", datetime(2024, 3, 3)),
        ("Updated: 13:45, 4 March 2024", "updated", datetime(2024, 3, 4, 13, 45)),
        ("Date: 12 March 2024", "published", datetime(2024, 3, 12)),
        ("Last updated 10:42 AM, Mon March 4, 2024", "updated", datetime(2024, 3, 4, 10, 42)),
        ("Updated 26 Jun, 2024 09:12am", "updated", datetime(2024, 6, 26, 9, 12)),
    ],
)
def test_labelled_dates(line: str, kind: str, value: datetime) -> None:
    dated = read_date_line(line)
    assert dated is not None
    assert (dated.kind, dated.value) == (kind, value)


def test_relative_dates_are_recognised_but_not_used() -> None:
    dated = read_date_line("Updated 5 minutes ago")
    assert dated is not None and dated.value is None


def test_author_after_date() -> None:
    dated = read_date_line("Posted on May 3, 2024 by Jane Doe")
    assert dated is not None and dated.by == "Jane Doe"


@pytest.mark.parametrize(
    "line",
    [
        "Published reports say 40 people died in 2024.",
        "Updated figures show 1,200 were displaced by March 3, 2024 in the region.",
        "Dated equipment was blamed.",
    ],
)
def test_sentences_are_not_date_lines(line: str) -> None:
    assert read_date_line(line) is None


def test_bare_dates() -> None:
    assert looks_like_date("December 19, 2024")
    assert looks_like_date("2024-12-19T10:00:00Z")
    assert not looks_like_date("March 2024")
    assert not looks_like_date("12 killed in 2024 attack")
    assert read_date("Thu 5 Mar 2024 14.30 GMT") == datetime(2024, 3, 5, 14, 30)
    assert read_date("no date") is None
