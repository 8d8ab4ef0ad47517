"""The plugin switches of every subcommand, read into host :class:`~newsclaims.host.Settings`.

A module of its own, below :mod:`newsclaims.cli` and the subcommands, so that a subcommand
reads its switches without importing the CLI (which imports the subcommands: a cycle).
"""

from __future__ import annotations

import argparse

import attrs

from ..host import Settings


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
