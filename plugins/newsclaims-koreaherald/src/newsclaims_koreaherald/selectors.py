"""A small CSS subset compiled to XPath, so layout tables read like the page's own markup.

Supported: a tag name or ``*``, ``.class`` (repeatable), ``#id``, the descendant combinator
(a space) and the child combinator (``>``). That is all the layout tables need, and it
keeps the plugin free of a ``cssselect`` dependency.

>>> to_xpath("div#main > h1")
"descendant-or-self::div[@id='main']/h1"
"""

from __future__ import annotations

import re
from functools import lru_cache

from lxml import etree  # type: ignore[import-untyped]

__all__ = ["SelectorError", "compiled", "select", "to_xpath"]

_COMPOUND = re.compile(r"^([A-Za-z][A-Za-z0-9]*|\*)?((?:[.#][A-Za-z0-9_-]+)*)$")
_PART = re.compile(r"([.#])([A-Za-z0-9_-]+)")


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


def select(node: etree._Element, selector: str) -> list[etree._Element]:
    """Elements under (or equal to) ``node`` that match ``selector``, in document order."""
    result = compiled(selector)(node)
    if not isinstance(result, list):
        return []
    return [e for e in result if isinstance(e, etree._Element)]
