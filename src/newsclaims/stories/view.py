"""A uniform read-only view of a report given as a ``Report`` or as its JSON dict."""

from __future__ import annotations

from typing import Any

import attrs

from newsclaims.models import Report
from newsclaims.serialize import report_to_dict


def as_dict(report: Report | dict[str, Any]) -> dict[str, Any]:
    """Return the JSON dict of *report* (a ``Report`` or an already-serialized dict)."""
    if isinstance(report, dict):
        return report
    if attrs.has(type(report)):
        return report_to_dict(report)
    raise TypeError(f"not a report: {type(report).__name__}")
