"""Credit lines that mark a text as a repost of a Korea Herald article.

Aggregators and partner papers end (or open) a reposted story with a line that names
the source: "Original Source: www.koreaherald.com", "Source: The Korea Herald",
"(The Korea Herald)", "SEOUL (The Korea Herald/ANN) -", "The Korea Herald/Asia News
Network". A story that merely *mentions* the paper ("told The Korea Herald") is not a
repost: only whole credit lines, a dateline or a closing parenthesised credit count.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from newsclaims import _re as re

__all__ = ["HERALD_DOMAIN", "Credit", "credit_pattern", "find_credit", "lines_of"]

#: The domain a credit without a URL is attributed to.
HERALD_DOMAIN = "www.koreaherald.com"

_NAME = r"(?:the\s+)?korea\s*herald"
_URL = r"(?:https?://)?(?:www\.|m\.)?koreaherald\.com(?:/[^\s<>\"')\]]*)?"
_ANN = r"(?:\s*/\s*(?:asia\s+news\s+network|ann))?"
_LEAD = (
    r"(?:original(?:ly)?\s+)?(?:source|sources|credit|credits|via|from|courtesy(?:\s+of)?"
    r"|originally\s+published\s+(?:by|in|on|at)|first\s+published\s+(?:by|in|on|at)"
    r"|published\s+(?:by|in|on)|read\s+(?:more|the\s+original(?:\s+article)?|the\s+full\s+"
    r"(?:article|story))(?:\s+(?:at|on))?"
    r"|this\s+(?:article|story)\s+(?:was\s+)?(?:first\s+|originally\s+)?"
    r"(?:appeared|published)\s+(?:in|on|by|at))"
)
#: a whole line that credits the paper
_SOURCE_LINE = re.compile(
    rf"^[\[(]?\s*{_LEAD}\s*[:\-–—]?\s*(?P<who>{_NAME}{_ANN}|{_URL})"
    rf"(?:\s*[(\[]?\s*(?P<url>{_URL})\s*[)\]]?)?\s*[)\]]?\s*\.?$",
    re.IGNORECASE,
)
#: "(The Korea Herald)" or "The Korea Herald/Asia News Network" alone on a line (the bare
#: name alone is a link or a heading more often than a credit)
_STANDALONE = re.compile(
    rf"^[(\[]\s*{_NAME}{_ANN}\s*[)\]]\.?$|^{_NAME}\s*/\s*(?:asia\s+news\s+network|ann)\.?$",
    re.IGNORECASE,
)
#: "SEOUL (The Korea Herald) -" opening the first paragraph
_DATELINE = re.compile(
    rf"^[A-Z][A-Za-z0-9 ,.'-]{{1,60}}\(\s*{_NAME}{_ANN}\s*\)\s*(?:--|[-–—:])", re.IGNORECASE
)
#: "... said the official. (The Korea Herald)" closing the last paragraph
_SUFFIX = re.compile(rf"[.!?\"”’]\s*\(\s*{_NAME}{_ANN}\s*\)\s*$", re.IGNORECASE)
_URL_RX = re.compile(_URL, re.IGNORECASE)


@attrs.frozen
class Credit:
    """A credit to the Korea Herald found in a text.

    :param line: the credit as written (the whole line, or the dateline/suffix part).
    :param kind: ``line`` (a removable credit line), ``dateline`` or ``suffix``.
    :param original_url: the credited URL when the line gives one, else the domain.
    """

    line: str
    kind: str
    original_url: str


def credit_pattern() -> re.Pattern[str]:
    """The regular expression of a whole credit line (for cleaners that remove them)."""
    return re.compile(rf"{_SOURCE_LINE.pattern}|{_STANDALONE.pattern}", re.IGNORECASE)


def _url_in(text: str) -> str:
    m = _URL_RX.search(text)
    if not m:
        return HERALD_DOMAIN
    url = m.group(0).rstrip(".,;:")
    return url


def lines_of(text: str) -> list[str]:
    """Non-empty lines of ``text`` with whitespace collapsed."""
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


def find_credit(lines: Sequence[str], *, head: int = 6, tail: int = 12) -> Credit | None:
    """Find a Korea Herald credit in the first ``head`` or last ``tail`` lines."""
    if not lines:
        return None
    n = len(lines)
    window = sorted(set(range(min(head, n))) | set(range(max(0, n - tail), n)), reverse=True)
    for i in window:  # the end first: credit lines usually close a repost
        line = lines[i]
        if len(line) > 250:
            continue
        if _SOURCE_LINE.fullmatch(line) or _STANDALONE.fullmatch(line):
            return Credit(line, "line", _url_in(line))
    if "herald" in lines[0].lower():
        m = _DATELINE.match(lines[0])
        if m:
            return Credit(m.group(0), "dateline", HERALD_DOMAIN)
    for i in window:
        m = _SUFFIX.search(lines[i])
        if m:
            return Credit(lines[i][m.start() + 1 :].strip(), "suffix", HERALD_DOMAIN)
    return None
