"""Paragraph building (constructed)."""

from __future__ import annotations

from newsclaims_text.paragraphs import is_hard_wrapped, to_paragraphs

WRAPPED = [
    "Rebels in the east of the country freed 25 hostages on Wednesday after",
    "three weeks of talks mediated by church leaders, a government spokesman",
    "said, adding that at least 10 others were still being held.",
]


def test_hard_wrapped_block_is_one_paragraph() -> None:
    assert is_hard_wrapped(WRAPPED)
    assert to_paragraphs(WRAPPED) == [" ".join(WRAPPED)]


def test_line_per_paragraph_stays() -> None:
    lines = ["First paragraph ends here.", "Second paragraph ends here too."]
    assert not is_hard_wrapped(lines)
    assert to_paragraphs(lines) == lines


def test_list_items_are_not_joined() -> None:
    lines = ["Key figures", "- 12 killed", "- 40 wounded"]
    assert to_paragraphs(lines) == lines


def test_line_ends_are_trimmed_but_words_kept() -> None:
    assert to_paragraphs(["  Six died.  ", "", "\t"]) == ["Six died."]
