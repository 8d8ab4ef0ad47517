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


def iso(value: datetime | date | None) -> str | None:
    """ISO 8601 text of ``value``: a date alone when the time is midnight without zone."""
    if value is None:
        return None
    if isinstance(value, datetime):
        if value.tzinfo is None and (value.hour, value.minute, value.second) == (0, 0, 0):
            return value.date().isoformat()
        return value.isoformat()
    return value.isoformat()
