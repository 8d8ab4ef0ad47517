"""The plugin honours the newsclaims contract (constructed samples)."""

from __future__ import annotations

from pathlib import Path

import newsclaims_text

from newsclaims import testing
from newsclaims.models import Document

GOLDEN = Path(__file__).parent / "golden"


def test_check_plugin_on_samples() -> None:
    samples = [testing.sample(p) for p in sorted(GOLDEN.glob("*.txt"))]
    reports = testing.check_plugin("text", newsclaims_text, samples=samples)
    assert len(reports) == len(samples) >= 6
    assert all(r.parser.name == "text" for r in reports)


def test_detection_scores() -> None:
    host = testing.host_with(("text", newsclaims_text))
    text_doc = Document("Six people were killed.")
    assert testing.assert_detects(host, "text", text_doc, at_least=0.2) == 0.2
    html = Document("<html><body><p>Six.</p></body></html>", content_type="text/html")
    assert "text" not in {d.plugin for d in host.detect(html)}


def test_html_is_declined() -> None:
    html = Document("<p>x</p>", content_type="text/html")
    assert newsclaims_text.newsclaims_parse(html, testing.host_with().knowledge) is None


def test_boilerplate_hook_reaches_knowledge() -> None:
    host = testing.host_with(("text", newsclaims_text))
    patterns = {p.pattern for p in host.knowledge.boilerplate}
    assert {p.pattern for p in newsclaims_text.boilerplate.PATTERNS} <= patterns
