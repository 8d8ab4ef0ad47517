"""``newsclaims extract``: many inputs in, one record per input out, in input order.

The command glues the batch pieces together: expand the arguments, skip what ``--resume``
finds done, run the rest over ``--jobs`` workers, write JSON/JSONL/CSV/Parquet, draw the
progress bar, and stop cleanly on Ctrl-C (or SIGTERM) with a valid output file.
"""

from __future__ import annotations

import argparse
import contextlib
import itertools
import signal
import threading
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from types import FrameType
from typing import Any, TextIO

from ..errors import NewsclaimsError
from ..host import PluginHost, Settings
from ..inputs import DEFAULT_MAX_INPUT_BYTES
from ..writers import OutputError, RecordWriter
from .inputs import Item, WalkCounts, expand, is_warc, total_size
from .limits import DEFAULT_MAX_DOCS, DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT, Limits, abort_current
from .output import CsvSink, JsonArraySink, JsonLinesSink, ParquetSink, Sink, parquet_available
from .progress import Progress
from .resume import prepare
from .runner import default_jobs, run
from .warc import WARC_HINT, warcio_available
from .work import Job, host_factory

FORMATS = ("json", "jsonl", "csv", "parquet")
#: Exit status when the output cannot be written (EX_IOERR of sysexits.h).
EXIT_OUTPUT = 74
#: Output format by the ``-o`` file's suffix; any other file, and standard output, get JSONL.
_BY_SUFFIX = {
    ".csv": "csv",
    ".parquet": "parquet",
    ".pq": "parquet",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
}


class UsageError(NewsclaimsError):
    """The arguments do not make sense together."""


def choose_format(args: argparse.Namespace) -> str:
    """The output format: ``--format``, else the ``-o`` file's suffix, else ``jsonl``.

    The number of inputs never matters, so a glob that happens to match one file gives the
    same format as one that matches many.
    """
    if args.format:
        return str(args.format)
    if args.output:
        suffix = Path(str(args.output)).suffix.lower()
        if suffix in _BY_SUFFIX:
            return _BY_SUFFIX[suffix]
    return "jsonl"


def _check(args: argparse.Namespace, fmt: str) -> None:
    if not args.paths and args.from_file is None:
        raise UsageError("give at least one PATH or --from-file FILE")
    if fmt == "parquet":
        if not args.output:
            raise UsageError("--format parquet writes a file: give -o FILE")
        if not parquet_available():
            raise UsageError("--format parquet needs pyarrow: pip install 'newsclaims[parquet]'")
    if args.resume:
        if not args.output:
            raise UsageError("--resume continues an output file: give -o FILE")
        if fmt != "jsonl":
            raise UsageError("--resume works with JSONL output (--format jsonl)")
    if args.jobs is not None and args.jobs < 1:
        raise UsageError("--jobs must be at least 1")
    if any(is_warc(p) for p in args.paths) and not warcio_available():
        raise UsageError(WARC_HINT)


def add_limit_arguments(group: Any) -> None:
    """Add ``--timeout``, ``--memory-limit`` and ``--max-docs-per-worker`` to ``group``."""
    group.add_argument(
        "--timeout",
        type=float,
        default=DEFAULT_TIMEOUT,
        metavar="SECONDS",
        help="time limit per document; past it the document is an error record and the "
        f"run goes on (default {DEFAULT_TIMEOUT:g}; 0: none)",
    )
    group.add_argument(
        "--memory-limit",
        type=float,
        default=DEFAULT_MEMORY_MB,
        metavar="MB",
        help="resident memory of a worker parsing one document; past it the document is an "
        "error record; a worker above half of it between documents is replaced "
        f"(default {DEFAULT_MEMORY_MB}; 0: none; several inputs only)",
    )
    group.add_argument(
        "--max-docs-per-worker",
        type=int,
        default=DEFAULT_MAX_DOCS,
        metavar="N",
        help=f"replace a worker by a fresh one after N documents (default {DEFAULT_MAX_DOCS}; "
        "0: never)",
    )
    group.add_argument(
        "--max-input-bytes",
        type=int,
        default=DEFAULT_MAX_INPUT_BYTES,
        metavar="BYTES",
        help="the largest input read, after decompression (gzip is read as a stream and "
        "stopped there); a larger one is an InputTooLargeError record "
        f"(default {DEFAULT_MAX_INPUT_BYTES}, 64 MiB; 0: none)",
    )


def max_input_bytes_from(args: argparse.Namespace) -> int | None:
    """The ``--max-input-bytes`` limit (0 or less: none)."""
    value = getattr(args, "max_input_bytes", DEFAULT_MAX_INPUT_BYTES)
    return value if value and value > 0 else None


def limits_from(args: argparse.Namespace) -> Limits:
    """The :class:`Limits` the arguments ask for (0 or less: no bound)."""
    timeout = getattr(args, "timeout", DEFAULT_TIMEOUT)
    memory = getattr(args, "memory_limit", DEFAULT_MEMORY_MB)
    docs = getattr(args, "max_docs_per_worker", DEFAULT_MAX_DOCS)
    return Limits(
        timeout=timeout if timeout and timeout > 0 else None,
        memory_mb=memory if memory and memory > 0 else None,
        max_docs=docs if docs and docs > 0 else None,
    )


