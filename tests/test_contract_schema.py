"""The published schema describes every record ``extract`` writes (issue 9, the JSON contract).

Validation here uses jsonschema on the whole schema, as a consumer would, not the package's
own :func:`~newsclaims.serialize.validate` helper.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from newsclaims import SCHEMA_VERSION
from newsclaims.cli import main
from newsclaims.models import Failure, Report
from newsclaims.serialize import ContractError, failure_to_dict, report_to_dict, schema, validate


@pytest.fixture(autouse=True)
def _no_entry_points(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSCLAIMS_DISABLE_AUTOLOAD", "1")


def consumer() -> jsonschema.Draft202012Validator:
    """What a consumer builds from ``newsclaims schema``."""
    return jsonschema.Draft202012Validator(schema())


def schema_from_cli(capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    assert main(["schema"]) == 0
    data: dict[str, Any] = json.loads(capsys.readouterr().out)
    return data


def test_error_record_carries_schema_version_and_validates() -> None:
    record = failure_to_dict(Failure("a.txt", "InputError", "no such file", None))
    assert record["schema_version"] == SCHEMA_VERSION
    assert set(record) >= {"schema_version", "input", "error", "message", "plugin"}
    consumer().validate(record)
    validate(record)


def test_schema_is_a_report_or_an_error_record(capsys: pytest.CaptureFixture[str]) -> None:
    published = schema_from_cli(capsys)
    jsonschema.Draft202012Validator.check_schema(published)
    refs = {option["$ref"] for option in published["oneOf"]}
    assert refs == {"#/$defs/report", "#/$defs/error"}
    validator = jsonschema.Draft202012Validator(published)
    validator.validate(report_to_dict(Report(id="r", text="t")))
    validator.validate(failure_to_dict(Failure("x", "E", "m", "text")))


def test_a_record_is_never_both() -> None:
    validator = consumer()
    # an error record with an id is neither (reports have no error fields required, but
    # the error branch forbids an id, and the report branch needs every report field)
    half = {**failure_to_dict(Failure("x", "E", "m")), "id": "r"}
    assert not validator.is_valid(half)
    assert not validator.is_valid({"input": "x", "error": "E", "message": "m"})  # no version


def test_validate_names_the_wrong_field_of_an_error_record() -> None:
    record = failure_to_dict(Failure("x", "E", "m"))
    record["message"] = 3
    with pytest.raises(ContractError, match=r"(?s)error record.*message"):
        validate(record)


def test_every_line_extract_writes_validates(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("An article.\n\nPolice said 4 people were hurt on Monday.\n", "utf-8")
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "other.txt").write_text("Officials said 12 people were missing.\n", "utf-8")
    missing = tmp_path / "missing.txt"
    out = tmp_path / "out.jsonl"
    code = main(["extract", str(good), str(missing), str(folder), "-o", str(out), "-q"])
    assert code == 1  # a failed input
    lines = out.read_text("utf-8").splitlines()
    assert len(lines) == 3
    validator = consumer()
    records = [json.loads(line) for line in lines]
    for record in records:
        validator.validate(record)
    kinds = ["id" in r for r in records]
    assert kinds == [True, False, True]
    assert records[1]["input"] == str(missing)
    assert records[1]["schema_version"] == SCHEMA_VERSION


def full_report_dict() -> dict[str, Any]:
    from newsclaims.models import Attribution, Claim, Mention, Subject, TimeRef, Value

    claim = Claim(
        id="c1",
        kind="quantity",
        quote="t",
        span=(0, 1),
        measure="killed",
        value=Value(3, 3),
        subject=Subject("people"),
        attribution=(Attribution("Police", type="organization"),),
        time=TimeRef("on Monday", "2024-03-04", "2024-03-04"),
        mentions=(Mention("t", (0, 1)),),
    )
    return report_to_dict(Report(id="r", text="t", claims=(claim,)))


def test_a_later_1x_report_validates_against_the_1_0_schema() -> None:
    """Version 1 only adds optional fields: a 1.0 validator accepts a 1.1 report."""
    validator = consumer()
    report = full_report_dict()
    report["schema_version"] = "1.1"
    report["section_path"] = ["world", "asia"]  # a field a later 1.x adds
    report["source"]["section"] = "World"
    claim = report["claims"][0]
    claim["confidence"] = 0.9
    claim["value"]["precision"] = "exact"
    claim["subject"]["count_noun"] = "people"
    claim["attribution"][0]["wikidata"] = "Q1"
    claim["time"]["granularity"] = "day"
    claim["mentions"][0]["paragraph"] = 0
    report["parser"]["commit"] = "abc"
    validator.validate(report)
    validate(report)
    error = {**failure_to_dict(Failure("x", "E", "m")), "schema_version": "1.1", "at": 3}
    validator.validate(error)


def test_the_schema_closes_no_object() -> None:
    def walk(node: Any) -> None:
        if isinstance(node, dict):
            assert node.get("additionalProperties", True) is not False
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(schema())


def test_required_fields_and_types_are_still_checked() -> None:
    report = full_report_dict()
    del report["claims"][0]["quote"]
    report["claims"][0]["value"]["low"] = "three"
    with pytest.raises(ContractError) as info:
        validate(report)
    assert "quote" in str(info.value) and "low" in str(info.value)
    assert not consumer().is_valid({**full_report_dict(), "schema_version": "2.0"})
