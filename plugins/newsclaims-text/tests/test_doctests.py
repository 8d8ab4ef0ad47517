"""The examples in the modules' docstrings run."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = [
    "boilerplate",
    "byline",
    "cleaner",
    "credits",
    "datelines",
    "frontmatter",
    "markdown",
    "paragraphs",
    "promos",
]


@pytest.mark.parametrize("name", MODULES)
def test_doctests(name: str) -> None:
    module = importlib.import_module(f"newsclaims_text.{name}")
    result = doctest.testmod(module)
    assert result.attempted > 0, f"{name} has no examples"
    assert result.failed == 0
