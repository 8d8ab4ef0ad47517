"""Imports flow one way: no cycle in the package, and in the batch items <- inputs,
workers, sinks <- runner <- command.

The import graph is read from the source with :mod:`ast`, every kind of import counted
(at the top, inside functions, under ``TYPE_CHECKING``), so a cycle hidden in a function
body or behind a type-checking guard is found too.
"""

from __future__ import annotations

import ast
from pathlib import Path

import newsclaims

PACKAGE = Path(newsclaims.__file__).parent


def modules() -> dict[str, Path]:
    """Dotted module name -> file, for every module of the package."""
    found: dict[str, Path] = {}
    for path in PACKAGE.rglob("*.py"):
        parts = ["newsclaims", *path.relative_to(PACKAGE).with_suffix("").parts]
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def import_graph() -> dict[str, set[str]]:
    """Each module -> the package modules it imports."""
    known = modules()
    graph: dict[str, set[str]] = {}
    for name, path in known.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        targets: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.ImportFrom):
                if node.level:
                    base = package.split(".")[: len(package.split(".")) - node.level + 1]
                    module = ".".join([*base, *([node.module] if node.module else [])])
                else:
                    module = node.module or ""
                subs = [f"{module}.{a.name}" for a in node.names]
                # "from pkg import submodule" needs the submodule; the package itself only
                # for a name defined there (a parent package is always imported first)
                names_of_package = any(s not in known for s in subs)
                candidates = [*([module] if names_of_package else []), *subs]
            elif isinstance(node, ast.Import):
                candidates = [a.name for a in node.names]
            else:
                continue
            targets.update(c for c in candidates if c in known and c != name)
        graph[name] = targets
    return graph


def cycles(graph: dict[str, set[str]]) -> list[set[str]]:
    """The strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[set[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component: set[str] = set()
            while True:
                w = stack.pop()
                component.add(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(component)

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def test_the_cycle_finder_finds_a_cycle() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert cycles(graph) == [{"a", "b", "c"}]


def test_no_import_cycle_in_the_batch() -> None:
    graph = import_graph()
    assert "newsclaims.batch.inputs" in graph["newsclaims.batch.command"]  # the graph was read
    batch = [c for c in cycles(graph) if any(m.startswith("newsclaims.batch") for m in c)]
    dask = [c for c in cycles(graph) if "newsclaims.dask" in c]
    assert batch == [] and dask == []


def test_items_and_outcomes_import_nothing_of_the_batch() -> None:
    graph = import_graph()
    assert not {m for m in graph["newsclaims.batch.item"] if m.startswith("newsclaims")}


def test_from_a_package_import_a_submodule_is_an_edge_to_the_submodule() -> None:
    graph = import_graph()
    # engine.py: "from . import lexicon as core_lexicon" needs the lexicon, not the package
    assert "newsclaims.claims.lexicon" in graph["newsclaims.claims.engine"]
    assert "newsclaims.claims" not in graph["newsclaims.claims.engine"]


def test_no_import_cycle_in_the_package() -> None:
    """issue 10 (the house), issue 14: __init__/host/pipeline and cli/commands.outlets
    imported each other; every import, at the top or in a function, flows downward now."""
    graph = import_graph()
    assert "newsclaims.pipeline" in graph["newsclaims"]  # the graph was read
    assert cycles(graph) == []


def test_the_host_and_the_cli_do_not_import_the_package_init() -> None:
    graph = import_graph()
    for name in ("newsclaims.host", "newsclaims.builtin", "newsclaims.cli", "newsclaims.pipeline"):
        assert "newsclaims" not in graph[name], name
