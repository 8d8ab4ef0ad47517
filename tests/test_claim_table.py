"""CSV and Parquet rows carry what a claim's JSON says, and every input (issue 9, exports).

Before, "over a hundred" and "at least a hundred" gave the same row (no ``low_inclusive``),
rows had no claim id, kind, input, hedges, roles or time bounds, and failed inputs vanished.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

from newsclaims.batch.output import CLAIM_COLUMNS, COLUMN_TYPES, table_rows
from newsclaims.cli import main
from newsclaims.models import (
    Attribution,
    Claim,
    Failure,
    Location,
    Mention,
    Report,
    Subject,
    TimeRef,
    Value,
)
from newsclaims.serialize import failure_to_dict, report_to_dict, schema

# where each field of a claim's JSON goes in a row
CLAIM_FIELD_COLUMNS = {
    "id": "claim_id",
    "kind": "kind",
    "quote": "quote",
    "span": "span_start",
    "mentions": "mentions",
    "measure": "measure",
    "value.low": "low",
    "value.high": "high",
    "value.low_inclusive": "low_inclusive",
    "value.high_inclusive": "high_inclusive",
    "value.approximate": "approximate",
    "value.unit": "unit",
    "value.text": "value_text",
    "subject.text": "subject",
    "subject.affiliation": "subject_affiliation",
    "subject.carried": "subject_carried",
    "attribution": "attribution",
    "time.text": "time",
    "time.start": "time_start",
    "time.end": "time_end",
    "location.text": "location",
    "hedges": "hedges",
    "flags": "flags",
}


@pytest.fixture(autouse=True)
def _no_entry_points(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSCLAIMS_DISABLE_AUTOLOAD", "1")


def claim_leaves() -> set[str]:
    """Every field of a claim in the schema, nested objects as ``value.low``."""
    defs = schema()["$defs"]
    out = set()
    for key, node in defs["claim"]["properties"].items():
        options = [
            defs[o["$ref"].rsplit("/", 1)[-1]] if "$ref" in o else o for o in node.get("oneOf", ())
        ]
        objects = [o for o in options if o.get("type") == "object"]
        if objects:
            out |= {f"{key}.{sub}" for sub in objects[0]["properties"]}
        else:
            out.add(key)
    return out


def test_every_claim_field_has_a_column() -> None:
    assert claim_leaves() <= set(CLAIM_FIELD_COLUMNS), "a claim field without a column"
    assert set(CLAIM_FIELD_COLUMNS.values()) <= set(CLAIM_COLUMNS)


TEXT = "Police said over 100 people were killed. Officials said at least 100 people died."


def bounded(low_inclusive: bool, quote: str, start: int) -> Claim:
    return Claim(
        id=f"c{start}",
        kind="quantity",
        quote=quote,
        span=(start, start + len(quote)),
        measure="killed",
        value=Value(100, None, low_inclusive, True, False, "persons", "100"),
        subject=Subject("people", affiliation="civilians", carried=True),
        attribution=(
            Attribution("Police", type="organization", role="source", key="police"),
            Attribution("Wire", type="media", role="conduit"),
        ),
        time=TimeRef("on Monday", "2024-03-04", "2024-03-04"),
        location=Location("Kursk"),
        hedges=("reportedly",),
        flags=("lower-bound", "increment"),
        mentions=(Mention("x", (1, 2)),),
    )


def test_over_and_at_least_give_different_rows() -> None:
    over = bounded(False, TEXT[:40], 0)
    least = bounded(True, TEXT[41:], 41)
    report = report_to_dict(Report(id="r1", text=TEXT, claims=(over, least), input="a.txt"))
    first, second = table_rows(report)
    assert first["low_inclusive"] is False and second["low_inclusive"] is True
    assert {k: v for k, v in first.items() if k not in ("low_inclusive", "quote")} != {
        k: v for k, v in second.items() if k not in ("low_inclusive", "quote")
    }  # the claim id and span differ too
    assert first["status"] == "claim" and first["input"] == "a.txt"
    assert first["report_id"] == "r1" and first["claim_id"] == "c0" and first["kind"] == "quantity"
    assert first["approximate"] is False and first["high_inclusive"] is True
    assert first["hedges"] == "reportedly" and first["flags"] == "lower-bound; increment"
    assert first["time_start"] == "2024-03-04" and first["time_end"] == "2024-03-04"
    assert first["location"] == "Kursk" and first["subject_carried"] is True
    assert (first["span_start"], first["span_end"]) == (0, 40)
    roles = [(a["name"], a["role"]) for a in json.loads(first["attribution"])]
    assert roles == [("Police", "source"), ("Wire", "conduit")]
    assert json.loads(first["mentions"]) == [{"quote": "x", "span": [1, 2]}]
    assert first["sources"] == "Police; via Wire"


def test_failures_and_claimless_reports_are_rows() -> None:
    [error] = table_rows(failure_to_dict(Failure("x", "E", "m", "text")))
    assert error["status"] == "error" and error["input"] == "x"
    assert (error["error"], error["message"], error["plugin"]) == ("E", "m", "text")
    assert error["report_id"] is None
    [empty] = table_rows(report_to_dict(Report(id="r", text="t", input="y")))
    assert empty["status"] == "no-claims" and empty["report_id"] == "r" and empty["input"] == "y"
    assert empty["claim_id"] is None


def batch(tmp_path: Path) -> list[str]:
    good = tmp_path / "good.txt"
    good.write_text("A report.\n\nPolice said more than 40 people were killed on Monday.\n")
    quiet = tmp_path / "quiet.txt"
    quiet.write_text("A quiet day.\n\nNothing happened in the town.\n")
    return [str(good), str(tmp_path / "missing.txt"), str(quiet)]


def test_csv_shows_every_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    paths = batch(tmp_path)
    target = tmp_path / "claims.csv"
    assert main(["extract", *paths, "-o", str(target), "-q"]) == 1
    rows = list(csv.DictReader(io.StringIO(target.read_text("utf-8"))))
    by_input: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        by_input.setdefault(row["input"], []).append(row)
    assert list(by_input) == paths
    good = by_input[paths[0]]
    killed = [r for r in good if r["measure"] == "killed"]
    assert killed and killed[0]["low_inclusive"] == "False" and killed[0]["low"] == "40.0"
    assert by_input[paths[1]][0]["status"] == "error"
    assert by_input[paths[1]][0]["error"] == "InputError"
    assert [r["status"] for r in by_input[paths[2]]] == ["no-claims"]


def test_parquet_types_and_every_input(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    pa = pytest.importorskip("pyarrow")
    target = tmp_path / "claims.parquet"
    assert main(["extract", *batch(tmp_path), "-o", str(target), "-q"]) == 1
    table = pq.read_table(target)
    assert table.column_names == list(CLAIM_COLUMNS)
    assert table.schema.field("low_inclusive").type == pa.bool_()
    assert table.schema.field("span_start").type == pa.int64()
    assert table.schema.field("low").type == pa.float64()
    statuses = table.column("status").to_pylist()
    assert "error" in statuses and "no-claims" in statuses and "claim" in statuses
    assert len(set(table.column("input").to_pylist())) == 3
    assert set(COLUMN_TYPES.values()) == {"string", "float64", "boolean", "Int64"}
