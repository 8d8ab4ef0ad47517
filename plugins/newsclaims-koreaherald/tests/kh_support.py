"""Shared test helpers: where the fixtures are, and hosts with the plugins under test."""

from __future__ import annotations

from pathlib import Path

import newsclaims_html
import newsclaims_koreaherald
import newsclaims_text

from newsclaims import testing
from newsclaims.host import PluginHost
from newsclaims.models import Document

HERE = Path(__file__).parent
GOLDEN = HERE / "golden"
PAGES = HERE / "pages"
#: the project's sibling folder ``shared`` (seeds, corpus), when present
SHARED = Path(__file__).parents[3] / ".." / "shared"
PLUGIN = ("koreaherald", newsclaims_koreaherald)


def full_host() -> PluginHost:
    """A host with the Korea Herald plugin and the two generic plugins it competes with."""
    return testing.host_with(("text", newsclaims_text), ("html", newsclaims_html), PLUGIN)


def html_doc(html: str, url: str | None = None) -> Document:
    """A document from an HTML string, as the CLI would build it."""
    return testing.sample(html.encode("utf-8"), url=url)


def text_doc(text: str, url: str | None = None) -> Document:
    """A document from plain text."""
    return testing.sample(text, url=url)


def page(*, head: str = "", body: str = "") -> str:
    """A small constructed HTML page."""
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>T</title>"
        f"{head}</head><body>{body}</body></html>"
    )
