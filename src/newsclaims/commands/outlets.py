"""``newsclaims outlets``: every outlet the loaded plugins name, with its domains.

Each plugin declares its outlets through the ``newsclaims_outlets`` hook. For each
outlet the table also says which plugin parses a page on the outlet's first domain
(the winner of detection for that URL), so a dedicated plugin stands out from the
generic ones.
"""

from __future__ import annotations

import argparse
import json
from typing import Any, TextIO

import attrs

from ..host import PluginHost, Settings
from ..knowledge import Outlet
from ..models import Document
from ..writers import table_text
from .switches import settings_from

__all__ = ["add_parser", "outlet_rows", "run"]

#: A minimal page: what a plugin sees of an outlet's page when only its URL is known.
_PROBE = "<html><head><title>-</title></head><body><p>-</p></body></html>"


def _parser_for(host: PluginHost, domain: str) -> str | None:
    doc = Document(_PROBE, url=f"https://{domain}/", content_type="text/html")
    found = host.detect(doc, errors=[])
    return found[0].plugin if found else None


def outlet_rows(host: PluginHost) -> list[dict[str, Any]]:
    """One row per outlet and declaring plugin: outlet, domains, plugin, parser.

    >>> from newsclaims import testing
    >>> rows = outlet_rows(testing.host_with())
    >>> row = next(r for r in rows if r["outlet"] == "Reuters")
    >>> row["domains"], row["plugin"], row["parser"]
    (['reuters.com'], 'builtin', 'builtin')
    """
    rows: list[dict[str, Any]] = []
    for plugin, outlets in host.call_each("newsclaims_outlets", errors=[]):
        for outlet in outlets:
            if not isinstance(outlet, Outlet):
                continue
            parser = _parser_for(host, outlet.domains[0]) if outlet.domains else None
            rows.append(
                {
                    "outlet": outlet.name,
                    "domains": list(outlet.domains),
                    "plugin": plugin,
                    "parser": parser,
                }
            )
    rows.sort(key=lambda r: (str(r["outlet"]).lower().removeprefix("the "), r["plugin"]))
    return rows


def _table(rows: list[dict[str, Any]]) -> str:
    head = ("outlet", "domains", "plugin", "parser")
    cells = [(r["outlet"], ", ".join(r["domains"]), r["plugin"], r["parser"] or "-") for r in rows]
    return table_text(cells, head)


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Print the outlet table (or JSON with ``--json``)."""
    settings: Settings = attrs.evolve(settings_from(args), strict=False)
    rows = outlet_rows(PluginHost(settings=settings))
    out.write(json.dumps(rows, indent=2) + "\n" if args.json else _table(rows))
    return 0


def add_parser(sub: Any, common: argparse.ArgumentParser) -> None:
    """Add ``outlets`` to the subcommands."""
    p = sub.add_parser(
        "outlets",
        parents=[common],
        help="list the outlets the installed plugins know",
        description="Every outlet the loaded plugins name (hook newsclaims_outlets): its "
        "domains, the plugin that names it, and the plugin that parses a page on its domain.",
    )
    p.add_argument("--json", action="store_true", help="print JSON rows instead of a table")
    p.set_defaults(run=run)
