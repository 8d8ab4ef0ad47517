"""Body cleaning on a constructed page with captions, teasers, embeds and a body byline."""

from __future__ import annotations

from collections.abc import Callable

from newsclaims_html import parse_html

from newsclaims.knowledge import BoilerplatePattern, Knowledge
from newsclaims.models import Document

Read = Callable[[str], str]


def _article(page: Read, name: str, knowledge: Knowledge | None = None):  # type: ignore[no-untyped-def]
    return parse_html(Document(page(name), content_type="text/html"), knowledge)


def test_captions_teasers_and_embeds_are_removed_with_reasons(page: Read) -> None:
    article = _article(page, "captions_related.html")
    reasons = {r.text: r.reason for r in article.removed}
    assert reasons["Power lines outside the capital on Monday. (Photo: Northern Tribune)"] == (
        "caption"
    )
    assert reasons["Shoppers queue for fans at a store in the city centre."] == "caption"
    assert reasons["Drought forces farmers to sell cattle early"] == "related"
    assert reasons["Why the grid struggles in summer heat"] == "related"
    assert reasons["We have never seen demand like this in July."] == "pull-quote"
    assert reasons["Tomas Lindqvist/Hanna Berg"] == "byline"
    assert any(r.reason == "embed" for r in article.removed)
    assert any(r.reason == "author-bio" for r in article.removed)
    assert any(r.reason == "promo" for r in article.removed)
    for removed in article.removed:
        assert removed.text not in article.text


def test_paragraphs_dek_and_body_byline(page: Read) -> None:
    article = _article(page, "captions_related.html")
    paragraphs = article.text.split("\n\n")
    assert paragraphs[0].startswith("Operators asked factories")  # the dek leads
    assert paragraphs[1].startswith("The national grid operator")
    assert paragraphs[-1].startswith("The operator said it would publish")
    assert len(paragraphs) == 6 and all(p == p.strip() and p for p in paragraphs)
    # the page names only its outlet as author; the byline in the body names the writers
    assert article.authors == ("Tomas Lindqvist", "Hanna Berg")
    assert article.source.outlet == "Northern Tribune"


def test_declared_person_author_is_not_replaced(page: Read) -> None:
    html = page("captions_related.html").replace(
        '<meta name="author" content="Northern Tribune">', '<meta name="author" content="Eva Holm">'
    )
    article = parse_html(Document(html, content_type="text/html"))
    assert article.authors == ("Eva Holm",)
    assert "Tomas Lindqvist/Hanna Berg" in article.text  # not a byline of the declared author


def test_knowledge_boilerplate_lines_are_removed(page: Read) -> None:
    knowledge = Knowledge(
        boilerplate=(BoilerplatePattern(r"forecasters expect .*", "test-boilerplate"),)
    )
    article = _article(page, "captions_related.html", knowledge)
    assert "Forecasters expect" not in article.text
    assert any(r.reason == "test-boilerplate" for r in article.removed)


def test_knowledge_names_the_outlet(page: Read) -> None:
    from newsclaims.knowledge import Outlet

    knowledge = Knowledge(outlets=(Outlet("Harbour Daily News", ("harbourdaily.example",)),))
    article = _article(page, "og_only.html", knowledge)
    assert article.source.outlet == "Harbour Daily News"
    assert article.source.domain == "harbourdaily.example"


def test_declared_article_body_replaces_a_partial_extraction() -> None:
    paragraphs = [
        f"Paragraph {i} says the council approved a budget of {i} million for repairs."
        for i in range(1, 13)
    ]
    body = "\\n\\n".join([*paragraphs[:2], "+++dropcap", "[#image: /photos/x]", *paragraphs[2:]])
    html = (
        '<html><head><script type="application/ld+json">{"@type": "NewsArticle", '
        f'"headline": "Budget", "articleBody": "{body}"}}</script></head><body><article>'
        + "".join(f"<p>{p}</p>" for p in paragraphs[:3])
        + '</article><div class="later">'
        + "".join(f"<div><span>{p}</span></div>" for p in paragraphs[3:])
        + "</div></body></html>"
    )
    article = parse_html(Document(html, content_type="text/html"))
    assert article.text.split("\n\n") == paragraphs


def test_class_query_finds_what_the_full_xpath_finds() -> None:
    # constructed: needles overlapping each other, in ids, nested and absent
    from lxml import etree
    from newsclaims_html.tree import ClassQuery, class_text, parse_tree

    needles = ("caption-text", "wp-caption-text", "dek", "Dek", "bio-box")
    page = (
        '<div class="wp-caption-text">a</div><p class="x caption-text">b</p>'
        '<span id="dek">c</span><div class="big-Dek"><p class="dek">d</p></div>'
        '<div class="author">e</div><div class="bio-boxes">f</div>'
    )
    tree = parse_tree(page)
    assert tree is not None
    template = "//*[{classes}]"
    every = " or ".join(f"contains(@class, '{n}')" for n in needles)
    expected = etree.XPath(f"//*[({every})]")(tree)
    found = ClassQuery(template, needles)(tree, class_text(tree))
    assert [e.text_content() for e in found] == [e.text_content() for e in expected]
    assert [e.text_content() for e in found] == ["a", "b", "d", "d", "f"]
    assert ClassQuery(template, ("absent",))(tree, class_text(tree)) == []


