"""Install a plugin the way its author would, in fresh venvs (``tox -e template``).

* the template: ``newsclaims new-plugin`` renders a distribution that installs, passes its
  tests, shows in ``newsclaims plugins`` and ``newsclaims outlets``, and parses a page of
  its domain in ``newsclaims extract`` without ``--url``;
* the tutorial (docs/tutorial.md) followed word for word: its ``console`` blocks run in
  order in one shell, its blocks with a file name as caption are written to that file.

Both install from a wheelhouse of this checkout and its dependencies built once, so
``pip install newsclaims`` means this newsclaims. They are slow (a venv each) and run only
with ``NEWSCLAIMS_INSTALL_TESTS=1``.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TUTORIAL = ROOT / "docs" / "tutorial.md"

pytestmark = pytest.mark.skipif(
    os.environ.get("NEWSCLAIMS_INSTALL_TESTS") != "1",
    reason="installs into fresh venvs: run with NEWSCLAIMS_INSTALL_TESTS=1 (tox -e template)",
)


def _run(cmd: list[str] | str, cwd: Path, env: dict[str, str], **kw: object) -> str:
    done = subprocess.run(
        cmd,
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
        shell=isinstance(cmd, str),
        executable="/bin/bash" if isinstance(cmd, str) else None,
    )
    assert done.returncode == 0, f"{cmd}\n{done.stdout}\n{done.stderr}"
    return done.stdout


@pytest.fixture(scope="module")
def wheelhouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Wheels of this checkout, its dependencies and pytest."""
    house = tmp_path_factory.mktemp("wheels")
    _run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "-q",
            "-w",
            str(house),
            str(ROOT),
            "pytest>=8",
            "setuptools>=68",
            "wheel",
        ],
        ROOT,
        dict(os.environ),
    )
    return house


def _env(house: Path, venv: Path | None = None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEWSCLAIMS_", "VIRTUAL"))}
    env.update(PIP_NO_INDEX="1", PIP_FIND_LINKS=str(house), PIP_DISABLE_PIP_VERSION_CHECK="1")
    env.pop("PYTHONPATH", None)
    if venv is not None:
        env["PATH"] = f"{venv / 'bin'}{os.pathsep}{env.get('PATH', '')}"
    return env


def test_template_installs_and_is_used(wheelhouse: Path, tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    _run([sys.executable, "-m", "venv", str(venv)], tmp_path, _env(wheelhouse))
    env = _env(wheelhouse, venv)
    _run("pip install -q newsclaims pytest", tmp_path, env)
    _run("newsclaims new-plugin examplenews --domain news.example.com", tmp_path, env)
    plugin = tmp_path / "newsclaims-examplenews"
    _run("pip install -q .", plugin, env)  # a real install, not an editable one
    assert "4 passed" in _run("python -m pytest -q -p no:cacheprovider", plugin, env)
    inventory = json.loads(_run("newsclaims plugins", tmp_path, env))
    row = next(r for r in inventory if r["name"] == "examplenews")
    assert (row["status"], row["distribution"]) == ("loaded", "newsclaims-examplenews")
    assert "newsclaims_detect" in row["hooks"]
    outlets = json.loads(_run("newsclaims outlets --json", tmp_path, env))
    mine = next(r for r in outlets if r["plugin"] == "examplenews")
    assert (mine["domains"], mine["parser"]) == (["news.example.com"], "examplenews")
    page = plugin / "tests" / "golden" / "sample_article.html"
    report = json.loads(_run(f"newsclaims extract {page}", tmp_path, env))
    assert report["parser"]["name"] == "examplenews"
    assert report["source"]["outlet"] == "Example"
    assert report["claims"][0]["measure"] == "killed"


_FENCE = re.compile(r"^```(?P<info>[^\n]*)\n(?P<body>.*?)^```\s*$", re.M | re.S)
_CAPTION = re.compile(r"^:caption:\s*(?P<path>\S+)\s*$", re.M)


def tutorial_script(text: str) -> str:
    """The tutorial as one bash script: commands of ``console`` blocks, files of captions."""
    lines = ["set -euo pipefail"]
    for m in _FENCE.finditer(text):
        info, body = m.group("info").strip(), m.group("body")
        if info == "console":
            lines += [ln[2:] for ln in body.splitlines() if ln.startswith("$ ")]
        elif info.startswith("{code-block}"):
            options = [ln for ln in body.splitlines() if ln.startswith(":")]
            code = "\n".join(ln for ln in body.splitlines() if not ln.startswith(":")).strip()
            cap = _CAPTION.search("\n".join(options))
            if cap is None:
                continue
            path = cap.group("path")
            lines += [f"mkdir -p \"$(dirname '{path}')\"", f"cat >> '{path}' <<'TUTORIAL_EOF'"]
            lines += ["", code, "TUTORIAL_EOF"]
    return "\n".join(lines) + "\n"


def test_tutorial_script_reads_commands_and_files() -> None:
    script = tutorial_script(TUTORIAL.read_text("utf-8"))
    assert "pip install -q newsclaims" in script and "newsclaims new-plugin" in script
    assert "TUTORIAL_EOF" in script


def test_tutorial_word_for_word(wheelhouse: Path, tmp_path: Path) -> None:
    script = tutorial_script(TUTORIAL.read_text("utf-8"))
    (tmp_path / "tutorial.sh").write_text(script, "utf-8")
    env = _env(wheelhouse)
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env['PATH']}"  # a python 3.11+
    out = _run("bash tutorial.sh", tmp_path, env)
    assert "passed" in out and "failed" not in out
    last = json.loads(out[out.rindex("\n{") :])  # the tutorial ends with one report
    assert last["parser"]["name"] == "examplenews"
    assert last["claims"][0]["attribution"][0]["short"] == "RDMA"
