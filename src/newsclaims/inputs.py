"""Turn what a user hands us (a path, text, bytes, stdin) into a :class:`Document`.

Bytes are decoded by byte-order mark, then by the charset the page declares (HTTP-equiv,
``<meta charset>``, XML declaration), then by detection; undecodable bytes are replaced
and noted in ``Document.warnings``, never raised. ``.gz`` input is read transparently,
as a stream, up to ``max_input_bytes`` (default :data:`DEFAULT_MAX_INPUT_BYTES`).

Nothing is guessed silently. An input that holds nothing (no bytes, or only white space)
raises :class:`~newsclaims.errors.EmptyInputError`, one that is not text (an executable, an
image, an archive, random bytes: see :func:`newsclaims.sniff.binary_reason`) raises
:class:`~newsclaims.errors.BinaryInputError`, and one larger than the limit, before or
after decompression, raises :class:`~newsclaims.errors.InputTooLargeError`. All three are
:class:`~newsclaims.errors.InputError`, so a batch writes an error record for the input
and goes on; an empty report is never returned for them.
"""

from __future__ import annotations

import codecs
import gzip
import io
import os
import sys
from collections.abc import Mapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any, BinaryIO

import attrs

from . import _re as re
from .dates import checked_published, parse_iso
from .errors import BinaryInputError, EmptyInputError, InputTooLargeError
from .errors import InputError as InputError
from .models import Document
from .sniff import binary_reason, is_blank, wide_codec
from .sniff import sniff_content_type as sniff_content_type

