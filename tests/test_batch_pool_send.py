"""The parent writes to a worker's task pipe without ever waiting for the worker."""

from __future__ import annotations

import multiprocessing
import os
import threading

from newsclaims.batch.item import Item
from newsclaims.batch.pool import _Worker


def test_a_full_task_pipe_never_blocks_and_the_worker_reads_every_message() -> None:
    reader, writer = multiprocessing.Pipe(duplex=False)
    os.set_blocking(writer.fileno(), False)
    w = _Worker(process=None, tasks=writer, results=reader)
    page = bytes(range(256)) * 4096  # 1 MiB: more than a pipe holds
    w.give(0, Item(name="a#0", data=page), 0.0)
    w.give(1, Item(name="b.txt", path="b.txt"), 0.0)
    assert w.send() is True  # the pipe is full: the rest waits, the call returns
    assert w.unsent and not w.outbox
    got: list[object] = []
    drained = threading.Thread(target=lambda: got.append(reader.recv()))
    drained.start()
    while w.send():
        drained.join(0.01)
    drained.join()
    assert not w.unsent
    ((seq0, first), (seq1, second)) = got[0]  # type: ignore[misc]
    assert (seq0, first.data, seq1, second.path) == (0, page, 1, "b.txt")


def test_a_gone_worker_drops_what_was_queued_for_it() -> None:
    reader, writer = multiprocessing.Pipe(duplex=False)
    os.set_blocking(writer.fileno(), False)
    reader.close()
    w = _Worker(process=None, tasks=writer, results=writer)
    w.give(0, Item(name="c.txt", path="c.txt"), 0.0)
    assert w.send() is False and not w.unsent  # its items are redone when it is buried
