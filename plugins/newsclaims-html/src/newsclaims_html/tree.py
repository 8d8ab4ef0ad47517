"""Parse a page once into an lxml tree that every other module (and trafilatura) reads.

:class:`ClassQuery` finds elements by substrings of their ``class`` attribute without
testing every substring on every element: the page's class attributes are read once
(:func:`class_text`), and the XPath run holds only the substrings that occur in them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from lxml import etree  # type: ignore[import-untyped]
from lxml.html import (  # type: ignore[import-untyped]
    HtmlComment,
    HtmlElement,
    HtmlEntity,
    HTMLParser,
    HtmlProcessingInstruction,
)

__all__ = [
    "ClassQuery",
    "HtmlElement",
    "PageElement",
    "class_text",
    "paragraph_text",
    "parse_page",
    "parse_tree",
]

# an XML declaration, also a malformed one (no closing "?", a broken encoding=)
_XML_DECL = re.compile(r"^\s*<\?xml\b[^>]*>", re.IGNORECASE)
# characters lxml cannot hold in a tree (it parses them, then refuses to set a text or
# tail holding one): C0 controls but tab, newline and carriage return, and the two
# noncharacters. Vertical tab and form feed are white space; the others are invisible.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_CONTROL_SPACE = re.compile("[\x0b\x0c]")
# the same characters, tested one by one: ``c in page`` is a memchr-like scan in C, some
# three times faster over a page than the character class (which no page holds anyway)
_XML_INVALID_CHARS = tuple(
    chr(c) for c in (*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0xFFFE, 0xFFFF)
)


def _has_invalid(page: str) -> bool:
    """Whether ``page`` holds a character of :data:`_XML_INVALID`."""
    return any(c in page for c in _XML_INVALID_CHARS)


def paragraph_text(tree: HtmlElement, *, below: bool = False) -> list[str]:
    """The text inside ``<p>`` elements of ``tree``'s document, in order; linear in the tree.

    What ``//p//text()`` selects (``.//p//text()`` with ``below``: only paragraphs under
    ``tree``), but adjacent text nodes come as one string. libxml2 evaluates those paths
    in quadratic time: it checks each merged text node against the whole node set for
    duplicates, and sorts runs of sibling text nodes (left by ``strip_tags``) by walking
    them; 200,000 short paragraphs, or 40,000 inline elements in one, cost minutes.
    """
    root = tree if below else tree.getroottree().getroot()
    if root is None:
        return []
    out: list[str] = []
    open_p = 0  # paragraphs open around the element (the context itself not counted)
    for event, el in etree.iterwalk(root, events=("start", "end"), tag="p"):
        if below and el is root:
            continue
        if event == "start":
            if open_p == 0:
                out.extend(el.itertext())
            open_p += 1
        else:
            open_p -= 1
    return out


class PageElement(HtmlElement):  # type: ignore[misc]
    """An element of a parsed page: an :class:`HtmlElement` whose ``xpath("//p//text()")``
    runs in linear time (:func:`paragraph_text`); every other path is evaluated as is.

    trafilatura asks that path of the tree it is given, to see whether a page has
    paragraph text; it only tests the list for emptiness and joins it.
    """

    def xpath(self, _path: str, **kwargs: Any) -> Any:
        """lxml's ``xpath()``; ``//p//text()`` answered by :func:`paragraph_text`."""
        if _path == "//p//text()" and not kwargs:
            return paragraph_text(self)
        return super().xpath(_path, **kwargs)


# Every element is a PageElement, chosen in C: lxml.html's own lookup calls back into
# Python for each element object created, which trafilatura does some 10,000 times a page.
# Form elements lose their form helpers (``.fields``, ``.value``), which nothing here uses.
_LOOKUP = etree.ElementDefaultClassLookup(
    element=PageElement, comment=HtmlComment, pi=HtmlProcessingInstruction, entity=HtmlEntity
)


def _parser() -> HTMLParser:
    # one parser object per call: lxml parsers are not thread-safe. huge_tree lifts
    # libxml2's nesting limit from 256 to 2048 levels (deeper, the rest is dropped)
    parser = HTMLParser(
        remove_comments=True, collect_ids=False, default_doctype=False, huge_tree=True
    )
    parser.set_element_class_lookup(_LOOKUP)
    return parser


#: libxml2's message when a page nests deeper than it parses (the rest is dropped)
_DEPTH_ERROR = "depth"


