"""From a document to an :class:`~newsclaims.models.Article`: metadata, then body."""

from __future__ import annotations

import re

import attrs

from newsclaims.dates import prefers_day_first
from newsclaims.frontmatter import split_front_matter, with_front_matter
from newsclaims.knowledge import Knowledge, domain_of
from newsclaims.models import Article, Document, Source

from .body import extract_body
from .jsonld import article_object, jsonld_objects
from .metadata import PageMetadata, is_outlet_name, read_metadata
from .names import clean_authors
from .stream import STREAM_TAGS, head_of, many_tags, streamed_text
from .tree import HtmlElement, parse_page

__all__ = ["article_from_tree", "parse_html"]

#: Pages larger than this, scripts and style sheets not counted, are cut before parsing
#: (no news page comes close), with a warning in the report.
MAX_CHARS = 8_000_000

# what split_front_matter strips before the first line, then markup
_MARKUP_START = re.compile("[\ufeff\r\n\t ]*<")
# a script (JSON-LD excepted) or style sheet with its content: never article text
_CODE = re.compile(
    r"<(script|style)\b(?![^>]*ld\+json)[^>]*>.*?</\1\s*>", re.IGNORECASE | re.DOTALL
)


def _bounded(text: str) -> tuple[str, tuple[str, ...]]:
    """``text`` within :data:`MAX_CHARS` after dropping scripts and styles; warnings if cut."""
    if len(text) <= MAX_CHARS:
        return text, ()
    text = _CODE.sub("", text)
    if len(text) <= MAX_CHARS:
        return text, ()
    warning = (
        f"html: the page's markup without scripts is {len(text):,} characters; "
        f"only the first {MAX_CHARS:,} were read"
    )
    return text[:MAX_CHARS], (warning,)


def _outlet(meta: PageMetadata, url: str | None, knowledge: Knowledge) -> str | None:
    known = knowledge.outlet_for(url) if url else None
    if known is not None:
        return known.name
    if meta.site_name:
        return meta.site_name
    if meta.publisher:
        return meta.publisher
    return None


def article_from_tree(
    tree: HtmlElement, document: Document, knowledge: Knowledge | None = None
) -> Article:
    """Build an article from an already parsed page (the tree is pruned in place).

    Site plugins that need the tree for their own rules parse once with
    :func:`newsclaims_html.tree.parse_tree`, read what they need, then call this.
    """
    knowledge = knowledge or Knowledge()
    objects = jsonld_objects(tree)
    meta = read_metadata(tree, document.url, jsonld=objects)
    url = meta.canonical_url or document.url
    if url and not url.startswith(("http://", "https://")):
        url = document.url
    outlet = _outlet(meta, url or document.url, knowledge)
    placeholders = (outlet, domain_of(url))
    persons = tuple(a for a in meta.authors if not is_outlet_name(a, meta, placeholders))

    article_ld = article_object(objects)
    article_body = article_ld.get("articleBody") if article_ld else None
    body = extract_body(
        tree,
        url=url or document.url,
        titles=(meta.title,),
        authors=persons,
        article_body=article_body if isinstance(article_body, str) else None,
        boilerplate=knowledge.boilerplate,
    )
    authors = meta.authors
    if body.bylines and not persons:
        # the page declares only its outlet as author; the byline names the writers
        authors = body.bylines
    return Article(
        text=body.text,
        title=meta.title,
        authors=authors,
        published=meta.published or document.published,
        language=meta.language,
        source=Source(outlet=outlet, domain=domain_of(url or document.url), url=url),
        removed=body.removed,
        warnings=meta.warnings,
        extra={
            "html": {
                "site_name": meta.site_name,
                "publisher": meta.publisher,
                "modified": meta.modified.isoformat() if meta.modified else None,
                "section": meta.section,
                "description": meta.description,
            }
        },
    )


def _streamed(text: str, document: Document, knowledge: Knowledge | None) -> Article:
    """A page with too many tags for a tree: metadata from its head, text in one pass."""
    head = head_of(text)
    tree = parse_page(head)[0] if head is not None else None
    if head is not None and tree is not None:
        # the head's metadata, as for any page; its body is empty
        article = article_from_tree(tree, attrs.evolve(document, text=head), knowledge)
    else:
        article = Article(text="", source=Source(url=document.url, domain=domain_of(document.url)))
    warning = (
        f"html: the page has over {STREAM_TAGS:,} tags; its text was read in one streaming "
        "pass, without boilerplate removal"
    )
    return attrs.evolve(
        article, text=streamed_text(text), removed=(), warnings=(*article.warnings, warning)
    )


def parse_html(document: Document, knowledge: Knowledge | None = None) -> Article:
    """Parse an HTML document into an article; an empty article when nothing parses.

    This is the generic parser site plugins build on: it never raises on bad input.
    """
    # a markdown file with an HTML body; a page that opens with markup has no front matter
    # (its first line is neither a fence nor a "key: value" line), and splitting it into
    # lines to see that costs a copy of the page
    text = document.text or ""
    fm = None if _MARKUP_START.match(text) else split_front_matter(text)
    if fm is not None and fm.raw:
        document = attrs.evolve(document, text=fm.body)
    warnings: tuple[str, ...] = ()
    if many_tags(document.text or ""):  # no tree: memory stays linear, so nothing is cut
        article = _streamed(document.text or "", document, knowledge)
    else:
        text, warnings = _bounded(document.text or "")
        tree, lost = parse_page(text)
        warnings += lost
        if tree is None:
            source = Source(url=document.url, domain=domain_of(document.url))
            return Article(text="", source=source, warnings=warnings)
        article = article_from_tree(tree, document, knowledge)
    if fm is not None and fm.raw:
        article = with_front_matter(
            article,
            fm,
            day_first=prefers_day_first(article.language, document.url),
            outlets=tuple(o.name for o in (knowledge or Knowledge()).outlets),
            clean_authors=clean_authors,
        )
    return attrs.evolve(article, warnings=(*article.warnings, *warnings)) if warnings else article
