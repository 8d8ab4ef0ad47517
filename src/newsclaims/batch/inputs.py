"""Expand what the user named (files, directories, WARC files, lists of paths) into items.

Everything is lazy: directories are walked and WARC files read as the items are consumed,
so memory does not grow with the number of inputs (the walk keeps one ``(st_dev, st_ino)``
pair per directory it entered, to enter each once). The order is deterministic: arguments
in the order given, then the lines of ``--from-file``; directory entries sorted by name,
files of a directory before its subdirectories; WARC records in file order.

Every entry the walk finds is accounted for. A regular file (or a link to one) is an
input; a directory (or a link to one) is walked. A dangling link, a link loop, a FIFO, a
socket, a device and an unreadable directory are each an item carrying an error (they
are never opened, so a FIFO cannot block the run). Three kinds of entries are passed over
by rule and counted in :class:`WalkCounts` (the command's summary line): hidden names
(starting with ``.``), names that match no ``--glob``, and links to a directory the walk
has already entered (a cycle back to an ancestor, or a second way into one directory).

File names that are not valid UTF-8 are named with their undecodable bytes escaped
(:func:`newsclaims.inputs.writable_name`); the item keeps the real path to read.
"""

from __future__ import annotations

import errno
import fnmatch
import os
import stat
import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import BinaryIO, Literal

import attrs

from ..inputs import DEFAULT_MAX_INPUT_BYTES, writable_name
from .item import INPUT_ERROR, Item
from .warc import warc_items

__all__ = ["INPUT_ERROR", "Item", "WalkCounts", "expand", "files", "scan", "walk"]

#: What an argument or a directory entry is: walked, read, or an error record.
Kind = Literal["dir", "file", "bad"]


@attrs.define
class WalkCounts:
    """Directory entries the walk passed over by rule: no input, no record, only a count.

    :param hidden: entries whose name starts with ``.`` (a hidden directory counts once).
    :param unmatched: files and other entries that match no ``--glob`` pattern.
    :param repeated: links to a directory the walk of that argument already entered.
    """

    hidden: int = 0
    unmatched: int = 0
    repeated: int = 0

    @property
    def total(self) -> int:
        """All entries passed over."""
        return self.hidden + self.unmatched + self.repeated

    def summary(self) -> str:
        """``"3 entries passed over by the walk (2 hidden, 1 not matching --glob)"``, or ``""``."""
        parts = [
            f"{n:,} {what}"
            for n, what in (
                (self.hidden, "hidden"),
                (self.unmatched, "not matching --glob"),
                (self.repeated, "links to a directory already walked"),
            )
            if n
        ]
        if not parts:
            return ""
        noun = "entry" if self.total == 1 else "entries"
        return f"{self.total:,} {noun} passed over by the walk ({', '.join(parts)})"


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


