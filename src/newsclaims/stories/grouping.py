"""Stories: reports about one event, grouped by what they say, not by who published them.

Each report becomes a TF-IDF vector of the words of its title and lead (names and places weigh
most, being rare), plus the figures its claims give. Candidate pairs come from blocking keys,
the report's most distinctive words: two reports are compared only when they share one, and
within a key only with their neighbours in publication time, so the cost grows with the number
of reports, not with its square. A pair joins one story when the cosine similarity of their
vectors (raised a little by a shared claim figure) reaches :data:`JOIN` and they were published
at most :data:`WINDOW_DAYS` apart.
"""

from __future__ import annotations

import functools
import math
import re
import sys
from array import array
from collections import Counter, defaultdict, deque
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import datetime
from typing import Any

from newsclaims.stories.view import published

TOKEN = re.compile(r"[^\W\d_][\w'’-]*[^\W_]|\d[\d,.]*\d|\d", re.UNICODE)
#: Characters of the body read (title + lead: what a story is about).
LEAD_CHARS = 2500
#: Most distinctive words per report used as blocking keys.
KEYS = 6
#: Each key remembers the last this many reports that had it (in publication order).
NEIGHBOURS = 24
#: Each report is compared with at most this many of them (those sharing most keys).
CANDIDATES = 12
#: Words kept in a report's vector (its heaviest; a lead of LEAD_CHARS rarely has more).
VECTOR_TERMS = 400
#: Reports published further apart than this are different stories.
WINDOW_DAYS = 8
#: Cosine similarity at or above which two reports are one story.
JOIN = 0.24
#: Added to the similarity when both reports give the same figure of one measure.
SHARED_FIGURE = 0.1

#: Cosine similarity of two groups' centroids at or above which they are one story.
CENTROID_JOIN = 0.22
#: Blocking keys of a group's centroid.
CENTROID_KEYS = 10
#: Smaller figures (one, two dead) are too common to be evidence.
MIN_FIGURE = 3
#: Joining two groups of reports also needs this mean similarity of the report to the other
#: group's members (at most :data:`GROUP_SAMPLE` of them): no chain of weak links.
GROUP_JOIN = 0.15
GROUP_SAMPLE = 8

#: Function words and reporting words: no evidence that two reports tell one event.
STOP = frozenset(
    """
    a about above after again against all also although am among an and another any are around
    as at be because been before being below between both but by can could did do does doing
    down during each even ever every few for from further had has have having he her here hers
    herself him himself his how however i if in into is it its itself just least less like made
    make many may me might more most much must my near new no nor not now of off on once one only
    or other others our ours out over own per said same say says saying see seen she should since
    so some still such than that the their theirs them themselves then there these they this
    those though through to told too two under until up upon us very was we were what when where
    whether which while who whom whose why will with within without would yet you your
    monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow
    morning afternoon evening night week weeks day days month months year years time
    according statement reported reports report reporter reporters news story update updated
    developing people percent three four five six seven eight nine ten hundreds dozens
    """.split()
)


#: A sentence ends after a word without capitals (not "U.S.", "Fla.") or a figure.
_SENTENCE_END = re.compile(r"(?<![\w.])[^\W\d_A-Z]*[a-z\d][.!?][\"'”’)]?(?=\s|$)")
#: A paragraph of fewer words is no lead (a dateline, a byline, a "Published" line).
LEAD_WORDS = 8
#: Characters read for the first sentence.
SENTENCE_CHARS = 400


def headline(report: Mapping[str, Any]) -> str:
    """The report's title, else the first sentence of its body (a news lead says what,
    where and who: it stands in for a title the parser did not find)."""
    title = report.get("title") or ""
    if title.strip():
        return str(title)
    for paragraph in (report.get("text") or "")[:LEAD_CHARS].split("\n"):
        if len(TOKEN.findall(paragraph)) < LEAD_WORDS:
            continue
        head = paragraph[:SENTENCE_CHARS]
        end = _SENTENCE_END.search(head)
        return head[: end.end()] if end else head
    return ""


