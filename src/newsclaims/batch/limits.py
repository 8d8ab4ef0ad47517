"""What one document may cost (time, memory) and how a worker tells what it uses.

:class:`Limits` is what ``--timeout``, ``--memory-limit`` and ``--max-docs-per-worker``
set. In worker processes the parent enforces them (:mod:`~newsclaims.batch.pool`): it
stops a worker that is over time or over memory and writes an error record for the
document it held. In this process (one input, or ``jobs=1`` through the API)
:func:`guarded` enforces the time limit with ``SIGALRM`` and lets a signal handler abort
the document at once (:func:`abort_current`).
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading
from collections.abc import Iterator
from types import FrameType
from typing import Any

import attrs

__all__ = [
    "DEFAULT_MAX_DOCS",
    "DEFAULT_MEMORY_MB",
    "DEFAULT_TIMEOUT",
    "MEMORY_LIMIT",
    "TIMEOUT",
    "WORKER_DIED",
    "Aborted",
    "DocumentTimeout",
    "Limits",
    "abort_current",
    "guarded",
    "rss_bytes",
]

#: Seconds one document may take (``--timeout``).
DEFAULT_TIMEOUT = 120.0
#: Resident memory of one worker process, in MB, before its document fails (``--memory-limit``).
DEFAULT_MEMORY_MB = 4096
#: Documents a worker parses before it is replaced by a fresh one (``--max-docs-per-worker``).
DEFAULT_MAX_DOCS = 5000

#: Error type of a document that took longer than the time limit.
TIMEOUT = "Timeout"
#: Error type of a document whose worker went over the memory limit.
MEMORY_LIMIT = "MemoryLimit"
#: Error type of a document whose worker process died (killed, crashed, out of memory).
WORKER_DIED = "WorkerDied"


@attrs.frozen
class Limits:
    """Bounds on what one document may cost; ``None`` (or 0 on the command line) is no bound.

    :param timeout: seconds a document may take; past it the document is an error record
        (``Timeout``) and the rest goes on.
    :param memory_mb: resident memory a worker process may reach while it parses one
        document; past it the worker is stopped and the document is an error record
        (``MemoryLimit``). A worker found above half of it between documents is replaced by
        a fresh one (a leaking plugin costs no document). Enforced in worker processes only.
    :param max_docs: a worker is replaced by a fresh one after this many documents.
    """

    timeout: float | None = DEFAULT_TIMEOUT
    memory_mb: float | None = DEFAULT_MEMORY_MB
    max_docs: int | None = DEFAULT_MAX_DOCS

    @property
    def memory_bytes(self) -> int | None:
        """:attr:`memory_mb` in bytes."""
        return None if not self.memory_mb else int(self.memory_mb * (1 << 20))

    @property
    def recycle_bytes(self) -> int | None:
        """Between documents, a worker above this many bytes is replaced."""
        hard = self.memory_bytes
        return None if hard is None else hard // 2


#: Limits that bound nothing.
UNLIMITED = Limits(timeout=None, memory_mb=None, max_docs=None)

_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def rss_bytes(pid: int | str = "self") -> int | None:
    """Resident memory of process ``pid`` in bytes (Linux ``/proc``); ``None`` when unknown."""
    try:
        with open(f"/proc/{pid}/statm", "rb") as fh:
            return int(fh.read().split()[1]) * _PAGE
    except (OSError, ValueError, IndexError):
        return None


class Aborted(BaseException):
    """The document in progress was abandoned because the run was interrupted.

    A ``BaseException``, like :class:`KeyboardInterrupt`, so that a plugin's
    ``except Exception`` cannot swallow it.
    """


class DocumentTimeout(BaseException):
    """The document in progress took longer than its time limit (in this process)."""


class _Guard(threading.local):
    active: bool = False


_guard = _Guard()


def abort_current() -> None:
    """From a signal handler: abandon the document this thread is parsing, if any."""
    if _guard.active:
        _guard.active = False
        raise Aborted


def _alarm(signum: int, frame: FrameType | None) -> None:
    if _guard.active:
        _guard.active = False
        raise DocumentTimeout


@contextlib.contextmanager
def guarded(timeout: float | None) -> Iterator[None]:
    """Parse one document here with a time limit (``SIGALRM``) and abortable by a signal.

    Raises :class:`DocumentTimeout` past ``timeout`` seconds, and :class:`Aborted` when a
    signal handler calls :func:`abort_current`. The time limit needs the main thread of a
    Unix process; elsewhere it is not enforced (worker processes are the safe way). A hook
    stuck in C code that never returns to Python is only stopped by a worker's parent.
    """
    timed = (
        bool(timeout)
        and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
    )
    saved: Any = None
    if timed:
        assert timeout is not None
        saved = signal.signal(signal.SIGALRM, _alarm)
        signal.setitimer(signal.ITIMER_REAL, timeout)
    _guard.active = True
    try:
        yield
    finally:
        _guard.active = False
        if timed:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, saved)
