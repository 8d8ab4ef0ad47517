"""Stories on a dask cluster: reports shuffled by blocking key, linked per key, built per story.

The in-memory :func:`newsclaims.stories` holds every report; this path holds on the client only
the document frequencies of words and the edges between report ids:

1. the document frequency of every word (a bag reduction);
2. each report, reduced to its id, date, TF-IDF vector and figures, is sent to the groups of
   its blocking keys (its heaviest words, as in :mod:`newsclaims.stories.grouping`); within
   each group, in publication order, each report is linked to the earlier ones it is similar
   to (the same similarity and time window as in memory);
3. the connected components of the links are the stories (union-find over report ids);
4. the reports are grouped by story and each story is built on a worker: copies (MinHash LSH
   within the story), reports in time order, series.

Copies do not join stories on this path (a copy is almost always similar enough to be linked
anyway), and the second, centroid pass of the in-memory grouping is not made. Needs
``newsclaims[dask,stories]``.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from newsclaims.stories import api, copies, grouping
from newsclaims.stories.view import published

if TYPE_CHECKING:
    import dask.bag

__all__ = ["link_group", "stories_bag"]


def _is_report(item: Any) -> bool:
    return isinstance(item, dict) and isinstance(item.get("claims"), list) and "text" in item


def _words(report: dict[str, Any]) -> list[str]:
    return sorted(grouping.tokens(report))


def _slim(
    report: dict[str, Any], df: dict[str, int], n: int
) -> list[tuple[str, tuple[str, str, dict[str, float], list[tuple[str, float]]]]]:
    vec = grouping.truncate(grouping.vector(grouping.tokens(report), df, n))
    when = published(report)
    item = (
        str(report.get("id")),
        when.isoformat() if when else "",
        vec,
        sorted(grouping.figures(report)),
    )
    return [(key, item) for key in grouping.blocking_keys(vec)]


def link_group(
    items: Iterable[tuple[str, str, dict[str, float], list[tuple[str, float]]]],
) -> list[tuple[str, str]]:
    """Links (id, id) between the reports of one blocking key's group, in publication order.

    Each report is compared with the last :data:`~newsclaims.stories.grouping.NEIGHBOURS`
    before it that were published at most ``WINDOW_DAYS`` earlier.
    """
    ordered = sorted(items, key=lambda item: (item[1], item[0]))
    recent: deque[tuple[str, datetime | None, dict[str, float], set[tuple[str, float]]]]
    recent = deque(maxlen=grouping.NEIGHBOURS)
    links = []
    for rid, when_text, vec, figs in ordered:
        when = datetime.fromisoformat(when_text) if when_text else None
        fig_set = {(str(m), float(f)) for m, f in figs}
        for other, other_when, other_vec, other_figs in recent:
            if other == rid or grouping._apart(when, other_when):
                continue
            if grouping.similarity(other_vec, vec, other_figs, fig_set) >= grouping.JOIN:
                links.append((other, rid))
        recent.append((rid, when, vec, fig_set))
    return links


def _components(links: Iterable[tuple[str, str]]) -> dict[str, str]:
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in links:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    return {x: find(x) for x in parent}


def _build(items: list[dict[str, Any]]) -> dict[str, Any]:
    order = sorted(range(len(items)), key=lambda i: (published(items[i]) or datetime.max, i))
    canon = copies.copy_sets([r.get("text") or "" for r in items], order)
    return api._story(items, order, canon)


def stories_bag(bag: dask.bag.Bag, partitions: int | None = None) -> dask.bag.Bag:
    """A bag of story dicts (the shape of ``stories.schema.json``) from a bag of report dicts.

    *bag* holds report dicts, such as :func:`newsclaims.dask.reports` gives (error records are
    skipped); *partitions* is the number of partitions of the shuffles (default: the bag's).
    The document frequencies and the links are computed first (``compute``), then the stories
    bag is returned lazily.
    """
    source: Any = bag  # dask is untyped
    reports = source.filter(_is_report)
    parts = partitions or source.npartitions
    n = reports.count().compute()
    df: dict[str, int] = dict(reports.map(_words).flatten().frequencies().compute())
    keyed = reports.map(_slim, df, n).flatten()
    groups = keyed.groupby(lambda pair: pair[0], npartitions=parts)
    links = groups.map(lambda group: link_group(item for _, item in group[1])).flatten()
    roots = _components(links.compute())
    del df

    def story_key(report: dict[str, Any]) -> str:
        rid = str(report.get("id"))
        return roots.get(rid, rid)

    by_story = reports.groupby(story_key, npartitions=parts)
    built: dask.bag.Bag = by_story.map(lambda group: _build(list(group[1])))
    return built


def stories(
    items: Iterable[dict[str, Any]], partitions: int = 4, scheduler: str = "synchronous"
) -> list[dict[str, Any]]:
    """:func:`stories_bag` on an in-memory sequence, earliest story first (tests, examples)."""
    import importlib

    import dask

    db: Any = importlib.import_module("dask.bag")
    with dask.config.set(scheduler=scheduler):
        bag = db.from_sequence(list(items), npartitions=partitions)
        built: Any = stories_bag(bag)
        result: list[dict[str, Any]] = built.compute()
    result.sort(key=lambda s: (s["reports"][0]["published"] or "\uffff", s["story"]))
    return result
