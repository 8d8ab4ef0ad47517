"""Claims-engine throughput: sentences/s and documents/s, and the share of time in dateparser.

Run from the project root::

    python benchmarks/claims_engine.py [--repeat 5]

It reads every labelled input (the seeds, tests/articles, the documents of tests/gold and,
when present, ../shared/corpus); cleans each once with the installed plugins (not timed), then
times :func:`newsclaims.claims.extract_claims` alone over all of them, ``--repeat`` times,
with and without the caches warm. The dateparser share is measured by wrapping
``dateparser.parse`` in the same process during the same runs.

Against an earlier revision, in one command::

    python benchmarks/claims_engine.py --baseline REV [--rounds 7] [--callgrind]
    python benchmarks/claims_engine.py --baseline REV --sizes 20000,200000,2000000,8000000

The revision's ``src`` and ``plugins`` are extracted (``git archive``) into a temporary
folder. The texts are cleaned once by this tree's plugins, then each engine runs over the
same texts in its own process (``PYTHONPATH`` names its tree), the two alternating
``--rounds`` times so that the machine's load falls on both alike; the ratio is of the
medians. Every worker also prints a hash of all the claims JSON it made, so the run shows
whether the two engines give the same output. Each worker also reports the CPU seconds of its
passes (``time.process_time``), whose ratio a loaded machine disturbs far less than the
wall-clock one. ``--callgrind`` counts the instructions of
one engine pass with ``valgrind --tool=callgrind`` (a run of two passes less a run of
one, so start-up cancels out): repeatable when timing is noisy. ``--sizes`` times the
engine on one text of each size (the first 20,000 characters of the texts above, repeated
and cut, so every size has the same mix of prose), each in a fresh
process, and prints ms per KB (the fastest of repeated runs, after a warm-up) and the peak
resident memory one run added, against the text's size.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


def corpus() -> list[tuple[str, str, Any]]:
    """(name, clean text, publication date) of every labelled input (the inputs of
    ``claims_snapshot.py``: seeds, test articles, gold documents, ../shared/corpus)."""
    from newsclaims import parse
    from newsclaims.dates import parse_date

    sys.path.insert(0, str(ROOT / "benchmarks"))
    from claims_snapshot import labelled_inputs

    out = []
    for name, p, published in labelled_inputs():
        try:
            report = parse(p, published=published or "2024-06-01")
        except Exception:  # an input no plugin reads has no text to time
            continue
        out.append((name, report.text, parse_date(report.published)))
    return out


class Timer:
    """Wraps ``dateparser.parse`` and adds up the seconds spent inside it."""

    def __init__(self) -> None:
        self.seconds = 0.0
        self.calls = 0
        import dateparser

        self._orig = dateparser.parse

    def __enter__(self) -> Timer:
        import dateparser

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
        import dateparser

        dateparser.parse = self._orig


def run(docs: list[tuple[str, str, Any]], knowledge: Any) -> tuple[float, int]:
    from newsclaims.claims import extract_claims

    claims = 0
    t0 = time.perf_counter()
    for _name, text, published in docs:
        claims += len(extract_claims(text, published=published, knowledge=knowledge))
    return time.perf_counter() - t0, claims


# -- one engine against another, in one command ------------------------------------------


def extract_tree(rev: str, into: Path) -> Path:
    """The ``src`` and ``plugins`` of git revision ``rev``, extracted under ``into``."""
    tree = into / re.sub(r"[^\w.-]", "_", rev)
    tree.mkdir(parents=True, exist_ok=True)
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", rev, "src", "plugins"],
        check=True,
        capture_output=True,
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(tree)], input=archive, check=True)
    return tree


def tree_env(tree: Path) -> dict[str, str]:
    """The environment that makes Python import newsclaims and its plugins from ``tree``."""
    paths = [tree / "src", *sorted((tree / "plugins").glob("*/src"))]
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(str(p) for p in paths)
    return env


def worker(docs_file: Path, passes: int, size: int) -> int:
    """Run in a child process: time ``passes`` engine passes over the texts (after one
    warm-up pass) and print one JSON line."""
    from newsclaims.claims import extract_claims
    from newsclaims.dates import parse_date
    from newsclaims.pipeline import default_host
    from newsclaims.serialize import converter

    knowledge = default_host().knowledge
    raw = json.loads(docs_file.read_text(encoding="utf-8"))
    docs = [(text, parse_date(published)) for _n, text, published in raw]
    if size:  # the first 20,000 characters of the texts, repeated to ``size`` characters
        block = "\n\n".join(text for text, _p in docs)[:20_000]
        text, published = (block * (size // len(block) + 1))[:size], docs[0][1]
        extract_claims(block, published=published, knowledge=knowledge)  # warm-up
        Path("/proc/self/clear_refs").write_text("5")  # the peak starts again from here
        rss0 = _status_kb("VmRSS")
        claims = extract_claims(text, published=published, knowledge=knowledge)
        added = _status_kb("VmHWM") - rss0
        times: list[float] = []
        while not times or (sum(times) < 0.5 and len(times) < 20):
            t0 = time.perf_counter()
            extract_claims(text, published=published, knowledge=knowledge)
            times.append(time.perf_counter() - t0)
        print(json.dumps({"seconds": min(times), "claims": len(claims), "added_kb": added}))
        return 0
    digest = hashlib.sha256()
    for text, published in docs:  # warm-up; its output is the one hashed
        claims = extract_claims(text, published=published, knowledge=knowledge)
        digest.update(json.dumps(converter.unstructure(list(claims))).encode())
    times = []
    cpu = []
    for _ in range(passes):
        t0, c0 = time.perf_counter(), time.process_time()
        for text, published in docs:
            extract_claims(text, published=published, knowledge=knowledge)
        times.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    print(json.dumps({"times": times, "cpu": cpu, "hash": digest.hexdigest()[:16]}))
    return 0


def _status_kb(field: str) -> int:
    """A ``/proc/self/status`` figure in kB: ``VmRSS`` now, ``VmHWM`` its peak."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise RuntimeError(f"no {field} in /proc/self/status")


