"""The plugin host: discovery, isolation of broken plugins, switches, selection."""

from __future__ import annotations

import io
import textwrap
from pathlib import Path
from typing import Any

import pytest

from newsclaims import hookimpl
from newsclaims.host import NoParserError, PluginError, PluginHost, Settings
from newsclaims.models import Article, Document, Source
from newsclaims.pipeline import parse_document, parse_many
from newsclaims.testing import host_with

GOOD = """
from newsclaims import hookimpl
from newsclaims.models import Article

__version__ = "1.2.3"

@hookimpl
def newsclaims_detect(document):
    return 0.9 if "good news" in document.text else None

@hookimpl
def newsclaims_parse(document):
    return Article(text=document.text.upper(), title="good")
"""

BROKEN_IMPORT = """
raise RuntimeError("cannot start: missing model file")
"""

RAISES_IN_PARSE = """
from newsclaims import hookimpl

@hookimpl
def newsclaims_detect(document):
    return 1.0

@hookimpl
def newsclaims_parse(document):
    raise ValueError("layout changed")
"""

MISSPELLED = """
from newsclaims import hookimpl

@hookimpl
def newsclaims_detekt(document):
    return 1.0
"""


def make_distribution(root: Path, dist: str, plugins: dict[str, str]) -> None:
    """Write modules and a .dist-info declaring them in the ``newsclaims`` group."""
    info = root / f"{dist}-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {dist}\nVersion: 0.1\n")
    lines = ["[newsclaims]"]
    for name, source in plugins.items():
        module = f"{dist.replace('-', '_')}_{name}"
        (root / f"{module}.py").write_text(textwrap.dedent(source))
        lines.append(f"{name} = {module}")
    (info / "entry_points.txt").write_text("\n".join(lines) + "\n")


