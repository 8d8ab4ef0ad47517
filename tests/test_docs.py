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


def test_every_hook_is_in_the_generated_reference_with_its_arguments() -> None:
    import inspect
    import sys

    sys.path.insert(0, str(DOCS / "_ext"))
    try:
        import nc_docs
    finally:
        sys.path.remove(str(DOCS / "_ext"))
    from newsclaims import hookspecs

    hooks = [n for n in dir(hookspecs) if n.startswith("newsclaims_")]
    assert sorted(nc_docs.hook_names()) == sorted(hooks)
    reference = nc_docs.render_hooks()
    for name in hooks:
        doc = inspect.getdoc(getattr(hookspecs, name)) or ""
        assert len(doc.split()) >= 5, f"{name} has no docstring"
        assert f".. autofunction:: newsclaims.hookspecs.{name}" in reference
        for arg in inspect.signature(getattr(hookspecs, name)).parameters:
            assert f":param {arg}:" in doc, f"{name}: argument {arg!r} is not documented"


def test_every_contract_field_is_explained_by_the_schema() -> None:
    """The field tables are rendered from the schema's descriptions, the one source."""
    import sys

    sys.path.insert(0, str(DOCS / "_ext"))
    try:
        import contract_fields
    finally:
        sys.path.remove(str(DOCS / "_ext"))
    for record in ("report", "error"):
        rows = list(contract_fields.schema_rows(record))
        assert len(rows) > (50 if record == "report" else 4)
        _lines, missing = contract_fields.table(iter(rows))
        assert not missing, f"add a description in newsclaims/contract.py: {missing}"
    assert not hasattr(contract_fields, "MEANINGS")  # no second list of meanings
    page = (DOCS / "contract.md").read_text("utf-8")
    assert "```{schema-fields}" in page and "```{schema-fields} error" in page
