"""Bylines: ``By Name``, ``By Name and Name, Outlet``, and names glued to a counter.

A byline is accepted only when what follows ``By`` reads as personal names (capitalised
words, initials, name particles), so that a sentence such as "By Tuesday, 300 had fled."
stays in the body.

>>> parse_byline("By Jane Doe and John Roe, Reuters").authors
('Jane Doe', 'John Roe')
>>> parse_byline("By Tuesday, 300 people had fled.") is None
True
>>> name_with_counter("Jane Doe 3 Comments")
'Jane Doe'
"""

from __future__ import annotations

import attrs

from newsclaims import _re as re

from .datelines import looks_like_date

_BY = re.compile(
    r"^(?:(?P<post>posted|submitted|uploaded|published|added|shared)\s+"
    r"|(?:written|words|story|reporting|report|text)\s+)?by\s*:?\s+(?P<rest>.+)$",
    re.IGNORECASE,
)
#: a site account rather than a person: ``admin``, ``@newsdesk``, ``web_editor2``
_HANDLE = re.compile(r"@?[^\W\d][\w.-]{0,29}")
#: a date after the name: ``Posted by admin on June 3, 2024``
_ON_DATE = re.compile(r"^(?P<who>.+?),?\s+on\s+(?P<when>.+)$", re.IGNORECASE)
_SPLIT_NAMES = re.compile(r"\s*(?:,\s*(?:and|&)\s+|,\s*|\s+and\s+|\s*&\s*|\s*;\s*)\s*")
_TRAILER = re.compile(r"\s*(?:\||·|•|–|—|\s-\s)\s*")
_COUNTER = re.compile(
    r"^(?P<name>.+?)\s*(?:\d[\d,.]*\s*[kKmM]?\s*)?(?P<what>views?|comments?|reads?|shares?|likes?)$",
    re.IGNORECASE,
)
_PARTICLES = frozenset(
    [
        "de",
        "da",
        "del",
        "della",
        "der",
        "di",
        "do",
        "dos",
        "du",
        "el",
        "la",
        "le",
        "van",
        "von",
        "ter",
        "ten",
        "bin",
        "binti",
        "al",
        "ibn",
        "y",
        "e",
    ]
)
_NOT_NAMES = frozenset(
    [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "today",
        "yesterday",
        "tomorrow",
        "then",
        "now",
        "the",
        "a",
        "an",
        "this",
        "that",
        "these",
        "those",
        "its",
        "his",
        "her",
        "their",
        "our",
        "my",
        "your",
        "early",
        "late",
        "midnight",
        "noon",
        "morning",
        "evening",
        "night",
        "week",
        "month",
        "year",
        "comparison",
        "contrast",
        "far",
        "law",
        "order",
        "default",
        "design",
    ]
)
#: words that describe an author's job, not a name ("Jane Doe, Staff Writer")
ROLE_WORDS = frozenset(
    [
        "staff",
        "writer",
        "writers",
        "reporter",
        "reporters",
        "correspondent",
        "correspondents",
        "editor",
        "editors",
        "contributor",
        "contributors",
        "columnist",
        "analyst",
        "bureau",
        "chief",
        "senior",
        "special",
        "desk",
        "team",
        "news",
        "agency",
        "agencies",
        "service",
        "wire",
        "wires",
        "journalist",
        "journalists",
        "producer",
        "author",
        "admin",
        "administrator",
        "webmaster",
        "web",
        "online",
        "digital",
        "newsroom",
        "editorial",
    ]
)
_TOKEN = re.compile(r"^(?:[^\W\d_][\w'’.-]*|[^\W\d_]\.)$")


@attrs.frozen
class Byline:
    """Names read from a byline, and the outlet or role text that followed them."""

    authors: tuple[str, ...]
    affiliation: str | None = None


def _token_ok(token: str) -> bool:
    if token.lower() in _PARTICLES or re.fullmatch(r"[^\W\d_]\.?", token):
        return token.lower() in _PARTICLES or token[0].isupper()  # particle or initial
    if not _TOKEN.match(token) or not token[0].isupper():
        return False
    return token.lower().strip(".") not in _NOT_NAMES