def tokens(report: Mapping[str, Any]) -> Counter[str]:
    """Counts of the content words of the report's :func:`headline` (counted twice) and lead."""
    title = headline(report).casefold()
    text = (report.get("text") or "")[:LEAD_CHARS].casefold()
    words: Counter[str] = Counter()
    for found in (TOKEN.findall(title), TOKEN.findall(title), TOKEN.findall(text)):
        for word in found:
            if word in STOP or len(word) < 3 or word[0].isdigit():
                continue
            word = word.replace("’", "'")
            if word.endswith("'s"):
                word = word[:-2]
            words[_stem(word)] += 1
    return words


@functools.lru_cache(maxsize=200_000)
def _stem(word: str) -> str:
    return stem(word)


def stem(word: str) -> str:
    """A plural's singular, roughly (*floods* and *flood*, *bodies* and *body* match)."""
    if len(word) > 4 and word[-1] == "s" and word[-2] not in "su'":
        if word.endswith("ies"):
            return word[:-3] + "y"
        return word[:-1]
    return word


#: A name after a locative word ("in Lorvan", "near the town of Dorsk", "in Kestria's Lorvan
#: district"), or after a place's kind as the object of a verb ("shelled the village of
#: Olmo", "struck the town of Dorsk"): where the event happened. The name is one or more
#: capitalized words.
_LOCATIVE = re.compile(
    r"(?:\b(?:in|near|at|off|outside|across)\s+(?:the\s+)?"
    r"(?:(?:town|city|village|district|province|state|region|county|area|port|capital|island|"
    r"suburb|neighbourhood|neighborhood)\s+of\s+)?"
    r"|\bthe\s+(?:town|city|village|district|suburb|neighbourhood|neighborhood)\s+of\s+)"
    r"((?:[A-Z][\w'’-]*[^\W_])(?:\s+[A-Z][\w'’-]*[^\W_])*)"
)
#: Marks a place among :func:`figures` (the place's word in place of the figure).
PLACE = "@place"
#: Words of a place's name that name no one place ("the Central Hospital", "the North Sea").
GENERIC_PLACE = frozenset(
    """
    city town village district province state region county area port capital island
    north south east west northern southern eastern western central upper lower
    sea river lake bay coast mountain valley hospital street road square
    """.split()
)


def places(report: Mapping[str, Any]) -> set[str]:
    """The words of the places the report's lead says its event happened in: names after a
    locative word in the first sentence of the body (and in the title when it is written as
    a sentence, not in Title Case, where every word looks like a name)."""
    title = str(report.get("title") or "")
    first = headline({"text": report.get("text")}) if title.strip() else ""
    texts = [first or headline(report)]
    words = TOKEN.findall(title)
    capitals = sum(1 for w in words if w[0].isupper())
    if title.strip() and capitals * 2 <= len(words):
        texts.append(title)
    found = set()
    for text in texts:
        for match in _LOCATIVE.finditer(text):
            for word in TOKEN.findall(match.group(1).casefold()):
                word = word.replace("’", "'")
                if word.endswith("'s"):
                    word = word[:-2]
                if word not in STOP and word not in GENERIC_PLACE and len(word) >= 3:
                    found.add(_stem(word))
    return found


def figures(report: Mapping[str, Any]) -> set[tuple[str, Any]]:
    """(measure, figure) of the report's quantitative claims, and (:data:`PLACE`, word) of
    its :func:`places` (what :func:`passes` needs of a report besides its vector)."""
    found: set[tuple[str, Any]] = set()
    for claim in report.get("claims") or ():
        value = claim.get("value") or {}
        figure = value.get("low") if value.get("low") is not None else value.get("high")
        if claim.get("measure") and figure is not None and float(figure) >= MIN_FIGURE:
            found.add((str(claim["measure"]), float(figure)))
    found.update((PLACE, word) for word in places(report))
    return found


