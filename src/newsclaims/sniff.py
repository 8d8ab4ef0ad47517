"""What an input is before anyone decodes or parses it: markup, plain text, binary or nothing.

Two questions, each answered by a general rule rather than a list tuned to pages we have:

* :func:`binary_reason` — are these bytes text at all? A known file signature (ELF,
  PDF, PNG, ZIP, ...), NUL bytes outside UTF-16/32, or a high share of control characters
  says no.
* :func:`sniff_content_type` — is this text HTML? It is when, after white space, a
  byte-order mark and leading comments, it starts with a doctype, an XML declaration or a
  tag of a known HTML element; or when tags of known HTML elements are frequent in it.

>>> sniff_content_type("<!-- saved page -->\\n<table><tr><td>Two died.</td></tr></table>")
'text/html'
>>> sniff_content_type("Two people died, police said.")
'text/plain'
>>> binary_reason(b"\\x7fELF\\x02\\x01\\x01" + bytes(100))
'an ELF executable'
"""

from __future__ import annotations

import codecs

from . import _re as re

__all__ = ["HTML_ELEMENTS", "binary_reason", "is_blank", "sniff_content_type", "wide_codec"]

#: Every element name of HTML (the WHATWG living standard, with SVG/MathML roots and the
#: obsolete elements old pages still use: ``center``, ``font``, ``marquee``, ...).
HTML_ELEMENTS = frozenset(
    """a abbr address area article aside audio b base bdi bdo blockquote body br button
    canvas caption cite code col colgroup data datalist dd del details dfn dialog div dl dt
    em embed fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 head header hgroup hr
    html i iframe img input ins kbd label legend li link main map mark menu meta meter nav
    noscript object ol optgroup option output p param picture pre progress q rp rt ruby s
    samp script search section select slot small source span strong style sub summary sup
    table tbody td template textarea tfoot th thead time title tr track u ul var video wbr
    svg math
    acronym applet basefont bgsound big blink center dir font frame frameset image isindex
    keygen listing marquee menuitem multicol nextid nobr noembed noframes plaintext rb rtc
    spacer strike tt xmp""".split()
)

_NAME = r"[a-zA-Z][a-zA-Z0-9]*"
# a tag of some element: <name ...>, <name>, <name/>, </name>
_TAG = re.compile(rf"<(/?)({_NAME})(?=[\s/>])", re.ASCII)
_LEADING = re.compile(r"(?:\s|\ufeff|<!--.*?-->)*", re.DOTALL)
_DECL = re.compile(r"<(?:!doctype\s+html\b|\?xml\b)", re.IGNORECASE)

#: how much of a text the markup rule reads
_WINDOW = 65536
#: tags of known elements that make a text HTML wherever they stand ...
_MIN_TAGS = 5
#: ... of which this many close an element (a text about HTML names tags, it rarely closes them)
_MIN_CLOSING = 2
#: ... when they are at least this share of the text's lines
_MIN_TAG_SHARE = 0.05


def _known_tags(text: str) -> list[tuple[str, bool]]:
    """``(element name, is a closing tag)`` of every tag of a known element in ``text``."""
    found = ((m.group(2).lower(), bool(m.group(1))) for m in _TAG.finditer(text))
    return [(name, closing) for name, closing in found if name in HTML_ELEMENTS]


def sniff_content_type(text: str) -> str:
    """``text/html`` when ``text`` looks like markup, else ``text/plain``.

    Markup is a text that starts (after white space, a byte-order mark and any comments) with
    an HTML doctype, an XML declaration or a tag of a known HTML element; or one where tags of
    known HTML elements are many (at least five, of two kinds or more, two of them closing
    tags) and frequent (one for every twenty lines at least), so that a saved page behind a
    line of junk is HTML, and an article about HTML that names a few tags is not. A text
    made only of comments and words is plain text (markdown may carry a comment).

    >>> sniff_content_type("\\ufeff<center><font size=2>Two died.</font></center>")
    'text/html'
    >>> sniff_content_type("Use the <br> tag to break a line.")
    'text/plain'
    """
    window = text[:_WINDOW]
    start = _LEADING.match(window)
    rest = window[start.end() if start else 0 :]
    if _DECL.match(rest):
        return "text/html"
    first = _TAG.match(rest)
    if first is not None and first.group(2).lower() in HTML_ELEMENTS:
        return "text/html"
    tags = _known_tags(window)
    names = {name for name, _ in tags}
    closing = sum(1 for _, is_closing in tags if is_closing)
    lines = window.count("\n") + 1
    many = len(tags) >= _MIN_TAGS and len(names) >= 2 and closing >= _MIN_CLOSING
    if many and len(tags) >= _MIN_TAG_SHARE * lines:
        return "text/html"
    return "text/plain"


