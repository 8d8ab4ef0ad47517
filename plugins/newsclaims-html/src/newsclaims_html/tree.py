"""Parse a page once into an lxml tree that every other module (and trafilatura) reads."""

from __future__ import annotations

import re

from lxml import etree  # type: ignore[import-untyped]
from lxml.html import HtmlElement, HTMLParser  # type: ignore[import-untyped]

__all__ = ["HtmlElement", "parse_tree"]

_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)


def _parser() -> HTMLParser:
    # one parser object per call: lxml parsers are not thread-safe
    return HTMLParser(remove_comments=True, collect_ids=False, default_doctype=False)


def parse_tree(page: str | bytes) -> HtmlElement | None:
    """Parse ``page`` into an lxml HTML tree; ``None`` when nothing parses.

    Text with an XML declaration is accepted (lxml refuses such unicode strings).
    """
    if isinstance(page, bytes):
        page = page.decode("utf-8", errors="replace")
    page = _XML_DECL.sub("", page, count=1).replace("\x00", "")
    if not page.strip():
        return None
    try:
        root = etree.fromstring(page, parser=_parser())
    except (etree.ParserError, ValueError, TypeError):
        return None
    if root is None or not isinstance(root, HtmlElement):
        return None
    return root
