"""Stories on a dask cluster: the same stories as :func:`newsclaims.stories`, by blocking keys.

Every step of the in-memory grouping is a step here, computed by key instead of in one loop,
so the output is the same (tested on the corpus and on synthetic sets). Reports are numbered
in input order (partition offsets) and never all held in one place; the client holds ints per
report (the links, the component and story of each number), never the reports:

1. the document frequency of every word (a bag reduction), then each report's vector,
   figures, date and blocking keys (:mod:`newsclaims.stories.grouping`);
2. copies: each body's MinHash signature is sent to its LSH bands; within a band the bodies
   are compared in publication order (:func:`newsclaims.stories.copies.same_article`); the
   connected copy pairs are the copy sets, their earliest report the canonical;
3. each report is sent to the groups of its blocking keys; within a key, in
   :func:`~newsclaims.stories.grouping.order_key` order, each report meets the
   ``NEIGHBOURS`` before it; grouped by report, the pairs give its
   :func:`~newsclaims.stories.grouping.shortlist` and the earlier reports that pass;
4. the connected sets of those links and of the copies are shuffled together and each is
   :func:`~newsclaims.stories.grouping.replay`-ed on a worker (a set of links never depends
   on reports outside it), giving the groups and their centroids;
5. the centroids go to their blocking keys (:func:`~newsclaims.stories.grouping.centroid_links`);
   the connected groups are the stories;
6. the reports are shuffled by story and each story is built on a worker (copies within the
   story, reports in time order, series).

Needs ``newsclaims[dask,stories]``.
"""

from __future__ import annotations

import importlib
import itertools
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from datetime import datetime
from typing import TYPE_CHECKING, Any

from newsclaims.stories import api, copies, grouping
from newsclaims.stories.grouping import Packed, Summary
from newsclaims.stories.view import published

if TYPE_CHECKING:
    import dask.bag

__all__ = ["stories", "stories_bag"]

#: What a report is reduced to for grouping: number, date, vector, figures.
Slim = tuple[int, datetime | None, Packed, set[tuple[str, float]]]


def _is_report(item: Any) -> bool:
    return isinstance(item, dict) and isinstance(item.get("claims"), list) and "text" in item


def _number(part: Iterable[dict[str, Any]], offset: int) -> list[tuple[int, dict[str, Any]]]:
    out = []
    for k, report in enumerate(part):
        index = offset + k
        if not report.get("id"):
            report = {**report, "id": f"report-{index}"}  # api.report_id's positional id
        out.append((index, report))
    return out


def _words(pair: tuple[int, dict[str, Any]]) -> list[str]:
    return list(grouping.tokens(pair[1]))


def _slim(pair: tuple[int, dict[str, Any]], df: dict[str, int], n: int) -> tuple[Slim, list[str]]:
    index, report = pair
    vec = Packed(grouping.truncate(grouping.vector(grouping.tokens(report), df, n)))
    item = (index, published(report), vec, grouping.figures(report))
    return item, grouping.blocking_keys(vec.as_dict())


def _key_pairs(group: tuple[str, Iterable[Slim]]) -> Iterator[tuple[int, tuple[int, bool]]]:
    """Within one blocking key: (j, (i, passes)) for the NEIGHBOURS reports i before each j."""
    ordered = sorted(group[1], key=lambda s: grouping.order_key(s[1], s[0]))
    for x, (j, when_j, vec_j, figs_j) in enumerate(ordered):
        mine = vec_j.as_dict()
        for i, when_i, vec_i, figs_i in ordered[max(0, x - grouping.NEIGHBOURS) : x]:
            yield j, (i, grouping.passes(vec_i, mine, figs_i, figs_j, when_i, when_j))


def _tried(group: tuple[int, Iterable[tuple[int, tuple[int, bool]]]]) -> tuple[int, list[int]]:
    shared: Counter[int] = Counter()
    ok: dict[int, bool] = {}
    for _, (i, good) in group[1]:
        shared[i] += 1
        ok[i] = good
    return group[0], [i for i in grouping.shortlist(shared) if ok[i]]


def _bands(pair: tuple[int, dict[str, Any]]) -> list[tuple[tuple[int, bytes], tuple[Any, ...]]]:
    index, report = pair
    text = report.get("text") or ""
    grams = copies.shingles(text)
    if len(grams) < copies.MIN_SHINGLES:
        return []
    values = copies.signature(grams).hashvalues
    rank = (published(report) or datetime.max, index)
    return [(band, (rank, index, values, text)) for band in copies.bands(values)]


def _copy_pairs(group: tuple[Any, Iterable[tuple[Any, ...]]]) -> Iterator[tuple[int, int]]:
    ordered = sorted((item for _, item in group[1]), key=lambda item: item[0])
    for x, (_, b, values_b, text_b) in enumerate(ordered):
        grams = copies.shingles(text_b)
        for _, a, values_a, text_a in ordered[:x]:
            if copies.same_article(grams, values_b, text_a, values_a):
                yield a, b


def _replay(
    group: tuple[int, Iterable[Slim]],
    tried: dict[int, list[int]],
    canon: dict[int, int],
) -> list[tuple[dict[int, int], Summary]]:
    """One connected set of links: its groups (number -> root) and their summaries."""
    items = sorted(group[1], key=lambda s: grouping.order_key(s[1], s[0]))
    vecs = {s[0]: s[2] for s in items}
    figs = {s[0]: s[3] for s in items}
    dates = {s[0]: s[1] for s in items}
    links = sorted((i, canon[i]) for i in vecs if canon.get(i, i) != i)
    roots = grouping.replay([s[0] for s in items], tried, links, vecs, figs)
    members: dict[int, list[int]] = defaultdict(list)
    for i in sorted(roots):
        members[roots[i]].append(i)
    return [
        ({i: root for i in idx}, grouping.summary(root, idx, vecs, dates, figs))
        for root, idx in members.items()
    ]


