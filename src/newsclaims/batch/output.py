"""Writers for the batch output: JSONL (one record a line), CSV and Parquet (one row a claim).

Every writer takes outcomes in order and never leaves half a record behind: the sinks
write through a :class:`~newsclaims.writers.RecordWriter`, which hands each record (a JSONL
line, a JSON array element, the CSV rows of one input) to the system in one piece as soon
as it comes, and on a failed write (a full disk) cuts the file back to the
last whole record and raises :class:`~newsclaims.writers.OutputError` naming the file. An
interrupted run leaves a valid file that ``--resume`` can continue.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, Protocol, TextIO

from ..writers import OutputError, RecordWriter, csv_text

if TYPE_CHECKING:
    from .item import Outcome

#: Columns of the claim table (CSV, Parquet, dask dataframe), in order, with their type:
#: ``string``, ``float64`` (a bound), ``boolean`` or ``Int64`` (a character offset).
COLUMN_TYPES: dict[str, str] = {
    # which row this is: "claim", "no-claims" (a report without claims) or "error"
    "status": "string",
    "input": "string",
    "report_id": "string",
    # the SHA-256 of the report's text: equal for copies of one article (report_id is not)
    "content_hash": "string",
    "claim_id": "string",
    "kind": "string",
    "url": "string",
    "outlet": "string",
    "published": "string",
    "measure": "string",
    "low": "float64",
    "high": "float64",
    "low_inclusive": "boolean",
    "high_inclusive": "boolean",
    "approximate": "boolean",
    "unit": "string",
    "value_text": "string",
    "subject": "string",
    "subject_affiliation": "string",
    "subject_carried": "boolean",
    "sources": "string",
    "attribution": "string",
    "time": "string",
    "time_start": "string",
    "time_end": "string",
    "location": "string",
    "hedges": "string",
    "flags": "string",
    "quote": "string",
    "span_start": "Int64",
    "span_end": "Int64",
    "mentions": "string",
    "error": "string",
    "message": "string",
    "plugin": "string",
}
#: Columns of the claim table, in order.
CLAIM_COLUMNS = tuple(COLUMN_TYPES)
#: Columns holding numbers (the bounds; the others are text, booleans, offsets or empty).
NUMERIC_COLUMNS = frozenset(c for c, t in COLUMN_TYPES.items() if t == "float64")
#: Separator of the word-list cells (``flags``, ``hedges``, ``sources``).
LIST_SEPARATOR = "; "

_PARQUET_HINT = "--format parquet needs pyarrow: pip install 'newsclaims[parquet]'"


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


def _number(value: Any) -> float | None:
    return None if value is None else float(value)


def _flag(value: Any) -> bool | None:
    return None if value is None else bool(value)


def _words(values: Iterable[Any] | None) -> str | None:
    return LIST_SEPARATOR.join(str(v) for v in values or ()) or None


def _json(values: Any) -> str | None:
    # structured lists as compact JSON, [] as empty
    return json.dumps(values, ensure_ascii=False, separators=(",", ":")) if values else None


def _sources(attribution: Iterable[Mapping[str, Any]]) -> str | None:
    names = []
    for a in attribution:
        name = a.get("name")
        if name:
            names.append(f"via {name}" if a.get("role") == "conduit" else str(name))
    return LIST_SEPARATOR.join(names) or None


def _empty_row() -> dict[str, Any]:
    return dict.fromkeys(CLAIM_COLUMNS)


def _report_cells(record: Mapping[str, Any]) -> dict[str, Any]:
    source = record.get("source") or {}
    return {
        "input": _text(record.get("input")),
        "report_id": _text(record.get("id")),
        "content_hash": _text(record.get("content_hash")),
        "url": _text(source.get("url")),
        "outlet": _text(source.get("outlet")),
        "published": _text(record.get("published")),
    }


def claim_rows(record: Mapping[str, Any]) -> Iterator[dict[str, Any]]:
    """The claim rows of one report ``dict`` (nothing for an error record).

    One row a claim, ``status`` ``"claim"``, with every claim field that fits a cell:
    ``low``/``high`` are numbers or ``None`` (an open side), with ``low_inclusive``,
    ``high_inclusive`` and ``approximate`` beside them; ``flags``, ``hedges`` and
    ``sources`` are joined with ``"; "`` (a conduit is written ``via <name>``);
    ``attribution`` and ``mentions`` are the claim's JSON lists, compact; ``span_start`` and
    ``span_end`` are the quote's offsets into the report's text.
    """
    if "id" not in record:
        return
    report = _report_cells(record)
    for claim in record.get("claims") or ():
        value = claim.get("value") or {}
        subject = claim.get("subject") or {}
        when = claim.get("time") or {}
        where = claim.get("location") or {}
        span = claim.get("span") or (None, None)
        attribution = claim.get("attribution") or ()
        row = _empty_row()
        row.update(report)
        row.update(
            {
                "status": "claim",
                "claim_id": _text(claim.get("id")),
                "kind": _text(claim.get("kind")),
                "measure": _text(claim.get("measure")),
                "low": _number(value.get("low")),
                "high": _number(value.get("high")),
                "low_inclusive": _flag(value.get("low_inclusive")),
                "high_inclusive": _flag(value.get("high_inclusive")),
                "approximate": _flag(value.get("approximate")),
                "unit": _text(value.get("unit")),
                "value_text": _text(value.get("text")),
                "subject": _text(subject.get("text")),
                "subject_affiliation": _text(subject.get("affiliation")),
                "subject_carried": _flag(subject.get("carried")),
                "sources": _sources(attribution),
                "attribution": _json(list(attribution)),
                "time": _text(when.get("text")),
                "time_start": _text(when.get("start")),
                "time_end": _text(when.get("end")),
                "location": _text(where.get("text")),
                "hedges": _words(claim.get("hedges")),
                "flags": _words(claim.get("flags")),
                "quote": _text(claim.get("quote")),
                "span_start": span[0],
                "span_end": span[1],
                "mentions": _json(list(claim.get("mentions") or ())),
            }
        )
        yield row


def table_rows(record: Mapping[str, Any]) -> Iterator[dict[str, Any]]:
    """The rows of one record in the CSV and Parquet output: every input has at least one.

    A report's :func:`claim_rows`; a report without claims gives one row with ``status``
    ``"no-claims"`` and its report cells; an error record gives one row with ``status``
    ``"error"``, its ``input``, ``error`` (the type), ``message`` and ``plugin``.
    """
    if "id" not in record:
        row = _empty_row()
        row.update(
            {
                "status": "error",
                "input": _text(record.get("input")),
                "error": _text(record.get("error")),
                "message": _text(record.get("message")),
                "plugin": _text(record.get("plugin")),
            }
        )
        yield row
        return
    count = 0
    for row in claim_rows(record):
        count += 1
        yield row
    if count == 0:
        row = _empty_row()
        row.update(_report_cells(record))
        row["status"] = "no-claims"
        yield row


class Sink(Protocol):
    """Where outcomes go, in order."""

    def write(self, outcome: Outcome) -> None:
        """Write one outcome."""

    def close(self) -> None:
        """Flush and release what the sink holds (not the stream it was given)."""


def _writer(target: TextIO | RecordWriter, flush_every: float) -> RecordWriter:
    if isinstance(target, RecordWriter):
        return target
    return RecordWriter.for_stream(target, flush_every=flush_every)


class JsonLinesSink:
    """One JSON record a line (or indented JSON records, one after another).

    :param target: a :class:`~newsclaims.writers.RecordWriter`, or a text stream to write
        through one.
    """

    def __init__(self, target: TextIO | RecordWriter, *, flush_every: float = 0.5) -> None:
        self.writer = _writer(target, flush_every)

    def write(self, outcome: Outcome) -> None:
        """Write the record and its newline in one piece."""
        self.writer.write(outcome.line + "\n")

    def close(self) -> None:
        """Write what is buffered."""
        self.writer.close()


class JsonArraySink:
    """One JSON array of records (``--format json``): ``json.load`` reads the whole output.

    The array is the same for one input or many; with no input it is ``[]``. Each record is
    written with its separator in one piece, and :meth:`close` writes the closing bracket,
    so an interrupted run that closes its sink still leaves a whole JSON document.
    """

    def __init__(self, target: TextIO | RecordWriter, *, flush_every: float = 0.5) -> None:
        self.writer = _writer(target, flush_every)
        self._count = 0

    def write(self, outcome: Outcome) -> None:
        """Write the record (indented one level inside the array) after its separator."""
        # raw newlines only occur between JSON tokens (strings escape theirs)
        body = "  " + outcome.line.replace("\n", "\n  ")
        self.writer.write(("[\n" if self._count == 0 else ",\n") + body)
        self._count += 1

    def close(self) -> None:
        """Close the array and write what is buffered."""
        self.writer.close(tail="[]\n" if self._count == 0 else "\n]\n")


class CsvSink:
    """One row per claim with :data:`CLAIM_COLUMNS` as the header.

    The rows of one input are written in one piece, so a file cut short by a full disk
    ends with the last input whose rows are all there.
    """

    def __init__(
        self, target: TextIO | RecordWriter, *, header: bool = True, flush_every: float = 0.5
    ) -> None:
        self.writer = _writer(target, flush_every)
        if header:
            self.writer.write(csv_text((), CLAIM_COLUMNS, fieldnames=CLAIM_COLUMNS))
            self.writer.records -= 1  # the header is no record

    def write(self, outcome: Outcome) -> None:
        """Write the outcome's rows (see :func:`table_rows`)."""
        if outcome.rows:
            self.writer.write(csv_text(outcome.rows, fieldnames=CLAIM_COLUMNS))

    def close(self) -> None:
        """Write what is buffered."""
        self.writer.close()


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
        arrow = {"string": pa.string(), "float64": pa.float64(), "boolean": pa.bool_()}
        self.schema = pa.schema([(c, arrow.get(t, pa.int64())) for c, t in COLUMN_TYPES.items()])
        self.path = path
        self._writer = pq.ParquetWriter(path, self.schema)
        self.group_rows = group_rows
        self._rows: list[dict[str, Any]] = []
        self._groups = 0

    def write(self, outcome: Outcome) -> None:
        """Buffer the outcome's rows; write a row group when enough are buffered."""
        self._rows.extend(outcome.rows)
        if len(self._rows) >= self.group_rows:
            self._write_group()

    def _write_group(self) -> None:
        table = self._pa.Table.from_pylist(self._rows, schema=self.schema)
        try:
            self._writer.write_table(table)
        except OSError as exc:  # pyarrow writes itself: the file is unusable without a footer
            raise OutputError(self.path, 0, exc.strerror or str(exc), whole=False) from exc
        self._groups += 1
        self._rows = []

    def close(self) -> None:
        """Write what is buffered and the file footer (an empty table when no rows)."""
        try:
            if self._rows:
                self._write_group()
        finally:
            try:
                self._writer.close()
            except OSError as exc:
                raise OutputError(self.path, 0, exc.strerror or str(exc), whole=False) from exc
