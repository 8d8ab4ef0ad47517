"""Stories throughput: reports/s and peak memory of ``newsclaims.stories`` on synthetic reports.

Run from the project root::

    python benchmarks/stories.py [--sizes 10000,30000,100000] [--check]

The synthetic reports are made from the real ones of ../shared/corpus/stories (parsed once
with the installed plugins): synthetic story *k* is a copy of one real cluster whose names
(its capitalized words) and half of its other words are replaced by words made for *k*,
moved to its own days
(the eight clusters' copies of one period start hours apart, the next period
CLONE_DAYS later, so the density of reports per day is the same at every size);
each of its reports gets small edits (a sentence dropped, a figure changed, a boilerplate line
added). Each size runs in its own process: the time and the peak resident memory that
``stories()`` added (over the reports already in memory) are printed, with their ratios to the
smallest size per report, so linear cost shows as ratios near 1. ``--check`` also scores the
grouping against the synthetic truth (pairwise precision/recall over sampled pairs).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import subprocess
import sys
import time
from collections import defaultdict
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "stories"
CAPITAL = re.compile(r"\b[A-Z][a-z]{2,}\b")
LOWER = re.compile(r"\b[a-z]{4,}\b")
#: Share of a cluster's lower-case words renamed in each synthetic story.
REWORD = 0.5
SENTENCE = re.compile(r"(?<=[.!?])\s+")
SYLLABLES = "ba be bi bo bu da de di do du ka ke ki ko ku la le li lo lu ma me mi mo mu na ne ni "
SYLLABLES += "no nu ra re ri ro ru sa se si so su ta te ti to tu va ve vi vo vu za ze zi zo zu"
PARTS = SYLLABLES.split()
CLONE_DAYS = 20


def real_clusters() -> dict[str, list[dict[str, Any]]]:
    """The parsed reports of ../shared/corpus/stories by cluster (with their labelled dates)."""
    import newsclaims
    from newsclaims.host import PluginHost, Settings
    from newsclaims.serialize import report_to_dict

    expected = json.loads((ROOT / "tests" / "stories" / "expected.json").read_text("utf-8"))
    labelled = {r["file"]: r["published"] for s in expected["stories"] for r in s["reports"]}
    host = PluginHost(settings=Settings(autoload=True))
    paths = [CORPUS / name for name in labelled]
    clusters: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for path, report in zip(paths, newsclaims.parse_many(paths, host=host), strict=True):
        item = report_to_dict(report)  # type: ignore[arg-type]
        name = path.relative_to(CORPUS).as_posix()
        item["published"] = item["published"] or labelled[name]
        clusters[name.split("/")[0]].append(item)
    return clusters


def _name(rng: random.Random) -> str:
    return "".join(rng.choice(PARTS) for _ in range(rng.randint(2, 4)))


def synthetic(size: int, clusters: dict[str, list[dict[str, Any]]], seed: int = 7) -> list[Any]:
    """*size* synthetic reports (see the module docstring), each with its true story key."""
    rng = random.Random(seed)
    keys = sorted(clusters)
    out: list[dict[str, Any]] = []
    base = datetime(2020, 1, 1)
    k = 0
    while len(out) < size:
        cluster = clusters[keys[k % len(keys)]]
        names = {w for r in cluster for w in CAPITAL.findall((r["title"] or "") + r["text"])}
        # and half of the other words: the clones of one cluster are other events, not copies
        words = {w for r in cluster for w in LOWER.findall(r["text"])}
        names |= {w for w in sorted(words) if rng.random() < REWORD}
        mapping = {w: _name(rng).capitalize() if w[0].isupper() else _name(rng) for w in names}
        pattern = re.compile(r"\b(" + "|".join(map(re.escape, sorted(names))) + r")\b")

        def rename(m: re.Match[str], mapping: dict[str, str] = mapping) -> str:
            return mapping[m.group()]

        first = min(datetime.fromisoformat(r["published"].rstrip("Z")) for r in cluster)
        # the clones of one cluster are CLONE_DAYS apart (further than a story's window, or
        # they would be one story: only their names differ); the 8 clusters' clones of one
        # period start hours apart
        start = base + timedelta(days=CLONE_DAYS * (k // len(keys)), hours=2 * (k % len(keys)))
        for report in cluster:
            if len(out) >= size:
                break
            text = pattern.sub(rename, report["text"])
            sentences = SENTENCE.split(text)
            if len(sentences) > 4:
                del sentences[rng.randrange(1, len(sentences))]
            text = " ".join(sentences) + f"\n\nRead more at {_name(rng).lower()}.example."
            text = re.sub(
                r"\b\d+\b", lambda m: str(int(m.group()) + rng.choice((0, 0, 1))), text, count=1
            )
            when = start + (datetime.fromisoformat(report["published"].rstrip("Z")) - first)
            out.append(
                {
                    **report,
                    "id": f"s{k}-{len(out)}",
                    "text": text,
                    "title": pattern.sub(rename, report["title"] or ""),
                    "published": when.isoformat(),
                    "input": f"synthetic/{k}/{len(out)}",
                    "_truth": k,
                }
            )
        k += 1
    return out


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child(size: int, check: bool) -> None:
    """One measured run (in a fresh process): prints one JSON line."""
    import newsclaims

    clusters = real_clusters()
    reports = synthetic(size, clusters)
    truth = {r["id"]: r.pop("_truth") for r in reports}
    newsclaims.stories(synthetic(60, clusters))  # imports and first-call costs, not timed
    before = _rss_mb()
    start = time.perf_counter()
    result = newsclaims.stories(reports)
    seconds = time.perf_counter() - start
    row: dict[str, Any] = {
        "reports": size,
        "seconds": round(seconds, 2),
        "reports_per_s": round(size / seconds, 1),
        "added_peak_mb": round(_rss_mb() - before, 1),
        "stories": len(result),
        "copies": sum(1 for s in result for r in s["reports"] if r["copy_of"]),
    }
    if check:
        got = {r["id"]: s["story"] for s in result for r in s["reports"]}
        rng = random.Random(1)
        ids = list(got)
        by_truth: dict[int, list[str]] = defaultdict(list)
        for rid, key in truth.items():
            by_truth[key].append(rid)
        same = [(a, b) for g in by_truth.values() for a in g for b in g if a < b]
        joined = sum(got[a] == got[b] for a, b in same)
        pairs = [tuple(rng.sample(ids, 2)) for _ in range(20000)]
        false = sum(got[a] == got[b] and truth[a] != truth[b] for a, b in pairs)
        row["recall"] = round(joined / len(same), 4)
        row["false_joins_in_20000_random_pairs"] = false
        row["story_size_max"] = max(len(s["reports"]) for s in result)
    print(json.dumps(row), flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="10000,30000,100000")
    parser.add_argument("--check", action="store_true", help="score against the synthetic truth")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.check)
        return
    if not CORPUS.is_dir():
        sys.exit("../shared/corpus/stories is not present")
    rows = []
    for size in (int(s) for s in args.sizes.split(",")):
        cmd = [sys.executable, __file__, "--child", str(size)] + (["--check"] if args.check else [])
        out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
        rows.append(json.loads(out.strip().splitlines()[-1]))
        print(json.dumps(rows[-1]), flush=True)
    first = rows[0]
    print(f"{'reports':>8} {'reports/s':>10} {'s/report ratio':>15} {'MB/report ratio':>16}")
    for row in rows:
        time_ratio = (row["seconds"] / row["reports"]) / (first["seconds"] / first["reports"])
        mem_ratio = (max(row["added_peak_mb"], 0.1) / row["reports"]) / (
            max(first["added_peak_mb"], 0.1) / first["reports"]
        )
        print(
            f"{row['reports']:>8} {row['reports_per_s']:>10} {time_ratio:>15.2f} {mem_ratio:>16.2f}"
        )


if __name__ == "__main__":
    main()