def _summary_keys(item: tuple[dict[int, int], Summary]) -> list[tuple[str, Summary]]:
    summary = item[1]
    return [(key, summary) for key in grouping.blocking_keys(summary[2], grouping.CENTROID_KEYS)]


def _build(
    group: tuple[int, Iterable[tuple[int, dict[str, Any]]]], canon: dict[int, int]
) -> dict[str, Any]:
    pairs = sorted(group[1], key=lambda p: (published(p[1]) or datetime.max, p[0]))
    position = {index: n for n, (index, _) in enumerate(pairs)}
    local = [position[canon.get(index, index)] for index, _ in pairs]
    return api._story([r for _, r in pairs], list(range(len(pairs))), local)


def stories_bag(bag: dask.bag.Bag, partitions: int | None = None) -> dask.bag.Bag:
    """A bag of story dicts (the shape of ``stories.schema.json``) from a bag of report dicts.

    The same stories as :func:`newsclaims.stories` on the bag's reports in order. *bag* holds
    report dicts, such as :func:`newsclaims.dask.reports` gives (error records are skipped);
    *partitions* is the number of partitions of the shuffles (default: the bag's). The links
    are computed first (``compute``, see the module docstring), then the stories bag is
    returned lazily.
    """
    db: Any = importlib.import_module("dask.bag")
    delayed: Any = importlib.import_module("dask").delayed
    source: Any = bag  # dask is untyped
    reports = source.filter(_is_report)
    parts = partitions or source.npartitions
    counts = reports.map_partitions(lambda p: [sum(1 for _ in p)]).compute()
    offsets = [0, *itertools.accumulate(counts)][:-1]
    numbered = db.from_delayed(
        [delayed(_number)(p, o) for p, o in zip(reports.to_delayed(), offsets, strict=True)]
    )
    n = sum(counts)
    df: dict[str, int] = dict(numbered.map(_words).flatten().frequencies().compute())
    slim = numbered.map(_slim, df, n).persist()
    del df
    # copies
    copy_pairs = (
        (numbered.map(_bands).flatten().groupby(lambda kv: kv[0], npartitions=parts))
        .map(_copy_pairs)
        .flatten()
    )
    found = copy_pairs.compute()
    canon = _canonical(found, numbered)
    # links within blocking keys
    keyed = slim.map(lambda sk: [(key, sk[0]) for key in sk[1]]).flatten()
    by_key = keyed.groupby(lambda kv: kv[0], npartitions=parts).map(
        lambda g: (g[0], [s for _, s in g[1]])
    )
    pair_bag = by_key.map(_key_pairs).flatten()
    tried = dict(pair_bag.groupby(lambda p: p[0], npartitions=parts).map(_tried).compute())
    tried = {j: found_i for j, found_i in tried.items() if found_i}
    linked = grouping.components(
        itertools.chain(
            ((i, j) for j, found_i in tried.items() for i in found_i),
            ((i, c) for i, c in canon.items() if i != c),
        )
    )
    replayed = (
        slim.map(lambda sk: sk[0])
        .groupby(lambda s: linked.get(s[0], s[0]), npartitions=parts)
        .map(_replay, tried, canon)
        .flatten()
        .persist()
    )
    root_of: dict[int, int] = {}
    for mapping in replayed.map(lambda item: item[0]).compute():
        root_of.update(mapping)
    merged = grouping.components(
        replayed.map(_summary_keys)
        .flatten()
        .groupby(lambda kv: kv[0], npartitions=parts)
        .map(lambda g: list(grouping.centroid_links(s for _, s in g[1])))
        .flatten()
        .compute()
    )

    def story_of(pair: tuple[int, dict[str, Any]]) -> int:
        root = root_of[pair[0]]
        return merged.get(root, root)

    by_story = numbered.groupby(story_of, npartitions=parts)
    built: dask.bag.Bag = by_story.map(_build, canon)
    return built


def _canonical(pairs: Iterable[tuple[int, int]], numbered: Any) -> dict[int, int]:
    """Each copy's canonical number: the earliest (publication, number) of its copy set."""
    linked = grouping.components(pairs)
    if not linked:
        return {}
    wanted = set(linked)
    ranks = dict(
        numbered.filter(lambda p: p[0] in wanted)
        .map(lambda p: (p[0], (published(p[1]) or datetime.max, p[0])))
        .compute()
    )
    best: dict[int, int] = {}
    for index, root in linked.items():
        if root not in best or ranks[index] < ranks[best[root]]:
            best[root] = index
    return {index: best[root] for index, root in linked.items()}


def stories(
    items: Iterable[dict[str, Any]], partitions: int = 4, scheduler: str = "synchronous"
) -> list[dict[str, Any]]:
    """:func:`stories_bag` on an in-memory sequence, earliest story first (tests, examples)."""
    import dask

    db: Any = importlib.import_module("dask.bag")
    with dask.config.set(scheduler=scheduler):
        bag = db.from_sequence(list(items), npartitions=partitions)
        built: Any = stories_bag(bag)
        result: list[dict[str, Any]] = built.compute()
    result.sort(key=lambda s: (s["reports"][0]["published"] or "\uffff", s["story"]))
    return result
