"""Worker processes that cost at most their own document when something goes wrong.

Each worker has its own pair of pipes, so the parent always knows which documents a worker
holds and in which order it parses them (the first one it holds is the one in progress).
That is what makes every failure cost one document only:

* a worker that dies (``kill -9``, a crash, the kernel's out-of-memory killer, a plugin
  calling ``os._exit``) gives the document in progress an error record (``WorkerDied``,
  naming the signal or exit status); the documents queued behind it go to the other
  workers, and a fresh worker takes its place;
* a document past the time limit, or whose worker goes past the memory limit, has its
  worker killed and gets an error record (``Timeout``, ``MemoryLimit``);
* a worker is replaced by a fresh one after ``max_docs`` documents, or when it holds more
  than half the memory limit between documents (a leaking plugin);
* workers die with the parent: ``PR_SET_PDEATHSIG`` on Linux, and a watchdog thread that
  polls the parent's pid and reads the task pipe (end of file when the parent is gone).

Nothing is shared between workers, so a worker killed in the middle of writing corrupts
nothing but its own pipe, which is thrown away with it.

The parent is the serial part of a run (issue 14: with two cores, ``--jobs 2`` is bounded by
``2 / (1 + parent CPU / workers' CPU)``), so it does as little as it can per document: it
sends paths (never file contents, except what it read itself: WARC records and standard
input), several a message, written by its own loop to a task pipe that never blocks (what
a worker that stops reading leaves unwritten waits for the pipe to have room, watched in the
same ``epoll`` set: no feeder thread per worker, no thread switch per message); a worker
sends back the record already serialised, one framed pickle per message, and the parent
reads whatever a worker's pipe holds in one system call, from one ``epoll`` set made once
(not a fresh ``poll`` set per wait and per message), and reads a worker's memory from
``/proc`` at most once a tick.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import multiprocessing
import os
import pickle
import selectors
import signal
import struct
import sys
import threading
import time
import traceback
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator
from multiprocessing.connection import Connection
from typing import Any

import attrs

from ..errors import NewsclaimsError
from ..host import PluginHost
from .item import Item, Outcome
from .limits import MEMORY_LIMIT, TIMEOUT, UNLIMITED, WORKER_DIED, Limits, rss_bytes
from .work import Job, failure_outcome, preload, process

__all__ = ["WorkerStartError", "run_pool"]

#: Payload bytes a worker may hold queued before it gets more (besides its first item).
QUEUED_BYTES = 4 << 20
#: Each message from a worker: its length (8 bytes, big-endian), then a pickle.
_HEADER = struct.Struct("!Q")
#: The header of a :class:`multiprocessing.connection.Connection` message, short and long.
_CONNECTION_SHORT = struct.Struct("!i")
_CONNECTION_LONG = struct.Struct("!iQ")
#: Bytes the parent reads from a worker's pipe at a time.
_READ = 1 << 20
#: The parent takes back a document a worker holds but has not started (``(REVOKE, seq)``);
#: the worker answers ``(REVOKED, seq)`` when it gave it back, else it parses it as usual.
REVOKE = "revoke"
REVOKED = "revoked"
#: How often (seconds) the parent checks time, memory and ``stop`` while it waits.
TICK = 0.1
#: Seconds a worker may take to build its plugin host.
START_TIMEOUT = 120.0
#: Consecutive workers that may die before their first document before the run stops.
START_FAILURES = 3


class WorkerStartError(NewsclaimsError):
    """Worker processes die before they can parse anything (their plugin host fails)."""


# -- the worker side ----------------------------------------------------------------------


def _die_with_parent(parent: int) -> None:
    """Make this process end when ``parent`` does (Linux: at once; elsewhere: within 1 s)."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(Exception):
            libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
            libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(1)

    def watch() -> None:
        while True:
            time.sleep(1.0)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, name="newsclaims-parent-watch", daemon=True).start()


def _frame(message: Any) -> bytes:
    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    return _HEADER.pack(len(data)) + data


def _send(conn: Connection, message: Any) -> None:
    """One framed message to the parent (the caller holds the worker's send lock)."""
    try:
        data = _frame(message)
    except Exception:  # an exception that does not pickle: send its text instead
        if message[0] != "raise":
            raise
        original = message[2]
        data = _frame(("raise", message[1], RuntimeError(f"{type(original).__name__}: {original}")))
    view = memoryview(data)
    try:
        fd = conn.fileno()
        while view:
            view = view[os.write(fd, view) :]
    except OSError:  # the parent is gone
        os._exit(1)


