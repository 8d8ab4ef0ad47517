"""Pages with many elements cost time linear in their size (issue 10 item 9).

libxml2 evaluates ``//p//text()`` in quadratic time (each paragraph's text nodes are
merged into one node set with a duplicate check against the whole set, and runs of
sibling text nodes are sorted by walking them): 200,000 short paragraphs took 131 s,
40,000 inline elements in one paragraph 23 s. These tests count, instead of timing:
which XPath paths reach libxml2 during a parse, the compiled paths of the plugin, and
the element objects a parse creates as the page grows.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import newsclaims_html
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree
from lxml import html as lxml_html
from lxml.html import HtmlElement
from newsclaims_html import extraction, metadata, prune, strip, tree
from newsclaims_html.parse import parse_html
from newsclaims_html.tree import PageElement, paragraph_text, parse_tree

from newsclaims.models import Document

# a descendant step, then a descendant text step: the node-set merge libxml2 does quadratically
QUADRATIC = re.compile(r"//[^/\[\]|]+(?:\[[^\]]*\])?//text\(\)|/descendant::text\(\)")


def _inline(n: int) -> str:
    words = "".join(f"<b>w{i}</b> " for i in range(n))
    return f"<html><body><article><p>{words}</p></article></body></html>"


def _paragraphs(n: int) -> str:
    body = "".join(f"<p>Word {i} here.</p>" for i in range(n))
    return f"<html><body><article>{body}</article></body></html>"


def _parse(page: str) -> str:
    return parse_html(Document(text=page, content_type="text/html")).text


@pytest.fixture
def lxml_paths(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Every path handed to lxml's own ``xpath()`` on the page's elements."""
    seen: list[str] = []
    original = HtmlElement.xpath

    def recording(self: Any, path: str, **kwargs: Any) -> Any:
        seen.append(path)
        return original(self, path, **kwargs)

    monkeypatch.setattr(HtmlElement, "xpath", recording)
    yield seen


@pytest.mark.parametrize("page", [_inline(2_000), _paragraphs(2_000)], ids=["inline", "paragraphs"])
def test_no_quadratic_path_reaches_libxml2(page: str, lxml_paths: list[str]) -> None:
    text = _parse(page)
    assert "w1999" in text or "Word 1999 here." in text  # the whole body is read
    assert not [p for p in lxml_paths if QUADRATIC.search(p)]


def _compiled_paths() -> Iterator[str]:
    for module in (newsclaims_html, extraction, metadata, prune, tree):
        for value in vars(module).values():
            if isinstance(value, etree.XPath):
                yield value.path
    for query in (prune._QUERY,):
        yield query.template


def test_no_compiled_path_of_the_plugin_is_quadratic() -> None:
    paths = list(_compiled_paths())
    assert paths  # the scan sees the plugin's paths
    assert not [p for p in paths if QUADRATIC.search(p)]


class _Counted(PageElement):
    """A page element that counts the element objects lxml creates for Python code."""

    created = 0

    def _init(self) -> None:
        type(self).created += 1


def _elements_created(page: str, monkeypatch: pytest.MonkeyPatch) -> int:
    lookup = etree.ElementDefaultClassLookup(element=_Counted)
    monkeypatch.setattr(tree, "_LOOKUP", lookup)
    _Counted.created = 0
    _parse(page)
    return _Counted.created


@pytest.mark.parametrize("build", [_inline, _paragraphs], ids=["inline", "paragraphs"])
def test_elements_touched_grow_linearly(build: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    small = _elements_created(build(1_000), monkeypatch)
    large = _elements_created(build(4_000), monkeypatch)
    assert small > 1_000  # every element is seen at least once
    assert large <= 4.4 * small


@st.composite
def _fragments(draw: st.DrawFn, depth: int = 0) -> str:
    parts = []
    for _ in range(draw(st.integers(0, 4))):
        if depth < 4 and draw(st.booleans()):
            tag = draw(st.sampled_from(["p", "b", "div", "span", "li"]))
            parts.append(f"<{tag}>{draw(_fragments(depth + 1))}</{tag}>")
        else:
            parts.append(draw(st.sampled_from(["x", "yy", " ", "z z", ""])))
    return "".join(parts)


@settings(max_examples=150, deadline=None)
@given(_fragments())
def test_paragraph_text_is_what_the_xpath_selects(fragment: str) -> None:
    root = parse_tree(f"<html><body>{fragment}</body></html>")
    assert root is not None
    whole, below = etree.XPath("//p//text()"), etree.XPath(".//p//text()")
    for el in root.iter():
        assert "".join(paragraph_text(el)) == "".join(whole(el))
        assert "".join(paragraph_text(el, below=True)) == "".join(below(el))
        assert "".join(el.xpath("//p//text()")) == "".join(whole(el))


def test_paragraph_text_counts_a_nested_paragraph_once() -> None:
    root = etree.fromstring("<div><p>a<p>b<i>c</i></p>d</p>e<p>f</p></div>")
    assert paragraph_text(root) == ["a", "b", "c", "d", "f"]
    assert paragraph_text(root[0], below=True) == ["b", "c"]


def _text_nodes(el: Any) -> int:
    return int(el.xpath("count(.//text())"))


def test_a_long_stripped_run_is_one_text_node() -> None:
    page = _inline(2_000)
    ours, theirs = parse_tree(page), parse_tree(page)
    assert ours is not None and theirs is not None
    strip.strip_tags(ours, "b")
    etree.strip_tags(theirs, "b")
    # lxml leaves 4,000 sibling text nodes, which it then reads in quadratic time
    assert _text_nodes(theirs) == 4_000
    assert _text_nodes(ours) == 1
    assert etree.tostring(ours) == etree.tostring(theirs)


def test_trafilatura_strips_with_the_linear_strip() -> None:
    _parse(_paragraphs(3))
    import trafilatura.htmlprocessing
    import trafilatura.main_extractor

    assert trafilatura.main_extractor.strip_tags is strip.strip_tags
    assert trafilatura.htmlprocessing.strip_tags is strip.strip_tags


@settings(max_examples=200, deadline=None)
@given(_fragments(), st.sampled_from([("b",), ("b", "i"), ("span", "li"), (["b", "span"],)]))
def test_strip_tags_is_lxmls(fragment: str, tags: tuple[Any, ...]) -> None:
    page = f"<div>{fragment}<!--note-->x<b>y<!--c--></b></div>"
    ours, theirs = lxml_html.fromstring(page), lxml_html.fromstring(page)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(strip, "RUN", 1)  # every container the Python way
        strip.strip_tags(ours, *tags)
    etree.strip_tags(theirs, *tags)
    assert etree.tostring(ours) == etree.tostring(theirs)
    for a, b in zip(ours.iter(), theirs.iter(), strict=True):
        assert (a.tag, a.text or None, a.tail or None) == (b.tag, b.text or None, b.tail or None)
