"""Issue 9's acceptance: ``newsclaims extract`` on a folder of everything that goes wrong.

Good pages beside a binary file, an empty file, a truncated WARC (built with warcio here and
cut as ``head -c`` would), a missing path and a page whose JSON-LD gives the placeholder date
``0001-01-01``: exit 1, one line per input (per record of the WARC), every line valid
against ``newsclaims schema``, no traceback.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest

warcio = pytest.importorskip("warcio")

ARTICLE = (
    "Officials said at least 12 people were killed and 30 were injured when a fire swept "
    "through a market on Tuesday, the police said."
)


def cli(*argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "newsclaims.cli", *argv],
        capture_output=True,
        text=True,
        timeout=600,
        env={k: v for k, v in os.environ.items() if not k.startswith("NEWSCLAIMS_")},
    )


def warc(path: Path) -> list[int]:
    """Two HTML responses of about 20 KB each; returns where each record starts."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    starts = []
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for i in range(2):
            paragraphs = "".join(f"<p>{ARTICLE} Update {k}.</p>" for k in range(150))
            body = f"<html><body>{paragraphs}</body></html>".encode()
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            starts.append(fh.tell())
            writer.write_record(
                writer.create_warc_record(
                    f"https://news.example.org/{i}",
                    "response",
                    payload=io.BytesIO(body),
                    http_headers=headers,
                )
            )
    return starts


def binary_file() -> bytes:
    ls = Path("/bin/ls")
    return (ls if ls.is_file() else Path(sys.executable).resolve()).read_bytes()


def test_extract_a_folder_of_broken_inputs(tmp_path: Path) -> None:
    folder = tmp_path / "crawl"
    folder.mkdir()
    (folder / "good.txt").write_text(ARTICLE + "\n", "utf-8")
    (folder / "good.html").write_text(
        f"<html><head><title>Fire</title></head><body><p>{ARTICLE}</p></body></html>", "utf-8"
    )
    (folder / "ls").write_bytes(binary_file())
    (folder / "empty.txt").write_bytes(b"")
    placeholder = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": "Fire in a market",
        "datePublished": "0001-01-01T00:00:00Z",
        "dateModified": "0001-01-01",
    }
    (folder / "placeholder.html").write_text(
        '<html><head><script type="application/ld+json">'
        f"{json.dumps(placeholder)}</script></head><body><p>{ARTICLE}</p></body></html>",
        "utf-8",
    )
    whole = tmp_path / "whole.warc.gz"
    starts = warc(whole)
    size = whole.stat().st_size
    cut = folder / "cut.warc.gz"
    cut.write_bytes(whole.read_bytes()[: size - (size - starts[1]) // 3])  # head -c
    missing = tmp_path / "no-such-page.html"

    schema = cli("schema")
    assert schema.returncode == 0
    validator = jsonschema.Draft202012Validator(json.loads(schema.stdout))

    run = cli("extract", "-q", str(folder), str(missing))
    assert run.returncode == 1, run.stderr
    assert "Traceback" not in run.stderr
    records: list[dict[str, Any]] = [json.loads(line) for line in run.stdout.splitlines()]
    for record in records:
        validator.validate(record)
    by_input = {r["input"]: r for r in records}
    expected = {
        str(folder / "good.txt"),
        str(folder / "good.html"),
        str(folder / "ls"),
        str(folder / "empty.txt"),
        str(folder / "placeholder.html"),
        f"{cut}#{starts[0]}",
        f"{cut}#{starts[1]}",
        str(missing),
    }
    assert len(records) == len(expected) and set(by_input) == expected, sorted(by_input)

    def error(name: str) -> str | None:
        return by_input[name].get("error")

    assert error(str(folder / "good.txt")) is None and by_input[str(folder / "good.txt")]["claims"]
    assert error(str(folder / "good.html")) is None
    assert error(str(folder / "ls")) == "BinaryInputError"
    assert error(str(folder / "empty.txt")) == "EmptyInputError"
    assert error(f"{cut}#{starts[0]}") is None
    assert error(f"{cut}#{starts[1]}") is not None
    assert "truncated WARC record" in by_input[f"{cut}#{starts[1]}"]["message"]
    assert error(str(missing)) == "InputError"
    # the placeholder date is refused, and the report is whole (no OverflowError)
    page = by_input[str(folder / "placeholder.html")]
    assert error(str(folder / "placeholder.html")) is None
    assert page["published"] is None and page["claims"]


def test_a_placeholder_date_in_json_ld_is_refused_with_a_warning() -> None:
    import newsclaims
    from newsclaims.host import PluginHost, Settings

    # the installed plugins (tests/conftest.py turns autoload off for in-process tests)
    host = PluginHost(settings=Settings(autoload=True))
    assert "html" in host.loaded(), host.loaded()
    data = {"@type": "NewsArticle", "headline": "Fire", "datePublished": "0001-01-01"}
    page = (
        f'<html><head><script type="application/ld+json">{json.dumps(data)}</script></head>'
        f"<body><p>{ARTICLE}</p></body></html>"
    )
    report = newsclaims.parse_html(page, host=host)
    assert report.published is None and report.claims
    assert any("0001" in w for w in report.warnings), report.warnings
