"""The plugin honours the newsclaims contract (author kit conformance check)."""

from __future__ import annotations

import json
from pathlib import Path

import newsclaims_koreaherald
import pytest
from kh_support import GOLDEN, PLUGIN, full_host

from newsclaims import testing
from newsclaims.models import Document


def _samples() -> list[Document]:
    docs = []
    for path in sorted(GOLDEN.glob("*.html")) + sorted(GOLDEN.glob("*.txt")):
        meta_path = path.with_name(path.name.rsplit(".", 1)[0] + ".meta.json")
        meta = json.loads(meta_path.read_text("utf-8")) if meta_path.exists() else {}
        docs.append(testing.sample(path, url=meta.get("url"), published=meta.get("published")))
    return docs


def test_check_plugin_on_every_fixture() -> None:
    reports = testing.check_plugin("koreaherald", newsclaims_koreaherald, samples=_samples())
    assert len(reports) == 5
    assert all(r.text for r in reports)


def test_version_and_hooks() -> None:
    host = testing.host_with(PLUGIN)
    record = next(r for r in host.records if r.name == "koreaherald")
    assert newsclaims_koreaherald.__version__ == "0.1.0"
    assert set(record.hooks) == {
        "newsclaims_detect",
        "newsclaims_parse",
        "newsclaims_entities",
        "newsclaims_outlets",
        "newsclaims_boilerplate",
        "newsclaims_person_key",
    }


@pytest.mark.parametrize("path", sorted(GOLDEN.glob("*.html")), ids=lambda p: p.name)
def test_wins_detection_among_all_plugins(path: Path) -> None:
    host = full_host()
    url = "https://news.example.com/x" if "repost" in str(path) else None
    doc = testing.sample(path, url=url)
    score = testing.assert_detects(host, "koreaherald", doc, at_least=0.75)
    assert score <= 1.0


def test_forced_on_a_foreign_text_still_gives_an_article() -> None:
    host = testing.host_with(PLUGIN)
    report = testing.parse_with(
        host, "Two people were hurt in a crash, police said.\n", plugin="koreaherald"
    )
    testing.assert_valid_report(report)
    assert "Two people were hurt" in report.text
    assert report.source.original_outlet is None
