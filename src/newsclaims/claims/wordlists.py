"""Word lists as regular expressions that scan fast.

Python's regex engine tries every alternative of an alternation in turn at every position.
A list of words factored by shared prefixes ("t(?:en|wo|hree)") leaves it a few first
letters to try instead of every word, which halves the scan for long lists.
"""

from __future__ import annotations

from collections.abc import Iterable

from .. import _re as re

__all__ = ["alternation", "whole_words"]


def alternation(words: Iterable[str]) -> str:
    """A regex alternation that matches exactly the given literal ``words``.

    >>> alternation(["ten", "two", "three", "tens"])
    't(?:e(?:n(?:s)?)|hree|wo)'
    >>> bool(re.fullmatch(alternation(["said", "says", "say"]), "says"))
    True
    """
    by_first: dict[str, list[str]] = {}
    for w in sorted(set(words)):
        if w:
            by_first.setdefault(w[0], []).append(w[1:])
    parts = []
    for first, rests in by_first.items():
        longer = [r for r in rests if r]
        if not longer:
            parts.append(re.escape(first))
        elif len(rests) == 1:
            parts.append(re.escape(first + rests[0]))
        else:
            optional = "?" if "" in rests else ""
            parts.append(f"{re.escape(first)}(?:{alternation(longer)}){optional}")
    return "|".join(parts)


def whole_words(words: Iterable[str], flags: int = 0) -> re.Pattern[str]:
    """A pattern that finds any of ``words`` as a whole word (not inside a word or a
    hyphenated compound)."""
    return re.compile(rf"(?<![\w-])(?:{alternation(words)})(?![\w-])", flags)
