"""The schema describes every field and enumerates the engine's vocabularies (issue 9).

Before: the schema described 2 fields and enumerated only ``kind`` and ``role``. Now it is
built from the code (:mod:`newsclaims.contract`): the shipped file must equal what the code
builds, so a lexicon that gains a measure or a hedge fails here until the schema is written
again (``python -m newsclaims.contract``).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, get_args

import jsonschema
import pytest

from newsclaims import contract
from newsclaims.claims import lexicon
from newsclaims.cli import main
from newsclaims.knowledge import MeasureTerm
from newsclaims.models import (
    CLAIM_FLAGS,
    Attribution,
    Claim,
    ClaimKind,
    EntityType,
    Report,
    Role,
    Value,
)
from newsclaims.serialize import report_to_dict, schema

ROOT = Path(__file__).resolve().parents[1]


def properties_of(node: Any, path: str = "") -> list[tuple[str, dict[str, Any]]]:
    """Every property of every object in the schema, with its path."""
    found: list[tuple[str, dict[str, Any]]] = []
    if isinstance(node, dict):
        for key, value in (node.get("properties") or {}).items():
            found.append((f"{path}{key}", value))
        for key, value in node.items():
            found += properties_of(value, f"{path}{key}/" if key != "properties" else path)
    elif isinstance(node, list):
        for value in node:
            found += properties_of(value, path)
    return found


def test_the_shipped_schema_is_what_the_code_builds(capsys: pytest.CaptureFixture[str]) -> None:
    assert schema() == contract.build_schema()
    shipped = (ROOT / "src/newsclaims/schema/report.schema.json").read_text("utf-8")
    assert shipped == contract.schema_text(), "run: python -m newsclaims.contract"
    assert contract.main(["--check"]) == 0
    assert main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out) == contract.build_schema()
    jsonschema.Draft202012Validator.check_schema(schema())


def test_every_property_has_a_description() -> None:
    props = properties_of(schema())
    assert len(props) > 60  # report, source, removed, parser, claim, value, subject, ...
    missing = [path for path, node in props if not str(node.get("description", "")).strip()]
    assert missing == []
    for name in ("report", "error", "claim", "value", "attribution", "time", "span"):
        assert schema()["$defs"][name]["description"]


def test_the_schema_links_the_claim_rules() -> None:
    data = schema()
    assert contract.CLAIMS_DOC in data["$comment"] and contract.CLAIMS_DOC in data["description"]
    assert (ROOT / contract.CLAIMS_DOC).is_file()


def test_enums_are_the_engines_vocabularies() -> None:
    defs = schema()["$defs"]
    assert set(defs["measure"]["enum"]) == {t.measure for t in lexicon.MEASURE_TERMS}
    assert set(defs["measure"]["enum"]) == {
        "killed", "wounded", "casualties", "missing", "captured", "deployed", "displaced",
        "arrested",
    }  # fmt: skip
    assert defs["claim"]["properties"]["kind"]["enum"] == list(get_args(ClaimKind))
    attribution = defs["attribution"]["properties"]
    assert attribution["type"]["enum"] == list(get_args(EntityType))
    assert attribution["role"]["enum"] == list(get_args(Role))
    assert defs["claim"]["properties"]["flags"]["items"]["enum"] == list(CLAIM_FLAGS)
    hedges = defs["hedge"]["enum"]
    pattern = re.compile(rf"(?:{lexicon.HEDGE_PATTERN})")
    assert all(pattern.fullmatch(word) for word in hedges)
    assert {"estimate", "conservative estimate", "believed", "may", "rumors"} <= set(hedges)


def test_a_new_measure_or_hedge_in_the_lexicon_makes_the_schema_stale(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    shipped = schema()
    monkeypatch.setattr(
        lexicon, "MEASURE_TERMS", (*lexicon.MEASURE_TERMS, MeasureTerm("vaccinated", "vaccinated"))
    )
    assert "vaccinated" in contract.build_schema()["$defs"]["measure"]["enum"]
    assert contract.build_schema() != shipped
    monkeypatch.undo()
    monkeypatch.setattr(lexicon, "HEDGE_PATTERN", lexicon.HEDGE_PATTERN + "|purportedly")
    assert "purportedly" in contract.build_schema()["$defs"]["hedge"]["enum"]
    assert contract.main(["--check"]) == 1


def test_expand_words_refuses_what_it_cannot_enumerate() -> None:
    assert set(contract.expand_words("rumou?rs?")) == {"rumours", "rumour", "rumors", "rumor"}
    for pattern in (r"may(be)?", r"\w+ly", "est.*", "[a-z]+"):
        with pytest.raises(ValueError):
            contract.expand_words(pattern)


def report_with(**claim: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "id": "c1",
        "kind": "quantity",
        "quote": "t",
        "span": (0, 1),
        "measure": "killed",
        "value": Value(3, 3),
        "attribution": (Attribution("Police"),),
    }
    return report_to_dict(Report(id="r", text="t", claims=(Claim(**{**base, **claim}),)))


@pytest.mark.parametrize(
    "claim",
    [
        {"measure": "vaccinated"},
        {"hedges": ("maybe",)},
        {"flags": ("lower-bound",)},
        {"kind": "opinion"},
        {"attribution": (Attribution("Police", type="company"),)},
        {"attribution": (Attribution("Police", role="witness"),)},
    ],
    ids=["measure", "hedge", "flag", "kind", "type", "role"],
)
def test_a_value_outside_a_vocabulary_does_not_validate(claim: dict[str, Any]) -> None:
    validator = jsonschema.Draft202012Validator(schema())
    assert validator.is_valid(report_with())
    assert not validator.is_valid(report_with(**claim))


def test_a_plugins_namespaced_measure_and_a_statement_validate() -> None:
    validator = jsonschema.Draft202012Validator(schema())
    assert validator.is_valid(report_with(measure="myplugin:vaccinated"))
    assert validator.is_valid(report_with(kind="statement", measure=None, value=None))
    assert validator.is_valid(report_with(hedges=("conservative estimate", "may")))


def test_engine_output_on_the_articles_uses_only_listed_words() -> None:
    """Every hedge and flag the engine writes on the project's articles is in the schema."""
    from newsclaims.claims import extract_claims

    defs = schema()["$defs"]
    hedges, flags = set(defs["hedge"]["enum"]), set(CLAIM_FLAGS)
    seen_hedges: set[str] = set()
    for path in sorted((ROOT / "tests").glob("*/*.txt")):
        for claim in extract_claims(path.read_text("utf-8")):
            seen_hedges.update(claim.hedges)
            assert set(claim.flags) <= flags, path
    assert seen_hedges and seen_hedges <= hedges
