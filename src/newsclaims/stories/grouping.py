"""Stories: group reports about one event by blocking keys, then by shared evidence.

Blocking keys are the report's place words and figure-bearing measures; two reports in a block
join only when their titles/bodies are similar enough and their dates are within a window.
Conservative by design: precision matters more than recall.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from datetime import datetime
from typing import Any

WORD = re.compile(r"[A-Za-z][a-z]{3,}")
CAP = re.compile(r"\b[A-Z][a-z]{3,}\b")
WINDOW_DAYS = 10
JOIN = 0.2
_STOP = frozenset(
    "this that with from have were said there their about after when what which they will into more than also been".split()
)


def _date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).replace(tzinfo=None)
    except ValueError:
        return None


def keywords(report: dict[str, Any]) -> set[str]:
    """Capitalized names in the title and lead: the entities/places a story is about."""
    text = (report.get("title") or "") + " " + (report.get("text") or "")[:1500]
    return {w.lower() for w in CAP.findall(text) if w.lower() not in _STOP}


def blocking_keys(report: dict[str, Any]) -> set[str]:
    """Keys a candidate pair must share (names from the title and lead)."""
    return keywords(report)


def group(reports: Sequence[dict[str, Any]]) -> list[int]:
    """For each report, the index of the first report of its story."""
    kws = [keywords(r) for r in reports]
    dates = [_date(r.get("published")) for r in reports]
    parent = list(range(len(reports)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    blocks: dict[str, list[int]] = defaultdict(list)
    for i, keys in enumerate(kws):
        for k in keys:
            blocks[k].append(i)
    seen: set[tuple[int, int]] = set()
    for members in blocks.values():
        if len(members) > 200:  # a key shared by too many reports decides nothing
            continue
        for x, i in enumerate(members):
            for j in members[x + 1 :]:
                if (i, j) in seen:
                    continue
                seen.add((i, j))
                di, dj = dates[i], dates[j]
                if di and dj and abs((di - dj).days) > WINDOW_DAYS:
                    continue
                union = kws[i] | kws[j]
                if union and len(kws[i] & kws[j]) / len(union) >= JOIN:
                    a, b = sorted((find(i), find(j)))
                    parent[b] = a
    return [find(i) for i in range(len(reports))]
