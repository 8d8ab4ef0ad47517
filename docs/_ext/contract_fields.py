"""The field tables of the JSON contract page, rendered from the schema's descriptions.

The schema (built by :mod:`newsclaims.contract`, shipped as ``report.schema.json``) is the one
source of the field meanings: every property carries a ``description``, and this module turns
them into the ``schema-fields`` tables of ``contract.md``. A property without a description is a
build warning, so ``sphinx-build -W`` fails until it is explained (and so does the test suite).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from newsclaims.serialize import schema

Row = tuple[str, str, bool, str | None]


def _type_of(node: dict[str, Any], defs: dict[str, Any]) -> tuple[str, dict[str, Any] | None]:
    """A short type for the table, and the object whose fields follow (if any)."""
    if "$ref" in node:
        name = node["$ref"].rsplit("/", 1)[-1]
        kind, obj = _type_of(defs[name], defs)
        return (name if kind == "object" else kind), obj
    for combinator in ("oneOf", "anyOf"):
        if combinator in node:
            kinds, obj = [], None
            for option in node[combinator]:
                kind, inner = _type_of(option, defs)
                kinds.append(kind)
                obj = obj or inner
            return " or ".join(kinds), obj
    if "enum" in node:
        return " | ".join(json.dumps(v) for v in node["enum"]), None
    if "pattern" in node and node.get("type") == "string":
        return f"string matching `{node['pattern']}`", None
    kind = node.get("type", "any")
    kinds = kind if isinstance(kind, list) else [kind]
    if "array" in kinds and "items" in node:
        item, obj = _type_of(node["items"], defs)
        return f"array of {item}", obj
    if "array" in kinds and "prefixItems" in node:
        return "[integer, integer]", None
    if "object" in kinds:
        return "object", node
    return " or ".join(kinds), None


def schema_rows(record: str = "report") -> Iterator[Row]:
    """``(path, type, required, description)`` for every field of a ``report`` or ``error``."""
    defs = schema()["$defs"]

    def walk(obj: dict[str, Any], prefix: str) -> Iterator[Row]:
        required = set(obj.get("required", ()))
        for key, node in obj.get("properties", {}).items():
            path = f"{prefix}{key}"
            kind, inner = _type_of(node, defs)
            yield path, kind, key in required, node.get("description")
            if inner is not None and inner is not obj:
                child = f"{path}[]." if kind.startswith("array") else f"{path}."
                yield from walk(inner, child)

    yield from walk(defs[record], "")


def vocabularies() -> Iterator[tuple[str, str, list[Any]]]:
    """``(name, description, values)`` of each enumeration the schema defines once."""
    for name, node in schema()["$defs"].items():
        if "enum" in node:
            yield name, node.get("description", ""), node["enum"]


def table(rows: Iterator[Row]) -> tuple[list[str], list[str]]:
    """The MyST table lines of ``rows`` and the paths that lack a description."""
    lines = ["| field | type | required | meaning |", "|---|---|---|---|"]
    missing = []
    for path, kind, required, description in rows:
        if not description:
            missing.append(path)
        meaning = (description or "").replace("<", "\\<")  # <stdin> is text, not HTML
        cells = (f"`{path}`", kind, "yes" if required else "no", meaning)
        lines.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    return lines, missing
