"""Run items through worker processes, in input order, with bounded work in flight.

``jobs=1`` runs in this process. With more jobs, items go to a
:class:`~concurrent.futures.ProcessPoolExecutor` in small batches; each worker builds its
plugin host once. At most ``window`` batches are in flight, so memory stays flat however
many inputs there are, and outcomes are yielded in the order of the items.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor

from ..host import PluginHost
from .inputs import Item
from .work import Job, Outcome, process

#: Items per batch sent to a worker (fewer when the batch reaches ``BATCH_BYTES``).
BATCH_ITEMS = 16
#: Bytes of payload per batch before it is sent.
BATCH_BYTES = 4 << 20
#: Batches in flight per worker.
WINDOW_PER_JOB = 3

_worker_job: Job | None = None
_worker_host: PluginHost | None = None


def default_jobs() -> int:
    """The number of cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return max(1, os.cpu_count() or 1)


def _init_worker(job: Job) -> None:
    # Ctrl-C is the parent's business: it stops feeding work and writes what is done
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    global _worker_job, _worker_host
    _worker_job = job
    _worker_host = job.host_factory()


def _run_batch(items: list[Item]) -> list[Outcome]:
    assert _worker_job is not None and _worker_host is not None
    return [process(item, _worker_job, _worker_host) for item in items]


def batches(
    items: Iterable[Item], max_items: int = BATCH_ITEMS, max_bytes: int = BATCH_BYTES
) -> Iterator[list[Item]]:
    """Group consecutive items into lists of at most ``max_items`` items or ``max_bytes``."""
    batch: list[Item] = []
    size = 0
    for item in items:
        batch.append(item)
        size += len(item.data) if item.data is not None else 0
        if len(batch) >= max_items or size >= max_bytes:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def _never() -> bool:
    return False


def run(
    items: Iterable[Item],
    job: Job,
    *,
    jobs: int = 1,
    host: PluginHost | None = None,
    stop: Callable[[], bool] = _never,
    batch_items: int = BATCH_ITEMS,
    window: int | None = None,
) -> Generator[Outcome, None, None]:
    """Yield one :class:`Outcome` per item, in item order.

    :param jobs: worker processes; ``1`` runs in this process with ``host`` (or a host
        from ``job.host_factory``).
    :param stop: polled between items; when it returns ``True`` no more work is started
        and only outcomes already finished are yielded (the Ctrl-C path).
    :param batch_items: items per batch sent to a worker.
    :param window: batches in flight (default ``3 * jobs``).
    """
    if jobs <= 1:
        host = host or job.host_factory()
        for item in items:
            if stop():
                return
            yield process(item, job, host)
        return
    window = window or WINDOW_PER_JOB * jobs
    pool = ProcessPoolExecutor(
        max_workers=jobs,
        mp_context=multiprocessing.get_context(),
        initializer=_init_worker,
        initargs=(job,),
    )
    pending: deque[Future[list[Outcome]]] = deque()
    try:
        for batch in batches(items, batch_items):
            if stop():
                break
            pending.append(pool.submit(_run_batch, batch))
            while len(pending) >= window or (pending and pending[0].done()):
                yield from pending.popleft().result()
                if stop():
                    break
        while pending and not stop():
            yield from pending.popleft().result()
        # stopped: hand over the finished prefix only
        while pending and pending[0].done():
            yield from pending.popleft().result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
