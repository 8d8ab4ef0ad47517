"""``newsclaims stories``: group the reports ``extract`` wrote into stories, with their copies.

Reads any number of JSONL files (``-`` for stdin); lines that are no report (failure records)
are skipped and counted on stderr. ``--format json`` prints one JSON object per story (the
shape of ``schema/stories.schema.json``), ``table`` one line per report, ``csv`` one row per
report.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from typing import Any, TextIO

from ..writers import write_json_lines, write_table

__all__ = ["add_parser", "read_reports", "run"]

FORMATS = ("table", "json", "csv")


def _lines(name: str, stdin: TextIO) -> Iterator[tuple[str, int, str]]:
    if name == "-":
        for number, line in enumerate(stdin, 1):
            yield "<stdin>", number, line
        return
    with open(name, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            yield name, number, line


def read_reports(
    names: list[str], err: TextIO, stdin: TextIO | None = None
) -> list[dict[str, Any]]:
    """The reports in the JSONL files *names* (``-``: *stdin*), skipping other records."""
    reports: list[dict[str, Any]] = []
    skipped = 0
    for name in names:
        for where, number, line in _lines(name, stdin or sys.stdin):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{where}:{number}: not JSON ({exc.msg})") from None
            if isinstance(item, dict) and isinstance(item.get("claims"), list) and "text" in item:
                reports.append(item)
            else:
                skipped += 1
    if skipped:
        err.write(f"newsclaims: skipped {skipped} line(s) that are no report\n")
    return reports


def write(result: list[dict[str, Any]], fmt: str, out: TextIO) -> None:
    """Write stories in *fmt* (``table``, ``json`` or ``csv``)."""
    if fmt == "json":
        write_json_lines(result, out)
        return
    head = ["story", "published", "outlet", "report", "copy_of", "title", "input"]
    rows = [
        [
            story["story"],
            report["published"] or "",
            report["outlet"] or "",
            report["id"],
            report["copy_of"] or "",
            (story["title"] or "")[:60] if n == 0 else "",
            report["input"] or "",
        ]
        for story in result
        for n, report in enumerate(story["reports"])
    ]
    write_table(rows, head, fmt, out)


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Run ``newsclaims stories``."""
    from ..stories import stories

    write(stories(read_reports(args.reports, err)), args.format, out)
    return 0


def add_inputs(p: argparse.ArgumentParser) -> None:
    """The arguments ``stories`` and ``timeline`` share."""
    p.add_argument(
        "reports", nargs="+", metavar="REPORTS.jsonl", help="JSONL written by extract; - = stdin"
    )
    p.add_argument("--format", choices=FORMATS, default="table", help="output (default: table)")


def add_parser(sub: Any, common: argparse.ArgumentParser) -> None:
    """Add ``stories`` to the subcommands."""
    p = sub.add_parser(
        "stories",
        help="group extracted reports into stories, with their copies",
        description="Group the reports extract wrote into stories (reports of one event, in "
        "publication order), find copies (the same article again), and give each story's "
        "series of figures (--format json).",
    )
    add_inputs(p)
    p.set_defaults(run=run)
