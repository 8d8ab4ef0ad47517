"""Series: the claims of one measure about one subject (and place) across a story's reports."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any


def _source(claim: dict[str, Any], report: dict[str, Any]) -> str | None:
    for att in claim.get("attribution") or ():
        if att.get("role", "source") == "source":
            return str(att.get("key") or att.get("name"))
    src = report.get("source") or {}
    return src.get("original_outlet") or src.get("outlet")


def build(
    reports: Sequence[dict[str, Any]], canonical: Sequence[Any] | None = None
) -> list[dict[str, Any]]:
    """Series of the reports of one story, each with revisions and conflicts.

    *canonical* gives each report's copy-set id: a figure repeated by a copy counts once.
    """
    canon = list(canonical) if canonical is not None else [r.get("id") for r in reports]
    seen: set[tuple[Any, ...]] = set()
    groups: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
    for report, key in zip(reports, canon, strict=True):
        for claim in report.get("claims") or ():
            value = claim.get("value")
            if not claim.get("measure") or not value:
                continue
            subject = (claim.get("subject") or {}).get("text") or ""
            place = (claim.get("location") or {}).get("text") or ""
            once = (key, claim["measure"], value.get("low"), value.get("high"))
            if once in seen:
                continue
            seen.add(once)
            time = (claim.get("time") or {}).get("start") or report.get("published")
            groups[(claim["measure"], subject.lower(), place.lower())].append(
                {
                    "time": time,
                    "low": value.get("low"),
                    "high": value.get("high"),
                    "low_inclusive": value.get("low_inclusive", True),
                    "high_inclusive": value.get("high_inclusive", True),
                    "approximate": value.get("approximate", False),
                    "source": _source(claim, report),
                    "report": report.get("id"),
                    "quote": claim.get("quote"),
                }
            )
    out = []
    for (measure, subject, _place), points in groups.items():
        points.sort(key=lambda p: p["time"] or "")
        revisions, conflicts = [], []
        last: dict[Any, dict[str, Any]] = {}
        for p in points:
            prev = last.get(p["source"])
            if prev and (prev["low"], prev["high"]) != (p["low"], p["high"]):
                revisions.append({"source": p["source"], "from": prev["report"], "to": p["report"]})
            last[p["source"]] = p
        for x, p in enumerate(points):
            for q in points[x + 1 :]:
                if p["time"] == q["time"] and p["source"] != q["source"] and _apart(p, q):
                    conflicts.append({"a": p["report"], "b": q["report"], "time": p["time"]})
        out.append(
            {
                "measure": measure,
                "subject": subject,
                "points": points,
                "revisions": revisions,
                "conflicts": conflicts,
            }
        )
    return out


def _apart(p: dict[str, Any], q: dict[str, Any]) -> bool:
    lo_p, hi_p = p["low"], p["high"]
    lo_q, hi_q = q["low"], q["high"]
    if hi_p is not None and lo_q is not None and hi_p < lo_q:
        return True
    return hi_q is not None and lo_p is not None and hi_q < lo_p
