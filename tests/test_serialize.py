"""The JSON contract: round trip, schema, readable errors."""

from __future__ import annotations

import json

import attrs
import pytest

from newsclaims.models import (
    SCHEMA_VERSION,
    Attribution,
    Claim,
    Location,
    Mention,
    ParserInfo,
    Removed,
    Report,
    Source,
    Subject,
    TimeRef,
    Value,
)
from newsclaims.serialize import (
    ContractError,
    report_from_dict,
    report_from_json,
    report_to_dict,
    report_to_json,
    schema,
    validate,
)

TEXT = "Officials said at least 12 people were killed on Monday.\n\nAt least 12 died."


def full_report() -> Report:
    quote = TEXT[:56]
    return Report(
        id="r1",
        text=TEXT,
        title="Twelve killed",
        authors=("Jane Doe",),
        published="2024-03-05",
        language="en",
        source=Source("Example News", "example.com", "https://example.com/a", "Wire", None),
        removed=(Removed("Most Popular", "widget"),),
        claims=(
            Claim(
                id="c1",
                kind="quantity",
                quote=quote,
                span=(0, 56),
                measure="killed",
                value=Value(12, None, True, True, False, "persons", "at least 12"),
                subject=Subject("people"),
                attribution=(Attribution("officials", type="other"),),
                time=TimeRef("on Monday", "2024-03-04", "2024-03-04"),
                location=Location("Kursk region"),
                hedges=("estimate",),
                flags=("increment",),
                mentions=(Mention("At least 12 died.", (58, 75)),),
            ),
            Claim(id="c2", kind="statement", quote=quote, span=(0, 56)),
        ),
        parser=ParserInfo("text", "0.1.0"),
        input="a.txt",
        warnings=("note",),
    )


def test_round_trip_is_equal() -> None:
    report = full_report()
    assert report_from_json(report_to_json(report)) == report
    assert report_from_dict(json.loads(json.dumps(report_to_dict(report)))) == report


def test_output_validates_and_uses_contract_names() -> None:
    data = report_to_dict(full_report())
    validate(data)
    claim = data["claims"][0]
    assert claim["span"] == [0, 56]
    assert claim["value"]["low"] == 12 and isinstance(claim["value"]["low"], int)
    assert set(data["source"]) == {"outlet", "domain", "url", "original_outlet", "original_url"}
    assert data["schema_version"] == SCHEMA_VERSION == "1.2"


def test_fractional_bounds_stay_floats() -> None:
    v = report_to_dict(
        Report(
            id="x",
            text="t",
            claims=(Claim(id="c", kind="quantity", quote="t", span=(0, 1), value=Value(1.5, 1.5)),),
        )
    )
    assert v["claims"][0]["value"]["low"] == 1.5


def test_schema_rejects_a_broken_report() -> None:
    data = report_to_dict(full_report())
    data["claims"][0]["kind"] = "rumour"
    del data["title"]
    with pytest.raises(ContractError) as info:
        validate(data)
    assert "kind" in str(info.value) or "claims/0" in str(info.value)
    assert "title" in str(info.value)


def test_reading_bad_json_names_the_problem() -> None:
    with pytest.raises(ContractError, match="not a newsclaims report"):
        report_from_dict({"id": "x"})


def test_value_bounds_must_be_ordered() -> None:
    with pytest.raises(ValueError, match="above"):
        Value(10, 5)


def test_schema_is_a_valid_json_schema() -> None:
    import jsonschema

    jsonschema.Draft202012Validator.check_schema(schema())


def test_line_separators_are_escaped_so_a_jsonl_record_is_one_line() -> None:
    """U+2028/U+2029 in a quote broke a JSONL line for ``str.splitlines`` (property tests)."""
    from newsclaims.serialize import record_to_json

    text = record_to_json({"quote": "a\u2028b\u2029c"})
    assert text.splitlines() == [text]
    assert json.loads(text) == {"quote": "a\u2028b\u2029c"}


def _cattrs_dict(obj: object) -> object:
    """What the cattrs converter the records were written with before gives."""
    from newsclaims.serialize import converter

    return converter.unstructure(obj)


def _typed(value: object) -> object:
    """``value`` with the type of every part beside it, so that 12 and 12.0 differ."""
    if isinstance(value, dict):
        return {k: _typed(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_typed(v) for v in value]
    return (type(value).__name__, value)


def test_records_are_written_as_the_cattrs_converter_wrote_them() -> None:
    """issue 14 (start-up): writing a record no longer imports cattrs; its dict is the same,
    type for type, on a full report, fractional and integral bounds, every labelled input."""
    from pathlib import Path

    from newsclaims import parse
    from newsclaims.models import Failure
    from newsclaims.serialize import failure_to_dict

    root = Path(__file__).resolve().parents[1]
    reports = [full_report()]
    value = Value(2.5, 7.0, False, True, True, "percent", "2.5-7%")
    reports.append(
        attrs.evolve(full_report(), claims=(attrs.evolve(full_report().claims[0], value=value),))
    )
    for path in sorted((root / "seeds").glob("*.txt")) + sorted(
        (root / "tests" / "articles").glob("*.txt")
    ):
        reports.append(parse(path, published="2024-06-01"))
    for report in reports:
        assert _typed(report_to_dict(report)) == _typed(_cattrs_dict(report)), report.input
        assert report_to_json(report) == json.dumps(_cattrs_dict(report), ensure_ascii=False)
    failure = Failure("a.txt", "InputError", "no such file", None)
    assert failure_to_dict(failure) == {"schema_version": SCHEMA_VERSION, **_cattrs_dict(failure)}
    with pytest.raises(ContractError):
        report_to_dict(
            attrs.evolve(
                full_report(),
                claims=(attrs.evolve(full_report().claims[0], value=Value(1, float("inf"))),),
            )
        )
