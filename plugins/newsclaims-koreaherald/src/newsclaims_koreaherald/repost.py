"""Reposts of Korea Herald stories and plain-text copies of them.

The generic plugins clean the repost (``newsclaims-text`` for text, ``newsclaims-html``
for pages); this module then applies the Korea Herald conventions they do not know
(reporter e-mail lines, "(Yonhap)" credits, credit lines naming the paper) and records
where the story first appeared, keeping the repost's own outlet and address.
"""

from __future__ import annotations

from typing import Any

import attrs

from newsclaims import _re as re
from newsclaims.knowledge import Knowledge
from newsclaims.models import Article, Document, Removed

from . import upstream
from .conventions import clean_body
from .credit import HERALD_DOMAIN, credit_pattern
from .detect import OUTLET_NAME, SITE_DOMAIN, Evidence

__all__ = ["parse_plain_copy", "parse_repost"]

_CREDIT_LINE = credit_pattern()
_SUFFIX = re.compile(r"\s*\(\s*(?:the\s+)?korea\s*herald[^)]*\)\s*$", re.IGNORECASE)


def _generic(document: Document, knowledge: Knowledge, tree: Any = None) -> Article:
    if document.is_html:
        return upstream.parse_html(document, knowledge, tree)
    return upstream.clean_text(document, knowledge)


def _herald_conventions(article: Article) -> Article:
    parts = clean_body(
        article.text.split("\n\n"), None, extra_remove=((_CREDIT_LINE, "credit-line"),)
    )
    paragraphs = list(parts.paragraphs)
    removed = [*article.removed, *parts.removed]
    if paragraphs:
        m = _SUFFIX.search(paragraphs[-1])
        if m:
            removed.append(Removed(paragraphs[-1][m.start() :].strip(), "credit-line"))
            paragraphs[-1] = paragraphs[-1][: m.start()].rstrip()
    authors = article.authors or parts.authors
    return attrs.evolve(
        article,
        text="\n\n".join(p for p in paragraphs if p),
        authors=authors,
        removed=tuple(removed),
    )


def parse_repost(document: Document, knowledge: Knowledge, evidence: Evidence) -> Article:
    """Parse another outlet's copy of a Korea Herald story, crediting the paper."""
    article = _herald_conventions(_generic(document, knowledge, evidence.tree))
    original_url = evidence.credit.original_url if evidence.credit else HERALD_DOMAIN
    source = attrs.evolve(
        article.source,
        url=article.source.url or document.url,
        original_outlet=OUTLET_NAME,
        original_url=original_url,
    )
    extra = {**article.extra, "koreaherald": {"repost": evidence.kind}}
    return attrs.evolve(article, source=source, language=article.language or "en", extra=extra)


def parse_plain_copy(document: Document, knowledge: Knowledge) -> Article:
    """Parse a plain-text copy of a Korea Herald article whose URL is the paper's own."""
    article = _herald_conventions(upstream.clean_text(document, knowledge))
    source = attrs.evolve(article.source, outlet=OUTLET_NAME, domain=SITE_DOMAIN, url=document.url)
    return attrs.evolve(article, source=source, language=article.language or "en")
