"""The installed product end to end: plugins found, seeds parsed, every report valid."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any

from newsclaims.serialize import validate

from .conftest import ROOT

SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


def cli(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    environ = {k: v for k, v in os.environ.items() if not k.startswith("NEWSCLAIMS_")}
    environ.update(env)
    return subprocess.run(
        ["newsclaims", *args], capture_output=True, text=True, cwd=ROOT, env=environ
    )


def reports(out: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def test_three_plugins_are_listed_with_versions() -> None:
    p = cli("plugins")
    assert p.returncode == 0, p.stderr
    inventory = {r["name"]: r for r in json.loads(p.stdout)}
    for name, dist in (
        ("text", "newsclaims-text"),
        ("html", "newsclaims-html"),
        ("koreaherald", "newsclaims-koreaherald"),
    ):
        assert inventory[name]["status"] == "loaded"
        assert inventory[name]["version"] == "0.1.0"
        assert inventory[name]["distribution"] == dist
        assert "newsclaims_parse" in inventory[name]["hooks"]


def test_seeds_extract_and_validate() -> None:
    p = cli("extract", *map(str, SEEDS))
    assert p.returncode == 0, p.stderr
    out = reports(p.stdout)
    assert len(out) == len(SEEDS)
    for report in out:
        validate(report)
        for claim in report["claims"]:
            start, end = claim["span"]
            assert report["text"][start:end] == claim["quote"]


def test_repost_of_a_site_is_recognised() -> None:
    repost = next(s for s in SEEDS if "Original Source" in s.read_text("utf-8"))
    (report,) = reports(cli("extract", str(repost), "--format", "jsonl").stdout)
    assert report["parser"]["name"] == "koreaherald"
    assert report["source"]["original_outlet"] == "The Korea Herald"


def test_disabling_one_plugin_leaves_the_others_working() -> None:
    repost = next(s for s in SEEDS if "Original Source" in s.read_text("utf-8"))
    p = cli("extract", str(repost), NEWSCLAIMS_DISABLE_PLUGINS="koreaherald")
    assert p.returncode == 0, p.stderr
    report = json.loads(p.stdout)
    assert report["parser"]["name"] == "text"
    validate(report)
    assert "Original Source" not in report["text"]


def test_html_goes_to_the_html_plugin(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        "<html lang='en'><head><title>Flood kills 12 | Example Daily</title>"
        "<meta property='og:site_name' content='Example Daily'></head><body><article>"
        "<h1>Flood kills 12</h1><p>At least 12 people were killed when the river burst its "
        "banks on Monday, the regional governor said.</p><p>About 3,000 residents were "
        "evacuated from low-lying districts, officials said.</p></article></body></html>",
        encoding="utf-8",
    )
    p = cli("extract", str(page), "--published", "2024-05-08")
    assert p.returncode == 0, p.stderr
    report = json.loads(p.stdout)
    validate(report)
    assert report["parser"]["name"] == "html"
    measures = {c["measure"]: c for c in report["claims"] if c["kind"] == "quantity"}
    assert measures["killed"]["value"]["low"] == 12
    assert measures["killed"]["time"]["start"] == "2024-05-06"
    assert measures["displaced"]["value"]["approximate"] is True
