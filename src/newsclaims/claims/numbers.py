"""The grammar of numbers in news prose, and CLAIMS.md's qualifiers as bounds.

:func:`find_quantities` returns every figure in a sentence with its bounds: digits
(``4,000``, ``1.9 million``, ``30%``), number words (``a hundred``, ``eleven``,
``three thousand``, ``a dozen``), vague magnitudes (``dozens``, ``tens of thousands``),
ranges (``3,000 to 4,000``, ``between 10 and 20``, ``5-7``) and qualifiers (``more than``,
``at least``, ``nearly``, ``surpassed``). Figures that are not counts (ages, years, dates,
times, money, ordinals) are marked so the engine skips them.
"""

from __future__ import annotations

import attrs

from .. import _re as re
from .lexicon import PEOPLE_NOUNS, PERSON_SUFFIXES
from .sentences import last_word, tail
from .wordlists import alternation

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
# vague magnitudes: (low, approximate); CLAIMS.md's table
VAGUE = {
    "tens of thousands": 10_000,
    "hundreds of thousands": 100_000,
    "tens of millions": 10_000_000,
    "hundreds of millions": 100_000_000,
    "dozens": 12,
    "scores": 20,
    "hundreds": 100,
    "thousands": 1_000,
    "millions": 1_000_000,
    "tens": 10,
}

_WORD_NUM = (
    r"(?:(?:a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
    r"|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy"
    r"|eighty|ninety)(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?"
    r"(?:\s+(?:hundred|thousand|million|billion)(?:\s+(?:and\s+)?(?:one|two|three|four|five|six"
    r"|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen"
    r"|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three"
    r"|four|five|six|seven|eight|nine))?)?)*)"
)
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_SCALE = r"(?:\s*(?:hundred|thousand|million|billion|mn|bn|m\b|k\b))?"
_NUM = rf"(?:{_DIGITS}{_SCALE}|(?:a|one|two|three|four|half a)\s+dozen|dozen|{_WORD_NUM})"
_VAGUE = (
    r"(?:tens of thousands|hundreds of thousands|tens of millions|hundreds of millions"
    r"|dozens|scores|hundreds|thousands|millions)"
    r"(?=\s+(?:of|more|other|were|are|was|have|had|remain\w*|[a-z]+ed\b|taken|held|hurt|shot"
    r"|slain|dead|missing|still|feared)|\s*[,.;]|$)"
)

# qualifiers before a number: (regex, kind)
_BEFORE = [
    (r"no fewer than|no less than|not less than|a minimum of|at least|at a minimum", "min"),
    (r"more than|over|above|in excess of|upwards of|upward of|greater than", "gt"),
    (r"exceeded|exceeding|exceeds|exceed|surpassed|surpassing|surpasses|topped|topping|tops"
     r"|passed|crossed|crossing", "gt"),
    (r"up to|as many as|as much as|at most|a maximum of|no more than|not more than", "max"),
    (r"fewer than|less than|under|below", "lt"),
    (r"nearly|almost|just under|close to nearly|just short of|nigh on", "nearly"),
    (r"about|around|approximately|roughly|some|an estimated|estimated|close to|an approximate"
     r"|approx\.|an average of|on the order of|upwards of around|circa|c\.", "about"),
]  # fmt: skip
# one pattern: each kind is a named group, the leftmost (longest) qualifier wins
_QUALIFIER = re.compile(
    r"(?:^|\W)(?:"
    + "|".join(
        f"(?P<{kind}>{'|'.join(p for p, k in _BEFORE if k == kind)})"
        for kind in dict.fromkeys(k for _, k in _BEFORE)
    )
    + r")\s+$",
    re.I,
)
# the last word of every qualifier ("at least" -> "least"), for a cheap test first
_QUALIFIER_WORDS = frozenset(
    alt.split()[-1].replace("\\.", "").lower() for p, _ in _BEFORE for alt in p.split("|")
)
_AFTER_RX = re.compile(r"^(\s*\+|\s+or more\b|\s+or so\b|\s+plus\b|\s+or higher\b)", re.I)
_MONTHS = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_NUMBER_RX = re.compile(
    rf"(?<![\w.,$€£¥-])(?:(?P<between>between|from)\s+)?(?P<a>{_NUM})"
    rf"(?:(?P<sep>\s*(?:-|–|—|to|and|or)\s*)(?P<b>{_NUM}))?(?P<pct>\s*(?:%|percent|per cent))?"
    rf"(?![\w%])|(?<![\w-])(?P<vague>{_VAGUE})",
    re.I,
)


