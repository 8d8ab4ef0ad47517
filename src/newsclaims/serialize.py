"""JSON in and out for the models: the only place that knows the wire format.

>>> from newsclaims.models import Report
>>> r = Report(id="x", text="t")
>>> report_from_json(report_to_json(r)) == r
True
"""

from __future__ import annotations

import json
import math
from functools import cache
from typing import TYPE_CHECKING, Any

import attrs

from .errors import NewsclaimsError
from .models import SCHEMA_VERSION, Failure, Report

if TYPE_CHECKING:
    import cattrs


class ContractError(NewsclaimsError, ValueError):
    """JSON that does not follow the newsclaims contract."""


def _num(value: float | None) -> float | int | None:
    if value is None:
        return None
    if not math.isfinite(value):
        # RFC 8259 has no Infinity or NaN; the claim engine reads no such figure, so this
        # is a plugin's or a caller's Value: refuse it rather than write invalid JSON
        raise ContractError(f"{value!r} is not a JSON number (RFC 8259 has no Infinity or NaN)")
    # integral bounds are written as integers: 4000, not 4000.0
    if float(value).is_integer():
        return int(value)
    return value


@cache
def _converter() -> cattrs.Converter:
    """The cattrs converter that reads records back (:func:`report_from_dict`); built on
    first use, so writing records does not import cattrs (issue 14, start-up)."""
    from cattrs.preconf.json import make_converter

    converter = make_converter()
    converter.register_unstructure_hook(float, _num)
    converter.register_unstructure_hook(float | None, _num)
    # spans are (start, end) tuples in Python and [start, end] arrays in JSON
    converter.register_unstructure_hook_func(lambda t: t == tuple[int, int], list)
    return converter


def __getattr__(name: str) -> Any:
    if name == "converter":  # the cattrs converter, for callers that used it
        return _converter()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _plain(value: Any) -> Any:
    """A model as the JSON-ready value the cattrs converter gives: an attrs instance as a
    ``dict`` of its fields in order, a tuple as a list, a float through :func:`_num`."""
    if attrs.has(type(value)):
        return {f.name: _plain(getattr(value, f.name)) for f in attrs.fields(type(value))}
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if isinstance(value, float):
        return _num(value)
    return value


def report_to_dict(report: Report) -> dict[str, Any]:
    """The report as a JSON-ready ``dict`` (the contract's field names)."""
    data: dict[str, Any] = _plain(report)
    return data


def report_from_dict(data: dict[str, Any]) -> Report:
    """Read a report back from its ``dict`` form; raises :class:`ContractError`."""
    import cattrs

    try:
        return _converter().structure(data, Report)
    except (cattrs.BaseValidationError, TypeError, ValueError, KeyError) as exc:
        detail = (
            "; ".join(cattrs.transform_error(exc))
            if isinstance(exc, cattrs.BaseValidationError)
            else str(exc)
        )
        raise ContractError(f"not a newsclaims report: {detail}") from exc


def record_to_json(record: dict[str, Any], *, indent: int | None = None) -> str:
    """A record ``dict`` as strict RFC 8259 JSON text (UTF-8 characters kept as they are).

    The line and paragraph separators U+2028/U+2029 are written escaped, so that a JSONL
    line stays one line for readers that split on them (``str.splitlines``, JavaScript).
    Raises :class:`ContractError` on ``Infinity`` or ``NaN`` instead of writing them.
    """
    try:
        text = json.dumps(record, ensure_ascii=False, indent=indent, allow_nan=False)
    except ValueError as exc:
        raise ContractError(f"record is not strict JSON: {exc}") from exc
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def report_to_json(report: Report, *, indent: int | None = None) -> str:
    """The report as strict JSON text; raises :class:`ContractError` on a non-finite number."""
    return record_to_json(report_to_dict(report), indent=indent)


def report_from_json(text: str) -> Report:
    """Read a report from JSON text."""
    return report_from_dict(json.loads(text))


def failure_to_dict(failure: Failure) -> dict[str, Any]:
    """An error record as JSON-ready ``dict``.

    ``schema_version``, ``input``, ``error`` (the error's type), ``message`` and ``plugin``,
    besides any field a later 1.x adds. Reports always have an ``id`` and error records never
    do, so one test tells them apart.
    """
    data: dict[str, Any] = {"schema_version": SCHEMA_VERSION}
    data.update(_plain(failure))
    return data


def schema() -> dict[str, Any]:
    """The JSON Schema of one output record (a report or an error record), from the package."""
    from importlib import resources  # not at import: it brings tempfile (issue 14)

    text = resources.files("newsclaims").joinpath("schema/report.schema.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def validate(data: dict[str, Any]) -> None:
    """Validate one record ``dict`` against :func:`schema`; raises :class:`ContractError`.

    A ``dict`` with an ``id`` is checked as a report, any other as an error record, so the
    message names the fields that are wrong rather than "not valid under any of the given
    schemas".
    """
    import jsonschema

    full = schema()
    kind = "report" if isinstance(data, dict) and "id" in data else "error"
    # the branch of the root's oneOf, with the definitions its references point to
    branch = {"$schema": full["$schema"], "$defs": full["$defs"], **full["$defs"][kind]}
    validator = jsonschema.Draft202012Validator(branch)
    errors = sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path))
    if errors:
        lines = [f"{'/'.join(map(str, e.absolute_path)) or '<root>'}: {e.message}" for e in errors]
        what = "report" if kind == "report" else "error record"
        raise ContractError(f"{what} does not match the schema:\n" + "\n".join(lines[:20]))
