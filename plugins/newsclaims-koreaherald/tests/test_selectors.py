"""The page index answers every selector as the XPath does (constructed random pages)."""

from __future__ import annotations

import random

import pytest
from kh_support import GOLDEN, page
from newsclaims_koreaherald.layouts import LAYOUTS
from newsclaims_koreaherald.selectors import PageIndex, select
from newsclaims_koreaherald.upstream import parse_tree

_TAGS = ["div", "p", "h1", "h2", "span", "section", "td"]
_CLASSES = ["a", "b", "view_tit", "news_title", "text_box"]
# XPath splits class words at space, tab, CR and LF only: a no-break space joins two words
_GLUE = [" ", "  ", "\t", "\n", " \r\n ", "\xa0"]


def _random_html(rng: random.Random, depth: int = 0) -> str:
    out = []
    for _ in range(rng.randint(1, 4)):
        tag = rng.choice(_TAGS)
        attrs = ""
        if rng.random() < 0.7:
            words = rng.sample(_CLASSES, rng.randint(1, 3))
            if rng.random() < 0.2:
                words.append(words[0])  # a word repeated in one value
            value = "".join(w + rng.choice(_GLUE) for w in words)
            attrs += f' class="{rng.choice(_GLUE[:2])}{value}"'
        if rng.random() < 0.2:
            attrs += f' id="{rng.choice(["main", "articleText", "x"])}"'
        inner = _random_html(rng, depth + 1) if depth < 5 and rng.random() < 0.7 else "t"
        out.append(f"<{tag}{attrs}>{inner}</{tag}><!-- c -->")
    return "".join(out)


def _random_selector(rng: random.Random) -> str:
    parts = []
    for k in range(rng.randint(1, 3)):
        if k:
            parts.append(rng.choice([" ", " > ", ">"]))
        compound = rng.choice(["", "*", *_TAGS[:4]])
        for _ in range(rng.randint(0 if compound else 1, 2)):
            compound += rng.choice([".", ".", "#"]) + rng.choice([*_CLASSES, "main", "articleText"])
        parts.append(compound)
    return "".join(parts)


@pytest.mark.parametrize("seed", range(40))
def test_index_gives_what_the_xpath_gives(seed: int) -> None:
    rng = random.Random(seed)
    tree = parse_tree(page(body=_random_html(rng)))
    assert tree is not None
    index = PageIndex(tree)
    inner = [e for e in tree.iter() if isinstance(e.tag, str)]
    matched = 0
    for _ in range(60):
        selector = _random_selector(rng)
        for node in (tree, rng.choice(inner)):
            expected = select(node, selector)
            assert select(node, selector, index) == expected, (selector, node.tag)
            matched += bool(expected)
    assert matched  # the random selectors do find elements


@pytest.mark.parametrize("name", ["view_2018.html", "news_2023.html", "article_2024.html"])
def test_index_answers_the_layout_tables(name: str) -> None:
    tree = parse_tree((GOLDEN / name).read_text("utf-8"))
    assert tree is not None
    index = PageIndex(tree)
    found = 0
    for layout in LAYOUTS:
        for field in ("marker", "title", "subtitle", "byline", "dates", "body", "captions", "drop"):
            for selector in getattr(layout, field):
                expected = select(tree, selector)
                assert select(tree, selector, index) == expected, selector
                found += len(expected)
    assert found or name == "article_2024.html"


def test_index_of_a_subtree_sees_only_the_subtree() -> None:
    tree = parse_tree(page(body="<div class='a'><p class='b'>in</p></div><p class='b'>out</p>"))
    assert tree is not None
    sub = next(e for e in tree.iter("div"))
    index = PageIndex(sub)
    assert [e.text for e in select(sub, ".a .b", index)] == ["in"]
    assert [e.text for e in select(sub, "body .b", index)] == []  # body is outside the index
    assert select(sub, "body .b") == []
