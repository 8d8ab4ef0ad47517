"""JSON-LD objects a page declares about itself (``<script type="application/ld+json">``).

Pages nest their objects in lists and ``@graph`` arrays and refer from one object to
another by ``@id`` (Yoast and similar SEO plugins put the author as a ``Person`` node in
the graph and point at it). :func:`jsonld_objects` flattens all of that into one list of
dicts; :func:`article_object` picks the object that describes the article itself.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from lxml import html as lxml_html  # type: ignore[import-untyped]

from newsclaims.detection import jsonld_in
from newsclaims.detection import jsonld_types as types_of

from .tree import HtmlElement

__all__ = [
    "ARTICLE_TYPES",
    "article_object",
    "jsonld_objects",
    "names_of",
    "resolve",
    "types_of",
]

#: ``@type`` values that describe a news story (schema.org ``Article`` and its kinds).
ARTICLE_TYPES = (
    "NewsArticle",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BackgroundNewsArticle",
    "ReviewNewsArticle",
    "AskPublicNewsArticle",
    "Article",
    "BlogPosting",
    "LiveBlogPosting",
    "Report",
)


def jsonld_objects(tree: HtmlElement | str | bytes) -> list[dict[str, Any]]:
    """Every JSON-LD object of a page, with lists and ``@graph`` arrays flattened.

    Scripts that do not parse as JSON (even after the usual repairs) are skipped.

    >>> page = '''<script type="application/ld+json">
    ... {"@context": "https://schema.org", "@graph": [{"@type": "WebSite", "name": "X"},
    ...  {"@type": "NewsArticle", "headline": "H"}]}</script>'''
    >>> [o["@type"] for o in jsonld_objects(page)]
    ['WebSite', 'NewsArticle']
    """
    if not isinstance(tree, HtmlElement):
        from .tree import parse_tree

        parsed = parse_tree(tree)
        if parsed is None:
            return []
        tree = parsed
    return jsonld_in(tree)


def resolve(value: Any, objects: Iterable[dict[str, Any]]) -> Any:
    """Replace a bare ``{"@id": ...}`` reference with the object of that id, if present."""
    if isinstance(value, dict) and set(value) <= {"@id", "@type"} and "@id" in value:
        for obj in objects:
            if obj.get("@id") == value["@id"] and len(obj) > len(value):
                return obj
    return value


def article_object(objects: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The object that describes the article: the first of the most specific news type.

    News kinds (``NewsArticle``, ``ReportageNewsArticle`` ...) win over ``Article``,
    which wins over blog posts; an object with a ``headline`` wins over one without.
    """
    best: tuple[int, int] | None = None
    found: dict[str, Any] | None = None
    for index, obj in enumerate(objects):
        types = types_of(obj)
        ranks = [ARTICLE_TYPES.index(t) for t in types if t in ARTICLE_TYPES]
        if not ranks:
            continue
        rank = min(ranks)
        tier = 0 if "NewsArticle" in types or rank < ARTICLE_TYPES.index("Article") else 1
        if rank >= ARTICLE_TYPES.index("BlogPosting"):
            tier = 2
        key = (tier if obj.get("headline") else tier + 3, index)
        if best is None or key < best:
            best, found = key, obj
    return found


def names_of(value: Any, objects: Iterable[dict[str, Any]] = ()) -> list[str]:
    """Names in an ``author``/``publisher`` value: strings, objects, lists, references."""
    objects = list(objects)
    out: list[str] = []
    items = value if isinstance(value, list) else [value]
    for item in items:
        item = resolve(item, objects)
        if isinstance(item, str):
            out.append(item)
        elif isinstance(item, dict):
            name = item.get("name")
            if isinstance(name, list):
                name = next((n for n in name if isinstance(n, str)), None)
            if isinstance(name, dict):
                name = name.get("@value")
            if isinstance(name, str):
                out.append(name)
    return [" ".join(n.split()) for n in out if n and n.strip()]


def parse_fragment(text: str) -> str:
    """Visible text of a value that may hold HTML (some pages escape markup in JSON-LD)."""
    if "<" not in text and "&" not in text:
        return text
    try:
        return str(lxml_html.fromstring(f"<div>{text}</div>").text_content())
    except Exception:  # malformed markup: keep the string as it is
        return text