def _child(env: dict[str, str], docs_file: Path, passes: int, size: int = 0) -> dict[str, Any]:
    cmd = [sys.executable, __file__, "--worker", str(docs_file), "--passes", str(passes)]
    cmd += ["--size", str(size)]
    out = subprocess.run(cmd, env=env, check=True, capture_output=True, text=True, cwd="/")
    result: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def _instructions(env: dict[str, str], docs_file: Path, passes: int, tmp: Path) -> int:
    """Instructions (callgrind's Ir) of a worker doing ``passes`` passes."""
    out = tmp / f"callgrind.{passes}.{os.getpid()}.{time.monotonic_ns()}"
    cmd = ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}"]
    cmd += [sys.executable, __file__, "--worker", str(docs_file), "--passes", str(passes)]
    subprocess.run(cmd, env=env, check=True, capture_output=True, cwd="/")
    for line in out.read_text().splitlines():
        if line.startswith(("summary:", "totals:")):
            return int(line.split()[1])
    raise RuntimeError("no totals in callgrind output")


def compare(a: argparse.Namespace) -> int:
    """The current engine against the engine of ``a.baseline``, in one command."""
    tmp = Path(tempfile.mkdtemp(prefix="claims-engine-"))
    try:
        base_tree = extract_tree(a.baseline, tmp)
        envs = {"baseline": tree_env(base_tree), "current": tree_env(ROOT)}
        docs = corpus()
        docs_file = tmp / "docs.json"
        docs_file.write_text(json.dumps([(n, t, p and p.isoformat()) for n, t, p in docs]))
        chars = sum(len(t) for _n, t, _p in docs)
        print(f"baseline {a.baseline}: {len(docs)} articles, {chars} characters")
        if a.sizes:
            return _compare_sizes(a, envs, docs_file)
        times: dict[str, list[float]] = {"baseline": [], "current": []}
        cpu: dict[str, list[float]] = {"baseline": [], "current": []}
        hashes: dict[str, set[str]] = {"baseline": set(), "current": set()}
        for _ in range(a.rounds):
            for name, env in envs.items():  # alternating: the load falls on both alike
                r = _child(env, docs_file, a.passes)
                times[name].append(min(r["times"]))
                cpu[name].append(min(r["cpu"]))
                hashes[name].add(r["hash"])
        med = {k: statistics.median(v) for k, v in times.items()}
        med_cpu = {k: statistics.median(v) for k, v in cpu.items()}
        for name in envs:
            v = times[name]
            print(
                f"  {name:8s}: {med[name] * 1000:7.1f} ms per pass (median of {len(v)}, "
                f"range {min(v) * 1000:.1f}-{max(v) * 1000:.1f}), "
                f"{chars / med[name] / 1e6:.2f} MB/s, claims hash {','.join(hashes[name])}"
            )
        same = hashes["baseline"] == hashes["current"]
        print(f"  speed-up (baseline / current): {med['baseline'] / med['current']:.2f}x")
        # CPU time is what a loaded machine disturbs least after instructions (other
        # processes delay a pass, they hardly add to its CPU seconds)
        print(
            f"  CPU seconds per pass (median): baseline {med_cpu['baseline']:.3f}, current "
            f"{med_cpu['current']:.3f}; ratio {med_cpu['baseline'] / med_cpu['current']:.2f}x"
        )
        print(f"  same claims JSON as the baseline: {'yes' if same else 'NO'}")
        if a.callgrind:
            if shutil.which("valgrind") is None:
                print("  callgrind: valgrind not installed, skipped")
            else:
                ir = {}
                for name, env in envs.items():
                    one = _instructions(env, docs_file, 1, tmp)
                    two = _instructions(env, docs_file, 2, tmp)
                    ir[name] = two - one
                    print(f"  {name:8s}: {ir[name] / 1e9:.3f} G instructions per pass")
                ratio = ir["baseline"] / ir["current"]
                print(f"  instruction ratio (baseline / current): {ratio:.2f}x")
        return 0
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _compare_sizes(a: argparse.Namespace, envs: dict[str, dict[str, str]], docs: Path) -> int:
    sizes = [int(x) for x in a.sizes.split(",")]
    names = ["current"] if a.current_only else list(envs)
    per_kb: dict[str, dict[int, float]] = {n: {} for n in names}
    for size in sizes:
        for name in names:
            if name == "baseline" and size > a.baseline_max:
                continue
            r = _child(envs[name], docs, 0, size)
            per_kb[name][size] = r["seconds"] * 1000 / (size / 1000)
            print(
                f"  {name:8s} {size / 1000:8.0f} KB: {per_kb[name][size]:6.3f} ms/KB, "
                f"{r['claims']} claims, peak memory +{r['added_kb'] / 1024:.1f} MB "
                f"({r['added_kb'] * 1024 / size:.1f}x the text)",
                flush=True,
            )
    for name in names:
        got = per_kb[name]
        if len(got) > 1:
            first = min(got)
            ratios = ", ".join(f"{s / 1000:.0f} KB {got[s] / got[first]:.2f}x" for s in sorted(got))
            print(f"  {name}: cost per KB against {first / 1000:.0f} KB: {ratios}")
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--baseline", metavar="REV", help="compare with the engine of REV")
    ap.add_argument("--rounds", type=int, default=7, help="alternating runs of each engine")
    ap.add_argument("--passes", type=int, default=3, help="passes per run (the fastest counts)")
    ap.add_argument("--callgrind", action="store_true", help="count instructions too")
    ap.add_argument("--sizes", help="comma-separated text sizes in characters")
    ap.add_argument("--baseline-max", type=int, default=2_000_000, help="largest baseline size")
    ap.add_argument("--current-only", action="store_true", help="--sizes for this tree only")
    ap.add_argument("--worker", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--size", type=int, default=0, help=argparse.SUPPRESS)
    a = ap.parse_args(argv)
    if a.worker:
        return worker(a.worker, a.passes, a.size)
    if a.baseline:
        return compare(a)
    return measure(a)


def measure(a: argparse.Namespace) -> int:
    from newsclaims.claims import timex
    from newsclaims.claims.sentences import split_sentences
    from newsclaims.pipeline import default_host

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
