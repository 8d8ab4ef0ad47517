"""Boilerplate lines (constructed)."""

from __future__ import annotations

import pytest
from newsclaims_text.boilerplate import PATTERNS, LineMatcher, looks_like_prose

from newsclaims.claims.lexicon import BOILERPLATE

MATCHER = LineMatcher((*BOILERPLATE, *PATTERNS))


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Most Commented", "widget"),
        ("Most CommentedFloods Hit the Capital", "widget"),
        ("Related", "widget"),
        ("Read more", "widget"),
        ("Leave a Reply", "comment-form"),
        ("Your email address will not be published. Required fields are marked *", "comment-form"),
        ("0", "identifier"),
        ("5e0a7c1d-2b3f-4a6e-9d80-11c2e3f4a5b6", "identifier"),
        ("3 Comments", "counter"),
        ("4 min read", "reading-time"),
        ("Share this:", "share"),
        ("Click to share on Twitter (Opens in new window)", "share"),
        ("Tags: war, aid", "taxonomy"),
        ("Home > World > Asia", "navigation"),
        ("Enditem", "wire-marker"),
        ("---", "separator"),
    ],
)
def test_boilerplate_lines(line: str, reason: str) -> None:
    assert MATCHER.reason(line) == reason


@pytest.mark.parametrize(
    "line",
    [
        "Related talks between the two governments resumed on Monday after a long pause.",
        "Recommended doses were given to more than 300 patients at the clinic, officials said.",
        "Most of the 40 wounded were taken to the city hospital.",
        "Share prices fell after the attack.",
        "The army said 12 soldiers died.",
    ],
)
def test_sentences_stay(line: str) -> None:
    assert MATCHER.reason(line) is None


def test_duplicates_are_dropped() -> None:
    assert len(LineMatcher((*PATTERNS, *PATTERNS)).patterns) == len(PATTERNS)


def test_prose() -> None:
    assert looks_like_prose("The ministry said on Monday that 40 people had been killed.")
    assert not looks_like_prose("Most Commented")
