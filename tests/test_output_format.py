"""The output format of ``newsclaims extract`` follows ``--format`` and ``-o``, never the count.

Issue 9 ("Options"): ``-o out.json`` with two inputs wrote JSONL that ``json.load`` rejects, and
standard output flipped between indented JSON (one input) and JSONL (several).
"""

from __future__ import annotations

import argparse
import io
import json
from pathlib import Path

import pytest

from newsclaims.batch.command import choose_format
from newsclaims.batch.output import JsonArraySink
from newsclaims.batch.work import Outcome
from newsclaims.cli import main
from newsclaims.serialize import validate


@pytest.fixture(autouse=True)
def _no_entry_points(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSCLAIMS_DISABLE_AUTOLOAD", "1")


def articles(root: Path, n: int) -> list[str]:
    root.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        path = root / f"{i:02d}.txt"
        path.write_text(f"Article {i}.\n\nPolice said {i + 2} people were hurt.\n", "utf-8")
        paths.append(str(path))
    return paths


def namespace(**kw: object) -> argparse.Namespace:
    base: dict[str, object] = {"format": None, "output": None, "resume": False}
    base.update(kw)
    return argparse.Namespace(**base)


@pytest.mark.parametrize(
    ("output", "expected"),
    [
        (None, "jsonl"),
        ("out.json", "json"),
        ("OUT.JSON", "json"),
        ("out.jsonl", "jsonl"),
        ("out.ndjson", "jsonl"),
        ("claims.csv", "csv"),
        ("claims.parquet", "parquet"),
        ("reports", "jsonl"),
        ("dir.json/reports.txt", "jsonl"),
    ],
)
def test_format_by_suffix(output: str | None, expected: str) -> None:
    assert choose_format(namespace(output=output)) == expected
    assert choose_format(namespace(output=output, format="csv")) == "csv"


@pytest.mark.parametrize("n", [0, 1, 3])
def test_json_file_is_one_array_for_any_count(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], n: int
) -> None:
    paths = articles(tmp_path / "in", max(n, 1))[:n] or [str(tmp_path / "in")]
    if n == 0:
        paths = [str(tmp_path / "empty")]
        (tmp_path / "empty").mkdir()
    target = tmp_path / "out.json"
    assert main(["extract", *paths, "-o", str(target), "-q"]) == 0
    with target.open(encoding="utf-8") as fh:
        data = json.load(fh)
    assert isinstance(data, list) and len(data) == n
    for record in data:
        validate(record)
    assert [r["input"] for r in data] == paths[:n]


@pytest.mark.parametrize("n", [1, 2])
def test_stdout_default_is_jsonl_for_any_count(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], n: int
) -> None:
    paths = articles(tmp_path / "in", n)
    assert main(["extract", *paths, "-q"]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert len(lines) == n
    assert [json.loads(line)["input"] for line in lines] == paths


def test_format_json_on_stdout_is_an_array(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = articles(tmp_path / "in", 2)
    assert main(["extract", *paths, "--format", "json", "-q"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [r["input"] for r in data] == paths


def test_array_sink_indents_records_and_keeps_strings() -> None:
    stream = io.StringIO()
    sink = JsonArraySink(stream)
    record = {"input": "a\nb", "x": [1, 2]}
    sink.write(Outcome(name="a", line=json.dumps(record, indent=2)))
    sink.write(Outcome(name="b", line=json.dumps({"input": "b"})))
    sink.close()
    assert json.loads(stream.getvalue()) == [record, {"input": "b"}]
    assert stream.getvalue().startswith('[\n  {\n    "input"')
