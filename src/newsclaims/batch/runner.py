"""Run items through worker processes, in input order, with bounded work in flight.

With worker processes (:mod:`~newsclaims.batch.pool`), a document can cost no more than
itself: a worker that dies, hangs or runs out of memory gives that document an error
record and the run goes on. In this process (``jobs=1`` by default through the API, one
input on the command line) the time limit is enforced with ``SIGALRM`` and an interrupt
abandons the document in progress (:mod:`~newsclaims.batch.limits`).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Generator, Iterable, Iterator

from ..host import PluginHost
from .item import Item, Outcome
from .limits import TIMEOUT, UNLIMITED, Aborted, DocumentTimeout, Limits, guarded
from .work import Job, failure_outcome, process

#: Items a worker holds at most (one in progress, the others queued).
BATCH_ITEMS = 4
#: Bytes of payload per batch before it is sent.
BATCH_BYTES = 4 << 20
#: Batches in flight per worker.
WINDOW_PER_JOB = 3


def default_jobs() -> int:
    """The number of cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return max(1, os.cpu_count() or 1)


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
    limits: Limits = UNLIMITED,
    workers: bool | None = None,
) -> Generator[Outcome, None, None]:
    """Yield one :class:`Outcome` per item, in item order.

    :param jobs: worker processes.
    :param host: the plugin host of this process (``jobs=1``), copied into forked workers.
    :param stop: polled between items; when it returns ``True`` no more work is started
        and only outcomes already finished are yielded (the Ctrl-C path).
    :param batch_items: items a worker holds at most.
    :param window: batches of ``batch_items`` read ahead (default ``3 * jobs``).
    :param limits: time and memory per document (see :class:`~newsclaims.batch.limits.Limits`).
    :param workers: run in worker processes even with one job (default: when ``jobs > 1``).
    """
    if workers is None:
        workers = jobs > 1
    if not workers:
        yield from _run_here(items, job, host or job.host_factory(), stop, limits)
        return
    from .pool import run_pool  # multiprocessing only when workers run

    window = window or WINDOW_PER_JOB * jobs
    yield from run_pool(
        items,
        job,
        jobs=max(1, jobs),
        host=host,
        limits=limits,
        stop=stop,
        per_worker=batch_items,
        window=window * batch_items,
    )


def _run_here(
    items: Iterable[Item],
    job: Job,
    host: PluginHost,
    stop: Callable[[], bool],
    limits: Limits,
) -> Iterator[Outcome]:
    for item in items:
        if stop():
            return
        try:
            with guarded(limits.timeout):
                outcome = process(item, job, host)
        except DocumentTimeout:
            message = f"{item.name}: no result within the time limit of {limits.timeout:g} s"
            outcome = failure_outcome(item, job, TIMEOUT, message)
        except Aborted:
            return  # interrupted: this document is not written, --resume does it again
        yield outcome