@attrs.frozen
class Quantity:
    """A figure in a sentence: offsets relative to the sentence, and its bounds."""

    start: int
    end: int
    text: str
    low: float | None
    high: float | None
    low_inclusive: bool = True
    high_inclusive: bool = True
    approximate: bool = False
    percent: bool = False
    not_a_count: str | None = None  # why the figure is not a count (age, year, money...)
    increment: bool = False


_WORD_SPLIT = re.compile(r"[\s-]+")


def words_to_number(text: str) -> float | None:
    """``"three thousand"`` -> 3000, ``"twenty-five"`` -> 25, ``"a hundred"`` -> 100."""
    words = _WORD_SPLIT.split(text.lower().replace(" and ", " "))
    total = 0
    current = 0
    seen = False
    for w in words:
        if w in ("a", "one") and not seen:
            current = 1
            seen = True
        elif w in UNITS:
            current += UNITS[w]
            seen = True
        elif w == "hundred":
            current = max(current, 1) * 100
            seen = True
        elif w in ("thousand", "million", "billion"):
            total += max(current, 1) * SCALES[w]
            current = 0
            seen = True
        elif w in ("dozen",):
            current = max(current, 1) * 12
            seen = True
        elif w == "half":
            current = 0.5  # type: ignore[assignment]
        elif w == "":
            continue
        else:
            return None
    return float(total + current) if seen else None


_DIGITS_NUMBER = re.compile(rf"({_DIGITS})\s*(hundred|thousand|million|billion|mn|bn|m|k)?")


#: The largest figure read (2**53 - 1): the largest integer a JSON number carries exactly
#: between programs (RFC 8259, section 6). A larger one (a run of 400 digits) is no count
#: of anything and is not read as a figure at all, so it never becomes ``Infinity``.
MAX_FIGURE = float(2**53 - 1)


def parse_number(text: str) -> float | None:
    """Read one number: digits with separators, decimals and scale words, or words.

    ``None`` for what is not a number, and for a number over :data:`MAX_FIGURE`.
    """
    value = _parse_number(text)
    return None if value is None or not value <= MAX_FIGURE else value


def _parse_number(text: str) -> float | None:
    t = text.strip().lower()
    m = _DIGITS_NUMBER.fullmatch(t)
    if m:
        value = float(m.group(1).replace(",", ""))
        scale = m.group(2)
        mult = {"mn": 1e6, "m": 1e6, "bn": 1e9, "k": 1e3}.get(
            scale or "", SCALES.get(scale or "", 1)
        )
        return value * mult
    if t == "dozen":
        return 12.0
    return words_to_number(t)


_MONEY_BEFORE = re.compile(r"[$€£¥₹]\s*$|\b(?:us|rs|usd|eur|gbp|inr|won|yen|yuan)\s*$", re.I)
_MONEY_AFTER = re.compile(
    r"\s*(?:dollars?|euros?|pounds?|yuan|yen|won|rupees?|pesos?|naira|shillings?|rubles?"
    r"|roubles?|usd|eur|bucks)\b"
)
_AGE_AFTER = re.compile(r"[\s-]*(?:year|month|week|day)s?[\s-]*olds?\b|-(?:year|month)-")
_AGE_BEFORE = re.compile(
    r"\b(?:aged|age|ages)\s+(?:of\s+)?(?:\d+\s*(?:,|and|or|to|-)\s*)*$", re.I
)  # "aged 5 and 7", "under the age of five"
_AFTER_NAME_COMMA = re.compile(r",\s*(?:[a-z(]|$)")
# "Castaño, 34,", "her friend Ana Ruiz, also 19,"
_NAME_COMMA = re.compile(r"\b[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿā-ž]+,\s*(?:also\s+|now\s+|both\s+)?$")
_TIME_AFTER = re.compile(r"\s*(?:a\.m\.|p\.m\.|am\b|pm\b|o'clock|hours?\s+gmt|gmt|utc|:\d)")
_MONTH_BEFORE = re.compile(rf"\b(?:{_MONTHS})\.?\s*$", re.I)
_MONTH_AFTER = re.compile(rf"\s*(?:st|nd|rd|th)?\s*(?:of\s+)?(?:{_MONTHS})\b")
_ORDINAL_AFTER = re.compile(r"(?:st|nd|rd|th)\b")
_YEARLIKE = re.compile(r"(1[5-9]|20)\d\d")
_PEOPLE_AFTER_YEAR = re.compile(r"\s+(?:[a-z]+\s+)?(?:people|persons|soldiers|troops|civilians)\b")
_UNIT_AFTER = re.compile(
    r"\s*(?:km|kilometers?|kilometres?|miles?|meters?|metres?|feet|ft|kg|tons?"
    r"|tonnes?|hectares?|acres?|square|sq|mph|km/h|degrees?|°|minutes?|hours?|days?"
    r"|weeks?|months?|years?|seconds?|times\b|-?fold|points?|votes?|seats?)\b"
)
# the patterns after a figure as one, each a named group in order of precedence
_AFTER_KIND = re.compile(
    "|".join(
        f"(?P<{kind}>{rx.pattern})"
        for kind, rx in (
            ("money", _MONEY_AFTER),
            ("age", _AGE_AFTER),
            ("time", _TIME_AFTER),
            ("date", _MONTH_AFTER),
            ("ordinal", _ORDINAL_AFTER),
            ("measure", _UNIT_AFTER),
        )
    )
)
_LABEL_BEFORE = re.compile(
    r"\b(?:no\.|number|nos\.|route|highway|flight|article|section|chapter|page"
    r"|room|grade|level|resolution|phase|category|camp|gate|block|sector|zone|ward|platform"
    r"|terminal|pier|bay)\s*$",
    re.I,
)
_YEAR_PREP_BEFORE = re.compile(r"\b(?:in|since|by|until|of|before|after|from)\s+$")
_DECADE = re.compile(r"\d{4}s?")


