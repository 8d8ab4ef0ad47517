"""Paragraphs from blocks of body lines.

Scraped text marks a paragraph either with a blank line or with a single newline. A block
of lines between blank lines is therefore one paragraph per line, unless the block is
hard-wrapped prose (lines of similar width that break mid-sentence), which is joined.

>>> to_paragraphs(["One line.", "Another line."])
['One line.', 'Another line.']
>>> to_paragraphs(["Troops were sent to the border after", "talks failed, officials said."])
['Troops were sent to the border after talks failed, officials said.']
"""

from __future__ import annotations

from newsclaims import _re as re

_ENDS_SENTENCE = re.compile(r"[.!?:…][\"'”’)\]*_]*$")
_LIST_ITEM = re.compile(r"^(?:[-*+•]\s|\d{1,3}[.)]\s)")


def _continues(line: str, following: str) -> bool:
    """True when ``following`` goes on with the sentence that ``line`` broke off."""
    if _ENDS_SENTENCE.search(line) or _LIST_ITEM.match(following):
        return False
    first = following[:1]
    return first.islower() or first in ",;)—–"


def _hard_wrapped(lines: list[str]) -> bool:
    if len(lines) < 2:
        return False
    body = lines[:-1]
    if any(_LIST_ITEM.match(ln) for ln in lines):
        return False
    widths = [len(ln) for ln in body]
    if min(widths) < 30 or max(widths) > 100 or max(widths) - min(widths) > 40:
        return False
    open_ends = sum(1 for ln in body if not _ENDS_SENTENCE.search(ln))
    return open_ends * 2 >= len(body)


def is_hard_wrapped(lines: list[str]) -> bool:
    """True when ``lines`` are one paragraph wrapped at a fixed width."""
    return _hard_wrapped([ln.strip() for ln in lines if ln.strip()])


def to_paragraphs(lines: list[str]) -> list[str]:
    """Turn the body lines of one block into paragraphs (whitespace at line ends dropped)."""
    lines = [ln.strip() for ln in lines if ln.strip()]
    if _hard_wrapped(lines):
        return [" ".join(lines)]
    groups: list[list[str]] = []
    for line in lines:
        if groups and _continues(groups[-1][-1], line):
            groups[-1].append(line)
        else:
            groups.append([line])
    return [" ".join(group) for group in groups]
