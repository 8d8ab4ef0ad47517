"""Output is always strict RFC 8259 JSON (issue 10, item 16).

A 400-digit figure was written as ``"low": Infinity``, which ``json.loads`` accepts but no
strict parser does. A figure over :data:`~newsclaims.claims.numbers.MAX_FIGURE` is now not
read as a figure, and the serializer refuses a non-finite number instead of writing it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import newsclaims
from newsclaims.claims.numbers import MAX_FIGURE, parse_number
from newsclaims.cli import main
from newsclaims.models import Claim, Report, Value
from newsclaims.serialize import ContractError, record_to_json, report_to_json, validate


@pytest.fixture(autouse=True)
def _no_entry_points(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSCLAIMS_DISABLE_AUTOLOAD", "1")


def _reject(name: str) -> Any:
    raise ValueError(f"not RFC 8259 JSON: {name}")


def strict_loads(text: str) -> Any:
    """json.loads that rejects Infinity, -Infinity and NaN, as RFC 8259 does."""
    return json.loads(text, parse_constant=_reject)


HUGE = "9" * 400


def test_a_400_digit_figure_is_not_a_figure() -> None:
    assert parse_number(HUGE) is None
    assert parse_number("1" + ",000" * 110) is None
    assert parse_number("9007199254740991") == MAX_FIGURE
    assert parse_number("9007199254740993") is None
    assert parse_number("1,000,000") == 1e6


def test_report_with_a_huge_figure_is_strict_json(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_text(f"Officials said {HUGE} people were killed.\n\nPolice said 12 were hurt.\n")
    report = newsclaims.parse(path, plugin="builtin")
    data = strict_loads(report_to_json(report))
    validate(data)
    values = [c["value"] for c in data["claims"] if c["value"] is not None]
    assert [v["low"] for v in values] == [12]  # the 400 digits are no figure; 12 still is


def test_cli_output_is_strict_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "huge.txt"
    path.write_text(f"Officials said at least {HUGE} people were killed.\n", "utf-8")
    for fmt in ("jsonl", "json"):
        assert main(["extract", str(path), "--format", fmt, "-q"]) == 0
        out = capsys.readouterr().out
        assert "Infinity" not in out and "NaN" not in out
        if fmt == "jsonl":
            strict_loads(out)
        else:
            assert len(strict_loads(out)) == 1


def test_the_serializer_refuses_a_non_finite_value() -> None:
    inf = float("inf")
    claim = Claim(id="c", kind="quantity", quote="t", span=(0, 1), value=Value(inf, inf))
    with pytest.raises(ContractError, match="RFC 8259"):
        report_to_json(Report(id="r", text="t", claims=(claim,)))
    with pytest.raises(ContractError, match="strict JSON"):
        record_to_json({"x": float("nan")})
