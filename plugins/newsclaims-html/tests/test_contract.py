"""The plugin honours the newsclaims contract (testing.check_plugin) and detects HTML only."""

from __future__ import annotations

from pathlib import Path

import newsclaims_html
import pytest

from newsclaims import testing
from newsclaims.models import Document

PAGES = Path(__file__).parent / "pages"


def test_check_plugin() -> None:
    samples = [testing.sample(p, url="https://example.org/a") for p in sorted(PAGES.glob("*.html"))]
    reports = testing.check_plugin("html", newsclaims_html, samples=samples)
    assert all(r.text for r in reports)
    assert all(r.parser.name == "html" for r in reports)


def test_html_detected_weakly_and_text_not() -> None:
    host = testing.host_with(("html", newsclaims_html))
    html = testing.sample(PAGES / "og_only.html")
    scores = {d.plugin: d.score for d in host.detect(html)}
    assert scores["html"] == pytest.approx(0.2)
    assert max(scores, key=lambda k: scores[k]) == "html"
    text = testing.sample("Police said two people were hurt.\n")
    assert newsclaims_html.newsclaims_detect(text) is None
    assert newsclaims_html.newsclaims_parse(text, host.knowledge) is None


def test_html_plugin_wins_over_builtin_for_html() -> None:
    host = testing.host_with(("html", newsclaims_html))
    report = testing.parse_with(host, PAGES / "graph_article.html")
    assert report.parser.name == "html"
    assert report.title == "Flooding closes river bridge in Eastbrook"


@pytest.mark.parametrize(
    "page",
    ["", "<html></html>", "<<<>>><div<p>></html>", "\x00\x01\x02", "<html>" + "<div>" * 5000],
)
def test_parse_html_never_raises(page: str) -> None:
    doc = Document(page, content_type="text/html")
    article = newsclaims_html.parse_html(doc)
    assert isinstance(article.text, str)
