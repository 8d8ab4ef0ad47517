"""The visible text of an element as lines, one per block (paragraph, heading, cell, ``<br>``).

Iterative (no recursion), so deeply nested markup soup cannot exhaust the stack.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable

from lxml import etree  # type: ignore[import-untyped]

__all__ = ["BLOCK_TAGS", "SKIP_TAGS", "block_lines", "element_text"]

#: Tags whose start and end break a line.
BLOCK_TAGS = frozenset(
    [
        "p",
        "div",
        "br",
        "li",
        "ul",
        "ol",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "table",
        "tr",
        "td",
        "th",
        "thead",
        "tbody",
        "tfoot",
        "section",
        "article",
        "header",
        "footer",
        "figure",
        "figcaption",
        "pre",
        "dd",
        "dt",
        "dl",
        "hr",
        "aside",
        "nav",
        "main",
        "address",
        "caption",
        "center",
    ]
)
#: Tags whose content is never visible text.
SKIP_TAGS = frozenset(
    [
        "script",
        "style",
        "noscript",
        "template",
        "iframe",
        "svg",
        "object",
        "embed",
        "head",
        "title",
        "select",
        "option",
    ]
)


def _flat(text: str) -> str:
    return text.replace("\r", " ").replace("\n", " ")


def block_lines(
    element: etree._Element,
    skip: Iterable[str] = SKIP_TAGS,
    skip_elements: Collection[etree._Element] = (),
) -> list[str]:
    """Visible text of ``element`` split at block boundaries, whitespace collapsed.

    Elements whose tag is in ``skip``, and the ``skip_elements`` themselves, are left out
    with their content (their tail text stays). Newlines inside text nodes are spaces.
    """
    skip_tags = frozenset(skip)
    excluded = set(skip_elements)
    parts: list[str] = []
    skipped: set[etree._Element] = set()
    walker = etree.iterwalk(element, events=("start", "end", "comment", "pi"))
    for event, node in walker:
        tag = node.tag.lower() if isinstance(node.tag, str) else None
        if event in ("comment", "pi"):
            if node is not element and node.tail:
                parts.append(_flat(node.tail))
        elif event == "start":
            if tag is None or tag in skip_tags or node in excluded:
                skipped.add(node)
                walker.skip_subtree()
                continue
            if tag in BLOCK_TAGS:
                parts.append("\n")
            if node.text:
                parts.append(_flat(node.text))
        else:
            if tag in BLOCK_TAGS:
                parts.append("\n")
            if node is not element and node.tail:
                parts.append(_flat(node.tail))
    lines = (" ".join(line.split()) for line in "".join(parts).split("\n"))
    return [line for line in lines if line]


def element_text(element: etree._Element | None) -> str:
    """The visible text of ``element`` on one line ("" for ``None``)."""
    if element is None:
        return ""
    return " ".join(block_lines(element))
