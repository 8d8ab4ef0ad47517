"""Start-up (issue 14): what ``newsclaims extract`` of one English text does not load.

Behaviour, not timing: each check runs a fresh interpreter and reads ``sys.modules``.
The time itself is measured by ``benchmarks/startup.py``, as a ratio.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from newsclaims import language
from newsclaims.language import detect_language, plainly_english

ROOT = Path(__file__).resolve().parents[1]

# a whole start-up needs the plain-text plugin installed (tox -e integration runs these)
needs_text_plugin = pytest.mark.skipif(
    importlib.util.find_spec("newsclaims_text") is None,
    reason="the newsclaims-text plugin is not installed",
)

ENGLISH = (
    "Flooding closed the main road into the town on Tuesday, and officials said that "
    "more than 40 families had been moved to a school by the evening. The river rose "
    "after two days of rain, and the water reached the first floor of some of the houses "
    "near the bridge. A spokesman for the district said that the army was sending boats "
    "and that the road would stay closed until the water went down. Residents said they "
    "had little warning before the water came in."
)

OTHER = {
    "fr": (
        "Les inondations ont coupé la route principale de la ville mardi, et les autorités "
        "ont indiqué que plus de 40 familles avaient été conduites dans une école le soir. "
        "La rivière est montée après deux jours de pluie et l'eau a atteint le premier étage "
        "de certaines maisons près du pont."
    ),
    "de": (
        "Das Hochwasser hat am Dienstag die Hauptstraße in die Stadt gesperrt, und die "
        "Behörden sagten, dass mehr als 40 Familien bis zum Abend in eine Schule gebracht "
        "wurden. Der Fluss stieg nach zwei Tagen Regen, und das Wasser erreichte das erste "
        "Stockwerk einiger Häuser in der Nähe der Brücke."
    ),
    "es": (
        "Las inundaciones cortaron el martes la carretera principal de la ciudad, y las "
        "autoridades dijeron que más de 40 familias habían sido trasladadas a una escuela por "
        "la noche. El río creció después de dos días de lluvia y el agua llegó al primer piso "
        "de algunas casas cerca del puente."
    ),
    "nl": (
        "De overstromingen hebben dinsdag de hoofdweg naar de stad afgesloten, en de "
        "autoriteiten zeiden dat meer dan 40 gezinnen tegen de avond naar een school waren "
        "gebracht. De rivier steeg na twee dagen regen en het water bereikte de eerste "
        "verdieping van sommige huizen bij de brug. Wat was er aan de hand, vroeg men."
    ),
}


def test_plainly_english_prose() -> None:
    assert plainly_english(ENGLISH)


@pytest.mark.parametrize("code", sorted(OTHER))
def test_other_languages_are_not_plainly_english(code: str) -> None:
    assert not plainly_english(OTHER[code])


def test_short_or_foreign_script_is_left_to_the_model() -> None:
    assert not plainly_english("Three people were killed, police said.")  # too few words
    assert not plainly_english(ENGLISH.replace("e", "е"))  # Cyrillic letters


@pytest.mark.skipif(not language.available(), reason="the lang extra is absent")
def test_shortcut_agrees_with_the_model() -> None:
    assert language._identifier().classify(ENGLISH)[0] == "en"
    assert detect_language(ENGLISH) == "en"


def test_without_the_extra_even_plain_english_is_none(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "py3langid", None)
    monkeypatch.setitem(sys.modules, "py3langid.langid", None)
    language._identifier.cache_clear()
    try:
        assert detect_language(ENGLISH) is None
    finally:
        language._identifier.cache_clear()


def _loaded_after(code: str, *args: str) -> dict[str, bool]:
    """Run ``code`` in a fresh interpreter; which heavy modules it left in sys.modules."""
    probe = (
        f"{code}\nimport json, sys\n"
        "print(json.dumps({m: m in sys.modules for m in "
        "('numpy', 'py3langid', 'dateparser', 'importlib.metadata', 'jsonschema', "
        "'importlib.resources', 'tempfile')}))"
    )
    env = dict(os.environ)
    env.pop("NEWSCLAIMS_DISABLE_AUTOLOAD", None)  # the real start-up: plugins load
    out = subprocess.run(
        [sys.executable, "-c", probe, *args],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    ).stdout
    loaded: dict[str, bool] = json.loads(out.strip().splitlines()[-1])
    return loaded


def test_importing_the_cli_loads_no_heavy_dependency() -> None:
    loaded = _loaded_after("import newsclaims.cli")
    assert not any(loaded.values()), loaded


@needs_text_plugin
def test_extracting_an_english_text_loads_no_detector(tmp_path: Path) -> None:
    article = tmp_path / "flood.txt"
    article.write_text(f"Flood closes road\n\n{ENGLISH}\n", encoding="utf-8")
    code = (
        "import contextlib, io, sys\n"
        "from newsclaims.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()) as out:\n"
        "    status = main(['extract', '-q', sys.argv[1]])\n"
        "assert status == 0, status\n"
        'assert \'"language": "en"\' in out.getvalue()'
    )
    loaded = _loaded_after(code, str(article))
    # nor the schema file's reader (importlib.resources brings tempfile, shutil, random);
    # dateparser is the claims engine's to call or not, for the dates it reads
    loaded.pop("dateparser")
    assert not any(loaded.values()), loaded


@needs_text_plugin
def test_loading_the_plugins_leaves_the_text_cleaner_for_a_text_document() -> None:
    code = (
        "import sys\n"
        "from newsclaims.host import PluginHost\n"
        "host = PluginHost()\n"
        "assert 'text' in host.loaded(), host.loaded()\n"
        "assert 'newsclaims_text.cleaner' not in sys.modules\n"
        "from newsclaims_text import clean_text\n"
        "assert 'newsclaims_text.cleaner' in sys.modules"
    )
    _loaded_after(code)


# -- compiled patterns kept between processes (newsclaims._re) ---------------------------

PATTERNS = (
    (r"(?P<count>\d+(?:,\d{3})*)\s+(?P<noun>people|homes)\b", 0),
    (r"\bflood(?:s|ed|ing)?\b", int(re.IGNORECASE)),
    (r"(?i)river\s+rose", 0),
    (r"^\s*(\w+)\s*$", int(re.MULTILINE)),
    (
        r"""(?x) (\d+)  # digits
        \s* (km|mi)  # a unit""",
        0,
    ),
    (r"[À-ÿ]+", int(re.ASCII | re.IGNORECASE)),
)

