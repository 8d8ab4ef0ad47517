"""Parse a Korea Herald page: by its layout table when one matches, else generically.

With a matching :class:`~newsclaims_koreaherald.layouts.Layout` everything comes from
the page's own markup through lxml (fast: no trafilatura, no ``dateparser``), and page
metadata (JSON-LD/OpenGraph) fills only what the layout lacks. Pages of undocumented
layouts (2024 onward) take their body from ``newsclaims-html`` and their title, authors
and date from the page metadata; the Korea Herald conventions
(:mod:`newsclaims_koreaherald.conventions`) clean both.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

import attrs

from newsclaims.knowledge import Knowledge
from newsclaims.models import Article, Document, Removed, Source

from . import upstream
from .blocks import SKIP_TAGS, block_lines, element_text
from .conventions import BodyParts, clean_body, parse_byline
from .detect import OUTLET_NAME, SITE_DOMAIN, is_herald_name, is_herald_url
from .kst import as_kst, date_from_url, published_and_updated
from .layouts import ALWAYS_DROP, LAYOUTS, Layout
from .selectors import PageIndex, select

if TYPE_CHECKING:
    from lxml.html import HtmlElement  # type: ignore[import-untyped]

__all__ = ["LayoutFields", "match_layout", "parse_page", "read_layout"]

NAMESPACE = "koreaherald"


@attrs.frozen
class LayoutFields:
    """What a layout table reads off a page, before the conventions clean it."""

    layout: str
    title: str | None = None
    subtitle: str | None = None
    byline: str | None = None
    dates: str | None = None
    paragraphs: tuple[str, ...] = ()
    captions: tuple[str, ...] = ()


def match_layout(tree: HtmlElement, index: PageIndex | None = None) -> Layout | None:
    """The first layout whose marker selectors all match ``tree`` (``index``: its index)."""
    for layout in LAYOUTS:
        if all(select(tree, marker, index) for marker in layout.marker):
            return layout
    return None


def _first_text(
    tree: HtmlElement, selectors: tuple[str, ...], index: PageIndex | None
) -> str | None:
    for selector in selectors:
        for element in select(tree, selector, index):
            text = element_text(element)
            if text:
                return text
    return None


def _outermost(elements: list[Any]) -> list[Any]:
    chosen = set(elements)
    out = []
    for element in elements:
        if not any(a in chosen for a in element.iterancestors()):
            out.append(element)
    return out


def read_layout(tree: HtmlElement, layout: Layout, index: PageIndex | None = None) -> LayoutFields:
    """Read title, subtitle, byline, dates, body paragraphs and captions by ``layout``.

    ``index`` is the tree's :class:`~newsclaims_koreaherald.selectors.PageIndex` (one is
    built when not given).
    """
    index = index or PageIndex(tree)
    bodies: list[Any] = []
    for selector in layout.body:
        bodies = _outermost(select(tree, selector, index))
        if bodies:
            break
    # captions anywhere on the page: inside a body they are skipped, elsewhere they were
    # never text, but either way the article's captions are reported as removed
    caption_elements = _outermost([e for s in layout.captions for e in select(tree, s, index)])
    captions = [t for t in (element_text(e) for e in caption_elements) if t]
    dropped = [e for s in layout.drop for e in select(tree, s, index)]
    paragraphs: list[str] = []
    for body in bodies:
        paragraphs.extend(
            block_lines(
                body,
                skip=(*SKIP_TAGS, *ALWAYS_DROP),
                skip_elements=[*caption_elements, *dropped],
            )
        )
    return LayoutFields(
        layout=layout.name,
        title=_first_text(tree, layout.title, index),
        subtitle=_first_text(tree, layout.subtitle, index),
        byline=_first_text(tree, layout.byline, index),
        dates=_first_text(tree, layout.dates, index),
        paragraphs=tuple(paragraphs),
        captions=tuple(captions),
    )


def _kst_if_timed(value: datetime | None) -> datetime | None:
    """Naive date-times on the site are KST; a bare date stays a date."""
    if value is None or value.tzinfo is not None:
        return value
    if (value.hour, value.minute, value.second) == (0, 0, 0):
        return value
    return as_kst(value)


def _canonical(tree: HtmlElement, document: Document) -> str | None:
    for link in tree.iter("link"):
        href = link.get("href")
        rel = (link.get("rel") or "").strip().lower()
        if rel == "canonical" and href and is_herald_url(href):
            return str(href).strip()
    for meta in tree.iter("meta"):
        key = (meta.get("property") or "").strip().lower()
        content = meta.get("content")
        if key == "og:url" and content and is_herald_url(content):
            return str(content).strip()
    return document.url


def _people(names: tuple[str, ...]) -> tuple[str, ...]:
    """Authors from page metadata, without the paper's own name or wire names."""
    out: list[str] = []
    for name in names:
        if is_herald_name(name):
            continue
        out.extend(a for a in parse_byline(name).authors if a not in out)
    return tuple(out)