# the end tags of body and html: libxml2 drops what follows </html> and leaves what
# follows </body> outside the body; a browser shows both as the body's end
_END_TAGS = re.compile(r"</(?:body|html)\s*>", re.IGNORECASE)


def _without_early_end(page: str) -> str:
    """``page`` without its body and html end tags when markup or text follows them."""
    end = _END_TAGS.search(page)
    if end is None or not _END_TAGS.sub("", page[end.end() :]).strip():
        return page  # the usual page: nothing after the end tags
    return _END_TAGS.sub("", page)


def parse_page(page: str | bytes) -> tuple[HtmlElement | None, tuple[str, ...]]:
    """Parse ``page`` into an lxml HTML tree, with warnings about text the parser lost.

    The tree is ``None`` when nothing parses. Text with an XML declaration, even a
    malformed one, is accepted (lxml refuses unicode strings that declare an encoding).
    """
    if isinstance(page, bytes):
        page = page.decode("utf-8", errors="replace")
    page = _XML_DECL.sub("", page, count=1)
    if _has_invalid(page):  # a scan; the copies only when needed
        page = _XML_INVALID.sub("", _CONTROL_SPACE.sub(" ", page))
    if not page or page.isspace():  # what ``not page.strip()`` says, without the copy
        return None, ()
    parser = _parser()
    page = _without_early_end(page)
    try:
        root = etree.fromstring(page, parser=parser)
    except ValueError:
        # an encoding declaration lxml refuses in a unicode string (a broken one
        # somewhere the pattern above did not see): parse the UTF-8 bytes instead
        try:
            parser = _parser()
            root = etree.fromstring(page.encode("utf-8", "surrogatepass"), parser=parser)
        except (etree.ParserError, ValueError, TypeError):
            return None, ()
    except (etree.ParserError, TypeError):
        return None, ()
    if root is None or not isinstance(root, HtmlElement):
        return None, ()
    warnings: tuple[str, ...] = ()
    if any(_DEPTH_ERROR in e.message.lower() for e in parser.error_log):
        warnings = (
            "html: the page nests elements deeper than the HTML parser reads "
            "(libxml2: excessive depth); text after that point was lost",
        )
    return root, warnings


def parse_tree(page: str | bytes) -> HtmlElement | None:
    """Parse ``page`` into an lxml HTML tree; ``None`` when nothing parses.

    Text with an XML declaration is accepted (lxml refuses such unicode strings).
    :func:`parse_page` also says what the parser lost.
    """
    return parse_page(page)[0]


_CLASS_VALUES = etree.XPath("//@class", smart_strings=False)


def class_text(tree: HtmlElement) -> str:
    """Every ``class`` attribute of ``tree``, one per line (to see which classes occur)."""
    try:
        return "\n".join(_CLASS_VALUES(tree))
    except (etree.XPathError, ValueError, TypeError):
        return ""


@lru_cache(maxsize=512)
def _compiled(template: str, needles: tuple[str, ...]) -> etree.XPath:
    tests = " or ".join(f"contains(@class, '{n}')" for n in needles) or "false()"
    return etree.XPath(template.replace("{classes}", f"({tests})"))


class ClassQuery:
    """An XPath with a ``{classes}`` slot meaning "the class contains one of ``needles``".

    Calling it with the page's :func:`class_text` fills the slot with only the needles
    found there, so a page pays for the class tests it can match, not for all of them;
    the result is what the XPath with every needle would find.

    >>> query = ClassQuery("//p[{classes}]", ("dek", "summary"))
    >>> tree = parse_tree('<p class="x-dek">A</p><p class="lead">B</p>')
    >>> [p.text for p in query(tree, class_text(tree))]
    ['A']
    """

    def __init__(self, template: str, needles: Sequence[str], *, needs_class: bool = True) -> None:
        """``needs_class``: the XPath matches nothing when no needle occurs (skip it then)."""
        if any("'" in n or "\n" in n for n in needles):
            raise ValueError("class needles must not hold quotes or newlines")
        self.template = template
        self.needles = tuple(needles)
        self.needs_class = needs_class

    def __call__(self, tree: HtmlElement, classes: str) -> list[HtmlElement]:
        """The elements of ``tree`` the XPath finds; ``classes`` is ``class_text(tree)``."""
        # a needle found in the text is inside one class value (values are one per line)
        found = tuple(n for n in self.needles if n in classes)
        if not found and self.needs_class:
            return []
        try:
            return list(_compiled(self.template, found)(tree))
        except (etree.XPathError, ValueError):
            return []
