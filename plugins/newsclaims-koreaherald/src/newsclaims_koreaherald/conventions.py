"""How Korea Herald articles write bylines, reporter e-mails, wire credits and copyright.

* bylines: "By Name", "By Name and Name", "By Name (name@heraldcorp.com)";
* a trailing reporter line: "Name (name@heraldcorp.com)" or the bare address;
* wire stories: a "(Yonhap)" dateline or credit, or "By Yonhap" as the byline;
* copyright lines with "ⓒ" or "Herald Corporation".

:func:`clean_body` applies all of it (and the merged boilerplate patterns) to a list of
paragraphs and says what it removed and why.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import attrs

from newsclaims import _re as re
from newsclaims.knowledge import Knowledge
from newsclaims.models import Removed

__all__ = [
    "BodyParts",
    "Byline",
    "clean_body",
    "is_copyright",
    "parse_byline",
    "reporter_line",
]

_EMAIL = r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
_EMAIL_RX = re.compile(_EMAIL)
#: outlets that appear in a byline slot instead of a person
_WIRE_NAMES = {
    "yonhap": "Yonhap",
    "yonhap news": "Yonhap",
    "yonhap news agency": "Yonhap",
    "ap": "Associated Press",
    "associated press": "Associated Press",
    "the associated press": "Associated Press",
    "afp": "Agence France-Presse",
    "agence france-presse": "Agence France-Presse",
    "reuters": "Reuters",
    "korea herald": "The Korea Herald",
    "the korea herald": "The Korea Herald",
    "herald staff": "The Korea Herald",
    "korea herald staff": "The Korea Herald",
    "newsis": "Newsis",
    "news1": "News1",
}
_ROLE_SUFFIX = re.compile(
    r",?\s*\b(?:the\s+)?(?:korea\s+herald\s+)?(?:staff\s+)?"
    r"(?:correspondent|reporter|writer|intern|contributor|columnist|editor)s?\b.*$",
    re.IGNORECASE,
)
_NAME = re.compile(r"^[A-Z][A-Za-z'’.-]*(?:\s+[A-Za-z][A-Za-z'’.-]*){0,4}$")
_SPLIT = re.compile(r"\s*(?:,|;|&|\band\b)\s*")
_BY = re.compile(r"^\s*(?:written\s+)?by\s*:?\s+", re.IGNORECASE)
_COPYRIGHT = re.compile(
    r"^\[?\s*(?:ⓒ|©|\(c\)|copyright\b).{0,160}$|.{0,120}\ball rights reserved\b.{0,120}"
    r"|.{0,80}\bherald corporation\b.{0,80}|.{0,80}\b(?:unauthorized|unauthorised) "
    r"(?:reproduction|redistribution)\b.{0,120}",
    re.IGNORECASE,
)
_YONHAP_LINE = re.compile(r"^\(?\s*yonhap(?:\s+news(?:\s+agency)?)?\s*\)?\.?$", re.IGNORECASE)
_YONHAP_SUFFIX = re.compile(r"\s*\(\s*yonhap\s*\)\s*$", re.IGNORECASE)
_YONHAP_DATELINE = re.compile(
    r"^[A-Z][A-Za-z0-9 ,.'-]{1,60}\(\s*yonhap\s*\)\s*(?:--|[-–—:])", re.IGNORECASE
)


@attrs.frozen
class Byline:
    """What a byline says: the people who wrote the story and, for wire copy, the wire."""

    authors: tuple[str, ...] = ()
    wire: str | None = None


def parse_byline(text: str | None) -> Byline:
    """Read "By Name (e-mail), Name and Name" into authors; "By Yonhap" into a wire credit.

    >>> parse_byline("By Jane Roe (jroe@heraldcorp.com)")
    Byline(authors=('Jane Roe',), wire=None)
    >>> parse_byline("By Yonhap").wire
    'Yonhap'
    """
    if not text:
        return Byline()
    s = " ".join(text.split())
    s = _BY.sub("", s)
    s = re.sub(r"\(\s*" + _EMAIL + r"\s*\)", " ", s)
    s = _EMAIL_RX.sub(" ", s)
    s = s.replace("()", " ")
    authors: list[str] = []
    wire: str | None = None
    for part in _SPLIT.split(s):
        part = _ROLE_SUFFIX.sub("", part).strip(" .,:;-–—()[]")
        part = " ".join(part.split())
        if not part:
            continue
        lowered = part.lower()
        if lowered in _WIRE_NAMES:
            wire = wire or _WIRE_NAMES[lowered]
            continue
        if _NAME.match(part) and part not in authors:
            authors.append(part)
    return Byline(tuple(authors), wire)


def reporter_line(line: str) -> Byline | None:
    """Read a byline or reporter e-mail line; ``None`` when ``line`` is article text.

    Accepted: "By Name", "By Name (address)", "Name (address)", "address", and lists of
    them. A sentence that merely contains an address is not a reporter line.
    """
    s = " ".join(line.split())
    if not s or len(s) > 200:
        return None
    has_by = bool(_BY.match(s))
    has_email = bool(_EMAIL_RX.search(s))
    if not (has_by or has_email):
        return None
    rest = _BY.sub("", s)
    rest = _EMAIL_RX.sub(" ", rest)
    words = re.findall(r"[A-Za-z'’-]+", rest)
    if len(words) > 12 or (has_by and not has_email and len(words) > 8):
        return None
    if re.search(r"[.!?]\s+[A-Z]", rest) or re.search(r"\b(said|says|told|is|was)\b", rest):
        return None
    byline = parse_byline(s)
    if not byline.authors and byline.wire is None and not has_email:
        return None
    return byline


def is_copyright(line: str) -> bool:
    """Whether ``line`` is a copyright or reproduction notice."""
    return len(line) < 300 and bool(_COPYRIGHT.fullmatch(line.strip()))


@attrs.frozen
class BodyParts:
    """The cleaned paragraphs of a body and what cleaning found."""

    paragraphs: tuple[str, ...]
    removed: tuple[Removed, ...] = ()
    authors: tuple[str, ...] = ()
    wire: str | None = None


def _boilerplate_reason(line: str, knowledge: Knowledge | None) -> str | None:
    if knowledge is None:
        return None
    for pattern in knowledge.boilerplate:
        try:
            if pattern.regex.fullmatch(line):
                return pattern.reason
        except re.error:  # a plugin's bad pattern must not break this one
            continue
    return None


def clean_body(
    paragraphs: Iterable[str],
    knowledge: Knowledge | None = None,
    *,
    edge: int = 3,
    extra_remove: Sequence[tuple[re.Pattern[str], str]] = (),
) -> BodyParts:
    """Remove bylines, reporter e-mails, wire credits, copyright and boilerplate lines.

    Byline and e-mail lines count only within ``edge`` paragraphs of the start or end of
    the body; copyright, boilerplate and ``extra_remove`` patterns anywhere. A story whose
    first paragraph carries a "(Yonhap)" dateline, or whose end credits Yonhap, is
    reported as wire copy (``wire="Yonhap"``); the trailing "(Yonhap)" credit is cut.
    """
    paras = [" ".join(p.split()) for p in paragraphs]
    paras = [p for p in paras if p]
    kept: list[str] = []
    removed: list[Removed] = []
    authors: list[str] = []
    wire: str | None = None
    n = len(paras)
    for i, p in enumerate(paras):
        near_edge = i < edge or i >= n - edge
        reason: str | None = None
        for rx, why in extra_remove:
            if rx.fullmatch(p):
                reason = why
                break
        if reason is None and _YONHAP_LINE.fullmatch(p):
            reason, wire = "credit-line", "Yonhap"
        if reason is None and near_edge:
            byline = reporter_line(p)
            if byline is not None:
                reason = "byline"
                authors.extend(a for a in byline.authors if a not in authors)
                wire = wire or byline.wire
        if reason is None and is_copyright(p):
            reason = "copyright"
        if reason is None:
            reason = _boilerplate_reason(p, knowledge)
        if reason is not None:
            removed.append(Removed(p, reason))
            continue
        kept.append(p)
    if kept and _YONHAP_SUFFIX.search(kept[-1]):
        last = kept[-1]
        cut = _YONHAP_SUFFIX.search(last)
        assert cut is not None
        removed.append(Removed(last[cut.start() :].strip(), "credit-line"))
        kept[-1] = last[: cut.start()].rstrip()
        wire = wire or "Yonhap"
        if not kept[-1]:
            kept.pop()
    if kept and _YONHAP_DATELINE.match(kept[0]):
        wire = wire or "Yonhap"
    return BodyParts(tuple(kept), tuple(removed), tuple(authors), wire)
