"""A uniform read-only view of a report given as a ``Report`` or as its JSON dict."""

from __future__ import annotations

from datetime import UTC, datetime
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


def published(report: dict[str, Any]) -> datetime | None:
    """The report's publication time as a naive UTC datetime (a date alone is midnight)."""
    return parse_time(report.get("published"))


def parse_time(value: Any) -> datetime | None:
    """An ISO 8601 date or date-time string as a naive UTC datetime, else ``None``."""
    if not isinstance(value, str) or not value:
        return None
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return moment


def outlet(report: dict[str, Any]) -> str | None:
    """The outlet that published the report (the original outlet of a repost when known)."""
    source = report.get("source") or {}
    value = source.get("outlet") or source.get("original_outlet") or source.get("domain")
    return str(value) if value else None


def report_id(report: dict[str, Any], index: int) -> str:
    """The report's id, or a positional one when it has none."""
    value = report.get("id")
    return str(value) if value else f"report-{index}"
