"""Sentences with character offsets that survive news prose.

Handles abbreviations (Rep., Gen., Lt. Col., U.S., U.N., Jan., No., Mr., Dr.), initials,
decimals, quotations that end a sentence (``...," he said.``), and text where a scraper
glued sentences together (``...in Syria.The desert...``).
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from .. import _re as re

# words that end with a period without ending the sentence
ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof sr jr st mt ft rep reps sen sens gov gen lt col maj capt cpl sgt
    pvt adm cmdr cdr brig lieut supt insp det sgt pres vs etc al inc ltd corp co no nos
    vol approx est dept univ assn bros jan feb mar apr jun jul aug sep sept oct nov dec
    mon tue tues wed thu thur thurs fri sat sun ave blvd rd hon rev fig ph
    """.split()
)
# abbreviations that usually stand before a name or number, never at a sentence end
_PREFIX_ABBR = frozenset(
    """
    mr mrs ms dr prof rep reps sen sens gov gen lt col maj capt cpl sgt pvt adm cmdr
    brig lieut supt insp det hon rev st mt no nos vol fig
    """.split()
)

_LAST_WORD = re.compile(r"([A-Za-z][A-Za-z.]*)$")
_END = re.compile(r"[.!?]+[\"'”’)\]]*")
_GLUED = re.compile(r"(?<=[a-z0-9%\"”’)])([.!?])(?=[\"“]?[A-Z][a-z])")


@attrs.frozen
class Sentence:
    """A sentence of the text: ``text == source[start:end]``, and its paragraph index."""

    text: str
    start: int
    end: int
    paragraph: int


def _is_abbreviation(text: str, dot: int) -> bool:
    """Whether the period at ``text[dot]`` closes an abbreviation or an initial."""
    chunk = text[max(0, dot - 24) : dot]
    if not chunk or chunk[-1].isspace():
        return False
    token = chunk.rsplit(None, 1)[-1]
    if token.isascii() and token.isalpha():
        word = token  # all letters: the whole token is what _LAST_WORD finds
    else:
        m = _LAST_WORD.search(token)  # the pattern cannot cross a space
        if not m:
            return False
        word = m.group(1)
    bare = word.replace(".", "").lower()
    if "." in word:  # U.S. / U.N. / a.m. / p.m.
        return len(bare) <= 4 and not text[dot + 1 : dot + 3].strip().startswith(("T", "Th"))
    if len(word) == 1 and word.isupper():  # an initial: "John F. Kennedy"
        return True
    return bare in ABBREVIATIONS


_WORD_BEFORE_DOT = re.compile(r"[A-Za-z.]+$")
_CAPITALISED_WORD = re.compile(r"[A-Z][a-z]+\s")
_GLUED_START = re.compile(r"[\"“]?[A-Z][a-z]")
_SPACES = re.compile(r"\s*")
_NEXT_START = re.compile(r"\s*(?:[\"“'‘(\[]?[A-Z0-9]|$)")


_MARKS = ".!?"
_CLOSERS = "\"'”’)]"