_ROUND_TRIP = """
import json, re, sys
from newsclaims import _re
patterns = json.loads(sys.argv[1])
for pattern, flags in patterns:
    got = _re.compile(pattern, flags)
    want = re.compile(pattern, flags)
    assert got == want, pattern  # Pattern equality compares the compiled code
    assert (got.flags, got.groups, got.groupindex) == (want.flags, want.groups, want.groupindex)
    text = "Flooded: 1,200 people and 30 homes, 12 km away; the River rose. Été"
    assert [m.span() for m in got.finditer(text)] == [m.span() for m in want.finditer(text)]
got = _re.compile(rb"\\d+", 0)
assert got == re.compile(rb"\\d+") and got.findall(b"a 12 b 3") == [b"12", b"3"]
print(json.dumps(_re.stats))
"""


def _run(code: str, *args: str, **env: str) -> dict[str, Any]:
    full = {**os.environ, **env}
    out = subprocess.run(
        [sys.executable, "-c", code, *args],
        env=full,
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    ).stdout
    stats: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
    return stats


def _patterns_run(cache: str) -> dict[str, Any]:
    return _run(_ROUND_TRIP, json.dumps(PATTERNS), NEWSCLAIMS_PATTERN_CACHE=cache)


def test_a_second_process_builds_the_same_patterns_from_the_file(tmp_path: Path) -> None:
    first = _patterns_run(str(tmp_path))
    assert first["hits"] == 0 and first["stored"] >= len(PATTERNS) + 1
    assert len(list(tmp_path.glob("patterns.*"))) == 1
    second = _patterns_run(str(tmp_path))
    assert second["hits"] >= len(PATTERNS) + 1 and second["stored"] == 0