def _special(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    return "not a regular file"


def _stat_problem(path: str, exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "symbolic link loop (Too many levels of symbolic links)"
    if exc.errno in (errno.ENOENT, errno.ENOTDIR):
        try:
            target = os.readlink(path)
        except (OSError, ValueError):
            return exc.strerror or "No such file or directory"
        return f"dangling symbolic link (its target {writable_name(target)} does not exist)"
    return exc.strerror or str(exc)


def examine(path: str) -> tuple[Kind, os.stat_result | None, str | None]:
    """What ``path`` is, following links: ``(kind, stat, problem)``, never opening it.

    ``kind`` is ``"dir"`` (walk it), ``"file"`` (read it) or ``"bad"``; then ``problem``
    says why in words: ``No such file or directory``, a dangling link and its target, a
    link loop, a FIFO, socket or device (``not read``), or the system's reason.
    """
    try:
        st = os.stat(path)
    except OSError as exc:
        return "bad", None, _stat_problem(path, exc)
    except ValueError as exc:  # an embedded NUL character
        return "bad", None, f"not a file name: {exc}"
    if stat.S_ISDIR(st.st_mode):
        return "dir", st, None
    if stat.S_ISREG(st.st_mode):
        return "file", st, None
    return "bad", st, f"{_special(st.st_mode)}, not a regular file: not read"


def _entry_kind(entry: os.DirEntry[str]) -> tuple[Kind, os.stat_result | None, str | None]:
    try:  # the common case costs no system call (the directory listing has the type)
        if not entry.is_symlink():
            if entry.is_dir(follow_symlinks=False):
                return "dir", entry.stat(follow_symlinks=False), None
            if entry.is_file(follow_symlinks=False):
                return "file", None, None
    except OSError:
        pass
    return examine(entry.path)


def scan(
    root: str,
    globs: Sequence[str] = (),
    counts: WalkCounts | None = None,
    *,
    root_stat: os.stat_result | None = None,
) -> Iterator[tuple[str, str | None]]:
    """``(path, problem)`` for every entry under the directory ``root`` that is no directory.

    ``problem`` is ``None`` for a regular file (or a link to one) and says what is wrong
    otherwise (see :func:`examine`; an unreadable directory is such an entry too).
    Directories, and links to directories, are walked, each ``(st_dev, st_ino)`` once;
    entries passed over by rule are counted in ``counts`` (see :class:`WalkCounts`). A
    pattern with a ``/`` matches the path relative to ``root``; otherwise the name.
    """
    counts = counts if counts is not None else WalkCounts()
    seen: set[tuple[int, int]] = set()
    try:
        top = root_stat or os.stat(root)
        seen.add((top.st_dev, top.st_ino))
    except (OSError, ValueError):
        pass  # scandir below says why
    stack: list[tuple[str, str]] = [(root, "")]
    while stack:
        folder, rel = stack.pop()
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            yield folder, f"directory not read: {exc.strerror or exc}"
            continue
        subdirs: list[tuple[str, str]] = []
        for entry in entries:
            if entry.name.startswith("."):
                counts.hidden += 1
                continue
            entry_rel = f"{rel}{entry.name}"
            kind, st, problem = _entry_kind(entry)
            if kind == "dir" and st is not None:
                key = (st.st_dev, st.st_ino)
                if key in seen:  # a cycle, or a second link into one directory
                    counts.repeated += 1
                    continue
                seen.add(key)
                subdirs.append((entry.path, entry_rel + "/"))
                continue
            if not _matches(entry_rel, entry.name, globs):
                counts.unmatched += 1
                continue
            yield entry.path, problem
        # depth first, in name order: files of a folder first, then its subfolders
        stack.extend(reversed(subdirs))


def walk(root: str, globs: Sequence[str] = ()) -> Iterator[str]:
    """The regular files under ``root`` matching ``globs``, in walk order (see :func:`scan`)."""
    for path, problem in scan(root, globs):
        if problem is None:
            yield path


def read_path_list(source: str, stdin: BinaryIO | None = None) -> Iterator[str]:
    """Paths listed one a line in ``source`` (``-`` = standard input).

    Blank lines and lines starting with ``#`` are skipped; surrounding space is dropped.
    Lines are file names as the system gives them (bytes that are not UTF-8 are kept as
    :func:`os.fsdecode` keeps them), so every file a list names can be found.
    """
    if source == "-":
        stream = stdin or sys.stdin.buffer
        for raw in stream:
            line = os.fsdecode(raw).strip()
            if line and not line.startswith("#"):
                yield line
        return
    with open(source, encoding="utf-8", errors="surrogateescape") as fh:
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
    """Every path that :func:`expand` makes items of, directories walked (WARCs not opened).

    Each argument that is no directory, and each entry the walk yields (regular files and
    the entries that become error records); ``-`` is left out. :func:`expand` of any of
    these paths gives the same items as the walk did.
    """
    for entry in entries(paths, from_file):
        if entry == "-":
            continue
        kind, st, _ = examine(entry)
        if kind == "dir":
            for path, _problem in scan(entry, globs, root_stat=st):
                yield path
        else:
            yield entry


def _problem_item(path: str, problem: str) -> Item:
    name = writable_name(path)
    return Item(name=name, error=(INPUT_ERROR, f"{name}: {problem}"))


def _file_items(
    path: str, st: os.stat_result | None = None, max_input_bytes: int | None = None
) -> Iterator[Item]:
    if is_warc(path):
        yield from warc_items(path, max_input_bytes)
        return
    if st is None:
        try:
            st = os.stat(path)
        except (OSError, ValueError):
            st = None
    yield Item(name=writable_name(path), path=path, size=st.st_size if st else 0)


def expand(
    paths: Iterable[str],
    globs: Sequence[str] = (),
    *,
    from_file: str | None = None,
    stdin: BinaryIO | None = None,
    counts: WalkCounts | None = None,
    max_input_bytes: int | None = DEFAULT_MAX_INPUT_BYTES,
) -> Iterator[Item]:
    """Expand arguments into items, lazily and in a deterministic order.

    What is read here (standard input, the pages of WARC records) is read up to one byte
    past ``max_input_bytes`` (``None`` or 0: no limit), so that an input over the limit
    costs no memory; the worker then makes it an ``InputTooLargeError`` record.

    * ``-`` reads standard input (one item named ``<stdin>``);
    * a directory yields an item for every entry :func:`scan` finds under it: the files
      that match ``globs`` (all files when empty), and an error item for each dangling
      link, link loop, FIFO, socket, device or unreadable directory; entries passed over
      by rule are counted in ``counts``;
    * a ``.warc``/``.warc.gz`` file yields one item per HTML response record;
    * any other file is one item; a path that is missing, a dangling link, a link loop or
      no regular file is an item carrying an error that says which.
    """
    for entry in entries(paths, from_file):
        if entry == "-":
            cap = max_input_bytes + 1 if max_input_bytes and max_input_bytes > 0 else -1
            data = (stdin or sys.stdin.buffer).read(cap)
            yield Item(name="<stdin>", data=data, size=len(data))
            continue
        kind, st, problem = examine(entry)
        if kind == "dir":
            for path, found in scan(entry, globs, counts, root_stat=st):
                if found is None:
                    yield from _file_items(path, max_input_bytes=max_input_bytes)
                else:
                    yield _problem_item(path, found)
        elif kind == "file":
            yield from _file_items(entry, st, max_input_bytes)
        else:
            yield _problem_item(entry, problem or "not a file")


def total_size(
    paths: Iterable[str], globs: Sequence[str] = (), *, from_file: str | None = None
) -> int:
    """Bytes of every file the arguments name (the denominator of the progress bar)."""
    total = 0
    for path in files(paths, globs, from_file=from_file):
        try:
            st = os.stat(path)
        except (OSError, ValueError):
            continue
        if stat.S_ISREG(st.st_mode):
            total += st.st_size
    return total


def single_plain_input(paths: Sequence[str], from_file: str | None) -> bool:
    """Whether the arguments name exactly one ordinary file or ``-`` (one JSON report)."""
    if from_file is not None or len(paths) != 1:
        return False
    only = paths[0]
    return only == "-" or (Path(only).is_file() and not is_warc(only)) or not Path(only).exists()