def _end_marks(par: str) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of every match of ``_END`` in ``par``, left to right: each mark found
    with ``str.find`` (a scan in C far cheaper than the pattern's test at every character),
    then the run of marks and closing quotes after it read on."""
    marks = [c for c in _MARKS if c in par]
    if not marks:
        return
    size = len(par)
    i = 0
    while True:
        if len(marks) == 1:
            start = par.find(marks[0], i)
        else:
            start = min((j for c in marks if (j := par.find(c, i)) != -1), default=-1)
        if start == -1:
            return
        end = start + 1
        while end < size and par[end] in _MARKS:
            end += 1
        while end < size and par[end] in _CLOSERS:
            end += 1
        yield start, end
        i = end


def _boundaries(par: str) -> Iterator[int]:
    """Offsets in ``par`` where a sentence ends (exclusive)."""
    size = len(par)
    for dot, end in _end_marks(par):
        punct = par[dot:end]
        if punct[0] == "." and len(punct.rstrip("\"'”’)]")) == 1:
            if _is_abbreviation(par, dot):
                word = _WORD_BEFORE_DOT.search(par, max(0, dot - 24), dot)
                bare = (word.group(0) if word else "").replace(".", "").lower()
                # "in the U.S. The ..." ends a sentence; "Rep. Lee" does not
                nxt = _SPACES.match(par, end).end()  # type: ignore[union-attr]
                if bare in _PREFIX_ABBR or not _CAPITALISED_WORD.match(par, nxt) or len(bare) == 1:
                    continue
                space = par.find(" ", nxt)
                if par[nxt : space if space != -1 else size] not in _SENTENCE_STARTERS:
                    continue
            if dot > 0 and par[dot - 1].isdigit() and par[end : end + 1].isdigit():
                continue  # decimal
        if end < size:
            # glued sentence: "Syria.The desert" -> split only before a capitalised word
            if not par[end].isspace() and not _GLUED_START.match(par, end):
                continue
            if not _NEXT_START.match(par, end):
                continue  # "... said Mr. smith" or "e.g. something" - lower case goes on
        yield end


_SENTENCE_STARTERS = frozenset(
    """
    The A An It He She They We In On At But And This That These Those There Its His Her
    Their According After Before When While Police Officials Authorities
    """.split()
)


def tail(text: str, size: int) -> str:
    """The last ``size`` characters of ``text``, cut at a word boundary.

    Patterns anchored at the end (``...$``) are tried from every position of the text they
    search, so the engine hands them only the words just before a figure.
    """
    if len(text) <= size:
        return text
    window = text[-size:]
    space = window.find(" ")
    return window[space:] if space >= 0 else window


def contains_any(text: str, parts: tuple[str, ...]) -> bool:
    """Whether any of ``parts`` occurs in ``text`` (a loop: cheaper than ``any()`` over a
    generator, and than a pattern tried at every position).

    >>> contains_any("the death toll rose", ("toll", "tally")), contains_any("x", ("y",))
    (True, False)
    """
    for part in parts:  # noqa: SIM110 - a loop, as the docstring says
        if part in text:
            return True
    return False


_TRAILING_WORD = re.compile(r"[A-Za-z]+(?=\.?$)")


def last_word(text: str) -> str:
    """The last word of ``text`` in lower case, without a final period or white space
    (``""`` when ``text`` does not end with a word).

    Patterns anchored at the end of a text are tried from every position of it; testing the
    last word against the words such a pattern can end with first is much cheaper.

    >>> last_word("killed at least "), last_word("in Jan. "), last_word("cost $")
    ('least', 'jan', '')
    """
    words = text.rsplit(None, 1)
    if not words:
        return ""
    word = words[-1]
    if word.isascii() and word.isalpha():
        return word.lower()  # all letters: the whole word is what _TRAILING_WORD finds
    m = _TRAILING_WORD.search(word)
    return m.group(0).lower() if m else ""


_LINE = re.compile(r"[^\n]+")


#: The longest sentence, in characters. Text without sentence ends (a scraped table, a
#: run-on list) is cut into pieces of at most this size at a space, so that no claim
#: quotes megabytes and the work per sentence stays bounded; every piece is still exactly
#: ``source[start:end]``.
MAX_SENTENCE = 2000


def split_sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences; paragraphs (blank-line or newline separated) never merge.

    A sentence longer than :data:`MAX_SENTENCE` characters is cut at a space into pieces.
    """
    return list(iter_sentences(text))


def iter_sentences(text: str) -> Iterator[Sentence]:
    """The sentences of :func:`split_sentences`, one paragraph at a time: a long text's
    sentences need not all be held at once (the engine keeps only those that give claims)."""
    out: list[Sentence] = []
    for p_index, pm in enumerate(_LINE.finditer(text)):
        par, base = pm.group(0), pm.start()
        start = 0
        for end in _boundaries(par):
            _add(out, par, base, start, end, p_index)
            start = end
        _add(out, par, base, start, len(par), p_index)
        yield from out
        out.clear()


def _add(out: list[Sentence], par: str, base: int, start: int, end: int, p: int) -> None:
    while end - start > MAX_SENTENCE:
        cut = par.rfind(" ", start + 1, start + MAX_SENTENCE)
        if cut == -1 or not par[start:cut].strip():
            cut = start + MAX_SENTENCE  # no space to cut at: cut the word
        _add_one(out, par, base, start, cut, p)
        start = cut
    _add_one(out, par, base, start, end, p)


def _add_one(out: list[Sentence], par: str, base: int, start: int, end: int, p: int) -> None:
    chunk = par[start:end]
    lead = len(chunk) - len(chunk.lstrip())
    chunk = chunk.strip()
    if chunk:
        s = base + start + lead
        out.append(Sentence(chunk, s, s + len(chunk), p))
