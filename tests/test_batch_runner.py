"""The batch runner: in-process and pooled runs agree, order holds, work in flight is bounded.

A stub plugin defined here emits the article; documents are constructed.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsclaims import hookimpl
from newsclaims.batch.inputs import Item
from newsclaims.batch.runner import batches, run
from newsclaims.batch.work import Job, process
from newsclaims.host import PluginError, PluginHost
from newsclaims.models import SCHEMA_VERSION, Article, Document, Source
from newsclaims.testing import host_with


class Upper:
    """A stub source plugin: the text in capitals, titled by its first word."""

    @hookimpl
    def newsclaims_detect(self, document: Document) -> float:
        return 0.9

    @hookimpl
    def newsclaims_parse(self, document: Document) -> Article:
        if "explode" in document.text:
            raise RuntimeError("stub plugin exploded")
        text = document.text.strip().upper()
        return Article(text=text, title=text.split()[0], source=Source(url=document.url))


def make_host() -> PluginHost:
    """Picklable host recipe for the worker processes."""
    return host_with(("upper", Upper()), strict=False)


def make_strict_host() -> PluginHost:
    return host_with(("upper", Upper()), strict=True)


def text_items(n: int, start: int = 0) -> Iterator[Item]:
    for i in range(start, start + n):
        data = f"Constructed article {i}: three people were hurt.\n".encode()
        yield Item(name=f"mem#{i}", data=data, url=f"https://example.org/{i}", size=len(data))


def test_process_makes_a_report_line() -> None:
    job = Job(host_factory=make_host)
    (item,) = list(text_items(1))
    out = process(item, job, make_host())
    record = json.loads(out.line)
    assert out.error is None and out.name == "mem#0"
    assert record["input"] == "mem#0" and record["parser"]["name"] == "upper"
    assert record["text"].startswith("CONSTRUCTED ARTICLE 0")
    assert record["source"]["url"] == "https://example.org/0"


def test_error_items_and_bad_bytes_become_error_records() -> None:
    job = Job(host_factory=make_host)
    host = make_host()
    missing = process(Item(name="gone", error=("InputError", "gone: missing")), job, host)
    assert json.loads(missing.line) == {
        "schema_version": SCHEMA_VERSION,
        "input": "gone",
        "error": "InputError",
        "message": "gone: missing",
        "plugin": None,
    }
    broken = process(Item(name="x.gz", data=b"\x1f\x8bnot gzip at all"), job, host)
    assert broken.error is not None and broken.error.startswith("InputError")


def test_warc_item_uses_declared_charset_and_date() -> None:
    body = "<html><body><p>Constructed: café 3 hurt.</p></body></html>".encode("cp1252")
    item = Item(
        name="w#1",
        data=body,
        url="https://example.org/w",
        published="2024-03-05T10:00:00Z",
        charset="windows-1252",
        content_type="text/html",
    )
    record = json.loads(process(item, Job(host_factory=make_host), make_host()).line)
    assert "CAFÉ" in record["text"]
    assert record["published"].startswith("2024-03-05")
    # an explicit --published wins over the crawl date
    job = Job(host_factory=make_host, published="2024-01-02")
    assert json.loads(process(item, job, make_host()).line)["published"].startswith("2024-01-02")


def test_plugin_error_falls_back_or_raises_in_strict_mode() -> None:
    item = Item(name="boom", data=b"this will explode\n")
    record = json.loads(process(item, Job(host_factory=make_host), make_host()).line)
    assert record["parser"]["name"] == "builtin" and record["warnings"]
    with pytest.raises(PluginError):
        process(item, Job(host_factory=make_strict_host), make_strict_host())


def test_batches_respect_item_and_byte_limits() -> None:
    sizes = [len(b) for b in batches(text_items(10), max_items=4)]
    assert sizes == [4, 4, 2]
    big = [Item(name=str(i), data=b"x" * 100) for i in range(5)]
    assert [len(b) for b in batches(big, max_items=10, max_bytes=250)] == [3, 2]


def test_two_jobs_same_records_same_order() -> None:
    job = Job(host_factory=make_host)
    one = [o.line for o in run(text_items(60), job, jobs=1)]
    two = [o.line for o in run(text_items(60), job, jobs=2, batch_items=3)]
    assert two == one
    assert [json.loads(line)["input"] for line in two] == [f"mem#{i}" for i in range(60)]


def test_work_in_flight_is_bounded() -> None:
    consumed = itertools.count()

    def endless() -> Iterator[Item]:
        for i in itertools.count():
            next(consumed)
            yield from text_items(1, i)

    job = Job(host_factory=make_host)
    outcomes = run(endless(), job, jobs=2, batch_items=4, window=3)
    taken = list(itertools.islice(outcomes, 20))
    outcomes.close()
    assert [o.name for o in taken] == [f"mem#{i}" for i in range(20)]
    # 20 yielded + at most window batches of 4 read ahead (+ the batch being formed)
    assert next(consumed) <= 20 + 4 * 4


def test_stop_ends_the_run_early_in_order() -> None:
    job = Job(host_factory=make_host)
    seen: list[str] = []
    for jobs in (1, 2):
        seen.clear()
        for outcome in run(text_items(500), job, jobs=jobs, stop=lambda: len(seen) >= 10):
            seen.append(outcome.name)
        assert 10 <= len(seen) < 500
        assert seen == [f"mem#{i}" for i in range(len(seen))]


def test_file_items_read_in_the_worker(tmp_path: Path) -> None:
    paths = []
    for i in range(5):
        p = tmp_path / f"{i}.txt"
        p.write_text(f"Constructed file {i}.\n", "utf-8")
        paths.append(p)
    items = [Item(name=str(p), path=str(p)) for p in paths]
    job = Job(host_factory=make_host, url="https://example.org/given")
    records = [json.loads(o.line) for o in run(items, job, jobs=2, batch_items=2)]
    assert [r["title"] for r in records] == ["CONSTRUCTED"] * 5
    assert [r["input"] for r in records] == [str(p) for p in paths]
    assert {r["source"]["url"] for r in records} == {"https://example.org/given"}
