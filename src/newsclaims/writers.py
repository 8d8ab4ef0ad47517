"""Writing what the commands print: records and tables, in every output format.

One module writes for ``extract`` (:mod:`newsclaims.batch.output`), ``stories`` and
``timeline`` (:mod:`newsclaims.commands`):

* :func:`json_line`, :func:`table_text`, :func:`csv_text`: one record or one table as text;
* :func:`write_table`: rows under a header as an aligned table or CSV;
* :func:`write_json_lines`: one JSON object a line;
* :class:`RecordWriter`: whole records to a file or a stream. Each record, serialised
  first, reaches the system in one piece, so the output never ends with half a record: a
  write that fails (a full disk) cuts the file back to the end of the last whole record
  and raises :class:`OutputError`, which names the file and says how many records it holds.
"""

from __future__ import annotations

import contextlib
import csv
import errno
import fcntl
import io
import json
import os
import stat
import time
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, TextIO

from .errors import NewsclaimsError

__all__ = [
    "OutputError",
    "RecordWriter",
    "csv_text",
    "json_line",
    "table_text",
    "write_json_lines",
    "write_table",
]

#: The name of standard output in messages.
STDOUT = "standard output"


class OutputError(NewsclaimsError):
    """The output could not be written (a full disk, an I/O error); the message names it.

    :param name: the output file (or ``standard output``).
    :param records: whole records the output holds (those written before the error).
    :param reason: the system's reason (``No space left on device``).
    :param whole: whether the output is known to end with a whole record.
    """

    def __init__(self, name: str, records: int, reason: str, whole: bool = True) -> None:
        ending = (
            "no partial record left"
            if whole
            else "the last record may be incomplete: it could not be cut back"
        )
        super().__init__(f"{name}: {reason} after {records:,} whole record(s) ({ending})")
        self.name = name
        self.records = records
        self.reason = reason
        self.whole = whole

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.name, self.records, self.reason, self.whole))


def json_line(record: Any) -> str:
    """``record`` as one line of JSON (UTF-8 text kept as it is)."""
    return json.dumps(record, ensure_ascii=False)


