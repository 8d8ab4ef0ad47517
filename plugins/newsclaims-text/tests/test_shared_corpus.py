"""Real scraped text from ../shared (read in place, never copied): nothing of the body lost."""

from __future__ import annotations

import json
import re
from pathlib import Path

import newsclaims_text
import pytest

from newsclaims import testing

SHARED = Path(__file__).resolve().parents[3] / ".." / "shared"
CONFLICT = sorted((SHARED / "corpus" / "conflict").glob("*.txt"))
GOLD = SHARED / "gold" / "seeds.jsonl"
HOST = testing.host_with(("text", newsclaims_text))


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


@pytest.mark.skipif(not CONFLICT, reason="../shared/corpus/conflict is not present")
@pytest.mark.parametrize("path", CONFLICT, ids=lambda p: p.name)
def test_conflict_text_is_kept(path: Path) -> None:
    report = testing.parse_with(HOST, path, plugin="text")
    source = _norm(path.read_text("utf-8"))
    for removed in report.removed:
        assert removed.reason == "wire-marker", removed  # only "Enditem" may go
        source = source.replace(_norm(removed.text), "")
    assert _norm(report.text) == source.strip()


@pytest.mark.skipif(not GOLD.exists(), reason="../shared/gold is not present")
def test_seed_text_checks() -> None:
    for line in GOLD.read_text("utf-8").splitlines():
        gold = json.loads(line)
        report = testing.parse_with(
            HOST, GOLD.parent / gold["doc"], plugin="text", published=gold.get("published")
        )
        text = _norm(report.text)
        for want in gold.get("must_contain", []):
            assert _norm(want) in text
        for unwanted in gold.get("must_not_contain", []):
            assert _norm(unwanted) not in text
        assert _norm(report.title or "") == _norm(gold["title"])
        assert sorted(map(_norm, report.authors)) == sorted(map(_norm, gold.get("authors", [])))
        if "outlet" in gold:
            src = _norm(json.dumps(testing.assert_valid_report(report)["source"]))
            assert any(_norm(o) in src for o in gold["outlet"])
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", report.published or "")
