"""newsclaims.entrypoints finds what importlib.metadata finds, without importing it."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from newsclaims import entrypoints
from newsclaims.entrypoints import EntryPoint, entry_points


@pytest.mark.parametrize("group", ["newsclaims", "console_scripts", "pytest11", "no.such.group"])
def test_same_entry_points_as_importlib_metadata(group: str) -> None:
    assert entry_points(group) == entrypoints._from_importlib(group)


def _dist(root: Path, folder: str, meta: str, name: str, text: str) -> None:
    info = root / folder
    info.mkdir()
    (info / meta).write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 2.0rc1\n\nBody: x\n")
    (info / "entry_points.txt").write_text(text)


def test_dist_info_and_egg_info_and_the_first_of_a_name_wins(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    first.mkdir()
    second.mkdir()
    ep_text = "[other]\nx = nope\n\n[newsclaims]\n# a comment\nalpha = pkg_a.mod:obj.attr\n"
    _dist(first, "Pkg_A-2.0rc1.dist-info", "METADATA", "Pkg-A", ep_text)
    _dist(second, "pkg.a-1.0.dist-info", "METADATA", "pkg.a", "[newsclaims]\nshadowed = x\n")
    _dist(second, "legacy-0.1.egg-info", "PKG-INFO", "legacy", "[newsclaims]\nbeta=legacy_mod\n")
    monkeypatch.syspath_prepend(str(second))
    monkeypatch.syspath_prepend(str(first))
    mine = [ep for ep in entry_points("newsclaims") if ep.name in ("alpha", "beta", "shadowed")]
    assert mine == [
        EntryPoint("alpha", "pkg_a.mod:obj.attr", "Pkg-A", "2.0rc1"),
        EntryPoint("beta", "legacy_mod", "legacy", "2.0rc1"),
    ]
    assert entry_points("newsclaims") == entrypoints._from_importlib("newsclaims")


def test_a_zip_on_the_path_is_left_to_importlib(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    archive = tmp_path / "plugins.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("zipped-1.0.dist-info/METADATA", "Name: zipped\nVersion: 1.0\n")
        z.writestr("zipped-1.0.dist-info/entry_points.txt", "[newsclaims]\nzipped = zmod\n")
    monkeypatch.syspath_prepend(str(archive))
    found = entry_points("newsclaims")
    assert EntryPoint("zipped", "zmod", "zipped", "1.0") in found


def test_load_imports_the_module_and_its_attribute() -> None:
    assert EntryPoint("x", "os.path:join").load() is __import__("os").path.join
    assert EntryPoint("x", "json").load() is __import__("json")
    with pytest.raises(ValueError, match="malformed"):
        EntryPoint("x", "not a value!").load()


def test_the_cli_start_up_does_not_import_importlib_metadata(tmp_path: Path) -> None:
    one = tmp_path / "one.txt"
    one.write_text("Police said 12 people were killed.\n")
    code = (
        "import sys; from newsclaims.cli import main; rc = main(['extract', sys.argv[1]]); "
        "print('importlib.metadata' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(one)], capture_output=True, text=True, check=True
    )
    assert out.stdout.strip().splitlines()[-1] == "False"