def _worker_main(
    tasks: Connection,
    results: Connection,
    job: Job,
    host: PluginHost | None,
    parent: int,
    limits: Limits,
) -> None:
    """A worker's life: build the host, then parse what arrives until told to stop.

    Between documents the worker checks itself: after ``max_docs`` documents, or above
    half the memory limit, it says ``retired`` and exits; the parent gives what it still
    held to the other workers and starts a fresh one.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's business
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _die_with_parent(parent)
    try:
        host = host if host is not None else job.host_factory()
    except BaseException as exc:
        _send(results, ("fatal", "".join(traceback.format_exception(exc)).strip()))
        return
    inbox: deque[Any] = deque()  # what the worker holds and has not started
    arrived = threading.Condition()
    sending = threading.Lock()

    def send(message: Any) -> None:
        with sending:
            _send(results, message)

    def read() -> None:  # always drain the task pipe, so the parent never blocks on it
        while True:
            try:
                messages = tasks.recv()  # what the parent had for this worker, in order
            except (OSError, EOFError):  # the parent is gone
                os._exit(1)
            for message in messages:
                if message is not None and message[0] == REVOKE:
                    # given back only if not started: the parent hands it to another worker
                    seq = message[1]
                    with arrived:
                        held = [m for m in inbox if m is not None and m[0] == seq]
                        for m in held:
                            inbox.remove(m)
                    if held:
                        send((REVOKED, seq))
                    continue
                with arrived:
                    inbox.append(message)
                    arrived.notify()
                if message is None:
                    return

    threading.Thread(target=read, name="newsclaims-tasks", daemon=True).start()
    send(("ready", os.getpid()))
    docs = 0
    recycle = limits.recycle_bytes
    while True:
        with arrived:
            while not inbox:
                arrived.wait()
            message = inbox.popleft()
        if message is None:
            return
        seq, item = message
        try:
            outcome = process(item, job, host)
        except Exception as exc:  # strict mode: the parent re-raises it
            send(("raise", seq, exc))
            continue
        rss = rss_bytes()
        send(("done", seq, outcome, rss))
        docs += 1
        if (limits.max_docs and docs >= limits.max_docs) or (
            recycle is not None and rss is not None and rss > recycle
        ):
            send(("retired", docs, rss))
            return


# -- the parent side ----------------------------------------------------------------------


def _task_frame(messages: list[Any]) -> bytes:
    """``messages`` as one message of a :class:`Connection` (what the worker's ``recv`` reads)."""
    data = pickle.dumps(messages, protocol=pickle.HIGHEST_PROTOCOL)
    if len(data) > 0x7FFFFFFF:
        return _CONNECTION_LONG.pack(-1, len(data)) + data
    return _CONNECTION_SHORT.pack(len(data)) + data


@attrs.define(eq=False)
class _Worker:
    process: Any  # multiprocessing.Process of some context
    tasks: Connection
    results: Connection
    started: float = 0.0
    outbox: list[Any] = attrs.field(factory=list)  # messages not yet framed
    unsent: bytearray = attrs.field(factory=bytearray)  # framed, not yet taken by the pipe
    held: deque[tuple[int, Item]] = attrs.field(factory=deque)
    held_bytes: int = 0
    ready: bool = False
    retiring: bool = False  # takes no more work
    retired: bool = False  # exited on its own between documents
    busy_since: float = 0.0
    docs: int = 0
    fault: tuple[str, str] | None = None  # why the parent killed it
    revoking: set[int] = attrs.field(factory=set)  # asked back, no answer yet
    filling: bool = False  # being given items up to the depth (see run_pool)
    memory_checked: float = 0.0  # when the parent last read its resident memory
    received: bytearray = attrs.field(factory=bytearray)  # bytes of messages not yet whole

    @property
    def pid(self) -> int:
        return int(self.process.pid)

    def give(self, seq: int, item: Item, now: float) -> None:
        if not self.held:
            self.busy_since = now
        self.held.append((seq, item))
        self.held_bytes += _payload(item)
        self.outbox.append((seq, item))

    def revoke(self) -> bool:
        """Ask back the last document held and not yet asked back, if it is not the first."""
        for seq, _ in reversed(self.held):
            if seq == self.held[0][0]:
                return False  # the first one is in progress
            if seq not in self.revoking:
                self.revoking.add(seq)
                self.outbox.append((REVOKE, seq))
                return True
        return False

    def given_back(self, seq: int) -> tuple[int, Item]:
        """The worker gave ``seq`` back unstarted."""
        self.revoking.discard(seq)
        for entry in self.held:
            if entry[0] == seq:
                self.held.remove(entry)
                self.held_bytes -= _payload(entry[1])
                return entry
        raise AssertionError(f"a worker gave back {seq}, which it did not hold")

    def finish(self) -> None:
        """Ask the worker to exit after what it holds."""
        self.outbox.append(None)
        self.send()

    def settle(self, now: float) -> tuple[int, Item]:
        seq, item = self.held.popleft()
        self.held_bytes -= _payload(item)
        self.revoking.discard(seq)  # asked back too late: it was already in progress
        self.busy_since = now
        self.docs += 1
        return seq, item

    def send(self) -> bool:
        """Write what is queued for the worker, as much as its pipe takes without waiting.

        The task pipe does not block, so a worker that stops reading (one stuck in C code
        that holds its interpreter) never blocks the parent: the rest waits in ``unsent``.
        Returns whether something is left to write.
        """
        if self.outbox:
            self.unsent += _task_frame(self.outbox)
            self.outbox.clear()
        try:
            fd = self.tasks.fileno()
            while self.unsent:
                del self.unsent[: os.write(fd, self.unsent)]
        except BlockingIOError:
            return True
        except OSError:  # the worker is gone; its items are redone by the parent
            self.unsent.clear()
        return False

    def kill(self) -> None:
        with contextlib.suppress(OSError, AttributeError):
            os.kill(self.pid, signal.SIGKILL)

    def close(self) -> None:
        for conn in (self.tasks, self.results):
            with contextlib.suppress(OSError):
                conn.close()


def _payload(item: Item) -> int:
    return len(item.data) if item.data is not None else 0


def _signal_name(code: int | None) -> str:
    if code is None:
        return "for no known reason"
    if code < 0:
        try:
            name = signal.Signals(-code).name
        except ValueError:
            name = f"signal {-code}"
        hint = " (killed: perhaps out of memory)" if -code == signal.SIGKILL else ""
        return f"by {name}{hint}"
    return f"with exit status {code}"


def _context() -> Any:
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else None)


