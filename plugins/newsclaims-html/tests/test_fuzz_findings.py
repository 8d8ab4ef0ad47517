"""Inputs the fuzzer (fuzz/fuzz_pipeline.py) found the html plugin failing on."""

from __future__ import annotations

import newsclaims_html
import pytest

from newsclaims.inputs import document_from
from newsclaims.pipeline import parse_document
from newsclaims.testing import assert_valid_report, host_with


@pytest.mark.parametrize("char", ["\x01", "\x08", "\x0b", "\x0c", "\x0e", "\x1f", "\ufffe"])
def test_control_character_after_a_script_is_parsed(char: str) -> None:
    """lxml parsed the page, then refused the tail of a dropped <script> (ValueError:
    "All strings must be XML compatible"), so the plugin failed on the page."""
    page = f"<html><body><p>5 people were killed.</p><script>x</script>{char}After.</body></html>"
    report = parse_document(
        document_from(page), host=host_with(("html", newsclaims_html)), plugin="html"
    )
    assert_valid_report(report)
    assert "5 people were killed." in report.text
    assert char not in report.text
