"""Byte-identical claims: save the claims JSON of every labelled input, compare later.

Run from the project root::

    python benchmarks/claims_snapshot.py save [--file PATH]
    python benchmarks/claims_snapshot.py compare [--file PATH]

``save`` parses every labelled input once with the installed plugins — the seeds, the
project's test articles, every document of ``tests/gold/*.jsonl`` (with its gold
publication date), and, when present, the inputs of ``../shared/corpus`` (conflict
texts, html and varied pages, story files) — and stores, for each, the clean text, the
publication date, the report id and the claims as JSON. ``compare`` runs
:func:`newsclaims.claims.extract_claims` again on the stored texts and reports every
input whose claims JSON differs by one byte. The texts are stored, so the proof is about
the engine alone: a change to a parser plugin does not show up as an engine change.

The snapshot holds copies of ../shared texts, so it lives outside the repository (by
default in the temporary folder).
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DEFAULT = Path(tempfile.gettempdir()) / "newsclaims-claims-snapshot.json.gz"


def labelled_inputs() -> list[tuple[str, Path, str | None]]:
    """(name, path, publication date when labelled) of every labelled input."""
    found: dict[Path, str | None] = {}
    for p in sorted((ROOT / "seeds").glob("*.txt")):
        found[p] = None
    for p in sorted((ROOT / "tests" / "articles").glob("*.txt")):
        found[p] = None
    for gold in sorted((ROOT / "tests" / "gold").glob("*.jsonl")):
        for line in gold.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            g = json.loads(line)
            for base in (gold.parent, SHARED / "corpus" / "conflict"):
                p = (base / g["doc"]).resolve()
                if p.is_file():
                    found[p] = g.get("published")
                    break
    corpus = SHARED / "corpus"
    if corpus.is_dir():
        for sub, pattern in (
            ("conflict", "*.txt"),
            ("html", "*.html"),
            ("varied", "*.html"),
            ("stories", "*/*.md"),
        ):
            for p in sorted((corpus / sub).glob(pattern)):
                if p.name != "README.md":
                    found.setdefault(p.resolve(), None)
    out = []
    for p, published in found.items():
        try:
            name = str(p.relative_to(ROOT.parent))
        except ValueError:
            name = str(p)
        out.append((name, p, published))
    return out


def claims_json(text: str, published: Any, knowledge: Any, report_id: str) -> str:
    """The claims of ``text`` as the JSON the contract writes."""
    from newsclaims.claims import extract_claims
    from newsclaims.serialize import converter

    claims = extract_claims(text, published=published, knowledge=knowledge, report_id=report_id)
    return json.dumps(converter.unstructure(list(claims)), ensure_ascii=False, sort_keys=True)


def save(path: Path) -> int:
    from newsclaims import parse
    from newsclaims.dates import parse_date
    from newsclaims.pipeline import default_host

    knowledge = default_host().knowledge
    records: list[dict[str, Any]] = []
    for name, p, published in labelled_inputs():
        try:
            report = parse(p, published=published or "2024-06-01")
        except Exception as exc:  # an input no plugin reads is no claims input
            print(f"skipped {name}: {exc}", file=sys.stderr)
            continue
        when = report.published
        records.append(
            {
                "name": name,
                "text": report.text,
                "published": when,
                "id": report.id,
                "claims": claims_json(report.text, parse_date(when), knowledge, report.id),
            }
        )
    with gzip.open(path, "wt", encoding="utf-8") as f:
        json.dump(records, f, ensure_ascii=False)
    n = sum(len(json.loads(r["claims"])) for r in records)
    print(f"saved {len(records)} inputs, {n} claims, to {path}")
    return 0


def compare(path: Path) -> int:
    from newsclaims.dates import parse_date
    from newsclaims.pipeline import default_host

    knowledge = default_host().knowledge
    with gzip.open(path, "rt", encoding="utf-8") as f:
        records = json.load(f)
    differ = []
    for r in records:
        now = claims_json(r["text"], parse_date(r["published"]), knowledge, r["id"])
        if now != r["claims"]:
            differ.append(r["name"])
            print(f"DIFFERS {r['name']}")
    n = sum(len(json.loads(r["claims"])) for r in records)
    print(f"compared {len(records)} inputs ({n} claims): {len(differ)} differ")
    return 1 if differ else 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("mode", choices=("save", "compare"))
    ap.add_argument("--file", type=Path, default=DEFAULT)
    a = ap.parse_args(argv)
    return save(a.file) if a.mode == "save" else compare(a.file)


if __name__ == "__main__":
    sys.exit(main())
