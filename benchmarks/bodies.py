"""Body text against trafilatura and readability-lxml on public extraction benchmarks (issue 14).

Reads the sets in ``../shared/corpus/bench/<set>/`` (``html/<id>.html``, ``gt/<id>.txt``,
``index.jsonl``), runs newsclaims (``parse_bytes(page, url=...).text``), trafilatura
(``trafilatura.extract``) and readability-lxml (``Document(...).summary()`` as text) on every
page in the same process, and prints bag-of-words F1 (lower-cased ``\\w+`` tokens as multisets,
as ``../shared/tools/score_bodies.py`` scores) per set, the mean over sets, and whether the
targets hold: mean F1 >= 0.92 over sets, above trafilatura on scrapinghub, at least
readability-lxml's on every set. A baseline that is not installed is left out.

    python benchmarks/bodies.py [--sets scrapinghub,readability,cleanportaleval] [--worst 10]
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path

BENCH = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "bench"
SETS = ("scrapinghub", "readability", "cleanportaleval")
TARGET_MEAN = 0.92
_WORD = re.compile(r"\w+")

Extractor = Callable[[bytes, str | None], str]


def f1(pred: str, gold: str) -> float:
    """Bag-of-words F1 of ``pred`` against ``gold`` (1 when both are empty)."""
    p, g = Counter(_WORD.findall(pred.lower())), Counter(_WORD.findall(gold.lower()))
    n_p, n_g = sum(p.values()), sum(g.values())
    if not n_g:
        return 1.0 if not n_p else 0.0
    tp = sum((p & g).values())
    return 0.0 if not tp else 2 * tp / (n_p + n_g)


def extractors() -> dict[str, Extractor]:
    """newsclaims and the baselines that are installed."""
    import newsclaims

    runs: dict[str, Extractor] = {
        "newsclaims": lambda raw, url: newsclaims.parse_bytes(raw, url=url).text
    }
    try:
        import trafilatura
    except ImportError:
        print("trafilatura is not installed: left out", file=sys.stderr)
    else:
        runs["trafilatura"] = lambda raw, url: (
            trafilatura.extract(raw.decode("utf-8", "replace"), url=url) or ""
        )
    try:
        import lxml.html
        from readability import Document  # type: ignore[import-untyped]
    except ImportError:
        print("readability-lxml is not installed: left out", file=sys.stderr)
    else:

        def readability(raw: bytes, url: str | None) -> str:
            html = Document(raw.decode("utf-8", "replace")).summary()
            return str(lxml.html.fromstring(html).text_content()) if html.strip() else ""

        runs["readability"] = readability
    return runs


def main() -> int:
    """Score every extractor on every page of the sets; print the table and the targets."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sets", default=",".join(SETS))
    ap.add_argument("--bench", type=Path, default=BENCH)
    ap.add_argument("--worst", type=int, default=0, help="newsclaims' N worst pages per set")
    args = ap.parse_args()
    if not args.bench.is_dir():
        print(f"no benchmark sets at {args.bench}", file=sys.stderr)
        return 1
    runs = extractors()
    sets = args.sets.split(",")
    scores: dict[str, dict[str, dict[str, float]]] = {n: {s: {} for s in sets} for n in runs}
    for s in sets:
        for line in (args.bench / s / "index.jsonl").read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            raw = (args.bench / s / "html" / f"{row['id']}.html").read_bytes()
            gold = (args.bench / s / "gt" / f"{row['id']}.txt").read_text(encoding="utf-8")
            for name, run in runs.items():
                try:
                    score = f1(run(raw, row.get("url")) or "", gold)
                except Exception:  # a page that raises scores 0
                    score = 0.0
                scores[name][s][row["id"]] = score
    means = {
        n: {s: statistics.mean(v.values()) for s, v in per.items()} for n, per in scores.items()
    }
    print(f"{'':12}" + "".join(f"{s:>17}" for s in sets) + f"{'mean of sets':>15}")
    for name, per in means.items():
        cells = "".join(f"{per[s]:>17.4f}" for s in sets)
        print(f"{name:12}{cells}{statistics.mean(per.values()):>15.4f}")
    ours = means["newsclaims"]
    print(
        f"target mean >= {TARGET_MEAN}: "
        f"{'met' if statistics.mean(ours.values()) >= TARGET_MEAN else 'not met'}"
    )
    for name in ("trafilatura", "readability"):
        if name in means:
            behind = [s for s in sets if ours[s] < means[name][s]]
            print(
                f"at least {name} on every set: {'met' if not behind else 'not met ' + str(behind)}"
            )
    for s in sets if args.worst else ():
        worst = sorted(scores["newsclaims"][s].items(), key=lambda kv: kv[1])[: args.worst]
        for page, score in worst:
            others = " ".join(f"{n}={scores[n][s][page]:.3f}" for n in runs if n != "newsclaims")
            print(f"worst {s}/{page} newsclaims={score:.3f} {others}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
