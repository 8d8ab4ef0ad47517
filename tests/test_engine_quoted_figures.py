"""Figures inside quotation marks (issue 11, recall): a figure quoted from a source is read
as if it were not quoted; quoting does not make a count of other things a claim."""

from __future__ import annotations

import pytest

from newsclaims.claims import extract_claims


def _found(text: str) -> list[tuple[str, float | None, float | None]]:
    return [
        (c.measure or "", c.value.low, c.value.high)
        for c in extract_claims(text)
        if c.kind == "quantity" and c.value is not None
    ]


def test_quoted_figures_are_read() -> None:
    found = _found(
        'The rebels said the shelling killed "dozens of guards" and left "more than 60" wounded.'
    )
    assert ("killed", 12, None) in found
    assert ("wounded", 60, None) in found
    assert ("arrested", 14, 14) in _found("Police said “14 smugglers” were detained at the port.")


@pytest.mark.parametrize(
    "text",
    [
        '"We lost 3 games in a row," the coach said.',
        'The club scored "a total of 3 goals" in the final.',
        'The poll found "30%" of voters were undecided.',
        'The fund paid "$4 million" to the families.',
        'She is "42 years old" and lives in Tarnby.',
    ],
)
def test_quoting_makes_no_claim_of_other_counts(text: str) -> None:
    assert _found(text) == []
