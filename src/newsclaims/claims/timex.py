"""Time expressions in a sentence, resolved against the publication date.

Common news expressions (months, parts of months, weekdays, "yesterday", "last week",
"this year") are resolved by rule; explicit calendar dates ("March 5", "5 March 2024")
go through dateparser, which is slow and so is called only on those matched strings.
Without a publication date, relative expressions keep their text with null dates.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date, datetime, timedelta
from functools import lru_cache

import attrs

from .. import _re as re
from .sentences import contains_any
from .wordlists import alternation

MONTHS = {
    name.lower(): i
    for i in range(1, 13)
    for name in (calendar.month_name[i], calendar.month_abbr[i], calendar.month_abbr[i] + ".")
}
MONTHS["sept"] = MONTHS["sept."] = 9
WEEKDAYS = {calendar.day_name[i].lower(): i for i in range(7)}

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
)
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_PART = r"(?:early|mid|late|the (?:beginning|start|middle|end) of|end of|beginning of)"

_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_YEAR = r"(?:,?\s+\d{4})?"
_PREP_MONTH = r"(?P<prep>(?i:in|during|since|by|from|until|as of|through|of|last|this))"
_PREP_YEAR = r"(?P<prep>(?i:in|during|since|by|of|through|until|as of))"
_RELATIVE = (
    r"\b(?:yesterday|today|tonight|last night|overnight|this morning"
    r"|earlier this (?:week|month|year)"
    r"|last (?:week|month|year)|this (?:week|month|year)|(?:the )?previous (?:week|month|year))\b"
)
_SPAN = (
    r"\b(?i:in|over|during|within)\s+(?:the\s+)?(?:(?i:past|last|previous)\s+)?"
    r"(?P<n>\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
    r"\s+(?P<unit>days|weeks|months|years)\b"
)


_DIGIT = re.compile(r"\d")
# an all-numeric date: "11/06/2025", "11.06.2025", "11/06/25"
_NUMDATE = re.compile(
    r"(?<![\d/.])(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?P=sep)"
    r"(?P<y>(?:19|20)\d\d|(?<=/)\d\d)(?![\d/]|\.\d)"
)
#: how the document writes numeric dates: set by :func:`numeric_date_order`
_DAY_FIRST: ContextVar[bool | None] = ContextVar("newsclaims_day_first", default=None)


@contextmanager
def numeric_date_order(day_first: bool | None) -> Iterator[None]:
    """Read ``11/06/2025`` day first (``True``: 11 June) or month first (``False``, and
    ``None`` when nothing says: 6 November) in the claims extracted inside the block.

    The order is the page's (:func:`newsclaims.dates.prefers_day_first`);
    :func:`newsclaims.pipeline.build_report` sets it for each report.
    """
    token = _DAY_FIRST.set(day_first)
    try:
        yield
    finally:
        _DAY_FIRST.reset(token)


def numeric_date(a: int, b: int, year: int, day_first: bool | None) -> date | None:
    """The date ``a/b/year`` in the page's order; a part above 12 can only be the day.

    >>> numeric_date(11, 6, 2025, True), numeric_date(11, 6, 2025, None)
    (datetime.date(2025, 6, 11), datetime.date(2025, 11, 6))
    >>> numeric_date(25, 6, 2025, False)
    datetime.date(2025, 6, 25)
    """
    if a > 12 and b > 12:
        return None
    day, month = (a, b) if (a > 12 or (day_first and b <= 12)) else (b, a)
    try:
        return date(year, month, day)
    except ValueError:
        return None


# a digit, a separator and a digit: in every numeric date; a scan that skips ahead to the
# digits in C, where _NUMDATE's leading look-behind is tried at every position
_NUMDATE_HINT = re.compile(r"\d[/.]\d")
_MONTH_NAME = re.compile(_MONTH)  # a hint only: without "\b" the scan skips ahead in C
_RELATIVE_HINT = re.compile(  # on the lower-cased sentence; every _RELATIVE match has one
    alternation(
        ["yesterday", "today", "tonight", "last night", "overnight", "this morning"]
        + [
            f"{w} {unit}"
            for w in ("this", "last", "previous")
            for unit in ("week", "month", "year")
        ]
    )
)
_WEEKDAY_NAME = re.compile(_WEEKDAY)
_SINCE_BEFORE = re.compile(r"\b[Ss]ince\s+$")
# "since the army took the town in May": a clause after "since" dated by its month, the
# figure holds from then up to the publication date (no clause break in between)
_SINCE_CLAUSE = re.compile(
    r"\b[Ss]ince\s+(?:the|a|an|its|their|his|her|[A-Z])[^,.;:!?()\"“”]{2,70}\s$"
)
# substrings that the hints need: tested first, as "in" is far cheaper than a pattern scan
_RELATIVE_WORDS = ("yesterday", "today", "tonight", "night", "morning", "week", "month", "year")
_SPAN_WORDS = ("days", "weeks", "months", "years")
_OF_YEAR = re.compile(r"of\s+(?:19|20)\d\d")
_YEAR4 = re.compile(r"(?:19|20)\d\d")  # a hint: without "\b" the scan skips ahead in C
_SPAN_HINT = re.compile(r"(?:days|weeks|months|years)\b")
# what each pattern needs in the sentence (all of it) before it is worth running
_NEEDS: dict[str, frozenset[str]] = {
    "daydate": frozenset({"digit", "month"}),
    "part": frozenset({"month"}),
    "month": frozenset({"month"}),
    "weekday": frozenset({"weekday"}),
    "relative": frozenset({"relative"}),
    "yearend": frozenset({"year", "of_year"}),
    "span": frozenset({"span"}),
    "year": frozenset({"year"}),
    "year_of": frozenset({"year"}),
    "numdate": frozenset({"numdate"}),
}

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("daydate", re.compile(rf"\b{_MONTH}\s+{_DAY}{_YEAR}\b")),
    ("daydate", re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}{_YEAR}\b")),
    (
        "part",
        re.compile(
            rf"\b(?P<part>{_PART})[\s-]+(?P<month>{_MONTH})(?:\s+(?P<year>\d{{4}}))?\b", re.I
        ),
    ),
    (
        "month",
        re.compile(
            rf"\b{_PREP_MONTH}\s+(?P<month>{_MONTH})"
            rf"(?:\s+(?P<year>\d{{4}})|\s+(?P<rel>last|this|next) year)?\b(?!\s+\d)"
        ),
    ),
    (
        "weekday",
        re.compile(
            rf"\b(?i:last\s+|on\s+|this\s+|early\s+|late\s+)?(?P<wd>{_WEEKDAY})"
            r"(?:\s+(?:night|morning|afternoon|evening))?\b"
        ),
    ),
    ("relative", re.compile(_RELATIVE, re.I)),
    (
        "yearend",
        re.compile(
            r"\b(?i:by\s+)?(?i:the\s+)?(?P<part>(?i:end|beginning|start|middle))\s+of\s+"
            r"(?P<y>(?:19|20)\d\d)\b"
        ),
    ),
    ("span", re.compile(_SPAN)),
    (
        "year",
        re.compile(
            rf"\b{_PREP_YEAR}\s+(?P<y>(?:19|20)\d\d)(?:\s*(?:and|to|-|–)\s*(?P<y2>(?:19|20)\d\d"
            r"|(?<=[-–])\d\d))?"
            r"\b(?![,-]?\d)"
        ),
    ),
    ("numdate", _NUMDATE),
    # a year that names an event: "the 2019 raid on the depot", "its 2019 census",
    # also at the start of a sentence ("The 2015 attack killed 14")
    (
        "year_of",
        re.compile(
            r"\b(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er)\s+(?P<y>(?:19|20)\d\d)(?=\s+[a-z])"
        ),
    ),
]


@attrs.frozen
class TimeMention:
    """A time expression in a sentence with its resolved range (ISO dates or ``None``)."""

    start: int
    end: int
    text: str
    kind: str
    first: date | None
    last: date | None


def _month_range(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _latest_year(month: int, pub: date) -> int:
    """The year of the latest ``month`` not after ``pub``."""
    return pub.year if month <= pub.month else pub.year - 1


def _part_range(part: str, year: int, month: int) -> tuple[date, date]:
    last = calendar.monthrange(year, month)[1]
    part = part.lower()
    if part.startswith("early") or "beginning" in part or "start" in part:
        return date(year, month, 1), date(year, month, 10)
    if part.startswith("mid") or "middle" in part:
        return date(year, month, 11), date(year, month, 20)
    return date(year, month, 21), date(year, month, last)


@lru_cache(maxsize=2048)
def _dateparser(text: str, base: date | None) -> date | None:
    import dateparser

    settings: dict[str, object] = {"PREFER_DATES_FROM": "past", "REQUIRE_PARTS": ["day", "month"]}
    if base is not None:
        settings["RELATIVE_BASE"] = datetime(base.year, base.month, base.day)
    found = dateparser.parse(text, languages=["en"], settings=settings)
    return found.date() if found else None


_DAY_PARTS = re.compile(
    r"(?:(?P<m1>[A-Za-z]+)\.?\s+(?P<d1>\d{1,2})|(?P<d2>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?"
    r"(?P<m2>[A-Za-z]+)\.?)(?:st|nd|rd|th)?(?:,?\s+(?P<y>\d{4}))?"
)


def _calendar_day(text: str, pub: date | None) -> date | None:
    """ "March 5", "5 March 2024", "Oct. 3" without dateparser; ``None`` if unsure."""
    m = _DAY_PARTS.fullmatch(text)
    if not m:
        return None
    month = MONTHS.get((m.group("m1") or m.group("m2")).lower())
    day = int(m.group("d1") or m.group("d2"))
    if month is None:
        return None
    if m.group("y"):
        year = int(m.group("y"))
    elif pub is not None:
        year = pub.year if (month, day) <= (pub.month, pub.day) else pub.year - 1
    else:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


_FOUR_DIGITS = re.compile(r"\d{4}")


def _resolve(kind: str, m: re.Match[str], pub: date | None) -> tuple[date | None, date | None]:
    text = m.group(0)
    if kind == "numdate":
        yy = int(m.group("y"))
        yy += 0 if yy >= 100 else (2000 if yy < 70 else 1900)
        day = numeric_date(int(m.group("a")), int(m.group("b")), yy, _DAY_FIRST.get())
        return day, day
    if kind == "daydate":
        if pub is None and not _FOUR_DIGITS.search(text):
            return None, None
        day = _calendar_day(text, pub) or _dateparser(text, pub)
        return day, day
    if kind in ("part", "month"):
        month = MONTHS.get(m.group("month").lower())
        if month is None:
            return None, None
        rel = m.groupdict().get("rel")
        if m.group("year"):
            year: int | None = int(m.group("year"))
        elif rel and pub:
            year = pub.year + {"last": -1, "this": 0, "next": 1}[rel]
        else:
            year = _latest_year(month, pub) if pub else None
        if year is None:
            return None, None
        if kind == "part":
            return _part_range(m.group("part"), year, month)
        first, last = _month_range(year, month)
        if m.group("prep").lower() == "since" and pub:
            return first, pub
        return first, last
    if kind == "yearend":
        y = int(m.group("y"))
        part = m.group("part").lower()
        if part == "end":
            return date(y, 12, 31), date(y, 12, 31)
        if part == "middle":
            return date(y, 6, 1), date(y, 7, 31)
        return date(y, 1, 1), date(y, 1, 31)
    if kind == "span":
        if pub is None:
            return None, None
        words = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                 "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}  # fmt: skip
        n = int(m.group("n")) if m.group("n").isdigit() else words[m.group("n").lower()]
        unit = m.group("unit")
        days = {"days": 1, "weeks": 7, "months": 30, "years": 365}[unit] * n
        if unit == "months":
            month0 = pub.month - 1 - n
            start_year, start_month = pub.year + month0 // 12, month0 % 12 + 1
            dom = min(pub.day, calendar.monthrange(start_year, start_month)[1])
            return date(start_year, start_month, dom), pub
        return pub - timedelta(days=days), pub
    if kind == "year_of":
        y = int(m.group("y"))
        return date(y, 1, 1), date(y, 12, 31)
    if kind == "year":
        y = int(m.group("y"))
        if m.group("prep").lower() == "since" and pub:
            return date(y, 1, 1), pub
        y2 = int(m.group("y2")) if m.group("y2") else y  # "in 1995 and 1996", "in 2022-23"
        if y2 < 100:
            y2 += y // 100 * 100
        return date(y, 1, 1), date(max(y, y2), 12, 31)
    if pub is None:
        return None, None
    if kind == "weekday":
        wd = WEEKDAYS[m.group("wd").lower()]
        back = (pub.weekday() - wd) % 7
        if text.lower().startswith("last") and back == 0:
            back = 7
        day = pub - timedelta(days=back)
        return day, day
    t = text.lower()
    if t == "yesterday" or t == "last night":
        day = pub - timedelta(days=1)
        return day, day
    if t == "overnight":  # the night before the report: its evening to its morning
        return pub - timedelta(days=1), pub
    if t in ("today", "tonight", "this morning"):
        return pub, pub
    if t.endswith("week"):
        monday = pub - timedelta(days=pub.weekday())
        if "last" in t or "previous" in t:
            return monday - timedelta(days=7), monday - timedelta(days=1)
        return monday, pub
    if t.endswith("month"):
        if "last" in t or "previous" in t:
            prev = pub.replace(day=1) - timedelta(days=1)
            return _month_range(prev.year, prev.month)
        return pub.replace(day=1), pub
    if t.endswith("year"):
        if "last" in t or "previous" in t:
            return date(pub.year - 1, 1, 1), date(pub.year - 1, 12, 31)
        return date(pub.year, 1, 1), pub
    return None, None


#: kinds that "since" right before makes a range up to the publication date
_SINCE_KINDS = frozenset({"daydate", "part", "weekday", "year_of", "numdate"})
_NEXT_WORD = re.compile(r"\s+[a-z]+")
_IN_BEFORE = re.compile(r"\b(?i:in|during)\s+$")


def _in_month(kind: str, m: re.Match[str], sentence: str) -> bool:
    """Whether a month ("in May") or a part of one ("in late May") is a clause's "in"."""
    if kind == "month":
        return m.group("prep").lower() in ("in", "during")
    return _IN_BEFORE.search(sentence, max(0, m.start() - 8), m.start()) is not None


