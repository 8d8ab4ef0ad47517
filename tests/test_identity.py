"""``id`` identifies an output row, ``content_hash`` the article (issue 9, the ``id`` bullet).

Before: ``id`` was a hash of the URL, else of the clean text, so every copy of one page (and
every empty file) shared one id, and two rows of one batch could not be told apart.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from newsclaims.cli import main
from newsclaims.models import Document, Report
from newsclaims.pipeline import parse_document, parse_many
from newsclaims.serialize import report_from_dict, report_to_dict, schema

PAGE = "Officials said 12 people were missing after the storm on Monday.\n"


@pytest.fixture(autouse=True)
def _no_entry_points(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSCLAIMS_DISABLE_AUTOLOAD", "1")


def copies(tmp_path: Path) -> list[Path]:
    paths = []
    for name in ("a.txt", "b.txt", "sub/a.txt"):
        path = tmp_path / name
        path.parent.mkdir(exist_ok=True)
        path.write_text(PAGE, "utf-8")
        paths.append(path)
    return paths


def test_copies_of_one_page_have_their_own_ids_and_one_content_hash(tmp_path: Path) -> None:
    reports = list(parse_many(copies(tmp_path)))
    assert all(isinstance(r, Report) for r in reports)
    ids = [r.id for r in reports if isinstance(r, Report)]
    assert len(set(ids)) == 3
    hashes = {r.content_hash for r in reports if isinstance(r, Report)}
    assert len(hashes) == 1
    # claim ids derive from the report id, so they differ too
    claim_ids = [r.claims[0].id for r in reports if isinstance(r, Report)]
    assert len(set(claim_ids)) == 3


def test_one_url_crawled_into_two_records_gives_two_ids() -> None:
    url = "https://example.org/story"
    first = parse_document(Document(PAGE, url=url, origin="crawl.warc.gz#0"))
    again = parse_document(Document(PAGE + "Updated.\n", url=url, origin="crawl.warc.gz#9000"))
    same_page = parse_document(Document(PAGE, url=url, origin="crawl2.warc.gz#0"))
    assert len({first.id, again.id, same_page.id}) == 3
    assert first.content_hash == same_page.content_hash != again.content_hash


def test_the_id_is_stable_across_runs(tmp_path: Path) -> None:
    path = copies(tmp_path)[0]
    one = next(iter(parse_many([path])))
    two = next(iter(parse_many([path])))
    assert isinstance(one, Report) and isinstance(two, Report)
    assert one.id == two.id and one.content_hash == two.content_hash
    assert one.claims[0].id == two.claims[0].id


def test_content_hash_is_the_sha256_of_the_text() -> None:
    import hashlib

    report = parse_document(Document(PAGE, origin="x"))
    digest = hashlib.sha256(report.text.encode("utf-8")).hexdigest()
    assert report.content_hash == f"sha256:{digest}"


def test_content_hash_is_in_the_schema_and_round_trips() -> None:
    report = parse_document(Document(PAGE, origin="x"))
    data = report_to_dict(report)
    assert data["content_hash"] == report.content_hash
    assert report_from_dict(data) == report
    node = schema()["$defs"]["report"]["properties"]["content_hash"]
    assert node["description"]
    old = {k: v for k, v in data.items() if k != "content_hash"}  # a 1.0 report
    assert report_from_dict(old).content_hash == report.content_hash


def test_jsonl_and_csv_rows_tell_copies_apart(tmp_path: Path) -> None:
    paths = [str(p) for p in copies(tmp_path)]
    out = tmp_path / "out.jsonl"
    assert main(["extract", *paths, "-o", str(out), "-q"]) == 0
    records = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert len({r["id"] for r in records}) == 3
    assert len({r["content_hash"] for r in records}) == 1
    table = tmp_path / "out.csv"
    assert main(["extract", *paths, "--format", "csv", "-o", str(table), "-q"]) == 0
    with table.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert len({r["report_id"] for r in rows}) == 3
    assert {r["content_hash"] for r in rows} == {records[0]["content_hash"]}
