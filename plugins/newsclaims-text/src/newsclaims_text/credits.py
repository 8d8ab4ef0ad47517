"""Credit lines: where a reposted article first appeared.

``Original Source: www.example.com``, ``Source: Reuters``, ``(Yonhap)``, ``With inputs from
agencies``, ``This article originally appeared on ...``, ``Republished with permission`` are
metadata, not body text. The
credited outlet is named through the merged knowledge (``outlet_for`` a domain,
``outlet_named`` a name) and a small table of wire-service abbreviations.

>>> from newsclaims.knowledge import Knowledge, Outlet
>>> k = Knowledge(outlets=(Outlet("Associated Press", ("apnews.com",)),))
>>> read_credit("(AP)", k)
Credit(outlet='Associated Press', url=None)
>>> read_credit("Original Source: www.example.org/news/1", k)
Credit(outlet=None, url='www.example.org/news/1')
>>> read_credit("Source: the ministry said 40 people were killed in the attack.", k) is None
True
>>> read_credit("This story first appeared on www.example.org. Republished with permission.", k)
Credit(outlet=None, url='www.example.org')
"""

from __future__ import annotations

import attrs

from newsclaims import _re as re
from newsclaims.knowledge import Knowledge

#: Wire-service tags as they appear in credits and datelines, with the outlet's full name.
WIRE_ABBREVIATIONS: dict[str, str] = {
    "ap": "Associated Press",
    "afp": "Agence France-Presse",
    "upi": "United Press International",
    "dpa": "Deutsche Presse-Agentur",
    "ansa": "ANSA",
    "efe": "EFE",
    "pti": "Press Trust of India",
    "ians": "Indo-Asian News Service",
    "ani": "Asian News International",
    "tass": "TASS",
    "kyodo": "Kyodo News",
    "xinhua": "Xinhua",
    "yonhap": "Yonhap",
    "reuters": "Reuters",
    "bernama": "Bernama",
    "anadolu": "Anadolu Agency",
    "aa": "Anadolu Agency",
    "cna": "Central News Agency",
    "kcna": "Korean Central News Agency",
    "irna": "Islamic Republic News Agency",
    "wam": "Emirates News Agency",
    "spa": "Saudi Press Agency",
}
_GENERIC = re.compile(
    r"^(?:the\s+)?(?:news\s+|wire\s+)?(?:agencies|agency|wires?|staff|desk)$", re.I
)
_URL = re.compile(
    r"(?P<url>https?://[^\s<>\"')\]]+|(?:www\.)?[a-z0-9](?:[a-z0-9-]*[a-z0-9])?"
    r"(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.[a-z]{2,24}(?:/[^\s<>\"')\]]*)?)",
    re.IGNORECASE,
)
# explicit "this first appeared in X" credits: an unknown X is still an outlet name
_ORIGINAL = re.compile(
    r"^(?:original(?:ly)?\s+(?:source|article|story|post|link|url)"
    r"|(?:a\s+(?:version|shorter\s+version|longer\s+version)\s+of\s+)?(?:this|the)\s+"
    r"(?:article|story|post|piece|report|content|interview|essay)\s+"
    r"(?:was\s+|is\s+|has\s+been\s+)?(?:(?:originally|first)\s+"
    r"(?:appeared|published|posted|ran|written)(?:\s+(?:on|in|at|by|for))?"
    r"|(?:re)?(?:published|posted|printed)\s+(?:here\s+)?(?:with\s+permission\s+)?"
    r"(?:from|courtesy\s+of)|syndicated\s+from|appeared\s+(?:originally|first)\s+(?:on|in|at))"
    r"|(?:originally|first)\s+(?:appeared|published|posted|ran)(?:\s+(?:on|in|at|by|for))?"
    r"|(?:read|see)\s+the\s+original(?:\s+(?:article|story|post))?(?:\s+(?:on|at|in))?"
    r"|(?:re)?published\s+with\s+permission\s+(?:from|of|by)"
    r"|reprinted(?:\s+with\s+permission)?\s+from|republished\s+from|syndicated\s+from"
    r"|courtesy(?:\s+of)?|via)"
    r"\s*[:\-–—]?\s*(?P<ref>.+?)\.?$",
    re.IGNORECASE,
)
# the terms of a repost, alone or after the credited outlet: "Republished with permission."
_TERMS = (
    r"(?:(?:re)?(?:published|printed|posted)|reproduced|used|shared)\s+(?:here\s+)?"
    r"(?:with\s+(?:the\s+)?(?:kind\s+|express\s+)?permission|by\s+permission"
    r"|under\s+(?:a\s+|the\s+)?(?:creative\s+commons|cc[\w .-]{0,20})\s+licen[cs]e)"
)
_PERMISSION = re.compile(
    rf"^{_TERMS}(?:\s+(?:of|from)\s+(?:the\s+)?(?:author|authors|publisher|editors?))?\.?$",
    re.IGNORECASE,
)
_TRAILING_TERMS = re.compile(
    rf"(?:[,;]?\s+(?:and\s+)?(?:is\s+|was\s+|has\s+been\s+)?{_TERMS}"
    r"|\s+under\s+(?:a\s+|the\s+)?creative\s+commons|\s+with\s+(?:kind\s+)?permission)\b.*$",
    re.IGNORECASE,
)
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+(?=[A-Z(\[])")
# "Source: X" credits: X may be an outlet or any other source of the text
_SOURCE = re.compile(
    r"^(?:sources?|credits?|news\s+source|article\s+source)\s*[:\-–—]\s*(?P<ref>.+?)\.?$",
    re.IGNORECASE,
)
_INPUTS = re.compile(
    r"^\(?(?:with\s+(?:additional\s+)?(?:inputs?|reporting|contributions?)\s+(?:from|by)"
    r"|(?:additional\s+)?reporting\s+by|writing\s+by|editing\s+by|compiled\s+by"
    r"|edited\s+by|produced\s+by)\s+(?P<ref>.+?)\)?\.?$",
    re.IGNORECASE,
)
_TAG = re.compile(r"^[(\[]\s*(?P<ref>[^()\[\]]{1,60}?)\s*[)\]]\.?$|^[-–—]+\s*(?P<dash>.{1,60}?)$")
_DATELINE_TAG = re.compile(r"\((?P<tag>[A-Z][A-Za-z&.\- ]{1,30})\)\s*(?:--|—|–|-)\s")


# lower-case words a credit may hold besides names ("With inputs from agencies")
_CREDIT_WORDS = frozenset(
    [
        "and",
        "from",
        "by",
        "with",
        "of",
        "the",
        "in",
        "on",
        "at",
        "for",
        "via",
        "news",
        "agency",
        "agencies",
        "wire",
        "wires",
        "service",
        "staff",
        "reports",
        "report",
        "reporting",
        "writing",
        "editing",
        "additional",
        "inputs",
        "input",
        "contributed",
        "desk",
        "partners",
        "partner",
        "files",
        "wikipedia",
    ]
)


@attrs.frozen
class Credit:
    """What a credit line says about the original publication."""

    outlet: str | None = None
    url: str | None = None


def _words(text: str) -> int:
    return len(text.split())


def outlet_name(name: str, knowledge: Knowledge) -> str | None:
    """The outlet a credited name or wire tag refers to, if it is known."""
    name = " ".join(name.split()).strip(" .,:;")
    if not name:
        return None
    found = knowledge.outlet_named(name)
    if found:
        return found.name
    full = WIRE_ABBREVIATIONS.get(name.lower())
    if full:
        found = knowledge.outlet_named(full)
        return found.name if found else full
    return None


def _from_ref(ref: str, knowledge: Knowledge, *, explicit: bool, urls: tuple[str, ...]) -> Credit:
    ref = ref.strip(" .:;,")
    match = _URL.search(ref)
    url = match.group("url").rstrip(".,;") if match else (urls[0] if urls else None)
    known = knowledge.outlet_for(url) if url else None
    if known is not None:
        return Credit(known.name, url)
    if match is not None and match.group(0) == ref:
        return Credit(None, url)
    for part in re.split(r"\s*(?:,|;|/|\band\b|\|)\s*", ref):
        named = outlet_name(part, knowledge)
        if named:
            return Credit(named, url)
    ref = re.sub(r"^the\s+(?=[A-Z])", "The ", ref)  # "first appeared in the Harbor Times"
    if explicit and match is None and not _GENERIC.match(ref) and ref[:1].isupper():
        return Credit(ref if _words(ref) <= 6 else None, url)
    return Credit(None, url)


def _credit_words_only(ref: str) -> bool:
    """True when ``ref`` holds names, outlets and links only, not a clause."""
    if len(ref) > 160 or _words(ref) > 20 or re.search(r"[.!?]\s+[a-z]", ref):
        return False
    for token in re.findall(r"[^\s,;()|&]+", ref):
        word = token.strip(".:'\"’")
        if not word or word[0].isupper() or word[0].isdigit() or "." in word or "/" in word:
            continue
        if word.lower() not in _CREDIT_WORDS:
            return False
    return True


def read_credit(line: str, knowledge: Knowledge, urls: tuple[str, ...] = ()) -> Credit | None:
    """Read a whole credit line; ``None`` when ``line`` is not one.

    A line of several sentences is a credit line when every sentence is one ("This article
    first appeared on X. Republished with permission."); the first outlet and link win.

    :param line: one line of text, markdown already stripped.
    :param knowledge: the merged knowledge, to name outlets.
    :param urls: link targets that were on the line (a markdown ``[CNN](https://...)``).
    """
    line = line.strip()
    if not line or len(line) > 200:
        return None
    sentences = _SENTENCE_BREAK.split(line)
    credits = [_read_one(s, knowledge, urls) for s in sentences] if len(sentences) > 1 else []
    if credits and all(c is not None for c in credits):
        return Credit(
            next((c.outlet for c in credits if c and c.outlet), None),
            next((c.url for c in credits if c and c.url), None),
        )
    return _read_one(line, knowledge, urls)  # one sentence, or initials ("J. Doe")


def _read_one(line: str, knowledge: Knowledge, urls: tuple[str, ...]) -> Credit | None:
    if _PERMISSION.match(line):
        return Credit()
    for rx, explicit in ((_ORIGINAL, True), (_SOURCE, False)):
        match = rx.match(line)
        if match:
            ref = match.group("ref")
            if rx is _ORIGINAL:
                ref = _TRAILING_TERMS.sub("", ref)
            if not _credit_words_only(ref):
                return None  # a clause follows the label: keep it as text
            if rx is _ORIGINAL and match.group(0).lower().startswith(("via", "courtesy")):
                # "via X" alone on a line only when X is a known outlet, a domain or a link
                credit = _from_ref(ref, knowledge, explicit=False, urls=urls)
                return credit if credit.outlet or credit.url else None
            return _from_ref(ref, knowledge, explicit=explicit, urls=urls)
    match = _INPUTS.match(line)
    if match and _credit_words_only(match.group("ref")):
        return _from_ref(match.group("ref"), knowledge, explicit=False, urls=urls)
    match = _TAG.match(line)
    if match:
        ref = match.group("ref") or match.group("dash") or ""
        inner = _read_one(ref, knowledge, urls) if match.group("ref") else None
        if inner is not None:
            return inner
        named = outlet_name(ref, knowledge)
        if named:
            return Credit(named, None)
    return None


def dateline_outlet(paragraph: str, knowledge: Knowledge) -> str | None:
    """The wire outlet of a dateline such as ``SEOUL, March 27 (Yonhap) --`` at the start."""
    match = _DATELINE_TAG.search(paragraph[:300])
    return outlet_name(match.group("tag"), knowledge) if match else None