def elsewhere(
    vec_a: Mapping[str, float] | Packed,
    vec_b: Mapping[str, float] | Packed,
    figs_a: set[tuple[str, Any]],
    figs_b: set[tuple[str, Any]],
) -> bool:
    """Whether two reports tell of events in different places: each names, where its lead
    says the event happened, a place the other never mentions (floods in two districts of one
    province, bombings in two towns on one day). A report that names no place, or one the
    other mentions anywhere in its title or lead, is not elsewhere."""

    def unmentioned(figs: set[tuple[str, Any]], vec: Mapping[str, float] | Packed) -> bool:
        words = vec.words if isinstance(vec, Packed) else vec
        return any(kind == PLACE and word not in words for kind, word in figs)

    return unmentioned(figs_a, vec_b) and unmentioned(figs_b, vec_a)


def document_frequencies(bags: Iterable[Counter[str]]) -> tuple[Counter[str], int]:
    """How many bags hold each word, and how many bags there are."""
    df: Counter[str] = Counter()
    count = 0
    for bag in bags:
        df.update(bag.keys())
        count += 1
    return df, count


def vector(bag: Counter[str], df: Mapping[str, int], n: int) -> dict[str, float]:
    """The unit TF-IDF vector of a bag of words (sublinear term frequency, smoothed idf)."""
    weights = {
        word: (1.0 + math.log(count)) * (math.log((n + 1) / (df.get(word, 0) + 1)) + 1.0)
        for word, count in bag.items()
    }
    norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
    return {word: w / norm for word, w in weights.items()}


class Packed:
    """A unit vector kept small: its words (interned) and their weights as 32-bit floats."""

    __slots__ = ("weights", "words")

    def __init__(self, vec: Mapping[str, float]) -> None:
        self.words = tuple(sys.intern(w) for w in vec)
        self.weights = array("f", vec.values())

    def items(self) -> Iterator[tuple[str, float]]:
        """(word, weight) pairs."""
        return zip(self.words, self.weights, strict=True)

    def as_dict(self) -> dict[str, float]:
        """The vector as a dict."""
        return dict(self.items())

    def dot(self, other: Mapping[str, float]) -> float:
        """The dot product with a dict vector."""
        get = other.get
        return sum(w * get(word, 0.0) for word, w in self.items())


def cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """Cosine similarity of two unit vectors."""
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(word, 0.0) for word, w in a.items())


def truncate(vec: Mapping[str, float], terms: int = VECTOR_TERMS) -> dict[str, float]:
    """The *terms* heaviest words of a unit vector, again of unit length."""
    if len(vec) <= terms:
        return dict(vec)
    top = sorted(vec.items(), key=lambda item: (-item[1], item[0]))[:terms]
    norm = math.sqrt(sum(w * w for _, w in top)) or 1.0
    return {word: w / norm for word, w in top}


def blocking_keys(vec: Mapping[str, float], keys: int = KEYS) -> list[str]:
    """The report's *keys* heaviest words."""
    return [w for w, _ in sorted(vec.items(), key=lambda item: (-item[1], item[0]))[:keys]]


def similarity(
    a: Mapping[str, float] | Packed,
    b: Mapping[str, float],
    figures_a: set[tuple[str, Any]],
    figures_b: set[tuple[str, Any]],
) -> float:
    """The evidence that two reports tell one event (see the module docstring)."""
    score = a.dot(b) if isinstance(a, Packed) else cosine(a, b)
    if any(kind != PLACE for kind, _ in figures_a & figures_b):
        score += SHARED_FIGURE
    return score


def _apart(a: datetime | None, b: datetime | None) -> bool:
    return a is not None and b is not None and abs((a - b).total_seconds()) > WINDOW_DAYS * 86400


def order_key(when: datetime | None, index: int) -> tuple[datetime, int]:
    """The order in which reports are linked: publication time (unknown first), then input."""
    return (when or datetime.min, index)


def shortlist(shared: Mapping[int, int]) -> list[int]:
    """The :data:`CANDIDATES` earlier reports sharing most blocking keys, in the order tried."""
    ranked = sorted(shared.items(), key=lambda item: (-item[1], -item[0]))
    return [i for i, _ in ranked[:CANDIDATES]]


