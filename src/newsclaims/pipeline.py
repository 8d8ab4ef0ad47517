"""The one-way flow: input -> document -> plugin parse -> report -> claims.

:func:`parse` handles one input and raises on failure; :func:`parse_many` streams many
inputs and yields a :class:`~newsclaims.models.Report` or a
:class:`~newsclaims.models.Failure` for every one of them, in input order.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from datetime import datetime

import attrs

from .claims import extract_claims
from .dates import iso
from .errors import PluginError
from .host import PluginHost
from .inputs import SourceLike, document_from, looks_like_path
from .knowledge import domain_of
from .models import Article, Document, Failure, ParserInfo, Report

_default_host: PluginHost | None = None


def default_host() -> PluginHost:
    """The process-wide host, built on first use from the environment's settings."""
    global _default_host
    if _default_host is None:
        _default_host = PluginHost()
    return _default_host


def report_id(document: Document, article: Article) -> str:
    """A stable id: the hash of the URL when known, else of the clean text."""
    basis = article.source.url or document.url or article.text
    return hashlib.sha256(basis.encode("utf-8")).hexdigest()[:16]


def build_report(
    document: Document,
    article: Article,
    parser: ParserInfo,
    host: PluginHost,
    warnings: tuple[str, ...] = (),
) -> Report:
    """Assemble a report from a parsed article and extract its claims."""
    knowledge = host.knowledge
    source = article.source
    url = source.url or document.url
    domain = source.domain or domain_of(url)
    outlet = source.outlet
    if outlet is None and url:
        found = knowledge.outlet_for(url)
        outlet = found.name if found else None
    original_outlet = source.original_outlet
    if original_outlet is None and source.original_url:
        found = knowledge.outlet_for(source.original_url)
        original_outlet = found.name if found else domain_of(source.original_url)
    source = attrs.evolve(
        source, url=url, domain=domain, outlet=outlet, original_outlet=original_outlet
    )
    published = article.published or document.published
    rid = report_id(document, article)
    claims = extract_claims(article.text, published=published, knowledge=knowledge, report_id=rid)
    return Report(
        id=rid,
        text=article.text,
        title=article.title,
        authors=article.authors,
        published=iso(published),
        language=article.language,
        source=source,
        removed=article.removed,
        claims=claims,
        parser=parser,
        input=document.origin,
        warnings=(*document.warnings, *warnings, *article.warnings),
    )


def parse_document(
    document: Document, *, plugin: str | None = None, host: PluginHost | None = None
) -> Report:
    """Parse an already-built :class:`Document` into a report."""
    host = host or default_host()
    article, info, warnings = host.parse(document, plugin=plugin)
    return build_report(document, article, info, host, warnings)


def parse(
    source: SourceLike,
    *,
    url: str | None = None,
    published: str | datetime | None = None,
    plugin: str | None = None,
    host: PluginHost | None = None,
) -> Report:
    """Parse one article into a :class:`Report` with its claims.

    :param source: a path (``str`` naming an existing file, or :class:`os.PathLike`),
        the article text itself, or its bytes (any encoding, optionally gzipped).
    :param url: the article's URL, used to pick the source plugin and to fill ``source``.
    :param published: publication date (ISO or human form) when the article has none.
    :param plugin: force this plugin instead of detection.
    :param host: the plugin host to use (default: plugins from entry points).
    :raises newsclaims.inputs.InputError: the input could not be read.
    :raises newsclaims.host.NoParserError: no plugin could parse it.
    """
    document = document_from(source, url=url, published=published)
    return parse_document(document, plugin=plugin, host=host)


def failure_for(origin: str, exc: BaseException) -> Failure:
    """An error record for an input that produced no report."""
    plugin = exc.plugin if isinstance(exc, PluginError) else None
    if plugin is None:
        errors = getattr(exc, "errors", ())
        plugin = next((e.plugin for e in errors if isinstance(e, PluginError)), None)
    return Failure(input=origin, error=type(exc).__name__, message=str(exc), plugin=plugin)


def parse_many(
    sources: Iterable[SourceLike | Document],
    *,
    url: str | None = None,
    published: str | datetime | None = None,
    plugin: str | None = None,
    host: PluginHost | None = None,
) -> Iterator[Report | Failure]:
    """Yield a report or a failure record for every source, in input order.

    Nothing is dropped: an unreadable input or a parser error becomes a
    :class:`~newsclaims.models.Failure` naming the input (and the plugin, when one
    failed), and the remaining inputs continue. In strict mode plugin errors propagate.
    """
    host = host or default_host()
    for index, source in enumerate(sources):
        origin = _origin_of(source, index)
        try:
            document = (
                source
                if isinstance(source, Document)
                else document_from(source, url=url, published=published)
            )
            yield parse_document(document, plugin=plugin, host=host)
        except PluginError:
            raise  # only raised in strict mode: fail fast as asked
        except Exception as exc:
            yield failure_for(origin, exc)


def _origin_of(source: SourceLike | Document, index: int) -> str:
    if isinstance(source, Document):
        return source.origin or f"<document {index}>"
    if isinstance(source, str):
        if source == "-":
            return "<stdin>"
        return source if looks_like_path(source) else f"<text {index}>"
    if isinstance(source, bytes):
        return f"<bytes {index}>"
    return str(source)
