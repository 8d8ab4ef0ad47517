"""Detection: the paper's own pages at 1.0, its site name at 0.85-0.9, reposts at 0.7-0.8.

Every page and text here is constructed for the test.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from kh_support import PLUGIN, SHARED, full_host, html_doc, page, text_doc
from newsclaims_koreaherald import newsclaims_detect
from newsclaims_koreaherald.detect import examine, is_herald_name, is_herald_url

from newsclaims import testing
from newsclaims.models import Document

BODY = "<article><p>Two soldiers were wounded in the drill, the military said.</p></article>"


def _ld(publisher: str) -> str:
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": "H",
        "publisher": {"@type": "Organization", "name": publisher},
    }
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


@pytest.mark.parametrize(
    "url",
    [
        "https://www.koreaherald.com/article/10412345",
        "http://www.koreaherald.com/view.php?ud=20220418000623",
        "https://m.koreaherald.com/view.php?ud=20230721000512",
        "koreaherald.com/view.php?ud=1",
    ],
)
def test_own_domain_scores_one(url: str) -> None:
    assert newsclaims_detect(html_doc(page(body=BODY), url=url)) == 1.0
    assert newsclaims_detect(text_doc("Some article text.\n", url=url)) == 1.0


@pytest.mark.parametrize(
    "url", ["https://www.koreaherald.com.example.net/x", "https://notkoreaherald.com/x"]
)
def test_lookalike_domains_are_not_the_paper(url: str) -> None:
    assert not is_herald_url(url)
    assert newsclaims_detect(html_doc(page(body=BODY), url=url)) is None


def test_canonical_link_scores_one() -> None:
    head = '<link rel="canonical" href="https://www.koreaherald.com/article/10400001">'
    evidence = examine(html_doc(page(head=head, body=BODY)))
    assert evidence is not None and (evidence.score, evidence.kind) == (1.0, "canonical")


def test_og_url_scores_one() -> None:
    head = '<meta property="og:url" content="https://www.koreaherald.com/article/10400001">'
    assert newsclaims_detect(html_doc(page(head=head, body=BODY))) == 1.0


def test_site_name() -> None:
    head = '<meta property="og:site_name" content="The Korea Herald">'
    evidence = examine(html_doc(page(head=head, body=BODY)))
    assert evidence is not None and evidence.kind == "site-name"
    assert 0.8 <= evidence.score <= 0.9


def test_jsonld_publisher() -> None:
    evidence = examine(html_doc(page(head=_ld("The Korea Herald"), body=BODY)))
    assert evidence is not None and evidence.kind == "publisher"
    assert 0.85 <= evidence.score <= 0.95


def test_other_publisher_is_not_detected() -> None:
    head = _ld("The Korea Times") + '<meta property="og:site_name" content="The Korea Times">'
    assert newsclaims_detect(html_doc(page(head=head, body=BODY))) is None


@pytest.mark.parametrize(
    "credit",
    [
        "Original Source: www.koreaherald.com",
        "Source: The Korea Herald",
        "(The Korea Herald)",
        "Source: koreaherald.com",
        "Originally published by The Korea Herald.",
        "This article first appeared in The Korea Herald.",
        "The Korea Herald/Asia News Network",
        "Via: The Korea Herald",
        "Read more at https://www.koreaherald.com/article/10412345",
    ],
)
def test_credit_lines_in_plain_text(credit: str) -> None:
    text = f"Title of the story\n\nFirst paragraph of the body.\n\nSecond paragraph.\n\n{credit}\n"
    evidence = examine(text_doc(text))
    assert evidence is not None and evidence.kind == "credit"
    assert evidence.score == pytest.approx(0.8)
    assert evidence.credit is not None and "koreaherald.com" in evidence.credit.original_url


def test_credit_url_is_kept() -> None:
    text = "Body.\n\nSource: https://www.koreaherald.com/article/10412345\n"
    evidence = examine(text_doc(text))
    assert evidence is not None and evidence.credit is not None
    assert evidence.credit.original_url == "https://www.koreaherald.com/article/10412345"


def test_dateline_and_closing_credit() -> None:
    dateline = "SEOUL (The Korea Herald/ANN) - The ministry said on Monday that 3 were hurt.\n"
    assert (examine(text_doc(dateline)) or examine(text_doc("x"))) is not None
    closing = "First.\n\nThe ministry said three people were hurt. (The Korea Herald)\n"
    evidence = examine(text_doc(closing))
    assert evidence is not None and evidence.credit is not None
    assert evidence.credit.kind == "suffix"


def test_credit_line_in_html_repost() -> None:
    head = '<meta property="og:site_name" content="Example Daily">'
    body = BODY + "<p>Source: The Korea Herald</p>"
    evidence = examine(html_doc(page(head=head, body=body), url="https://news.example.com/a"))
    assert evidence is not None and evidence.is_repost and evidence.score == pytest.approx(0.8)


def test_reporter_email_marks_a_copy() -> None:
    text = "Title\n\nThe ministry said five people were injured.\n\nreporter@heraldcorp.com\n"
    evidence = examine(text_doc(text))
    assert evidence is not None and evidence.kind == "email" and evidence.score == 0.7


@pytest.mark.parametrize(
    "text",
    [
        "The minister told The Korea Herald that 12 people were hurt.\n\nMore text.\n",
        "According to The Korea Herald, the toll rose to 40.\n",
        "Source: Yonhap\n",
        "Original Source: www.koreatimes.co.kr\n",
        "A story about the Herald Sun newspaper in Melbourne.\n",
    ],
)
def test_mentions_are_not_reposts(text: str) -> None:
    assert newsclaims_detect(text_doc(text)) is None


def test_an_empty_document_is_not_a_repost() -> None:
    # newsclaims refuses empty input before any plugin; a plugin given one still says no
    assert newsclaims_detect(Document(text="")) is None


def test_other_outlets_page_mentioning_the_paper_is_not_detected() -> None:
    body = (
        "<nav><a href='https://www.koreaherald.com'>Korea Herald</a></nav>"
        "<article><p>The official told The Korea Herald on Monday that 20 were hurt.</p>"
        "<p>Other outlets, including the Korea Herald, reported the same figure.</p></article>"
    )
    head = '<meta property="og:site_name" content="Example Daily">'
    doc = html_doc(page(head=head, body=body), url="https://news.example.com/story")
    assert newsclaims_detect(doc) is None
    found = {d.plugin for d in full_host().detect(doc)}
    assert "koreaherald" not in found


def test_names() -> None:
    assert is_herald_name("The Korea Herald")
    assert is_herald_name("Korea Herald")
    assert is_herald_name("koreaherald.com")
    assert not is_herald_name("The Korea Times")
    assert not is_herald_name("Herald Sun")


def test_repost_wins_over_generic_text_plugin() -> None:
    text = "A headline\n\nThe ministry said five were hurt.\n\nSource: The Korea Herald\n"
    testing.assert_detects(full_host(), "koreaherald", text_doc(text), at_least=0.75)


def test_detection_is_cheap_for_other_outlets() -> None:
    import time

    big = page(body="<p>" + "Unrelated news text. " * 20000 + "</p>")
    doc = html_doc(big)
    t0 = time.perf_counter()
    for _ in range(20):
        assert newsclaims_detect(doc) is None
    assert (time.perf_counter() - t0) / 20 < 0.01  # a substring test, no parsing


def test_host_with_plugin_only_detects() -> None:
    host = testing.host_with(PLUGIN)
    doc = text_doc("Body.\n\nOriginal Source: www.koreaherald.com\n")
    testing.assert_detects(host, "koreaherald", doc, at_least=0.8)


def _shared_docs(folder: str, pattern: str) -> list[Path]:
    base = SHARED / "corpus" / folder
    return sorted(base.glob(pattern)) if base.exists() else []


@pytest.mark.skipif(not _shared_docs("html", "*.html"), reason="../shared/corpus is not available")
def test_no_page_of_other_outlets_in_the_shared_corpus_is_detected() -> None:
    for path in _shared_docs("html", "*.html") + _shared_docs("conflict", "*"):
        assert newsclaims_detect(testing.sample(path)) is None, path.name
