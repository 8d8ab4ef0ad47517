"""Shared fixtures of the text plugin's tests."""

from __future__ import annotations

import pytest

from newsclaims.claims.lexicon import BOILERPLATE, OUTLETS
from newsclaims.knowledge import Knowledge


@pytest.fixture
def knowledge() -> Knowledge:
    """The core lexicons only, as a host without other plugins would merge them."""
    return Knowledge(boilerplate=BOILERPLATE, outlets=OUTLETS)
