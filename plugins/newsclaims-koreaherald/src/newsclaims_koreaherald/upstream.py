"""The generic parts this plugin borrows: the text cleaner and the HTML extractor.

``newsclaims-text`` (:func:`newsclaims_text.clean_text`) cleans reposted plain text and
``newsclaims-html`` (:func:`newsclaims_html.parse_html`,
:func:`newsclaims_html.metadata.read_metadata`) extracts bodies and metadata of pages
whose layout the tables in :mod:`newsclaims_koreaherald.layouts` do not describe.

Both are declared dependencies. Every call is guarded: an error (or a missing module in
a broken install) makes the plugin fall back to :func:`minimal_article`, a deliberately
small reading that keeps the text's paragraphs, so a Korea Herald document never fails
because of its generic helpers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsclaims import _re as re
from newsclaims.knowledge import Knowledge
from newsclaims.models import Article, Document

if TYPE_CHECKING:
    from lxml.html import HtmlElement  # type: ignore[import-untyped]
    from newsclaims_html.metadata import PageMetadata

__all__ = ["clean_text", "minimal_article", "page_metadata", "parse_html", "parse_tree"]


def minimal_article(document: Document, paragraphs: list[str] | None = None) -> Article:
    """FALLBACK: the document's paragraphs as they are (used only if a helper fails)."""
    if paragraphs is None:
        if document.is_html:
            tree = parse_tree(document.text)
            paragraphs = [str(p.text_content()) for p in tree.iter("p")] if tree is not None else []
        else:
            paragraphs = re.split(r"\n\s*\n|\n", document.text)
    text = "\n\n".join(" ".join(p.split()) for p in paragraphs if p and p.strip())
    return Article(text=text, published=document.published)


def clean_text(document: Document, knowledge: Knowledge) -> Article:
    """Clean a plain-text article with ``newsclaims-text`` (title, byline, credit lines)."""
    try:
        from newsclaims_text import clean_text as _clean_text

        article = _clean_text(document, knowledge)
    except Exception:  # the generic cleaner failed: keep the plain paragraphs
        return minimal_article(document)
    return article if isinstance(article, Article) else minimal_article(document)


def parse_html(
    document: Document, knowledge: Knowledge, tree: HtmlElement | None = None
) -> Article:
    """Extract an HTML page's body and metadata with ``newsclaims-html`` (trafilatura).

    A ``tree`` the caller parsed already is reused (and pruned in place: read what you
    need from it first).
    """
    try:
        if tree is not None:
            from newsclaims_html import article_from_tree

            article = article_from_tree(tree, document, knowledge)
        else:
            from newsclaims_html import parse_html as _parse_html

            article = _parse_html(document, knowledge)
    except Exception:  # the generic extractor failed: keep the page's paragraphs
        return minimal_article(document)
    return article if isinstance(article, Article) else minimal_article(document)


def parse_tree(page: str) -> HtmlElement | None:
    """Parse a page into an lxml tree (``None`` when nothing parses)."""
    try:
        from newsclaims_html.tree import parse_tree as _parse_tree
    except ImportError:  # FALLBACK: a broken install without newsclaims-html
        from lxml import etree, html  # type: ignore[import-untyped]

        try:
            return html.document_fromstring(page.replace("\x00", ""))
        except (etree.ParserError, ValueError, TypeError):
            return None
    try:
        return _parse_tree(page)
    except Exception:
        return None


def page_metadata(tree: HtmlElement, url: str | None = None) -> PageMetadata | None:
    """JSON-LD/OpenGraph metadata of a parsed page, or ``None`` if it cannot be read."""
    try:
        from newsclaims_html.metadata import read_metadata

        return read_metadata(tree, url=url)
    except Exception:
        return None
