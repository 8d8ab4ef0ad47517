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


def test_since_a_clause_dated_by_a_part_of_a_month_runs_to_publication() -> None:
    found = _ranges(
        "The fever has killed 30 goatherds since the first cases were seen in late April."
    )
    assert found == [("late April", date(2031, 4, 21), PUB)]
    # without "since" it is that part of the month alone
    assert _ranges("The first cases were seen in late April.") == [
        ("late April", date(2031, 4, 21), date(2031, 4, 30))
    ]


def test_since_a_dated_event_or_a_weekday_runs_to_publication() -> None:
    found = _ranges("Bandits have seized 200 farmers since the 2027 raid on the depot.")
    assert found == [
        ("since the 2027", date(2027, 1, 1), PUB),
        ("the 2027 raid", date(2027, 1, 1), date(2027, 12, 31)),  # the raid's own figures
    ]
    # the event alone dates its own figures: "the 2027 raid killed 14"
    assert _ranges("The 2027 raid on the depot killed 14 guards.") == [
        ("The 2027", date(2027, 1, 1), date(2027, 12, 31))
    ]
    # 12 June 2031 is a Thursday: "since Saturday" is the 7th to publication
    assert _ranges("Nine climbers have died since Saturday.") == [
        ("since Saturday", date(2031, 6, 7), PUB)
    ]


def test_a_dateline_is_the_reports_date_not_a_time_of_the_figures() -> None:
    found = _ranges(
        "PORTVILLE, Jun 12 - Floods have killed 14 people since early May, officials said."
    )
    assert [t[0] for t in found] == ["since early May"]
    found = _ranges("NEW PORTVILLE, June 12 (Wire) - Floods killed 14 people, officials said.")
    assert found == []
    # a date in the sentence is kept ("On June 2, floods killed 14")
    assert _ranges("On June 2 - a Monday - floods killed 14 people.")[0][1] == date(2031, 6, 2)
