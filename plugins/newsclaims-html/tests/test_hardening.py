"""Hostile pages (issue 10 items 12, 13; issue 9): no text is lost without a warning."""

from __future__ import annotations

import newsclaims_html.parse as parse_module
import pytest

import newsclaims

SENTENCE = "Officials said 5 people were killed in the attack on Monday in the capital."


@pytest.fixture(autouse=True)
def _installed_plugins(monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests parse through the installed html plugin: tox's default env turns autoload off."""
    monkeypatch.delenv("NEWSCLAIMS_DISABLE_AUTOLOAD", raising=False)


def _page(body: str) -> str:
    return f"<html><body>{body}</body></html>"


@pytest.mark.parametrize(
    "declaration",
    [
        '<?xml version="1.0" encoding="utf-8">',  # no closing "?"
        '<?xml version="1.0" encoding="utf-8?>',  # broken quoting
        '<?xml version="1.0" encoding="bogus-charset"?>',
    ],
)
@pytest.mark.parametrize("as_bytes", [False, True])
def test_malformed_xml_declaration_still_parses(declaration: str, as_bytes: bool) -> None:
    page = declaration + "\n" + _page(f"<p>{SENTENCE}</p>")
    report = newsclaims.parse(page.encode()) if as_bytes else newsclaims.parse_html(page)
    assert report.text == SENTENCE


def test_nesting_beyond_256_levels_is_read() -> None:
    depth = 600
    page = _page("<div>" * depth + f"<p>{SENTENCE}</p>" + "</div>" * depth + "<p>After.</p>")
    report = newsclaims.parse_html(page)
    assert SENTENCE in report.text
    assert not any("depth" in w for w in report.warnings)


def test_nesting_beyond_the_parser_limit_is_a_warning() -> None:
    depth = 3000
    page = _page("<div>" * depth + f"<p>{SENTENCE}</p>" + "</div>" * depth)
    report = newsclaims.parse_html(page)
    assert any("excessive depth" in w for w in report.warnings)


def test_scripts_do_not_count_toward_the_size_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parse_module, "MAX_CHARS", 50_000)
    script = "<script>" + "var x = 1;" * 10_000 + "</script><style>p{}</style>"
    report = newsclaims.parse_html(_page(script + f"<p>{SENTENCE}</p>"))
    assert report.text == SENTENCE
    assert report.warnings == ()


def test_a_real_cut_is_a_warning(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parse_module, "MAX_CHARS", 5_000)
    report = newsclaims.parse_html(_page(f"<p>{SENTENCE}</p>" * 200))
    assert SENTENCE in report.text
    assert any("5,000" in w and "were read" in w for w in report.warnings)


def test_a_placeholder_date_is_no_date() -> None:
    head = (
        '<head><meta property="article:published_time" content="0001-01-01T00:00:00Z">'
        '<meta name="date" content="2024-03-05T10:00:00Z"></head>'
    )
    text = "Officials said in January that 5 people were killed in the attack."
    report = newsclaims.parse_html(f"<html>{head}<body><p>{text}</p></body></html>")
    assert report.text == text
    assert report.published is not None and report.published.startswith("2024-03-05")
    assert any("0001-01-01" in w for w in report.warnings), report.warnings  # refused aloud