def test_every_element_is_an_html_element() -> None:
    from newsclaims_html.tree import HtmlElement, parse_tree

    tree = parse_tree("<form><input name='q'><select><option>x</option></select></form><p>y</p>")
    assert tree is not None
    assert all(isinstance(e, HtmlElement) for e in tree.iter())
    assert tree.text_content() == "xy"


def test_drop_code_keeps_json_ld_and_tails() -> None:
    from newsclaims_html.prune import drop_code
    from newsclaims_html.tree import parse_tree

    tree = parse_tree(
        '<html><head><style>p{}</style><script type="application/ld+json">{"a": 1}</script>'
        "</head><body><p>One <script>var x = 1;</script>two</p><template><p>t</p></template>"
        "</body></html>"
    )
    assert tree is not None
    drop_code(tree)
    assert [s.get("type") for s in tree.iter("script")] == ["application/ld+json"]
    assert tree.find(".//style") is None and tree.find(".//template") is None
    assert tree.find(".//p").text_content() == "One two"


def test_trim_for_extraction_drops_nav_footer_and_textless_drawings() -> None:
    from newsclaims_html.prune import trim_for_extraction
    from newsclaims_html.tree import parse_tree

    tree = parse_tree(
        "<html><body><nav><a href='/a'>Home</a><nav><a href='/b'>Sport</a></nav></nav>"
        "<p>Before <svg><path d='M0 0'/></svg>after</p>"
        "<p><svg><text>Chart label</text></svg></p>"
        "<footer><p>About us</p></footer>tail text</body></html>"
    )
    assert tree is not None
    assert trim_for_extraction(tree) >= 3
    assert tree.find(".//nav") is None and tree.find(".//footer") is None
    assert [s.text_content() for s in tree.iter("svg")] == ["Chart label"]
    assert tree.find(".//p").text_content() == "Before after"
    assert "tail text" in tree.text_content() and "About us" not in tree.text_content()


def test_a_page_with_navigation_keeps_its_story() -> None:
    story = "".join(
        f"<p>The ferry service between the two harbours ran {n} extra crossings on the "
        f"weekend as the bridge stayed closed for repairs, the operator said.</p>"
        for n in range(2, 10)
    )
    page = (
        "<html><head><title>Ferry adds crossings</title></head><body>"
        "<nav><ul><li><a href='/news'>News</a></li><li><a href='/sport'>Sport</a></li>"
        "<li><a href='/weather'>Weather</a></li></ul></nav>"
        f"<article><h1>Ferry adds crossings</h1>{story}</article>"
        "<footer><p>Contact the newsroom</p></footer></body></html>"
    )
    article = parse_html(Document(page, content_type="text/html"))
    assert "extra crossings" in article.text
    assert "Weather" not in article.text and "Contact the newsroom" not in article.text


def test_a_caption_of_several_paragraphs_is_article_text() -> None:
    # broken markup: the caption's span is never closed and holds the story (a real pattern)
    story = " ".join(
        f"Officials said {n} families were moved from the valley on day {n} of the flood."
        for n in range(1, 9)
    )
    html = (
        "<html><body><article><div class='entry-content'>"
        f"<p class='wp-caption-text'>Families leave the valley. <span>({story}</span></p>"
        f"<p>{story}</p></div></article></body></html>"
    )
    article = parse_html(Document(html, content_type="text/html"))
    assert article.text.count("on day 8 of the flood") == 2
    assert not [r for r in article.removed if r.reason == "caption"]


def _body(html: str) -> str:
    return parse_html(Document(html, content_type="text/html")).text


LONG = "Officials said 5 people were killed when the bridge over the river collapsed on Monday."


def test_sibling_paragraphs_that_repeat_are_each_kept() -> None:
    other = "The ministry said repairs would take at least three months to finish."
    paragraphs = f"<p>{LONG}</p><p>{LONG}</p><div class='share'><h3>Like this:</h3></div>" * 2
    text = _body(f"<html><body><article>{paragraphs}<p>{other}</p></article></body></html>")
    assert text.count(LONG) == 4
    assert text.endswith(other)


def test_a_repeat_elsewhere_on_the_page_is_not_added() -> None:
    teaser = f"<aside><ul><li><a href='/x'>{LONG}</a></li></ul></aside>"
    text = _body(f"<html><body><article><p>{LONG}</p><p>More.</p></article>{teaser}</body></html>")
    assert text.count(LONG) == 1


def test_hidden_elements_are_not_text() -> None:
    hidden = "A paragraph the page never shows to a reader, kept for its search index."
    page = (
        f"<html><body><article><p>{LONG}</p><p style='Display : None'>{hidden}</p>"
        f"<p hidden>{hidden}</p><p>{LONG.replace('5', '7')}</p></article></body></html>"
    )
    text = _body(page)
    assert LONG in text and "never shows" not in text


def test_blocks_under_different_parents_are_no_repeat() -> None:
    # the same sentence once in each of six sibling boxes: no box repeats it; keyed by id()
    # of the parent's proxy (freed and reused between boxes) the boxes counted as one
    from newsclaims_html.body import _repeated_blocks
    from newsclaims_html.tree import parse_tree

    line = "The council voted to extend the night bus service to the outer districts."
    boxes = "".join(f"<div><span>x</span><p>{line}</p></div>" for _ in range(6))
    tree = parse_tree(f"<html><body>{boxes}<div><p>{line}</p><p>{line}</p></div></body></html>")
    assert tree is not None
    assert _repeated_blocks(tree) == [(line, 2)]