def test_a_damaged_file_is_ignored(tmp_path: Path) -> None:
    _patterns_run(str(tmp_path))
    (cache,) = tmp_path.glob("patterns.*")
    data = cache.read_bytes()
    cache.write_bytes(data[: len(data) // 2])  # cut short
    assert _patterns_run(str(tmp_path))["hits"] == 0
    cache.write_bytes(b"not a marshal file at all")
    assert _patterns_run(str(tmp_path))["hits"] == 0
    assert _patterns_run(str(tmp_path))["hits"] >= len(PATTERNS)  # written again


def test_wrong_code_in_the_file_is_refused(tmp_path: Path) -> None:
    _patterns_run(str(tmp_path))
    (cache,) = tmp_path.glob("patterns.*")
    code = (
        "import marshal, sys\n"
        "path = sys.argv[1]\n"
        "tag, entries = marshal.loads(open(path, 'rb').read())\n"
        "for key, (flags, code, groups, gi, ig) in entries.items():\n"
        "    entries[key] = (flags, code[: len(code) // 2], groups, gi, ig)\n"
        "open(path, 'wb').write(marshal.dumps((tag, entries)))\n"
        "print('{}')"
    )
    _run(code, str(cache))
    stats = _patterns_run(str(tmp_path))  # every pattern is still right (asserted there)
    assert stats["hits"] == 0 and stats["compiled"] >= len(PATTERNS)


def test_the_cache_can_be_turned_off(tmp_path: Path) -> None:
    stats = _patterns_run("0")
    assert stats["hits"] == 0 and stats["stored"] == 0


def test_nothing_is_written_beside_the_package_without_bytecode_writing() -> None:
    code = (
        "import json, sys\n"
        "from newsclaims import _re\n"
        "_re.compile(r'a pattern no module of newsclaims has (\\d+)')\n"
        "print(json.dumps(_re.stats))"
    )
    env = {k: v for k, v in os.environ.items() if k != "NEWSCLAIMS_PATTERN_CACHE"}
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    ).stdout
    assert json.loads(out)["stored"] == 0


def test_the_engine_patterns_are_the_same_in_every_process() -> None:
    """A pattern joined from a set in the set's order differs with the hash seed; its
    compiled form would never be found again (and the file would grow by it each run)."""
    code = (
        "import json\n"
        "import newsclaims.claims\n"
        "from newsclaims import _re\n"
        "print(json.dumps({'keys': sorted(f'{p!r}/{f}' for p, f in _re._used)}))"
    )
    keys = [
        _run(code, PYTHONHASHSEED=seed, NEWSCLAIMS_PATTERN_CACHE="0")["keys"]
        for seed in ("1", "2", "3")
    ]
    assert len(keys[0]) > 100
    assert keys[0] == keys[1] == keys[2]


def test_parts_unlike_re_compile_are_never_stored(tmp_path: Path) -> None:
    """On an interpreter whose internals differ, the check against re.compile keeps the
    file empty and every pattern still right."""
    code = (
        "import json, re\n"
        "from newsclaims import _re\n"
        "real = _re._entry_of\n"
        "_re._entry_of = lambda pattern, flags: real('x' + pattern, flags)\n"
        "_re._checked = 0\n"
        "before = dict(_re.stats)\n"
        "for word in ('alpha', 'beta', 'gamma'):\n"
        "    assert _re.compile(word + r'\\d+') == re.compile(word + r'\\d+')\n"
        "print(json.dumps({k: v - before[k] for k, v in _re.stats.items()}))"
    )
    stats = _run(code, NEWSCLAIMS_PATTERN_CACHE=str(tmp_path))
    assert stats["stored"] == 0 and stats["compiled"] == 3


def test_the_pattern_functions_are_res() -> None:
    from newsclaims import _re

    text = "Rain fell on 3 May and 14 June; the river rose 2.5 m."
    digits = r"\d+(?:\.\d+)?"
    assert _re.findall(digits, text) == re.findall(digits, text)
    assert _re.sub(digits, "N", text, count=2) == re.sub(digits, "N", text, count=2)
    assert _re.subn(r"\s+", " ", text) == re.subn(r"\s+", " ", text)
    assert _re.split(r"[;,]", text) == re.split(r"[;,]", text)
    assert _re.search("RIVER", text, re.I).span() == re.search("RIVER", text, re.I).span()  # type: ignore[union-attr]
    assert _re.match(r"rain", text) is None and _re.fullmatch(r"\w+", "May")
    assert [m.span() for m in _re.finditer(digits, text)] == [
        m.span() for m in re.finditer(digits, text)
    ]
    with pytest.raises(ValueError):
        _re.sub(re.compile("a"), "b", "abc", flags=re.I)
    with pytest.raises(re.error):
        _re.compile(r"(unclosed")


# -- attrs' generated methods kept between processes (newsclaims._attrscode) -------------

_ATTRS_CLASSES = """
import json, linecache, __future__
import attrs
from newsclaims import _attrscode

@attrs.frozen
class Gauge:
    river: str
    level: float = attrs.field(default=0.0, converter=float)
    tags: tuple[str, ...] = ()

@attrs.define
class Reading:
    gauge: Gauge
    count: int = attrs.field(default=0, validator=attrs.validators.ge(0))

g = Gauge("Aare", "2.5")
assert g == Gauge("Aare", 2.5) and hash(g) == hash(Gauge("Aare", 2.5)) and g.level == 2.5
assert repr(g) == "Gauge(river='Aare', level=2.5, tags=())"
r = Reading(g, 3)
try:
    r.count = -1
    raise SystemExit("the validator did not run")
except ValueError:
    pass
flags = __future__.annotations.compiler_flag
for cls in (Gauge, Reading):
    for name in ("__init__", "__eq__", "__hash__", "__repr__"):
        fn = getattr(cls, name, None)
        code = getattr(fn, "__code__", None)
        if code is None or code.co_filename not in linecache.cache:
            continue
        source = "".join(linecache.cache[code.co_filename][2])
        own = compile(source, code.co_filename, "exec", flags, dont_inherit=True)
        (same,) = [c for c in own.co_consts if getattr(c, "co_name", None) == code.co_name]
        assert same == code, (cls, name)
print(json.dumps(_attrscode.stats))
"""


def test_attrs_methods_from_the_file_are_compiles_own(tmp_path: Path) -> None:
    env = {"NEWSCLAIMS_PATTERN_CACHE": str(tmp_path)}
    first = _run(_ATTRS_CLASSES, PYTHONHASHSEED="11", **env)
    assert first["stored"] >= 2
    second = _run(_ATTRS_CLASSES, PYTHONHASHSEED="11", **env)
    assert second["hits"] >= 2 and second["stored"] == 0
    # another hash seed: the frozen class's hash constant differs, its code is still right
    _run(_ATTRS_CLASSES, PYTHONHASHSEED="12", **env)
    _run(_ATTRS_CLASSES, PYTHONHASHSEED="12", **env)


def test_attrs_methods_without_keeping(tmp_path: Path) -> None:
    stats = _run(_ATTRS_CLASSES, NEWSCLAIMS_PATTERN_CACHE="0")
    assert stats["hits"] == 0 and stats["stored"] == 0
