"""``newsclaims new-plugin NAME --domain DOMAIN``: write a complete source-plugin distribution.

The files come from the template shipped in the package (``newsclaims/template/plugin``):
``pyproject.toml`` with the entry point, the module with ``newsclaims_detect``,
``newsclaims_parse`` and ``newsclaims_outlets``, a contract and golden-file test using
:mod:`newsclaims.testing` with one sample page of the outlet, a README and a ``tox.ini``.

>>> import tempfile
>>> with tempfile.TemporaryDirectory() as tmp:
...     root = render_plugin("examplenews", "news.example.com", Path(tmp))
...     sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())[:3]
['README.md', 'pyproject.toml', 'src/newsclaims_examplenews/__init__.py']
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from .. import _re as re
from ..errors import NewsclaimsError

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

__all__ = ["TemplateError", "add_parser", "render_plugin", "run"]

_NAME = re.compile(r"^[a-z][a-z0-9_]{0,40}$")
_DOMAIN = re.compile(r"^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,}$")
_SUFFIX = ".tmpl"


class TemplateError(NewsclaimsError, ValueError):
    """A plugin name or domain the template cannot use, or a folder that exists."""


def _template_root() -> Traversable:
    from importlib import resources  # only here: it imports tempfile, shutil (start-up)

    return resources.files("newsclaims") / "template" / "plugin"


def _walk(node: Traversable, prefix: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], str]]:
    out: list[tuple[tuple[str, ...], str]] = []
    for child in sorted(node.iterdir(), key=lambda c: c.name):
        if child.is_dir():
            if child.name != "__pycache__":
                out.extend(_walk(child, (*prefix, child.name)))
        elif child.name.endswith(_SUFFIX):
            out.append(((*prefix, child.name[: -len(_SUFFIX)]), child.read_text("utf-8")))
    return out


def _outlet_from(domain: str) -> str:
    labels = [w for w in domain.split(".")[:-1] if w not in ("www", "m", "news")] or [domain]
    return " ".join(w.capitalize() for w in re.split(r"[-.]", labels[-1]) if w)


def render_plugin(name: str, domain: str, parent: Path, *, outlet: str | None = None) -> Path:
    """Write the distribution ``newsclaims-NAME`` into ``parent`` and return its folder.

    :param name: the plugin's entry-point name (lower case letters, digits, ``_``).
    :param domain: the outlet's domain (``example.com``).
    :param outlet: the outlet's name; by default made from the domain.
    :raises TemplateError: for a bad name or domain, or when the folder exists.
    """
    from ..version import __version__

    if not _NAME.match(name):
        raise TemplateError(f"plugin name {name!r}: use lower case letters, digits and '_'")
    domain = domain.strip().lower().removeprefix("https://").removeprefix("http://")
    domain = domain.split("/", 1)[0].removeprefix("www.")
    if not _DOMAIN.match(domain):
        raise TemplateError(f"domain {domain!r} is not a host name like example.com")
    outlet = " ".join((outlet or _outlet_from(domain)).split())
    if not outlet or any(c in outlet for c in '"\\\n'):
        raise TemplateError(f"outlet name {outlet!r}: no quotes or backslashes")
    dist = "newsclaims-" + name.replace("_", "-")
    values = {
        "__DIST__": dist,
        "__MODULE__": "newsclaims_" + name,
        "__NAME__": name,
        "__DOMAIN__": domain,
        "__OUTLET__": outlet,
        "__CORE_VERSION__": __version__,
    }
    root = Path(parent) / dist
    if root.exists():
        raise TemplateError(f"{root} exists already")

    def fill(text: str) -> str:
        for key, value in values.items():
            text = text.replace(key, value)
        return text

    for parts, text in _walk(_template_root()):
        path = root.joinpath(*(fill(p) for p in parts))
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(fill(text), "utf-8")
    return root


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Render the template; print what was written and what to do next."""
    try:
        root = render_plugin(args.name, args.domain, Path(args.directory), outlet=args.outlet)
    except TemplateError as exc:
        err.write(f"newsclaims new-plugin: error: {exc}\n")
        return 2
    files = sorted(p.relative_to(root) for p in root.rglob("*") if p.is_file())
    out.write(f"wrote {root}/\n" + "".join(f"  {f}\n" for f in files))
    out.write(f"next: cd {root} && pip install -e . && pytest && newsclaims plugins\n")
    return 0


def add_parser(sub: Any, common: argparse.ArgumentParser) -> None:
    """Add ``new-plugin`` to the subcommands."""
    p = sub.add_parser(
        "new-plugin",
        help="write a new source plugin distribution from the template",
        description="Write newsclaims-NAME/: pyproject.toml with the entry point, a module "
        "with detect, parse and outlets hooks, a contract and golden-file test with a "
        "sample page, a README and a tox.ini.",
    )
    p.add_argument("name", metavar="NAME", help="the plugin's name (e.g. myoutlet)")
    p.add_argument("--domain", required=True, help="the outlet's domain (e.g. example.com)")
    p.add_argument("--outlet", help="the outlet's name (default: made from the domain)")
    p.add_argument(
        "-C", "--directory", default=".", metavar="DIR", help="where to write (default: here)"
    )
    p.set_defaults(run=run)