# Patterns anchored at the end of the text before a figure are tried from every position of
# it; each runs only when the last word before the figure is one its alternatives end with.
_MONEY_WORDS = frozenset("us rs usd eur gbp inr won yen yuan".split())
_MONTH_WORDS = frozenset(
    """jan january feb february mar march apr april may jun june jul july aug august sep sept
    september oct october nov november dec december""".split()
)
_LABEL_WORDS = frozenset(
    """no number nos route highway flight article section chapter page room grade level
    resolution phase category camp gate block sector zone ward platform terminal pier
    bay""".split()
)
_YEAR_PREP_WORDS = frozenset("in since by until of before after from".split())
_AGE_WORDS = frozenset("aged age ages of and or to".split())


def _context_kind(sentence: str, start: int, end: int, value: float, raw: str) -> str | None:
    """Why a figure is not a count of people, or ``None`` when it may be one."""
    before = sentence[max(0, start - 30) : start]
    after = sentence[end : end + 40]
    low_after = after.lower()
    word = last_word(before)
    mark = before.rstrip()[-1:]  # the last character that is not white space
    money_before = (mark != "" and mark in "$€£¥₹") or word in _MONEY_WORDS
    # the first of the patterns after the figure that matches, in the order they are tried
    found = _AFTER_KIND.match(low_after)
    after_kind = found.lastgroup if found else None
    if (money_before and _MONEY_BEFORE.search(before)) or after_kind == "money":
        return "money"
    age_before = word in _AGE_WORDS or (mark != "" and mark in ",-")
    if after_kind == "age" or (age_before and _AGE_BEFORE.search(before)):
        return "age"
    if value < 120 and _AFTER_NAME_COMMA.match(after) and _NAME_COMMA.search(before):
        return "age"  # "Smith, 23, faces ..."
    if after_kind == "time":
        return "time"
    if (word in _MONTH_WORDS and _MONTH_BEFORE.search(before)) or after_kind == "date":
        return "date"
    if after_kind == "ordinal":
        return "ordinal"
    digits = raw.replace(",", "")
    if _YEARLIKE.fullmatch(digits) and "," not in raw and not _PEOPLE_AFTER_YEAR.match(low_after):
        return "year"
    if after_kind == "measure":
        return "measure"
    if word in _LABEL_WORDS and _LABEL_BEFORE.search(before):
        return "label"
    if word in _YEAR_PREP_WORDS and _YEAR_PREP_BEFORE.search(before) and _DECADE.fullmatch(digits):
        return "year"
    return None


_PERSON_SUFFIX = re.compile(rf"[a-z]+{PERSON_SUFFIXES}")


def _singular_person(word: str) -> bool:
    return (word in PEOPLE_NOUNS and not word.endswith("s")) or bool(_PERSON_SUFFIX.fullmatch(word))


def _qualify(sentence: str, start: int) -> tuple[str | None, int]:
    """The qualifier right before ``start`` and where it begins (the longest one wins:
    "no more than" over "more than", "just under" over "under")."""
    head = tail(sentence[:start], 48)
    if last_word(head) not in _QUALIFIER_WORDS:
        return None, start
    m = _QUALIFIER.search(head)
    if m is None or m.lastgroup is None:
        return None, start
    return m.lastgroup, start - len(head) + m.start(m.lastgroup)


