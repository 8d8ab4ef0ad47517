"""The declared article container (issue 14): teaser streams beside it, galleries inside it."""

from __future__ import annotations

import random

from newsclaims_html import parse_html
from newsclaims_html.container import declared_container, embedded_galleries, outside_lines
from newsclaims_html.prune import drop_code
from newsclaims_html.tree import parse_tree

from newsclaims.models import Document

_WORDS = (
    "council river budget harbour engineers winter road station vote rain school bridge "
    "farmers market museum rail tunnel hospital plan tax court water power grid summer"
).split()


def _sentences(rng: random.Random, n: int, words: int = 14) -> list[str]:
    return [" ".join(rng.choice(_WORDS) for _ in range(words)).capitalize() + "." for _ in range(n)]


def _paragraphs(rng: random.Random, n: int) -> list[str]:
    return [" ".join(_sentences(rng, 3)) for _ in range(n)]


def _page(article: str, aside: str = "") -> str:
    return (
        "<html><head><title>Story</title></head><body><div id='main'>"
        f"{article}{aside}</div><footer><p>About us</p></footer></body></html>"
    )


def _parse(html: str):  # type: ignore[no-untyped-def]
    return parse_html(Document(html, content_type="text/html"))


def test_a_teaser_stream_beside_the_article_is_not_body() -> None:
    rng = random.Random(1)
    story = _paragraphs(rng, 8)
    teasers = _paragraphs(rng, 12)
    stream = (
        "<ul class='stream'>"
        + "".join(
            f"<li><div><h3><a href='/s{i}'>Other story {i}</a></h3><p>{t}</p></div></li>"
            for i, t in enumerate(teasers)
        )
        + "</ul>"
    )
    article = _parse(
        _page(
            "<article>" + "".join(f"<p>{p}</p>" for p in story) + "</article>",
            f"<div class='more'>{stream}</div>",
        )
    )
    for paragraph in story:
        assert paragraph in article.text
    for teaser in teasers:
        assert teaser not in article.text
    assert any(r.reason == "outside-article" for r in article.removed)


def test_text_outside_a_small_or_missed_container_stays() -> None:
    rng = random.Random(2)
    story = _paragraphs(rng, 8)
    # the only <article> is a short teaser box: the story is elsewhere and stays
    teaser = "<article><p>" + " ".join(_sentences(rng, 2)) + "</p></article>"
    article = _parse(_page("<div>" + "".join(f"<p>{p}</p>" for p in story) + "</div>", teaser))
    for paragraph in story:
        assert paragraph in article.text


def _gallery(rng: random.Random, n: int) -> tuple[str, list[str]]:
    captions = [" ".join(_sentences(rng, 2, words=10)) for _ in range(n)]
    items = "".join(
        f"<li><img src='/i{i}.jpg'><h2>{i + 1}/{n}</h2><p>{c}</p></li>"
        for i, c in enumerate(captions)
    )
    return f"<div class='story-gallery'><ul>{items}</ul></div>", captions


def test_a_gallery_inside_a_story_is_not_body() -> None:
    rng = random.Random(3)
    story = _paragraphs(rng, 10)
    gallery, captions = _gallery(rng, 30)
    body = (
        "".join(f"<p>{p}</p>" for p in story[:5])
        + gallery
        + "".join(f"<p>{p}</p>" for p in story[5:])
    )
    article = _parse(_page(f"<article><div itemprop='articleBody'>{body}</div></article>"))
    for paragraph in story:
        assert paragraph in article.text
    for caption in captions:
        assert caption not in article.text
    assert any(r.reason == "gallery" for r in article.removed)


def test_a_gallery_page_keeps_its_captions() -> None:
    rng = random.Random(4)
    gallery, captions = _gallery(rng, 12)
    html = _page(f"<article><p>{_sentences(rng, 1)[0]}</p>{gallery}</article>")
    assert embedded_galleries(parse_tree(html)) == []  # type: ignore[arg-type]
    article = _parse(html)
    assert sum(caption in article.text for caption in captions) >= 10


def test_declared_container_prefers_article_body_and_refuses_several() -> None:
    tree = parse_tree("<article><div itemprop='articleBody'><p>x</p></div></article>")
    assert tree is not None
    found = declared_container(tree)
    assert found is not None and found.get("itemprop") == "articleBody"
    two = parse_tree("<article><p>a</p></article><article><p>b</p></article>")
    assert two is not None and declared_container(two) is None


def test_the_fallback_text_of_a_plugin_object_is_not_body() -> None:
    fallback = "This video is unavailable in the format required for your device."
    tree = parse_tree(
        "<div><object data='/player'><object classid='x'><div class='player'>"
        f"<p>{fallback}</p></div></object></object><p>Story text.</p> tail</div>"
    )
    assert tree is not None
    drop_code(tree)
    text = tree.text_content()
    assert fallback not in text
    assert "Story text." in text and "tail" in text


def test_a_line_that_only_dates_the_page_is_not_body() -> None:
    rng = random.Random(6)
    story = _paragraphs(rng, 6)
    stamp = "3 March 2013 Last updated at 17:05 GMT"
    rows = "".join(f"<tr><td>2020-08-01 18:0{i}:00</td><td>{i * 7}</td></tr>" for i in range(3))
    html = _page(
        f"<article><p>{stamp}</p>"
        + "".join(f"<p>{p}</p>" for p in story)
        + "<p>At 4:14 p.m. the vote was held.</p>"
        + f"<table>{rows}</table></article>"
    )
    article = _parse(html)
    assert stamp not in article.text
    assert any(r.reason == "time-stamp" and r.text == stamp for r in article.removed)
    assert "At 4:14 p.m. the vote was held." in article.text
    assert "2020-08-01" in article.text  # a row of figures with a time is not a stamp


def test_outside_lines_searches_the_container_a_bounded_number_of_times() -> None:
    # issue 10 item 9: one full search of the container per line was quadratic (200,000
    # paragraphs in one <article> took minutes); lines in order cost one pass, lines out of
    # order stop the check once its budget is spent
    rng = random.Random(7)
    paragraphs = _paragraphs(rng, 400)
    tree = parse_tree("<article>" + "".join(f"<p>{p}</p>" for p in paragraphs) + "</article>")
    assert tree is not None
    teasers = _paragraphs(rng, 3)
    assert outside_lines(tree, [*paragraphs, *teasers]) == {400, 401, 402}
    short = paragraphs[:40]
    tree = parse_tree("<article>" + "".join(f"<p>{p}</p>" for p in short) + "</article>")
    assert tree is not None
    assert outside_lines(tree, [*reversed(short), *teasers]) == {40, 41, 42}
    # a huge container with many lines out of order is not judged (the work is bounded)
    many = _paragraphs(rng, 20_000)
    tree = parse_tree("<article>" + "".join(f"<p>{p}</p>" for p in many) + "</article>")
    assert tree is not None
    assert outside_lines(tree, [*reversed(many), *teasers]) == set()


def test_declarations_taken_before_pruning_give_the_container_of_the_pruned_tree() -> None:
    from newsclaims_html.container import declarations

    words = " ".join(["word"] * 20)
    tree = parse_tree(
        f"<html><body><article><p>{words}</p></article>"
        f"<div class='promo'><article><p>{words}</p></article></div></body></html>"
    )
    assert tree is not None
    found = declarations(tree)
    assert declared_container(tree, found) is None  # two articles
    tree.find(".//div").drop_tree()  # the promo box and its article go
    assert declared_container(tree, found) is declared_container(tree)
    assert declared_container(tree, found) is tree.find(".//article")
