"""``newsclaims timeline``: the series of each figure across the stories of extracted reports.

One row per point (story, measure, subject, place, time, bounds, source, report, whether the
point revises the one before); ``--measure`` and ``--subject`` keep the matching series;
``--plot out.png`` draws the bounds over time (one line per source, the range as a band; needs
the ``plot`` extra, matplotlib).
"""

from __future__ import annotations

import argparse
from typing import Any, TextIO

from ..writers import csv_text, write_json_lines, write_table
from .stories import add_inputs, read_reports

__all__ = ["add_parser", "points", "run", "select"]


def select(
    result: list[dict[str, Any]], measure: str | None = None, subject: str | None = None
) -> list[dict[str, Any]]:
    """The stories with only their series of *measure* whose subject or place has *subject*."""
    chosen = []
    for story in result:
        series = [
            s
            for s in story["series"]
            if (measure is None or s["measure"] == measure)
            and (
                subject is None
                or subject.casefold() in f"{s['subject']} {s['place'] or ''}".casefold()
            )
        ]
        if series:
            chosen.append({**story, "series": series})
    return chosen


def _number(value: Any) -> str:
    if value is None:
        return ""
    return f"{value:g}" if isinstance(value, float) else str(value)


def points(result: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One flat row per series point, in series order."""
    rows = []
    for story in result:
        for series in story["series"]:
            revised = {r["to"] for r in series["revisions"]}
            for point in series["points"]:
                rows.append(
                    {
                        "story": story["story"],
                        "measure": series["measure"],
                        "subject": series["subject"],
                        "place": series["place"] or "",
                        "time": point["time"] or "",
                        "low": _number(point["low"]),
                        "high": _number(point["high"]),
                        "approximate": point["approximate"],
                        "source": point["source"] or "",
                        "report": point["report"],
                        "revision": point["report"] in revised,
                        "quote": point["quote"] or "",
                    }
                )
    return rows


def plot(result: list[dict[str, Any]], path: str) -> None:
    """Draw every series of *result* into one PNG: bounds over time, one line per source."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError("--plot needs matplotlib: pip install 'newsclaims[plot]'") from exc
    from ..stories.view import parse_time

    charts = [(story, series) for story in result for series in story["series"]]
    fig, axes = plt.subplots(
        max(1, len(charts)), 1, figsize=(8, 2.6 * max(1, len(charts))), squeeze=False
    )
    for ax, (story, series) in zip(axes[:, 0], charts, strict=False):
        by_source: dict[str, list[dict[str, Any]]] = {}
        for point in series["points"]:
            by_source.setdefault(point["source"] or "(outlet)", []).append(point)
        for source, pts in by_source.items():
            pts = [p for p in pts if parse_time(p["time"]) is not None]
            if not pts:
                continue
            times = [parse_time(p["time"]) for p in pts]
            lows = [p["low"] if p["low"] is not None else p["high"] for p in pts]
            highs = [p["high"] if p["high"] is not None else p["low"] for p in pts]
            (line,) = ax.plot(times, lows, marker="o", label=source)
            ax.fill_between(times, lows, highs, alpha=0.2, color=line.get_color())
            for t, p in zip(times, pts, strict=True):
                if p["high"] is None:  # "at least": the band is open upwards
                    ax.annotate("+", (t, p["low"]), textcoords="offset points", xytext=(4, 2))
        title = (
            f"{(story['title'] or story['story'])[:50]}: {series['measure']} {series['subject']}"
        )
        ax.set_title(title + (f" ({series['place']})" if series["place"] else ""), fontsize=9)
        if ax.get_legend_handles_labels()[0]:
            ax.legend(fontsize=7)
        ax.tick_params(labelsize=7)
        for label in ax.get_xticklabels():
            label.set_rotation(20)
    if not charts:
        axes[0, 0].text(0.5, 0.5, "no series", ha="center", va="center")
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Run ``newsclaims timeline``."""
    from ..stories import stories

    result = select(stories(read_reports(args.reports, err)), args.measure, args.subject)
    if args.plot:
        plot(result, args.plot)
    if args.format == "json":
        write_json_lines(result, out)
        return 0
    rows = points(result)
    head = ["story", "measure", "subject", "place", "time", "low", "high", "approximate"]
    head += ["source", "report", "revision", "quote"]
    if args.format == "csv":
        out.write(csv_text(rows, head, fieldnames=head))
        return 0
    shown = head[:-1]
    cells = [
        [str(r[h]) if not isinstance(r[h], bool) else ("yes" if r[h] else "") for h in shown]
        for r in rows
    ]
    write_table(cells, shown, "table", out)
    return 0


def add_parser(sub: Any, common: argparse.ArgumentParser) -> None:
    """Add ``timeline`` to the subcommands."""
    p = sub.add_parser(
        "timeline",
        help="the series of each figure across extracted reports (revisions, conflicts)",
        description="The claims of one measure about one subject across the reports of each "
        "story, in time order, with revisions and conflicts flagged.",
    )
    add_inputs(p)
    p.add_argument("--measure", metavar="M", help="only series of this measure (e.g. killed)")
    p.add_argument("--subject", metavar="TEXT", help="only series whose subject or place has TEXT")
    p.add_argument("--plot", metavar="OUT.png", help="draw the series (needs newsclaims[plot])")
    p.set_defaults(run=run)
