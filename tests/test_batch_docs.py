"""The batch and plugin guarantees are written down (issue 10, acceptance): docs/batch.md is in
the site, and names every batch option, error type and exit status the code has."""

from __future__ import annotations

import re
from pathlib import Path

from newsclaims.batch import command, limits
from newsclaims.cli import build_parser

DOCS = Path(__file__).resolve().parents[1] / "docs"
PAGE = (DOCS / "batch.md").read_text("utf-8")


def test_the_page_is_in_the_site() -> None:
    index = (DOCS / "index.md").read_text("utf-8")
    assert re.search(r"^batch$", index, re.M)


def test_every_batch_option_is_on_the_page() -> None:
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    extract = sub.choices["extract"]  # type: ignore[attr-defined]
    group = next(g for g in extract._action_groups if g.title == "batch")
    options = [o for a in group._group_actions for o in a.option_strings if o.startswith("--")]
    missing = [o for o in options if o not in PAGE and o not in ("--output", "--format", "--quiet")]
    assert not missing, missing
    assert "--strict" in PAGE


def test_every_error_type_and_exit_status_is_on_the_page() -> None:
    kinds = (limits.TIMEOUT, limits.MEMORY_LIMIT, limits.WORKER_DIED, "NoParserError")
    for kind in (*kinds, "InputTooLargeError", "BinaryInputError", "EmptyInputError"):
        assert f"`{kind}`" in PAGE, kind
    assert f"| {command.EXIT_OUTPUT} |" in PAGE
