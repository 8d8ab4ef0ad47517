"""The one-way flow and its failure records: nothing is dropped silently."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import newsclaims
from newsclaims.cli import main
from newsclaims.models import Failure, Report
from newsclaims.serialize import validate
from newsclaims.testing import assert_valid_report, host_with


def write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


def test_parse_many_yields_every_input_in_order(tmp_path: Path) -> None:
    a = write(tmp_path, "a.txt", "First article.\nIt has two lines.")
    b = tmp_path / "missing.txt"
    c = write(tmp_path, "c.html", "<html><body><p>Third article.</p></body></html>")
    out = list(newsclaims.parse_many([a, b, c], host=host_with()))
    assert [type(r).__name__ for r in out] == ["Report", "Failure", "Report"]
    fail = out[1]
    assert isinstance(fail, Failure)
    assert fail.input == str(b) and fail.error == "InputError"
    assert isinstance(out[2], Report) and out[2].text == "Third article."
    for r in out:
        if isinstance(r, Report):
            assert_valid_report(r)


def test_parse_accepts_text_bytes_and_paths(tmp_path: Path) -> None:
    host = host_with()
    path = write(tmp_path, "a.txt", "Some text.")
    assert newsclaims.parse(path, host=host).text == "Some text."
    assert newsclaims.parse(str(path), host=host).input == str(path)
    assert newsclaims.parse(b"Some bytes.", host=host).text == "Some bytes."
    report = newsclaims.parse_text(
        "Plain text.", url="https://www.apnews.com/x", published="2024-03-05", host=host
    )
    assert report.published == "2024-03-05"
    assert report.source.domain == "apnews.com"
    assert report.source.outlet == "Associated Press"  # from the built-in outlet lexicon
    other = newsclaims.parse_text("Other.", url="https://www.apnews.com/x", host=host)
    assert report.source == other.source


def test_cli_batch_with_a_bad_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWSCLAIMS_DISABLE_AUTOLOAD", "1")
    good1 = write(tmp_path, "1.txt", "One.")
    bad = write(tmp_path, "2.txt.gz", b"\x1f\x8bnot gzip at all")
    good2 = write(tmp_path, "3.txt", "Three.")
    status = main(["extract", str(good1), str(bad), str(good2)])
    captured = capsys.readouterr()
    lines = [json.loads(line) for line in captured.out.splitlines()]
    assert status != 0
    assert [line.get("input") for line in lines] == [str(good1), str(bad), str(good2)]
    assert "id" not in lines[1] and lines[1]["error"] == "InputError"
    assert "gzip" in lines[1]["message"]
    for line in (lines[0], lines[2]):
        validate(line)
    assert str(bad) in captured.err


def test_cli_single_input_prints_one_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWSCLAIMS_DISABLE_AUTOLOAD", "1")
    path = write(tmp_path, "a.txt", "Hello.")
    assert main(["extract", str(path), "--published", "2024-03-05"]) == 0
    data = json.loads(capsys.readouterr().out)
    validate(data)
    assert data["published"] == "2024-03-05"


def test_cli_schema_and_plugins(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWSCLAIMS_DISABLE_AUTOLOAD", "1")
    assert main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out)["title"] == "newsclaims record"
    assert main(["plugins"]) == 0
    inventory = json.loads(capsys.readouterr().out)
    assert inventory[0]["name"] == "builtin" and inventory[0]["status"] == "loaded"


# -- issue 9, Inputs: a path and a text cannot be confused ------------------------------------


def test_parse_of_a_missing_path_is_an_error_not_a_report_of_its_name() -> None:
    with pytest.raises(newsclaims.InputError, match=r"article\.html: No such file.*parse_text"):
        newsclaims.parse("article.html", host=host_with())


@pytest.mark.parametrize(
    "text",
    [
        "b" * 300 + "/c",  # one component longer than the OS allows
        "<p>" + "/".join(["x" * 300] * 20) + "</p>",  # a whole line of long runs
        "a\x00b",  # an embedded NUL
        "Police said 3 people were killed.\nSecond line.",
    ],
    ids=["long-component", "long-html-line", "nul", "text-with-newline"],
)
def test_parse_of_text_is_a_typed_error_never_a_crash(text: str) -> None:
    with pytest.raises(newsclaims.InputError):
        newsclaims.parse(text, host=host_with())


def test_parse_many_of_a_missing_path_is_a_failure(tmp_path: Path) -> None:
    out = list(newsclaims.parse_many(["missing.txt", "b" * 300], host=host_with()))
    assert [type(r).__name__ for r in out] == ["Failure", "Failure"]
    assert out[0].input == "missing.txt" and out[0].error == "InputError"


def test_text_html_and_bytes_have_their_own_functions() -> None:
    host = host_with()
    # text that names nothing, and text that happens to look like a path
    assert newsclaims.parse_text("article.html", host=host).text == "article.html"
    html = "<html><body><p>Two people were hurt.</p></body></html>"
    report = newsclaims.parse_html(html, host=host)
    assert report.text == "Two people were hurt."
    assert newsclaims.parse_html(html.encode(), host=host).text == report.text
    assert newsclaims.parse_bytes(html.encode(), host=host).text == report.text
    assert newsclaims.parse(html.encode(), host=host).text == report.text
    assert newsclaims.parse_text(html, host=host).text.startswith("<html>")  # taken as text
    with pytest.raises(TypeError, match="parse_document"):
        newsclaims.parse(newsclaims.Document("x"), host=host)  # type: ignore[arg-type]
