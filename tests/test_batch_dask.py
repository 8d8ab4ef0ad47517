"""newsclaims.dask on a real local cluster of two worker processes.

Skipped when the optional extra ``newsclaims[dask]`` is not installed. Articles are
constructed; claim rows are checked on stub reports, not on the claim engine's output.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("dask.bag")
pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("distributed")

from newsclaims.batch.output import CLAIM_COLUMNS  # noqa: E402
from newsclaims.cli import main  # noqa: E402
from newsclaims.dask import claims, lines, reports, units, write_jsonl  # noqa: E402
from newsclaims.host import Settings  # noqa: E402

ONLY_BUILTIN = Settings(autoload=False)


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    with (
        distributed.LocalCluster(
            n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as c,
    ):
        yield c


def make_inputs(root: Path) -> list[str]:
    """Seven constructed text files and, when warcio is there, a WARC of three pages."""
    for i in range(7):
        p = root / "crawl" / f"{i:02d}.txt"
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(f"Constructed article {i}.\n\nFour people were hurt.\n", "utf-8")
    args = [str(root / "crawl")]
    try:
        from warcio.statusandheaders import StatusAndHeaders
        from warcio.warcwriter import WARCWriter
    except ImportError:
        return args
    warc = root / "pages.warc.gz"
    with open(warc, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for i in range(3):
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], "HTTP/1.1")
            body = f"<html><body><p>Constructed page {i}.</p></body></html>".encode()
            writer.write_record(
                writer.create_warc_record(
                    f"https://example.org/{i}",
                    "response",
                    payload=io.BytesIO(body),
                    http_headers=headers,
                )
            )
    return [*args, str(warc)]


def test_units_group_files_and_keep_warcs_whole(tmp_path: Path) -> None:
    args = make_inputs(tmp_path)
    found = units(args, files_per_unit=3)
    assert [len(u.paths) for u in found if not u.warc] == [3, 3, 1]
    assert [u.warc for u in found][-1] is (len(args) == 2)


def test_bag_of_reports_matches_the_cli(
    client: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    args = make_inputs(tmp_path)
    bag: Any = reports(args, settings=ONLY_BUILTIN, files_per_partition=3)
    records = bag.compute()
    monkeypatch.setenv("NEWSCLAIMS_DISABLE_AUTOLOAD", "1")
    assert main(["extract", "-q", "-j", "1", *args]) == 0
    expected = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert records == expected
    assert len(records) == 7 + 3 * (len(args) == 2)
    assert bag.npartitions == 3 + (len(args) == 2)


def test_claims_frame_from_stub_reports(client: Any) -> None:
    db: Any = pytest.importorskip("dask.bag")

    claim = {
        "quote": "At least 12 people were killed.",
        "measure": "killed",
        "value": {"low": 12, "high": None, "unit": "persons"},
        "attribution": [{"name": "Police", "role": "source"}],
        "flags": ["lower-bound"],
    }
    stub = [
        {"id": "r1", "source": {"url": "u1"}, "claims": [claim, claim]},
        {"input": "bad", "error": "InputError", "message": "m", "plugin": None},
        {"id": "r2", "source": {"url": "u2", "outlet": "Example"}, "claims": [claim]},
    ]
    frame: Any = claims(db.from_sequence(stub, npartitions=2))
    assert list(frame.columns) == list(CLAIM_COLUMNS)
    got = frame.compute()
    assert list(got["report_id"]) == ["r1", "r1", "r2"]
    assert list(got["low"]) == [12.0, 12.0, 12.0]
    assert got["high"].isna().all()
    assert list(got["sources"]) == ["Police"] * 3


def test_claims_frame_of_real_reports_has_the_columns(client: Any, tmp_path: Path) -> None:
    frame: Any = claims(reports(make_inputs(tmp_path), settings=ONLY_BUILTIN))
    got = frame.compute()
    assert list(got.columns) == list(CLAIM_COLUMNS)


def test_lines_are_the_bytes_of_extract_with_one_job_and_two(
    client: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # constructed texts: non-ASCII, a line separator U+2028, an empty file (an error record)
    # and a file that is not text (another), among reports
    crawl = tmp_path / "crawl"
    crawl.mkdir()
    texts = [
        f"Constructed report {i}.\n\nOfficials said {i + 2} people were hurt.\n" for i in range(9)
    ]
    texts[2] = "Caf\u00e9 owners said three people were hurt.\u2028Police said two more.\n"
    for i, text in enumerate(texts):
        (crawl / f"{i:02d}.txt").write_text(text, "utf-8")
    (crawl / "09.txt").write_bytes(b"")
    (crawl / "10.txt").write_bytes(b"\x00\x01\x02\xff" * 64)
    monkeypatch.setenv("NEWSCLAIMS_DISABLE_AUTOLOAD", "1")
    outputs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"jobs{jobs}.jsonl"
        assert main(["extract", "-q", "-j", jobs, str(crawl), "-o", str(out)]) == 1
        outputs.append(out.read_bytes())
    bag: Any = lines([str(crawl)], settings=ONLY_BUILTIN, files_per_partition=4)
    assert bag.npartitions == 3
    assert write_jsonl(bag, str(tmp_path / "dask.jsonl")) == 11
    written = (tmp_path / "dask.jsonl").read_bytes()
    assert outputs[0] == outputs[1] == written
    assert "\n".join(bag.compute()).encode() + b"\n" == written
    errors = [json.loads(line).get("error") for line in written.splitlines()]
    assert errors[9:] == ["EmptyInputError", "BinaryInputError"]
    assert "Caf\u00e9".encode() in written  # UTF-8 kept as it is