def _never() -> bool:
    return False


#: What a registered file descriptor of a worker is: its results, its process, its tasks.
_RESULTS, _EXITED, _TASKS = "results", "exited", "tasks"


class _Pool:
    """The workers, what each holds, and the outcomes waiting for their turn."""

    def __init__(self, job: Job, jobs: int, host: PluginHost | None, limits: Limits) -> None:
        self.job = job
        self.jobs = jobs
        self.limits = limits
        self.context = _context()
        # forked workers inherit the parent's host as it is (no second plugin load)
        self.host = host if self.context.get_start_method() == "fork" else None
        if self.host is not None:
            preload()  # shared by every worker forked from here
        self.workers: list[_Worker] = []
        self.start_failures = 0
        # every worker's result pipe and process sentinel, registered once
        self.selector = selectors.DefaultSelector()

    def start(self) -> _Worker:
        task_r, task_w = self.context.Pipe(duplex=False)
        result_r, result_w = self.context.Pipe(duplex=False)
        process = self.context.Process(
            target=_worker_main,
            args=(task_r, result_w, self.job, self.host, os.getpid(), self.limits),
            name="newsclaims-worker",
            daemon=True,
        )
        process.start()
        task_r.close()
        result_w.close()
        os.set_blocking(result_r.fileno(), False)  # read what there is (see _receive)
        os.set_blocking(task_w.fileno(), False)  # write what fits (see _Worker.send)
        worker = _Worker(process=process, tasks=task_w, results=result_r, started=time.monotonic())
        self.selector.register(result_r.fileno(), selectors.EVENT_READ, (worker, _RESULTS))
        self.selector.register(process.sentinel, selectors.EVENT_READ, (worker, _EXITED))
        self.workers.append(worker)
        return worker

    def send(self) -> None:
        """Write what each worker was given; wait for a full task pipe in the next select."""
        for w in self.workers:
            if not (w.outbox or w.unsent):
                continue
            fd = w.tasks.fileno()
            waiting = fd in self.selector.get_map()
            left = w.send()
            if left and not waiting:
                self.selector.register(fd, selectors.EVENT_WRITE, (w, _TASKS))
            elif waiting and not left:
                self.selector.unregister(fd)

    def fill(self) -> None:
        """Start workers until ``jobs`` of them are not retiring."""
        while sum(not w.retiring for w in self.workers) < self.jobs:
            self.start()

    def close(self, w: _Worker) -> None:
        """Forget ``w``'s pipes and sentinel, and close its pipes."""
        for key in list(self.selector.get_map().values()):
            if key.data[0] is w:
                self.selector.unregister(key.fd)
        w.close()

    def shutdown(self, *, graceful: bool) -> None:
        """Stop every worker: asked to finish (``graceful``) or killed."""
        for w in self.workers:
            if graceful:
                w.finish()
            else:
                w.kill()
        deadline = time.monotonic() + (2.0 if graceful else 0.5)
        for w in self.workers:
            w.process.join(max(0.0, deadline - time.monotonic()))
            if w.process.is_alive():
                w.kill()
                w.process.join(1.0)
            self.close(w)
        self.workers.clear()
        self.selector.close()