#: The largest input read, in bytes, after decompression (64 MiB): a page is far smaller,
#: and a worker's memory (``--memory-limit``, 4 GB by default) holds several times that.
DEFAULT_MAX_INPUT_BYTES = 64 * 1024 * 1024
_CHUNK = 1 << 20
_GZIP_MAGIC = b"\x1f\x8b"

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

    Order: a byte-order mark; the ``charset`` argument (an HTTP header), then the
    document's own declaration (``<meta charset>``, ``http-equiv``, XML declaration);
    strict UTF-8; a declared charset that fails on a few bytes only (those replaced); UTF-8
    that fails on a few bytes only (a file that is UTF-8 but for a few bytes stays UTF-8,
    with U+FFFD for those and a warning, never mojibake everywhere); detection
    (``chardet``, else ``charset_normalizer``, else a list of common encodings); and
    finally UTF-8 with replacement characters. Every replacement is noted in the warnings.

    >>> decode_bytes("naïve café".encode("utf-8") + bytes([255]))[0]
    'naïve café\ufffd'
    >>> decode_bytes("The \u201cnaïve\u201d café".encode("cp1252"))[:2]
    ('The “naïve” café', 'cp1252')
    """
    for bom, name in _BOMS:
        if data.startswith(bom):
            text = data.decode(name, errors="replace")
            return text, name, _replaced(text, data, name)
    wide = wide_codec(data[:65536]) if b"\x00" in data[:4096] else None
    if wide is not None:  # UTF-16/32 without a byte-order mark (NULs are valid UTF-8)
        text = data.decode(wide, errors="replace")
        return text, wide, _replaced(text, data, wide)
    declared: list[str] = []
    for codec in (_codec(charset) if charset else None, declared_charset(data)):
        if codec and codec not in declared:
            declared.append(codec)
    for codec in [*declared, "utf-8"]:
        try:
            return data.decode(codec), codec, ()
        except (UnicodeError, LookupError):
            continue
    for codec in declared:  # the page says what it is: a few bad bytes do not overrule it
        text = data.decode(codec, errors="replace")
        if _few_replaced(text, data):
            return text, codec, _replaced(text, data, codec)
    text = data.decode("utf-8", errors="replace")
    if _mostly_utf8(text, data):
        return text, "utf-8", _replaced(text, data, "utf-8")
    guessed = _detect(data)
    if guessed:
        guessed_text = data.decode(guessed, errors="replace")
        return guessed_text, guessed, _replaced(guessed_text, data, guessed)
    return text, "utf-8", _replaced(text, data, "utf-8")


def _bad(text: str, data: bytes) -> int:
    """How many replacement characters decoding made (not those the bytes hold)."""
    return text.count("\ufffd") - data.count("\ufffd".encode())


def _replaced(text: str, data: bytes, codec: str) -> tuple[str, ...]:
    bad = _bad(text, data)
    if bad <= 0:
        return ()
    return (f"{bad} byte sequence(s) not valid {codec} replaced with U+FFFD",)


def _few_replaced(text: str, data: bytes) -> bool:
    """At most one character in a hundred was replaced."""
    bad = _bad(text, data)
    return bad * 100 <= len(text)


def _mostly_utf8(text: str, data: bytes) -> bool:
    """UTF-8 but for a few bytes: valid multi-byte characters are at least as many as
    the invalid sequences. Text in a single-byte legacy codec has (almost) no valid
    UTF-8 sequences (an accented letter there is one byte followed by ASCII), so it goes
    on to detection."""
    bad = _bad(text, data)
    valid = sum(1 for ch in text if ch > "\x7f") - max(bad, 0)
    return valid >= 1 and valid >= bad


#: a detector's second guess this close to its first is as good; then windows-1252 wins
_NEAR = 0.9


def _chardet(results: Sequence[Mapping[str, Any]]) -> str | None:
    """chardet's best codec; windows-1252 when it scores nearly as well as the best.

    With few non-ASCII bytes (a "naïve" or a "café" in English text) every Latin codec
    scores alike and the first is a coin toss; windows-1252, the most common legacy codec
    of the web (the WHATWG default for most locales), is then the better bet.
    """
    ranked = [
        (r.get("confidence") or 0.0, _codec(r["encoding"])) for r in results if r.get("encoding")
    ]
    ranked = [(score, name) for score, name in ranked if name]
    if not ranked:
        return None
    best_score, best = ranked[0]
    for score, name in ranked:
        if name == "cp1252" and score >= _NEAR * best_score:
            return name
    return best


def _detect(data: bytes) -> str | None:
    """The codec a detector finds for ``data`` (``chardet``, else ``charset_normalizer``).

    chardet is preferred: on windows-1252 text with accents and curly quotes
    charset_normalizer answers windows-1250 ("naïve" read as "naďve"), chardet does not.
    """
    sample = data[:200_000]
    try:
        import chardet
    except ImportError:  # pragma: no cover - depends on the environment
        name = None
    else:
        name = _chardet(chardet.detect_all(sample, prefer_superset=True))
    if name is None:
        try:
            from charset_normalizer import from_bytes
        except ImportError:  # pragma: no cover - depends on the environment
            pass
        else:
            best = from_bytes(sample).best()
            name = _codec(best.encoding) if best is not None else None
    if name:
        return name
    for codec in ("cp949", "gb18030", "cp932", "cp1251"):
        try:
            data.decode(codec)
        except UnicodeError:  # UnicodeDecodeError, or a utf-16/32 stream without its BOM
            continue
        return codec
    return None


def _limit(max_input_bytes: int | None) -> int | None:
    return max_input_bytes if max_input_bytes and max_input_bytes > 0 else None


def _too_large(origin: str, limit: int, what: str) -> InputTooLargeError:
    return InputTooLargeError(
        f"{origin}: {what} more than {limit} bytes (the limit; raise it with "
        "max_input_bytes= or --max-input-bytes)"
    )


def _read_capped(stream: BinaryIO | gzip.GzipFile, limit: int | None) -> bytes:
    """Read ``stream`` in chunks; stop one byte past ``limit`` (the caller checks)."""
    if limit is None:
        return stream.read()
    chunks: list[bytes] = []
    size = 0
    while size <= limit:
        chunk = stream.read(min(_CHUNK, limit + 1 - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


def _gunzip(data: bytes, origin: str, limit: int | None) -> bytes:
    """Decompress gzip ``data`` (every member) as a stream, at most ``limit`` bytes of it."""
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
            raw = _read_capped(stream, limit)
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        raise InputError(f"{origin}: not a readable gzip file: {exc}") from exc
    if limit is not None and len(raw) > limit:
        raise _too_large(origin, limit, "decompressed to")
    return raw


def _maybe_gunzip(data: bytes, origin: str, limit: int | None = None) -> bytes:
    if data[:2] == _GZIP_MAGIC:
        return _gunzip(data, origin, limit)
    if limit is not None and len(data) > limit:
        raise _too_large(origin, limit, "holds")
    return data


def check_content(raw: bytes, origin: str) -> None:
    """Raise when ``raw`` (decompressed bytes) holds nothing to parse or is not text.

    :raises newsclaims.EmptyInputError: no bytes at all.
    :raises newsclaims.BinaryInputError: a file signature, NUL bytes or control characters
        say the bytes are not text (:func:`newsclaims.sniff.binary_reason`).
    """
    if not raw:
        raise EmptyInputError(f"{origin}: the input is empty (0 bytes)")
    reason = binary_reason(raw)
    if reason is not None:
        raise BinaryInputError(f"{origin}: not text or HTML: {reason}")


def looks_like_path(source: str) -> bool:
    """Whether a ``str`` names an existing file (kept for callers that still guess).

    newsclaims itself no longer guesses: :func:`newsclaims.parse` reads a ``str`` as a
    path, :func:`newsclaims.parse_text` as text.
    """
    try:
        return "\n" not in source and len(source) < 4096 and Path(source).is_file()
    except (OSError, ValueError):
        return False


_PATH_HINT = "to parse text itself use newsclaims.parse_text() or parse_html()"


def writable_name(name: str) -> str:
    """``name`` as text that can be written as UTF-8, escaped only when it has to be.

    A name that is valid Unicode is returned as it is. In a name with an undecodable byte
    (a file name that is not UTF-8: :func:`os.fsdecode` keeps such a byte as a surrogate
    code point U+DC80-U+DCFF), each such byte is written ``\\xHH``, any other surrogate
    ``\\uXXXX``, and each backslash doubled, so that the name still finds the file:
    ``os.fsdecode(codecs.escape_decode(name.encode())[0])`` is the path again.

    >>> writable_name(os.fsdecode(b"caf\\xe9 a\\\\b.txt"))
    'caf\\\\xe9 a\\\\\\\\b.txt'
    """
    if not _SURROGATE.search(name):
        return name
    out = []
    for char in name:
        code = ord(char)
        if char == "\\":
            out.append("\\\\")
        elif 0xDC80 <= code <= 0xDCFF:
            out.append(f"\\x{code - 0xDC00:02x}")
        elif 0xD800 <= code <= 0xDFFF:
            out.append(f"\\u{code:04x}")
        else:
            out.append(char)
    return "".join(out)


def _shown(path: str) -> str:
    path = writable_name(path)
    return path if len(path) <= 120 else path[:100] + f"... ({len(path)} characters)"


def read_path(
    path: str | os.PathLike[str],
    *,
    url: str | None = None,
    published: str | datetime | None = None,
    content_type: str | None = None,
    origin: str | None = None,
    max_input_bytes: int | None = DEFAULT_MAX_INPUT_BYTES,
) -> Document:
    """Read the file at ``path`` (``"-"``: standard input) into a :class:`Document`.

    A ``str`` is always a path here, never the text itself.

    :param max_input_bytes: the most bytes read, after decompression (``None`` or 0: no
        limit); a larger file raises :class:`newsclaims.InputTooLargeError`.
    :raises newsclaims.InputError: the file does not exist or cannot be read (the message
        names it; a name too long for the OS is such an error too, never a crash); and its
        kinds :class:`~newsclaims.EmptyInputError`, :class:`~newsclaims.BinaryInputError`,
        :class:`~newsclaims.InputTooLargeError`.
    """
    name = os.fspath(path)
    if not isinstance(name, str):
        raise TypeError(f"a path must be str or os.PathLike[str], not {type(name).__name__}")
    if not name:
        raise InputError(f"an empty string names no file ({_PATH_HINT})")
    limit = _limit(max_input_bytes)
    if name == "-":
        origin = origin or "<stdin>"
        data = _read_stream(sys.stdin.buffer, origin, limit)
    else:
        try:
            with open(name, "rb") as stream:
                data = _read_stream(stream, origin or name, limit)
        except InputError:
            raise
        except OSError as exc:
            reason = exc.strerror or str(exc)
            hint = f" ({_PATH_HINT})" if not isinstance(path, os.PathLike) else ""
            raise InputError(f"{_shown(name)}: {reason}{hint}") from exc
        except ValueError as exc:  # an embedded NUL character
            raise InputError(f"{_shown(name)}: not a file name: {exc} ({_PATH_HINT})") from exc
        origin = origin or writable_name(name)
    return _document(data, url=url, published=published, content_type=content_type, origin=origin)


def _read_stream(stream: BinaryIO, origin: str, limit: int | None) -> bytes:
    """The bytes of ``stream``, decompressed when gzip, at most ``limit`` of them."""
    head = stream.read(2)
    if head == _GZIP_MAGIC:
        try:
            with gzip.GzipFile(fileobj=_Prefixed(head, stream)) as unzipped:
                raw = _read_capped(unzipped, limit)
        except (OSError, EOFError) as exc:
            raise InputError(f"{_shown(origin)}: not a readable gzip file: {exc}") from exc
        if limit is not None and len(raw) > limit:
            raise _too_large(_shown(origin), limit, "decompressed to")
        return raw
    raw = head + _read_capped(stream, None if limit is None else max(limit - len(head), 0))
    if limit is not None and len(raw) > limit:
        raise _too_large(_shown(origin), limit, "holds")
    return raw


class _Prefixed(io.RawIOBase):
    """A stream that gives ``head`` again, then the rest of ``stream``."""

    def __init__(self, head: bytes, stream: BinaryIO) -> None:
        self._head = head
        self._stream = stream

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        view = memoryview(buffer).cast("B")
        if self._head:
            n = min(len(view), len(self._head))
            view[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        data = self._stream.read(len(view))
        view[: len(data)] = data
        return len(data)


def read_bytes(
    data: bytes,
    *,
    url: str | None = None,
    published: str | datetime | None = None,
    content_type: str | None = None,
    origin: str | None = None,
    charset: str | None = None,
    max_input_bytes: int | None = DEFAULT_MAX_INPUT_BYTES,
) -> Document:
    """Decode ``data`` (any encoding, optionally gzipped) into a :class:`Document`.

    :param charset: the charset a server declared (an HTTP header); it is tried first.
    :param max_input_bytes: the most bytes accepted, after decompression (``None`` or 0:
        no limit); gzip data is decompressed as a stream and never past it.
    :raises newsclaims.InputError: unreadable gzip data.
    :raises newsclaims.EmptyInputError: no bytes, or only white space.
    :raises newsclaims.BinaryInputError: the bytes are not text or HTML.
    :raises newsclaims.InputTooLargeError: more than ``max_input_bytes``.
    """
    raw = _maybe_gunzip(data, origin or "<bytes>", _limit(max_input_bytes))
    return _document(
        raw,
        url=url,
        published=published,
        content_type=content_type,
        origin=origin,
        charset=charset,
    )


def _document(
    raw: bytes,
    *,
    url: str | None,
    published: str | datetime | None,
    content_type: str | None,
    origin: str | None,
    charset: str | None = None,
) -> Document:
    """The :class:`Document` of decompressed bytes."""
    name = _shown(origin or "<bytes>")
    check_content(raw, name)
    text, encoding, warnings = decode_bytes(raw, charset)
    if is_blank(text):
        raise EmptyInputError(f"{name}: the input is only white space, nothing to parse")
    doc = read_text(text, url=url, published=published, content_type=content_type, origin=origin)
    return attrs.evolve(doc, raw=raw, encoding=encoding, warnings=(*warnings, *doc.warnings))


def read_text(
    text: str,
    *,
    url: str | None = None,
    published: str | datetime | None = None,
    content_type: str | None = None,
    origin: str | None = None,
) -> Document:
    """Make a :class:`Document` of ``text``, the article itself (never a path).

    :param content_type: ``text/html`` or ``text/plain``; sniffed from the text when
        ``None``.
    :param published: the publication date, a ``datetime`` or ISO 8601 text; a year
        before 1900 (a placeholder) is dropped with a warning.
    :raises newsclaims.DateError: ``published`` is text but not ISO 8601.
    :raises newsclaims.EmptyInputError: ``text`` is empty or only white space.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__}")
    if is_blank(text):
        what = "empty" if not text else "only white space"
        raise EmptyInputError(f"{origin or '<text>'}: the input is {what}, nothing to parse")
    pub = parse_iso(published) if isinstance(published, str) else published
    pub, warnings = checked_published(pub, "the given published date")
    if _SURROGATE.search(text):  # a str may hold what no file can: lone surrogates
        text = _no_surrogates(text)
        warnings = (*warnings, "lone surrogate code points replaced with U+FFFD")
    if url is not None and _SURROGATE.search(url):
        url = _no_surrogates(url)
    text = text.removeprefix("\ufeff")  # a byte-order mark read as a character
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
        warnings=warnings,
    )


