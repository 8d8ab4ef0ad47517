"""``re`` with compiled patterns kept between processes (issue 14: start-up).

Python keeps the byte code of a module in ``__pycache__``, but every process compiles
each of its regular expressions again: for ``newsclaims extract`` of one text file that
was 0.25-0.3 s of 0.35 s of CPU (about 380 patterns, the engine's word lists among them).
This module is :mod:`re` with one difference. :func:`compile` keeps what the regex
compiler made of a pattern (its SRE code, the groups and the final flags) in one file
beside the package's byte code, and a later process builds the pattern object from that
with ``_sre.compile``, the call that :func:`re.compile` itself ends in; loading all of
them takes about 3 ms.

What a process gets is the same pattern object ``re.compile`` would give: equal to it
(``Pattern.__eq__`` compares the code word for word), the same groups and flags. A
new pattern is compiled in ``re.compile``'s own steps (parse, code, ``_sre.compile``),
so once; the first few of a process are compared with ``re.compile``'s own pattern, and
on an interpreter whose internals differ nothing is stored. ``_sre.compile`` validates
the code it is given, and a file that does not load is ignored. The file is keyed by
the interpreter (its cache tag, version and the SRE magic number), written when the
process exits (atomically, replaced whole) and only if it compiled something new, and
not at all under ``PYTHONDONTWRITEBYTECODE`` like ``.pyc`` files.
``NEWSCLAIMS_PATTERN_CACHE=0`` turns it off; any other value is the folder to use.

The functions that take a pattern (``re.sub(r"...", ...)``, ``re.match`` ...) take it from
:func:`compile` too. Modules use it as ``from newsclaims import _re as re``; every other
name is ``re``'s.
"""

from __future__ import annotations

import array
import atexit
import contextlib
import marshal
import os
import re
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from re import (
    ASCII,
    DOTALL,
    IGNORECASE,
    LOCALE,
    MULTILINE,
    NOFLAG,
    UNICODE,
    VERBOSE,
    A,
    I,
    L,
    M,
    Match,
    Pattern,
    RegexFlag,
    S,
    U,
    X,
    error,
    escape,
    purge,
)
from typing import Any, AnyStr

__all__ = [
    "ASCII",
    "DOTALL",
    "IGNORECASE",
    "LOCALE",
    "MULTILINE",
    "NOFLAG",
    "UNICODE",
    "VERBOSE",
    "A",
    "I",
    "L",
    "M",
    "Match",
    "Pattern",
    "RegexFlag",
    "S",
    "U",
    "X",
    "compile",
    "error",
    "escape",
    "findall",
    "finditer",
    "fullmatch",
    "match",
    "purge",
    "search",
    "split",
    "sub",
    "subn",
]

ENV = "NEWSCLAIMS_PATTERN_CACHE"
MAX_NEW = 2048  # patterns a process adds to the file at most
# past this many patterns or bytes of code, the file is written again with only the
# patterns this process used (a pattern that differs from run to run cannot fill it)
MAX_KEPT = 2000
MAX_BYTES = 8_000_000
MAX_MEMO = 512  # pattern objects kept in memory, like re's own cache
VERIFY = 8  # new patterns compared with re.compile's own before the parts are trusted
_SPECIAL = int(re.DEBUG) | int(getattr(re, "TEMPLATE", 0))  # left to re.compile

#: (pattern, flags) -> (final flags, SRE code as bytes, groups - 1, groupindex, indexgroup)
_Entry = tuple[int, bytes, int, dict[Any, int], tuple[Any, ...]]

try:
    import _sre  # type: ignore[import-not-found]
    from re import _compiler, _parser  # type: ignore[attr-defined]

    _TAG = f"{sys.implementation.cache_tag}-{sys.hexversion:x}-{_sre.MAGIC}-{_sre.CODESIZE}"
    _CODE_TYPE = {4: "I", 2: "H"}[_sre.CODESIZE]
except (ImportError, AttributeError, KeyError):  # pragma: no cover - not CPython
    _TAG = ""

_entries: dict[tuple[Any, int], _Entry] | None = None  # None: the file not read yet
_used: set[tuple[Any, int]] = set()
_new = 0
_checked = 0
_trusted = True  # False once a pattern built from its parts differed from re.compile's
_memo: dict[tuple[type, Any, int], Pattern[Any]] = {}
stats = {"loaded": 0, "hits": 0, "compiled": 0, "stored": 0}


def cache_dir() -> Path | None:
    """The folder of the kept files (this one's and :mod:`newsclaims._attrscode`'s), or
    None when keeping is off."""
    setting = os.environ.get(ENV, "")
    if setting.lower() in ("0", "off", "no", "false"):
        return None
    if setting:
        return Path(setting)
    here = Path(__file__).resolve().parent
    if sys.pycache_prefix:
        return Path(sys.pycache_prefix, *here.parts[1:])
    return here / "__pycache__"


def may_write() -> bool:
    """Whether kept files are written: not under PYTHONDONTWRITEBYTECODE (like ``.pyc``
    files) unless the folder was given."""
    return not sys.dont_write_bytecode or bool(os.environ.get(ENV))


def cache_file() -> Path | None:
    """The file of this interpreter's patterns, or None when the cache is off."""
    folder = cache_dir()
    if not _TAG or folder is None:
        return None
    return folder / f"patterns.{_TAG}.marshal"


