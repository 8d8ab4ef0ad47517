"""Shared paths for the newsclaims-html tests."""

from __future__ import annotations

from pathlib import Path

import pytest

HERE = Path(__file__).parent
PAGES = HERE / "pages"


@pytest.fixture
def page() -> object:
    """Read a constructed test page by file name."""

    def read(name: str) -> str:
        return (PAGES / name).read_text("utf-8")

    return read