def _source(url: str | None, wire: str | None) -> Source:
    original = wire if wire and wire != OUTLET_NAME else None
    return Source(outlet=OUTLET_NAME, domain=SITE_DOMAIN, url=url, original_outlet=original)


def _from_layout(
    document: Document, knowledge: Knowledge, tree: HtmlElement, layout: Layout, index: PageIndex
) -> Article | None:
    fields = read_layout(tree, layout, index)
    parts: BodyParts = clean_body(fields.paragraphs, knowledge)
    if not parts.paragraphs:
        return None
    byline = parse_byline(fields.byline)
    authors = byline.authors or parts.authors
    wire = byline.wire or parts.wire
    published, updated = published_and_updated(fields.dates or "")
    title = fields.title
    url = _canonical(tree, document)
    if not title or published is None or not (authors or wire):
        meta = upstream.page_metadata(tree, url)
        if meta is not None:
            title = title or meta.title
            published = published or _kst_if_timed(meta.published)
            authors = authors or _people(meta.authors)
    published = published or date_from_url(url) or document.published
    removed = [Removed(c, "caption") for c in fields.captions] + list(parts.removed)
    extra: dict[str, Any] = {"layout": fields.layout}
    if fields.subtitle:
        extra["subtitle"] = fields.subtitle
    if updated is not None:
        extra["updated"] = updated.isoformat()
    return Article(
        text="\n\n".join(parts.paragraphs),
        title=title,
        authors=authors,
        published=published,
        language="en",
        source=_source(url, wire),
        removed=tuple(removed),
        extra={NAMESPACE: extra},
    )


def _generic(document: Document, knowledge: Knowledge, tree: HtmlElement | None) -> Article:
    meta = upstream.page_metadata(tree, document.url) if tree is not None else None
    url = _canonical(tree, document) if tree is not None else document.url
    article = upstream.parse_html(document, knowledge, tree)  # prunes the tree
    parts = clean_body(article.text.split("\n\n"), knowledge)
    title = (meta.title if meta else None) or article.title
    authors = _people(meta.authors) if meta else ()
    authors = authors or _people(article.authors) or parts.authors
    published = _kst_if_timed(meta.published if meta else None)
    published = published or _kst_if_timed(article.published) or document.published
    url = url or article.source.url
    language = (meta.language if meta else None) or article.language or "en"
    return Article(
        text="\n\n".join(parts.paragraphs),
        title=title,
        authors=authors,
        published=published,
        language=language.split("-")[0] if language else None,
        source=_source(url, parts.wire),
        removed=(*article.removed, *parts.removed),
        extra={NAMESPACE: {"layout": "generic"}},
    )


def parse_page(
    document: Document, knowledge: Knowledge, tree: HtmlElement | None = None
) -> Article:
    """Parse a Korea Herald page (``tree`` is reused when the caller parsed it already)."""
    if tree is None:
        tree = upstream.parse_tree(document.text)
    if tree is not None:
        layout = match_layout(tree)  # a few XPaths: cheaper than an index of the page
        if layout is not None:
            index = PageIndex(tree)  # classes and ids read once for the table's selectors
            article = _from_layout(document, knowledge, tree, layout, index)
            if article is not None:
                return article
    return _generic(document, knowledge, tree)
