"""The one-way flow and its failure records: nothing is dropped silently."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import newsclaims
from newsclaims.cli import main
from newsclaims.models import Failure, Report
from newsclaims.serialize import validate
from newsclaims.testing import assert_valid_report, host_with


def write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


def test_parse_many_yields_every_input_in_order(tmp_path: Path) -> None:
    a = write(tmp_path, "a.txt", "First article.\nIt has two lines.")
    b = tmp_path / "missing.txt"
    c = write(tmp_path, "c.html", "<html><body><p>Third article.</p></body></html>")
    out = list(newsclaims.parse_many([a, b, c], host=host_with()))
    assert [type(r).__name__ for r in out] == ["Report", "Failure", "Report"]
    fail = out[1]
    assert isinstance(fail, Failure)
    assert fail.input == str(b) and fail.error == "InputError"
    assert isinstance(out[2], Report) and out[2].text == "Third article."
    for r in out:
        if isinstance(r, Report):
            assert_valid_report(r)


def test_parse_accepts_text_bytes_and_paths(tmp_path: Path) -> None:
    host = host_with()
    path = write(tmp_path, "a.txt", "Some text.")
    assert newsclaims.parse(path, host=host).text == "Some text."
    assert newsclaims.parse(str(path), host=host).input == str(path)
    assert newsclaims.parse(b"Some bytes.", host=host).text == "Some bytes."
    report = newsclaims.parse(
        "Plain text.", url="https://www.apnews.com/x", published="2024-03-05", host=host
    )
    assert report.published == "2024-03-05"
    assert report.source.domain == "apnews.com"
    assert report.source.outlet == "Associated Press"  # from the built-in outlet lexicon
    assert report.id == newsclaims.parse("Other.", url="https://www.apnews.com/x", host=host).id


def test_cli_batch_with_a_bad_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWSCLAIMS_DISABLE_AUTOLOAD", "1")
    good1 = write(tmp_path, "1.txt", "One.")
    bad = write(tmp_path, "2.txt.gz", b"\x1f\x8bnot gzip at all")
    good2 = write(tmp_path, "3.txt", "Three.")
    status = main(["extract", str(good1), str(bad), str(good2)])
    captured = capsys.readouterr()
    lines = [json.loads(line) for line in captured.out.splitlines()]
    assert status != 0
    assert [line.get("input") for line in lines] == [str(good1), str(bad), str(good2)]
    assert "id" not in lines[1] and lines[1]["error"] == "InputError"
    assert "gzip" in lines[1]["message"]
    for line in (lines[0], lines[2]):
        validate(line)
    assert str(bad) in captured.err


def test_cli_single_input_prints_one_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWSCLAIMS_DISABLE_AUTOLOAD", "1")
    path = write(tmp_path, "a.txt", "Hello.")
    assert main(["extract", str(path), "--published", "March 5, 2024"]) == 0
    data = json.loads(capsys.readouterr().out)
    validate(data)
    assert data["published"] == "2024-03-05"


def test_cli_schema_and_plugins(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWSCLAIMS_DISABLE_AUTOLOAD", "1")
    assert main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out)["title"] == "newsclaims record"
    assert main(["plugins"]) == 0
    inventory = json.loads(capsys.readouterr().out)
    assert inventory[0]["name"] == "builtin" and inventory[0]["status"] == "loaded"
