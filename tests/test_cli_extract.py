"""``newsclaims extract`` on many inputs: directories, WARC, lists, resume, CSV, errors, jobs.

Runs with the built-in plugin only (entry-point plugins are off); articles are constructed.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from newsclaims.batch.output import CLAIM_COLUMNS
from newsclaims.cli import main
from newsclaims.serialize import validate


@pytest.fixture(autouse=True)
def _no_entry_points(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSCLAIMS_DISABLE_AUTOLOAD", "1")


def article(i: int) -> str:
    return f"Constructed article {i}.\n\nPolice said {i + 2} people were hurt in a fire.\n"


def make_tree(root: Path, n: int = 6) -> list[Path]:
    """n text articles spread over nested folders, plus files --glob should leave out."""
    made = []
    for i in range(n):
        folder = root / ("a" if i % 2 else "b") / ("deep" if i % 3 == 0 else "")
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{i:03d}.txt"
        path.write_text(article(i), "utf-8")
        made.append(path)
    (root / "notes.md").write_text("not an article\n", "utf-8")
    (root / ".cache").mkdir()
    (root / ".cache" / "x.txt").write_text("hidden\n", "utf-8")
    return made


def write_warc(path: Path, n: int) -> list[str]:
    """A gzipped WARC with n HTML responses and one image; returns the page URLs."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    urls = []
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for i in range(n):
            url = f"https://news.example.org/{i}"
            html = f"<html><body><p>{article(i)}</p></body></html>".encode()
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            writer.write_record(
                writer.create_warc_record(
                    url,
                    "response",
                    payload=io.BytesIO(html),
                    http_headers=headers,
                    warc_headers_dict={"WARC-Date": f"2024-03-{i % 28 + 1:02d}T08:00:00Z"},
                )
            )
            urls.append(url)
            if i == 0:
                img = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], "HTTP/1.1")
                writer.write_record(
                    writer.create_warc_record(
                        "https://news.example.org/logo.png",
                        "response",
                        payload=io.BytesIO(b"\x89PNG"),
                        http_headers=img,
                    )
                )
    return urls


