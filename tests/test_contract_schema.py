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