def _load() -> dict[tuple[Any, int], _Entry]:
    global _entries
    entries: dict[tuple[Any, int], _Entry] = {}
    path = cache_file()
    if path is not None:
        try:
            tag, stored = marshal.loads(path.read_bytes())
            if tag == _TAG and isinstance(stored, dict):
                entries = stored
        except (OSError, ValueError, EOFError, TypeError):
            pass
    stats["loaded"] = len(entries)
    _entries = entries
    return entries


def _build(pattern: Any, entry: _Entry) -> Pattern[Any]:
    flags, code, groups, groupindex, indexgroup = entry
    words = array.array(_CODE_TYPE, code).tolist()
    built: Pattern[Any] = _sre.compile(pattern, flags, words, groups, groupindex, indexgroup)
    return built


def _entry_of(pattern: Any, flags: int) -> _Entry:
    """What re.compile makes of ``pattern``, in parts (its own steps, re/_compiler.py)."""
    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[Any] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return (
        flags | parsed.state.flags,
        array.array(_CODE_TYPE, code).tobytes(),
        parsed.state.groups - 1,
        groupindex,
        tuple(indexgroup),
    )


def compile(pattern: AnyStr | Pattern[AnyStr], flags: int = 0) -> Pattern[AnyStr]:
    """:func:`re.compile`, from the patterns kept by an earlier process when it can."""
    if not isinstance(pattern, (str, bytes)) or not _TAG:
        return re.compile(pattern, flags)
    flags = int(flags)
    memo_key = (type(pattern), pattern, flags)
    try:
        return _memo[memo_key]
    except KeyError:
        pass
    entries = _entries if _entries is not None else _load()
    key = (pattern, flags)
    compiled: Pattern[AnyStr] | None = None
    entry = entries.get(key)
    if entry is not None:
        try:
            compiled = _build(pattern, entry)
            stats["hits"] += 1
        except Exception:  # a damaged entry: compile it as re would
            entries.pop(key, None)
            compiled = None
    if compiled is None:
        compiled = _compile_new(key, entries)
    _used.add(key)
    if len(_memo) >= MAX_MEMO:
        _memo.pop(next(iter(_memo)))
    _memo[memo_key] = compiled
    return compiled


def _compile_new(key: tuple[Any, int], entries: dict[tuple[Any, int], _Entry]) -> Pattern[Any]:
    """A pattern not in the file: compiled in parts (once, as re.compile would), kept."""
    global _new, _checked, _trusted
    pattern, flags = key
    stats["compiled"] += 1
    if _new >= MAX_NEW or not _trusted or flags & _SPECIAL or not _writable():
        return re.compile(pattern, flags)
    try:
        entry = _entry_of(pattern, flags)
        built = _build(pattern, entry)
    except Exception:  # an invalid pattern (re.compile raises its own error) or internals
        return re.compile(pattern, flags)  # unlike 3.11-3.13's
    if _checked < VERIFY:
        own = re.compile(pattern, flags)
        if built != own:  # Pattern equality compares the code word for word
            _trusted = False
            return own
        _checked += 1
    entries[key] = entry
    if _new == 0:
        atexit.register(save)
    _new += 1
    stats["stored"] += 1
    return built


def _writable() -> bool:
    return cache_file() is not None and may_write()


def save() -> None:
    """Write the patterns to :func:`cache_file` (at exit, when some were new)."""
    global _new
    path = cache_file()
    if path is None or _entries is None or not _new:
        return
    keep = _entries
    if len(keep) > MAX_KEPT or sum(len(e[1]) for e in keep.values()) > MAX_BYTES:
        keep = {k: v for k, v in keep.items() if k in _used}
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_bytes(marshal.dumps((_TAG, keep)))
        os.replace(tmp, path)
        _new = 0
    except (OSError, ValueError):
        with contextlib.suppress(OSError):
            tmp.unlink()


# typed for text, the patterns of newsclaims (bytes work as in re)
_Pat = str | Pattern[str]
_Repl = str | Callable[[Match[str]], str]


def match(pattern: _Pat, string: str, flags: int = 0) -> Match[str] | None:
    """:func:`re.match` with the pattern from :func:`compile`."""
    return compile(pattern, flags).match(string)


def fullmatch(pattern: _Pat, string: str, flags: int = 0) -> Match[str] | None:
    """:func:`re.fullmatch` with the pattern from :func:`compile`."""
    return compile(pattern, flags).fullmatch(string)


def search(pattern: _Pat, string: str, flags: int = 0) -> Match[str] | None:
    """:func:`re.search` with the pattern from :func:`compile`."""
    return compile(pattern, flags).search(string)


def sub(pattern: _Pat, repl: _Repl, string: str, count: int = 0, flags: int = 0) -> str:
    """:func:`re.sub` with the pattern from :func:`compile`."""
    return compile(pattern, flags).sub(repl, string, count)


def subn(
    pattern: _Pat, repl: _Repl, string: str, count: int = 0, flags: int = 0
) -> tuple[str, int]:
    """:func:`re.subn` with the pattern from :func:`compile`."""
    return compile(pattern, flags).subn(repl, string, count)


def split(pattern: _Pat, string: str, maxsplit: int = 0, flags: int = 0) -> list[str | Any]:
    """:func:`re.split` with the pattern from :func:`compile`."""
    return compile(pattern, flags).split(string, maxsplit)


def findall(pattern: _Pat, string: str, flags: int = 0) -> list[Any]:
    """:func:`re.findall` with the pattern from :func:`compile`."""
    return compile(pattern, flags).findall(string)


def finditer(pattern: _Pat, string: str, flags: int = 0) -> Iterator[Match[str]]:
    """:func:`re.finditer` with the pattern from :func:`compile`."""
    return compile(pattern, flags).finditer(string)