def table_text(rows: Sequence[Sequence[str]], head: Sequence[str]) -> str:
    """``rows`` under ``head`` as an aligned plain-text table, a rule under the header."""
    widths = [max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(head)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(head, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    for row in rows:
        lines.append("  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)).rstrip())
    return "\n".join(lines) + "\n"


def csv_text(
    rows: Iterable[Sequence[Any] | Mapping[str, Any]],
    head: Sequence[str] | None = None,
    *,
    fieldnames: Sequence[str] | None = None,
) -> str:
    """CSV text of ``rows`` (``\\n`` line ends), after the header ``head`` when given.

    Rows are sequences, or mappings when ``fieldnames`` says the columns.
    """
    buffer = io.StringIO()
    if fieldnames is not None:
        writer: Any = csv.DictWriter(buffer, fieldnames=list(fieldnames), lineterminator="\n")
    else:
        writer = csv.writer(buffer, lineterminator="\n")
    if head is not None:
        if fieldnames is not None:
            writer.writeheader()
        else:
            writer.writerow(head)
    writer.writerows(rows)
    return buffer.getvalue()


def write_table(rows: Sequence[Sequence[str]], head: Sequence[str], fmt: str, out: TextIO) -> None:
    """Write ``rows`` under ``head`` to ``out`` as ``csv`` or, for any other ``fmt``, a table."""
    out.write(csv_text(rows, head) if fmt == "csv" else table_text(rows, head))


def write_json_lines(records: Iterable[Any], out: TextIO) -> None:
    """Write each record as one line of JSON (:func:`json_line`)."""
    for record in records:
        out.write(json_line(record) + "\n")


def _encode(text: str) -> bytes:
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate: still valid UTF-8, as an escape
        return text.encode("utf-8", "backslashreplace")


class RecordWriter:
    """Write whole records to a file descriptor (or a text stream), never half of one.

    Each record is written at once with :func:`os.write`, until every byte is out (with
    ``buffer_bytes``, records are kept in memory up to that many bytes or ``flush_every``
    seconds, checked when a record comes). When a write fails the file is
    cut back (:func:`os.ftruncate`) to the end of the last record written whole, and
    :class:`OutputError` names the output and the number of records it holds; later calls
    do nothing. A broken pipe is raised as it is (the reader went away: not an error).

    Use :meth:`open` for a file, :meth:`for_stream` for standard output or any text stream.

    :param fd: where to write; ``None`` writes to ``stream`` instead.
    :param name: the output's name in messages.
    :param stream: a text stream without a descriptor (tests, embedding): each record is
        one ``write`` call, and errors are reported but cannot be cut back.
    :param owns: close ``fd`` on :meth:`close`.
    """

    def __init__(
        self,
        fd: int | None,
        name: str,
        *,
        stream: TextIO | None = None,
        owns: bool = False,
        buffer_bytes: int = 0,
        flush_every: float = 0.5,
    ) -> None:
        self.fd = fd
        self.name = name
        self.stream = stream
        self.owns = owns
        self.buffer_bytes = buffer_bytes
        self.flush_every = flush_every
        #: records whole in the output
        self.records = 0
        #: the error that stopped the writer
        self.failed: OutputError | None = None
        self._pending: list[bytes] = []
        self._pending_bytes = 0
        self._last = time.monotonic()
        self._end = 0  # offset just after the last whole record (regular files)
        self._cuttable = False
        self._closed = False
        if fd is not None:
            self._start(fd)

    @classmethod
    def open(cls, path: str, *, append: bool = False, **kw: Any) -> RecordWriter:
        """Open (create, or truncate unless ``append``) the file at ``path``."""
        flags = os.O_WRONLY | os.O_CREAT | (os.O_APPEND if append else os.O_TRUNC)
        fd = os.open(path, flags | getattr(os, "O_CLOEXEC", 0), 0o666)
        return cls(fd, path, owns=True, **kw)

    @classmethod
    def for_stream(cls, stream: TextIO, name: str = STDOUT, **kw: Any) -> RecordWriter:
        """Write to ``stream``: through its descriptor when it has one, else by ``write``."""
        try:
            fd = stream.fileno()
        except (AttributeError, OSError, ValueError):  # io.UnsupportedOperation is an OSError
            return cls(None, name, stream=stream, **kw)
        stream.flush()
        return cls(fd, name, **kw)

    def _start(self, fd: int) -> None:
        try:
            self._cuttable = stat.S_ISREG(os.fstat(fd).st_mode)
            if self._cuttable:
                appending = bool(fcntl.fcntl(fd, fcntl.F_GETFL) & os.O_APPEND)
                self._end = os.lseek(fd, 0, os.SEEK_END if appending else os.SEEK_CUR)
        except OSError:
            self._cuttable = False

    def write(self, text: str) -> None:
        """Add one whole record (its text, with its line end); written when it is time."""
        if self.failed is not None or self._closed:
            return
        if self.fd is None:
            self._write_stream(text)
            return
        data = _encode(text)
        self._pending.append(data)
        self._pending_bytes += len(data)
        due = time.monotonic() - self._last >= self.flush_every
        if due or self._pending_bytes >= self.buffer_bytes:
            self.flush()

    def _write_stream(self, text: str) -> None:
        assert self.stream is not None
        try:
            self.stream.write(text)
            if time.monotonic() - self._last >= self.flush_every:
                self.stream.flush()
                self._last = time.monotonic()
        except BrokenPipeError:
            raise
        except OSError as exc:
            self._fail(exc, whole=False)
        self.records += 1

    def flush(self) -> None:
        """Write every record kept in memory, each whole, or raise :class:`OutputError`."""
        self._last = time.monotonic()
        if self.failed is not None:
            return
        if self.fd is None:
            if self.stream is not None:
                try:
                    self.stream.flush()
                except BrokenPipeError:
                    raise
                except OSError as exc:
                    self._fail(exc, whole=False)
            return
        pending, self._pending, self._pending_bytes = self._pending, [], 0
        for data in pending:
            self._write_record(self.fd, data)

    def _write_record(self, fd: int, data: bytes) -> None:
        view = memoryview(data)
        written = 0
        try:
            while written < len(view):
                n = os.write(fd, view[written:])
                if n <= 0:  # pragma: no cover - write(2) reports errors, never 0 for files
                    raise OSError(errno.EIO, os.strerror(errno.EIO))
                written += n
        except BrokenPipeError:
            raise
        except OSError as exc:
            whole = written == 0
            if not whole and self._cuttable:
                try:
                    os.ftruncate(fd, self._end)
                    os.lseek(fd, self._end, os.SEEK_SET)
                    whole = True
                except OSError:
                    whole = False
            self._fail(exc, whole=whole)
        self._end += len(data)
        self.records += 1

    def _fail(self, exc: OSError, *, whole: bool) -> None:
        reason = exc.strerror or str(exc)
        self.failed = OutputError(self.name, self.records, reason, whole)
        self._pending, self._pending_bytes = [], 0
        raise self.failed from exc

    def close(self, tail: str = "") -> None:
        """Write ``tail`` (a closing bracket), flush, and close a file :meth:`open` opened.

        After a failure, ``tail`` is still tried once (cutting a record back may have freed
        the room for it), quietly.
        """
        if self._closed:
            return
        try:
            if self.failed is None:
                if tail and self.fd is None:
                    self._write_stream(tail)
                    self.records -= 1  # a tail is no record
                elif tail:
                    self._pending.append(_encode(tail))
                    self.flush()
                    self.records -= 1
                self.flush()
            elif tail and self.fd is not None and self.failed.whole:
                with contextlib.suppress(OSError):
                    os.write(self.fd, _encode(tail))
        finally:
            self._closed = True
            if self.owns and self.fd is not None:
                os.close(self.fd)
