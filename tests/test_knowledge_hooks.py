"""Knowledge hooks that raise or return garbage (issue 10 item 19).

Before: a knowledge hook that raised was silent (no warning, ``newsclaims plugins`` said
``loaded``); one that returned garbage made every document fail with ``"plugin": null``, and
``--strict`` did not stop. Now the host checks what each knowledge hook returns, drops that
plugin's contribution with a warning naming it, marks it ``degraded`` in the inventory, and in
strict mode stops with an error naming it. The bad plugins are built here and registered
through pluggy, as an installed plugin would be.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from newsclaims import hookimpl
from newsclaims.cli import main
from newsclaims.host import PluginError, PluginHost, Settings
from newsclaims.knowledge import Entity, MeasureTerm
from newsclaims.models import Document
from newsclaims.pipeline import parse_document, parse_many
from newsclaims.serialize import report_to_dict, validate

TEXT = "Police said at least 12 people were killed on Monday.\n"


class RaisingEntities:
    @hookimpl
    def newsclaims_entities(self) -> list[Entity]:
        raise RuntimeError("lexicon file missing")


class GarbageTerms:
    @hookimpl
    def newsclaims_measure_terms(self) -> Any:
        return ["killed", 3]  # words, not MeasureTerm entries


class StringEntities:
    @hookimpl
    def newsclaims_entities(self) -> Any:
        return "National Intelligence Service"  # a str is iterable, but not of entities


class BadFieldTerms:
    @hookimpl
    def newsclaims_measure_terms(self) -> list[MeasureTerm]:
        return [MeasureTerm("zorbled", "killed", "verb"), MeasureTerm("lost", "killed", "adverb")]  # type: ignore[arg-type]


class BadPattern:
    @hookimpl
    def newsclaims_boilerplate(self) -> Any:
        from newsclaims.knowledge import BoilerplatePattern

        return [BoilerplatePattern("([unclosed", "widget")]


class FailingGenerator:
    @hookimpl
    def newsclaims_outlets(self) -> Iterator[Any]:
        from newsclaims.knowledge import Outlet

        yield Outlet("Good Outlet", ("good.example",))
        raise OSError("outlet list unreadable")


class GarbageKey:
    @hookimpl
    def newsclaims_person_key(self, name: str) -> Any:
        return {"key": name}


class RaisingKey:
    @hookimpl
    def newsclaims_person_key(self, name: str) -> str | None:
        raise KeyError(name)


BAD = [
    ("raising", RaisingEntities(), "newsclaims_entities"),
    ("garbage", GarbageTerms(), "newsclaims_measure_terms"),
    ("stringy", StringEntities(), "newsclaims_entities"),
    ("badfield", BadFieldTerms(), "newsclaims_measure_terms"),
    ("badregex", BadPattern(), "newsclaims_boilerplate"),
    ("halfway", FailingGenerator(), "newsclaims_outlets"),
]


def lenient(*plugins: tuple[str, object]) -> PluginHost:
    return PluginHost(plugins, settings=Settings(autoload=False))


@pytest.mark.parametrize(("name", "plugin", "hook"), BAD, ids=[b[0] for b in BAD])
def test_a_bad_knowledge_hook_is_dropped_with_a_warning_naming_it(
    name: str, plugin: object, hook: str
) -> None:
    host = lenient((name, plugin))
    problems = [e for e in host.errors if e.plugin == name]
    assert problems and problems[0].phase == hook
    record = next(r for r in host.records if r.name == name)
    assert record.status == "degraded"
    assert record.error is not None and hook in record.error
    assert name in host.loaded()  # its other hooks still work
    # the built-in lexicons still arrive, and documents still parse, with the warning
    assert any(t.term == "killed" for t in host.knowledge.measure_terms)
    assert all(isinstance(t, MeasureTerm) for t in host.knowledge.measure_terms)
    report = parse_document(Document(TEXT), host=host)
    assert [c.measure for c in report.claims if c.kind == "quantity"] == ["killed"]
    assert any(repr(name) in w and hook in w for w in report.warnings)
    validate(report_to_dict(report))


def test_the_contribution_of_a_bad_hook_is_dropped_whole() -> None:
    host = lenient(("badfield", BadFieldTerms()), ("halfway", FailingGenerator()))
    assert not any(t.term == "zorbled" for t in host.knowledge.measure_terms)
    assert host.knowledge.outlet_for("https://good.example/a") is None


def test_garbage_no_longer_fails_every_document() -> None:
    host = lenient(("garbage", GarbageTerms()))
    results = list(parse_many([Document(TEXT, origin="a"), Document(TEXT, origin="b")], host=host))
    assert [type(r).__name__ for r in results] == ["Report", "Report"]


@pytest.mark.parametrize(("name", "plugin", "hook"), BAD, ids=[b[0] for b in BAD])
def test_strict_mode_stops_naming_the_plugin(name: str, plugin: object, hook: str) -> None:
    with pytest.raises(PluginError) as info:
        PluginHost([(name, plugin)], settings=Settings(autoload=False, strict=True))
    assert info.value.plugin == name and info.value.phase == hook
    assert repr(name) in str(info.value)


@pytest.mark.parametrize("plugin", [GarbageKey(), RaisingKey()], ids=["garbage", "raises"])
def test_a_bad_person_key_hook_is_dropped_and_named(plugin: object) -> None:
    host = lenient(("keys", plugin))
    key = host.knowledge.person_key("Jane Doe")
    assert key == "jane doe"  # the normalised form, as without the plugin
    assert host.knowledge.person_key("John Roe") == "john roe"
    problems = [e for e in host.errors if e.plugin == "keys"]
    assert len(problems) == 1 and problems[0].phase == "newsclaims_person_key"
    assert next(r for r in host.records if r.name == "keys").status == "degraded"
    strict = PluginHost([("keys", plugin)], settings=Settings(autoload=False, strict=True))
    with pytest.raises(PluginError, match="'keys'"):
        strict.knowledge.person_key("Jane Doe")


# -- through the command line, with the bad plugin installed as an entry point --------------


@pytest.fixture
def installed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A distribution whose plugin ``badlex`` returns garbage from a knowledge hook."""
    info = tmp_path / "badlex-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: badlex\nVersion: 0.1\n")
    (info / "entry_points.txt").write_text("[newsclaims]\nbadlex = badlex_plugin\n")
    (tmp_path / "badlex_plugin.py").write_text(
        "from newsclaims import hookimpl\n\n"
        "@hookimpl\n"
        "def newsclaims_entities():\n"
        "    return [42]\n"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delenv("NEWSCLAIMS_DISABLE_AUTOLOAD", raising=False)
    monkeypatch.setenv("NEWSCLAIMS_PLUGINS", "badlex")
    monkeypatch.delenv("NEWSCLAIMS_STRICT", raising=False)
    return tmp_path


def test_plugins_command_shows_the_degraded_plugin(
    installed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["plugins"]) == 0
    rows = {r["name"]: r for r in json.loads(capsys.readouterr().out)}
    assert rows["badlex"]["status"] == "degraded"
    assert "newsclaims_entities" in rows["badlex"]["error"]


def test_extract_warns_and_strict_extract_stops(
    installed: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = tmp_path / "a.txt"
    article.write_text(TEXT, "utf-8")
    assert main(["extract", str(article), "-q"]) == 0
    captured = capsys.readouterr()
    assert "badlex" in captured.err and "warning" in captured.err
    record = json.loads(captured.out)
    assert any("badlex" in w for w in record["warnings"])
    assert record["claims"]
    assert main(["extract", str(article), "-q", "--strict"]) == 2
    captured = capsys.readouterr()
    assert "'badlex'" in captured.err and "newsclaims_entities" in captured.err
    assert captured.out == ""


def test_gathering_again_names_the_problem_once() -> None:
    host = lenient(("garbage", GarbageTerms()))
    host.register(object(), name="late")  # a later registration gathers the knowledge again
    assert any(t.term == "killed" for t in host.knowledge.measure_terms)
    record = next(r for r in host.records if r.name == "garbage")
    assert record.error is not None and record.error.count("newsclaims_measure_terms") == 1
    assert len(host.knowledge_warnings) == 1