def run_pool(
    items: Iterable[Item],
    job: Job,
    *,
    jobs: int,
    host: PluginHost | None = None,
    limits: Limits = UNLIMITED,
    stop: Callable[[], bool] = _never,
    per_worker: int = 16,
    window: int | None = None,
) -> Generator[Outcome, None, None]:
    """Yield one :class:`Outcome` per item, in item order, from ``jobs`` worker processes.

    :param host: with the ``fork`` start method, workers start with a copy of this host.
    :param limits: time and memory per document, documents per worker.
    :param stop: polled often; when it returns ``True`` no more work is started, the
        outcomes already finished in order are yielded and the workers are stopped.
    :param per_worker: items a worker holds at most (the first one in progress); a worker
        gets more once it holds half of that or less, then up to ``per_worker`` at once,
        which goes in one message.
    :param window: items read ahead of the last one yielded (default ``per_worker * jobs *
        2``); bounds memory whatever the number of items.
    """
    pool = _Pool(job, jobs, host, limits)
    window = window or per_worker * jobs * 2
    source: Iterator[tuple[int, Item]] = enumerate(items)
    redo: deque[tuple[int, Item]] = deque()  # items given back by a dead worker
    exhausted = False
    finished: dict[int, Outcome] = {}
    next_seq = 0  # the next outcome to yield
    read = 0  # items taken from ``source``
    graceful = False
    try:
        pool.fill()
        while not stop():
            now = time.monotonic()
            # hand out work: to the ready worker holding least, within the window
            while redo or (not exhausted and read - next_seq < window):
                # while a worker starts, the others take one item each, not a queue
                depth = per_worker if all(w.ready for w in pool.workers) else 1
                free = [w for w in pool.workers if _wants(w, depth)]
                if not free:
                    break
                if redo:
                    seq, item = redo.popleft()
                else:
                    try:
                        seq, item = next(source)
                    except StopIteration:
                        exhausted = True
                        break
                    read += 1
                min(free, key=lambda w: len(w.held)).give(seq, item, now)
            if not redo:
                _rebalance(pool)
            pool.send()
            while next_seq in finished and not stop():
                yield finished.pop(next_seq)
                next_seq += 1
            if exhausted and not redo and next_seq >= read:
                graceful = True
                return
            if not stop():
                _wait_and_collect(pool, finished, redo)
        # stopped: hand over the finished prefix only
        while next_seq in finished:
            yield finished.pop(next_seq)
            next_seq += 1
    finally:
        pool.shutdown(graceful=graceful)


def _wants(w: _Worker, depth: int) -> bool:
    """Whether ``w`` takes an item now: from half ``depth`` or less, until it holds ``depth``."""
    if not w.ready or w.retiring or (w.held and w.held_bytes >= QUEUED_BYTES):
        return False
    held = len(w.held)
    if held >= depth:
        w.filling = False
    elif held <= depth // 2:
        w.filling = True
    return w.filling


def _rebalance(pool: _Pool) -> None:
    """Idle workers take over documents queued behind a busy one (which may be stuck).

    Nothing is left to hand out when this is called; each idle worker may have one
    document asked back for it at a time, from the worker that holds the most.
    """
    idle = sum(1 for w in pool.workers if w.ready and not w.retiring and not w.held)
    asked = sum(len(w.revoking) for w in pool.workers)
    for _ in range(idle - asked):
        victims = [w for w in pool.workers if len(w.held) - len(w.revoking) > 1]
        if not victims or not max(victims, key=lambda w: len(w.held) - len(w.revoking)).revoke():
            return


