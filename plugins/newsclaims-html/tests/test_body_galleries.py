"""Gallery pages keep their captions; link-only teaser lists inside a story are related content."""

from __future__ import annotations

from newsclaims_html import parse_html
from test_body_layout import STORY, TEASERS

from newsclaims.models import Document

CAPTIONS = [p.replace("The council", f"Picture {i}: the council") for i, p in enumerate(STORY * 2)]


def _article(html: str):  # type: ignore[no-untyped-def]
    return parse_html(Document(html, content_type="text/html"))


def _gallery(item: str) -> str:
    shots = "".join(item.format(i=i, caption=c) for i, c in enumerate(CAPTIONS))
    return (
        "<html><body><article><h1>Budget night in pictures</h1><p>Scenes from the hall.</p>"
        f"<div class='gallery'>{shots}</div></article></body></html>"
    )


def test_the_captions_of_a_gallery_page_are_its_text() -> None:
    for item in (
        "<figure><img src='/p{i}.jpg'><figcaption>{caption}</figcaption></figure>",
        "<div class='slide'><img src='/p{i}.jpg'><div class='image-caption'>{caption}</div></div>",
    ):
        article = _article(_gallery(item))
        paragraphs = article.text.split("\n\n")
        assert all(c in paragraphs for c in CAPTIONS), item
        assert not any(r.reason == "caption" for r in article.removed)


def test_a_story_with_a_few_pictures_drops_their_captions() -> None:
    story = "".join(f"<p>{p}</p>" for p in STORY * 2)
    shots = "".join(
        f"<figure><img src='/p{i}.jpg'><figcaption>Members at the vote, picture {i}.</figcaption>"
        "</figure>"
        for i in range(3)
    )
    article = _article(
        f"<html><body><article><h1>Budget</h1>{story}{shots}</article></body></html>"
    )
    assert "picture 1" not in article.text
    assert any(r.reason == "caption" for r in article.removed)


def _with_list(items: str) -> str:
    first = "".join(f"<p>{p}</p>" for p in STORY[:2])
    rest = "".join(f"<p>{p}</p>" for p in STORY[2:])
    post = f"<div class='post'><h1>Budget</h1>{first}<ul>{items}</ul>{rest}</div>"
    return f"<html><body>{post}</body></html>"


def test_a_list_of_links_to_other_stories_inside_a_story_is_removed() -> None:
    items = "".join(f"<li><a href='/story/{i}'>{t}</a></li>" for i, t in enumerate(TEASERS))
    article = _article(_with_list(items))
    assert all(p in article.text for p in STORY)
    assert not any(t in article.text for t in TEASERS)
    assert any(r.reason == "related" and TEASERS[0] in r.text for r in article.removed)


def test_a_table_of_contents_and_a_list_of_sentences_stay() -> None:
    toc = "".join(f"<li><a href='#part-{i}'>{t}</a></li>" for i, t in enumerate(TEASERS))
    sentences = "".join(
        f"<li>{t}, the town <a href='/notice/{i}'>said</a> in a notice.</li>"
        for i, t in enumerate(TEASERS)
    )
    for items in (toc, sentences):
        article = _article(_with_list(items))
        assert all(t in article.text for t in TEASERS), items
