"""Inputs that hold nothing to parse, or no text, or too much: an error, never a report.

Issue 9 ("a binary file ... an empty file ...") and issue 10 item 10 (a gzip bomb). The
decision for an empty input: an :class:`~newsclaims.EmptyInputError` (an error record in a
batch), not a report with a warning, since a report of nothing says nothing true
(docs/inputs.md).
"""

from __future__ import annotations

import gzip
import io
import json
import pickle
import sys
import zlib
from pathlib import Path
from typing import Any

import jsonschema
import pytest

import newsclaims
from newsclaims.cli import main
from newsclaims.inputs import DEFAULT_MAX_INPUT_BYTES, read_bytes, read_path
from newsclaims.models import Failure

ARTICLE = "Two people died in a fire on Monday, the police said.\n"

# the bytes of formats that are not text, built here (a file signature and what follows)
BINARIES = {
    "elf": b"\x7fELF\x02\x01\x01\x00" + bytes(56) + b"\x03\x00>\x00" * 40,
    "pdf": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n",
    "png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10",
    "zip": b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + b"article.txt" + zlib.compress(b"x" * 99),
    "gzip in gzip": gzip.compress(gzip.compress(ARTICLE.encode())),
    "nul bytes": b"Two people\x00\x00 died\x00 in a fire" * 10,
    "control bytes": bytes(range(1, 9)) * 20 + ARTICLE.encode(),
}


