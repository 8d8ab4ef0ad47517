"""A truncated WARC file: an error record for the record cut short, the others kept (issue 9).

``head -c N a.warc.gz > b.warc.gz`` gave a short or empty report for the last record, with no
warning, exit 0. Each WARC is built here with warcio and cut in the test.
"""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest

from newsclaims.batch.inputs import expand
from newsclaims.cli import main
from newsclaims.serialize import validate

warcio = pytest.importorskip("warcio")


@pytest.fixture(autouse=True)
def _no_entry_points(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSCLAIMS_DISABLE_AUTOLOAD", "1")


def build(path: Path, n: int = 3, gzip: bool = True) -> list[int]:
    """``n`` HTML responses of about 20 KB each; returns where each record starts."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    starts = []
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=gzip)
        for i in range(n):
            paragraphs = "".join(
                f"<p>Police said {i + k} people were hurt in fire number {k}.</p>"
                for k in range(300)
            )
            body = f"<html><body>{paragraphs}</body></html>".encode()
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            starts.append(fh.tell())
            writer.write_record(
                writer.create_warc_record(
                    f"https://news.example.org/{i}",
                    "response",
                    payload=io.BytesIO(body),
                    http_headers=headers,
                )
            )
    return starts


def cut(src: Path, dst: Path, size: int) -> Path:
    dst.write_bytes(src.read_bytes()[:size])  # head -c SIZE src > dst
    return dst


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[dict[str, Any]], str]:
    code = main(["extract", "-q", *argv])
    captured = capsys.readouterr()
    records = [json.loads(line) for line in captured.out.splitlines()]
    for record in records:
        validate(record)
    return code, records, captured.err


@pytest.mark.parametrize("gzip", [True, False], ids=["warc.gz", "warc"])
def test_a_record_cut_in_its_body_is_an_error_record(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], gzip: bool
) -> None:
    suffix = ".warc.gz" if gzip else ".warc"
    whole = tmp_path / f"a{suffix}"
    starts = build(whole, gzip=gzip)
    size = whole.stat().st_size
    short = cut(whole, tmp_path / f"b{suffix}", size - (size - starts[2]) // 3)
    code, records, err = run(capsys, str(short))
    # before: exit 0, three reports, the last one shorter than its page, no warning
    assert code == 1
    assert [("id" in r) for r in records] == [True, True, False]
    last = records[2]
    assert last["input"] == f"{short}#{starts[2]}"
    assert "truncated WARC record" in last["message"]
    assert "https://news.example.org/2" in last["message"]
    assert "Content-Length" in last["message"]
    assert [r["input"] for r in records[:2]] == [f"{short}#{s}" for s in starts[:2]]
    assert err.count("newsclaims: error:") == 1
    # the whole file: three reports, no error
    code, records, _ = run(capsys, str(whole))
    assert code == 0 and all("id" in r for r in records) and len(records) == 3


def test_a_record_cut_in_its_headers_names_its_offset(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    whole = tmp_path / "a.warc"
    starts = build(whole, gzip=False)
    short = cut(whole, tmp_path / "b.warc", starts[1] + 100)
    code, records, _ = run(capsys, str(short))
    assert code == 1
    assert "id" in records[0] and len(records) == 2
    assert records[1]["input"] == f"{short}#{starts[1]}"
    assert f"byte {starts[1]}" in records[1]["message"]


def test_a_stub_of_a_gzip_member_at_the_end_is_named(tmp_path: Path) -> None:
    whole = tmp_path / "a.warc.gz"
    starts = build(whole)
    short = cut(whole, tmp_path / "b.warc.gz", starts[2] + 5)  # warcio reads nothing of it
    items = list(expand([str(short)]))
    assert [i.error is None for i in items] == [True, True, False]
    assert items[2].name == f"{short}#{starts[2]}"
    assert items[2].error is not None and "truncated WARC file" in items[2].error[1]


def test_a_file_cut_between_records_is_whole(tmp_path: Path) -> None:
    whole = tmp_path / "a.warc.gz"
    starts = build(whole)
    short = cut(whole, tmp_path / "b.warc.gz", starts[2])
    assert [i.error for i in expand([str(short)])] == [None, None]


def test_a_compressed_page_over_the_cap_is_not_read_whole(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--max-input-bytes holds inside a WARC record too (issue 10 item 10): a page sent with
    Content-Encoding gzip was decompressed whole while the WARC was read."""
    import gzip as gz

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    page = (
        b"<html><body><p>" + b"Police said 3 people were hurt. " * 200_000 + b"</p></body></html>"
    )
    warc = tmp_path / "bomb.warc.gz"
    with open(warc, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        headers = StatusAndHeaders(
            "200 OK",
            [("Content-Type", "text/html"), ("Content-Encoding", "gzip")],
            protocol="HTTP/1.1",
        )
        writer.write_record(
            writer.create_warc_record(
                "https://news.example.org/big",
                "response",
                payload=io.BytesIO(gz.compress(page)),
                http_headers=headers,
            )
        )
    assert warc.stat().st_size < len(page) // 50
    (item,) = expand([str(warc)], max_input_bytes=100_000)
    # before: the whole 6.4 MB page in memory
    assert item.data is not None and len(item.data) == 100_001
    code, (record,), _ = run(capsys, str(warc), "--max-input-bytes", "100000")
    assert code == 1 and record["error"] == "InputTooLargeError"
    assert record["input"] == f"{warc}#0"
    (whole,) = expand([str(warc)], max_input_bytes=0)
    assert whole.data == page


def test_standard_input_is_read_up_to_the_cap() -> None:
    (item,) = expand(["-"], stdin=io.BytesIO(b"x" * 1000), max_input_bytes=10)
    assert item.data == b"x" * 11