def passes(
    vec_i: Packed,
    vec_j: Mapping[str, float],
    figs_i: set[tuple[str, Any]],
    figs_j: set[tuple[str, Any]],
    when_i: datetime | None,
    when_j: datetime | None,
) -> bool:
    """Whether report *i* is similar enough to report *j* (*vec_j* as a dict), and close enough
    in time, to link."""
    if _apart(when_i, when_j) or elsewhere(vec_i, vec_j, figs_i, figs_j):
        return False
    return similarity(vec_i, vec_j, figs_i, figs_j) >= JOIN


def replay(
    order: Iterable[int],
    tried: Mapping[int, Sequence[int]],
    links: Iterable[tuple[int, int]],
    vecs: Mapping[int, Packed] | Sequence[Packed],
    figs: Mapping[int, set[tuple[str, Any]]] | Sequence[set[tuple[str, Any]]],
) -> dict[int, int]:
    """Union the reports of *order* into groups: for each report *j* (in :func:`order_key`
    order), each earlier report of ``tried[j]`` that :func:`passes` joins *j*'s group unless
    one group would be far on average from the other (:data:`GROUP_JOIN`: no chain of weak
    links). *links* (copies) are joined first. Returns each report's group root (its least
    index).

    The outcome depends only on the reports linked to each other, so it is the same whether
    it runs over all reports (in memory) or over each connected set of links on its own (dask).
    """
    parent: dict[int, int] = {}

    def find(i: int) -> int:
        parent.setdefault(i, i)
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    members_of: dict[int, list[int]] = {}

    def union(i: int, j: int) -> None:
        a, b = find(i), find(j)
        if a != b:
            keep, gone = min(a, b), max(a, b)
            parent[gone] = keep
            members_of.setdefault(keep, [keep]).extend(members_of.pop(gone, [gone]))

    def cohesive(i: int, j: int) -> bool:
        for one, other in ((i, j), (j, i)):
            group_members = members_of.get(find(other), ())
            if len(group_members) < 2:
                continue
            sample = group_members[:GROUP_SAMPLE]
            mine = vecs[one].as_dict()
            total = sum(similarity(vecs[k], mine, figs[k], figs[one]) for k in sample)
            if total / len(sample) < GROUP_JOIN:
                return False
        return True

    for i, j in links:
        union(i, j)
    indexes = list(order)
    for j in indexes:
        for i in tried.get(j, ()):
            if find(i) != find(j) and cohesive(i, j):
                union(i, j)
    return {i: find(i) for i in indexes}


def group(reports: Sequence[Mapping[str, Any]], links: Iterable[tuple[int, int]] = ()) -> list[int]:
    """For each report, the index of one report of its story (the same for the whole story).

    *links* are pairs known to be one story already (copies). Reports are read twice (word
    counts, then vectors) and kept as vectors of their :data:`VECTOR_TERMS` heaviest words.
    Steps (each also a step of :mod:`newsclaims.stories.dask`): each report is tried against
    the :func:`shortlist` of the earlier reports among the last :data:`NEIGHBOURS` of each of
    its blocking keys; those that :func:`passes` are linked by :func:`replay`; then groups are
    joined by their centroids (:func:`merge_groups`).
    """
    df, n = document_frequencies(tokens(r) for r in reports)
    vecs = [Packed(truncate(vector(tokens(r), df, n))) for r in reports]
    del df
    figs = [figures(r) for r in reports]
    dates = [published(dict(r)) for r in reports]
    order = sorted(range(len(reports)), key=lambda i: order_key(dates[i], i))
    recent: dict[str, deque[int]] = defaultdict(lambda: deque(maxlen=NEIGHBOURS))
    tried: dict[int, list[int]] = {}
    for j in order:
        mine = vecs[j].as_dict()
        keys = blocking_keys(mine)
        shared: Counter[int] = Counter()
        for key in keys:
            shared.update(recent[key])
        found = [
            i
            for i in shortlist(shared)
            if passes(vecs[i], mine, figs[i], figs[j], dates[i], dates[j])
        ]
        if found:
            tried[j] = found
        for key in keys:
            recent[key].append(j)
    roots = replay(order, tried, sorted(links), vecs, figs)
    return merge_groups([roots[i] for i in range(len(reports))], vecs, dates, figs)


