"""Which publication date a report gets, and where it came from (issue 11, Time).

A date the caller gives (``published=``, ``--published``) wins: the user said so, and a
date a plugin read from the text may be wrong (a numeric dateline read in the other order).
The article's own date comes next; a fallback of the input (a WARC record's crawl time, an
HTTP Last-Modified) only stands in when the article has none. ``published_from`` records
which one the report holds.
"""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path

import pytest

import newsclaims
from newsclaims import hookimpl
from newsclaims.batch.work import Job, document_for
from newsclaims.models import Article, Document
from newsclaims.pipeline import parse_document
from newsclaims.serialize import report_from_dict, report_to_dict, validate
from newsclaims.testing import host_with

#: what a plugin read as the article's date (a "06/11/2024" dateline read month first)
OWN = datetime(2024, 6, 11)


class Dated:
    """A plugin that reads a date of its own for every document."""

    @hookimpl
    def newsclaims_detect(self, document: Document) -> float:
        return 1.0

    @hookimpl
    def newsclaims_parse(self, document: Document) -> Article:
        return Article(text=document.text, published=OWN)


def dated_host() -> newsclaims.PluginHost:
    return host_with(("dated", Dated()))


def test_a_given_date_wins_over_the_date_the_plugin_read() -> None:
    report = newsclaims.parse_text(
        "Two people died on Monday, police said.", published="2024-11-06", host=dated_host()
    )
    assert report.published == "2024-11-06"
    assert report.published_from == "given"
    assert any("2024-06-11" in w and "given" in w for w in report.warnings)
    # the claim's time is resolved against the given date: the Monday before it
    (claim,) = [c for c in report.claims if c.measure == "killed"]
    assert claim.time is not None and claim.time.start == "2024-11-04"


def test_a_given_date_equal_to_the_articles_gives_no_warning() -> None:
    report = newsclaims.parse_text("No figures here.", published=OWN, host=dated_host())
    assert report.published == "2024-06-11" and report.published_from == "given"
    assert not any("differs" in w for w in report.warnings)


def test_the_articles_date_without_a_given_one() -> None:
    report = newsclaims.parse_text("No figures here.", host=dated_host())
    assert report.published == "2024-06-11" and report.published_from == "article"
    bare = newsclaims.parse_text("No figures here.", host=host_with())
    assert bare.published is None and bare.published_from is None


def test_a_fallback_date_loses_to_the_articles_own() -> None:
    crawled = Document(
        "No figures here.", published=datetime(2025, 1, 9), published_from="warc-date"
    )
    report = parse_document(crawled, host=dated_host())
    assert report.published == "2024-06-11" and report.published_from == "article"
    # a page without a date of its own: the plugin falls back, the report says so
    report = parse_document(crawled, host=host_with())
    assert report.published == "2025-01-09" and report.published_from == "warc-date"


# -- WARC records: the crawl time and Last-Modified are fallbacks ------------------------------

warcio = pytest.importorskip("warcio")


def warc(path: Path, *http_headers: tuple[str, str]) -> Path:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    body = b"<html><body><p>Three people were injured, officials said.</p></body></html>"
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        headers = StatusAndHeaders(
            "200 OK", [("Content-Type", "text/html"), *http_headers], protocol="HTTP/1.1"
        )
        writer.write_record(
            writer.create_warc_record(
                "https://news.example.org/a",
                "response",
                payload=io.BytesIO(body),
                http_headers=headers,
                warc_headers_dict={"WARC-Date": "2025-01-09T03:04:05Z"},
            )
        )
    return path


def reports(path: Path, job: Job, host: newsclaims.PluginHost) -> list[newsclaims.Report]:
    from newsclaims.batch.warc import warc_items

    return [parse_document(document_for(item, job), host=host) for item in warc_items(str(path))]


def test_warc_date_is_a_fallback_that_the_articles_date_beats(tmp_path: Path) -> None:
    path = warc(tmp_path / "a.warc.gz")
    (own,) = reports(path, Job(), dated_host())
    assert own.published == "2024-06-11" and own.published_from == "article"
    (crawl,) = reports(path, Job(), host_with())
    assert crawl.published == "2025-01-09T03:04:05+00:00"
    assert crawl.published_from == "warc-date"
    (given,) = reports(path, Job(published="2024-11-06"), dated_host())
    assert given.published == "2024-11-06" and given.published_from == "given"
    for report in (own, crawl, given):
        data = report_to_dict(report)
        validate(data)
        assert report_from_dict(data) == report


def test_http_last_modified_before_the_crawl_is_the_better_fallback(tmp_path: Path) -> None:
    path = warc(tmp_path / "a.warc.gz", ("Last-Modified", "Tue, 07 Jan 2025 10:00:00 GMT"))
    (report,) = reports(path, Job(), host_with())
    assert report.published == "2025-01-07T10:00:00+00:00"
    assert report.published_from == "last-modified"
    # a Last-Modified after the crawl (or unreadable) is no date: the crawl time stands
    for value in ("Mon, 13 Jan 2025 10:00:00 GMT", "yesterday"):
        later = warc(tmp_path / "b.warc.gz", ("Last-Modified", value))
        (report,) = reports(later, Job(), host_with())
        assert report.published_from == "warc-date"
