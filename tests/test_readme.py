"""Every Python code block of README.md runs (issue 9: the README's own example crashed)."""

from __future__ import annotations

import contextlib
import doctest
import importlib
import io
import re
from pathlib import Path

import pytest

from newsclaims import pipeline

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
PAGE = "<html><body><p>Police said 3 people were killed.</p></body></html>"
_BLOCK = re.compile(r"^```python\n(.*?)^```", re.S | re.M)


def blocks() -> list[str]:
    return _BLOCK.findall(README.read_text("utf-8"))


def test_the_readme_has_python_examples() -> None:
    assert blocks(), "no ```python block found in README.md"


@pytest.mark.parametrize("index", range(len(blocks())))
def test_readme_python_block_runs(
    index: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Run the block in a folder holding the files it names (``article.html``)."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(pipeline, "_default_host", None)  # built for this test, then dropped
    (tmp_path / "article.html").write_text(PAGE, "utf-8")
    code = blocks()[index]
    if "\n>>> " in "\n" + code:
        parser = doctest.DocTestParser()
        test = parser.get_doctest(code, {}, f"README block {index}", str(README), 0)
        runner = doctest.DocTestRunner()
        runner.run(test)
        assert runner.summarize(verbose=False).failed == 0
        return
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(code, f"README.md block {index}", "exec"), {"__name__": "__readme__"})
    printed = out.getvalue()
    if "parse_many" in code:
        assert "Failure missing.txt" in printed


@pytest.mark.parametrize("name", ["newsclaims.errors", "newsclaims.markers"])
def test_docstring_examples_of_new_modules_run(name: str) -> None:
    assert doctest.testmod(importlib.import_module(name)).failed == 0
