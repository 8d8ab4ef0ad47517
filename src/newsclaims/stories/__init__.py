"""Across reports: copies, stories and the series of a figure.

``newsclaims.stories(reports)`` is :func:`stories`; this package is light to import (the
fingerprinting library is loaded on the first call).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from newsclaims.models import Report


def stories(reports: Iterable[Report | dict[str, Any]]) -> list[dict[str, Any]]:
    """Group reports into stories, with copies and series (see :mod:`newsclaims.stories.api`)."""
    from newsclaims.stories.api import stories as run

    return run(reports)


__all__ = ["stories"]
