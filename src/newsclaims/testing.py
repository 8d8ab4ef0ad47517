"""The plugin author kit: what a plugin's own tests call to prove it honours the contract.

>>> from newsclaims import testing
>>> host = testing.host_with()
>>> report = testing.parse_with(host, "Two people were hurt.\\n", plugin="builtin")
>>> data = testing.assert_valid_report(report)

Typical use in a plugin's ``tests/test_contract.py``::

    import my_plugin
    from newsclaims import testing

    def test_contract():
        testing.check_plugin("myoutlet", my_plugin, samples=[testing.sample("page.html")])

    @pytest.mark.parametrize("case", testing.golden_cases(HERE / "golden"), ids=str)
    def test_golden(case):
        testing.assert_golden(case, plugin=("myoutlet", my_plugin))

Hosts built here never load entry-point plugins, so tests see only the plugins they name.
"""

from __future__ import annotations

import json
import os
import random
from collections.abc import Iterable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

import attrs

from .host import PluginHost, Settings
from .inputs import document_from
from .models import Article, Document, Report
from .pipeline import parse_document
from .serialize import report_from_dict, report_to_dict, validate

__all__ = [
    "GoldenCase",
    "assert_detects",
    "assert_golden",
    "assert_survives_bad_input",
    "assert_valid_report",
    "check_plugin",
    "golden_cases",
    "host_with",
    "parse_with",
    "sample",
]

#: Set to 1 to (re)write golden files from the current output instead of comparing.
UPDATE_ENV = "NEWSCLAIMS_UPDATE_GOLDEN"


def host_with(*plugins: object | tuple[str, object], strict: bool = True) -> PluginHost:
    """A host with only ``plugins`` (and the built-in fallback); strict by default."""
    return PluginHost(plugins, settings=Settings(autoload=False, strict=strict))


def sample(
    source: str | bytes | os.PathLike[str],
    *,
    url: str | None = None,
    published: str | datetime | None = None,
) -> Document:
    """A :class:`Document` from a path, text or bytes, as the CLI would build it."""
    src = Path(source) if isinstance(source, str) and Path(source).is_file() else source
    return document_from(src, url=url, published=published)


def parse_with(
    host: PluginHost,
    source: Document | str | bytes | os.PathLike[str],
    *,
    plugin: str | None = None,
    url: str | None = None,
    published: str | datetime | None = None,
) -> Report:
    """Parse one input with ``host`` and return the report (errors propagate)."""
    doc = source if isinstance(source, Document) else sample(source, url=url, published=published)
    return parse_document(doc, plugin=plugin, host=host)


def assert_valid_report(report: Report) -> dict[str, Any]:
    """Assert that ``report`` validates against the schema, round-trips and has true spans.

    Returns the report's JSON ``dict`` for further checks.
    """
    data = report_to_dict(report)
    validate(data)
    back = report_from_dict(json.loads(json.dumps(data)))
    assert back == report, "report does not survive a JSON round trip"
    for claim in report.claims:
        start, end = claim.span
        assert report.text[start:end] == claim.quote, f"claim {claim.id}: span != quote"
        for m in claim.mentions:
            assert report.text[m.span[0] : m.span[1]] == m.quote, f"claim {claim.id}: mention"
    ids = [c.id for c in report.claims]
    assert len(ids) == len(set(ids)), "claim ids are not unique"
    return data


def assert_detects(
    host: PluginHost, plugin: str, document: Document, *, at_least: float = 0.5
) -> float:
    """Assert that ``plugin`` wins detection for ``document`` with a score >= ``at_least``."""
    found = host.detect(document)
    assert found, "no plugin detected the document"
    best = found[0]
    assert best.plugin == plugin, f"{best.plugin} ({best.score}) beat {plugin}: {found}"
    assert best.score >= at_least, f"{plugin} scored {best.score} < {at_least}"
    return best.score


def _bad_inputs() -> list[tuple[str, Document]]:
    rng = random.Random(1234)
    junk = bytes(rng.getrandbits(8) for _ in range(4096))
    huge_para = ("The quick brown fox jumps over the lazy dog. " * 40 + "\n\n") * 600
    # built as Documents directly: document_from refuses empty and binary input (an
    # EmptyInputError, a BinaryInputError), but a plugin must survive any Document
    return [
        ("empty text", Document("", content_type="text/plain")),
        ("empty html", document_from("<html></html>", content_type="text/html")),
        ("whitespace", Document("   \n\n \t ", content_type="text/plain")),
        ("binary", Document(junk.decode("cp1252", "replace"), content_type="text/plain")),
        ("huge text", document_from(huge_para)),
        ("huge html", document_from(f"<html><body><p>{huge_para}</p></body></html>")),
        ("markup soup", document_from("<<<>>><div<p>></html><script>x</script>")),
    ]


