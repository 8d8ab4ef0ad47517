"""Series: the claims of one measure about one subject (and place) across a story's reports.

A claim's series key is its measure, its subject reduced to a head noun (``people`` for the
words that name people in general: *people*, *victims*, *dead*, *bodies*, a missing subject...)
and its place when the claim names one that is not the story's own place (a place named in most
of the story's leads is the story's place). Background figures (a claim dated long before its
report: an earlier disaster) are left out. Each report gives at most one point per series, its
first claim there; a copy whose figure is its canonical's adds nothing (copies count once).

Points are ordered by the claim's time, else the report's publication time. A **revision** is
two consecutive points whose bounds differ (``same_source`` says whether both name one source);
a **conflict** is two points from different sources at the same time whose bounds do not overlap.
"""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from datetime import date, datetime, timedelta
from typing import Any

from newsclaims.stories.view import parse_time, published

#: Subject words that name people in general: one series ``people``.
GENERIC = frozenset(
    """
    people persons person individuals victims dead deaths bodies lives others more residents
    casualties fatalities total toll many some those cases case
    """.split()
)
# (the engine counts epidemic cases only when they died: "29 cases died" are 29 people dead)
#: Head words of a subject are read up to the first of these.
_CUT = re.compile(r"\b(?:of|on|in|at|from|for|with|who|that|aboard|inside|near|including)\b")
_WORD = re.compile(r"[^\W\d_][\w'-]*", re.UNICODE)
#: A claim dated this long before its report is background, not the story's figure.
BACKGROUND = timedelta(days=60)
#: Leads read to find the story's own places.
LEAD_CHARS = 600


def subject_key(claim: Mapping[str, Any]) -> str:
    """The head noun of the claim's subject, ``people`` for people in general."""
    text = ((claim.get("subject") or {}).get("text") or "").casefold()
    words = _WORD.findall(_CUT.split(text, maxsplit=1)[0])
    words = [w for w in words if w not in {"the", "a", "an", "all", "other", "innocent"}]
    if not words:
        return "people"
    head = str(words[-1])
    if head in GENERIC:
        return "people"
    return head[:-1] if head.endswith("s") and not head.endswith("ss") else head


def source_of(claim: Mapping[str, Any]) -> str | None:
    """The name of the claim's first source (``None`` when the outlet asserts it)."""
    for att in claim.get("attribution") or ():
        if att.get("role", "source") == "source":
            name = att.get("name") or att.get("text") or att.get("key")
            return str(name) if name else None
    return None


def _source_key(claim: Mapping[str, Any]) -> str | None:
    for att in claim.get("attribution") or ():
        if att.get("role", "source") == "source":
            key = att.get("key") or att.get("name")
            return str(key).casefold() if key else None
    return None


def story_places(reports: Sequence[Mapping[str, Any]], places: set[str]) -> set[str]:
    """The places (of *places*) named in the title or lead of at least half the reports."""
    counts: dict[str, int] = defaultdict(int)
    for report in reports:
        lead = (report.get("title") or "") + " " + (report.get("text") or "")[:LEAD_CHARS]
        lead = lead.casefold()
        for place in places:
            if place in lead:
                counts[place] += 1
    return {p for p, c in counts.items() if 2 * c >= len(reports)}


#: A name in Title Case (a place, when a locative word or a list after one introduces it).
_NAME = r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*"
#: "in Vardia and Korneland", "across Ostmark, Vell or Pradia": each name is a place.
_LOCATIVE_LIST = re.compile(
    rf"\b(?:in|across|throughout|near|outside)\s+({_NAME}(?:(?:,\s+|,?\s+(?:and|or)\s+){_NAME})*)"
)
_LIST_SEP = re.compile(r",\s+|,?\s+(?:and|or)\s+")
_NOT_PLACE = frozenset(
    """
    january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday the a an this that these those
    """.split()
)
#: A sentence whose subject is a name that reports figures: "Vardia has reported 6 cases,
#: including 5 deaths", "In addition, Vardia has identified 2 cases, both of whom died".
_PLACE_REPORTS = re.compile(
    rf"^(?:(?:In\s+addition|Meanwhile|Separately|Elsewhere|Also),\s+)?(?P<name>{_NAME})\s+"
    r"(?:(?:has|have|had)\s+)?(?:also\s+)?(?:now\s+)?"
    r"(?:reported|identified|confirmed|recorded|registered|notified|counted)\b"
)


