"""The examples in the modules' docstrings run."""

from __future__ import annotations

import doctest

import pytest
from newsclaims_html import jsonld, names, tree


@pytest.mark.parametrize("module", [jsonld, names, tree], ids=lambda m: m.__name__)
def test_doctests(module: object) -> None:
    result = doctest.testmod(module)  # type: ignore[arg-type]
    assert result.attempted > 0 and result.failed == 0
