"""Many cores and dask: ``extract --jobs 1`` against ``--jobs 2`` and the dask path, one run.

Run from the project root::

    python benchmarks/scaling.py [--files 1200] [--repeat 2]

Inputs: ``--files`` text files made from the texts of ../shared/corpus (conflict, varied,
stories), each with a line of its own so no two are alike, written once to a temporary folder.
Every variant reads the same files and is timed as wall time, alternating (jobs 1, jobs 2,
dask with 2 worker processes) ``--repeat`` times; the best of each is kept. Printed: the
1-minute load average before and after (the machine is shared: ratios, not rates, are the
result), each variant's files/s, the ratios (issue 14: ``--jobs 2`` at least 1.8x one job where
two cores are free; dask within 1.2x of ``--jobs 2``), and whether the dask records equal
``extract``'s (every field, in input order).

How it spreads over a cluster. Each input is independent: ``newsclaims.dask.reports`` splits
the files into units (64 files, or one WARC file, per partition) and each dask worker builds
its plugin host once and parses its units; a cluster of N cores runs N units at a time, and
the records are written by partition (``to_textfiles``, the claims frame to parquet) without
passing through the client. Stories (``newsclaims.stories.dask.stories_bag``) then shuffle
by blocking key. What stays serial: listing the inputs and cutting them into units on the
client (a directory walk; each WARC file is one unit, since a gzip member stream is read in
order), the plugin host's start in each worker (once per process), the union-find over
report numbers for stories, and with ``extract`` the parent's writer, which receives every
record in input order (one process pickles, orders and writes all output).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "corpus"


def make_inputs(folder: Path, count: int) -> list[Path]:
    """*count* text files from the corpus texts, each made unique by a line of its own."""
    texts = []
    for sub in ("conflict", "varied", "stories"):
        for path in sorted((SHARED / sub).rglob("*")):
            if path.is_file() and path.suffix in {".txt", ".md"} and path.name != "README.md":
                texts.append(path.read_text("utf-8", errors="replace"))
    if not texts:
        sys.exit("../shared/corpus is not present")
    paths = []
    for i in range(count):
        path = folder / f"{i:06d}.txt"
        path.write_text(texts[i % len(texts)] + f"\n\nReference {i}.\n", "utf-8")
        paths.append(path)
    return paths


def run_extract(folder: Path, jobs: int, out: Path) -> float:
    cmd = [sys.executable, "-m", "newsclaims.cli", "extract", str(folder), "-q", "-j", str(jobs)]
    start = time.perf_counter()
    subprocess.run([*cmd, "-o", str(out)], check=True, cwd=ROOT)
    return time.perf_counter() - start


DASK_CHILD = """
import json, sys, time
start = time.perf_counter()
import dask
from newsclaims.dask import reports
folder, out, workers = sys.argv[1], sys.argv[2], int(sys.argv[3])
with dask.config.set(scheduler="processes", num_workers=workers):
    records = reports([folder]).compute()
with open(out, "w", encoding="utf-8") as f:
    for record in records:
        f.write(json.dumps(record, ensure_ascii=False) + "\\n")
"""


def run_dask(folder: Path, workers: int, out: Path) -> float:
    """The dask path as a whole process (imports, the pool of worker processes, output)."""
    start = time.perf_counter()
    cmd = [sys.executable, "-c", DASK_CHILD, str(folder), str(out), str(workers)]
    subprocess.run(cmd, check=True, cwd=ROOT)
    return time.perf_counter() - start


def records(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--files", type=int, default=1200)
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    print(f"load average before: {os.getloadavg()}  cores: {os.cpu_count()}", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        make_inputs(folder, args.files)
        best: dict[str, float] = {}
        variants: dict[str, Callable[[], float]] = {
            "jobs1": lambda: run_extract(folder, 1, Path(tmp) / "j1.jsonl"),
            "jobs2": lambda: run_extract(folder, 2, Path(tmp) / "j2.jsonl"),
            "dask2": lambda: run_dask(folder, 2, Path(tmp) / "dask.jsonl"),
        }
        for _ in range(args.repeat):
            for name, run in variants.items():
                seconds = run()
                best[name] = min(best.get(name, seconds), seconds)
                print(f"  {name}: {seconds:.2f} s  load {os.getloadavg()[0]:.2f}", flush=True)
        same = records(Path(tmp) / "j2.jsonl") == records(Path(tmp) / "dask.jsonl")
        same_jobs = records(Path(tmp) / "j1.jsonl") == records(Path(tmp) / "j2.jsonl")
    print(f"load average after: {os.getloadavg()}")
    for name, seconds in best.items():
        print(f"{name}: {args.files / seconds:8.1f} files/s  ({seconds:.2f} s, best)")
    print(f"jobs 2 / jobs 1 speed-up: {best['jobs1'] / best['jobs2']:.2f}x (target >= 1.8x)")
    print(f"dask / jobs 2 time: {best['dask2'] / best['jobs2']:.2f}x (target <= 1.2x)")
    print(f"same output: jobs 1 = jobs 2 {same_jobs}, dask = jobs 2 {same}")


if __name__ == "__main__":
    main()
