"""Expand what the user named (files, directories, WARC files, lists of paths) into items.

Everything is lazy: directories are walked and WARC files read as the items are consumed,
so memory does not grow with the number of inputs. The order is deterministic: arguments
in the order given, then the lines of ``--from-file``; directory entries sorted by name,
depth first; WARC records in file order.
"""

from __future__ import annotations

import fnmatch
import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

from .item import INPUT_ERROR, Item
from .warc import warc_items

__all__ = ["INPUT_ERROR", "Item"]


def is_warc(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` names a WARC file (``.warc`` or ``.warc.gz``)."""
    name = os.fspath(path).lower()
    return name.endswith((".warc", ".warc.gz"))


def _matches(rel: str, name: str, globs: Sequence[str]) -> bool:
    if not globs:
        return True
    for pattern in globs:
        target = rel if "/" in pattern else name
        if fnmatch.fnmatchcase(target, pattern):
            return True
    return False


def walk(root: str, globs: Sequence[str] = ()) -> Iterator[str]:
    """Files under ``root`` matching ``globs``, sorted by name, depth first.

    Hidden entries (names starting with ``.``) are skipped and symbolic links to
    directories are not followed (no loops). A pattern with a ``/`` matches the path
    relative to ``root``; otherwise it matches the file name.
    """
    stack: list[tuple[str, str]] = [(root, "")]
    while stack:
        folder, rel = stack.pop()
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError:
            continue
        subdirs: list[tuple[str, str]] = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            entry_rel = f"{rel}{entry.name}"
            try:
                if entry.is_dir(follow_symlinks=False):
                    subdirs.append((entry.path, entry_rel + "/"))
                    continue
                if not entry.is_file():
                    continue
            except OSError:
                continue
            if _matches(entry_rel, entry.name, globs):
                yield entry.path
        # depth first, in name order: files of a folder first, then its subfolders
        stack.extend(reversed(subdirs))


def read_path_list(source: str, stdin: BinaryIO | None = None) -> Iterator[str]:
    """Paths listed one a line in ``source`` (``-`` = standard input).

    Blank lines and lines starting with ``#`` are skipped; surrounding space is dropped.
    """
    if source == "-":
        stream = stdin or sys.stdin.buffer
        for raw in stream:
            line = raw.decode("utf-8", "replace").strip()
            if line and not line.startswith("#"):
                yield line
        return
    with open(source, encoding="utf-8", errors="replace") as fh:
        for line in fh:
            line = line.strip()
            if line and not line.startswith("#"):
                yield line


def entries(paths: Iterable[str], from_file: str | None = None) -> Iterator[str]:
    """The user's arguments, then the paths listed in ``from_file``."""
    yield from paths
    if from_file is not None:
        yield from read_path_list(from_file)


def files(
    paths: Iterable[str], globs: Sequence[str] = (), *, from_file: str | None = None
) -> Iterator[str]:
    """Every file the arguments name, directories expanded (WARC files not opened).

    Used to count the total size up front; missing paths and ``-`` are left out.
    """
    for entry in entries(paths, from_file):
        if entry == "-":
            continue
        if os.path.isdir(entry):
            yield from walk(entry, globs)
        elif os.path.isfile(entry):
            yield entry


def _file_items(path: str) -> Iterator[Item]:
    if is_warc(path):
        yield from warc_items(path)
        return
    try:
        size = os.stat(path).st_size
    except OSError:
        size = 0
    yield Item(name=path, path=path, size=size)


def expand(
    paths: Iterable[str],
    globs: Sequence[str] = (),
    *,
    from_file: str | None = None,
    stdin: BinaryIO | None = None,
) -> Iterator[Item]:
    """Expand arguments into items, lazily and in a deterministic order.

    * ``-`` reads standard input (one item named ``<stdin>``);
    * a directory yields the files under it that match ``globs`` (all files when empty);
    * a ``.warc``/``.warc.gz`` file yields one item per HTML response record;
    * any other file is one item; a missing path is an item carrying an error.
    """
    for entry in entries(paths, from_file):
        if entry == "-":
            data = (stdin or sys.stdin.buffer).read()
            yield Item(name="<stdin>", data=data, size=len(data))
        elif os.path.isdir(entry):
            for path in walk(entry, globs):
                yield from _file_items(path)
        elif os.path.isfile(entry):
            yield from _file_items(entry)
        else:
            reason = "No such file or directory" if not os.path.exists(entry) else "not a file"
            yield Item(name=entry, error=(INPUT_ERROR, f"{entry}: {reason}"))


def total_size(
    paths: Iterable[str], globs: Sequence[str] = (), *, from_file: str | None = None
) -> int:
    """Bytes of every file the arguments name (the denominator of the progress bar)."""
    total = 0
    for path in files(paths, globs, from_file=from_file):
        try:
            total += os.stat(path).st_size
        except OSError:
            continue
    return total


def single_plain_input(paths: Sequence[str], from_file: str | None) -> bool:
    """Whether the arguments name exactly one ordinary file or ``-`` (one JSON report)."""
    if from_file is not None or len(paths) != 1:
        return False
    only = paths[0]
    return only == "-" or (Path(only).is_file() and not is_warc(only)) or not Path(only).exists()
