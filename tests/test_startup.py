"""Start-up (issue 14): what ``newsclaims extract`` of one English text does not load.

Behaviour, not timing: each check runs a fresh interpreter and reads ``sys.modules``.
The time itself is measured by ``benchmarks/startup.py``, as a ratio.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

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
