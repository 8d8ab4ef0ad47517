"""Subjects of issue 11 on invented sentences: a breakdown is not the group carried on, and a
figure with nobody named counts people."""

from __future__ import annotations

from newsclaims.claims import extract_claims


def _subjects(text: str) -> list[tuple[str, float | None, str | None]]:
    return [
        (c.measure or "", c.value.low, c.subject.text if c.subject else None)
        for c in extract_claims(text)
        if c.kind == "quantity" and c.value is not None
    ]


def test_a_breakdown_is_not_the_group_the_sentence_goes_on_with() -> None:
    text = (
        "Twelve pilgrims, including five children, were killed and more than 40 injured in "
        "the crush."
    )
    found = _subjects(text)
    assert ("wounded", 40, "pilgrims") in found
    assert all(subject != "children" for measure, _, subject in found if measure == "wounded")


def test_a_toll_with_nobody_named_counts_people() -> None:
    assert _subjects("The toll from the ferry sinking rose to 41 on Sunday.") == [
        ("killed", 41, "people")
    ]
