"""``newsclaims stories`` and ``newsclaims timeline`` on JSONL written by ``extract``."""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path
from typing import Any

import pytest

import newsclaims
from newsclaims.cli import main
from newsclaims.serialize import report_to_dict
from newsclaims.stories.api import validate

pytest.importorskip("datasketch")

LEAD = (
    "Rescue teams in the Wayanad district of Kerala searched through mud after landslides "
    "buried villages overnight, as heavy monsoon rain kept falling and roads to the hills were "
    "cut off for a second day, and army engineers built a bridge to the worst-hit villages. "
)
OTHER = (
    "A bus fell into a gorge near Munnar in Idukki, after the driver lost control on a wet "
    "road; passengers were taken to a hospital in Kochi, where doctors treated their injuries. "
    "Police said 4 people were killed in the crash.\n"
)


@pytest.fixture
def jsonl(tmp_path: Path) -> Path:
    texts = [
        (LEAD + "Officials said at least 43 people were killed.\n", "2024-07-30T07:00:00Z"),
        (LEAD + "Officials said at least 57 people were killed.\n", "2024-07-30T09:00:00Z"),
        (OTHER, "2024-07-31T07:00:00Z"),
    ]
    lines = []
    for text, published in texts:
        report = newsclaims.parse_text(text, plugin="builtin", published=published)
        lines.append(json.dumps(report_to_dict(report)))
    lines.append(json.dumps({"input": "broken.html", "error": "unreadable"}))
    path = tmp_path / "reports.jsonl"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def _json_lines(text: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def test_stories_json_is_one_valid_object_per_story(
    jsonl: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = _run(["stories", str(jsonl), "--format", "json"], capsys)
    assert code == 0
    assert "skipped 1 line" in err
    result = _json_lines(out)
    assert len(result) == 2
    for story in result:
        validate(story)
    landslide = next(s for s in result if len(s["reports"]) == 2)
    first, second = landslide["reports"]
    assert second["copy_of"] == first["id"]
    (killed,) = (s for s in landslide["series"] if s["measure"] == "killed")
    assert [p["low"] for p in killed["points"]] == [43, 57]
    assert killed["revisions"][0]["direction"] == "up"


def test_stories_reads_stdin_and_several_files(
    jsonl: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(jsonl.read_text("utf-8")))
    code, out, _ = _run(["stories", "-", str(jsonl), "--format", "csv"], capsys)
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 6  # the same three reports twice: copies of each other
    assert sum(1 for r in rows if not r["copy_of"]) == 2


def test_stories_table(jsonl: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(["stories", str(jsonl)], capsys)
    assert code == 0
    assert out.splitlines()[0].split() == [
        "story", "published", "outlet", "report", "copy_of", "title", "input"
    ]  # fmt: skip
    assert len(out.splitlines()) == 2 + 3


def test_timeline_filters_by_measure_and_subject(
    jsonl: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = _run(["timeline", str(jsonl), "--measure", "killed", "--format", "csv"], capsys)
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["low"] for r in rows if r["revision"] == "True"] == ["57"]
    assert {r["measure"] for r in rows} == {"killed"}
    code, out, _ = _run(["timeline", str(jsonl), "--subject", "nobody", "--format", "json"], capsys)
    assert code == 0 and out == ""


def test_timeline_plot(jsonl: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("matplotlib")
    png = tmp_path / "killed.png"
    code, out, _ = _run(["timeline", str(jsonl), "--measure", "killed", "--plot", str(png)], capsys)
    assert code == 0
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert "killed" in out
