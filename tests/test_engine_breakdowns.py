"""Breakdowns and running totals of issue 11 on invented sentences: a part of the figure
before told by its condition, place or origin ("four of them critically", "including three in
Leeds"), and a total that names no measure ("bringing the total to 45")."""

from __future__ import annotations

import pytest

from newsclaims.claims import extract_claims


def _found(text: str) -> list[tuple[str, float | None, str | None]]:
    return [
        (c.measure or "", c.value.low, c.subject.text if c.subject else None)
        for c in extract_claims(text)
        if c.kind == "quantity" and c.value is not None
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Seven climbers were hurt in the rockfall, four of them critically.",
            ("wounded", 4, "climbers"),
        ),
        (
            "Forty workers were injured in the blast, 12 of them with cuts to the hands.",
            ("wounded", 12, "workers"),
        ),
        (
            "Medics treated 40 injured spectators, nine of whom were flown to Tarnby.",
            ("wounded", 9, "spectators"),
        ),
        (
            "Border guards detained 30 smugglers, including five in Velmora.",
            ("arrested", 5, "smugglers"),
        ),
        (
            "About 900 rangers, including 200 from the mountain unit, were deployed to the park.",
            ("deployed", 200, "rangers"),
        ),
        (
            "The storm killed 16 farmers in Olsk province and six in Pirin, officials said.",
            ("killed", 6, "farmers"),
        ),
    ],
)
def test_a_part_told_by_condition_place_or_origin(
    text: str, expected: tuple[str, float, str]
) -> None:
    assert expected in _found(text)


@pytest.mark.parametrize(
    "text",
    [
        # the part was released: not a count of the measure
        "Police said 40 marchers had been detained and that 12 of them had since been released.",
        # "fatally" is not a part of the injured
        "Nine cyclists were injured in the pile-up, two of them fatally.",
        # a month or a weekday is a time, not a place
        "Guards arrested 30 poachers last year, including five in March.",
        "Guards arrested 30 poachers last week, including five on Monday.",
    ],
)
def test_no_part_when_the_words_after_do_not_make_one(text: str) -> None:
    lows = [low for _, low, _ in _found(text)]
    assert 12 not in lows and 2 not in lows and 5 not in lows


def test_a_running_total_counts_the_measure_before() -> None:
    found = _found("Officers detained 12 more students on Friday, bringing the total to 45.")
    assert any(m == "arrested" and low == 45 for m, low, _ in found)
    found = _found("Four more sailors died in hospital, raising the number to 19.")
    assert any(m == "killed" and low == 19 for m, low, _ in found)


@pytest.mark.parametrize(
    "text",
    [
        "The striker scored twice, bringing her total to 12 for the season.",
        "She scored a total of 3 goals in the final.",
        "Donors gave $4 million, bringing the total to $9 million.",
        "The turnout rose by 4%, bringing the total to 61%.",
        "The new ward adds 40 beds, bringing the total to 300.",
    ],
)
def test_no_running_total_without_a_measure_before(text: str) -> None:
    assert _found(text) == []


@pytest.mark.parametrize(
    ("text", "count", "whole"),
    [
        ("Twelve of the 40 divers were killed in the storm.", ("killed", 12), 40),
        ("The governor said 17 of the 68 had been detained in the port.", ("arrested", 17), 68),
        ("The blast killed 11 of the 13 crew members.", ("killed", 11), 13),
    ],
)
def test_n_of_the_m_counts_n_not_the_whole(
    text: str, count: tuple[str, float], whole: float
) -> None:
    found = [(m, low) for m, low, _ in _found(text)]
    assert count in found
    assert all(low != whole for _, low in found)


def test_a_whole_that_names_its_measure_stays_a_claim() -> None:
    found = [(m, low) for m, low, _ in _found("Two of the 12 dead were border guards.")]
    assert ("killed", 12) in found and ("killed", 2) in found


@pytest.mark.parametrize(
    "text",
    ["Three of the 12 goals came in the first half.", "Nine of the 30% of voters stayed home."],
)
def test_n_of_the_m_of_things_is_no_claim(text: str) -> None:
    assert _found(text) == []
