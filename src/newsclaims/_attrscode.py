"""attrs' generated methods compiled once, kept between processes (issue 14: start-up).

attrs writes the source of each class's ``__init__``, ``__repr__``, ``__eq__`` ... when
the class is made, and compiles it: 53 compiles, about 17 ms of the 146 ms of CPU that
``newsclaims extract`` of one text file took. :func:`install` gives ``attr._make`` a
``compile`` that keeps the code objects it makes in a file beside the package's byte
code, as ``marshal`` (the format of ``.pyc`` files), keyed by the source, its file name,
the compiler flags and the optimisation level; a later process loads them instead of
compiling the same source again.

A code object comes out as ``compile`` would make it: the flags are those ``compile``
would have inherited from ``attr._make`` (its ``from __future__`` imports), and a call
of any other shape goes to ``compile`` untouched. A hashable class's source carries a
hash of its name, which changes with the hash seed: it is kept with a stand-in number
as wide (all 7s: the columns in the code's position table stay right) in its place, and
the loaded code gets the process's own; the first few of a process are compared with
``compile``'s own code object, and nothing is kept if one differs. The file follows
:mod:`newsclaims._re`'s rules: in the same folder, keyed by the interpreter, written at
exit when something was new, not under ``PYTHONDONTWRITEBYTECODE``, off with
``NEWSCLAIMS_PATTERN_CACHE=0``.
"""

from __future__ import annotations
import __future__

import atexit
import builtins
import contextlib
import marshal
import os
import sys
from pathlib import Path
from types import CodeType
from typing import Any

from . import _re

MAX_KEPT = 2000  # past this many, the file is written again with this process's only
VERIFY = 8  # new code objects compared with compile's own before the stand-in is trusted
_METHODS = "<attrs generated methods "

_TAG = f"{sys.implementation.cache_tag}-{sys.hexversion:x}-O{sys.flags.optimize}"
_Key = tuple[str, str, int]
_codes: dict[_Key, bytes] | None = None
_used: set[_Key] = set()
_new = 0
_checked = 0
_trusted = True
stats = {"loaded": 0, "hits": 0, "compiled": 0, "stored": 0}


def cache_file() -> Path | None:
    """The file of this interpreter's attrs code, or None when keeping is off."""
    folder = _re.cache_dir()
    return None if folder is None else folder / f"attrs-code.{_TAG}.marshal"


def _load() -> dict[_Key, bytes]:
    global _codes
    codes: dict[_Key, bytes] = {}
    path = cache_file()
    if path is not None:
        try:
            tag, stored = marshal.loads(path.read_bytes())
            if tag == _TAG and isinstance(stored, dict):
                codes = stored
        except (OSError, ValueError, EOFError, TypeError):
            pass
    stats["loaded"] = len(codes)
    _codes = codes
    return codes


def _inherited_flags(module: Any) -> int:
    """The compiler flags ``compile`` inherits from code of ``module``: its futures."""
    flags = 0
    for name in __future__.all_feature_names:
        feature = getattr(__future__, name)
        if module.__dict__.get(name) is feature:
            flags |= feature.compiler_flag
    return flags


def keeping_compile(inherited: int) -> Any:
    """A ``compile`` for a module whose futures give ``inherited`` flags."""

    def compile(
        source: Any,
        filename: Any,
        mode: str,
        flags: int = 0,
        dont_inherit: bool = False,
        optimize: int = -1,
        **kwargs: Any,
    ) -> Any:
        if not dont_inherit:
            flags |= inherited
        if (
            kwargs
            or optimize != -1
            or mode != "exec"
            or not isinstance(source, str)
            or not isinstance(filename, str)
            or filename.startswith("<attrs generated hash ")
        ):
            return builtins.compile(source, filename, mode, flags, True, optimize, **kwargs)
        kept_source, type_hash = _canonical(source, filename)
        codes = _codes if _codes is not None else _load()
        key = (kept_source, filename, flags)
        _used.add(key)
        kept = codes.get(key)
        if kept is not None:
            try:
                code = marshal.loads(kept)
                if isinstance(code, CodeType):
                    stats["hits"] += 1
                    return _with_hash(code, type_hash)
            except (ValueError, EOFError, TypeError):
                pass
        return _compile_new(source, key, type_hash, codes)

    return compile


def _stand_in(type_hash: int) -> int:
    return int("7" * len(str(type_hash)))


def _canonical(source: str, filename: str) -> tuple[str, int | None]:
    """The source to key and keep, and the per-process hash it had (or None)."""
    if not filename.startswith(_METHODS):
        return source, None
    type_hash = hash("<attrs generated hash " + filename[len(_METHODS) :])
    literal, stand_in = str(type_hash), str(_stand_in(type_hash))
    at = source.find(literal)
    if (
        at < 1
        or source.count(literal) != 1
        or stand_in in source
        or source[at - 1].isalnum()  # a number of its own (no regex: each one is new)
        or source[at - 1] in "-_."
        or source[at + len(literal) : at + len(literal) + 1].isalnum()
    ):
        return source, None
    return source[:at] + stand_in + source[at + len(literal) :], type_hash


def _with_hash(code: CodeType, type_hash: int | None) -> CodeType:
    """``code`` with the stand-in constant replaced by ``type_hash`` (at any depth)."""
    if type_hash is None:
        return code
    stand_in = _stand_in(type_hash)
    consts = tuple(
        type_hash
        if type(c) is int and c == stand_in
        else _with_hash(c, type_hash)
        if isinstance(c, CodeType)
        else c
        for c in code.co_consts
    )
    return code.replace(co_consts=consts)


def _compile_new(source: str, key: _Key, type_hash: int | None, codes: dict[_Key, bytes]) -> Any:
    global _new, _checked, _trusted
    kept_source, filename, flags = key
    stats["compiled"] += 1
    if not _trusted or cache_file() is None or not _re.may_write() or _new >= MAX_KEPT:
        return builtins.compile(source, filename, "exec", flags, True)
    kept = builtins.compile(kept_source, filename, "exec", flags, True)
    code = _with_hash(kept, type_hash)
    if type_hash is not None and _checked < VERIFY:
        own = builtins.compile(source, filename, "exec", flags, True)
        if code != own:
            _trusted = False
            return own
        _checked += 1
    codes[key] = marshal.dumps(kept)
    if _new == 0:
        atexit.register(save)
    _new += 1
    stats["stored"] += 1
    return code


def save() -> None:
    """Write the code objects to :func:`cache_file` (at exit, when some were new)."""
    global _new
    path = cache_file()
    if path is None or _codes is None or not _new:
        return
    keep = _codes
    if len(keep) > MAX_KEPT:
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


def install() -> None:
    """Give ``attr._make`` the keeping ``compile`` (once; not if attrs is not as expected)."""
    try:
        from attr import _make
    except ImportError:  # pragma: no cover - attrs is a dependency
        return
    if "compile" in _make.__dict__ or not hasattr(_make, "_compile_and_eval"):
        return  # installed already, or an attrs that compiles otherwise
    if cache_file() is None:
        return
    _make.compile = keeping_compile(_inherited_flags(_make))  # type: ignore[attr-defined]


install()
