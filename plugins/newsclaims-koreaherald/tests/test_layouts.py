"""The layout tables and the parser that is generic over them (constructed pages)."""

from __future__ import annotations

import pytest
from kh_support import GOLDEN, PLUGIN, html_doc, page
from newsclaims_koreaherald.layouts import LAYOUTS, NEWS_2023, VIEW_2018
from newsclaims_koreaherald.page import match_layout, parse_page, read_layout
from newsclaims_koreaherald.selectors import SelectorError, select, to_xpath
from newsclaims_koreaherald.upstream import parse_tree

from newsclaims import testing
from newsclaims.knowledge import Knowledge


def _tree(name: str):  # type: ignore[no-untyped-def]
    tree = parse_tree((GOLDEN / name).read_text("utf-8"))
    assert tree is not None
    return tree


def test_every_selector_compiles() -> None:
    for layout in LAYOUTS:
        for field in ("marker", "title", "subtitle", "byline", "dates", "body", "captions"):
            for selector in getattr(layout, field):
                assert to_xpath(selector).startswith("descendant-or-self::")


@pytest.mark.parametrize("bad", ["", "div >", "a[href]", "div:first-child", "> p"])
def test_selector_subset_is_enforced(bad: str) -> None:
    with pytest.raises(SelectorError):
        to_xpath(bad)


def test_selectors_match_classes_as_words() -> None:
    tree = parse_tree(page(body="<div class='a view_tit_x'>no</div><h1 class='b view_tit'>y</h1>"))
    assert [e.text for e in select(tree, ".view_tit")] == ["y"]
    assert [e.text for e in select(tree, "body > h1.view_tit")] == ["y"]


@pytest.mark.parametrize(
    ("name", "layout"),
    [("view_2018.html", VIEW_2018), ("news_2023.html", NEWS_2023), ("article_2024.html", None)],
)
def test_match_layout(name: str, layout: object) -> None:
    assert match_layout(_tree(name)) is layout


def test_read_2018_layout() -> None:
    fields = read_layout(_tree("view_2018.html"), VIEW_2018)
    assert fields.title == "Fire at Incheon warehouse kills 3, injures 12"
    assert fields.subtitle == "Firefighters battled the blaze for six hours"
    assert fields.byline == "By Choi Min-jun"
    assert fields.dates is not None and fields.dates.startswith("Published : Apr 18, 2022")
    assert fields.paragraphs[0].startswith("Three workers were killed")
    assert not any("Advertisement" in p for p in fields.paragraphs)
    assert fields.captions and fields.captions[0].endswith("(Yonhap)")


def test_2018_article() -> None:
    doc = testing.sample(GOLDEN / "view_2018.html")
    article = parse_page(doc, Knowledge())
    assert article.extra["koreaherald"]["layout"] == "view-2018"
    assert article.extra["koreaherald"]["subtitle"].startswith("Firefighters")
    assert article.extra["koreaherald"]["updated"] == "2022-04-18T17:30:00+09:00"
    assert article.authors == ("Choi Min-jun",)
    assert "(Yonhap)" not in article.text  # the caption credit is not the story's
    assert article.source.original_outlet is None
    assert "heraldcorp" not in article.text
    assert "Most Popular" not in article.text and "ⓒ" not in article.text


def test_2023_yonhap_story() -> None:
    article = parse_page(testing.sample(GOLDEN / "news_2023.html"), Knowledge())
    assert article.source.original_outlet == "Yonhap"
    assert article.authors == ()
    assert "A map of the launch site" not in article.text
    assert not article.text.endswith("(Yonhap)")
    assert {r.reason for r in article.removed} == {"caption", "credit-line"}


def test_2024_page_reads_metadata_and_generic_body() -> None:
    article = parse_page(testing.sample(GOLDEN / "article_2024.html"), Knowledge())
    assert article.extra["koreaherald"]["layout"] == "generic"
    assert article.title == "Flooding in southern provinces leaves 4 dead, 2 missing"
    assert article.authors == ("Park Seo-yeon",)
    assert article.published is not None and article.published.isoformat() == (
        "2024-07-10T14:30:00+09:00"
    )
    assert article.text.startswith("Four people were killed")
    assert "Most Popular" not in article.text and "heraldcorp" not in article.text


def test_naive_metadata_times_are_kst() -> None:
    head = (
        '<link rel="canonical" href="https://www.koreaherald.com/article/10400002">'
        '<meta property="article:published_time" content="2024-02-01T08:15:00">'
        '<meta property="og:title" content="A constructed headline">'
    )
    body = "<article>" + "<p>The ministry said 14 people were injured in the fire.</p>" * 3
    body += "</article>"
    host = testing.host_with(PLUGIN)
    report = testing.parse_with(host, html_doc(page(head=head, body=body)))
    assert report.published == "2024-02-01T08:15:00+09:00"
    assert report.source.outlet == "The Korea Herald"


def test_layout_page_without_body_falls_back_to_generic() -> None:
    body = (
        "<h1 class='view_tit'>Headline only</h1><div class='view_tit_byline_r'>"
        "Published : Mar 2, 2021 - 10:00</div>"
        "<article><p>Five people were hurt in a crash, police said on Tuesday.</p></article>"
    )
    doc = html_doc(page(body=body), url="http://www.koreaherald.com/view.php?ud=20210302000100")
    article = parse_page(doc, Knowledge())
    assert "Five people were hurt" in article.text
    assert article.source.outlet == "The Korea Herald"


def test_layout_parse_is_faster_than_trafilatura() -> None:
    import time

    import trafilatura

    html = (GOLDEN / "view_2018.html").read_text("utf-8")
    doc = testing.sample(GOLDEN / "view_2018.html")

    def best(fn) -> float:  # type: ignore[no-untyped-def]
        times = []
        for _ in range(7):
            t0 = time.perf_counter()
            fn()
            times.append(time.perf_counter() - t0)
        return min(times)

    ours = best(lambda: parse_page(doc, Knowledge()))
    theirs = best(lambda: trafilatura.extract(html, with_metadata=True))
    assert ours < theirs, f"layout parse {ours * 1000:.2f} ms, trafilatura {theirs * 1000:.2f} ms"
