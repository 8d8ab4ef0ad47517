"""Subjects of issue 11 on invented sentences: a bare figure that is the subject of its
clause counts the group the same sentence counted before it without a claim."""

from __future__ import annotations

from newsclaims.claims import extract_claims


def _found(text: str) -> list[tuple[str, float | None, str | None]]:
    return [
        (c.measure or "", c.value.low, c.subject.text if c.subject else None)
        for c in extract_claims(text)
        if c.kind == "quantity" and c.value is not None
    ]


def test_a_bare_figure_counts_the_group_of_its_sentence() -> None:
    text = (
        "At least 300 people were killed in the floods. The field clinic took in about 80 "
        "miners, a nurse said, though around 9 were already dead on arrival."
    )
    assert ("killed", 9, "miners") in _found(text)


def test_a_figure_with_its_own_noun_keeps_it() -> None:
    text = (
        "At least 300 people were killed in the floods. The clinic took in about 80 miners, "
        "though 9 deaths were recorded."
    )
    assert all(subject != "miners" for _, _, subject in _found(text))


def test_a_group_of_an_earlier_sentence_is_not_taken() -> None:
    text = (
        "The clinic took in about 80 miners on Monday. At least 300 people were killed in the "
        "floods, and 9 were missing."
    )
    assert ("missing", 9, "miners") not in _found(text)
