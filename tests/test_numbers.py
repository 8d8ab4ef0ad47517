"""The grammar of numbers and CLAIMS.md's bounds table."""

from __future__ import annotations

import pytest

from newsclaims.claims.numbers import find_quantities, parse_number, words_to_number


def one(sentence: str) -> tuple[float | None, float | None, bool, bool, bool]:
    qs = [q for q in find_quantities(sentence) if q.not_a_count is None]
    assert len(qs) == 1, qs
    q = qs[0]
    return q.low, q.high, q.low_inclusive, q.high_inclusive, q.approximate


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("4,000", 4000),
        ("62,400", 62400),
        ("1.9 million", 1_900_000),
        ("a hundred", 100),
        ("eleven", 11),
        ("three thousand", 3000),
        ("twenty-five", 25),
        ("Ninety six", 96),
        ("two hundred and fifty", 250),
        ("a dozen", 12),
        ("12k", 12000),
    ],
)
def test_parse_number(text: str, value: float) -> None:
    assert parse_number(text) == value


def test_words_to_number_rejects_other_words() -> None:
    assert words_to_number("several") is None


@pytest.mark.parametrize(
    ("sentence", "bounds"),
    [
        ("Officials counted 1,000 people.", (1000, 1000, True, True, False)),
        ("About 200 people fled.", (200, 200, True, True, True)),
        ("Some 130 more were hurt.", (130, 130, True, True, True)),
        ("An estimated 500 troops arrived.", (500, 500, True, True, True)),
        ("At least 12 people died.", (12, None, True, True, False)),
        ("No fewer than 40 soldiers arrived.", (40, None, True, True, False)),
        ("It said 100 or more people died.", (100, None, True, True, False)),
        ("More than 260 people were hurt.", (260, None, False, True, False)),
        ("The toll has surpassed 4,000 people.", (4000, None, False, True, False)),
        ("Losses exceeded 900 people.", (900, None, False, True, False)),
        ("Up to 300 soldiers were sent.", (None, 300, True, True, False)),
        ("As many as 60 people are missing.", (None, 60, True, True, False)),
        ("Fewer than 10 people remained.", (None, 10, True, False, False)),
        ("Nearly 50 people died.", (None, 50, True, False, True)),
        ("Almost 2,000 people fled.", (None, 2000, True, False, True)),
        ("Between 10 and 20 people are missing.", (10, 20, True, True, False)),
        ("From 10 to 20 people are missing.", (10, 20, True, True, False)),
        ("Police sent 3,000 to 4,000 officers.", (3000, 4000, True, True, False)),
        ("It killed 5-7 people.", (5, 7, True, True, False)),
        ("Dozens of people were hurt.", (12, None, True, True, True)),
        ("Hundreds of people fled.", (100, None, True, True, True)),
        ("Tens of thousands of people fled.", (10000, None, True, True, True)),
        ("Scores died in the attacks.", (20, None, True, True, True)),
        ("A dozen people are missing.", (12, 12, True, True, False)),
        ("More than two dozen fighters died.", (24, None, False, True, False)),
        ("About 30% of the troops were hurt.", (30, 30, True, True, True)),
    ],
)
def test_bounds(sentence: str, bounds: tuple[float | None, ...]) -> None:
    assert one(sentence) == bounds


@pytest.mark.parametrize(
    ("sentence", "why"),
    [
        ("A 15-year-old boy was hurt.", "age"),
        ("Smith, 23, faces three charges.", "age"),
        ("The attack on April 15, 2013 was deadly.", "date"),
        ("It began at 3 p.m. local time.", "time"),
        ("The fire began in 2019.", "year"),
        ("The city spent 5 million dollars.", "money"),
        ("The blast was felt 40 km away.", "measure"),
    ],
)
def test_figures_that_are_not_counts(sentence: str, why: str) -> None:
    kinds = {q.not_a_count for q in find_quantities(sentence)}
    assert why in kinds


def test_money_and_ordinals_give_no_count() -> None:
    assert all(q.not_a_count for q in find_quantities("It cost $2 million.")) or not (
        find_quantities("It cost $2 million.")
    )
    assert find_quantities("It was the third attack this year.") == []


def test_increment_is_flagged() -> None:
    (q,) = find_quantities("The army sent an additional 3,000 troops.")
    assert q.increment and q.low == 3000
    (q,) = find_quantities("Officials said 20 more people died.")
    assert q.increment


def test_a_and_one_are_not_counts_unless_a_person_follows() -> None:
    assert find_quantities("A man was seen in a car.") == []
    assert [q.low for q in find_quantities("One firefighter died.")] == [1]


def test_qualifier_offsets_in_long_sentences() -> None:
    sentence = "x " * 60 + "officials said that more than 260 people were hurt."
    (q,) = find_quantities(sentence)
    assert q.text == "more than 260"
    assert sentence[q.start : q.end] == "more than 260"


@pytest.mark.parametrize(
    ("sentence", "bounds"),
    [
        ("No more than 30 people were hurt.", (None, 30, True, True, False)),
        ("Just under 500 people fled.", (None, 500, True, False, True)),
        ("Not less than 20 people died.", (20, None, True, True, False)),
    ],
)
def test_the_longest_qualifier_wins(sentence: str, bounds: tuple[float | None, ...]) -> None:
    assert one(sentence) == bounds
