"""Docs that run: the examples in docs/ and in the public modules' docstrings are executed."""

from __future__ import annotations

import doctest
import importlib
from pathlib import Path

import pytest

DOCS = Path(__file__).resolve().parents[1] / "docs"
MODULES = [
    "newsclaims",
    "newsclaims.claims.engine",
    "newsclaims.claims.sentences",
    "newsclaims.claims.wordlists",
    "newsclaims.detection",
    "newsclaims.host",
    "newsclaims.serialize",
    "newsclaims.testing",
]


@pytest.mark.parametrize("page", sorted(DOCS.glob("*.md")), ids=lambda p: p.name)
def test_doc_pages_run(page: Path) -> None:
    result = doctest.testfile(str(page), module_relative=False)
    assert result.failed == 0


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples_run(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name))
    assert result.failed == 0


def test_every_hook_is_documented_in_the_plugin_guide() -> None:
    from newsclaims import hookspecs

    guide = (DOCS / "plugins.md").read_text("utf-8")
    hooks = [n for n in dir(hookspecs) if n.startswith("newsclaims_")]
    assert hooks
    for name in hooks:
        assert f"`{name}(" in guide, name
        assert getattr(hookspecs, name).__doc__, name
