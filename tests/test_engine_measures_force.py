"""Forces that arrive or take part are deployed (issue 11: troops with their sub-counts)."""

from __future__ import annotations

import pytest

from newsclaims.claims import extract_claims


def _read(text: str) -> list[tuple[str, float | None, float | None, str | None]]:
    return [
        (c.measure or "", c.value.low, c.value.high, c.subject.text if c.subject else None)
        for c in extract_claims(text)
        if c.kind == "quantity" and c.value is not None
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Another 75 marines from the coastal regiment joined the relief effort.",
            [("deployed", 75, 75, "marines")],
        ),
        (
            "About 40 paramedics were due to arrive by nightfall.",
            [("deployed", 40, 40, "paramedics")],
        ),
        ("Some 260 troops were flown in overnight.", [("deployed", 260, 260, "troops")]),
        ("The sweep involved more than 500 officers.", [("deployed", 500, None, "officers")]),
        (
            "Nearly 90 police officers carried out searches of farms.",
            [("deployed", None, 90, "police officers")],
        ),
    ],
)
def test_a_force_that_arrives_or_takes_part_is_deployed(text: str, expected: list[tuple]) -> None:
    assert _read(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "About 3,000 fans joined the parade.",
        "Some 200 shoppers arrived before the doors opened.",
        "The concert involved 45 musicians.",
    ],
)
def test_a_crowd_that_arrives_is_no_claim(text: str) -> None:
    assert _read(text) == []


def test_mostly_minor_injuries_are_wounded_and_credit_the_restated_figure() -> None:
    text = (
        "A gas cylinder blew up on Monday, wounding 9 shoppers. Provincial officials said 9 "
        "shoppers had sustained mainly minor injuries."
    )
    claims = [c for c in extract_claims(text) if c.kind == "quantity"]
    assert [(c.measure, c.value.low if c.value else None) for c in claims] == [("wounded", 9)]
    assert [a.name for a in claims[0].attribution] == ["Provincial officials"]
