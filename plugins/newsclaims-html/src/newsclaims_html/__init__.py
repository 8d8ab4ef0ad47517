"""newsclaims-html: the generic parser for news pages in HTML.

Any news page parses: metadata from the page's own declarations (JSON-LD, OpenGraph,
``<meta>`` tags, canonical link, ``<html lang>``), then visible bylines and dates; the
body from trafilatura's main-content extraction, cleaned of captions, teasers and
boilerplate, each removal recorded with its reason.

Site plugins reuse the pieces::

    from newsclaims_html import parse_html
    from newsclaims_html.metadata import read_metadata
    from newsclaims_html.jsonld import jsonld_objects

The plugin answers detection for every HTML document with a low score
(``trylast=True``), so a plugin that knows the outlet always wins.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from newsclaims.knowledge import Knowledge
from newsclaims.markers import hookimpl
from newsclaims.models import Article, Document

if TYPE_CHECKING:
    from .jsonld import article_object, jsonld_objects
    from .metadata import PageMetadata, read_metadata
    from .parse import article_from_tree, parse_html
    from .tree import parse_tree

__version__ = "0.1.0"

# the parser (lxml, trafilatura, the patterns) is imported on first use: a run over plain
# text loads the plugin without paying for it (issue 14, start-up)
_LAZY = {
    "article_object": "jsonld",
    "jsonld_objects": "jsonld",
    "PageMetadata": "metadata",
    "read_metadata": "metadata",
    "article_from_tree": "parse",
    "parse_html": "parse",
    "parse_tree": "tree",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


__all__ = [
    "DETECT_SCORE",
    "PageMetadata",
    "article_from_tree",
    "article_object",
    "jsonld_objects",
    "newsclaims_detect",
    "newsclaims_parse",
    "parse_html",
    "parse_tree",
    "read_metadata",
]

#: The score for any HTML document: a generic fallback, above the built-in one.
DETECT_SCORE = 0.2


@hookimpl(trylast=True)
def newsclaims_detect(document: Document) -> float | None:
    """Fit every HTML document weakly; plain text is not ours."""
    return DETECT_SCORE if document.is_html and document.text.strip() else None


@hookimpl(trylast=True)
def newsclaims_parse(document: Document, knowledge: Knowledge) -> Article | None:
    """Parse an HTML page; decline plain text."""
    if not document.is_html:
        return None
    from .parse import parse_html

    return parse_html(document, knowledge)