def is_name(text: str, *, min_tokens: int = 2, max_tokens: int = 5) -> bool:
    """True when ``text`` reads as one person's name (``"Jane A. Doe"``, ``"Ana de la Cruz"``)."""
    tokens = text.split()
    if not min_tokens <= len(tokens) <= max_tokens:
        return False
    if tokens[0].lower() in _PARTICLES or tokens[-1].lower() in _PARTICLES:
        return False
    return all(_token_ok(t) for t in tokens)


def tidy_name(name: str) -> str:
    """A name as written, with an ALL-CAPS name turned into title case."""
    name = " ".join(name.split()).strip(" ,;.")
    if name.isupper() and len(name) > 3:
        return " ".join(p if len(p) <= 2 and p.endswith(".") else p.title() for p in name.split())
    return name


def is_role(text: str) -> bool:
    """True when ``text`` names a job or desk ("Senior Correspondent", "Staff")."""
    words = re.findall(r"[a-z]+", text.lower())
    return bool(words) and all(w in ROLE_WORDS or w in {"of", "the", "for", "and"} for w in words)


def split_names(text: str) -> tuple[str, ...] | None:
    """Split ``"A B, C D and E F"`` into names, or ``None`` if a part is not a name."""
    parts = [p for p in _SPLIT_NAMES.split(text.strip(" .")) if p]
    if not parts or not all(is_name(p) and not is_role(p) for p in parts):
        return None
    return tuple(tidy_name(p) for p in parts)


def parse_byline(line: str) -> Byline | None:
    """Read a whole ``By ...`` line; ``None`` when it is not a byline.

    ``Posted by admin`` (a site account or a desk, after a posting verb) is a byline with
    no authors; the account is kept as the affiliation.
    """
    if len(line) > 200:
        return None
    match = _BY.match(line.strip())
    if not match:
        return None
    rest = match.group("rest").strip()
    affiliation = None
    pieces = _TRAILER.split(rest, maxsplit=1)
    if len(pieces) == 2:
        rest, affiliation = pieces[0], pieces[1].strip() or None
    dated = _ON_DATE.match(rest)
    if dated and affiliation is None and looks_like_date(dated.group("when")):
        rest, affiliation = dated.group("who"), dated.group("when").strip()
    names = split_names(rest)
    if names is not None:
        if len(names) > 1 and affiliation is None and _ends_with_role(names[-1]):
            return Byline(names[:-1], names[-1])  # "By Tom Ashworth, Crime Correspondent"
        caps = _CAPS_THEN_OUTLET.fullmatch(names[0]) if len(names) == 1 else None
        if caps and affiliation is None:  # "By DANA WHITFIELD Associated Press"
            return Byline((tidy_name(caps.group(1)),), caps.group(2))
        return Byline(names, affiliation)
    if match.group("post") and (_HANDLE.fullmatch(rest) or is_role(rest)):
        return Byline((), affiliation or rest)
    # "By Jane Doe, Reuters" / "By Jane Doe, Staff Writer": the last comma part is no name
    head, sep, tail = rest.rpartition(",")
    if sep and tail.strip() and affiliation is None:
        names = split_names(head)
        if names is not None and (is_role(tail) or _looks_like_outlet(tail)):
            return Byline(names, tail.strip(" ."))
    return None


# a name in capitals followed by an outlet in title case
_CAPS_THEN_OUTLET = re.compile(
    r"((?:[A-Z][A-Z'.-]+\s+){1,3}[A-Z][A-Z'.-]+)\s+((?:[A-Z][a-z]+\s*){1,4})"
)


def _ends_with_role(text: str) -> bool:
    """A job title: a few words that end with a role ("Crime Correspondent", "Senior Writer")."""
    words = text.split()
    return 1 <= len(words) <= 4 and words[-1].lower() in ROLE_WORDS


def _looks_like_outlet(text: str) -> bool:
    words = text.split()
    return 1 <= len(words) <= 5 and all(w[:1].isupper() or w.lower() == "of" for w in words)


def name_with_counter(line: str) -> str | None:
    """The name in a line like ``"Jane Doe Views"`` or ``"Jane Doe 3 Comments"``."""
    if len(line) > 80:
        return None
    match = _COUNTER.match(line.strip())
    if not match:
        return None
    name = match.group("name").strip(" |·•-")
    return tidy_name(name) if is_name(name, max_tokens=4) else None