def text_places(reports: Sequence[Mapping[str, Any]]) -> set[str]:
    """The names (casefolded) that the reports' texts give after a locative word ("in X",
    "in X and Y", "across X, Y or Z")."""
    found: set[str] = set()
    for report in reports:
        for m in _LOCATIVE_LIST.finditer(report.get("text") or ""):
            for name in _LIST_SEP.split(m.group(1)):
                if name.split()[0].casefold() not in _NOT_PLACE:
                    found.add(name.casefold())
    return found


def reporting_place(claim: Mapping[str, Any], places: set[str]) -> str:
    """The place that reports the claim's figure as its sentence's subject ("Vardia has
    reported 6 cases, including 5 deaths": Vardia's deaths), when *places* (names the
    story's texts give as places) holds it; else ``""``. The engine, which knows no places,
    takes such a name for a source or for nothing."""
    m = _PLACE_REPORTS.match((claim.get("quote") or "").lstrip())
    if m is None or m.group("name").casefold() not in places:
        return ""
    return m.group("name")


def _transposed(word: str) -> set[str]:
    return {word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(len(word) - 1)}


def spelling_of_places(counts: Mapping[str, int]) -> dict[str, str]:
    """Each place (casefolded) to the spelling the story uses most: a name written with two
    neighbouring letters swapped ("Ashfrod County" beside "Ashford County") is a slip of the
    pen, the same place (names of 6 letters or more; the more frequent spelling wins)."""
    out = {}
    for place in counts:
        if len(place) < 6:
            continue
        rivals = [q for q in _transposed(place) if q != place and q in counts]
        best = max(rivals, key=lambda q: (counts[q], q), default=None)
        if best is not None and (counts[best], best) > (counts[place], place):
            out[place] = best
    return out


#: A figure: digits, or a count word ("the 12 killed in", "the three killed in").
_FIGURE = re.compile(
    r"(?<![\w.,])\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens"
    r"|hundreds|thousands|[a-z]+teen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)\b",
    re.I,
)


def after_another_figure(claim: Mapping[str, Any], part: str) -> bool:
    """Whether the quote names the claim's *part* (``location``, ``time``) only after another
    figure ("53 were wounded in the attack, which surpassed the 32 killed in the 2007 massacre
    at X": X and 2007 are the 32's place and time, not the 53's)."""
    quote = claim.get("quote") or ""
    said = (claim.get(part) or {}).get("text") or ""
    figure = (claim.get("value") or {}).get("text") or ""
    at = quote.find(figure) if figure else -1
    if not said or at < 0:
        return False
    where = quote.find(said, at + len(figure))
    return where > 0 and _FIGURE.search(quote, at + len(figure), where) is not None


def named_place(claim: Mapping[str, Any], places: set[str]) -> str:
    """The one place of *places* (the story's claim locations) that the claim's quote names.

    A claim the engine gave no location is still placed when its sentence names exactly one
    place that other claims of the story are located at (``15 deaths in X County``): the
    figure is that place's, not the story's whole. Two places named: no place (ambiguous).
    """
    quote = (claim.get("quote") or "").casefold()
    found = {p for p in places if p and re.search(r"\b" + re.escape(p) + r"\b", quote)}
    found = {p for p in found if not any(p != q and p in q for q in found)}
    return found.pop().title() if len(found) == 1 else ""


def _claim_time(claim: Mapping[str, Any]) -> datetime | None:
    return parse_time((claim.get("time") or {}).get("start"))