def centroid(vectors: Iterable[Mapping[str, float] | Packed]) -> dict[str, float]:
    """The unit mean of unit vectors: what a group of reports says as a whole."""
    total: dict[str, float] = defaultdict(float)
    for vec in vectors:
        for word, weight in vec.items():
            total[word] += weight
    norm = math.sqrt(sum(w * w for w in total.values())) or 1.0
    return {word: w / norm for word, w in total.items()}


Span = tuple[datetime, datetime] | None
#: One group for the centroid pass: its root, time span, centroid and its reports' places
#: (as :func:`figures` marks them).
Summary = tuple[int, Span, dict[str, float], frozenset[tuple[str, Any]]]


def summary(root: int, members: Sequence[int], vecs: Any, dates: Any, figs: Any) -> Summary:
    """A group's root, time span, centroid and places (*members* in index order)."""
    cent = truncate(centroid(vecs[i] for i in members), 2 * VECTOR_TERMS)
    known = [d for d in (dates[i] for i in members) if d is not None]
    where = frozenset(f for i in members for f in figs[i] if f[0] == PLACE)
    return root, ((min(known), max(known)) if known else None), cent, where


def _start(span: Span) -> datetime:
    return span[0] if span else datetime.min


def centroid_links(block: Iterable[Summary]) -> Iterator[tuple[int, int]]:
    """Pairs of groups sharing one centroid blocking key that are one story: each group
    against the :data:`NEIGHBOURS` before it in time, spans at most :data:`WINDOW_DAYS`
    apart, centroids similar (:data:`CENTROID_JOIN`) and not :func:`elsewhere`."""
    ordered = sorted(block, key=lambda s: (_start(s[1]), s[0]))
    for x, (b, span_b, cent_b, where_b) in enumerate(ordered):
        for a, span_a, cent_a, where_a in ordered[max(0, x - NEIGHBOURS) : x]:
            if span_a and span_b:
                gap = max(span_a[0], span_b[0]) - min(span_a[1], span_b[1])
                if gap.total_seconds() > WINDOW_DAYS * 86400:
                    continue
            if elsewhere(cent_a, cent_b, set(where_a), set(where_b)):
                continue
            if cosine(cent_a, cent_b) >= CENTROID_JOIN:
                yield (a, b)


def components(pairs: Iterable[tuple[int, int]]) -> dict[int, int]:
    """Union-find over *pairs*: each element's least connected element."""
    parent: dict[int, int] = {}

    def find(x: int) -> int:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in pairs:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    return {x: find(x) for x in parent}


def merge_groups(
    roots: Sequence[int],
    vecs: Sequence[Mapping[str, float] | Packed],
    dates: Sequence[datetime | None],
    figs: Sequence[set[tuple[str, Any]]],
) -> list[int]:
    """Second pass: two groups whose centroids are similar (:data:`CENTROID_JOIN`) are one.

    A story's reports together name its event better than any one of them: a short first
    report ("a strong earthquake struck ...") is closer to the later reports as a whole than to
    each. Candidate groups share a blocking key of their centroids (:func:`centroid_links`).
    """
    members: dict[int, list[int]] = defaultdict(list)
    for i, root in enumerate(roots):
        members[root].append(i)
    blocks: dict[str, list[Summary]] = defaultdict(list)
    for root, idx in members.items():
        item = summary(root, idx, vecs, dates, figs)
        for key in blocking_keys(item[2], CENTROID_KEYS):
            blocks[key].append(item)
    merged = components(pair for block in blocks.values() for pair in centroid_links(block))
    return [merged.get(root, root) for root in roots]
