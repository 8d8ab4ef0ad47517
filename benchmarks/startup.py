"""Start-up: ``newsclaims extract one.txt`` as a whole process, against a git revision.

Run from the project root::

    python benchmarks/startup.py [--baseline REV] [--rounds 15] [--file seeds/000_*.txt]

REV is 3850a93 unless given: the engine when issue 14 was filed, whose time the target
halves. Both trees (this one, and REV's ``src`` and ``plugins`` extracted with ``git archive``
into a temporary folder) are byte-compiled first, so neither pays for compiling its
sources, then ``python -c 'from newsclaims.cli import main; main()' extract FILE`` runs for
each, alternating ``--rounds`` times so that the machine's load falls on both alike. It
prints the median wall time of each, their ratio, and for the current tree the slowest
imports (``python -X importtime``). The target (issue 14) is at most half the baseline's
time.

It prints the median CPU time (user + system, of the child process) too, and its ratio.
The run is one thread, so on an idle machine the two agree; on a busy one the wall time
is mostly waiting for a core (a ``python -c pass`` of 150 ms instead of 20 ms, ratios
from 0.9 to 2.4 for one tree), and the CPU ratio is the one to read.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from claims_engine import extract_tree, tree_env  # noqa: E402

BASELINE = "3850a93"  # the engine when issue 14 was filed
MAIN = "import sys; from newsclaims.cli import main; sys.exit(main())"


def _env(tree: Path) -> dict[str, str]:
    env = tree_env(tree)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def _once(env: dict[str, str], path: Path) -> tuple[float, float]:
    """One run: (wall seconds, CPU seconds of the child)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run(
        [sys.executable, "-c", MAIN, "extract", str(path)],
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        cwd="/",
    )
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return wall, cpu


def slowest_imports(env: dict[str, str], path: Path, n: int = 12) -> list[tuple[int, str]]:
    """The ``n`` imports with the largest cumulative time (microseconds, module)."""
    out = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", MAIN, "extract", str(path)],
        env=env,
        capture_output=True,
        text=True,
        cwd="/",
    ).stderr
    rows = []
    for line in out.splitlines():
        if line.startswith("import time:") and "|" in line:
            _self, cumulative, name = line.removeprefix("import time:").split("|")
            if cumulative.strip().isdigit():
                rows.append((int(cumulative), name.rstrip()))
    return sorted(rows, reverse=True)[:n]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--baseline", metavar="REV", default=BASELINE)
    ap.add_argument("--rounds", type=int, default=15)
    ap.add_argument("--file", type=Path, default=None)
    a = ap.parse_args(argv)
    path = (a.file or sorted((ROOT / "seeds").glob("000_*.txt"))[0]).resolve()
    tmp = Path(tempfile.mkdtemp(prefix="startup-"))
    try:
        trees = {"baseline": extract_tree(a.baseline, tmp), "current": ROOT}
        envs = {name: _env(tree) for name, tree in trees.items()}
        for tree in trees.values():
            for src in (tree / "src", *(tree / "plugins").glob("*/src")):
                subprocess.run([sys.executable, "-m", "compileall", "-q", str(src)], check=True)
        for env in envs.values():
            _once(env, path)  # warm the file cache
        times: dict[str, list[float]] = {name: [] for name in envs}
        cpus: dict[str, list[float]] = {name: [] for name in envs}
        for _ in range(a.rounds):
            for name, env in envs.items():
                wall, cpu = _once(env, path)
                times[name].append(wall)
                cpus[name].append(cpu)
        bare_runs = [_once_bare() for _ in range(min(a.rounds, 5))]  # the interpreter alone
        bare = statistics.median(w for w, _ in bare_runs)
        bare_cpu = statistics.median(c for _, c in bare_runs)
        med = {k: statistics.median(v) for k, v in times.items()}
        cpu_med = {k: statistics.median(v) for k, v in cpus.items()}
        print(f"newsclaims extract {path.name}, median of {a.rounds} alternating runs")
        print(f"  python -c pass: {bare * 1000:.0f} ms, CPU {bare_cpu * 1000:.0f} ms")
        for name in envs:
            v = times[name]
            print(
                f"  {name:8s} ({a.baseline if name == 'baseline' else 'this tree'}): "
                f"{med[name] * 1000:.0f} ms (range {min(v) * 1000:.0f}-{max(v) * 1000:.0f}), "
                f"CPU {cpu_med[name] * 1000:.0f} ms"
            )
        ratio = med["current"] / med["baseline"]
        cpu_ratio = cpu_med["current"] / cpu_med["baseline"]
        print(f"  current / baseline: {ratio:.2f} wall, {cpu_ratio:.2f} CPU (target <= 0.50)")
        print("  slowest imports of the current tree (cumulative ms):")
        for us, name in slowest_imports(envs["current"], path):
            print(f"    {us / 1000:6.1f} {name}")
        return 0
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _once_bare() -> tuple[float, float]:
    """The interpreter alone: (wall seconds, CPU seconds)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-c", "pass"], env=dict(os.environ), check=True)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)


if __name__ == "__main__":
    sys.exit(main())