def assert_survives_bad_input(host: PluginHost, plugin: str) -> None:
    """Assert that ``plugin`` returns an article or declines (``None``), never raises."""
    for label, doc in _bad_inputs():
        for name, result in host.call_each(
            "newsclaims_parse", plugin=plugin, document=doc, knowledge=host.knowledge
        ):
            assert isinstance(result, Article), f"{name} returned {type(result)} on {label}"
            assert isinstance(result.text, str)
        for _name, score in host.call_each(
            "newsclaims_detect", plugin=plugin, document=doc, knowledge=host.knowledge
        ):
            assert 0.0 <= float(score) <= 1.0, f"{plugin} scored {score} on {label}"


def check_plugin(
    name: str, plugin: object, *, samples: Sequence[Document] = (), min_score: float = 0.0
) -> list[Report]:
    """The conformance check every plugin runs.

    * the plugin registers and validates against the hook specs;
    * every sample is detected by it (score > ``min_score``) when forced detection is
      not needed, and parses into a report that validates, round-trips and has true spans;
    * empty, huge, binary and malformed input never raise.

    Returns the sample reports for further assertions.
    """
    host = host_with((name, plugin))
    assert name in host.loaded(), f"{name} did not load: {host.records}"
    reports = []
    for doc in samples:
        found = {d.plugin: d.score for d in host.detect(doc)}
        assert found.get(name, 0.0) > min_score, f"{name} does not detect {doc.origin}: {found}"
        report = parse_document(doc, plugin=name, host=host)
        assert report.parser.name == name
        assert_valid_report(report)
        reports.append(report)
    assert_survives_bad_input(host, name)
    return reports


@attrs.frozen
class GoldenCase:
    """An input page beside its expected report (``<name>.expected.json``)."""

    input: Path
    expected: Path
    meta: dict[str, Any] = attrs.field(factory=dict, eq=False)

    def __str__(self) -> str:
        return self.input.name


def golden_cases(folder: Path, patterns: Iterable[str] = ("*.html", "*.txt")) -> list[GoldenCase]:
    """Every input in ``folder`` with its ``.expected.json`` (and optional ``.meta.json``).

    ``<name>.meta.json`` may give ``url`` and ``published`` for the input.
    """
    cases = []
    for pattern in patterns:
        for path in sorted(folder.glob(pattern)):
            stem = path.name.rsplit(".", 1)[0]
            meta_path = folder / f"{stem}.meta.json"
            meta = json.loads(meta_path.read_text("utf-8")) if meta_path.exists() else {}
            cases.append(GoldenCase(path, folder / f"{stem}.expected.json", meta))
    return cases


#: Report fields a golden file compares (claims are the engine's business).
GOLDEN_FIELDS = ("title", "authors", "published", "language", "source", "text", "removed")


def assert_golden(
    case: GoldenCase,
    *,
    plugin: tuple[str, object],
    fields: Sequence[str] = GOLDEN_FIELDS,
) -> Report:
    """Parse ``case.input`` with ``plugin`` and compare ``fields`` with the expected file.

    With ``NEWSCLAIMS_UPDATE_GOLDEN=1`` the expected file is written instead.
    """
    host = host_with(plugin)
    doc = sample(case.input, url=case.meta.get("url"), published=case.meta.get("published"))
    report = parse_document(doc, plugin=plugin[0], host=host)
    data = assert_valid_report(report)
    got = {k: data[k] for k in fields}
    if os.environ.get(UPDATE_ENV) == "1" or not case.expected.exists():
        if os.environ.get(UPDATE_ENV) != "1":
            raise AssertionError(f"{case.expected} is missing; run with {UPDATE_ENV}=1")
        case.expected.write_text(json.dumps(got, indent=2, ensure_ascii=False) + "\n", "utf-8")
        return report
    want = json.loads(case.expected.read_text("utf-8"))
    for key in fields:
        assert got[key] == want.get(key), f"{case}: {key}: {got[key]!r} != {want.get(key)!r}"
    return report
