"""Detection helpers on Document: what a page declares about its origin, read once."""

from __future__ import annotations

import json

import pytest

from newsclaims import detection
from newsclaims.models import Document

BODY = "<article><p>Two soldiers were wounded, the army said.</p></article>"


def html(head: str = "", body: str = BODY, url: str | None = None) -> Document:
    page = f"<html><head>{head}</head><body>{body}</body></html>"
    return Document(page, url=url, content_type="text/html")


def ld(data: object) -> str:
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


def test_canonical_og_and_twitter_urls() -> None:
    doc = html(
        '<link rel="canonical" href="https://example.com/a">'
        '<meta property="og:url" content="https://example.com/og">'
        '<meta name="twitter:url" content="https://example.com/tw">'
    )
    assert doc.canonical_url == "https://example.com/a"
    assert doc.og_url == "https://example.com/og"
    assert doc.declared_urls == (
        "https://example.com/a",
        "https://example.com/og",
        "https://example.com/tw",
    )


def test_site_names_in_order() -> None:
    doc = html(
        '<meta name="twitter:site" content="@extimes">'
        '<meta property="og:site_name" content="The Example Times">'
    )
    assert doc.site_name == "The Example Times"
    assert doc.site_names == ("The Example Times", "extimes")


def test_jsonld_graph_types_and_publisher_reference() -> None:
    graph = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "Organization", "@id": "#org", "name": "Example Media Group"},
            {"@type": "schema:NewsArticle", "headline": "H", "publisher": {"@id": "#org"}},
        ],
    }
    doc = html(ld(graph) + ld([{"@type": "WebPage", "provider": "Example Wire"}]))
    assert doc.jsonld_types == ("Organization", "NewsArticle", "WebPage")
    assert doc.publishers == ("Example Media Group", "Example Wire")


def test_broken_jsonld_is_repaired_or_skipped() -> None:
    broken = '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "a\nb"}'
    doc = html(broken + "</script>" + '<script type="application/ld+json">{nope</script>')
    assert doc.jsonld_types == ("NewsArticle",)


@pytest.mark.parametrize(
    ("line", "name", "url"),
    [
        ("Original Source: The Example Times", "The Example Times", None),
        ("Source: www.example.com", None, "www.example.com"),
        ("(Yonhap)", "Yonhap", None),
        ("The Example Times/Asia News Network", "The Example Times", None),
        ("This article first appeared in The Example Times.", "The Example Times", None),
        ("Republished with permission from Example Daily", "Example Daily", None),
        (
            "Read more at https://www.example.com/a/1",
            None,
            "https://www.example.com/a/1",
        ),
    ],
)
def test_credit_lines_in_text(line: str, name: str | None, url: str | None) -> None:
    doc = Document(f"Headline\n\nThe ministry said five were hurt.\n\n{line}\n")
    assert [(c.name, c.url) for c in doc.credit_lines] == [(name, url)]


@pytest.mark.parametrize(
    "text",
    [
        "The minister told The Example Times that 12 people were hurt.\n",
        "According to the ministry's source, 40 died.\n",
        "",
    ],
)
def test_mentions_are_not_credit_lines(text: str) -> None:
    assert Document(text).credit_lines == ()


def test_credit_lines_in_html_skip_navigation() -> None:
    body = "<nav><p>Source: Site Menu</p></nav>" + BODY + "<p>Source: <a>Example Daily</a></p>"
    assert [c.name for c in html(body=body).credit_lines] == ["Example Daily"]


def test_signals_are_read_once(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []
    real = detection.read_signals

    def counting(text: str, *, is_html: bool) -> detection.PageSignals:
        calls.append(text)
        return real(text, is_html=is_html)

    monkeypatch.setattr(detection, "read_signals", counting)
    doc = html('<meta property="og:site_name" content="X">')
    assert (doc.site_name, doc.canonical_url, doc.publishers) == ("X", None, ())
    assert len(calls) == 1
    assert doc == html('<meta property="og:site_name" content="X">')  # cache is not a field


@pytest.mark.parametrize("text", ["", "<<<>>><div<p>></html>", "\x00\x01binary", "<html>" * 5000])
def test_bad_input_has_no_signals_and_never_raises(text: str) -> None:
    doc = Document(text, content_type="text/html")
    assert doc.canonical_url is None and doc.publishers == ()


@pytest.mark.parametrize(
    ("doc", "score"),
    [
        (html(url="https://m.example.com/a"), 1.0),
        (html('<link rel="canonical" href="https://www.example.com/a">'), 1.0),
        (html(ld({"@type": "NewsArticle", "publisher": {"name": "The Example Times"}})), 0.9),
        (html('<meta property="og:site_name" content="Example Times">'), 0.85),
        (html('<meta property="og:site_name" content="example.com">'), 0.85),
        (Document("Body.\n\nSource: The Example Times\n"), 0.8),
        (Document("Body.\n\nOriginal Source: https://example.com/x\n"), 0.8),
        (html(url="https://example.com.evil.net/a"), None),
        (html('<meta property="og:site_name" content="The Example Post">'), None),
        (Document("Body.\n\nSource: Yonhap\n"), None),
    ],
)
def test_outlet_score(doc: Document, score: float | None) -> None:
    assert doc.outlet_score(domains=("example.com",), names=("The Example Times",)) == score
