"""Sentences with offsets that survive news prose."""

from __future__ import annotations

from newsclaims.claims.sentences import split_sentences


def texts(text: str) -> list[str]:
    out = split_sentences(text)
    for s in out:
        assert text[s.start : s.end] == s.text
    return [s.text for s in out]


def test_abbreviations_and_titles_do_not_split() -> None:
    text = (
        "Rep. Jane Roe and Lt. Col. John Doe met U.S. and U.N. officials on Jan. 5. "
        "Dr. Smith said No. 3 was closed."
    )
    assert texts(text) == [
        "Rep. Jane Roe and Lt. Col. John Doe met U.S. and U.N. officials on Jan. 5.",
        "Dr. Smith said No. 3 was closed.",
    ]


def test_decimals_and_initials() -> None:
    assert texts("Losses rose 2.5 percent, said John F. Smith. Then it fell.") == [
        "Losses rose 2.5 percent, said John F. Smith.",
        "Then it fell.",
    ]


def test_glued_sentences_are_split() -> None:
    assert texts("Seven died in Syria.The desert was quiet.") == [
        "Seven died in Syria.",
        "The desert was quiet.",
    ]


def test_quotes_end_sentences() -> None:
    assert texts('"We are safe," he said. "Nobody died." Police agreed.') == [
        '"We are safe," he said.',
        '"Nobody died."',
        "Police agreed.",
    ]


def test_paragraphs_never_merge() -> None:
    out = split_sentences("First paragraph without a stop\n\nSecond one.")
    assert [(s.text, s.paragraph) for s in out] == [
        ("First paragraph without a stop", 0),
        ("Second one.", 1),
    ]


def test_iter_sentences_yields_what_split_sentences_returns():
    from newsclaims.claims.sentences import iter_sentences

    text = "Police said 12 died. Rep. Lee agreed.\n\nA second paragraph.\nA third one, no stop"
    assert list(iter_sentences(text)) == split_sentences(text)
    assert [s.paragraph for s in iter_sentences(text)] == [0, 0, 1, 2]
