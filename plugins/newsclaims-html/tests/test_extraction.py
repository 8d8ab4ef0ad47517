"""The fast-first trafilatura call gives what its full cascade gives (constructed pages)."""

from __future__ import annotations

import json

import trafilatura
from lxml import etree
from newsclaims_html.extraction import _extract, _options, _sound, main_text
from newsclaims_html.tree import HtmlElement, parse_tree

_SENTENCE = (
    "The regional council approved a budget of {n} million for new water pipes on Tuesday, "
    "officials said, after months of debate over costs and delays. "
)


def _page(container: str) -> str:
    """A constructed page: navigation, twelve paragraphs in ``container``, a footer."""
    paragraphs = "".join(f"<p>{_SENTENCE.format(n=i) * 2}</p>" for i in range(12))
    ld = json.dumps({"@type": "NewsArticle", "articleBody": "Council approves budget. " * 12})
    return (
        f'<html><head><title>Budget</title><script type="application/ld+json">{ld}</script>'
        '</head><body><nav><a href="/a">Home</a> <a href="/b">World</a></nav>'
        f'<div class="{container}">{paragraphs}</div><footer><p>About us</p></footer>'
        "</body></html>"
    )


def _full(tree: HtmlElement) -> str:
    result = trafilatura.bare_extraction(
        tree,
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
        with_metadata=False,
    )
    return str(result.text) if result is not None and result.text else ""


def _tree(page: str) -> HtmlElement:
    tree = parse_tree(page)
    assert tree is not None
    return tree


def test_plain_article_needs_one_fast_run() -> None:
    tree = _tree(_page("article-body"))
    options = _options(None, fast=True)
    assert _sound(_extract(tree, options), options, tree)
    assert options.fast_reads == 1
    text = main_text(tree)
    assert text == _full(tree)
    assert text.count("regional council approved") == 24


def test_failed_main_pass_falls_back_to_the_full_cascade() -> None:
    # trafilatura's main pass drops "teaser" blocks; its rescue differs between fast and full
    tree = _tree(_page("article-teaser"))
    options = _options(None, fast=True)
    assert not _sound(_extract(tree, options), options, tree)
    assert options.fast_reads > 1
    assert main_text(tree) == _full(tree)


def test_page_with_much_more_paragraph_text_falls_back() -> None:
    # the extraction holds less than half the page's paragraph text: readability might win
    extra = "".join(f"<p>{_SENTENCE.format(n=100 + i) * 3}</p>" for i in range(30))
    page = _page("article-body").replace(
        "<footer>", f'<div class="comments-list">{extra}</div><footer>'
    )
    tree = _tree(page)
    options = _options(None, fast=True)
    result = _extract(tree, options)
    assert result is not None and not _sound(result, options, tree)
    assert main_text(tree) == _full(tree)


def test_tree_is_left_as_it_is() -> None:
    tree = _tree(_page("article-teaser"))
    before = etree.tostring(tree)
    main_text(tree)
    assert etree.tostring(tree) == before


def test_tiny_and_empty_pages_match_the_full_cascade() -> None:
    for page in (
        "<html><body><p>Short note.</p></body></html>",
        "<html><body><nav><a href='/'>Home</a></nav></body></html>",
        "<html><body></body></html>",
    ):
        tree = _tree(page)
        assert main_text(tree) == _full(tree)
