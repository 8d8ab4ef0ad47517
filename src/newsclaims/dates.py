"""Reading dates from metadata and text into timezone-aware or naive ``datetime``."""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache

from .errors import DateError as DateError

_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$")


@lru_cache(maxsize=4096)
def _parse_cached(text: str) -> datetime | None:
    s = text.strip()
    if not s:
        return None
    if _ISO.match(s):
        try:
            return datetime.fromisoformat(s.replace("Z", "+00:00"))
        except ValueError:
            pass
    import dateparser  # slow to import and to call: only for non-ISO strings

    found: datetime | None = dateparser.parse(
        s,
        languages=["en"],
        settings={"RETURN_AS_TIMEZONE_AWARE": False, "PREFER_DAY_OF_MONTH": "first"},
    )
    return found


def parse_date(text: str | None) -> datetime | None:
    """Parse an ISO 8601 or human date (``"Apr 18, 2022 - 16:41"``); ``None`` if unreadable."""
    if not text:
        return None
    return _parse_cached(str(text))


def require_date(text: str) -> datetime:
    """Like :func:`parse_date` but raise :class:`DateError` for an unreadable date."""
    value = parse_date(text)
    if value is None:
        raise DateError(f"cannot read a date from {text!r}")
    return value


#: Publication dates outside these years are placeholders (``0001-01-01``) or typos.
MIN_YEAR = 1900
MAX_YEAR = 2200

#: What ``--published`` and the API's ``published`` accept, for messages and ``--help``.
ISO_FORMS = "ISO 8601: 2024-03-05, 2024-03-05T14:30, 2024-03-05T14:30:00+09:00 or ...Z"


def parse_iso(text: str) -> datetime:
    """Read an ISO 8601 date or date-time; raise :class:`DateError` for anything else.

    ``03/05/2024`` is ambiguous (March 5 or May 3) and ``notadate`` is no date: both raise,
    never a guess.

    >>> parse_iso("2024-03-05T14:30Z").isoformat()
    '2024-03-05T14:30:00+00:00'
    """
    s = str(text).strip()
    try:
        # Python 3.11 reads every ISO 8601 form (basic and extended, week dates, Z)
        return datetime.fromisoformat(s)
    except ValueError:
        raise DateError(f"{text!r} is not a date in {ISO_FORMS}") from None


def plausible(value: datetime | date | None) -> bool:
    """Whether ``value`` can be a publication date: a year from :data:`MIN_YEAR` to
    :data:`MAX_YEAR` (``0001-01-01`` is a CMS placeholder, ``9999-12-31`` a sentinel)."""
    return value is not None and MIN_YEAR <= value.year <= MAX_YEAR


def checked_published(
    value: datetime | None, where: str = "published date"
) -> tuple[datetime | None, tuple[str, ...]]:
    """``(value, ())`` for a plausible date, else ``(None, (warning,))`` naming it."""
    if value is None or plausible(value):
        return value, ()
    try:
        shown = value.isoformat()
    except (ValueError, OverflowError):  # pragma: no cover - isoformat of any datetime works
        shown = repr(value)
    return None, (f"{where} {shown} ignored: not a real publication date (year {value.year})",)


def iso(value: datetime | date | None) -> str | None:
    """ISO 8601 text of ``value``: a date alone when the time is midnight without zone."""
    if value is None:
        return None
    if isinstance(value, datetime):
        if value.tzinfo is None and (value.hour, value.minute, value.second) == (0, 0, 0):
            return value.date().isoformat()
        return value.isoformat()
    return value.isoformat()
