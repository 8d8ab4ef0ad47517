"""Promotion lines: the outlet speaking to its reader ("Listen to our full report ...").

A promotion starts with an imperative addressed to the reader (listen, watch, subscribe,
sign up, follow us, download our app, read the full ...) and names a medium or the outlet
itself (our, us, newsletter, podcast, edition, video, here ...). Reported speech never is
one. The cleaner removes a promotion anywhere when it is short and not a sentence, and a
sentence-like one only at the end of the article, below the last paragraph of text.

>>> is_promo("Listen to our full report in the evening edition of World Today.")
True
>>> is_promo("Watch:")
True
>>> is_promo("Listen to the people of the valley, the bishop said.")
False
"""

from __future__ import annotations

from newsclaims import _re as re

#: longest promotion, in words
MAX_WORDS = 30

_IMPERATIVE = re.compile(
    r"^(?:(?:listen|tune\s+in)(?:\s*[:\-–—]|\s+(?:to|in|now|live|again|here)\b)"
    r"|watch(?:\s*[:\-–—]|\s+(?:the|our|this|it|now|live|more|again|video|full|here)\b)"
    r"|(?:subscribe|sign\s+up|register)\s+(?:to|for|now|today|here)\b"
    r"|(?:follow|join|support|download|contact|like)\s+(?:us|our)\b"
    r"|(?:read|see|view)\s+(?:the\s+|our\s+)?(?:full|complete|original|latest)\s+\w+"
    r"|(?:click|tap)\s+here\b"
    r"|get\s+(?:our|the\s+latest|breaking|the\s+app)\b"
    r"|(?:stay|keep)\s+(?:up\s+to\s+date|informed|updated)\b"
    r"|don'?t\s+miss\b)",
    re.IGNORECASE,
)
_MEDIUM = re.compile(
    r"\b(?:our|us|newsletters?|podcasts?|app|edition|programmes?|programs?|episodes?|channel"
    r"|show|full|here|below|above|video|audio|live|broadcasts?|bulletins?|radio|coverage"
    r"|updates|alerts|latest|free|report|interview|documentary|stream)\b",
    re.IGNORECASE,
)
_SPEECH = re.compile(r"\b(?:said|says|told|tells|according\s+to|asked|urged)\b", re.IGNORECASE)


def is_promo(text: str) -> bool:
    """True when ``text`` is a promotion line of the outlet (see the module docstring)."""
    text = text.strip()
    if not _IMPERATIVE.match(text):  # the cheapest test first: most lines fail it
        return False
    if len(text.split(None, MAX_WORDS)) > MAX_WORDS or _SPEECH.search(text):
        return False
    return text.endswith(":") or bool(_MEDIUM.search(text))
