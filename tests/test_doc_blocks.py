"""Every Python code block of docs/ runs (issue 9: every code block in README.md and docs/).

Blocks with ``>>>`` prompts are doctests, run by ``tests/test_docs.py`` and the Sphinx
doctest build. The others are programs or fragments of one: each runs here in a folder with
an article, its JSONL report and the names a fragment takes from the page around it (the
tutorial's ``OUTLET``, the imports a plugin module starts with). A block that defines hooks
is then registered in a plugin host and used on a document.
"""

from __future__ import annotations

import contextlib
import io
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from newsclaims import hookimpl, knowledge, pipeline
from newsclaims.host import PluginHost, Settings
from newsclaims.models import Article, Document, Source

DOCS = Path(__file__).resolve().parents[1] / "docs"
_BLOCK = re.compile(r"^```python\n(.*?)^```", re.S | re.M)
ARTICLE = "Police said on Monday that at least 12 people were killed in the fire.\n"


def program_blocks() -> list[tuple[str, int, str]]:
    found = []
    for page in sorted(DOCS.glob("*.md")):
        for index, code in enumerate(_BLOCK.findall(page.read_text("utf-8"))):
            if ">>>" not in code:
                found.append((page.name, index, code))
    return found


def test_docs_have_program_blocks() -> None:
    assert program_blocks(), "no ```python block without prompts in docs/ (this test is stale)"


@pytest.mark.parametrize(
    ("page", "index", "code"), program_blocks(), ids=lambda v: str(v)[:24].replace("\n", " ")
)
def test_doc_python_block_runs(
    page: str, index: int, code: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(pipeline, "_default_host", None)
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, "utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "newsclaims.cli", "extract", str(article), "-o", "reports.jsonl"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    namespace: dict[str, Any] = {
        "__name__": f"docs_{Path(page).stem}_{index}",
        # what a fragment takes from the page around it
        "hookimpl": hookimpl,
        "Document": Document,
        "Article": Article,
        "Source": Source,
        "knowledge": knowledge,
        "OUTLET": knowledge.Outlet("My Outlet", ("myoutlet.example",)),
        "paths": [str(article)],
    }
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(code, f"docs/{page} block {index}", "exec"), namespace)
    if "newsclaims_detect" in namespace:  # a plugin module: the host takes it and uses it
        plugin = type(sys)("doc_plugin")
        plugin.__dict__.update({k: v for k, v in namespace.items() if k.startswith("newsclaims_")})
        host = PluginHost([("doc-plugin", plugin)], settings=Settings(autoload=False))
        assert "doc-plugin" in host.loaded()
        page_doc = Document(
            text="<html><head><link rel='canonical' href='https://myoutlet.example/a'>"
            f"</head><body><p>{ARTICLE}</p></body></html>",
            url="https://myoutlet.example/a",
            content_type="text/html",
        )
        score = namespace["newsclaims_detect"](document=page_doc)
        assert score is not None and score > 0.5
    if "stories" in code:
        printed = out.getvalue()
        assert printed.strip(), "the stories example printed nothing"
        assert json.loads(Path("reports.jsonl").read_text("utf-8").splitlines()[0])["claims"]


_SHELL = re.compile(r"^```(?:bash|console|sh)\n(.*?)^```", re.S | re.M)


def command_lines() -> list[tuple[str, str]]:
    """Every ``newsclaims ...`` command of a shell block in README.md and docs/."""
    found = []
    for page in [DOCS.parent / "README.md", *sorted(DOCS.glob("*.md"))]:
        for block in _SHELL.findall(page.read_text("utf-8")):
            for line in block.splitlines():
                line = re.split(r"\s#", line.removeprefix("$ "))[0]
                for part in re.split(r"&&|\||>", line):
                    part = re.sub(r"^(?:\s*[A-Z_]+=\S*)*\s*", "", part).strip()
                    if part.startswith("newsclaims "):
                        found.append((page.name, part))
    return found


def test_docs_have_command_lines() -> None:
    assert len(command_lines()) > 10


@pytest.mark.parametrize(("page", "command"), command_lines(), ids=lambda v: str(v)[:60])
def test_doc_command_line_is_accepted_by_the_cli(page: str, command: str) -> None:
    """The shell examples' options exist (the commands themselves run in tests/integration)."""
    import shlex

    from newsclaims.cli import build_parser

    args = shlex.split(command)[1:]
    try:
        build_parser().parse_args(args)
    except SystemExit as exc:
        raise AssertionError(f"{page}: {command!r} is refused by the CLI") from exc
