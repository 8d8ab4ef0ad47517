"""A small CSS subset compiled to XPath, so layout tables read like the page's own markup.

Supported: a tag name or ``*``, ``.class`` (repeatable), ``#id``, the descendant combinator
(a space) and the child combinator (``>``). That is all the layout tables need, and it
keeps the plugin free of a ``cssselect`` dependency.

A layout table asks a page some twenty questions, and an XPath class test visits every
element of a 200 KB page each time. :class:`PageIndex` reads the page's classes and ids
once; :func:`select` given an index answers from it, matching right to left like a
browser, with the same result as the XPath (same elements, document order).

>>> to_xpath("div#main > h1")
"descendant-or-self::div[@id='main']/h1"
"""

from __future__ import annotations

from functools import lru_cache

import attrs
from lxml import etree  # type: ignore[import-untyped]

from newsclaims import _re as re

__all__ = ["PageIndex", "SelectorError", "compiled", "select", "to_xpath"]

_COMPOUND = re.compile(r"^([A-Za-z][A-Za-z0-9]*|\*)?((?:[.#][A-Za-z0-9_-]+)*)$")
_PART = re.compile(r"([.#])([A-Za-z0-9_-]+)")
#: XPath's normalize-space() splits at these characters only (not at every Unicode space)
_XML_SPACE = re.compile(r"[ \t\r\n]+")
_CLASSED = etree.XPath("descendant-or-self::*[@class or @id]")


class SelectorError(ValueError):
    """A selector uses syntax outside the supported subset."""


def _compound(text: str) -> str:
    m = _COMPOUND.match(text)
    if not m or not text:
        raise SelectorError(f"unsupported selector part {text!r}")
    tag = m.group(1) or "*"
    tests = []
    for kind, name in _PART.findall(m.group(2)):
        if kind == ".":
            tests.append(f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')")
        else:
            tests.append(f"@id='{name}'")
    return tag + "".join(f"[{t}]" for t in tests)


def to_xpath(selector: str) -> str:
    """Translate ``selector`` into an XPath expression relative to the context node."""
    tokens = selector.replace(">", " > ").split()
    if not tokens or tokens[0] == ">" or tokens[-1] == ">":
        raise SelectorError(f"empty or dangling selector {selector!r}")
    out = "descendant-or-self::"
    axis_next = ""
    for token in tokens:
        if token == ">":
            axis_next = "/"
            continue
        if out != "descendant-or-self::":
            out += axis_next or "//"
        out += _compound(token)
        axis_next = ""
    return out


@lru_cache(maxsize=256)
def compiled(selector: str) -> etree.XPath:
    """The compiled XPath of ``selector`` (cached)."""
    return etree.XPath(to_xpath(selector))


def _words(value: str | None) -> list[str]:
    """The words of a class attribute as XPath's ``normalize-space`` sees them."""
    return [w for w in _XML_SPACE.split(value) if w] if value else []


def _classes(element: etree._Element) -> set[str]:
    return set(_words(element.get("class")))


@attrs.frozen
class _Compound:
    """One compound selector (``div.a.b#c``): its tag (``*`` for any), classes and ids."""

    tag: str
    classes: tuple[str, ...]
    ids: tuple[str, ...]

    def matches(self, element: etree._Element) -> bool:
        if not isinstance(element.tag, str) or self.tag not in ("*", element.tag):
            return False
        if any(element.get("id") != i for i in self.ids):
            return False
        return not self.classes or set(self.classes) <= _classes(element)


@lru_cache(maxsize=256)
def _parsed(selector: str) -> tuple[tuple[_Compound, ...], tuple[bool, ...]]:
    """The compounds of ``selector`` and, between each two, whether the second is a child."""
    to_xpath(selector)  # the same syntax checks
    tokens = selector.replace(">", " > ").split()
    compounds: list[_Compound] = []
    child: list[bool] = []
    pending = False
    for token in tokens:
        if token == ">":
            pending = True
            continue
        if compounds:
            child.append(pending)
        pending = False
        m = _COMPOUND.match(token)
        assert m is not None  # checked by to_xpath
        parts = _PART.findall(m.group(2))
        compounds.append(
            _Compound(
                tag=m.group(1) or "*",
                classes=tuple(n for k, n in parts if k == "."),
                ids=tuple(n for k, n in parts if k == "#"),
            )
        )
    return tuple(compounds), tuple(child)


class PageIndex:
    """The elements of one tree by class word and by id, read in one pass.

    Build it once per page, after the page is parsed and before :func:`select` asks it;
    an index of a tree changed since gives stale answers.
    """

    def __init__(self, root: etree._Element) -> None:
        """Index every element of ``root`` (and ``root``) that has a class or an id."""
        self.root = root
        self.by_class: dict[str, list[etree._Element]] = {}
        self.by_id: dict[str, list[etree._Element]] = {}
        for element in _CLASSED(root):
            for name in _words(element.get("class")):
                found = self.by_class.setdefault(name, [])
                if not found or found[-1] is not element:  # a word repeated in one value
                    found.append(element)
            ident = element.get("id")
            if ident is not None:
                self.by_id.setdefault(ident, []).append(element)

    def _candidates(self, compound: _Compound) -> list[etree._Element]:
        if compound.classes:
            return min((self.by_class.get(c, []) for c in compound.classes), key=len)
        if compound.ids:
            return self.by_id.get(compound.ids[0], [])
        if compound.tag != "*":
            return list(self.root.iter(compound.tag))
        return [e for e in self.root.iter() if isinstance(e.tag, str)]

    def select(self, node: etree._Element, selector: str) -> list[etree._Element]:
        """What ``select(node, selector)`` gives, from the index (``node`` in its tree)."""
        compounds, child = _parsed(selector)
        # every indexed element is under a parentless root: no need to look for ``node``
        everywhere = node is self.root and self.root.getparent() is None
        return [
            e
            for e in self._candidates(compounds[-1])
            if _chain(e, len(compounds) - 1, compounds, child, node, everywhere)
        ]


def _chain(
    element: etree._Element,
    i: int,
    compounds: tuple[_Compound, ...],
    child: tuple[bool, ...],
    node: etree._Element,
    everywhere: bool,
) -> bool:
    """Whether ``element`` matches compound ``i`` with a matching chain to its left."""
    if not compounds[i].matches(element):
        return False
    if i == 0:  # descendant-or-self of the context node
        return everywhere or element is node or any(a is node for a in element.iterancestors())
    if child[i - 1]:
        parent = element.getparent()
        return parent is not None and _chain(parent, i - 1, compounds, child, node, everywhere)
    return any(
        _chain(a, i - 1, compounds, child, node, everywhere) for a in element.iterancestors()
    )


def select(
    node: etree._Element, selector: str, index: PageIndex | None = None
) -> list[etree._Element]:
    """Elements under (or equal to) ``node`` that match ``selector``, in document order.

    With the page's ``index`` the answer comes from it (the same elements, faster).
    """
    if index is not None:
        return index.select(node, selector)
    result = compiled(selector)(node)
    if not isinstance(result, list):
        return []
    return [e for e in result if isinstance(e, etree._Element)]
