"""The built-in plugin: the last-resort parser and the core lexicons.

It is registered by every :class:`~newsclaims.host.PluginHost` under the name
``builtin`` and cannot be disabled. Its parser keeps the text as it is (HTML is reduced
to its visible text) so that every document yields a report even when no source plugin
is installed; its knowledge hooks hand the core lexicons to the claim engine through the
same hooks any plugin uses.
"""

from __future__ import annotations

from collections.abc import Iterable

from .claims import lexicon
from .knowledge import BoilerplatePattern, Entity, MeasureTerm, Outlet
from .markers import hookimpl
from .models import Article, Document, Source


def _visible_text(html: str) -> tuple[str | None, str]:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "lxml")
    title = soup.title.get_text(" ", strip=True) if soup.title else None
    for tag in soup(["script", "style", "noscript", "template", "head"]):
        tag.decompose()
    blocks = [b.strip() for b in soup.get_text("\n").split("\n")]
    return title or None, "\n\n".join(b for b in blocks if b)


@hookimpl(trylast=True)
def newsclaims_detect(document: Document) -> float:
    """Fit anything, as weakly as possible."""
    return 0.01


@hookimpl(trylast=True)
def newsclaims_parse(document: Document) -> Article:
    """Keep the text as it is: paragraphs normalised, HTML reduced to visible text."""
    if document.is_html:
        title, text = _visible_text(document.text)
    else:
        title, text = None, document.text.strip()
    # scraped text marks paragraphs with one newline as often as with a blank line
    paragraphs = [" ".join(p.split()) for p in text.split("\n")]
    return Article(
        text="\n\n".join(p for p in paragraphs if p),
        title=title,
        published=document.published,
        source=Source(url=document.url),
    )


@hookimpl(trylast=True)
def newsclaims_measure_terms() -> Iterable[MeasureTerm]:
    """The core measure lexicon (CLAIMS.md's version-1 measures)."""
    return lexicon.MEASURE_TERMS


@hookimpl(trylast=True)
def newsclaims_entities() -> Iterable[Entity]:
    """International organisations every outlet names."""
    return lexicon.ENTITIES


@hookimpl(trylast=True)
def newsclaims_boilerplate() -> Iterable[BoilerplatePattern]:
    """Boilerplate lines found on sites of any language."""
    return lexicon.BOILERPLATE


@hookimpl(trylast=True)
def newsclaims_outlets() -> Iterable[Outlet]:
    """Wire services and widely reposted outlets."""
    return lexicon.OUTLETS
