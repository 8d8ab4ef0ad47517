"""Page metadata from constructed pages: JSON-LD @graph, OpenGraph only, visible bylines."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta, timezone

import pytest
from newsclaims_html import jsonld_objects, read_metadata
from newsclaims_html.jsonld import article_object, names_of
from newsclaims_html.names import clean_authors, clean_title
from newsclaims_html.tree import parse_tree

Read = Callable[[str], str]


def test_graph_article(page: Read) -> None:
    meta = read_metadata(page("graph_article.html"))
    assert meta.title == "Flooding closes river bridge in Eastbrook"
    assert meta.authors == ("Martha Okonkwo",)  # a Person node referenced by @id
    # JSON-LD's date wins and keeps its own zone
    assert meta.published == datetime(2024, 3, 5, 9, 15, tzinfo=timezone(timedelta(hours=2)))
    assert meta.language == "en-US"
    assert meta.site_name == "The Valley Courier"
    assert meta.publisher == "Valley Courier Media"
    assert meta.canonical_url == "https://valleycourier.example/news/flooding-closes-bridge/"


def test_og_only(page: Read) -> None:
    meta = read_metadata(page("og_only.html"))
    assert meta.title == "Port strike enters second week"  # " | Harbour Daily" cut
    assert meta.authors == ("Leo Marchetti", "Ana Duarte")  # URL skipped, "By", roles cut
    assert meta.published is not None and meta.published.isoformat() == "2023-06-12T18:40:00-04:00"
    assert meta.language == "fr"
    assert meta.canonical_url == "https://harbourdaily.example/2023/06/port-strike"


def test_byline_only(page: Read) -> None:
    meta = read_metadata(page("byline_only.html"))
    assert meta.title == "Library reopens after renovation"
    assert meta.authors == ("Priya Raman",)
    assert meta.published is not None and meta.published.isoformat() == "2022-11-03T10:00:00+05:30"
    assert meta.site_name is None and meta.language is None


def test_read_metadata_accepts_tree_bytes_and_junk(page: Read) -> None:
    text = page("og_only.html")
    tree = parse_tree(text)
    assert read_metadata(tree) == read_metadata(text) == read_metadata(text.encode())
    assert read_metadata("").title is None
    assert read_metadata(b"\x00\xff").authors == ()


def test_jsonld_lists_graph_and_broken_scripts() -> None:
    page = """<html><head>
    <script type="application/ld+json">[{"@type": "BreadcrumbList"},
      {"@type": ["ReportageNewsArticle"], "headline": "A", "author": ["Jo Bloggs",
       {"@type": "Person", "name": "Kim Lee"}]}]</script>
    <script type="application/ld+json">{not json</script>
    <script type="application/ld+json">{"@graph": [{"@type": "Article", "headline": "B"}]}
    </script></head><body><p>x</p></body></html>"""
    objects = jsonld_objects(page)
    assert [o.get("headline") for o in objects] == [None, "A", "B"]
    article = article_object(objects)
    assert article is not None and article["headline"] == "A"  # news kinds beat Article
    assert names_of(article["author"]) == ["Jo Bloggs", "Kim Lee"]


def test_jsonld_with_raw_newlines_in_strings() -> None:
    page = '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "One\ntwo"}'
    page += "</script><p>x</p>"
    assert article_object(jsonld_objects(page)) == {"@type": "NewsArticle", "headline": "One two"}


@pytest.mark.parametrize(
    ("raw", "sites", "want"),
    [
        ("Storm hits coast | The Daily Planet", ["Daily Planet"], "Storm hits coast"),
        ("Storm hits coast - dailyplanet.example", ["dailyplanet.example"], "Storm hits coast"),
        ("Daily Planet: Storm hits coast", ["The Daily Planet"], "Storm hits coast"),
        ("Storm hits coast * Planet * by Jo", ["Planet"], "Storm hits coast"),
        ("Storm - what we know", ["Daily Planet"], "Storm - what we know"),
        ("Storm hits coast | Weather", [], "Storm hits coast | Weather"),
    ],
)
def test_clean_title(raw: str, sites: list[str], want: str) -> None:
    assert clean_title(raw, sites) == want


@pytest.mark.parametrize(
    ("raw", "want"),
    [
        (["By JANE DOE"], ("JANE DOE",)),
        (["Jane Doe, Senior Correspondent"], ("Jane Doe",)),
        (["Jane Doe & John Roe"], ("Jane Doe", "John Roe")),
        (["jane.doe@example.org"], ()),
        (["@janedoe", "https://example.org/jane"], ()),
        (["Jane Doe (Reuters)"], ("Jane Doe",)),
        (["Associated Press"], ("Associated Press",)),  # agencies are kept as authors
    ],
)
def test_clean_authors(raw: list[str], want: tuple[str, ...]) -> None:
    assert clean_authors(raw) == want
