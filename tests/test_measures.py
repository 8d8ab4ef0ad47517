"""Measure terms: whole-word, multi-word lookups in any case and spacing."""

from __future__ import annotations

from newsclaims.claims.measures import Terms

TERMS = Terms(["killed", "killed or wounded", "death toll", "toll", "taken into custody"])


def test_match_takes_the_longest_term_at_the_start() -> None:
    m = TERMS.match("Killed or  wounded in the attack")
    assert m is not None and m.group(0) == "Killed or  wounded"
    assert TERMS.match("killed, police said") is not None
    assert TERMS.match("killedx") is None
    assert TERMS.match(" killed") is None
    assert TERMS.match("tolls") is None


def test_finditer_and_ending() -> None:
    text = "The death toll rose; the toll was high"
    assert [(m.start(), m.group(0)) for m in TERMS.finditer(text)] == [
        (4, "death toll"),
        (25, "toll"),
    ]
    m = TERMS.ending("nine people were taken into custody ")
    assert m is not None and m.group(0) == "taken into custody"
    assert TERMS.ending("the custody") is None
    assert TERMS.ending("untoll") is None