def order_time(
    claim: Mapping[str, Any], pub: datetime | None, pub_day: date | None = None
) -> datetime | None:
    """When a point stands in its series: the claim's time, else the report's publication time.

    A claim dated by a day alone (no time of day) on or before the report's publication ("on
    Monday", "the earthquake on Saturday killed at least 39") dates the event, not the figure:
    the figure is as of the report, so the publication time orders it (the version of 14:37
    after the one of 11:12 that day; Tuesday's toll after Saturday's). Claims dated long before
    (:data:`BACKGROUND`) are left out anyway; a time of day, or a day after the publication,
    orders by itself. *pub_day* is the publication's day where it was published (its own
    zone: a report of 00:30 at UTC+9 is of that day, though of the day before in UTC).
    """
    when = _claim_time(claim)
    if when is None or pub is None:
        return when or pub
    start = str((claim.get("time") or {}).get("start") or "")
    day_only = len(start) <= len("2024-07-22")
    if day_only and when.date() <= (pub_day or pub.date()):
        return pub
    return when


def local_day(report: Mapping[str, Any]) -> date | None:
    """The day of the report's publication in its own zone (as its date-time string gives it)."""
    value = report.get("published")
    if not isinstance(value, str) or not value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError:
        return None


def _value(claim: Mapping[str, Any]) -> tuple[Any, Any]:
    value = claim.get("value") or {}
    return value.get("low"), value.get("high")


def build(
    reports: Sequence[Mapping[str, Any]], canonical: Sequence[int] | None = None
) -> list[dict[str, Any]]:
    """The series of one story's *reports*, each with its revisions and conflicts.

    *canonical* gives for each report the position (in *reports*) of its copy set's canonical.
    """
    canon = list(canonical) if canonical is not None else list(range(len(reports)))
    counts: dict[str, int] = defaultdict(int)
    for r in reports:
        for c in r.get("claims") or ():
            if c.get("measure") and (c.get("location") or {}).get("text"):
                counts[c["location"]["text"].casefold()] += 1
    places = set(counts)
    spelling = spelling_of_places(counts)
    own = story_places(reports, places)
    named = text_places(reports) | places
    series: dict[tuple[str, str, str], dict[str, Any]] = {}
    figures_by_report: dict[int, dict[tuple[str, str, str], tuple[Any, Any]]] = defaultdict(dict)
    # the point of a report that a later exact figure of its own replaces (vague first figures)
    precise: dict[tuple[int, tuple[str, str, str]], dict[str, Any]] = {}
    for index, report in enumerate(reports):
        pub = published(dict(report))
        claims = sorted(
            (c for c in report.get("claims") or () if c.get("measure") and c.get("value")),
            key=lambda c: tuple(c.get("span") or (0, 0)),
        )
        for claim in claims:
            if _value(claim) == (None, None) or "increment" in (claim.get("flags") or ()):
                continue  # an increment ("two more died") is a change, not the figure
            borrowed = after_another_figure(claim, "time")
            when = None if borrowed else _claim_time(claim)
            # a span ("this year") that reaches the report is no background
            until = None if borrowed else parse_time((claim.get("time") or {}).get("end")) or when
            if until is not None and pub is not None and until < pub - BACKGROUND:
                continue
            if after_another_figure(claim, "location"):
                location = ""
            else:
                location = (
                    (claim.get("location") or {}).get("text")
                    or reporting_place(claim, named)
                    or named_place(claim, places - own)
                )
            place = "" if location.casefold() in own else location.casefold()
            place = spelling.get(place, place)
            key = (str(claim["measure"]), subject_key(claim), place)
            if key in figures_by_report[index]:
                # one point per report and series: its first claim there, unless that is a
                # vague figure ("dozens taken to hospital") and this one is exact ("a total of
                # 115")
                first = precise.get((index, key))
                if first is None or (claim.get("value") or {}).get("approximate"):
                    continue
                precise.pop((index, key))
                series[key]["points"].remove(first)
            figures_by_report[index][key] = _value(claim)
            origin = canon[index]
            if origin != index and figures_by_report[origin].get(key) == _value(claim):
                continue  # a copy repeating its canonical's figure counts once
            entry = series.setdefault(
                key,
                {"measure": key[0], "subject": key[1], "place": location or None, "points": []},
            )
            value = claim["value"]
            moment = when or pub
            point = {
                "time": moment.isoformat() if moment else None,
                "low": value.get("low"),
                "high": value.get("high"),
                "low_inclusive": value.get("low_inclusive"),
                "high_inclusive": value.get("high_inclusive"),
                "approximate": bool(value.get("approximate")),
                "source": source_of(claim),
                "report": report.get("id"),
                "quote": claim.get("quote"),
                "_order": (
                    order_time({} if borrowed else claim, pub, local_day(report)) or datetime.max,
                    pub or datetime.max,
                    index,
                ),
                "_source": _source_key(claim),
                "_dated": when is not None,
                "_published": pub,
            }
            entry["points"].append(point)
            if point["approximate"]:
                precise[(index, key)] = point
    out = []
    for entry in series.values():
        points = sorted(entry["points"], key=lambda p: p["_order"])
        entry["revisions"] = revisions(points)
        entry["conflicts"] = conflicts(points)
        for p in points:
            for private in ("_order", "_source", "_dated", "_published"):
                del p[private]
        entry["points"] = points
        out.append(entry)
    out.sort(key=lambda s: (-len(s["points"]), s["measure"], s["subject"], s["place"] or ""))
    return out


