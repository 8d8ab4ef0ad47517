"""The hook implementations of the ``text`` plugin.

The cleaner (and the credit, byline, dateline and markdown readers it brings, with their
regular expressions) is imported by the first plain-text document, not when the host
loads the plugin: a run over HTML pages never needs it (issue 14: start-up).
"""

from __future__ import annotations

from collections.abc import Iterable

from newsclaims import hookimpl
from newsclaims.knowledge import BoilerplatePattern, Knowledge
from newsclaims.models import Article, Document

from .boilerplate import PATTERNS

#: Detection score for any plain-text document: above the built-in fallback, below any
#: plugin with evidence for a particular outlet.
SCORE = 0.2


@hookimpl(trylast=True)
def newsclaims_detect(document: Document) -> float | None:
    """Fit any plain-text document weakly; decline HTML."""
    return None if document.is_html else SCORE


@hookimpl(trylast=True)
def newsclaims_parse(document: Document, knowledge: Knowledge) -> Article | None:
    """Clean a plain-text document; decline HTML."""
    if document.is_html:
        return None
    from .cleaner import clean_text

    return clean_text(document, knowledge)


@hookimpl
def newsclaims_boilerplate() -> Iterable[BoilerplatePattern]:
    """Boilerplate lines of scraped text: glued widget headers, reading times, share prompts."""
    return PATTERNS
