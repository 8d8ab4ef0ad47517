"""Front matter and scraper headers (constructed snippets)."""

from __future__ import annotations

from newsclaims_text.frontmatter import split_front_matter


def test_yaml_block_with_lists_and_quotes() -> None:
    fm = split_front_matter(
        "---\ntitle: 'Dam breaks'\nauthors:\n  - A B\n  - C D\ntags: [x, y]\n---\n\nBody here."
    )
    assert fm.fields["title"] == "Dam breaks"
    assert fm.get_all("authors") == ("A B", "C D")
    assert fm.fields["tags"] == ("x", "y")
    assert fm.raw.startswith("---") and fm.raw.endswith("---")
    assert fm.body.strip() == "Body here."


def test_toml_block() -> None:
    fm = split_front_matter('+++\ntitle = "Quake"\ndate = 2024-01-02\n+++\nText.')
    assert fm.get("title") == "Quake"
    assert fm.get("date") == "2024-01-02"


def test_plain_header_needs_two_known_keys() -> None:
    fm = split_front_matter("Title: Quake\nAuthor: A B\n\nText.")
    assert fm.get("title") == "Quake" and fm.get("author") == "A B"
    one = split_front_matter("Title: Quake\n\nText.")
    assert one.raw == "" and one.body == "Title: Quake\n\nText."


def test_separator_above_prose_is_not_front_matter() -> None:
    text = "---\nThe army said 12 soldiers were killed in the attack on Monday.\n---\nMore text."
    fm = split_front_matter(text)
    assert fm.raw == "" and fm.body == text


def test_unclosed_block_is_left_alone() -> None:
    text = "---\ntitle: x\nBody without closing fence."
    assert split_front_matter(text).body == text


def test_empty_text() -> None:
    assert split_front_matter("").fields == {}
