"""Writers for the batch output: JSONL (one record a line), CSV and Parquet (one row a claim).

Every writer takes outcomes in order and never leaves half a record behind: a JSONL line
is written in one piece, and the files are flushed as batches complete, so an interrupted
run leaves a valid file that ``--resume`` can continue.
"""

from __future__ import annotations

import csv
import time
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, Protocol, TextIO

if TYPE_CHECKING:
    from .item import Outcome

#: Columns of the claim table (CSV, Parquet, dask dataframe), in order.
CLAIM_COLUMNS = (
    "report_id",
    "url",
    "outlet",
    "published",
    "measure",
    "low",
    "high",
    "flags",
    "unit",
    "subject",
    "sources",
    "time",
    "quote",
)
#: Columns holding numbers (the others are text or empty).
NUMERIC_COLUMNS = frozenset({"low", "high"})
#: Separator of the list-valued cells (flags, sources).
LIST_SEPARATOR = "; "

_PARQUET_HINT = "--format parquet needs pyarrow: pip install 'newsclaims[parquet]'"


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


def _number(value: Any) -> float | None:
    return None if value is None else float(value)


def _sources(attribution: Iterable[Mapping[str, Any]]) -> str | None:
    names = []
    for a in attribution:
        name = a.get("name")
        if name:
            names.append(f"via {name}" if a.get("role") == "conduit" else str(name))
    return LIST_SEPARATOR.join(names) or None


def claim_rows(record: Mapping[str, Any]) -> Iterator[dict[str, Any]]:
    """The claim rows of one report ``dict`` (nothing for an error record).

    ``low``/``high`` are numbers or ``None`` (an open side); ``flags`` and ``sources`` are
    joined with ``"; "`` (a conduit is written ``via <name>``); ``subject`` and ``time``
    are the words of the article; ``quote`` is the claim's sentence.
    """
    if "id" not in record:
        return
    source = record.get("source") or {}
    for claim in record.get("claims") or ():
        value = claim.get("value") or {}
        subject = claim.get("subject") or {}
        when = claim.get("time") or {}
        yield {
            "report_id": record["id"],
            "url": _text(source.get("url")),
            "outlet": _text(source.get("outlet")),
            "published": _text(record.get("published")),
            "measure": _text(claim.get("measure")),
            "low": _number(value.get("low")),
            "high": _number(value.get("high")),
            "flags": LIST_SEPARATOR.join(claim.get("flags") or ()) or None,
            "unit": _text(value.get("unit")),
            "subject": _text(subject.get("text")),
            "sources": _sources(claim.get("attribution") or ()),
            "time": _text(when.get("text")),
            "quote": _text(claim.get("quote")),
        }


class Sink(Protocol):
    """Where outcomes go, in order."""

    def write(self, outcome: Outcome) -> None:
        """Write one outcome."""

    def close(self) -> None:
        """Flush and release what the sink holds (not the stream it was given)."""


class _Flushing:
    """Flush a text stream at most every ``every`` seconds (and always on close)."""

    def __init__(self, stream: TextIO, every: float) -> None:
        self.stream = stream
        self.every = every
        self._last = time.monotonic()

    def tick(self) -> None:
        now = time.monotonic()
        if now - self._last >= self.every:
            self.stream.flush()
            self._last = now


class JsonLinesSink:
    """One JSON record a line (or indented JSON records, one after another)."""

    def __init__(self, stream: TextIO, *, flush_every: float = 0.5) -> None:
        self._flush = _Flushing(stream, flush_every)
        self.stream = stream

    def write(self, outcome: Outcome) -> None:
        """Write the record and its newline in one call."""
        self.stream.write(outcome.line + "\n")
        self._flush.tick()

    def close(self) -> None:
        """Flush the stream."""
        self.stream.flush()


class JsonArraySink:
    """One JSON array of records (``--format json``): ``json.load`` reads the whole output.

    The array is the same for one input or many; with no input it is ``[]``. Each record is
    written with its separator in one call, and :meth:`close` writes the closing bracket, so
    an interrupted run that closes its sink still leaves a whole JSON document.
    """

    def __init__(self, stream: TextIO, *, flush_every: float = 0.5) -> None:
        self._flush = _Flushing(stream, flush_every)
        self.stream = stream
        self._count = 0

    def write(self, outcome: Outcome) -> None:
        """Write the record (indented one level inside the array) after its separator."""
        # raw newlines only occur between JSON tokens (strings escape theirs)
        body = "  " + outcome.line.replace("\n", "\n  ")
        self.stream.write(("[\n" if self._count == 0 else ",\n") + body)
        self._count += 1
        self._flush.tick()

    def close(self) -> None:
        """Close the array and flush the stream."""
        self.stream.write("[]\n" if self._count == 0 else "\n]\n")
        self.stream.flush()


class CsvSink:
    """One row per claim with :data:`CLAIM_COLUMNS` as the header."""

    def __init__(self, stream: TextIO, *, header: bool = True, flush_every: float = 0.5) -> None:
        self.stream = stream
        self._flush = _Flushing(stream, flush_every)
        self._writer = csv.DictWriter(stream, fieldnames=CLAIM_COLUMNS, lineterminator="\n")
        if header:
            self._writer.writeheader()

    def write(self, outcome: Outcome) -> None:
        """Write the outcome's claim rows (none for an error record)."""
        if outcome.rows:
            self._writer.writerows(outcome.rows)
        self._flush.tick()

    def close(self) -> None:
        """Flush the stream."""
        self.stream.flush()


def parquet_available() -> bool:
    """Whether the optional dependency pyarrow is installed."""
    try:
        import pyarrow.parquet  # noqa: F401
    except ImportError:
        return False
    return True


class ParquetSink:
    """Claim rows into a Parquet file, written in row groups of ``group_rows`` rows."""

    def __init__(self, path: str, *, group_rows: int = 50_000) -> None:
        try:
            import pyarrow as pa
            import pyarrow.parquet as pq
        except ImportError as exc:
            raise RuntimeError(_PARQUET_HINT) from exc
        self._pa = pa
        self.schema = pa.schema(
            [(c, pa.float64() if c in NUMERIC_COLUMNS else pa.string()) for c in CLAIM_COLUMNS]
        )
        self._writer = pq.ParquetWriter(path, self.schema)
        self.group_rows = group_rows
        self._rows: list[dict[str, Any]] = []

    def write(self, outcome: Outcome) -> None:
        """Buffer the outcome's rows; write a row group when enough are buffered."""
        self._rows.extend(outcome.rows)
        if len(self._rows) >= self.group_rows:
            self._write_group()

    def _write_group(self) -> None:
        table = self._pa.Table.from_pylist(self._rows, schema=self.schema)
        self._writer.write_table(table)
        self._rows = []

    def close(self) -> None:
        """Write what is buffered and the file footer (an empty table when no rows)."""
        if self._rows:
            self._write_group()
        self._writer.close()
