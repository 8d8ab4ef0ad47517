"""The ``newsclaims`` command: ``extract``, ``plugins`` and ``schema``."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import TextIO

import attrs

from .batch.command import FORMATS, UsageError, add_limit_arguments, run_extract
from .commands import new_plugin, outlets
from .commands import stories as stories_command
from .commands import timeline as timeline_command
from .commands.switches import settings_from
from .dates import MAX_YEAR, MIN_YEAR, DateError, parse_iso, plausible
from .version import __version__

__all__ = ["build_parser", "main", "published_option", "settings_from"]


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


def published_option(value: str) -> str:
    """``--published``: ISO 8601 text of a plausible date, else a usage error (exit 2)."""
    try:
        when = parse_iso(value)
    except DateError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    if not plausible(when):
        raise argparse.ArgumentTypeError(
            f"{value!r}: the year {when.year} is not a publication date ({MIN_YEAR}-{MAX_YEAR})"
        )
    return value


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
        description="Parse articles and print their reports as JSONL (one record a line, "
        "whatever the number of inputs), in input order. Inputs are files ('-' for stdin, "
        ".gz transparently), directories "
        "(recursive), .warc/.warc.gz files (one input per HTML response record) and lists of "
        "paths (--from-file). A failed input prints an error record in its place; the exit "
        "status is then 1. Ctrl-C stops cleanly: rerun with --resume to continue.",
    )
    ex.add_argument("paths", nargs="*", metavar="PATH")
    ex.add_argument("--url", help="the article's URL (for file inputs; WARC records have theirs)")
    ex.add_argument(
        "--published",
        metavar="DATE",
        type=published_option,
        help="publication date when the article has none, in ISO 8601 only "
        "(2024-03-05, 2024-03-05T14:30:00+09:00); anything else is an error",
    )
    ex.add_argument("--plugin", metavar="NAME", help="parse with this plugin, skip detection")
    batch = ex.add_argument_group("batch")
    batch.add_argument(
        "--from-file",
        metavar="FILE",
        help="also read input paths from FILE, one a line ('-' for stdin; '#' comments)",
    )
    batch.add_argument(
        "--glob",
        action="append",
        metavar="PATTERN",
        help="in directories, only files matching PATTERN (e.g. '*.html'; repeatable); "
        "a pattern with '/' matches the path relative to the directory",
    )
    batch.add_argument(
        "-o", "--output", metavar="FILE", help="write to FILE instead of standard output"
    )
    batch.add_argument(
        "--format",
        choices=FORMATS,
        help="jsonl: one record a line (the default); json: one JSON array of indented "
        "records; csv: one row per claim; parquet: one row per claim (needs -o and "
        "newsclaims[parquet]); without --format, by the -o suffix (.json, .jsonl, .csv, "
        ".parquet), never by the number of inputs",
    )
    batch.add_argument(
        "-j",
        "--jobs",
        type=int,
        metavar="N",
        help="worker processes (default: the machine's cores)",
    )
    add_limit_arguments(batch)
    batch.add_argument(
        "--resume",
        action="store_true",
        help="skip inputs already in the -o file (JSONL) and append the others",
    )
    batch.add_argument(
        "-q", "--quiet", action="store_true", help="no progress bar and no summary line"
    )

    sub.add_parser(
        "plugins",
        parents=[common],
        help="list plugins as JSON",
        description="JSON inventory: name, distribution, version, hooks, status, load errors.",
    )
    sub.add_parser("schema", help="print the JSON Schema of a report")
    outlets.add_parser(sub, common)
    new_plugin.add_parser(sub, common)
    stories_command.add_parser(sub, common)
    timeline_command.add_parser(sub, common)
    return parser


def cmd_extract(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Run ``newsclaims extract``."""
    return run_extract(args, settings_from(args), out, err)


def cmd_plugins(args: argparse.Namespace, out: TextIO) -> int:
    """Run ``newsclaims plugins``."""
    from .host import PluginHost

    host = PluginHost(settings=attrs.evolve(settings_from(args), strict=False))
    out.write(json.dumps(host.inventory(), indent=2) + "\n")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``newsclaims`` command; returns the exit status."""
    args = build_parser().parse_args(argv)
    out, err = sys.stdout, sys.stderr
    try:
        if getattr(args, "run", None) is not None:  # subcommands in newsclaims.commands
            return int(args.run(args, out, err))
        if args.command == "extract":
            return cmd_extract(args, out, err)
        if args.command == "plugins":
            return cmd_plugins(args, out)
        from .serialize import schema  # cattrs and the schema file only for `schema`

        out.write(json.dumps(schema(), indent=2) + "\n")
        return 0
    except KeyboardInterrupt:
        err.write("newsclaims: interrupted\n")
        return 130
    except BrokenPipeError:
        return 0
    except UsageError as exc:
        err.write(f"newsclaims extract: error: {exc}\n")
        return 2
    except Exception as exc:  # strict mode and setup errors: one clear line, no traceback
        err.write(f"newsclaims: error: {exc}\n")
        return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
