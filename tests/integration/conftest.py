"""Integration tests: the installed product (core and every plugin), through the CLI."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"


def run_scorer(gold: Path, *extra: str) -> dict[str, Any]:
    """Run ../shared/tools/score_claims.py and return its totals."""
    tool = SHARED / "tools" / "score_claims.py"
    out = subprocess.run(
        [sys.executable, str(tool), str(gold), "--json", *extra],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
        env={k: v for k, v in os.environ.items() if not k.startswith("NEWSCLAIMS_")},
    )
    totals: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    return totals


@pytest.fixture
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not present")
    return SHARED
