"""``stories(reports)``: copies, stories and series in the shape of ``stories.schema.json``."""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from newsclaims.models import Report
from newsclaims.stories import copies, grouping, series
from newsclaims.stories.view import as_dict, outlet, parse_time, published, report_id

#: The version of the stories JSON contract (``schema/stories.schema.json``).
STORIES_SCHEMA_VERSION = "1.0"

Story = dict[str, Any]


def _order_key(items: Sequence[dict[str, Any]]) -> Any:
    def key(i: int) -> tuple[datetime, int]:
        return (published(items[i]) or datetime.max, i)

    return key


def story_id(report_ids: Iterable[str]) -> str:
    """A stable id for a story: a digest of its reports' ids."""
    digest = hashlib.blake2b(digest_size=8)
    for rid in sorted(report_ids):
        digest.update(rid.encode() + b"\0")
    return digest.hexdigest()


def stories(reports: Iterable[Report | dict[str, Any]]) -> list[Story]:
    """Group *reports* into stories, find their copies and the series of their figures.

    *reports* are :class:`~newsclaims.Report` objects (what :func:`newsclaims.parse_many`
    yields) or their JSON dicts (``extract``'s JSONL read back). Returns one dict per story,
    earliest story first::

        {"schema_version", "story", "title",
         "reports": [{"id", "input", "outlet", "published", "copy_of"}],   # in time order
         # (reports without a publication date last, in input order)
         "series": [{"measure", "subject", "place", "points": [...],
                     "revisions": [...], "conflicts": [...]}]}

    Failures (items that are not reports) raise ``TypeError``.
    """
    items = [as_dict(r) for r in reports]
    return build(items)


def build(items: Sequence[dict[str, Any]]) -> list[Story]:
    """:func:`stories` on report dicts."""
    order = sorted(range(len(items)), key=_order_key(items))
    canon = copies.copy_sets([r.get("text") or "" for r in items], order)
    links = [(i, c) for i, c in enumerate(canon) if c != i]
    roots = grouping.group(items, links)
    members: dict[int, list[int]] = defaultdict(list)
    for i in order:
        members[roots[i]].append(i)
    out = [_story(items, ids, canon) for ids in members.values()]
    # by the first report's instant (its zone taken into account), not by its string
    out.sort(key=lambda s: (_first_time(s), s["story"]))
    return out


def _first_time(story: Story) -> datetime:
    return parse_time(story["reports"][0]["published"]) or datetime.max


def _story(items: Sequence[dict[str, Any]], ids: list[int], canon: Sequence[int]) -> Story:
    position = {index: n for n, index in enumerate(ids)}
    rids = [report_id(items[i], i) for i in ids]
    first = next((items[i] for i in ids if items[i].get("title")), items[ids[0]])
    return {
        "schema_version": STORIES_SCHEMA_VERSION,
        "story": story_id(rids),
        "title": first.get("title"),
        "reports": [
            {
                "id": rid,
                "input": items[i].get("input"),
                "outlet": outlet(items[i]),
                "published": items[i].get("published"),
                "copy_of": report_id(items[canon[i]], canon[i]) if canon[i] != i else None,
            }
            for rid, i in zip(rids, ids, strict=True)
        ],
        "series": series.build(
            [{**items[i], "id": rid} for rid, i in zip(rids, ids, strict=True)],
            [position.get(canon[i], n) for n, i in enumerate(ids)],
        ),
    }


def schema() -> dict[str, Any]:
    """The JSON Schema of one story (``schema/stories.schema.json``, shipped in the package)."""
    import json
    from importlib import resources

    text = resources.files("newsclaims").joinpath("schema/stories.schema.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def validate(story: Story) -> None:
    """Validate one story against :func:`schema`; raises ``jsonschema.ValidationError``."""
    import jsonschema

    jsonschema.Draft202012Validator(schema()).validate(story)
