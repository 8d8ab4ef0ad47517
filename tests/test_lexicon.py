"""The core lexicons: boilerplate patterns remove widgets, never sentences."""

from __future__ import annotations

import pytest

from newsclaims.claims.lexicon import BOILERPLATE, MEASURE_TERMS

MEASURES = {"killed", "wounded", "casualties", "missing", "captured", "deployed", "displaced",
            "arrested"}  # fmt: skip


def reason(line: str) -> str | None:
    for pattern in BOILERPLATE:
        if pattern.regex.fullmatch(line):
            return pattern.reason
    return None


@pytest.mark.parametrize(
    ("line", "why"),
    [
        ("Leave a Reply", "comment-form"),
        ("Your email address will not be published. Required fields are marked *", "comment-form"),
        ("Most Commented", "widget"),
        ("Most PopularFloods hit the coast again", "widget"),
        ("Related stories: Storm season begins", "widget"),
        ("1,204 Views", "counter"),
        ("Comments: 12", "counter"),
        ("0", "identifier"),
        ("0b8e2c1a-93f4-4c55-a0e7-7d1c2f3b4a5e", "identifier"),
        ("* * *", "separator"),
        ("© 2024 Example Media. All rights reserved.", "copyright"),
        ("Share this article", "prompt"),
    ],
)
def test_boilerplate_lines(line: str, why: str) -> None:
    assert reason(line) == why


@pytest.mark.parametrize(
    "line",
    [
        "Recommended doses were given to 300 patients on Monday.",
        "Read more about the storm in our explainer, officials said.",
        "Related attacks killed 12 people in 2019.",
        "Most people in the district fled before the storm.",
        "Share prices fell 3% after the attack.",
    ],
)
def test_sentences_are_never_boilerplate(line: str) -> None:
    assert reason(line) is None


def test_measure_lexicon_covers_every_version_one_measure() -> None:
    assert {t.measure for t in MEASURE_TERMS} == MEASURES
    assert all(t.term == t.term.strip() and t.term for t in MEASURE_TERMS)
