"""Claims-engine throughput: sentences/s and documents/s, and the share of time in dateparser.

Run from the project root::

    python benchmarks/claims_engine.py [--repeat 5]

It reads the seeds, the project's own test articles (tests/articles) and, when present,
../shared/corpus/conflict; cleans each once with the installed plugins (not timed), then
times :func:`newsclaims.claims.extract_claims` alone over all of them, ``--repeat`` times,
with and without the caches warm. The dateparser share is measured by wrapping
``dateparser.parse`` in the same process during the same runs.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path
from typing import Any

import dateparser

from newsclaims import parse
from newsclaims.claims import extract_claims, timex
from newsclaims.claims.sentences import split_sentences
from newsclaims.dates import parse_date
from newsclaims.pipeline import default_host

ROOT = Path(__file__).resolve().parents[1]


def corpus() -> list[tuple[str, str, Any]]:
    """(name, clean text, publication date) of every benchmark article."""
    paths = sorted((ROOT / "seeds").glob("*.txt")) + sorted(
        (ROOT / "tests" / "articles").glob("*.txt")
    )
    conflict = ROOT.parent / "shared" / "corpus" / "conflict"
    if conflict.is_dir():
        paths += sorted(conflict.glob("*.txt"))
    out = []
    for p in paths:
        report = parse(p, published="2024-06-01")
        out.append((p.name, report.text, parse_date(report.published)))
    return out


class Timer:
    """Wraps ``dateparser.parse`` and adds up the seconds spent inside it."""

    def __init__(self) -> None:
        self.seconds = 0.0
        self.calls = 0
        self._orig = dateparser.parse

    def __enter__(self) -> Timer:
        def timed(*args: Any, **kwargs: Any) -> Any:
            t0 = time.perf_counter()
            try:
                return self._orig(*args, **kwargs)
            finally:
                self.seconds += time.perf_counter() - t0
                self.calls += 1

        dateparser.parse = timed
        return self

    def __exit__(self, *exc: object) -> None:
        dateparser.parse = self._orig


def run(docs: list[tuple[str, str, Any]], knowledge: Any) -> tuple[float, int]:
    claims = 0
    t0 = time.perf_counter()
    for _name, text, published in docs:
        claims += len(extract_claims(text, published=published, knowledge=knowledge))
    return time.perf_counter() - t0, claims


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=5)
    a = ap.parse_args(argv)
    docs = corpus()
    knowledge = default_host().knowledge
    sentences = sum(len(split_sentences(text)) for _n, text, _p in docs)
    chars = sum(len(text) for _n, text, _p in docs)

    timex._dateparser.cache_clear()
    with Timer() as cold_dp:
        cold, claims = run(docs, knowledge)  # first pass: caches and lazy imports cold
    warm_times = []
    with Timer() as warm_dp:
        for _ in range(a.repeat):
            timex._dateparser.cache_clear()  # keep dateparser in the measured path
            seconds, _ = run(docs, knowledge)
            warm_times.append(seconds)
    warm = statistics.median(warm_times)
    per_run_dp = warm_dp.seconds / a.repeat

    print(f"articles={len(docs)} sentences={sentences} chars={chars} claims={claims}")
    print(
        f"cold run: {cold:.3f} s ({len(docs) / cold:.1f} docs/s), "
        f"dateparser {cold_dp.seconds:.3f} s in {cold_dp.calls} calls "
        f"({cold_dp.seconds / cold:.1%})"
    )
    print(f"warm runs (median of {a.repeat}): {warm:.3f} s")
    print(f"  documents/s: {len(docs) / warm:.1f}")
    print(f"  sentences/s: {sentences / warm:.1f}")
    print(
        f"  dateparser: {per_run_dp:.4f} s per run, {warm_dp.calls // a.repeat} calls, "
        f"{per_run_dp / warm:.1%} of engine time"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