@pytest.fixture
def installed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    make_distribution(
        tmp_path,
        "fakeplugins",
        {"good": GOOD, "broken": BROKEN_IMPORT, "raiser": RAISES_IN_PARSE, "typo": MISSPELLED},
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    return tmp_path


FAKE = frozenset({"good", "broken", "raiser", "typo"})


def only_fakes(**kwargs: Any) -> Settings:
    """Settings that load just the fake distribution, whatever else is installed."""
    allow = kwargs.pop("allow", FAKE)
    return Settings(autoload=True, allow=allow, **kwargs)


def doc(text: str) -> Document:
    return Document(text=text, origin="t.txt")


def test_broken_plugins_are_named_and_good_one_still_parses(installed: Path) -> None:
    host = PluginHost(settings=only_fakes())
    status = {r.name: r for r in host.records}
    assert status["good"].status == "loaded"
    assert status["good"].version == "0.1"  # the distribution's version
    assert status["good"].distribution == "fakeplugins"
    assert status["broken"].status == "error"
    assert "missing model file" in (status["broken"].error or "")
    assert status["typo"].status == "error"
    assert "newsclaims_detekt" in (status["typo"].error or "")
    assert {e.plugin for e in host.errors} >= {"broken", "typo"}

    report = parse_document(doc("good news everyone"), host=host)
    # the raiser scores 1.0 and wins detection, fails, and the good plugin parses instead
    assert report.parser.name == "good"
    assert report.text == "GOOD NEWS EVERYONE"
    assert any("raiser" in w and "layout changed" in w for w in report.warnings)


def test_parse_error_is_named_when_forced(installed: Path) -> None:
    host = PluginHost(settings=only_fakes())
    with pytest.raises(NoParserError, match=r"'raiser'.*layout changed"):
        parse_document(doc("anything"), plugin="raiser", host=host)


def test_other_documents_keep_working_after_a_plugin_error(installed: Path) -> None:
    host = PluginHost(settings=only_fakes(block=frozenset({"good"})))
    results = list(parse_many([doc("one"), doc("two")], host=host))
    # raiser fails on both; the builtin fallback still parses each one
    assert [r.parser.name for r in results] == ["builtin", "builtin"]  # type: ignore[union-attr]


def test_strict_mode_fails_fast(installed: Path) -> None:
    with pytest.raises(PluginError, match=r"'broken'.*import"):
        PluginHost(settings=only_fakes(strict=True))
    host = PluginHost(settings=Settings(autoload=True, strict=True, allow=frozenset({"raiser"})))
    with pytest.raises(PluginError, match="layout changed"):
        list(parse_many([doc("x")], host=host))


def test_allow_list(installed: Path) -> None:
    host = PluginHost(settings=Settings(allow=frozenset({"good"})))
    assert host.loaded() == ["builtin", "good"]
    assert {r.name: r.status for r in host.records}["raiser"] == "disabled"
    assert host.errors == []  # the broken ones were never imported


def test_block_list(installed: Path) -> None:
    host = PluginHost(settings=only_fakes(block=frozenset({"raiser", "broken", "typo"})))
    assert host.loaded() == ["builtin", "good"]
    assert {r.name: r.status for r in host.records}["raiser"] == "disabled"
    assert host.errors == []


def test_settings_from_environment() -> None:
    s = Settings.from_env(
        {
            "NEWSCLAIMS_PLUGINS": "a, b",
            "NEWSCLAIMS_DISABLE_PLUGINS": "c",
            "NEWSCLAIMS_STRICT": "1",
            "NEWSCLAIMS_TRACE": "true",
            "NEWSCLAIMS_DISABLE_AUTOLOAD": "1",
        }
    )
    assert s == Settings(frozenset({"a", "b"}), frozenset({"c"}), True, True, False)
    assert Settings.from_env({}) == Settings()
    assert s.admits("builtin") and not s.admits("c") and not s.admits("z")


def test_autoload_off_sees_no_installed_plugins(installed: Path) -> None:
    host = PluginHost(settings=Settings(autoload=False))
    assert host.loaded() == ["builtin"]


class SitePlugin:
    """A site plugin that fits documents from one domain."""

    @hookimpl
    def newsclaims_detect(self, document: Document) -> float | None:
        return 1.0 if (document.url or "").startswith("https://site.example/") else None

    @hookimpl
    def newsclaims_parse(self, document: Document) -> Article:
        return Article(text="site body", source=Source(outlet="Site"))


class GenericPlugin:
    @hookimpl(trylast=True)
    def newsclaims_detect(self, document: Document) -> float:
        return 0.2

    @hookimpl(trylast=True)
    def newsclaims_parse(self, document: Document) -> Article:
        return Article(text="generic body")


def test_best_fit_wins_and_plugin_can_be_forced() -> None:
    host = host_with(("site", SitePlugin()), ("generic", GenericPlugin()))
    on_site = Document(text="x", url="https://site.example/a")
    elsewhere = Document(text="x", url="https://other.example/a")
    assert [d.plugin for d in host.detect(on_site)] == ["site", "generic", "builtin"]
    assert parse_document(on_site, host=host).parser.name == "site"
    assert parse_document(elsewhere, host=host).parser.name == "generic"
    assert parse_document(on_site, plugin="generic", host=host).text == "generic body"
    with pytest.raises(NoParserError, match="not loaded"):
        parse_document(on_site, plugin="nope", host=host)


def test_tracing_writes_hook_calls() -> None:
    out = io.StringIO()
    host = PluginHost(
        [("site", SitePlugin())], settings=Settings(autoload=False, trace=True), trace_to=out
    )
    parse_document(Document(text="x", url="https://site.example/a"), host=host)
    trace = out.getvalue()
    assert "newsclaims_detect [site] -> 1.0" in trace
    assert "newsclaims_parse [site]" in trace


class BadScore:
    @hookimpl
    def newsclaims_detect(self, document: Document) -> Any:
        return "very"


def test_bad_detect_answer_is_recorded_not_fatal() -> None:
    host = host_with(("bad", BadScore()), strict=False)
    assert [d.plugin for d in host.detect(doc("x"))] == ["builtin"]
    assert host.errors[0].plugin == "bad" and "not a number" in str(host.errors[0])
    errors: list[PluginError] = []
    host.detect(doc("x"), errors)
    assert errors and errors[0].plugin == "bad"


class Knows:
    @hookimpl
    def newsclaims_person_key(self, name: str) -> str | None:
        return "same-person" if name.lower().startswith("kim") else None

    @hookimpl
    def newsclaims_entities(self) -> list[Any]:
        raise RuntimeError("lexicon file missing")


def test_knowledge_gathers_every_plugin_and_survives_a_broken_one() -> None:
    host = host_with(("knows", Knows()), strict=False)
    k = host.knowledge
    assert k.person_key("Kim Some-one") == "same-person"
    assert k.person_key("Jane  Doe") == "jane doe"
    assert any(e.short == "UN" for e in k.entities)  # the built-in lexicon still arrived
    assert any(e.plugin == "knows" and "lexicon file missing" in str(e) for e in host.errors)
