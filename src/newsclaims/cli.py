"""The ``newsclaims`` command: ``extract``, ``plugins`` and ``schema``."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from typing import Any, TextIO

import attrs

from . import __version__
from .host import PluginHost, Settings
from .models import Failure, Report
from .pipeline import parse_many
from .serialize import failure_to_dict, report_to_dict, schema


def _plugin_switches() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    g = common.add_argument_group("plugins")
    g.add_argument(
        "--plugins",
        metavar="NAMES",
        help="load only these plugins, comma-separated (env NEWSCLAIMS_PLUGINS)",
    )
    g.add_argument(
        "--disable-plugins",
        metavar="NAMES",
        help="never load these plugins, comma-separated (env NEWSCLAIMS_DISABLE_PLUGINS)",
    )
    g.add_argument(
        "--strict",
        action="store_true",
        default=None,
        help="stop at the first plugin error (env NEWSCLAIMS_STRICT=1)",
    )
    g.add_argument(
        "--trace",
        action="store_true",
        default=None,
        help="trace hook calls on standard error (env NEWSCLAIMS_TRACE=1)",
    )
    return common


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``newsclaims`` command."""
    common = _plugin_switches()
    parser = argparse.ArgumentParser(
        prog="newsclaims",
        description="Turn news articles into normalized, attributed, quantitative claims.",
    )
    parser.add_argument("--version", action="version", version=f"newsclaims {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    ex = sub.add_parser(
        "extract",
        parents=[common],
        help="parse articles and print their reports as JSON",
        description="Parse articles (files, '-' for stdin, .gz transparently) and print "
        "one JSON report, or JSONL for several inputs, in input order. A failed input "
        "prints an error record in its place; the exit status is then 1.",
    )
    ex.add_argument("paths", nargs="+", metavar="PATH")
    ex.add_argument("--url", help="the article's URL (one input)")
    ex.add_argument(
        "--published", metavar="DATE", help="publication date when the article has none"
    )
    ex.add_argument("--plugin", metavar="NAME", help="parse with this plugin, skip detection")
    ex.add_argument(
        "--format",
        choices=["json", "jsonl"],
        help="json: one indented report (default for one input); jsonl: one line per input",
    )

    sub.add_parser(
        "plugins",
        parents=[common],
        help="list plugins as JSON",
        description="JSON inventory: name, distribution, version, hooks, status, load errors.",
    )
    sub.add_parser("schema", help="print the JSON Schema of a report")
    return parser


def settings_from(args: argparse.Namespace) -> Settings:
    """Environment settings, overridden by the command-line switches."""
    base = Settings.from_env()
    allow = getattr(args, "plugins", None)
    block = getattr(args, "disable_plugins", None)
    return attrs.evolve(
        base,
        allow=frozenset(n.strip() for n in allow.split(",") if n.strip()) if allow else base.allow,
        block=base.block | frozenset(n.strip() for n in (block or "").split(",") if n.strip()),
        strict=bool(args.strict) if getattr(args, "strict", None) is not None else base.strict,
        trace=bool(args.trace) if getattr(args, "trace", None) is not None else base.trace,
    )


def _emit(record: Report | Failure, out: TextIO, indent: int | None) -> None:
    data: dict[str, Any] = (
        report_to_dict(record) if isinstance(record, Report) else failure_to_dict(record)
    )
    out.write(json.dumps(data, ensure_ascii=False, indent=indent) + "\n")
    out.flush()


def cmd_extract(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Run ``newsclaims extract``."""
    host = PluginHost(settings=settings_from(args))
    for problem in host.errors:
        err.write(f"newsclaims: warning: {problem}\n")
    fmt = args.format or ("json" if len(args.paths) == 1 else "jsonl")
    indent = 2 if fmt == "json" else None
    failed = 0
    sources = [p if p == "-" else os.fspath(p) for p in args.paths]
    from pathlib import Path

    for record in parse_many(
        [s if s == "-" else Path(s) for s in sources],
        url=args.url,
        published=args.published,
        plugin=args.plugin,
        host=host,
    ):
        if isinstance(record, Failure):
            failed += 1
            err.write(f"newsclaims: error: {record.input}: {record.error}: {record.message}\n")
        _emit(record, out, indent)
    return 1 if failed else 0


def cmd_plugins(args: argparse.Namespace, out: TextIO) -> int:
    """Run ``newsclaims plugins``."""
    host = PluginHost(settings=attrs.evolve(settings_from(args), strict=False))
    out.write(json.dumps(host.inventory(), indent=2) + "\n")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``newsclaims`` command; returns the exit status."""
    args = build_parser().parse_args(argv)
    out, err = sys.stdout, sys.stderr
    try:
        if args.command == "extract":
            return cmd_extract(args, out, err)
        if args.command == "plugins":
            return cmd_plugins(args, out)
        out.write(json.dumps(schema(), indent=2) + "\n")
        return 0
    except KeyboardInterrupt:
        err.write("newsclaims: interrupted\n")
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # strict mode and setup errors: one clear line, no traceback
        err.write(f"newsclaims: error: {exc}\n")
        return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
