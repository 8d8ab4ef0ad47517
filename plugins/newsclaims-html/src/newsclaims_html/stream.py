"""The text of a page too large for a tree, read in one streaming pass (issue 10 item 9).

A page with hundreds of thousands of elements costs libxml2 over a hundred bytes a node,
and the body extraction copies the tree again: 25 to 75 times the page's size. Past
:data:`STREAM_TAGS` tags the page is not built as a tree: lxml's HTML parser calls a
target for each start tag, end tag and run of text, and the target keeps only the text,
one paragraph per block element. Memory is then the text itself plus the parser's stack.

What this pass gives up, and says so in a warning: boilerplate removal (navigation,
related links, comments) and the body heuristics. Metadata still comes from the page's
``<head>``, which is parsed as a tree of its own when it is of a normal size.
"""

from __future__ import annotations

import io
import re
from typing import Any

from lxml import etree  # type: ignore[import-untyped]

__all__ = ["STREAM_TAGS", "head_of", "many_tags", "streamed_text"]

#: Pages with more tags than this are read by :func:`streamed_text`, not as a tree (a long
#: news page has a few thousand; a generated or hostile page can have millions).
STREAM_TAGS = 100_000
#: Characters fed to the parser at a time.
_CHUNK = 1 << 20
#: A ``<head>`` larger than this is not parsed as a tree either (its text is not read).
_MAX_HEAD = 2_000_000

#: Elements whose content is never article text.
_SKIP = frozenset(
    {"script", "style", "noscript", "template", "head", "title", "iframe", "object", "svg"}
    | {"select", "option", "button", "textarea", "nav", "form", "applet", "embed", "canvas"}
)
#: Elements that end a paragraph.
_BLOCKS = frozenset(
    {"p", "div", "br", "li", "ul", "ol", "dl", "dt", "dd", "tr", "td", "th", "table"}
    | {"h1", "h2", "h3", "h4", "h5", "h6", "article", "section", "header", "footer"}
    | {"main", "aside", "blockquote", "pre", "figure", "figcaption", "hr", "body", "html"}
)
_SPACES = re.compile(r"[ \t\n\f\v\r\u00a0]+")
_BODY = re.compile(r"<body\b", re.IGNORECASE)


def many_tags(text: str) -> bool:
    """Whether ``text`` has more than :data:`STREAM_TAGS` tags (a cheap upper bound: ``<``)."""
    return text.count("<") > STREAM_TAGS


def head_of(text: str) -> str | None:
    """The markup before ``<body``, closed, when it is of a size to parse as a tree."""
    found = _BODY.search(text, 0, _MAX_HEAD + 1)
    if found is None:
        return None
    return text[: found.start()] + "</head><body></body></html>"


class _Text:
    """An lxml parser target keeping the text outside :data:`_SKIP`, a paragraph per block.

    A paragraph is cleaned (white space collapsed) when its block ends, so memory holds the
    text written so far and one paragraph, never a list of every run of text.
    """

    def __init__(self) -> None:
        self.out = io.StringIO()
        self.line = io.StringIO()
        self.skipping = 0  # depth inside skipped elements

    @staticmethod
    def _name(tag: Any) -> str | None:
        return tag.lower() if isinstance(tag, str) else None  # comments, PIs: not str

    def _flush(self) -> None:
        line = _SPACES.sub(" ", self.line.getvalue()).strip()
        if line:
            if self.out.tell():
                self.out.write("\n\n")
            self.out.write(line)
        self.line = io.StringIO()

    def start(self, tag: Any, attrib: Any) -> None:
        name = self._name(tag)
        if name in _SKIP:
            self.skipping += 1
        elif name in _BLOCKS and not self.skipping:
            self._flush()

    def end(self, tag: Any) -> None:
        name = self._name(tag)
        if name in _SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif name in _BLOCKS and not self.skipping:
            self._flush()

    def data(self, data: str) -> None:
        if not self.skipping:
            self.line.write(data.replace("\n", " "))

    def comment(self, text: str) -> None:  # comments are not text
        return None

    def close(self) -> str:
        self._flush()
        return self.out.getvalue()


def streamed_text(text: str) -> str:
    """The text of the page's ``<body>``, paragraphs separated by a blank line."""
    target = _Text()
    parser = etree.HTMLParser(target=target, recover=True, no_network=True, huge_tree=True)
    found = _BODY.search(text)
    start = found.start() if found is not None else 0
    for at in range(start, len(text), _CHUNK):
        parser.feed(text[at : at + _CHUNK])
    result: str = parser.close()
    return result