class _Interrupt:
    """First Ctrl-C or SIGTERM: finish cleanly. A second Ctrl-C or SIGTERM: stop at once.

    Finishing cleanly means: the document in progress in this process is abandoned (it is
    not written: ``--resume`` does it again), no more work starts, what is finished is
    written, and the output file is valid.
    """

    def __init__(self) -> None:
        self.requested = False
        self.signum: int | None = None
        self._saved: dict[int, Any] = {}

    def __call__(self) -> bool:
        return self.requested

    def _handle(self, signum: int, frame: FrameType | None) -> None:
        if self.requested:
            raise KeyboardInterrupt
        self.requested = True
        self.signum = signum
        abort_current()

    def __enter__(self) -> _Interrupt:
        if threading.current_thread() is threading.main_thread():
            for sig in (signal.SIGINT, signal.SIGTERM):
                self._saved[sig] = signal.signal(sig, self._handle)
        return self

    def __exit__(self, *exc: object) -> None:
        for sig, handler in self._saved.items():
            signal.signal(sig, handler)


def _sink(fmt: str, writer: RecordWriter | None, path: str | None, appending: bool) -> Sink:
    if fmt == "parquet":
        assert path is not None
        return ParquetSink(path)
    assert writer is not None
    if fmt == "csv":
        return CsvSink(writer, header=not appending)
    if fmt == "json":
        return JsonArraySink(writer)
    return JsonLinesSink(writer)


def _count_total(progress: Progress, args: argparse.Namespace) -> None:
    def count() -> None:
        progress.total_bytes = total_size(args.paths, args.glob or (), from_file=args.from_file)

    if args.from_file != "-":
        threading.Thread(target=count, name="newsclaims-count", daemon=True).start()


def _skip_done(items: Iterable[Item], done: set[str], progress: Progress) -> Iterator[Item]:
    for item in items:
        if item.name in done:
            progress.skip(item.size)
            continue
        yield item


def run_extract(
    args: argparse.Namespace,
    settings: Settings,
    out: TextIO,
    err: TextIO,
    *,
    stop: Callable[[], bool] | None = None,
) -> int:
    """Run ``newsclaims extract`` with parsed ``args``; returns the exit status.

    :param stop: polled between documents besides Ctrl-C; ``True`` ends the run as an
        interrupt does (for embedding and tests).
    """
    paths: list[str] = list(args.paths)
    fmt = choose_format(args)
    _check(args, fmt)
    host = PluginHost(settings=settings)
    for problem in host.errors:
        err.write(f"newsclaims: warning: {problem}\n")
    job = Job(
        host_factory=host_factory(settings),
        plugin=args.plugin,
        url=args.url,
        published=args.published,
        indent=2 if fmt == "json" else None,
        rows=fmt in ("csv", "parquet"),
        max_input_bytes=max_input_bytes_from(args),
    )
    done = prepare(args.output) if args.resume else set()
    appending = bool(args.resume) and bool(done)
    progress = Progress(err, enabled=err.isatty() and not args.quiet)
    walked = WalkCounts()
    items: Iterator[Item] = expand(
        paths,
        args.glob or (),
        from_file=args.from_file,
        counts=walked,
        max_input_bytes=max_input_bytes_from(args),
    )
    if done:
        items = _skip_done(items, done, progress)
    head = list(itertools.islice(items, 2))
    # one input: in this process; several: in worker processes, even with --jobs 1, so
    # that a document that crashes, hangs or eats the memory costs only itself
    several = len(head) > 1
    jobs = (args.jobs or default_jobs()) if several else 1
    items = itertools.chain(head, items)

    interrupt = _Interrupt()
    stopped: Callable[[], bool] = interrupt if stop is None else (lambda: interrupt() or stop())
    try:
        with contextlib.ExitStack() as stack:
            stack.enter_context(interrupt)
            writer: RecordWriter | None = None
            if fmt != "parquet":
                writer = (
                    RecordWriter.open(args.output, append=bool(args.resume))
                    if args.output
                    else RecordWriter.for_stream(out)
                )
            sink = _sink(fmt, writer, args.output, appending)
            stack.callback(sink.close)
            counting = False
            outcomes = stack.enter_context(
                contextlib.closing(
                    run(
                        items,
                        job,
                        jobs=jobs,
                        host=host,
                        stop=stopped,
                        limits=limits_from(args),
                        workers=several,
                    )
                )
            )
            for outcome in outcomes:
                if outcome.error is not None:
                    progress.clear()
                    err.write(f"newsclaims: error: {error_line(outcome.name, outcome.error)}\n")
                sink.write(outcome)
                progress.update(
                    claims=outcome.claims, failed=outcome.error is not None, size=outcome.size
                )
                if progress.enabled and not counting:
                    counting = True  # workers are forked by now: count sizes beside them
                    _count_total(progress, args)
    except OutputError as exc:
        progress.clear()
        err.write(f"newsclaims: error: {exc}\n")
        if exc.whole and fmt == "jsonl" and args.output:
            err.write("newsclaims: free some space and rerun with --resume to continue\n")
        return EXIT_OUTPUT
    interrupted = stopped()
    if not args.quiet:
        progress.finish(interrupted=interrupted, walk=walked.summary())
    if interrupted:
        return 128 + (interrupt.signum or signal.SIGINT)
    return 1 if progress.counts.failures else 0


def error_line(name: str, error: str) -> str:
    """``x.txt: InputError: No such file or directory``: the input named once.

    ``error`` is ``"<type>: <message>"``; a message that starts with the input's name (as
    most do, so that a record's message stands alone) does not repeat it.
    """
    kind, sep, message = error.partition(": ")
    if sep and message.startswith(f"{name}: "):
        message = message[len(name) + 2 :]
    return f"{name}: {kind}{sep}{message}"
