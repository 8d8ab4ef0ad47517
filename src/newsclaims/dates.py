"""Reading dates from metadata and text into timezone-aware or naive ``datetime``."""

from __future__ import annotations

from datetime import date, datetime
from functools import lru_cache

from . import _re as re
from .errors import DateError as DateError

_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$")


@lru_cache(maxsize=4096)
def _parse_cached(text: str, day_first: bool | None = None) -> datetime | None:
    s = text.strip()
    if not s:
        return None
    if _ISO.match(s):
        try:
            return datetime.fromisoformat(s.replace("Z", "+00:00"))
        except ValueError:
            pass
    import dateparser  # slow to import and to call: only for non-ISO strings

    settings: dict[str, object] = {
        "RETURN_AS_TIMEZONE_AWARE": False,
        "PREFER_DAY_OF_MONTH": "first",
    }
    if day_first is not None:
        settings["DATE_ORDER"] = "DMY" if day_first else "MDY"
    found: datetime | None = dateparser.parse(s, languages=["en"], settings=settings)
    return found


def parse_date(text: str | None, *, day_first: bool | None = None) -> datetime | None:
    """Parse an ISO 8601 or human date (``"Apr 18, 2022 - 16:41"``); ``None`` if unreadable.

    :param day_first: how to read an all-numeric date such as ``11/06/2025``: ``True``
        day first (11 June), ``False`` month first (6 November), ``None`` month first
        too (see :func:`prefers_day_first` for the evidence and the default).

    >>> parse_date("11/06/2025", day_first=True).date().isoformat()
    '2025-06-11'
    >>> parse_date("11/06/2025", day_first=False).date().isoformat()
    '2025-11-06'
    """
    if not text:
        return None
    return _parse_cached(str(text), day_first)


#: regions (ISO 3166 codes, as in ``en-US``) whose numeric dates put the month first
MONTH_FIRST_REGIONS = frozenset({"us", "ph", "fm", "mh", "pw", "um", "as", "gu", "mp", "pr", "vi"})
#: regions that write both orders: no evidence either way
MIXED_REGIONS = frozenset({"ca"})
#: languages whose numeric dates put the year first (``2025/06/11``): a two-part
#: ``11/06`` is no evidence there
YEAR_FIRST_LANGUAGES = frozenset({"zh", "ja", "ko", "hu", "lt", "mn"})
#: generic top-level domains: they say nothing of a country
_GENERIC_TLDS = frozenset({"com", "org", "net", "info", "biz", "news", "io", "co", "tv", "me"})
_TAG = re.compile(r"^([a-z]{2,3})(?:[-_]([a-z]{4}))?(?:[-_]([a-z]{2}|\d{3}))?\b", re.IGNORECASE)


def _region_day_first(region: str) -> bool | None:
    region = region.lower()
    if region in MIXED_REGIONS:
        return None
    return region not in MONTH_FIRST_REGIONS


def prefers_day_first(language: str | None = None, url: str | None = None) -> bool | None:
    """Whether the page writes numeric dates day first (``11/06/2025`` = 11 June).

    A general rule from the page's own declarations, strongest first:

    1. the region of its language tag (``en-GB``, ``fr-CA``): month first only in the
       few countries that write so (the United States and the Philippines among them),
       no evidence for Canada, which writes both;
    2. the country-code domain of its address (``.uk``, ``.ie``, ``.au``, ``.in``, ``.de``):
       the same rule (``.us`` is month first; ``.com`` and other generic domains say nothing);
    3. the language alone: a language other than English (``fr``, ``de``, ``es`` ...) is
       day first, except languages that write the year first;
    4. no evidence (English without region on a ``.com``): ``None``. Readers then take the
       month first, the order of US English, which most English ``.com`` news sites use and
       which date parsers assume for English.

    >>> prefers_day_first("en-GB"), prefers_day_first("en-US"), prefers_day_first("fr")
    (True, False, True)
    >>> prefers_day_first(None, "https://www.example.co.uk/a"), prefers_day_first("en")
    (True, None)
    """
    tag = _TAG.match(language.strip()) if language else None
    if tag and tag.group(3) and not tag.group(3).isdigit():
        return _region_day_first(tag.group(3))
    if url:
        from .knowledge import domain_of

        host = domain_of(url) or ""
        tld = host.rsplit(".", 1)[-1].lower() if "." in host else ""
        if len(tld) == 2 and tld not in _GENERIC_TLDS:
            return _region_day_first("gb" if tld == "uk" else tld)
    if tag:
        lang = tag.group(1).lower()
        if lang == "en":
            return None
        return None if lang in YEAR_FIRST_LANGUAGES else True
    return None


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
