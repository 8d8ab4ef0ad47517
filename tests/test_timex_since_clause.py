"""Time ranges of issue 11 on invented sentences: "since <clause> in <month>" holds from that
month up to the publication date, and "overnight" is the night before the report."""

from __future__ import annotations

from datetime import date

from newsclaims.claims.timex import find_times

PUB = date(2031, 6, 12)


def _ranges(sentence: str) -> list[tuple[str, date | None, date | None]]:
    return [(t.text, t.first, t.last) for t in find_times(sentence, PUB)]


def test_since_a_clause_dated_by_its_month_runs_to_publication() -> None:
    found = _ranges("More than 300 herders have died since the militia closed the roads in March.")
    assert found == [("in March", date(2031, 3, 1), PUB)]
    found = _ranges("Since the storm hit in March, 40 fishermen have been reported missing.")
    assert found == [("in March", date(2031, 3, 1), PUB)]


def test_a_month_not_inside_a_since_clause_is_the_month_alone() -> None:
    # "since" after the month, or a clause break between "since" and the month
    assert _ranges("Forty people died in March, since the dam failed.") == [
        ("in March", date(2031, 3, 1), date(2031, 3, 31))
    ]
    assert _ranges("Rebels have held 20 guards since the raid, which began in March.") == [
        ("in March", date(2031, 3, 1), date(2031, 3, 31))
    ]
    assert _ranges("Twelve sailors drowned in March.") == [
        ("in March", date(2031, 3, 1), date(2031, 3, 31))
    ]


def test_overnight_is_the_night_before_the_report() -> None:
    assert _ranges("Six porters were admitted overnight.") == [
        ("overnight", date(2031, 6, 11), PUB)
    ]
    assert find_times("Six porters were admitted overnight.", None)[0].first is None