@pytest.fixture(autouse=True)
def _no_entry_points(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSCLAIMS_DISABLE_AUTOLOAD", "1")


def consumer(capsys: pytest.CaptureFixture[str]) -> jsonschema.Draft202012Validator:
    """What a consumer builds from ``newsclaims schema``."""
    assert main(["schema"]) == 0
    return jsonschema.Draft202012Validator(json.loads(capsys.readouterr().out))


@pytest.mark.parametrize("kind", sorted(BINARIES))
def test_binary_bytes_are_an_error_not_a_report(kind: str, tmp_path: Path) -> None:
    data = BINARIES[kind]
    with pytest.raises(newsclaims.BinaryInputError, match="not text or HTML"):
        newsclaims.parse_bytes(data)
    path = tmp_path / "input.bin"
    path.write_bytes(data)
    with pytest.raises(newsclaims.BinaryInputError, match=r"input\.bin"):
        newsclaims.parse(path)
    [failure] = newsclaims.parse_many([path])
    assert isinstance(failure, Failure) and failure.error == "BinaryInputError"


def test_a_real_executable_is_an_error() -> None:
    exe = Path(sys.executable).resolve()
    with pytest.raises(newsclaims.BinaryInputError, match=r"ELF|Mach-O|executable|NUL"):
        newsclaims.parse(exe)


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_text_is_text_not_binary(codec: str) -> None:
    for text in (ARTICLE * 5, "서울에서 화재로 두 명이 숨졌다고 경찰이 밝혔다.\n" * 5):
        report = newsclaims.parse_bytes(text.encode(codec))
        assert report.text.strip().startswith(text.strip()[:10])


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n  ", b"\xef\xbb\xbf \n", gzip.compress(b"")])
def test_an_empty_input_is_an_error_not_an_empty_report(data: bytes, tmp_path: Path) -> None:
    with pytest.raises(newsclaims.EmptyInputError, match=r"empty|white space"):
        newsclaims.parse_bytes(data)
    path = tmp_path / "empty.txt"
    path.write_bytes(data)
    with pytest.raises(newsclaims.EmptyInputError):
        newsclaims.parse(path)
    [failure] = newsclaims.parse_many([path])
    assert isinstance(failure, Failure) and failure.error == "EmptyInputError"
    if not data.startswith(b"\x1f\x8b"):
        with pytest.raises(newsclaims.EmptyInputError):
            newsclaims.parse_text(data.decode("utf-8-sig"))


def test_parse_many_goes_on_past_them(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, "utf-8")
    results = list(newsclaims.parse_many([b"", BINARIES["elf"], good, b"  "]))
    assert [type(r).__name__ for r in results] == ["Failure", "Failure", "Report", "Failure"]
    assert [getattr(r, "error", None) for r in results] == [
        "EmptyInputError",
        "BinaryInputError",
        None,
        "EmptyInputError",
    ]


@pytest.mark.parametrize(
    ("name", "data", "error"),
    [
        ("ls", BINARIES["elf"], "BinaryInputError"),
        ("empty.txt", b"", "EmptyInputError"),
        ("blank.txt", b"\n \n", "EmptyInputError"),
    ],
)
def test_extract_writes_a_valid_error_record_and_exits_1(
    name: str, data: bytes, error: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    validator = consumer(capsys)
    path = tmp_path / name
    path.write_bytes(data)
    code = main(["extract", str(path)])
    captured = capsys.readouterr()
    assert code == 1
    [line] = captured.out.splitlines()
    record: dict[str, Any] = json.loads(line)
    validator.validate(record)
    assert record["error"] == error and record["input"] == str(path)
    assert "Traceback" not in captured.err


# -- a gzip bomb (issue 10 item 10) ----------------------------------------------------------


def bomb(size: int) -> bytes:
    """``size`` zero bytes, gzipped (about a thousandth of that)."""
    out = io.BytesIO()
    with gzip.GzipFile(fileobj=out, mode="wb") as stream:
        chunk = b"\x00" * 65536
        for _ in range(size // len(chunk)):
            stream.write(chunk)
    return out.getvalue()


def text_bomb(size: int) -> bytes:
    """``size`` bytes of text, gzipped: past the cap it is too large, not binary."""
    line = ARTICLE.encode()
    return gzip.compress(line * (size // len(line) + 1))


def test_the_default_cap_is_documented_and_sensible() -> None:
    assert DEFAULT_MAX_INPUT_BYTES == 64 * 1024 * 1024
    assert "max_input_bytes" in (newsclaims.parse_bytes.__doc__ or "")


def test_a_gzip_bomb_stops_at_the_cap(tmp_path: Path) -> None:
    cap = 1 << 20
    data = text_bomb(8 * cap)
    assert len(data) < cap // 8  # small in, large out
    with pytest.raises(newsclaims.InputTooLargeError, match=f"more than {cap} bytes"):
        read_bytes(data, max_input_bytes=cap)
    path = tmp_path / "bomb.txt.gz"
    path.write_bytes(data)
    with pytest.raises(newsclaims.InputTooLargeError, match=r"bomb\.txt\.gz"):
        newsclaims.parse(path, max_input_bytes=cap)
    [failure] = newsclaims.parse_many([path], max_input_bytes=cap)
    assert isinstance(failure, Failure) and failure.error == "InputTooLargeError"
    # under the cap, or with no cap, it is read
    small = text_bomb(cap // 4)
    assert read_bytes(small, max_input_bytes=cap).text.startswith("Two people died")
    assert len(read_path(path, max_input_bytes=None).text) > 8 * cap - 100


def test_the_bomb_is_decompressed_as_a_stream_never_past_the_cap(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """No more than the cap (and one chunk) is ever decompressed, whatever the bomb holds."""
    read: list[int] = []
    real_read = gzip.GzipFile.read

    def counting_read(self: gzip.GzipFile, size: int = -1) -> bytes:
        assert size is not None and size > 0, "a read of everything"
        data = real_read(self, size)
        read.append(len(data))
        return data

    monkeypatch.setattr(gzip.GzipFile, "read", counting_read)
    cap = 256 * 1024
    with pytest.raises(newsclaims.InputTooLargeError):
        read_bytes(bomb(64 * cap), max_input_bytes=cap)
    assert sum(read) == cap + 1


def test_a_plain_file_over_the_cap_is_too_large(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(ARTICLE.encode() * 2000)
    with pytest.raises(newsclaims.InputTooLargeError, match="holds more than 1000 bytes"):
        newsclaims.parse(path, max_input_bytes=1000)
    with pytest.raises(newsclaims.InputTooLargeError):
        newsclaims.parse_bytes(path.read_bytes(), max_input_bytes=1000)


def test_extract_max_input_bytes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    validator = consumer(capsys)
    path = tmp_path / "bomb.txt.gz"
    path.write_bytes(text_bomb(4 << 20))
    code = main(["extract", "--max-input-bytes", str(1 << 20), str(path)])
    captured = capsys.readouterr()
    assert code == 1 and "Traceback" not in captured.err
    [line] = captured.out.splitlines()
    record = json.loads(line)
    validator.validate(record)
    assert record["error"] == "InputTooLargeError" and "1048576" in record["message"]
    # several inputs go through the worker pool: the limit reaches the workers
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, "utf-8")
    code = main(["extract", "--max-input-bytes", str(1 << 20), str(path), str(good)])
    lines = capsys.readouterr().out.splitlines()
    assert code == 1 and len(lines) == 2
    errors = sorted(json.loads(line).get("error", "") for line in lines)
    assert errors == ["", "InputTooLargeError"]
    assert "--max-input-bytes" in _help(capsys)


def _help(capsys: pytest.CaptureFixture[str]) -> str:
    with pytest.raises(SystemExit):
        main(["extract", "--help"])
    return capsys.readouterr().out


def test_the_errors_pickle_whole() -> None:
    for exc in (
        newsclaims.InputTooLargeError("a.gz: decompressed to more than 10 bytes"),
        newsclaims.BinaryInputError("a: not text"),
        newsclaims.EmptyInputError("a: empty"),
    ):
        back = pickle.loads(pickle.dumps(exc))
        assert type(back) is type(exc) and str(back) == str(exc)
        assert isinstance(back, newsclaims.InputError)
        assert isinstance(back, newsclaims.NewsclaimsError)
