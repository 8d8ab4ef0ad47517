"""What a page declares about itself: title, authors, date, language, site, canonical URL.

Sources, most explicit first: JSON-LD (the article object, else the page object),
``<meta>`` tags (OpenGraph, ``article:*``, ``author``, Dublin Core, Parse.ly, Sailthru ...),
``<link rel=canonical>``, ``<html lang>``; then what the page shows (``<h1>``, ``<time>``,
``rel=author`` and byline elements). :func:`read_metadata` reads them all in one pass
over the ``<head>``-like elements and returns a :class:`PageMetadata`.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from datetime import datetime
from typing import Any

import attrs
from lxml import etree  # type: ignore[import-untyped]

from newsclaims.dates import checked_published, parse_date

from .jsonld import article_object, jsonld_objects, names_of, resolve, types_of
from .names import clean_authors, clean_title, comparable, same_outlet
from .tree import HtmlElement, parse_tree

__all__ = ["PageMetadata", "read_metadata"]


def _str_tuple(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(values)


@attrs.frozen
class PageMetadata:
    """Metadata a page declares, cleaned; every field may be missing.

    :param title: the headline without the site's name.
    :param authors: person (or agency) names, in page order.
    :param published: publication date-time as declared (with its zone when given).
    :param modified: last modification date-time, when declared.
    :param language: the language code (``en``, ``en-us`` lower-cased as declared).
    :param site_name: the outlet as the page names itself (``og:site_name`` ...).
    :param publisher: the JSON-LD publisher's name.
    :param canonical_url: ``<link rel=canonical>`` or ``og:url``.
    :param description: ``og:description`` / ``description``.
    :param section: the article's section, when declared.
    :param warnings: what was refused, such as a placeholder date (``0001-01-01``).
    """

    title: str | None = None
    authors: tuple[str, ...] = attrs.field(default=(), converter=_str_tuple)
    published: datetime | None = None
    modified: datetime | None = None
    language: str | None = None
    site_name: str | None = None
    publisher: str | None = None
    canonical_url: str | None = None
    description: str | None = None
    section: str | None = None
    warnings: tuple[str, ...] = attrs.field(default=(), converter=_str_tuple)

    @property
    def outlet_names(self) -> tuple[str, ...]:
        """The names the page gives its outlet (site name, publisher)."""
        return tuple(n for n in (self.site_name, self.publisher) if n)


# meta keys that name the same thing under other vocabularies
_META_ALIASES = {
    "http://ogp.me/ns#": "og:",
    "http://ogp.me/ns/article#": "article:",
    "og_": "og:",
    "article_": "article:",
}

_DECLARED_TITLE = ("title", "dc.title", "dcterms.title")
_SOCIAL_TITLE = ("og:title", "twitter:title", "parsely-title", "sailthru.title")
_AUTHOR_META = (
    "article:author",
    "author",
    "dc.creator",
    "dcterms.creator",
    "sailthru.author",
    "parsely-author",
    "byl",
    "cxenseparse:author",
)
_DATE_META = (
    "article:published_time",
    "datepublished",
    "date",
    "pubdate",
    "publishdate",
    "publish-date",
    "published_at",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date",
    "dc.date.issued",
    "dcterms.created",
    "dcterms.date",
    "cxenseparse:recs:publishtime",
    "og:published_time",
    "datecreated",
    "original-publish-date",
)
_MODIFIED_META = ("article:modified_time", "datemodified", "og:updated_time", "last_updated_date")
_LANG_META = ("og:locale", "content-language", "language", "dc.language", "inlanguage")
_SITE_META = ("og:site_name", "application-name", "apple-mobile-web-app-title")
_SECTION_META = ("article:section", "parsely-section", "sailthru.verticals")
# the class tests only on elements with a class, the two "byline" ones only when it holds
# "byline" (which both imply): the same elements as testing all four on every element
_BYLINE_XPATH = etree.XPath(
    "//*[@rel='author' or @itemprop='author' or (@class and ((contains(@class, 'byline')"
    " and (contains(concat(' ', @class, ' '), ' byline ') or contains(@class, 'byline__name')))"
    " or contains(@class, 'author-name') or contains(@class, 'author__name')))]"
    "[not(self::meta)][not(self::link)]"
)
_TIME_XPATH = etree.XPath(
    "//time[@datetime][1]/@datetime | //*[@itemprop='datePublished']/@datetime",
    smart_strings=False,
)


_ALIASED = tuple(_META_ALIASES)


def _norm_key(key: str) -> str:
    key = key.strip().lower()
    if not key.startswith(_ALIASED):  # most keys: no alias to look for
        return key
    for prefix, alias in _META_ALIASES.items():
        if key.startswith(prefix):
            return alias + key[len(prefix) :]
    return key


def _collect_meta(tree: HtmlElement) -> dict[str, list[str]]:
    meta: dict[str, list[str]] = {}
    for el in tree.iter("meta"):
        key = el.get("property") or el.get("name") or el.get("itemprop") or el.get("http-equiv")
        value = el.get("content")
        if not key or value is None:
            continue
        value = " ".join(html.unescape(value).split())
        if value:
            meta.setdefault(_norm_key(key), []).append(value)
    return meta


def _first(meta: dict[str, list[str]], keys: Iterable[str]) -> str | None:
    for key in keys:
        for value in meta.get(key, ()):
            if value:
                return value
    return None


def _text(value: Any) -> str | None:
    if isinstance(value, list):
        value = next((v for v in value if isinstance(v, str | dict)), None)
    if isinstance(value, dict):
        value = value.get("name") or value.get("@value")
    if not isinstance(value, str):
        return None
    text = " ".join(html.unescape(value).split())
    return text or None


def _page_object(objects: list[dict[str, Any]]) -> dict[str, Any] | None:
    for obj in objects:
        if "WebPage" in types_of(obj) or "ItemPage" in types_of(obj):
            return obj
    return None


#: dates before this year are a CMS's placeholder for "no date" (``0001-01-01``), not news


def _date(value: str | None, refused: list[str]) -> datetime | None:
    if not value:
        return None
    try:
        found = parse_date(value.strip())
    except (ValueError, OverflowError, TypeError):
        return None
    found, warnings = checked_published(found, "the page's date")
    refused.extend(warnings)
    return found


def _first_date(values: Iterable[str | None], refused: list[str]) -> datetime | None:
    """The first readable date; a zoned reading of the same moment beats a naive one.

    A date outside the years a publication date can have (a CMS placeholder such as
    ``0001-01-01``) is skipped, with a warning added to ``refused``.
    """
    found: datetime | None = None
    for value in values:
        parsed = _date(value, refused)
        if parsed is None:
            continue
        if found is None:
            found = parsed
            if found.tzinfo is not None:
                return found
        elif parsed.tzinfo is not None and parsed.replace(tzinfo=None) == found:
            return parsed
    return found


def _language(value: str | None) -> str | None:
    if not value:
        return None
    code = value.strip().replace("_", "-").lower().split(",")[0].strip()
    if not re.fullmatch(r"[a-z]{2,3}(-[a-z0-9]{2,8})*", code):
        return None
    # BCP 47 casing: "en-US"
    return "-".join(p.upper() if i and len(p) == 2 else p for i, p in enumerate(code.split("-")))


def _quote_key(text: str) -> str:
    return re.sub(r"[\"'‘’“”′`´]", "'", " ".join(text.split())).casefold()


def _pick_title(
    meta: dict[str, list[str]],
    article: dict[str, Any] | None,
    tree: HtmlElement,
    outlets: tuple[str, ...],
) -> str | None:
    declared = clean_title(_first(meta, _DECLARED_TITLE), outlets)
    if declared:
        return declared
    social = [clean_title(_first(meta, (k,)), outlets) for k in _SOCIAL_TITLE]
    if article is not None:
        raw = article.get("headline") or article.get("name")
        if isinstance(raw, str) and raw.strip():
            headline = clean_title(raw, outlets)
            if headline and "&#" in raw:
                # the CMS rendered typographic quotes into the JSON-LD; a tag that says
                # the same words keeps them as the editor typed them
                for other in social:
                    if other and _quote_key(other) == _quote_key(headline):
                        return other
            if headline:
                return headline
    for title in social:
        if title:
            return title
    node = tree.find(".//title")
    if node is not None:
        title = clean_title(node.text_content(), outlets)
        if title:
            return title
    for h1 in tree.iter("h1"):
        text = " ".join(h1.text_content().split())
        if text:
            return text
    return None


def _visible_bylines(tree: HtmlElement) -> list[str]:
    out = []
    for el in _BYLINE_XPATH(tree)[:6]:
        text = " ".join(el.text_content().split())
        if 0 < len(text) <= 80:
            out.append(text)
    return out


def _declared_authors(
    meta: dict[str, list[str]],
    article: dict[str, Any] | None,
    page: dict[str, Any] | None,
    objects: list[dict[str, Any]],
) -> tuple[str, ...]:
    for obj in (article, page):
        if obj is None:
            continue
        value = obj.get("author") or obj.get("creator")
        if value:
            found = clean_authors(names_of(resolve(value, objects), objects))
            if found:
                return found
    for key in _AUTHOR_META:
        values = meta.get(key)
        if values:
            found = clean_authors(values)
            if found:
                return found
    return ()


def read_metadata(
    tree_or_html: HtmlElement | str | bytes,
    url: str | None = None,
    *,
    jsonld: list[dict[str, Any]] | None = None,
) -> PageMetadata:
    """Read a page's metadata (see the module docstring for the sources and their order).

    :param tree_or_html: an lxml tree from :func:`newsclaims_html.tree.parse_tree`, or
        the page itself.
    :param url: the page's URL, used when the page declares no canonical URL.
    :param jsonld: the page's JSON-LD objects when the caller has them already
        (:func:`newsclaims_html.jsonld.jsonld_objects`).
    """
    tree = tree_or_html if isinstance(tree_or_html, HtmlElement) else parse_tree(tree_or_html)
    if tree is None:
        return PageMetadata(canonical_url=url)
    objects = jsonld_objects(tree) if jsonld is None else jsonld
    article = article_object(objects)
    page = _page_object(objects)
    meta = _collect_meta(tree)

    publisher = None
    for obj in (article, page):
        if obj is not None and obj.get("publisher"):
            names = names_of(resolve(obj["publisher"], objects), objects)
            if names:
                publisher = names[0]
                break
    site_name = _first(meta, _SITE_META)
    if site_name is None:
        site = next((o for o in objects if "WebSite" in types_of(o) and o.get("name")), None)
        site_name = _text(site.get("name")) if site else None
    outlets = tuple(n for n in (site_name, publisher) if n)
    url_host = re.sub(r"^[a-z]+://(www\.)?", "", url or "").split("/")[0]
    title_outlets = (*outlets, url_host) if url_host else outlets

    title = _pick_title(meta, article, tree, title_outlets)

    authors = _declared_authors(meta, article, page, objects)
    if not authors:
        authors = clean_authors(_visible_bylines(tree))

    ld_dates = [
        _text(obj.get(k))
        for obj in (article, page)
        if obj is not None
        for k in ("datePublished", "dateCreated")
    ]
    refused: list[str] = []
    published = _first_date([*ld_dates, *(_first(meta, (k,)) for k in _DATE_META)], refused)
    if published is None:
        published = _first_date((str(v) for v in _TIME_XPATH(tree)), refused)
    modified = _first_date(
        [_text(article.get("dateModified")) if article else None]
        + [_first(meta, (k,)) for k in _MODIFIED_META],
        refused,
    )

    root_lang = tree.get("lang") or tree.get("xml:lang")
    ld_lang = _text(article.get("inLanguage")) if article else None
    language = _language(root_lang) or _language(ld_lang) or _language(_first(meta, _LANG_META))

    canonical = None
    for link in tree.iter("link"):
        if (link.get("rel") or "").strip().lower() == "canonical" and link.get("href"):
            canonical = link.get("href", "").strip()
            break
    if not canonical or not canonical.startswith("http"):
        canonical = _first(meta, ("og:url",)) or url

    section = _text(article.get("articleSection")) if article else None
    return PageMetadata(
        title=title,
        authors=authors,
        published=published,
        modified=modified,
        language=language,
        site_name=site_name,
        publisher=publisher,
        canonical_url=canonical,
        description=_first(meta, ("og:description", "description", "twitter:description")),
        section=section or _first(meta, _SECTION_META),
        warnings=tuple(dict.fromkeys(refused)),
    )


def is_outlet_name(name: str, metadata: PageMetadata, extra: Iterable[str | None] = ()) -> bool:
    """True when ``name`` is the outlet itself (a placeholder author, not a person)."""
    return same_outlet(name, (*metadata.outlet_names, *extra)) or comparable(name) == ""
