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


# -- issue 9: front matter read with a YAML parser and used by the cleaner -----------------

from datetime import datetime  # noqa: E402

import pytest  # noqa: E402
from newsclaims_text import clean_text  # noqa: E402

from newsclaims.knowledge import Knowledge  # noqa: E402
from newsclaims.models import Document  # noqa: E402


def test_yaml_post_fields_fill_the_article() -> None:
    text = (
        "---\npost_title: >\n  Dam breaks,\n  3 missing\nauthor: Jane Doe\n"
        "post_date: 2016-04-30 00:29:10\noriginal_link:\n  - >\n    https://wire.example.com/a1\n"
        "---\nThree people are missing after a dam broke, officials said on Friday.\n"
    )
    article = clean_text(Document(text), Knowledge())
    assert article.title == "Dam breaks, 3 missing"
    assert article.authors == ("Jane Doe",)
    assert article.published == datetime(2016, 4, 30, 0, 29, 10)
    assert article.source.original_url == "https://wire.example.com/a1"
    assert article.text.startswith("Three people")


def test_malformed_front_matter_warns_without_crash() -> None:
    text = "---\ntitle: 'unclosed\nauthor: [x\n---\nThree people died, police said.\n"
    article = clean_text(Document(text), Knowledge())
    assert any(w.startswith("front matter not read") for w in article.warnings)
    assert "Three people died, police said." in article.text


@pytest.mark.parametrize(
    "line",
    [
        "Published :`2024-03-05 07:14:08`",
        "Published: `2024-03-05`",
        "Published : 2024-03-05",
        "Date: 2024-03-05",
        "Updated: March 5, 2024",
    ],
)
def test_label_date_line_is_the_date_not_body(line: str) -> None:
    text = f"# Flood kills 3\n\n{line}\n\nThree people died in the flood, police said.\n"
    article = clean_text(Document(text), Knowledge())
    assert article.published is not None and article.published.date().isoformat() == "2024-03-05"
    assert "2024" not in article.text and "March" not in article.text
    assert article.text == "Three people died in the flood, police said."


def test_numeric_date_line_in_the_page_order() -> None:
    text = (
        "Flood kills 3\n\nPublished: 11/06/2025\n\nThree people died in the flood, police said.\n"
    )
    uk = clean_text(Document(text, url="https://example.co.uk/a"), Knowledge())
    us = clean_text(Document(text, url="https://example.us/a"), Knowledge())
    assert uk.published == datetime(2025, 6, 11)
    assert us.published == datetime(2025, 11, 6)
