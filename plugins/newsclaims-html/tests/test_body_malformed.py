"""Malformed pages: the story read as a browser shows it."""

from __future__ import annotations

from newsclaims_html import parse_html
from newsclaims_html.tree import parse_tree
from test_body_layout import STORY

from newsclaims.models import Document


def _text(html: str) -> str:
    return parse_html(Document(html, content_type="text/html")).text


def test_text_after_the_closing_html_tag_is_body_text() -> None:
    first = "".join(f"<p>{p}</p>" for p in STORY[:2])
    rest = "".join(f"<p>{p}</p>" for p in STORY[2:])
    for html in (
        f"<html><body><h1>Budget</h1>{first}</body></html>\n{rest}",
        f"<html><body><h1>Budget</h1>{first}</body>{rest}</html>",
        f"<html><body><h1>Budget</h1>{first}</body></html></body></html>{rest}",
    ):
        text = _text(html)
        assert all(p in text for p in STORY), html[-80:]


def test_a_well_formed_page_parses_as_before() -> None:
    tree = parse_tree("<html><body><p>One.</p></body></html>\n")
    assert tree is not None
    assert [p.text for p in tree.iter("p")] == ["One."]
    assert tree.find("body") is not None
