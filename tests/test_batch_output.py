"""Claim rows, CSV and Parquet writers, and resuming a JSONL file.

The reports here are constructed stubs: the claim engine is not involved.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

from newsclaims.batch.output import CLAIM_COLUMNS, CsvSink, JsonLinesSink, claim_rows
from newsclaims.batch.resume import prepare
from newsclaims.batch.work import Outcome


def stub_report() -> dict[str, Any]:
    """A report dict with two claims, shaped like report_to_dict's output."""
    return {
        "id": "r1",
        "published": "2024-03-05T00:00:00+00:00",
        "source": {"url": "https://example.org/a", "outlet": "Example News"},
        "claims": [
            {
                "id": "c1",
                "kind": "quantity",
                "quote": "At least 12 people were killed, police said.",
                "measure": "killed",
                "value": {"low": 12, "high": None, "unit": "persons"},
                "subject": {"text": "people"},
                "attribution": [
                    {"name": "Police", "role": "source"},
                    {"name": "Wire Agency", "role": "conduit"},
                ],
                "time": {"text": "on Monday", "start": "2024-03-04", "end": "2024-03-04"},
                "flags": ["lower-bound", "approximate"],
            },
            {"id": "c2", "kind": "statement", "quote": "Talks resumed.", "value": None},
        ],
    }


def test_claim_rows_flatten_a_report() -> None:
    first, second = claim_rows(stub_report())
    assert tuple(first) == CLAIM_COLUMNS
    assert first == {
        **dict.fromkeys(CLAIM_COLUMNS),
        "status": "claim",
        "report_id": "r1",
        "claim_id": "c1",
        "kind": "quantity",
        "url": "https://example.org/a",
        "outlet": "Example News",
        "published": "2024-03-05T00:00:00+00:00",
        "measure": "killed",
        "low": 12.0,
        "high": None,
        "flags": "lower-bound; approximate",
        "unit": "persons",
        "subject": "people",
        "sources": "Police; via Wire Agency",
        "attribution": '[{"name":"Police","role":"source"},'
        '{"name":"Wire Agency","role":"conduit"}]',
        "time": "on Monday",
        "time_start": "2024-03-04",
        "time_end": "2024-03-04",
        "quote": "At least 12 people were killed, police said.",
    }
    assert second["quote"] == "Talks resumed." and second["low"] is None
    assert second["sources"] is None and second["measure"] is None


def test_error_records_have_no_rows() -> None:
    assert list(claim_rows({"input": "x", "error": "InputError", "message": "m"})) == []


def outcome(record: dict[str, Any]) -> Outcome:
    rows = tuple(claim_rows(record))
    return Outcome(name=str(record.get("input")), line=json.dumps(record), rows=rows)


def test_csv_sink_writes_header_and_rows() -> None:
    stream = io.StringIO()
    sink = CsvSink(stream)
    sink.write(outcome(stub_report()))
    sink.write(outcome({"input": "bad", "error": "E", "message": "m"}))
    sink.close()
    rows = list(csv.DictReader(io.StringIO(stream.getvalue())))
    assert len(rows) == 2
    assert rows[0]["low"] == "12.0" and rows[0]["high"] == "" and rows[0]["report_id"] == "r1"
    empty = io.StringIO()
    CsvSink(empty, header=False).close()
    assert empty.getvalue() == ""


def test_parquet_sink(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    from newsclaims.batch.output import ParquetSink

    path = tmp_path / "claims.parquet"
    sink = ParquetSink(str(path), group_rows=1)
    sink.write(outcome(stub_report()))
    sink.write(outcome(stub_report()))
    sink.close()
    table = pq.read_table(path)
    assert table.column_names == list(CLAIM_COLUMNS)
    assert table.num_rows == 4
    assert table.column("low").to_pylist() == [12.0, None, 12.0, None]
    empty = tmp_path / "empty.parquet"
    ParquetSink(str(empty)).close()
    assert pq.read_table(empty).num_rows == 0


def test_jsonl_sink_one_record_a_line() -> None:
    stream = io.StringIO()
    sink = JsonLinesSink(stream)
    sink.write(Outcome(name="a", line='{"input": "a"}'))
    sink.write(Outcome(name="b", line='{"input": "b"}'))
    sink.close()
    assert stream.getvalue() == '{"input": "a"}\n{"input": "b"}\n'


def lines(*names: str) -> bytes:
    return b"".join(json.dumps({"id": n, "input": n}).encode() + b"\n" for n in names)


def test_resume_reads_inputs(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_bytes(lines("a", "b") + b'{"input": "c", "error": "E", "message": "m"}\n')
    assert prepare(out) == {"a", "b", "c"}
    assert prepare(tmp_path / "missing.jsonl") == set()


def test_resume_cuts_a_half_line(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_bytes(lines("a", "b") + b'{"id": "c", "input": "c", "te')
    assert prepare(out) == {"a", "b"}
    assert out.read_bytes() == lines("a", "b")


def test_resume_completes_a_whole_last_record(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_bytes(lines("a") + b'{"id": "b", "input": "b"}')
    assert prepare(out) == {"a", "b"}
    assert out.read_bytes() == lines("a", "b")


def test_resume_ignores_garbage_lines(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_bytes(lines("a") + b"not json\n[1, 2]\n" + lines("b"))
    assert prepare(out) == {"a", "b"}
