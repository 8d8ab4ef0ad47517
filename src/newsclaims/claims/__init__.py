"""The claim engine: quantity claims and attributed statements from clean article text."""

from __future__ import annotations

from .engine import extract_claims

__all__ = ["extract_claims"]
