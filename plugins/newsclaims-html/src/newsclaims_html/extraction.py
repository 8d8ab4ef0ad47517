"""trafilatura's main content, without its second opinion when the answer cannot change.

trafilatura runs its own extractor, then asks readability for a second opinion (and
justext in some cases) and takes theirs only when its own result looks deficient: empty or
under ``MIN_EXTRACTED_SIZE`` characters, without paragraph text, more tables than
paragraphs, holding elements its cleaning should have removed, or less than half as long
as readability's. ``fast=True`` never asks, and loses whole articles where the second opinion
was needed. :func:`main_text` runs the fast cascade first and keeps its result when none of
those conditions can hold; otherwise it runs the full cascade, whose result is then used.

Some of the conditions are decided inside the cascade (a main pass too short, so that
wild text is recovered or the baseline rescue runs; the recall escalation). They leave
no mark on the result, but each reads the ``fast`` option: a plain run reads it once, so
the options object counts the reads, and any other count means "run the full cascade".
The one condition that cannot be seen without running readability (its result twice as
long) is bounded by the page's paragraph text: when the extraction holds at least half
of it, the full cascade runs only if it is longer than twice the extraction.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from lxml import etree  # type: ignore[import-untyped]

from .strip import install as install_strip
from .tree import HtmlElement, paragraph_text

__all__ = ["main_text"]

# trafilatura's test for an "unclean" own result (then justext is consulted)
_UNCLEAN = etree.XPath(
    "|".join(
        f".//{tag}"
        for tag in (
            "aside audio button fencedframe fieldset figure footer iframe input label link nav "
            "noindex noscript object option select source svg time"
        ).split()
    )
)

#: readability replaces the own result when its own is more than this much longer
SECOND_OPINION_RATIO = 2.0


@lru_cache(maxsize=1)
def _counting_options() -> type[Any]:
    from trafilatura.settings import Extractor

    class CountingOptions(Extractor):
        """trafilatura options that count how often trafilatura asks whether it runs fast."""

        __slots__ = ("_fast", "fast_reads")

        @property
        def fast(self) -> bool:
            self.fast_reads += 1
            return bool(self._fast)

        @fast.setter
        def fast(self, value: bool) -> None:
            self._fast = value
            self.fast_reads = 0

    return CountingOptions


def _options(url: str | None, fast: bool) -> Any:
    """Options for body text with tables, without comments, images, links or metadata."""
    return _counting_options()(
        output_format="python",
        fast=fast,
        comments=False,
        tables=True,
        images=False,
        links=False,
        with_metadata=False,
        url=url,
    )


def _extract(tree: HtmlElement, options: Any) -> Any:
    import trafilatura  # imported late: it is slow to import and only needed here

    install_strip()

    try:
        return trafilatura.bare_extraction(tree, options=options)
    except Exception:  # trafilatura raises on some malformed trees; the page has no body then
        return None


def _sound(result: Any, options: Any, tree: HtmlElement) -> bool:
    """True when the full cascade would return ``result`` unchanged (see the module doc)."""
    if result is None or options.fast_reads != 1:
        return False
    body = getattr(result, "body", None)
    if body is None:
        return False
    length = len(" ".join(body.itertext()).strip())
    if length < options.min_extracted_size:
        return False
    paragraphs = len(body.findall(".//p"))
    if not paragraph_text(body, below=True) or len(body.findall(".//table")) > paragraphs:
        return False
    if _UNCLEAN(body):
        return False
    page_paragraphs = sum(len(t) for t in paragraph_text(tree))
    return page_paragraphs <= SECOND_OPINION_RATIO * length


def _plain(tree: HtmlElement, url: str | None) -> Any:
    import trafilatura

    install_strip()

    try:
        return trafilatura.bare_extraction(
            tree,
            url=url,
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_links=False,
            with_metadata=False,
        )
    except Exception:
        return None


def main_text(tree: HtmlElement, url: str | None = None) -> str:
    """The main text of ``tree`` as trafilatura's full cascade finds it ("" when none).

    trafilatura works on a copy of ``tree``, which stays as it is.
    """
    try:
        fast = _options(url, fast=True)
    except Exception:  # options of another trafilatura version: the plain call
        result = _plain(tree, url)
    else:
        result = _extract(tree, fast)
        if not _sound(result, fast, tree):
            result = _extract(tree, _options(url, fast=False))
    text = getattr(result, "text", None) if result is not None else None
    return str(text) if text else ""
