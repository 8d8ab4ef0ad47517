"""Date lines of scraped articles: ``Published : ...``, ``Updated: ...``, ``Posted on ...``.

>>> d = read_date_line("Published : Dec 19, 2024 - 16:41")
>>> d.kind, d.value.isoformat()
('published', '2024-12-19T16:41:00')
>>> read_date_line("Updated 5 minutes ago").value is None
True
>>> read_date_line("Published reports say 40 died.") is None
True
"""

from __future__ import annotations

from datetime import datetime

import attrs

from newsclaims import _re as re
from newsclaims.dates import parse_date

_PREFIX = re.compile(
    r"^(?P<label>(?:first\s+|originally\s+)?(?:published|posted|released|publication date"
    r"|date(?:d)?|(?:last\s+)?(?:updated|modified|edited)|update)(?:\s+(?:on|at))?)"
    r"\s*(?:[:：|-]\s*|\s+)(?P<rest>.+)$",
    re.IGNORECASE,
)
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
_DATEISH = re.compile(
    rf"(?:{_MONTH}\s+\d{{1,2}}(?!\d)|\d{{1,2}}\s+{_MONTH}|\d{{4}}-\d{{1,2}}-\d{{1,2}}"
    r"|\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{4}[./]\d{1,2}[./]\d{1,2})",
    re.IGNORECASE,
)
_ISO = re.compile(
    r"^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?(?:Z|[+-]\d{2}:?\d{2})?$"
)
_BY = re.compile(r"\s+by\s+(?P<by>.{1,80})$", re.IGNORECASE)
_RELATIVE = re.compile(
    r"^(?:about\s+|over\s+)?(?:an?|\d+)\s+(?:second|minute|hour|day|week|month|year)s?\s+ago$"
    r"|^(?:just now|today|yesterday)$",
    re.IGNORECASE,
)
_TIME_WORDS = re.compile(
    rf"^(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s*|{_MONTH},?|\d{{1,4}}(?:st|nd|rd|th)?,?"
    r"|\d{1,2}[:.]\d{2}(?::\d{2})?(?:[ap]\.?m\.?)?|[ap]\.?m\.?|at|on|of|the|utc|gmt|kst|est|edt|cet"
    r"|cest|bst|[a-z]{2,4}t"
    r"|[+-]\d{2}:?\d{2}|[-/.,|–—]|\([^)]{1,12}\))$",
    re.IGNORECASE,
)


@attrs.frozen
class DateLine:
    """A line that states when the article appeared or changed.

    :param kind: ``published`` or ``updated``.
    :param value: the parsed date, ``None`` when it is relative or unreadable.
    :param by: what followed ``by`` on the line ("Posted on May 3, 2024 by Jane Doe").
    """

    kind: str
    value: datetime | None
    by: str | None = None


def looks_like_date(text: str) -> bool:
    """True when ``text`` is only a date and time ("Dec. 19, 2024 10:30 AM KST")."""
    text = text.strip()
    if _ISO.match(text):
        return True
    if not text or len(text) > 60 or not (_YEAR.search(text) and _DATEISH.search(text)):
        return False
    tokens = re.findall(r"\([^)]*\)|[^\s,]+|,", text)
    return all(_TIME_WORDS.match(t) or _DATEISH.fullmatch(t) for t in tokens)


def read_date(text: str, *, day_first: bool | None = None) -> datetime | None:
    """Parse a date-only string with an explicit year; ``None`` otherwise.

    :param day_first: the page's order of numeric dates (``11/06/2025``), see
        :func:`newsclaims.dates.prefers_day_first`.
    """
    if not looks_like_date(text):
        return None
    cleaned = re.sub(r"\s+[|–—]\s+|\s+-\s+", " ", text.strip())
    cleaned = re.sub(r"\s+at\s+", " ", cleaned, flags=re.IGNORECASE)
    try:
        found = parse_date(cleaned, day_first=day_first)
        if found is None:  # words after the year confuse the parser: cut them off
            year = _YEAR.search(cleaned)
            found = parse_date(cleaned[: year.end()], day_first=day_first) if year else None
        return found
    except Exception:  # dateparser may fail on odd input; the line then gives no date
        return None


def read_date_line(line: str, *, day_first: bool | None = None) -> DateLine | None:
    """Read a labelled date line; ``None`` when the line is not one."""
    line = line.strip()
    if len(line) > 100:
        return None
    match = _PREFIX.match(line)
    if not match:
        return None
    label = match.group("label").lower()
    rest = match.group("rest").strip(" :`*_")  # "Published: `2024-03-05`" (markdown code)
    by = _BY.search(rest)
    if by:
        rest = rest[: by.start()].strip(" ,")
    kind = "updated" if re.search(r"updat|modif|edit", label) else "published"
    if _RELATIVE.match(rest):
        return DateLine(kind, None, by.group("by") if by else None)
    if not looks_like_date(rest):
        return None
    return DateLine(
        kind, read_date(rest, day_first=day_first), by.group("by").strip() if by else None
    )