_INCREMENT = re.compile(r"\b(?:an?\s+)?(?:additional|another|further|extra)\s+$", re.I)
_INCREMENT_WORDS = frozenset({"additional", "another", "further", "extra"})


# a sentence without a digit or a number word has no figure: a cheap test first
_DIGIT = re.compile(r"\d")
_NUMBER_WORD = re.compile(  # matched against the lower-cased sentence (faster than re.I)
    r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
    r"|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy"
    r"|eighty|ninety|hundred|thousand|million|billion|dozen|dozens|scores|hundreds|thousands"
    r"|millions|tens)\b"
)


_COUNT_WORDS = (
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen"
    " sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety"
    " dozen dozens scores hundreds thousands millions tens"
).split()
# where a figure can start, tested on the lower-cased sentence; the full grammar
# (_NUMBER_RX) then runs only there instead of at every position. A digit, or a number
# word that starts a word (``\b`` before it, tested in :func:`_candidate`): the pattern
# opens with literal letters, so the engine skips ahead to them instead of trying it at
# every position, as it must for a pattern that opens with ``\d|\b``
_CANDIDATE_WORD = re.compile(
    r"(?:a\s+(?:hundred|thousand|million|billion|dozen)|half\s+a|"
    + alternation(_COUNT_WORDS)
    + r")\b"
)


# a byte table that turns every character but an ASCII word character into a space, and the
# words that every match of _CANDIDATE_WORD at the start of a word has as a word of its own
_NOT_WORD_BYTES = bytes(
    c if c < 128 and (chr(c).isalnum() or c == ord("_")) else 32 for c in range(256)
)
_NUMBER_WORD_BYTES = frozenset(
    w.encode()
    for w in (*_COUNT_WORDS, "hundred", "thousand", "million", "billion", "dozen", "half")
)


def _candidate(low: str, pos: int) -> tuple[int, int] | None:
    r"""The first place at or after ``pos`` where a figure can start, as (start, end): what
    ``\d|\b(?:<number words>)\b`` finds, searched as a digit and a word apart."""
    digit = _DIGIT.search(low, pos)
    first_digit = digit.start() if digit else len(low)
    while True:
        word = _CANDIDATE_WORD.search(low, pos)
        if word is None or word.start() > first_digit:
            return (first_digit, first_digit + 1) if digit else None
        start = word.start()
        before = low[start - 1] if start else ""
        if not (before.isalnum() or before == "_"):  # \b: no word character before
            return start, word.end()
        pos = start + 1


_RANGE_LEAD = re.compile(r"\b(?:between|from)\s+$")


class _Candidates:
    """The places where a figure can start, as :func:`_candidate` finds them, from a position
    that only moves forward: the next digit and the next number word found are kept until the
    position passes them, so neither is searched for again (a sentence is scanned once)."""

    __slots__ = ("_digit", "_low", "_word", "_word_end")

    def __init__(self, low: str) -> None:
        self._low = low
        self._digit = -1  # the next digit at or after the position (len(low): none)
        self._word = -1  # the next number word that starts a word (len(low): none)
        self._word_end = -1
        if _NUMBER_WORD_BYTES.isdisjoint(
            low.encode("utf-8", "surrogatepass").translate(_NOT_WORD_BYTES).split()
        ):
            # every number word _CANDIDATE_WORD finds at the start of a word is a run of
            # ASCII word characters of its own ("hundred" of "a hundred"): with none of them
            # among the words of the sentence there is no number word to look for
            self._word = self._word_end = len(low)

    def next(self, pos: int) -> tuple[int, int] | None:
        low = self._low
        size = len(low)
        if self._digit < pos:
            digit = _DIGIT.search(low, pos)
            self._digit = digit.start() if digit else size
        if self._word < pos:
            self._word, self._word_end = size, size
            at = pos
            while (word := _CANDIDATE_WORD.search(low, at)) is not None:
                start = word.start()
                before = low[start - 1] if start else ""
                if not (before.isalnum() or before == "_"):  # \b: no word character before
                    self._word, self._word_end = start, word.end()
                    break
                at = start + 1
        if self._word < self._digit:
            return self._word, self._word_end
        if self._digit < size:
            return self._digit, self._digit + 1
        return None