_DATELINE_BEFORE = re.compile(r"[A-Z][\w.'’-]*(?:[ -][A-Z][\w.'’-]*){0,3},\s+")
_DATELINE_AFTER = re.compile(r"\s*(?:\([^()]{1,40}\)\s*)?[-–—]\s")


def _is_dateline(sentence: str, m: re.Match[str]) -> bool:
    """Whether a date opens the text as its dateline ("KYIV, March 3 (Agency) - ...")."""
    return (
        _DATELINE_BEFORE.fullmatch(sentence, 0, m.start()) is not None
        and _DATELINE_AFTER.match(sentence, m.end()) is not None
    )


def find_times(
    sentence: str, published: datetime | date | None, low: str | None = None
) -> list[TimeMention]:
    """Every time expression in ``sentence``, resolved against ``published`` (``low``:
    ``sentence.lower()``, when the caller has it)."""
    pub = published.date() if isinstance(published, datetime) else published
    found: list[TimeMention] = []
    taken: list[tuple[int, int]] = []
    if low is None:
        low = sentence.lower()
    digit = bool(_DIGIT.search(sentence))
    has = {
        "digit": digit,
        "month": bool(_MONTH_NAME.search(sentence)),
        "weekday": "day" in low and bool(_WEEKDAY_NAME.search(sentence)),
        "relative": contains_any(low, _RELATIVE_WORDS) and bool(_RELATIVE_HINT.search(low)),
        "year": digit and bool(_YEAR4.search(sentence)),
        "of_year": digit and bool(_OF_YEAR.search(sentence)),
        "span": contains_any(low, _SPAN_WORDS) and bool(_SPAN_HINT.search(low)),
        "numdate": digit
        and ("/" in sentence or "." in sentence)
        and bool(_NUMDATE_HINT.search(sentence))
        and bool(_NUMDATE.search(sentence)),
    }
    present = {hint for hint, found_it in has.items() if found_it}
    if not present:
        return found
    for kind, rx in _PATTERNS:
        if not _NEEDS[kind] <= present:
            continue
        for m in rx.finditer(sentence):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            if kind == "daydate" and m.start() < 60 and _is_dateline(sentence, m):
                continue  # "CITY, Feb 14 (Agency) -": the report's date, not the figure's
            try:
                first, last = _resolve(kind, m, pub)
            except (OverflowError, ValueError):  # beyond the calendar (a year-1 date): unresolved
                first, last = None, None
            start = m.start()
            since = _SINCE_BEFORE.search(sentence, max(0, start - 8), start)
            if since and kind in _SINCE_KINDS and first is not None and pub is not None:
                # "since Dec. 1", "since the start of December", "since Saturday", "since
                # the 2019 raid": from then up to the publication date
                start, last = since.start(), max(pub, first)
            elif (
                kind in ("month", "part")
                and first is not None
                and pub is not None
                and "ince " in sentence
                and _in_month(kind, m, sentence)
                and _SINCE_CLAUSE.search(sentence, max(0, start - 80), start)
            ):
                # "since the siege began in May", "since the first cases were seen in late
                # May": from then to publication
                last = max(pub, first)
            if since and kind == "year_of" and start < m.start():
                # "seized 200 since the 2019 raid on the depot": the range is the
                # time of the figures before it, the event's year that of the event's own
                # figures after it (the event's noun is part of its span, so it is nearer)
                noun = _NEXT_WORD.match(sentence, m.end())
                end = noun.end() if noun else m.end()
                y = date(first.year, 1, 1) if first else None
                event = TimeMention(
                    m.start(), end, sentence[m.start() : end], kind, y, y and date(y.year, 12, 31)
                )
                found.append(event)
            found.append(TimeMention(start, m.end(), sentence[start : m.end()], kind, first, last))
            taken.append((start, m.end()))
    return sorted(found, key=lambda t: t.start)
