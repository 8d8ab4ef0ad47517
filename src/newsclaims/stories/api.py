"""``stories(reports)``: copies, stories and series in the JSON shape of issue 12."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from newsclaims.models import Report
from newsclaims.stories import copies, grouping, series
from newsclaims.stories.view import as_dict

Story = dict[str, Any]


def stories(reports: Iterable[Report | dict[str, Any]]) -> list[Story]:
    """Group *reports* (``Report`` objects or their JSON dicts) into stories.

    Each story is ``{"story", "title", "reports": [{"id", "input", "outlet", "published",
    "copy_of"}], "series": [...]}``, reports in publication order; copies count once in series.
    """
    items = [as_dict(r) for r in reports]
    canon = copies.copy_sets([r.get("text") or "" for r in items])
    roots = grouping.group(items)
    # a copy is always in its canonical's story
    parent = {i: roots[i] for i in range(len(items))}
    for i, c in enumerate(canon):
        parent[i] = parent[c]
    members: dict[int, list[int]] = defaultdict(list)
    for i in range(len(items)):
        members[parent[i]].append(i)
    out = []
    for idx in sorted(members):
        ids = sorted(members[idx], key=lambda i: items[i].get("published") or "")
        first = items[ids[0]]
        out.append(
            {
                "story": f"story-{first.get('id')}",
                "title": first.get("title"),
                "reports": [
                    {
                        "id": items[i].get("id"),
                        "input": items[i].get("input"),
                        "outlet": (items[i].get("source") or {}).get("outlet"),
                        "published": items[i].get("published"),
                        "copy_of": items[canon[i]].get("id") if canon[i] != i else None,
                    }
                    for i in ids
                ],
                "series": series.build(
                    [items[i] for i in ids], [items[canon[i]].get("id") for i in ids]
                ),
            }
        )
    return out
