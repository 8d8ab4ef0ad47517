"""``newsclaims new-plugin``: the template renders a complete distribution whose tests pass.

The install into a fresh venv (entry point, ``newsclaims plugins``, ``extract`` without
``--url``) is in test_template_install.py, run by ``tox -e template``.
"""

from __future__ import annotations

import configparser
import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from newsclaims.cli import main
from newsclaims.commands.new_plugin import TemplateError, render_plugin


def test_renders_a_complete_distribution(tmp_path: Path) -> None:
    root = render_plugin("examplenews", "https://www.News.Example.com/", tmp_path)
    assert root == tmp_path / "newsclaims-examplenews"
    files = {str(p.relative_to(root)) for p in root.rglob("*") if p.is_file()}
    assert files == {
        "README.md",
        "pyproject.toml",
        "tox.ini",
        "src/newsclaims_examplenews/__init__.py",
        "src/newsclaims_examplenews/py.typed",
        "tests/test_plugin.py",
        "tests/golden/sample_article.html",
        "tests/golden/sample_article.expected.json",
    }
    project = tomllib.loads((root / "pyproject.toml").read_text("utf-8"))["project"]
    assert project["name"] == "newsclaims-examplenews"
    assert project["entry-points"]["newsclaims"] == {"examplenews": "newsclaims_examplenews"}
    assert any(d.startswith("newsclaims") for d in project["dependencies"])
    tox = configparser.ConfigParser()
    tox.read(root / "tox.ini")
    assert "pytest" in tox["testenv"]["commands"]
    for path in root.rglob("*"):
        if path.is_file():
            assert "__" + "MODULE__" not in path.read_text("utf-8"), path
    page = (root / "tests/golden/sample_article.html").read_text("utf-8")
    assert 'href="https://news.example.com/' in page


def test_rendered_plugin_passes_its_own_tests(tmp_path: Path) -> None:
    root = render_plugin("my_outlet", "my-outlet.co.uk", tmp_path, outlet="The Outlet")
    env = {**os.environ, "PYTHONPATH": str(root / "src"), "NEWSCLAIMS_DISABLE_AUTOLOAD": "1"}
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "4 passed" in done.stdout


@pytest.mark.parametrize(
    ("name", "domain"),
    [("My", "example.com"), ("my-outlet", "example.com"), ("ok", "not a domain"), ("ok", "x")],
)
def test_bad_names_and_domains_are_refused(tmp_path: Path, name: str, domain: str) -> None:
    with pytest.raises(TemplateError):
        render_plugin(name, domain, tmp_path)


def test_cli_writes_it_and_refuses_to_overwrite(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["new-plugin", "examplenews", "--domain", "example.com", "-C", str(tmp_path)]
    assert main(args) == 0
    assert "pyproject.toml" in capsys.readouterr().out
    assert main(args) == 2
    assert "exists already" in capsys.readouterr().err
