"""Turn what a user hands us (a path, text, bytes, stdin) into a :class:`Document`.

Bytes are decoded by byte-order mark, then by the charset the page declares (HTTP-equiv,
``<meta charset>``, XML declaration), then by detection; undecodable bytes are replaced
and noted in ``Document.warnings``, never raised. ``.gz`` input is read transparently.
"""

from __future__ import annotations

import codecs
import gzip
import os
import re
import sys
from datetime import datetime
from pathlib import Path

from .dates import parse_date
from .errors import InputError as InputError
from .models import Document

#: What :func:`newsclaims.parse` accepts as a source.
SourceLike = str | bytes | os.PathLike[str]

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_:.\-]+)""", re.IGNORECASE
)
_XML_DECL = re.compile(rb"""<\?xml[^>]+encoding\s*=\s*["']([a-zA-Z0-9_.\-]+)""", re.IGNORECASE)
# what browsers really use for these labels (the WHATWG encoding standard)
_SUPERSETS = {
    "euc-kr": "cp949",
    "euckr": "cp949",
    "ks_c_5601-1987": "cp949",
    "ks_c_5601": "cp949",
    "iso-8859-1": "cp1252",
    "latin-1": "cp1252",
    "latin1": "cp1252",
    "ascii": "cp1252",
    "us-ascii": "cp1252",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "shift_jis": "cp932",
    "sjis": "cp932",
    "x-sjis": "cp932",
}
_HTML_SNIFF = re.compile(
    r"<(?:!doctype\s+html|html|head|body|meta|article|div|p|title)\b", re.IGNORECASE
)


_SURROGATE = re.compile("[\ud800-\udfff]")


def _no_surrogates(text: str) -> str:
    # a high and low surrogate in a row are the character they encode; alone, U+FFFD
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


def _codec(label: str) -> str | None:
    label = label.strip().lower()
    label = _SUPERSETS.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def declared_charset(data: bytes) -> str | None:
    """Return the codec named by an HTML ``<meta>`` or XML declaration in the first 4 KB."""
    head = data[:4096]
    for rx in (_META_CHARSET, _XML_DECL):
        m = rx.search(head)
        if m:
            codec = _codec(m.group(1).decode("ascii", "replace"))
            if codec:
                return codec
    return None


def decode_bytes(data: bytes, charset: str | None = None) -> tuple[str, str, tuple[str, ...]]:
    """Decode ``data`` and return ``(text, encoding, warnings)``.

    Order: byte-order mark, the ``charset`` argument (an HTTP header), the document's own
    declaration, strict UTF-8, detection (``charset_normalizer`` when installed, else a
    list of common encodings), and finally UTF-8 with replacement characters, noted in
    the warnings.
    """
    for bom, name in _BOMS:
        if data.startswith(bom):
            return data.decode(name, errors="replace"), name, ()
    candidates: list[str] = []
    for codec in (_codec(charset) if charset else None, declared_charset(data)):
        if codec and codec not in candidates:
            candidates.append(codec)
    if "utf-8" not in candidates:
        candidates.append("utf-8")
    for codec in candidates:
        try:
            return data.decode(codec), codec, ()
        except (UnicodeDecodeError, LookupError):
            continue
    guessed = _detect(data)
    if guessed:
        return data.decode(guessed, errors="replace"), guessed, ()
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    return text, "utf-8", (f"{bad} undecodable byte sequence(s) replaced with U+FFFD",)


def _detect(data: bytes) -> str | None:
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - depends on the environment
        best_name = None
    else:
        best = from_bytes(data).best()
        best_name = _codec(best.encoding) if best is not None else None
    if best_name:
        return best_name
    for codec in ("cp949", "gb18030", "cp932", "cp1251"):
        try:
            data.decode(codec)
        except UnicodeDecodeError:
            continue
        return codec
    return None


def sniff_content_type(text: str) -> str:
    """Return ``text/html`` when the start of ``text`` looks like markup, else ``text/plain``."""
    head = text[:2048].lstrip()
    if head.startswith("<") and _HTML_SNIFF.search(head):
        return "text/html"
    if len(_HTML_SNIFF.findall(text[:20000])) >= 5:
        return "text/html"
    return "text/plain"


def _maybe_gunzip(data: bytes, origin: str) -> bytes:
    if data[:2] == b"\x1f\x8b":
        try:
            return gzip.decompress(data)
        except (OSError, EOFError) as exc:
            raise InputError(f"{origin}: not a readable gzip file: {exc}") from exc
    return data


def looks_like_path(source: str) -> bool:
    """Whether a ``str`` source names an existing file rather than being the text itself."""
    return "\n" not in source and len(source) < 4096 and Path(source).is_file()


def document_from(
    source: SourceLike,
    *,
    url: str | None = None,
    published: str | datetime | None = None,
    content_type: str | None = None,
    origin: str | None = None,
) -> Document:
    """Build a :class:`Document` from a path, text or bytes.

    A ``str`` is read as a path when it names an existing file (and has no newline),
    otherwise as the article text itself; pass a :class:`pathlib.Path` to be explicit.
    ``"-"`` reads standard input.
    """
    pub = parse_date(published) if isinstance(published, str) else published
    if (
        isinstance(source, os.PathLike)
        or (isinstance(source, str) and source == "-")
        or (isinstance(source, str) and looks_like_path(source))
    ):
        path = os.fspath(source)
        if path == "-":
            data = sys.stdin.buffer.read()
            origin = origin or "<stdin>"
        else:
            try:
                data = Path(path).read_bytes()
            except OSError as exc:
                raise InputError(f"{path}: {exc.strerror or exc}") from exc
            origin = origin or path
        return document_from(data, url=url, published=pub, content_type=content_type, origin=origin)
    warnings: tuple[str, ...] = ()
    raw: bytes | None = None
    encoding: str | None = None
    if isinstance(source, bytes):
        raw = _maybe_gunzip(source, origin or "<bytes>")
        text, encoding, warnings = decode_bytes(raw)
    elif isinstance(source, str):
        text = source
    else:
        raise TypeError(f"cannot read a {type(source).__name__}: pass a path, str or bytes")
    if _SURROGATE.search(text):  # a str may hold what no file can: lone surrogates
        text = _no_surrogates(text)
        warnings = (*warnings, "lone surrogate code points replaced with U+FFFD")
    if url is not None and _SURROGATE.search(url):
        url = _no_surrogates(url)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\x00" in text:
        text = text.replace("\x00", "")
        warnings = (*warnings, "NUL characters removed")
    return Document(
        text=text,
        url=url,
        content_type=content_type or sniff_content_type(text),
        published=pub,
        origin=origin,
        raw=raw,
        encoding=encoding,
        warnings=warnings,
    )