def find_quantities(sentence: str) -> list[Quantity]:
    """Every figure in ``sentence`` with bounds per CLAIMS.md's table."""
    out: list[Quantity] = []
    low = sentence.lower()
    candidates = _Candidates(low)
    pos = 0
    while True:
        c = candidates.next(pos)
        if c is None:
            break
        start, c_end = c
        window = low[max(0, start - 9) : start]
        lead = (
            _RANGE_LEAD.search(low, max(0, start - 9), start)
            if "from" in window or "between" in window
            else None
        )
        m = _NUMBER_RX.match(sentence, lead.start() if lead else start)
        if m is None and lead:
            m = _NUMBER_RX.match(sentence, start)
        if m is None:
            pos = c_end
            continue
        q = _vague(sentence, m) if m.group("vague") else _numeric(sentence, m)
        # "Aug 15 - Three thousand": when no range was read, go on after the first number
        pos = m.end() if q is None or q.end >= m.end() or m.group("vague") else m.end("a")
        if q is not None:
            out.append(q)
    return out


def _vague(sentence: str, m: re.Match[str]) -> Quantity | None:
    word = m.group("vague").lower()
    low = float(VAGUE[word])
    start = m.start()
    kind, qstart = _qualify(sentence, start)
    if kind in ("min", "gt", "about"):
        start = qstart
    return Quantity(
        start, m.end(), sentence[start : m.end()], low, None, True, True, True
    )  # fmt: skip


_NEXT_LOWER = re.compile(r"\s+([a-z]+)")
_MORE_AFTER = re.compile(r"\s+(?:more|additional|extra|further)\b", re.I)


def _numeric(sentence: str, m: re.Match[str]) -> Quantity | None:
    a_raw = m.group("a")
    if a_raw.lower() in ("a", "one") and not m.group("b"):
        # "a" and "one" alone are articles/pronouns far more often than counts
        nxt = _NEXT_LOWER.match(sentence, m.end())
        if a_raw.lower() == "a" or not nxt or not _singular_person(nxt.group(1)):
            return None
    a = parse_number(a_raw)
    if a is None:
        return None
    b_raw = m.group("b")
    sep = (m.group("sep") or "").strip().lower()
    b = parse_number(b_raw) if b_raw else None
    between = m.group("between")
    pct = bool(m.group("pct"))
    start, end = m.start(), m.end()
    if between and not b_raw:
        start = m.start("a")  # "from 5" alone: the preposition is not a qualifier
        between = None
    same_kind = b_raw is not None and a_raw[:1].isdigit() == b_raw[:1].isdigit()
    is_range = b is not None and b > a and same_kind and sep in ("-", "–", "—", "to", "and", "or")
    if b is not None and not is_range:
        # "5 and 7" as a list, "2014-2015": keep the first number only
        end = m.end("a")
        b = None
        if between:
            start = m.start("a")
    number_start = m.start("a")
    not_count = _context_kind(sentence, number_start, end, a, a_raw)
    if is_range and sep in ("and", "or") and not between and sep == "and":
        # "12 and 30": two figures, not a range, unless "between"
        end = m.end("a")
        b = None
        is_range = False
    low: float | None = a
    high: float | None = b if is_range else a
    low_inc = high_inc = True
    approx = False
    if not_count:  # not a count: its bounds and qualifiers are never read
        after = _AFTER_RX.match(sentence[end:])
        if after and not is_range:
            end += after.end()
        return Quantity(start, end, sentence[start:end], low, high, not_a_count=not_count)
    kind, qstart = _qualify(sentence, start)
    if kind is not None:
        start = qstart
        if kind == "min":
            high = None
        elif kind == "gt":
            high, low_inc = None, False
        elif kind == "max":
            low = None
            high = b if is_range else a
        elif kind == "lt":
            low, high_inc = None, False
            high = a
        elif kind == "nearly":
            low, high_inc, approx = None, False, True
            high = a
        elif kind == "about":
            approx = True
    after = _AFTER_RX.match(sentence[end:])
    if after and not is_range:
        end += after.end()
        if "so" in after.group(0):
            approx = True
        else:
            high = None
    increment = (
        last_word(sentence[max(0, start - 16) : start]) in _INCREMENT_WORDS
        and bool(_INCREMENT.search(tail(sentence[:start], 32)))
    ) or bool(_MORE_AFTER.match(sentence, end))
    return Quantity(
        start, end, sentence[start:end], low, high, low_inc, high_inc, approx, pct,
        not_count, increment,
    )  # fmt: skip


_DOUBLE_QUOTES = re.compile(r"[\"“”„«»]")


def unquoted(sentence: str) -> str:
    """``sentence`` with its double quotation marks as spaces (same length, so offsets hold):
    a figure quoted from a source is read as if it were not ("left \"more than 100\" wounded").

    >>> unquoted('killed "dozens of fighters"')
    'killed  dozens of fighters '
    """
    if '"' not in sentence and "“" not in sentence and "«" not in sentence and "„" not in sentence:
        return sentence
    return _DOUBLE_QUOTES.sub(" ", sentence)
