"""Any file name the system allows works, and the output stays UTF-8 (issue 10 item 18).

A file name that is not UTF-8 (the byte 0xFF) aborted the batch ("surrogates not allowed"),
with the inputs after it lost, or wrote the raw byte to standard output. Such a name is now
written with the byte escaped (``b\\xff.txt``, backslashes doubled), which still finds the
file. Every file here is built in the test.
"""

from __future__ import annotations

import codecs
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from newsclaims.batch.inputs import expand
from newsclaims.cli import main
from newsclaims.serialize import validate

RAW = b"b\xff.txt"  # not UTF-8
ESCAPED = "b\\xff.txt"


@pytest.fixture(autouse=True)
def _no_entry_points(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSCLAIMS_DISABLE_AUTOLOAD", "1")


def tree(root: Path) -> Path:
    """a.txt, b.txt, b<0xFF>.txt, c.txt, each an article."""
    folder = root / "names"
    folder.mkdir()
    for n, name in enumerate([b"a.txt", b"b.txt", RAW, b"c.txt"]):
        with open(os.path.join(os.fsencode(folder), name), "wb") as fh:
            fh.write(f"Police said {n + 2} people were hurt in a fire.\n".encode())
    return folder


def records_of(data: bytes) -> list[dict[str, Any]]:
    text = data.decode("utf-8")  # strict: the whole output is UTF-8
    records = [json.loads(line) for line in text.splitlines()]
    for record in records:
        validate(record)
    return records


def test_a_non_utf8_name_costs_nothing_in_an_output_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tree(tmp_path)
    out = tmp_path / "out.jsonl"
    code = main(["extract", "-q", str(folder), "-o", str(out)])
    err = capsys.readouterr().err
    # before: exit 2, 2 records, "surrogates not allowed"
    assert code == 0, err
    records = records_of(out.read_bytes())
    assert [Path(r["input"]).name for r in records] == ["a.txt", "b.txt", ESCAPED, "c.txt"]
    assert all("id" in r for r in records)
    # the escaped name finds the file again
    found = os.fsdecode(codecs.escape_decode(records[2]["input"].encode("utf-8"))[0])
    assert Path(found).read_bytes().startswith(b"Police said 4")


def test_standard_output_stays_utf8(tmp_path: Path) -> None:
    folder = tree(tmp_path)
    env = {**os.environ, "NEWSCLAIMS_DISABLE_AUTOLOAD": "1"}
    done = subprocess.run(
        [sys.executable, "-m", "newsclaims.cli", "extract", "-q", str(folder)],
        capture_output=True,
        env=env,
        timeout=120,
        check=False,
    )
    # before: a raw 0xFF byte in the output (or exit 2, by locale)
    assert b"\xff" not in done.stdout
    assert done.returncode == 0, done.stderr
    assert len(records_of(done.stdout)) == 4


def test_resume_knows_a_non_utf8_name_is_done(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tree(tmp_path)
    out = tmp_path / "out.jsonl"
    assert main(["extract", "-q", str(folder), "-o", str(out)]) == 0
    lines = out.read_bytes().splitlines(keepends=True)
    out.write_bytes(b"".join(lines[:2] + lines[3:]))  # the escaped one is to do again
    capsys.readouterr()
    assert main(["extract", str(folder), "-o", str(out), "--resume"]) == 0
    err = capsys.readouterr().err
    assert "1 documents" in err and "3 skipped" in err
    names = sorted(Path(r["input"]).name for r in records_of(out.read_bytes()))
    assert names == sorted(["a.txt", "b.txt", ESCAPED, "c.txt"])
    assert main(["extract", str(folder), "-o", str(out), "--resume"]) == 0
    assert "0 documents" in capsys.readouterr().err and len(out.read_bytes().splitlines()) == 4


def test_from_file_finds_a_non_utf8_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tree(tmp_path)
    listing = tmp_path / "paths.txt"
    listing.write_bytes(os.path.join(os.fsencode(folder), RAW) + b"\n")
    code = main(["extract", "-q", "--from-file", str(listing)])
    out = capsys.readouterr().out
    # before: the byte read as U+FFFD, "No such file or directory"
    assert code == 0
    (record,) = records_of(out.encode("utf-8"))
    assert "id" in record and record["input"].endswith(ESCAPED)


def test_error_records_and_warc_items_escape_the_name(tmp_path: Path) -> None:
    missing = os.fsdecode(os.path.join(os.fsencode(tmp_path), b"gone\xfe\\x.txt"))
    (item,) = expand([missing])
    assert item.name.endswith("gone\\xfe\\\\x.txt")
    assert item.error is not None and item.error[1].startswith(item.name + ":")
    item.name.encode("utf-8")
    item.error[1].encode("utf-8")
    pytest.importorskip("warcio")
    warc = os.fsdecode(os.path.join(os.fsencode(tmp_path), b"crawl\xff.warc"))
    with open(warc, "wb") as fh:
        fh.write(b"not a warc\n")
    (bad,) = expand([warc])
    assert bad.name.endswith("crawl\\xff.warc")
    assert bad.error is not None
    bad.error[1].encode("utf-8")


def test_an_error_line_names_its_input_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "x.txt"
    assert main(["extract", "-q", str(missing)]) == 1
    err = capsys.readouterr().err
    # before: "newsclaims: error: .../x.txt: InputError: .../x.txt: No such file or directory"
    assert err == f"newsclaims: error: {missing}: InputError: No such file or directory\n"
