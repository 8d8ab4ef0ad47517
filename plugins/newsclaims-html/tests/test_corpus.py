"""The shared corpus of real pages (../shared/corpus): the plugin's scores beat the targets.

Skipped when the corpus is not beside the project. Runs the project's scorer, which calls
``newsclaims extract`` for each page with this plugin loaded from its entry point.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[3]
SHARED = ROOT / ".." / "shared"
GOLD = SHARED / "corpus" / "extraction.jsonl"
SCORER = SHARED / "tools" / "score_extraction.py"

TARGETS = {"body_f1_mean": 0.965, "title_acc": 0.95, "authors_acc": 0.90, "published_acc": 0.97}


@pytest.mark.skipif(not (GOLD.exists() and SCORER.exists()), reason="no shared corpus")
def test_corpus_scores_beat_targets() -> None:
    exe = shutil.which("newsclaims", path=str(Path(sys.executable).parent)) or shutil.which(
        "newsclaims"
    )
    assert exe, "the newsclaims command is not installed"
    env = {k: v for k, v in os.environ.items() if k != "NEWSCLAIMS_DISABLE_AUTOLOAD"}
    env["NEWSCLAIMS_PLUGINS"] = "html"
    out = subprocess.run(
        [sys.executable, str(SCORER), str(GOLD), "--json", "--quiet", "--cmd", f"{exe} extract"],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=900,
        check=True,
    )
    scores = json.loads(out.stdout.strip().splitlines()[-1])["newsclaims"]
    assert scores["failed"] == 0
    for key, target in TARGETS.items():
        assert scores[key] >= target, f"{key} {scores[key]} < {target}: {scores}"
