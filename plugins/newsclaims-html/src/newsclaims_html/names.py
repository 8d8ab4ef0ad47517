"""Clean author names and titles as pages declare them.

Bylines come as ``"By Jane Doe and John Roe"``, ``"Jane Doe, Staff Writer"``,
``"jane@example.com"``, profile URLs or slugs; titles carry the site's name
(``"Headline | Site"``). These functions turn them into plain names and headlines.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterable

__all__ = ["clean_authors", "clean_title", "comparable", "same_outlet"]

_BY = re.compile(
    r"^\s*(?:(?:written|reported|words|story|text|photos?|compiled|edited)\s+)?by\s*:?\s+",
    re.IGNORECASE,
)
_SPLIT = re.compile(r"\s*(?:[,;/|&+]|\band\b|\bund\b|\bet\b|\by\b|\bwith\b)\s*", re.IGNORECASE)
_EMAIL = re.compile(r"\S+@\S+\.\S+")
_LINK = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_URL = re.compile(r"^(?:https?:)?//|^www\.|\.(?:com|org|net|co|news)(?:/|$)", re.IGNORECASE)
_HANDLE = re.compile(r"^@\w+$")
_PAREN = re.compile(r"\s*[(\[].*?[)\]]\s*")

#: Words that make a byline part a role or a place, not a person ("Staff Writer").
ROLE_WORDS = frozenset(
    """
    reporter reporters correspondent correspondents editor editors writer writers staff
    contributor contributors columnist columnists bureau chief producer producers
    photographer photographers senior special contributing associate assistant managing
    deputy executive political national international foreign news desk analyst
    updated published posted min read minutes
    """.split()
)

_NAME_CHARS = re.compile(r"^[^\W\d_][\w.'’\- ]*$", re.UNICODE)


def comparable(text: str) -> str:
    """Fold case, accents, quotes, "the" and punctuation, for comparing names and titles."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = re.sub(r"^the\s+", "", text.strip())
    return re.sub(r"[\W_]+", "", text)


def same_outlet(value: str, outlets: Iterable[str | None]) -> bool:
    """True when ``value`` names one of ``outlets`` (or a domain of one)."""
    key = comparable(value)
    if not key:
        return False
    for outlet in outlets:
        if not outlet:
            continue
        other = comparable(outlet)
        stem = comparable(outlet.split(".")[0]) if "." in outlet and " " not in outlet else ""
        if key in (other, stem) or (other and key == other.removesuffix("com")):
            return True
    return False


def _one_name(part: str) -> str | None:
    part = _PAREN.sub(" ", part)
    part = _EMAIL.sub(" ", part)
    part = _BY.sub("", part)
    part = " ".join(part.strip(" \t\n-–—:|•·*").split())
    if not part or _URL.search(part) or _HANDLE.match(part):
        return None
    words = part.split()
    if len(words) > 6 or not _NAME_CHARS.match(part):
        return None
    if all(w.strip(".").casefold() in ROLE_WORDS for w in words):
        return None
    return part


def clean_authors(values: Iterable[str]) -> tuple[str, ...]:
    """Plain author names from declared or visible bylines, deduplicated, in order.

    >>> clean_authors(["By Jane Doe and John Roe", "jane doe", "Staff Writer"])
    ('Jane Doe', 'John Roe')
    >>> clean_authors(["https://example.com/author/jane", "Jane-Doe"])
    ()
    """
    out: list[str] = []
    seen: set[str] = set()
    for raw in values:
        if not raw:
            continue
        text = html.unescape(str(raw)).replace("\xa0", " ")
        text = _BY.sub("", text.strip())
        if _URL.search(text.strip()) and " " not in text.strip():
            continue
        text = _LINK.sub(" ", _EMAIL.sub(" ", text))
        for part in _SPLIT.split(text):
            name = _one_name(part)
            if name is None:
                continue
            if " " not in name and re.search(r"\w[-._]\w", name):
                continue  # a slug or user name ("jane-doe", "jane.doe")
            key = comparable(name)
            if key and key not in seen:
                seen.add(key)
                out.append(name)
    return tuple(out)


_SEPARATORS = re.compile(r"\s+[|\-–—*•·:»~]{1,2}\s+|\s*\|\s*|:\s+")


def clean_title(title: str | None, site_names: Iterable[str | None] = ()) -> str | None:
    """A headline without the site's name before or after it (``"Headline | Site"``).

    A segment is cut only when it names the site; whatever follows the site's name
    (``"| by Jane Doe"``) goes with it.

    >>> clean_title("Storm hits coast | The Daily Planet | by Jane Doe", ["Daily Planet"])
    'Storm hits coast'
    >>> clean_title("Planet: Storm hits coast - part 2", ["Daily Planet"])
    'Planet: Storm hits coast - part 2'
    """
    if not title:
        return None
    title = " ".join(html.unescape(title).replace("\xa0", " ").split())
    names = [n for n in site_names if n]
    if not names:
        return title or None
    cuts = list(_SEPARATORS.finditer(title))
    # suffix: the first separator after which a segment names the site
    for i, sep in enumerate(cuts):
        end = cuts[i + 1].start() if i + 1 < len(cuts) else len(title)
        if same_outlet(title[sep.end() : end], names) and sep.start() > 0:
            return title[: sep.start()].strip() or title
    # prefix: "Site | Headline"
    if cuts and same_outlet(title[: cuts[0].start()], names):
        rest = title[cuts[0].end() :].strip()
        if rest:
            return rest
    return title or None
