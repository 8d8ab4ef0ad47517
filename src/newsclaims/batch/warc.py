"""Read the HTML pages out of WARC files (``.warc`` and ``.warc.gz``) with warcio.

Each HTML ``response`` (or ``resource``) record with a 2xx status is one item named
``<path>#<byte offset of the record>``: unique within the file, stable across runs, and
enough to seek back to the record. WARC-Target-URI is the item's URL; its fallback
publication date is the response's HTTP Last-Modified when it is no later than the crawl,
else the WARC-Date (the crawl time). Either only stands in for a page without a date of its
own, and the report says which it was (``published_from``). warcio is the optional extra
``newsclaims[warc]``.

A record is checked against its Content-Length: a record cut short (a file truncated by
``head -c``, an interrupted download) is an error item under the record's name, with the
bytes missing and its target URI, and the records before it are kept. A record that cannot
be read at all (its headers cut, a corrupt gzip member), or bytes at the end that are no
complete record, are an error item named by the byte offset where they start, and end the
file.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import datetime
from email.utils import parsedate_to_datetime
from typing import Any

from ..dates import plausible
from ..inputs import writable_name
from ..models import PublishedFrom
from .item import INPUT_ERROR, Item

#: What to tell the user when warcio is missing.
WARC_HINT = "reading WARC files needs warcio: pip install 'newsclaims[warc]'"
#: Error type of the record for a WARC file read without warcio installed.
MISSING_DEPENDENCY = "MissingDependency"

_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})


def warcio_available() -> bool:
    """Whether the optional dependency warcio is installed."""
    try:
        import warcio.archiveiterator  # noqa: F401
    except ImportError:
        return False
    return True


def _media_type(value: str | None) -> tuple[str | None, str | None]:
    """``("text/html", "utf-8")`` from ``text/html; charset=UTF-8``."""
    if not value:
        return None, None
    parts = [p.strip() for p in value.split(";")]
    charset = None
    for part in parts[1:]:
        key, _, val = part.partition("=")
        if key.strip().lower() == "charset" and val.strip():
            charset = val.strip().strip("\"'") or None
    return parts[0].lower() or None, charset


def html_record_info(record: Any) -> tuple[str | None, str | None] | None:
    """``(media type, charset)`` when ``record`` holds an HTML page worth parsing, else None."""
    if record.rec_type == "response":
        headers = record.http_headers
        if headers is None:
            return None
        status = headers.get_statuscode() or ""
        if not status.startswith("2"):
            return None
        media, charset = _media_type(headers.get_header("Content-Type"))
    elif record.rec_type == "resource":
        media, charset = _media_type(record.rec_headers.get_header("Content-Type"))
    else:
        return None
    if media not in _HTML_TYPES:
        return None
    return media, charset


def fallback_date(record: Any) -> tuple[str | None, PublishedFrom]:
    """The record's fallback publication date (ISO 8601 text) and where it came from.

    The HTTP Last-Modified of a response, when it reads as a plausible date no later than
    the WARC-Date (a server may send the time of the response itself); else the
    WARC-Date, which is when the page was crawled, not when it was published.
    """
    crawled = record.rec_headers.get_header("WARC-Date") or None
    headers = record.http_headers if record.rec_type == "response" else None
    modified = _http_date(headers.get_header("Last-Modified") if headers is not None else None)
    crawl = _iso_date(crawled)
    if modified is not None and (crawl is None or _not_after(modified, crawl)):
        return modified.isoformat(), "last-modified"
    return crawled, "warc-date"


def _not_after(a: datetime, b: datetime) -> bool:
    if (a.tzinfo is None) != (b.tzinfo is None):  # one without a zone: compare as UTC
        a, b = a.replace(tzinfo=None), b.replace(tzinfo=None)
    return a <= b


def _http_date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        found = parsedate_to_datetime(value)  # RFC 9110: "Tue, 15 Nov 1994 08:12:31 GMT"
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    return found if plausible(found) else None


def _iso_date(value: str | None) -> datetime | None:
    try:
        return datetime.fromisoformat(value) if value else None
    except ValueError:
        return None


def _truncated(record: Any) -> int:
    """Bytes of ``record`` missing from the file (0: the whole Content-Length is there)."""
    stream = record.raw_stream
    while stream.read(1 << 16):  # what the content stream left (trailers, padding)
        pass
    missing = getattr(stream, "limit", 0)
    return missing if isinstance(missing, int) and missing > 0 else 0


def _read_page(record: Any, max_input_bytes: int | None) -> bytes:
    stream = record.content_stream()
    if not max_input_bytes or max_input_bytes <= 0:
        return bytes(stream.read())
    return bytes(stream.read(max_input_bytes + 1))


def warc_items(path: str, max_input_bytes: int | None = None) -> Iterator[Item]:
    """One :class:`Item` per HTML record of the WARC file at ``path``, in file order.

    A file that cannot be read, or a WARC read without warcio, gives one item carrying
    the error instead; records read before a corrupt one are kept, a record cut short
    is an error item of its own (see the module's documentation).

    :param max_input_bytes: read at most one byte more than this of a page (after its
        ``Content-Encoding`` is undone), so that a compressed bomb inside a record costs no
        memory; the worker then makes the record an ``InputTooLargeError``.
    """
    base = writable_name(path)
    try:
        from warcio.archiveiterator import ArchiveIterator
    except ImportError:
        yield Item(name=base, error=(MISSING_DEPENDENCY, WARC_HINT))
        return
    yielded = 0
    skipped = 0  # bytes of records that are not pages, counted into the next item's size
    last_offset = -1
    records: Any = None
    try:
        with open(path, "rb") as fh:
            records = ArchiveIterator(fh)
            for record in records:
                if record.format != "warc":  # warcio reads any text as an ARC file
                    raise ValueError(f"found an {record.format.upper()} record, not a WARC one")
                info = html_record_info(record)
                if info is None:
                    if _truncated(record):  # a record cut short may have been a page
                        info = (None, None)
                    else:
                        skipped += records.get_record_length()
                        continue
                data = _read_page(record, max_input_bytes) if info[0] else b""
                missing = _truncated(record)
                offset = records.get_record_offset()
                length = records.get_record_length()
                headers = record.rec_headers
                record_id = headers.get_header("WARC-Record-ID") or str(yielded)
                url = headers.get_header("WARC-Target-URI") or None
                # offsets identify records; a file gzipped as one member repeats them
                name = f"{base}#{offset}" if offset > last_offset else f"{base}#{record_id}"
                last_offset = max(offset, last_offset)
                yielded += 1
                if missing or info[0] is None:
                    declared = record.length
                    detail = (
                        f"{name}: truncated WARC record (target {url or 'unknown'}): "
                        f"Content-Length is {declared:,} bytes, {missing:,} of them are "
                        "missing from the file"
                    )
                    yield Item(name=name, url=url, error=(INPUT_ERROR, detail), size=length)
                    skipped = 0
                    continue
                published, published_from = fallback_date(record)
                yield Item(
                    name=name,
                    data=data,
                    url=url,
                    published=published,
                    published_from=published_from,
                    charset=info[1],
                    content_type="text/html",
                    size=skipped + length,
                )
                skipped = 0
            end = getattr(records, "offset", None)
            size = os.fstat(fh.fileno()).st_size
            if isinstance(end, int) and 0 <= end < size:  # warcio stops quietly on a stub
                name = base if end == 0 else f"{base}#{end}" if end > last_offset else f"{base}#end"
                detail = (
                    f"{name}: truncated WARC file: {size - end:,} bytes from byte {end:,} "
                    "are no complete record"
                )
                yield Item(name=name, error=(INPUT_ERROR, detail), size=skipped + size - end)
    except Exception as exc:  # warcio raises several types on corrupt input
        at = getattr(records, "offset", None)
        if not isinstance(at, int) or at <= 0:
            name = base
            detail = f"{base}: not a readable WARC file: {type(exc).__name__}: {exc}"
        else:
            name = f"{base}#{at}" if at > last_offset else f"{base}#error"
            detail = (
                f"{name}: the WARC record at byte {at} cannot be read (truncated or corrupt), "
                f"the rest of the file is lost: {type(exc).__name__}: {exc}"
            )
        yield Item(name=name, error=(INPUT_ERROR, detail))
