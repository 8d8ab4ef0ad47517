"""Shared fixtures. Core tests never load entry-point plugins (NEWSCLAIMS_DISABLE_AUTOLOAD)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("NEWSCLAIMS_DISABLE_AUTOLOAD", "1")

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture
def root() -> Path:
    """The project root."""
    return ROOT


@pytest.fixture
def shared() -> Path:
    """../shared beside the project; tests that need it skip when it is absent."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not present")
    return SHARED
