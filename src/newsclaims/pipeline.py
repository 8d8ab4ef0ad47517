"""The one-way flow: input -> document -> plugin parse -> report -> claims.

:func:`parse` handles one input and raises on failure; :func:`parse_many` streams many
inputs and yields a :class:`~newsclaims.models.Report` or a
:class:`~newsclaims.models.Failure` for every one of them, in input order.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from datetime import datetime

import attrs

from .claims import extract_claims
from .claims.timex import numeric_date_order
from .dates import checked_published, iso, parse_iso, prefers_day_first
from .errors import PluginError
from .host import PluginHost
from .identity import input_id
from .inputs import DEFAULT_MAX_INPUT_BYTES, read_bytes, read_path, read_text, writable_name
from .knowledge import domain_of
from .language import detect_language
from .models import (
    FALLBACK_PUBLISHED_FROM,
    Article,
    Document,
    Failure,
    ParserInfo,
    PublishedFrom,
    Report,
)

_default_host: PluginHost | None = None


def default_host() -> PluginHost:
    """The process-wide host, built on first use from the environment's settings."""
    global _default_host
    if _default_host is None:
        _default_host = PluginHost()
    return _default_host


def report_id(document: Document, article: Article) -> str:
    """The report's id: unique per input, stable across runs (:func:`identity.input_id`)."""
    return input_id(document)


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
    published, published_from, date_warnings = publication_date(document, article)
    rid = report_id(document, article)
    # the page's declared language, else the text's (None without the ``lang`` extra)
    language = article.language or detect_language(article.text)
    with numeric_date_order(prefers_day_first(language, url)):
        claims = extract_claims(
            article.text, published=published, knowledge=knowledge, report_id=rid
        )
    return Report(
        id=rid,
        text=article.text,
        title=article.title,
        authors=article.authors,
        published=iso(published),
        language=language,
        source=source,
        removed=article.removed,
        claims=claims,
        parser=parser,
        input=document.origin,
        warnings=(*document.warnings, *warnings, *article.warnings, *date_warnings),
        published_from=published_from,
    )


def publication_date(
    document: Document, article: Article
) -> tuple[datetime | None, PublishedFrom | None, tuple[str, ...]]:
    """The report's publication date, where it came from, and warnings about it.

    Precedence: a date the caller gave (``published=``, ``--published``) wins, since the
    user said so, even over a date the plugin read from the text (a dateline may be
    ambiguous); the article's own date comes next; an input's fallback (a WARC record's
    crawl time, an HTTP Last-Modified) only when the article has none. A plugin that fell
    back to ``document.published`` returns it as the article's: a date equal to the
    fallback is reported as that fallback.
    """
    own, warnings = checked_published(article.published, "the article's published date")
    given = document.published
    if given is not None and document.published_from not in FALLBACK_PUBLISHED_FROM:
        if own is not None and own.date() != given.date():
            warnings = (
                *warnings,
                f"the given published date {iso(given)} differs from the article's own "
                f"{iso(own)}: the given one is used",
            )
        return given, "given", warnings
    if own is not None and own != given:
        return own, "article", warnings
    if given is not None:
        return given, document.published_from, warnings
    return None, None, warnings


def parse_document(
    document: Document, *, plugin: str | None = None, host: PluginHost | None = None
) -> Report:
    """Parse an already-built :class:`Document` into a report."""
    host = host or default_host()
    article, info, warnings = host.parse(document, plugin=plugin)
    return build_report(document, article, info, host, warnings)


def parse(
    source: str | os.PathLike[str] | bytes,
    *,
    url: str | None = None,
    published: str | datetime | None = None,
    plugin: str | None = None,
    host: PluginHost | None = None,
    max_input_bytes: int | None = DEFAULT_MAX_INPUT_BYTES,
) -> Report:
    """Parse the article in the file ``source`` into a :class:`Report` with its claims.

    :param source: the path of the file (``str`` or :class:`os.PathLike`; ``"-"`` reads
        standard input), or the file's bytes (any encoding, optionally gzipped). A ``str``
        is always a path, never the article: pass text to :func:`parse_text` or
        :func:`parse_html`.
    :param url: the article's URL, used to pick the source plugin and to fill ``source``.
    :param published: publication date (ISO 8601 text or a ``datetime``) when the article
        has none; other text raises :class:`newsclaims.DateError`.
    :param plugin: force this plugin instead of detection.
    :param host: the plugin host to use (default: plugins from entry points).
    :param max_input_bytes: the largest input read, after decompression (``None`` or 0: no
        limit).
    :raises newsclaims.InputError: the file does not exist or could not be read.
    :raises newsclaims.EmptyInputError: the input is empty or only white space.
    :raises newsclaims.BinaryInputError: the input is not text or HTML.
    :raises newsclaims.InputTooLargeError: the input is over ``max_input_bytes``.
    :raises newsclaims.NoParserError: no plugin could parse it.
    """
    if isinstance(source, bytes):
        return parse_bytes(
            source,
            url=url,
            published=published,
            plugin=plugin,
            host=host,
            max_input_bytes=max_input_bytes,
        )
    if not isinstance(source, str | os.PathLike):
        hint = " (use parse_document for a Document)" if isinstance(source, Document) else ""
        raise TypeError(f"parse() reads a path or bytes, not {type(source).__name__}{hint}")
    document = read_path(source, url=url, published=published, max_input_bytes=max_input_bytes)
    return parse_document(document, plugin=plugin, host=host)


