"""newsclaims plugin for The Korea Herald (koreaherald.com), its reposts and Korean names.

Registered under the entry-point name ``koreaherald``. It

* recognises the paper's pages (URL, canonical link, ``og:site_name``, JSON-LD publisher)
  and other outlets' reposts of its stories (credit lines, reporter e-mails);
* parses the paper's documented page layouts with lxml through one selector table per
  layout (:mod:`newsclaims_koreaherald.layouts`), and newer pages through their metadata
  and the generic HTML extractor;
* applies the paper's conventions: "By Name (e-mail)" bylines, reporter e-mail lines,
  "(Yonhap)" wire credits, photo captions and copyright lines out of the text, dates in
  Korea Standard Time;
* gives the claim engine Korean institutions, Korean outlets, and one person key for
  the romanization variants of a Korean name.

Detection and parsing never raise: any failure gives a lower score or a plainer article.
"""

from __future__ import annotations

from collections.abc import Iterable

from newsclaims import hookimpl
from newsclaims.knowledge import BoilerplatePattern, Entity, Knowledge, Outlet
from newsclaims.models import Article, Document

from . import lexicon
from .detect import examine
from .romanization import korean_person_key
from .upstream import minimal_article

__version__ = "0.1.0"

__all__ = [
    "__version__",
    "newsclaims_boilerplate",
    "newsclaims_detect",
    "newsclaims_entities",
    "newsclaims_outlets",
    "newsclaims_parse",
    "newsclaims_person_key",
]


@hookimpl
def newsclaims_detect(document: Document) -> float | None:
    """1.0 for the paper's own pages, 0.85-0.9 for its site name, 0.7-0.8 for reposts."""
    try:
        evidence = examine(document)
    except Exception:  # detection must never break the host's choice
        return None
    return evidence.score if evidence is not None else None


@hookimpl
def newsclaims_parse(document: Document, knowledge: Knowledge) -> Article | None:
    """Parse a Korea Herald page, a plain-text copy, or another outlet's repost."""
    try:
        # the parsers (lxml layouts, repost readers) are imported when a document is ours to
        # parse, not when the plugin loads (issue 14, start-up)
        from .page import parse_page
        from .repost import parse_plain_copy, parse_repost

        evidence = examine(document)
        if evidence is not None and evidence.is_repost:
            return parse_repost(document, knowledge, evidence)
        if document.is_html:
            tree = evidence.tree if evidence is not None else None
            return parse_page(document, knowledge, tree)
        return parse_plain_copy(document, knowledge)
    except Exception:  # bad input must not raise: keep the plain paragraphs
        return minimal_article(document)


@hookimpl
def newsclaims_entities() -> Iterable[Entity]:
    """Korean institutions and their short forms (NIS, JCS, KCNA, PPP, DP, KPA, ...)."""
    return lexicon.ENTITIES


@hookimpl
def newsclaims_outlets() -> Iterable[Outlet]:
    """Korean outlets and their domains, the Korea Herald first."""
    return lexicon.OUTLETS


@hookimpl
def newsclaims_boilerplate() -> Iterable[BoilerplatePattern]:
    """Korea Herald reporter e-mail lines and Korean copyright notices."""
    return lexicon.BOILERPLATE


@hookimpl
def newsclaims_person_key(name: str) -> str | None:
    """One key for the romanization variants of a Korean name; ``None`` for other names."""
    try:
        return korean_person_key(name)
    except Exception:
        return None
