"""Pages with too many tags for a tree are read in one streaming pass (issue 10 item 9).

Before, a page of a million tiny elements was built as an lxml tree and copied by the
body extraction: 25 to 75 times the page's size in memory. The sizes here are made small
by lowering the threshold; ``benchmarks/html_elements.py`` measures the real ones.
"""

from __future__ import annotations

import pytest
from newsclaims_html import parse, stream

from newsclaims.models import Document

HEAD = (
    "<head><title>Storm update</title><meta name='author' content='Ana Lopez'>"
    "<script>var junk = 'not text';</script></head>"
)


def page(paragraphs: int) -> str:
    body = "".join(f"<p>Line <b>{i}</b> of the report.</p>" for i in range(paragraphs))
    return (
        f"<html>{HEAD}<body><nav><a href='/'>Home</a></nav><article>"
        f"<p>Officials said 40 homes were destroyed.</p>{body}"
        "<script>alert('x')</script><style>p{}</style></article></body></html>"
    )


@pytest.fixture
def low_threshold(monkeypatch: pytest.MonkeyPatch) -> int:
    monkeypatch.setattr(stream, "STREAM_TAGS", 500)
    return 500


def test_a_page_with_too_many_tags_is_streamed_not_built(
    low_threshold: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    parsed: list[int] = []
    real = parse.parse_page

    def spy(text: str) -> object:
        parsed.append(len(text))
        return real(text)

    monkeypatch.setattr(parse, "parse_page", spy)
    html = page(400)
    assert html.count("<") > low_threshold
    article = parse.parse_html(Document(text=html, content_type="text/html"))
    # only the head became a tree, never the page
    assert parsed and max(parsed) < len(HEAD) + 100
    paragraphs = article.text.split("\n\n")
    assert paragraphs[0] == "Officials said 40 homes were destroyed."
    assert paragraphs[1] == "Line 0 of the report." and paragraphs[-1] == "Line 399 of the report."
    assert len(paragraphs) == 401
    assert "Home" not in article.text and "alert" not in article.text and "junk" not in article.text
    assert article.title == "Storm update" and article.authors == ("Ana Lopez",)
    assert any("streaming pass" in w for w in article.warnings), article.warnings


def test_a_streamed_page_is_not_cut_at_the_tree_limit(
    low_threshold: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(parse, "MAX_CHARS", 5_000)  # the cut that bounds a tree
    article = parse.parse_html(Document(text=page(400), content_type="text/html"))
    assert article.text.endswith("Line 399 of the report.")
    assert not any("were read" in w for w in article.warnings), article.warnings


def test_a_page_under_the_threshold_gets_the_full_extraction() -> None:
    article = parse.parse_html(Document(text=page(30), content_type="text/html"))
    assert "Officials said 40 homes were destroyed." in article.text
    assert not any("streaming pass" in w for w in article.warnings)


def test_streamed_text_keeps_block_structure_and_skips_code() -> None:
    html = (
        "<body><h1>Title here</h1><div>one <i>two</i>\nthree</div><ul><li>a</li><li>b</li>"
        "</ul><!-- a comment --><noscript>enable js</noscript>tail<br>after</body>"
    )
    assert stream.streamed_text(html).split("\n\n") == [
        "Title here",
        "one two three",
        "a",
        "b",
        "tail",
        "after",
    ]