def parse_text(
    text: str,
    *,
    url: str | None = None,
    published: str | datetime | None = None,
    plugin: str | None = None,
    host: PluginHost | None = None,
    origin: str | None = None,
) -> Report:
    """Parse ``text``, a plain-text (or markdown) article, into a :class:`Report`.

    The text is never taken for a path, whatever it looks like.

    :param origin: a name for the input, written to the report's ``input``.
    """
    document = read_text(
        text, url=url, published=published, content_type="text/plain", origin=origin
    )
    return parse_document(document, plugin=plugin, host=host)


def parse_html(
    html: str | bytes,
    *,
    url: str | None = None,
    published: str | datetime | None = None,
    plugin: str | None = None,
    host: PluginHost | None = None,
    origin: str | None = None,
    max_input_bytes: int | None = DEFAULT_MAX_INPUT_BYTES,
) -> Report:
    """Parse ``html``, a web page (text, or bytes in the page's encoding), into a report."""
    if isinstance(html, bytes):
        document = read_bytes(
            html,
            url=url,
            published=published,
            content_type="text/html",
            origin=origin,
            max_input_bytes=max_input_bytes,
        )
    else:
        document = read_text(
            html, url=url, published=published, content_type="text/html", origin=origin
        )
    return parse_document(document, plugin=plugin, host=host)


def parse_bytes(
    data: bytes,
    *,
    url: str | None = None,
    published: str | datetime | None = None,
    plugin: str | None = None,
    host: PluginHost | None = None,
    origin: str | None = None,
    charset: str | None = None,
    content_type: str | None = None,
    max_input_bytes: int | None = DEFAULT_MAX_INPUT_BYTES,
) -> Report:
    """Parse the bytes of an input (text or HTML, any encoding, optionally gzipped).

    :param charset: the charset a server declared for ``data``; tried first.
    :param content_type: ``text/html`` or ``text/plain``; sniffed when ``None``.
    :param max_input_bytes: the largest input accepted, after decompression (``None`` or
        0: no limit); gzip data is decompressed as a stream, never past it.
    :raises newsclaims.EmptyInputError: no bytes, or only white space.
    :raises newsclaims.BinaryInputError: the bytes are not text or HTML.
    :raises newsclaims.InputTooLargeError: over ``max_input_bytes``.
    """
    document = read_bytes(
        data,
        url=url,
        published=published,
        origin=origin,
        charset=charset,
        content_type=content_type,
        max_input_bytes=max_input_bytes,
    )
    return parse_document(document, plugin=plugin, host=host)


def failure_for(origin: str, exc: BaseException) -> Failure:
    """An error record for an input that produced no report."""
    plugin = exc.plugin if isinstance(exc, PluginError) else None
    if plugin is None:
        errors = getattr(exc, "errors", ())
        plugin = next((e.plugin for e in errors if isinstance(e, PluginError)), None)
    return Failure(input=origin, error=type(exc).__name__, message=str(exc), plugin=plugin)


#: What :func:`parse_many` accepts: paths (``str`` or ``os.PathLike``), bytes, Documents.
ManySource = str | os.PathLike[str] | bytes | Document


def parse_many(
    sources: Iterable[ManySource],
    *,
    url: str | None = None,
    published: str | datetime | None = None,
    plugin: str | None = None,
    host: PluginHost | None = None,
    max_input_bytes: int | None = DEFAULT_MAX_INPUT_BYTES,
) -> Iterator[Report | Failure]:
    """Yield a report or a failure record for every source, in input order.

    A ``str`` is a path, as for :func:`parse`; wrap text in a :class:`Document` (or use
    :func:`newsclaims.inputs.read_text`) to pass it here. A path that names no file gives
    a :class:`~newsclaims.models.Failure`, never a report of the path's characters.

    Nothing is dropped: an unreadable input or a parser error becomes a
    :class:`~newsclaims.models.Failure` naming the input (and the plugin, when one
    failed), and the remaining inputs continue: an empty, binary or too large input too
    (see :mod:`newsclaims.inputs`). In strict mode plugin errors propagate.
    """
    if isinstance(published, str):  # an argument error, not one of each input
        published = parse_iso(published)
    host = host or default_host()
    for index, source in enumerate(sources):
        origin = _origin_of(source, index)
        try:
            if isinstance(source, Document):
                document = source
            elif isinstance(source, bytes):
                document = read_bytes(
                    source,
                    url=url,
                    published=published,
                    origin=origin,
                    max_input_bytes=max_input_bytes,
                )
            else:
                document = read_path(
                    source, url=url, published=published, max_input_bytes=max_input_bytes
                )
            yield parse_document(document, plugin=plugin, host=host)
        except PluginError:
            raise  # only raised in strict mode: fail fast as asked
        except Exception as exc:
            yield failure_for(origin, exc)


def _origin_of(source: ManySource, index: int) -> str:
    if isinstance(source, Document):
        return source.origin or f"<document {index}>"
    if isinstance(source, bytes):
        return f"<bytes {index}>"
    if isinstance(source, str | os.PathLike):
        name = os.fspath(source)
        if isinstance(name, str):
            return "<stdin>" if name == "-" else writable_name(name)
    return f"<input {index}>"
