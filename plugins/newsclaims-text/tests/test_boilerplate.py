"""Boilerplate lines (constructed)."""

from __future__ import annotations

import re

import pytest
from newsclaims_text.boilerplate import (
    PATTERNS,
    LineMatcher,
    is_counter,
    looks_like_prose,
    matcher_for,
)

from newsclaims.claims.lexicon import BOILERPLATE
from newsclaims.knowledge import BoilerplatePattern, Knowledge

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
        # counters alone, in any order and bracket
        ("Comments (0)", "counter"),
        ("(12) Comments", "counter"),
        ("Views: 1,204", "counter"),
        ("1.2k shares", "counter"),
        ("Replies [4]", "counter"),
        ("No Comments", "counter"),
        # widget headers of the core list and of this plugin's additions
        ("Most Viewed", "widget"),
        ("Further reading:", "widget"),
        ("You might also like", "widget"),
        # links to other stories and breadcrumb trails (constructed)
        ("Read also: Five killed as bus overturns on desert road", "related-link"),
        ("Also read - Floods cut off northern villages", "related-link"),
        ("Daily Courier » World » Africa", "navigation"),
        ("News › Local", "navigation"),
        ("Share: Facebook | X | Telegram | WhatsApp | Copy link", "share"),
        ("[f] Share  [X] Tweet  [in] Share  [✉] Email", "share"),
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
        "Comments (0) are not what the minister wanted, his aide said on Friday.",
        "The video of the attack drew 3 million views within a day, officials said.",
        "No comments were made by the army about the 12 dead.",
        "Read also the ministry's statement, which said 40 people had been arrested on Monday.",
    ],
)
def test_sentences_stay(line: str) -> None:
    assert MATCHER.reason(line) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2,481 Views", True),
        ("Comments (0)", True),
        ("[3] Likes", True),
        ("Reactions: 87", True),
        ("2,481", False),
        ("Views on the war differ", False),
        ("3 million people viewed it", False),
    ],
)
def test_counter(text: str, expected: bool) -> None:
    assert is_counter(text) is expected


def test_widget_headers_come_from_the_core() -> None:
    from newsclaims_text import boilerplate

    from newsclaims.claims.lexicon import WIDGET_HEADERS

    assert WIDGET_HEADERS in boilerplate._WIDGET_HEADERS
    # no header of the core list is repeated in this plugin's additions
    extra = boilerplate._MORE_WIDGET_HEADERS
    for header in ("most popular", "read more", "top stories", "trending now"):
        assert re.fullmatch(WIDGET_HEADERS, header)
        assert not re.fullmatch(extra, header)


def test_duplicates_are_dropped() -> None:
    assert len(LineMatcher((*PATTERNS, *PATTERNS)).patterns) == len(PATTERNS)


def test_prose() -> None:
    assert looks_like_prose("The ministry said on Monday that 40 people had been killed.")
    assert not looks_like_prose("Most Commented")


def test_patterns_that_cannot_be_merged_still_match() -> None:
    """A backreference, a global flag and a duplicated group name keep their own meaning."""
    patterns = (
        BoilerplatePattern(r"(\w+) \1", "repeat"),  # "\1" would count the merged groups
        BoilerplatePattern(r"(?s)a.b", "flagged"),  # a global flag only at the start
        BoilerplatePattern(r"(?P<x>zz)", "named"),
        BoilerplatePattern(r"(?P<x>yy)", "named-again"),  # one group name twice
    )
    matcher = LineMatcher(patterns)
    assert matcher.reason("hello hello") == "repeat"
    assert matcher.reason("hello world") is None
    assert matcher.reason("a\nb") == "flagged"
    assert (matcher.reason("zz"), matcher.reason("yy")) == ("named", "named-again")
    merged = LineMatcher(patterns[:2] + PATTERNS)
    assert merged.reason("hello hello") == "repeat"
    assert merged.reason("Related") == "widget"


def test_first_pattern_in_order_wins() -> None:
    patterns = (BoilerplatePattern("related", "first"), *PATTERNS)
    assert LineMatcher(patterns).reason("Related") == "first"


def test_one_matcher_per_knowledge() -> None:
    k = Knowledge(boilerplate=BOILERPLATE)
    assert matcher_for(k) is matcher_for(Knowledge(boilerplate=BOILERPLATE))
    assert matcher_for(k).reason("Leave a Reply") == "comment-form"
    assert matcher_for(Knowledge()).reason("Leave a Reply") is None


def _old_combined(patterns: tuple[BoilerplatePattern, ...]) -> tuple[str | None, tuple[str, ...]]:
    """The combined pattern and the rest as the matcher built them with one test per pattern."""
    from newsclaims_text.boilerplate import _mergeable

    merged = [p for p in patterns if _mergeable(p)]
    if not merged:
        return None, tuple(p.pattern for p in patterns)
    try:
        rx = re.compile("|".join(f"(?:{p.pattern})" for p in merged), re.I)
    except re.error:
        return None, tuple(p.pattern for p in patterns)
    return rx.pattern, tuple(p.pattern for p in patterns if p not in merged)


@pytest.mark.parametrize(
    "extra",
    [
        (),
        (BoilerplatePattern(r"(a)\1", "x"),),  # refers to its own group: never merged
        (BoilerplatePattern(r"(?s)a.b", "x"),),  # a global flag: compiles alone only
        (BoilerplatePattern(r"(?P<n>a)", "x"), BoilerplatePattern(r"(?P<n>b)", "y")),
    ],
)
def test_the_combined_pattern_is_the_one_of_one_test_per_pattern(
    extra: tuple[BoilerplatePattern, ...],
) -> None:
    """issue 14 (start-up): the alternation is compiled once, no longer each pattern again
    inside a group first; what it stands for is unchanged."""
    from newsclaims_text.boilerplate import PATTERNS, LineMatcher

    matcher = LineMatcher((*PATTERNS, *extra))
    any_pattern = matcher._any.pattern if matcher._any is not None else None
    assert (any_pattern, tuple(p.pattern for p in matcher._rest)) == _old_combined(matcher.patterns)
