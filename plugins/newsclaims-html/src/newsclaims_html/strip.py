"""lxml's ``strip_tags`` without the quadratic cost of the text it leaves behind.

``etree.strip_tags`` unwraps elements but leaves their text as a run of sibling text
nodes, and lxml reads such a run (``el.text``) by concatenating bytes, one node at a
time: 40,000 bold words in one paragraph, once stripped, take seconds to read. trafilatura
strips inline markup (``<b>``, ``<em>``, ``<span>``, links) and then reads the text of
every paragraph. :func:`strip_tags` does what ``etree.strip_tags`` does, node for node
(same tree, same text), but a container that loses at least :data:`RUN` elements gets its
text joined in Python into one node per position, so that reading it stays linear.

:func:`install` puts it in place of ``strip_tags`` in trafilatura's modules.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from lxml import etree  # type: ignore[import-untyped]

__all__ = ["RUN", "install", "strip_tags"]

#: A container that loses this many elements has its text joined here (fewer: lxml's way).
RUN = 64

_lxml_strip_tags = etree.strip_tags


def _names(tags: Iterable[Any]) -> set[str] | None:
    """Plain tag names of a ``strip_tags`` call; ``None`` for anything else (``*``, a QName)."""
    names: set[str] = set()
    for tag in tags:
        if isinstance(tag, str):
            if tag == "*" or "{" in tag:
                return None
            names.add(tag)
        elif isinstance(tag, list | tuple | set | frozenset):
            inner = _names(tag)
            if inner is None:
                return None
            names |= inner
        else:
            return None
    return names


def _flatten(container: Any, names: set[str]) -> None:
    """Unwrap every element of ``names`` under ``container``, one text node per position."""
    first: list[str] = [container.text or ""]
    kept: list[tuple[Any, list[str]]] = []
    current = first
    # children to visit, depth first; a stripped element pushes its tail after its children
    stack: list[Any] = list(reversed(container))
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            current.append(item)
            continue
        if isinstance(item.tag, str) and item.tag in names:
            current.append(item.text or "")
            stack.append(item.tail or "")
            stack.extend(reversed(item))
            continue
        current = [item.tail or ""]
        kept.append((item, current))
    for child in list(container):
        container.remove(child)
    container.text = "".join(first) or None
    for element, tail in kept:
        container.append(element)
        element.tail = "".join(tail) or None


def strip_tags(tree: Any, *tags: Any) -> None:
    """``etree.strip_tags(tree, *tags)``, linear in time also for long runs of them."""
    names = _names(tags)
    if not names:
        _lxml_strip_tags(tree, *tags)
        return
    container_of: dict[Any, Any] = {}
    counts: dict[Any, int] = {}
    for el in tree.iterdescendants(*names):
        parent = el.getparent()
        container = container_of.get(parent, parent)
        container_of[el] = container
        counts[container] = counts.get(container, 0) + 1
    for container, count in counts.items():
        if count >= RUN:
            _flatten(container, names)
    _lxml_strip_tags(tree, *tags)


def install() -> None:
    """Use :func:`strip_tags` in trafilatura's modules that import lxml's (idempotent)."""
    import importlib

    for name in ("core", "external", "htmlprocessing", "main_extractor"):
        try:
            module = importlib.import_module(f"trafilatura.{name}")
        except ImportError:
            continue
        if getattr(module, "strip_tags", None) is _lxml_strip_tags:
            setattr(module, "strip_tags", strip_tags)  # noqa: B010
