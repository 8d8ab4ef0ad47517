"""HTML -> claims against ``trafilatura.extract(with_metadata=True)`` alone (issue 14).

On every page of ``../shared/corpus/bench/<set>/`` (and ``../shared/corpus/html/``), in one
process and interleaved page by page (so load on the machine falls on both alike), it times
``newsclaims.parse_bytes(page, url=...)`` (decode, metadata, body, claims: the whole report)
and ``trafilatura.extract(page, url=..., with_metadata=True)`` (body and metadata only),
each page ``--repeat`` times with the fastest run kept. It prints the ratio of total times
(target at most 0.7x) and both extractors' body F1 on the bench sets (target: equal or
better). Run from the project root: ``python benchmarks/html_speed.py``.

The clock is the process's CPU time (``--clock cpu``, the default): on a machine shared
with other work, wall time (``--clock wall``) also counts the time the process waited
for a core, which falls on the two sides unevenly. ``--rounds N`` repeats the whole
interleaved pass N times and prints each round's ratio and their median. ``--parts`` adds
one more pass of newsclaims alone that splits its time: trafilatura's extraction inside the
HTML plugin (``newsclaims_html.extraction``), the report with its claims (``build_report``),
and the rest (decoding, parsing, metadata, pruning and the body's clean-up).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bodies import BENCH, SETS, f1

TARGET_RATIO = 0.7
CORPUS_HTML = BENCH.parent / "html"


def pages(sets: list[str]) -> list[tuple[str, bytes, str | None, str | None]]:
    """``(name, page, url, gold)`` of the bench sets' pages and of the shared HTML corpus."""
    out: list[tuple[str, bytes, str | None, str | None]] = []
    for s in sets:
        for line in (BENCH / s / "index.jsonl").read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            raw = (BENCH / s / "html" / f"{row['id']}.html").read_bytes()
            gold = (BENCH / s / "gt" / f"{row['id']}.txt").read_text(encoding="utf-8")
            out.append((f"{s}/{row['id']}", raw, row.get("url"), gold))
    for path in sorted(CORPUS_HTML.glob("*.html")) if CORPUS_HTML.is_dir() else ():
        out.append((f"html/{path.name}", path.read_bytes(), None, None))
    return out


CLOCKS = {"cpu": time.process_time, "wall": time.perf_counter}


def best(run: object, repeat: int, clock: object = time.process_time) -> tuple[float, object]:
    """The fastest of ``repeat`` calls of ``run`` by ``clock``, and its result."""
    fastest, result = float("inf"), None
    for _ in range(repeat):
        t = clock()  # type: ignore[operator]
        result = run()  # type: ignore[operator]
        fastest = min(fastest, clock() - t)  # type: ignore[operator]
    return fastest, result


def print_parts(todo: list[tuple[str, bytes, str | None, str | None]], clock: object) -> None:
    """One pass of ``parse_bytes`` over ``todo``, its time split into parts."""
    import newsclaims_html.extraction as extraction

    import newsclaims
    import newsclaims.pipeline as pipeline

    spent = {"trafilatura": 0.0, "report": 0.0}

    def timed(part: str, run: object) -> object:
        def wrapper(*args: object, **kwargs: object) -> object:
            t = clock()  # type: ignore[operator]
            try:
                return run(*args, **kwargs)  # type: ignore[operator]
            finally:
                spent[part] += clock() - t  # type: ignore[operator]

        return wrapper

    saved = extraction._extract, pipeline.build_report
    extraction._extract = timed("trafilatura", saved[0])  # type: ignore[assignment]
    pipeline.build_report = timed("report", saved[1])  # type: ignore[assignment]
    try:
        t = clock()  # type: ignore[operator]
        for _, raw, url, _ in todo:
            newsclaims.parse_bytes(raw, url=url)
        total = clock() - t  # type: ignore[operator]
    finally:
        extraction._extract, pipeline.build_report = saved
    rest = total - spent["trafilatura"] - spent["report"]
    print(f"parts of one newsclaims pass ({total:.2f} s):")
    for name, seconds in (
        ("trafilatura's extraction (html plugin)", spent["trafilatura"]),
        ("report and claims (build_report)", spent["report"]),
        ("the rest (decode, parse, metadata, prune, clean-up)", rest),
    ):
        print(f"  {name:52s} {seconds:7.2f} s {seconds / total:6.1%}")


def main() -> int:
    """Time both on every page; print the ratio and the body F1 of each."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sets", default=",".join(SETS))
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--rounds", type=int, default=1, help="interleaved passes over all pages")
    ap.add_argument("--clock", choices=sorted(CLOCKS), default="cpu")
    ap.add_argument("--parts", action="store_true", help="split newsclaims' time into parts")
    args = ap.parse_args()
    clock = CLOCKS[args.clock]
    if not BENCH.is_dir():
        print(f"no benchmark sets at {BENCH}", file=sys.stderr)
        return 1
    import trafilatura

    import newsclaims

    todo = pages(args.sets.split(","))
    newsclaims.parse_bytes(todo[0][1], url=todo[0][2])  # imports and first-call costs
    trafilatura.extract(todo[0][1].decode("utf-8", "replace"), with_metadata=True)
    ratios: list[float] = []
    for _ in range(args.rounds):
        ours = theirs = 0.0
        f1_ours: list[float] = []
        f1_theirs: list[float] = []
        for _, raw, url, gold in todo:
            seconds, report = best(
                lambda r=raw, u=url: newsclaims.parse_bytes(r, url=u), args.repeat, clock
            )
            ours += seconds
            text = raw.decode("utf-8", "replace")  # trafilatura is given text, not bytes to sniff
            seconds, extracted = best(
                lambda t=text, u=url: trafilatura.extract(t, url=u, with_metadata=True),
                args.repeat,
                clock,
            )
            theirs += seconds
            if gold is not None:
                f1_ours.append(f1(report.text, gold))  # type: ignore[attr-defined]
                # trafilatura's metadata header (title, author ...) is not body text
                body = str(extracted or "")
                if body.startswith("---\n"):
                    body = body.split("\n---\n", 1)[-1]
                f1_theirs.append(f1(body, gold))
        ratios.append(ours / theirs)
        if args.rounds > 1:
            print(f"round {len(ratios)}: {ours:.2f} s / {theirs:.2f} s = {ratios[-1]:.3f}x")
    ratio = statistics.median(ratios)
    print(f"pages: {len(todo)} ({len(f1_ours)} with gold text)")
    print(f"newsclaims.parse_bytes -> report with claims  {ours:8.2f} s")
    print(f"trafilatura.extract(with_metadata=True)      {theirs:8.2f} s")
    print(f"(the last round, {args.clock} time)")
    print(
        f"ratio {ratio:.3f}x{' (median of rounds)' if args.rounds > 1 else ''} "
        f"(target <= {TARGET_RATIO}x: {'met' if ratio <= TARGET_RATIO else 'not met'})"
    )
    if args.parts:
        print_parts(todo, clock)
    mine, other = statistics.mean(f1_ours), statistics.mean(f1_theirs)
    print(
        f"body F1 newsclaims {mine:.4f} trafilatura {other:.4f} "
        f"({'met' if mine >= other else 'not met'})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
