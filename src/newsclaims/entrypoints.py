"""Entry points of one group, found without importing :mod:`importlib.metadata`.

``importlib.metadata`` costs a tenth of a ``newsclaims extract`` start-up to import (it
brings ``email``, ``zipfile`` and ``csv``) and reads every installed distribution's metadata
with the ``email`` parser. The plugin host needs only the distributions that declare a
``newsclaims`` entry point: this module reads each ``*.dist-info/entry_points.txt`` and
``*.egg-info/entry_points.txt`` on ``sys.path`` as text, and the name and version of just
those distributions. Distributions are taken in ``importlib.metadata``'s order (path entry by
path entry, a folder's in listing order, the first of one name wins).
When the path holds something this reader does not handle (a zip file, an import hook
that finds distributions), :func:`entry_points` asks ``importlib.metadata`` instead.
"""

from __future__ import annotations

import importlib
import os
import sys
from typing import Any

import attrs

from . import _re as re

__all__ = ["EntryPoint", "entry_points"]


@attrs.frozen
class EntryPoint:
    """One entry point: its name, ``module[:attr]`` value, and its distribution."""

    name: str
    value: str
    dist_name: str | None = None
    dist_version: str | None = None

    def load(self) -> Any:
        """Import the module the value names and return it, or its attribute."""
        m = _VALUE.match(self.value)
        if m is None:
            raise ValueError(f"malformed entry point value {self.value!r}")
        obj: Any = importlib.import_module(m.group("module"))
        for part in (m.group("attr") or "").split("."):
            if part:
                obj = getattr(obj, part)
        return obj


# importlib.metadata.EntryPoint.pattern
_VALUE = re.compile(r"(?P<module>[\w.]+)\s*(:\s*(?P<attr>[\w.]+)\s*)?((?P<extras>\[.*\])\s*)?$")


def _normalize(name: str) -> str:
    """A distribution name as ``importlib.metadata`` compares them (PEP 503, ``_`` joined)."""
    return re.sub(r"[-_.]+", "-", name).lower().replace("-", "_")


def _section(text: str, group: str) -> list[tuple[str, str]]:
    """The ``name = value`` lines of section ``[group]`` of an ``entry_points.txt``, read as
    ``importlib.metadata`` reads them (stripped lines, ``#`` comments)."""
    out: list[tuple[str, str]] = []
    section = None
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line.strip("[]")
        elif section == group:
            name, _, value = line.partition("=")
            out.append((name.strip(), value.strip()))
    return out


def _headers(folder: str) -> tuple[str | None, str | None]:
    """``Name`` and ``Version`` from a distribution's ``METADATA`` (or ``PKG-INFO``)."""
    for fname in ("METADATA", "PKG-INFO"):
        try:
            with open(os.path.join(folder, fname), encoding="utf-8") as f:
                name = version = None
                for line in f:
                    if not line.strip():
                        break  # the headers end at the first blank line
                    key, _, value = line.partition(":")
                    if key == "Name" and name is None:
                        name = value.strip()
                    elif key == "Version" and version is None:
                        version = value.strip()
                return name, version
        except OSError:
            continue
    return None, None


class _Unsupported(Exception):
    """The path holds distributions this reader does not find the way importlib does."""


def _scan(group: str) -> list[EntryPoint]:
    from importlib.machinery import PathFinder

    for finder in sys.meta_path:
        if hasattr(finder, "find_distributions") and finder is not PathFinder:
            raise _Unsupported(repr(finder))
    seen: set[str] = set()
    found: list[EntryPoint] = []
    for entry in sys.path:
        folder = entry or "."
        try:
            children = os.listdir(folder)
        except NotADirectoryError:
            raise _Unsupported(folder) from None  # a zip file on the path
        except OSError:
            continue  # a path entry that does not exist
        if os.path.basename(folder).lower().endswith(".egg"):
            raise _Unsupported(folder)  # an egg: its metadata sits inside it
        # in listing order, the first of one normalised name wins (importlib's Lookup)
        infos = [c for c in children if c.lower().endswith((".dist-info", ".egg-info"))]
        for child in infos:
            key = _normalize(child.lower().rpartition(".")[0].partition("-")[0])
            if key in seen:
                continue
            seen.add(key)
            path = os.path.join(folder, child)
            try:
                with open(os.path.join(path, "entry_points.txt"), encoding="utf-8") as f:
                    text = f.read()
            except OSError:
                continue
            if group not in text:
                continue
            lines = _section(text, group)
            if lines:
                name, version = _headers(path)
                found.extend(EntryPoint(n, v, name, version) for n, v in lines)
    return found


def _from_importlib(group: str) -> list[EntryPoint]:
    import importlib.metadata

    return [
        EntryPoint(
            ep.name,
            ep.value,
            ep.dist.name if ep.dist is not None else None,
            ep.dist.version if ep.dist is not None else None,
        )
        for ep in importlib.metadata.entry_points(group=group)
    ]


def entry_points(group: str) -> list[EntryPoint]:
    """Every entry point of ``group`` that ``importlib.metadata.entry_points`` would give,
    in its order."""
    try:
        return _scan(group)
    except _Unsupported:
        return _from_importlib(group)