def _wait_and_collect(
    pool: _Pool, finished: dict[int, Outcome], redo: deque[tuple[int, Item]]
) -> None:
    """Wait a tick for results or deaths; enforce the limits; keep ``jobs`` workers."""
    limits = pool.limits
    now = time.monotonic()
    tick = TICK
    if limits.timeout:
        for w in pool.workers:
            if w.held and w.ready:
                tick = min(tick, max(0.0, w.busy_since + limits.timeout - now))
    dead: list[_Worker] = []
    for key, _events in pool.selector.select(tick):
        w, kind = key.data
        if w in dead:
            continue
        if kind == _TASKS:  # room in its task pipe again
            if not w.send():
                pool.selector.unregister(key.fd)
            continue
        # a sentinel: the process is gone; read what it said before it died
        if not _collect(pool, w, finished, redo) or kind == _EXITED:
            dead.append(w)
    now = time.monotonic()
    hard = limits.memory_bytes
    for w in pool.workers:
        if w in dead:
            continue
        if not w.ready:
            if now - w.started > START_TIMEOUT:
                w.kill()
                dead.append(w)
            continue
        if not w.held:
            continue
        if limits.timeout and now - w.busy_since > limits.timeout:
            w.fault = (TIMEOUT, f"no result within the time limit of {limits.timeout:g} s")
        elif hard is not None and now - w.memory_checked >= TICK:  # a file read: once a tick
            w.memory_checked = now
            rss = rss_bytes(w.pid)
            if rss is not None and rss > hard:
                w.fault = (
                    MEMORY_LIMIT,
                    f"its worker used {rss >> 20} MB, over the limit of {hard >> 20} MB",
                )
        if w.fault is not None:
            w.kill()
            w.process.join(5.0)
            _collect(pool, w, finished, redo)
            dead.append(w)
    for w in dict.fromkeys(dead):
        _bury(pool, w, finished, redo)
    pool.fill()


def _collect(
    pool: _Pool, w: _Worker, finished: dict[int, Outcome], redo: deque[tuple[int, Item]]
) -> bool:
    """Read every message ``w`` has sent; ``False`` when its pipe is closed (it died)."""
    alive = _receive(w)
    for message in _messages(w):
        kind = message[0]
        now = time.monotonic()
        if kind == "ready":
            w.ready = True
            pool.start_failures = 0
            if w.held:
                w.busy_since = now
        elif kind == "done":
            _, seq, outcome, _rss = message
            held_seq, _ = w.settle(now)
            assert held_seq == seq, (held_seq, seq)
            finished[seq] = outcome
        elif kind == REVOKED:  # another worker takes it, earliest first
            entry = w.given_back(message[1])
            at = next((i for i, (seq, _) in enumerate(redo) if seq > entry[0]), len(redo))
            redo.insert(at, entry)
        elif kind == "retired":  # what it still holds is redone elsewhere
            w.retiring = True
            w.retired = True
        elif kind == "raise":
            raise message[2]
        elif kind == "fatal":
            raise WorkerStartError(f"a worker process could not start:\n{message[1]}")
    return alive


def _receive(w: _Worker) -> bool:
    """Append what ``w``'s pipe holds to ``w.received``; ``False`` at its end (it died)."""
    try:
        fd = w.results.fileno()
        while True:
            chunk = os.read(fd, _READ)
            if not chunk:
                return False
            w.received += chunk
    except BlockingIOError:  # all read
        return True
    except OSError:
        return False


def _messages(w: _Worker) -> Iterator[Any]:
    """The whole messages in ``w.received``, in order (a partial one stays for later)."""
    buffer = w.received
    start = 0
    size = _HEADER.size
    try:
        while len(buffer) - start >= size:
            (length,) = _HEADER.unpack_from(buffer, start)
            end = start + size + length
            if len(buffer) < end:
                break
            message = pickle.loads(buffer[start + size : end])
            start = end
            yield message
    finally:
        del buffer[:start]


def _bury(
    pool: _Pool, w: _Worker, finished: dict[int, Outcome], redo: deque[tuple[int, Item]]
) -> None:
    """``w`` is gone: its document in progress fails, the rest is redone elsewhere."""
    w.process.join(5.0)
    pool.workers.remove(w)
    pool.close(w)
    if not w.ready:
        pool.start_failures += 1
        if pool.start_failures >= START_FAILURES:
            raise WorkerStartError(
                f"{pool.start_failures} worker processes in a row died before they were "
                f"ready, the last {_signal_name(w.process.exitcode)}"
            )
        return
    if not w.held:
        return
    if w.retired:
        redo.extendleft(reversed(w.held))
        w.held.clear()
        return
    seq, item = w.held.popleft()
    if w.fault is not None:
        kind, message = w.fault
    else:
        kind = WORKER_DIED
        message = f"the worker process parsing it died {_signal_name(w.process.exitcode)}"
    finished[seq] = failure_outcome(item, pool.job, kind, f"{item.name}: {message}")
    redo.extendleft(reversed(w.held))
    w.held.clear()