def extract(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["extract", *argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def jsonl(text: str) -> list[dict[str, Any]]:
    """Records of JSONL output; every report among them is validated against the schema."""
    records = [json.loads(line) for line in text.splitlines()]
    for record in records:
        if "id" in record:
            validate(record)
    return records


def test_one_input_prints_one_jsonl_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "one.txt"
    path.write_text(article(1), "utf-8")
    code, out, err = extract(
        capsys, str(path), "--url", "https://example.org/x", "--published", "2024-02-03"
    )
    assert code == 0
    report = json.loads(out)  # one JSONL line is also one JSON document
    validate(report)
    assert out.count("\n") == 1  # the same format as for several inputs
    assert report["input"] == str(path)
    assert report["source"]["url"] == "https://example.org/x"
    assert report["published"].startswith("2024-02-03")
    assert "1 documents" in err


def test_directory_with_glob_in_sorted_order(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    made = make_tree(tmp_path / "crawl")
    code, out, _ = extract(capsys, str(tmp_path / "crawl"), "--glob", "*.txt")
    assert code == 0
    inputs = [r["input"] for r in jsonl(out)]
    assert sorted(inputs) == sorted(map(str, made))
    # a folder's files in name order, then its subfolders
    order = ("a/001.txt", "a/005.txt", "a/deep/003.txt", "b/002.txt", "b/004.txt", "b/deep/000.txt")
    assert inputs == [str(tmp_path / "crawl" / rel) for rel in order]
    # without --glob every visible file counts
    _, out, _ = extract(capsys, str(tmp_path / "crawl"))
    assert len(jsonl(out)) == len(made) + 1


def test_warc_records_are_inputs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("warcio")
    warc = tmp_path / "week.warc.gz"
    urls = write_warc(warc, 4)
    code, out, _ = extract(capsys, str(warc))
    assert code == 0
    records = jsonl(out)
    assert [r["source"]["url"] for r in records] == urls
    assert [r["published"][:10] for r in records] == [f"2024-03-0{i}" for i in range(1, 5)]
    assert all(r["input"].startswith(f"{warc}#") for r in records)
    assert len({r["input"] for r in records}) == 4
    assert "Constructed article 2." in records[2]["text"]


def test_from_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    made = make_tree(tmp_path / "crawl", 3)
    listing = tmp_path / "inputs.txt"
    listing.write_text("# constructed\n" + "\n".join(map(str, reversed(made))) + "\n", "utf-8")
    code, out, _ = extract(capsys, "--from-file", str(listing))
    assert code == 0
    assert [r["input"] for r in jsonl(out)] == [str(p) for p in reversed(made)]


def test_bad_file_gives_one_error_record_among_reports(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    made = make_tree(tmp_path / "crawl", 4)
    bad = tmp_path / "crawl" / "a" / "002.txt.gz"
    bad.write_bytes(b"\x1f\x8b" + b"corrupt" * 10)
    good_gz = tmp_path / "crawl" / "a" / "003.txt.gz"
    good_gz.write_bytes(gzip.compress(article(9).encode()))
    code, out, err = extract(capsys, str(tmp_path / "crawl"), "--glob", "*.txt*", "-j", "2")
    assert code == 1
    records = jsonl(out)
    errors = [r for r in records if "error" in r]
    reports = [r for r in records if "id" in r]
    assert len(errors) == 1 and errors[0]["input"] == str(bad)
    assert set(errors[0]) == {"schema_version", "input", "error", "message", "plugin"}
    assert sorted(r["input"] for r in reports) == sorted([*map(str, made), str(good_gz)])
    assert f"newsclaims: error: {bad}" in err
    assert "1 failed" in err


def test_jobs_two_is_deterministic(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    make_tree(tmp_path / "crawl", 40)
    _, one, _ = extract(capsys, str(tmp_path / "crawl"), "-j", "1", "--glob", "*.txt")
    _, two, _ = extract(capsys, str(tmp_path / "crawl"), "-j", "2", "--glob", "*.txt")
    _, again, _ = extract(capsys, str(tmp_path / "crawl"), "-j", "2", "--glob", "*.txt")
    assert len(jsonl(one)) == 40
    assert one == two == again


def test_output_file_and_resume_after_a_truncated_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    made = make_tree(tmp_path / "crawl", 8)
    out = tmp_path / "out.jsonl"
    code, stdout, _ = extract(capsys, str(tmp_path / "crawl"), "--glob", "*.txt", "-o", str(out))
    assert code == 0 and stdout == ""
    full = out.read_text("utf-8")
    lines = full.splitlines(keepends=True)
    assert len(lines) == 8
    # a run killed in the middle of line 4
    out.write_text("".join(lines[:3]) + lines[3][: len(lines[3]) // 2], "utf-8")
    code, _, err = extract(
        capsys, str(tmp_path / "crawl"), "--glob", "*.txt", "-o", str(out), "--resume"
    )
    assert code == 0
    assert out.read_text("utf-8") == full
    assert "3 skipped" in err and "5 documents" in err
    # nothing left to do
    code, _, err = extract(
        capsys, str(tmp_path / "crawl"), "--glob", "*.txt", "-o", str(out), "--resume"
    )
    assert code == 0 and out.read_text("utf-8") == full and "8 skipped" in err
    assert len(made) == 8


def test_resume_needs_jsonl_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.txt").write_text(article(1), "utf-8")
    code, _, err = extract(capsys, str(tmp_path), "--resume")
    assert code == 2 and "-o FILE" in err
    code, _, err = extract(capsys, str(tmp_path), "--resume", "-o", str(tmp_path / "x.csv"))
    assert code == 2 and "JSONL" in err


def test_csv_one_row_per_claim(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    make_tree(tmp_path / "crawl", 3)
    code, out, _ = extract(capsys, str(tmp_path / "crawl"), "--glob", "*.txt", "--format", "csv")
    assert code == 0
    reader = csv.DictReader(io.StringIO(out))
    assert reader.fieldnames == list(CLAIM_COLUMNS)
    rows = list(reader)
    # as many rows as the reports have claims, whatever the engine finds today
    _, jl, _ = extract(capsys, str(tmp_path / "crawl"), "--glob", "*.txt")
    reports = jsonl(jl)
    # one row a claim, and one for a report without claims
    assert len(rows) == sum(max(1, len(r["claims"])) for r in reports)
    assert {row["report_id"] for row in rows} <= {r["id"] for r in reports}


def test_format_from_output_suffix_and_parquet(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make_tree(tmp_path / "crawl", 3)
    target = tmp_path / "claims.csv"
    assert extract(capsys, str(tmp_path / "crawl"), "-o", str(target))[0] == 0
    assert target.read_text("utf-8").startswith("status,input,report_id,")
    code, _, err = extract(capsys, str(tmp_path / "crawl"), "--format", "parquet")
    assert code == 2 and "-o FILE" in err
    pq = pytest.importorskip("pyarrow.parquet")
    target = tmp_path / "claims.parquet"
    assert extract(capsys, str(tmp_path / "crawl"), "-o", str(target))[0] == 0
    assert pq.read_table(target).column_names[:3] == ["status", "input", "report_id"]


def test_no_input_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = extract(capsys)
    assert code == 2 and "PATH" in err


def test_quiet_has_no_summary(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    make_tree(tmp_path / "crawl", 2)
    code, out, err = extract(capsys, str(tmp_path / "crawl"), "-q")
    assert code == 0 and len(jsonl(out)) == 3 and err == ""


def test_ctrl_c_leaves_valid_jsonl_and_resume_finishes(tmp_path: Path) -> None:
    pytest.importorskip("warcio")
    warc = tmp_path / "big.warc.gz"
    urls = write_warc(warc, 3000)
    out = tmp_path / "out.jsonl"
    env = {**os.environ, "NEWSCLAIMS_DISABLE_AUTOLOAD": "1"}
    cmd = [sys.executable, "-m", "newsclaims.cli", "extract", str(warc), "-o", str(out)]
    proc = subprocess.Popen([*cmd, "-j", "2"], env=env, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and (not out.exists() or out.stat().st_size == 0):
        time.sleep(0.05)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    data = out.read_text("utf-8")
    assert data.endswith("\n")
    done = [json.loads(line)["input"] for line in data.splitlines()]
    if proc.returncode == 130:
        assert "interrupted" in err and len(done) < len(urls)
    else:  # the machine was fast enough to finish first
        assert proc.returncode == 0 and len(done) == len(urls)
    resumed = subprocess.run([*cmd, "--resume"], env=env, capture_output=True, text=True)
    assert resumed.returncode == 0, resumed.stderr
    records = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert [r["source"]["url"] for r in records] == urls
    assert len({r["input"] for r in records}) == len(urls)


def test_warc_without_warcio_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import newsclaims.batch.command as command

    monkeypatch.setattr(command, "warcio_available", lambda: False)
    warc = tmp_path / "a.warc.gz"
    warc.write_bytes(b"")
    code, out, err = extract(capsys, str(warc))
    assert code == 2 and out == ""
    assert "pip install 'newsclaims[warc]'" in err