def document_from(
    source: SourceLike,
    *,
    url: str | None = None,
    published: str | datetime | None = None,
    content_type: str | None = None,
    origin: str | None = None,
    charset: str | None = None,
    max_input_bytes: int | None = DEFAULT_MAX_INPUT_BYTES,
) -> Document:
    """Build a :class:`Document` from a path, bytes or text, by type and never by guessing.

    An :class:`os.PathLike` is a path (:func:`read_path`), ``bytes`` are the content
    (:func:`read_bytes`) and a ``str`` is the text itself (:func:`read_text`), even when it
    happens to name a file.

    :param charset: the charset a server declared for ``bytes``.
    :param max_input_bytes: the size limit of a path or bytes, after decompression.
    """
    if isinstance(source, os.PathLike):
        return read_path(
            source,
            url=url,
            published=published,
            content_type=content_type,
            origin=origin,
            max_input_bytes=max_input_bytes,
        )
    if isinstance(source, bytes):
        return read_bytes(
            source,
            url=url,
            published=published,
            content_type=content_type,
            origin=origin,
            charset=charset,
            max_input_bytes=max_input_bytes,
        )
    if isinstance(source, str):
        return read_text(
            source, url=url, published=published, content_type=content_type, origin=origin
        )
    raise TypeError(f"cannot read a {type(source).__name__}: pass a path, str or bytes")
