"""Time expressions resolved against the publication date."""

from __future__ import annotations

from datetime import date

import pytest

from newsclaims.claims.timex import find_times

PUB = date(2025, 3, 27)  # a Thursday


@pytest.mark.parametrize(
    ("sentence", "text", "start", "end"),
    [
        ("It happened on Thursday.", "on Thursday", "2025-03-27", "2025-03-27"),
        ("It happened on Monday.", "on Monday", "2025-03-24", "2025-03-24"),
        ("Figures from mid-March.", "mid-March", "2025-03-11", "2025-03-20"),
        ("Reported in January.", "in January", "2025-01-01", "2025-01-31"),
        ("Began in December.", "in December", "2024-12-01", "2024-12-31"),
        ("In early June the camp grew.", "early June", "2024-06-01", "2024-06-10"),
        ("It was said yesterday.", "yesterday", "2025-03-26", "2025-03-26"),
        ("It rose last week.", "last week", "2025-03-17", "2025-03-23"),
        ("It fell last year.", "last year", "2024-01-01", "2024-12-31"),
        ("Deaths since 2017 rose.", "since 2017", "2017-01-01", "2025-03-27"),
        ("Raids in January last year.", "in January last year", "2024-01-01", "2024-01-31"),
        ("On March 5 the toll rose.", "March 5", "2025-03-05", "2025-03-05"),
        ("On 1 March 2019 they attacked.", "1 March 2019", "2019-03-01", "2019-03-01"),
        ("By the end of 1972 it was over.", "By the end of 1972", "1972-12-31", "1972-12-31"),
        ("100 died in three months.", "in three months", "2024-12-27", "2025-03-27"),
    ],
)
def test_resolution(sentence: str, text: str, start: str, end: str) -> None:
    (t,) = find_times(sentence, PUB)
    assert (t.text, str(t.first), str(t.last)) == (text, start, end)


def test_no_publication_date_keeps_the_text_only() -> None:
    (t,) = find_times("It happened on Monday.", None)
    assert (t.text, t.first, t.last) == ("on Monday", None, None)
    (t,) = find_times("On 1 March 2019 they attacked.", None)
    assert str(t.first) == "2019-03-01"


def test_sentences_without_time_words() -> None:
    assert find_times("Officials may say more soon.", PUB) == []


def test_year_spans() -> None:
    (t,) = find_times("In 1995 and 1996, rebels seized hostages.", PUB)
    assert (str(t.first), str(t.last)) == ("1995-01-01", "1996-12-31")
