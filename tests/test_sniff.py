"""Content sniffing: markup is HTML whatever element it starts with (issue 9, inputs)."""

from __future__ import annotations

import codecs

import pytest

import newsclaims
from newsclaims.models import Document
from newsclaims.sniff import HTML_ELEMENTS, sniff_content_type

BODY = "Two people died in a fire on Monday, the police said."


@pytest.mark.parametrize(
    "page",
    [
        f"<!-- saved from a browser -->\n<table><tr><td>{BODY}</td></tr></table>",
        f"<script>var x = 1;</script>\n<table><tr><td>{BODY}</td></tr></table>",
        f"<table width=600><tr><td>{BODY}</td></tr></table>",
        f"<center><font size=2>{BODY}</font></center>",
        f"  \n\t<font face=Arial>{BODY}</font>",
        f"<SPAN CLASS=x>{BODY}</SPAN>",
        f"<!DOCTYPE html>\n<section>{BODY}</section>",
    ],
)
def test_a_page_that_starts_with_any_html_element_is_html(page: str) -> None:
    assert sniff_content_type(page) == "text/html"
    report = newsclaims.parse_bytes(page.encode("utf-8"))
    assert report.text == BODY  # not the text plugin's raw markup


@pytest.mark.parametrize(
    ("bom", "codec"),
    [(codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le")],
)
def test_a_byte_order_mark_before_markup_is_html(bom: bytes, codec: str) -> None:
    page = f"<center><font size=2>{BODY}</font></center>"
    assert newsclaims.parse_bytes(bom + page.encode(codec)).text == BODY
    # the same mark read as a character of a str
    assert sniff_content_type("\ufeff" + page) == "text/html"
    assert newsclaims.parse_html("\ufeff" + page).text == BODY


def test_markup_behind_a_line_of_junk_is_html_by_its_share_of_tags() -> None:
    rows = "".join(f"<tr><td>{BODY}</td></tr>\n" for _ in range(5))
    assert sniff_content_type(f"HTTP/1.1 200 OK\n\n<table>\n{rows}</table>") == "text/html"


@pytest.mark.parametrize(
    "text",
    [
        BODY,
        f"<!-- a note in markdown -->\n# Title\n\n{BODY}",
        "<Reuters> reported that two people died.",  # not an HTML element
        "a < b and c > d in the count of victims",
        # a text about HTML names tags, it does not close them
        "Use <img> and <figure> for pictures.\nA <ul> makes a list; <img> again, <ul>, <br>.",
    ],
)
def test_text_stays_text(text: str) -> None:
    assert sniff_content_type(text) == "text/plain"


def test_the_rule_knows_html_elements_not_a_list_of_samples() -> None:
    for name in ("center", "font", "table", "script", "marquee", "dialog", "svg", "nobr"):
        assert name in HTML_ELEMENTS
    for name in sorted(HTML_ELEMENTS):
        assert sniff_content_type(f"<{name}>{BODY}</{name}>") == "text/html", name


@pytest.mark.parametrize(
    "decl",
    [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<?xml version="1.0" encoding="utf-8">',  # no closing "?"
        '<?xml version="1.0" encoding="utf-8"',  # not closed at all
        "<?xml version='1.0' encoding='no-such-codec'?>",
        '<?xml version="1.0" encoding=?>',
    ],
)
def test_a_malformed_xml_declaration_does_not_make_the_page_unreadable(decl: str) -> None:
    page = (
        f'{decl}\n<html><head><meta property="og:site_name" content="The Example Times">'
        f"<title>Fire</title></head><body><p>{BODY}</p></body></html>"
    )
    for report in (newsclaims.parse_bytes(page.encode()), newsclaims.parse_html(page)):
        assert report.text == BODY and report.title == "Fire"
    # the origin signals plugins detect with are read too (lxml refused the str before)
    assert Document(page, content_type="text/html").site_name == "The Example Times"