def _bounds(p: Mapping[str, Any]) -> tuple[Any, ...]:
    return (p["low"], p["high"], p["low_inclusive"], p["high_inclusive"])


def revisions(points: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Consecutive points whose bounds differ: the figure was revised (up, down or reworded)."""
    found = []
    for prev, point in itertools.pairwise(points):
        if _bounds(prev) == _bounds(point):
            continue
        before = prev["low"] if prev["low"] is not None else prev["high"]
        after = point["low"] if point["low"] is not None else point["high"]
        direction = "changed"
        if before is not None and after is not None and before != after:
            direction = "up" if after > before else "down"
        same = prev["_source"] is not None and prev["_source"] == point["_source"]
        found.append(
            {
                "from": prev["report"],
                "to": point["report"],
                "from_time": prev["time"],
                "to_time": point["time"],
                "direction": direction,
                "same_source": same,
                "source": point["source"] if same else None,
            }
        )
    return found


def _overlap(p: Mapping[str, Any], q: Mapping[str, Any]) -> bool:
    lo_p = p["low"] if p["low"] is not None else float("-inf")
    hi_p = p["high"] if p["high"] is not None else float("inf")
    lo_q = q["low"] if q["low"] is not None else float("-inf")
    hi_q = q["high"] if q["high"] is not None else float("inf")
    if hi_p < lo_q or hi_q < lo_p:
        return False
    if hi_p == lo_q and not (p["high_inclusive"] is not False and q["low_inclusive"] is not False):
        return False
    return not (
        hi_q == lo_p and not (q["high_inclusive"] is not False and p["low_inclusive"] is not False)
    )


def _same_time(p: Mapping[str, Any], q: Mapping[str, Any]) -> bool:
    if p["_dated"] and q["_dated"]:
        return bool(p["time"] == q["time"])
    if p["_dated"] or q["_dated"]:
        return False
    return p["_published"] is not None and p["_published"] == q["_published"]


def conflicts(points: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Points from different sources at the same time whose bounds do not overlap."""
    found = []
    for x, p in enumerate(points):
        for q in points[x + 1 :]:
            if p["_source"] == q["_source"] or not _same_time(p, q) or _overlap(p, q):
                continue
            found.append(
                {
                    "time": p["time"],
                    "reports": [p["report"], q["report"]],
                    "sources": [p["source"], q["source"]],
                }
            )
    return found
