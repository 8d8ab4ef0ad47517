"""Sphinx helpers of the newsclaims docs: generated references and runnable examples.

* ``hook-reference``: one entry per hook in :mod:`newsclaims.hookspecs`, in source order,
  with its signature, types, pluggy options and docstring (:func:`render_hooks`).
* ``schema-fields``: every field of the JSON Schema of a report (or an error record) as a
  table with its type, whether it is required, and its ``description`` from the schema
  (:mod:`contract_fields`; a field without one is a build warning).
* every literal block that starts with ``>>>`` is a doctest block, so ``sphinx-build -b
  doctest`` runs the markdown pages' examples as well as the docstrings'.
"""

from __future__ import annotations

import inspect
from typing import Any

from docutils import nodes
from docutils.statemachine import StringList
from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

logger = logging.getLogger(__name__)


# -- hooks ------------------------------------------------------------------------------------


def hook_names() -> list[str]:
    """The hooks of :mod:`newsclaims.hookspecs`, in the order the module defines them."""
    from newsclaims import hookspecs

    found = [
        (obj.__code__.co_firstlineno, name)
        for name, obj in vars(hookspecs).items()
        if name.startswith("newsclaims_") and inspect.isfunction(obj)
    ]
    return [name for _line, name in sorted(found)]


def hook_options(name: str) -> dict[str, bool]:
    """The pluggy options a hookspec declares (``firstresult``, ``historic``)."""
    from newsclaims import hookspecs

    opts = getattr(getattr(hookspecs, name), "newsclaims_spec", {}) or {}
    return {k: bool(v) for k, v in opts.items() if k in ("firstresult", "historic") and v}


def render_hooks() -> str:
    """The hook reference as MyST markdown (the pages are markdown)."""
    from newsclaims import hookspecs

    out = ["| hook | arguments | calls |", "|---|---|---|"]
    for name in hook_names():
        args = ", ".join(inspect.signature(getattr(hookspecs, name)).parameters) or "(none)"
        calls = "first answer wins" if hook_options(name).get("firstresult") else "every plugin"
        out.append(f"| {{func}}`~newsclaims.hookspecs.{name}` | {args} | {calls} |")
    out.append("")
    for name in hook_names():
        # autodoc writes reST: parse it as reST, not as the page's markdown
        out += ["```{eval-rst}", f".. autofunction:: newsclaims.hookspecs.{name}", "```", ""]
        opts = hook_options(name)
        if opts:
            out += ["*hookspec options:* " + ", ".join(f"`{k}=True`" for k in opts), ""]
    return "\n".join(out)


class HookReference(SphinxDirective):
    """``hook-reference``: the generated hook reference."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        container = nodes.container()
        self.state.nested_parse(StringList(render_hooks().splitlines()), 0, container)
        return list(container.children)


# -- the command line ------------------------------------------------------------------------


def cli_sections() -> list[tuple[str, str, str]]:
    """``(command, description, --help text)`` for ``newsclaims`` and each subcommand."""
    import argparse
    import os

    from newsclaims.cli import build_parser

    os.environ["COLUMNS"] = "92"  # argparse wraps to the terminal; the page wants one width
    parser = build_parser()
    out = [("newsclaims", parser.description or "", parser.format_help())]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                out.append((f"newsclaims {name}", sub.description or "", sub.format_help()))
    return out


class CliReference(SphinxDirective):
    """``cli-reference``: the ``--help`` of the command and of every subcommand."""

    def run(self) -> list[nodes.Node]:
        result: list[nodes.Node] = []
        for command, description, text in cli_sections():
            section = nodes.section(ids=[nodes.make_id(command)])
            section += nodes.title(command, command)
            if description:
                section += nodes.paragraph(description, description)
            block = nodes.literal_block(text, text)
            block["language"] = "text"
            section += block
            result.append(section)
        return result


# -- the JSON contract ------------------------------------------------------------------------


class SchemaFields(SphinxDirective):
    """``schema-fields [report|error|vocabularies]``: a field table of the schema, each
    field's meaning being its ``description`` (:mod:`contract_fields`)."""

    optional_arguments = 1

    def run(self) -> list[nodes.Node]:
        import contract_fields

        record = self.arguments[0] if self.arguments else "report"
        if record == "vocabularies":
            lines = ["| vocabulary | values | what |", "|---|---|---|"]
            for name, description, values in contract_fields.vocabularies():
                shown = ", ".join(f"`{v}`" for v in values)
                what = description.replace("<", "\\<")
                lines.append(f"| `{name}` | {shown} | {what} |")
        else:
            lines, missing = contract_fields.table(contract_fields.schema_rows(record))
            for path in missing:
                logger.warning(
                    "JSON contract field %r has no description in the schema",
                    path,
                    location=self.get_location(),
                )
        container = nodes.container()
        self.state.nested_parse(StringList(lines), 0, container)
        return list(container.children)


# -- runnable examples ------------------------------------------------------------------------


def _module_of(node: nodes.Node, current: str | None) -> str | None:
    from sphinx import addnodes

    parent = node.parent
    while parent is not None:
        if isinstance(parent, addnodes.desc):
            for sig in parent.findall(addnodes.desc_signature):
                if sig.get("module"):
                    return str(sig["module"])
        parent = parent.parent
    return current


def _doctest_blocks(app: Sphinx, doctree: nodes.document) -> None:
    """Make ``>>>`` blocks doctests; a docstring's examples run in its module's namespace."""
    current: str | None = None
    for node in list(doctree.findall()):
        if isinstance(node, (nodes.target, nodes.section)):
            for node_id in node.get("ids", ()):
                if node_id.startswith("module-"):
                    current = node_id.removeprefix("module-")
            continue
        if not isinstance(node, (nodes.literal_block, nodes.doctest_block)):
            continue
        text = node.astext()
        if not text.lstrip().startswith(">>>") or "testnodetype" in node:
            continue
        module = _module_of(node, current)
        group = module or "default"
        new = nodes.literal_block(text, text)
        new["language"] = "pycon"
        new["testnodetype"] = "doctest"
        new["groups"] = [group]
        new["options"] = {}
        node.replace_self(new)
        if module:
            code = f"import {module} as _mod\nglobals().update(vars(_mod))"
            setup = nodes.comment(code, code)
            setup["testnodetype"] = "testsetup"
            setup["groups"] = [group]
            new.parent.insert(new.parent.index(new), setup)


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the directives and the doctest transform."""
    app.add_directive("cli-reference", CliReference)
    app.add_directive("hook-reference", HookReference)
    app.add_directive("schema-fields", SchemaFields)
    app.connect("doctree-read", _doctest_blocks)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