#: file signatures of formats that are not text (checked at offset 0)
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x7fELF", "an ELF executable"),
    (b"\xcf\xfa\xed\xfe", "a Mach-O executable"),
    (b"\xce\xfa\xed\xfe", "a Mach-O executable"),
    (b"\xca\xfe\xba\xbe", "a Mach-O or Java class file"),
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"BM", ""),  # too short to trust alone; see _BMP
    (b"PK\x03\x04", "a ZIP archive (also docx, xlsx, epub, jar)"),
    (b"PK\x05\x06", "an empty ZIP archive"),
    (b"\x1f\x8b", "gzip data"),
    (b"BZh", ""),  # see _BZIP2
    (b"\xfd7zXZ\x00", "xz data"),
    (b"(\xb5/\xfd", "zstd data"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an OLE2 document (doc, xls, msg)"),
    (b"OggS", "an Ogg stream"),
    (b"fLaC", "a FLAC stream"),
    (b"\x00\x00\x01\x00", "an icon file"),
    (b"wOFF", "a WOFF font"),
    (b"wOF2", "a WOFF2 font"),
    (b"\x00asm", "a WebAssembly module"),
    (b"SQLite format 3\x00", "an SQLite database"),
)
_RIFF = re.compile(rb"RIFF....(WEBP|WAVE|AVI )", re.DOTALL)
_MP4 = re.compile(rb"....ftyp", re.DOTALL)
_BZIP2 = re.compile(rb"BZh[1-9]1AY&SY")
_BMP = re.compile(rb"BM.{12}[\x0c\x28\x38\x40\x6c\x7c]\x00\x00\x00", re.DOTALL)
_TAR = re.compile(rb"ustar[\x00 ]")
_ID3 = re.compile(rb"ID3[\x02-\x04]\x00")

#: bytes that no text uses: C0 controls but tab, newline, vertical tab, form feed,
#: carriage return and escape, and DEL
_CONTROL = bytes(c for c in range(32) if c not in b"\t\n\x0b\x0c\r\x1b") + b"\x7f"
#: how much of the input the control-character rule reads
_SAMPLE = 65536
#: a text with more control bytes than this share is binary
_MAX_CONTROL_SHARE = 0.02

_UTF16_32 = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def _signature(data: bytes) -> str | None:
    for magic, name in _MAGIC:
        if name and data.startswith(magic):
            return name
    if m := _RIFF.match(data):
        return f"a RIFF {m.group(1).decode('ascii').strip()} file"
    if _MP4.match(data):
        return "an ISO media file (mp4, mov, heic)"
    if _BZIP2.match(data):
        return "bzip2 data"
    if _BMP.match(data):
        return "a BMP image"
    if _ID3.match(data):
        return "an MP3 file"
    if _TAR.match(data, 257):
        return "a tar archive"
    return None


def wide_codec(sample: bytes) -> str | None:
    """The codec of UTF-16 or UTF-32 text (with or without a byte-order mark), or ``None``.

    The sample must decode as one, into text.

    Almost any bytes decode as UTF-16, so "text" is asked of the result: printable
    characters (or white space), with word or sentence separators (white space, or the
    ideographic comma and full stop) at least once in a hundred characters.
    """
    # the NULs say the byte order: high bytes of Latin text come second in little endian
    little = sample[1::2].count(0) >= sample[0::2].count(0)
    order = ("le", "be") if little else ("be", "le")
    candidates = ("utf-16", "utf-32", *(f"utf-{w}-{o}" for w in (16, 32) for o in order))
    for codec in candidates:
        if codec in ("utf-16", "utf-32") and not sample.startswith(_UTF16_32):
            continue
        try:  # not final: the sample may end inside a character
            text = codecs.getincrementaldecoder(codec)().decode(sample, final=False)
        except UnicodeError:  # UnicodeDecodeError, or a utf-16/32 stream without its BOM
            continue
        text = text.removeprefix("\ufeff")
        if not text:
            continue
        odd = sum(1 for ch in text if not ch.isprintable() and not ch.isspace())
        separators = sum(1 for ch in text if ch.isspace() or "\u3000" <= ch <= "\u3002")
        if odd <= _MAX_CONTROL_SHARE * len(text) and separators * 100 >= len(text):
            return codec
    return None


def binary_reason(data: bytes) -> str | None:
    """Why ``data`` is not text or HTML, or ``None`` when it may be.

    A known file signature; a NUL byte in what is not UTF-16 or UTF-32 text; or more than
    2% control characters (besides tab, line breaks, form feed and escape) in the first
    64 KB.

    >>> binary_reason("naïve café".encode("cp1252")) is None
    True
    >>> binary_reason("Two died.".encode("utf-16")) is None
    True
    >>> binary_reason(bytes(range(256)) * 4)
    'NUL bytes (not UTF-16 or UTF-32 text)'
    """
    name = _signature(data)
    if name is not None:
        return name
    sample = data[:_SAMPLE]
    controls = len(sample) - len(sample.translate(None, _CONTROL))
    if b"\x00" not in sample and controls <= _MAX_CONTROL_SHARE * len(sample):
        return None
    if wide_codec(sample) is not None:  # UTF-16 and UTF-32 text is full of NULs and low bytes
        return None
    if b"\x00" in sample:
        return "NUL bytes (not UTF-16 or UTF-32 text)"
    return f"{controls} control bytes in the first {len(sample)} ({controls / len(sample):.0%})"


def is_blank(text: str) -> bool:
    """Whether ``text`` holds nothing but white space (byte-order marks and NULs count as
    white space here).

    >>> is_blank(" \\ufeff\\n\\t"), is_blank(" x ")
    (True, False)
    """
    return not text.replace("\ufeff", "").replace("\x00", "").strip()
