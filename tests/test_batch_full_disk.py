"""A full disk: the message names the output, and the output never ends with half a record
(issue 10 item 20).

Before, ``newsclaims extract ... -o out.jsonl`` on a full disk said ``[Errno 28] No space
left on device`` (no file named), exit 2, and left half a record as the last line. The disk
is filled here three ways: the kernel's file-size limit (``RLIMIT_FSIZE``: a write stops
part-way, exactly as on a disk that fills up), ``/dev/full``, and a write that fails with
``ENOSPC`` part-way (a fake ``os.write``).
"""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from newsclaims.cli import main

LIMIT = 20000  # bytes the output file may hold: a few records (8 KB each), the limit inside one


@pytest.fixture(autouse=True)
def _no_entry_points(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSCLAIMS_DISABLE_AUTOLOAD", "1")


def inputs(root: Path, n: int = 8) -> Path:
    folder = root / "in"
    folder.mkdir()
    for i in range(n):
        body = " ".join(
            f"Police said {i + k} people were hurt in fire number {k}." for k in range(8)
        )
        (folder / f"{i:02d}.txt").write_text(body + "\n", "utf-8")
    return folder


def lines_of(path: Path) -> list[dict[str, Any]]:
    data = path.read_bytes()
    assert data == b"" or data.endswith(b"\n"), "the last line is half a record"
    return [json.loads(line) for line in data.splitlines()]


# The file-size limit (Python ignores SIGXFSZ) is set in the child once the language model
# is loaded: py3langid decompresses it through a temporary file larger than LIMIT, and the
# forked workers inherit the loaded model. Only the output is to fill up.
LIMITED = f"""
import resource, sys
from newsclaims import language
language.available()
resource.setrlimit(resource.RLIMIT_FSIZE, ({LIMIT}, {LIMIT}))
from newsclaims.cli import main
sys.exit(main(["extract", "-q", *sys.argv[1:]]))
"""


def run_limited(*argv: str, stdout: Any = subprocess.PIPE) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "NEWSCLAIMS_DISABLE_AUTOLOAD": "1"}
    return subprocess.run(
        [sys.executable, "-c", LIMITED, *argv],
        stdout=stdout,
        stderr=subprocess.PIPE,
        env=env,
        timeout=180,
        check=False,
    )


def test_output_file_that_fills_up_ends_with_a_whole_record(tmp_path: Path) -> None:
    folder = inputs(tmp_path)
    out = tmp_path / "out.jsonl"
    done = run_limited(str(folder), "-o", str(out), "--jobs", "1")
    err = done.stderr.decode()
    # before: exit 2, "[Errno 27] File too large" naming no file, half a record at the end
    assert done.returncode == 74, err
    assert f"{out}: File too large" in err
    records = lines_of(out)
    assert 0 < len(records) < 8
    assert f"{len(records)} whole record(s)" in err
    assert "--resume" in err
    # with room again, --resume finishes the file
    assert main(["extract", "-q", str(folder), "-o", str(out), "--resume"]) == 0
    assert [Path(r["input"]).name for r in lines_of(out)] == [f"{i:02d}.txt" for i in range(8)]


def test_standard_output_into_a_file_that_fills_up(tmp_path: Path) -> None:
    folder = inputs(tmp_path)
    out = tmp_path / "shell.jsonl"
    with open(out, "wb") as fh:  # newsclaims extract in/ > shell.jsonl
        done = run_limited(str(folder), stdout=fh)
    err = done.stderr.decode()
    assert done.returncode == 74, err
    assert "standard output: File too large" in err
    assert 0 < len(lines_of(out)) < 8


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full")
def test_dev_full_is_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = inputs(tmp_path, 2)
    code = main(["extract", "-q", str(folder), "-o", "/dev/full"])
    err = capsys.readouterr().err
    # before: "newsclaims: error: [Errno 28] No space left on device", exit 2
    assert code == 74
    assert "/dev/full: No space left on device" in err


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "json"])
def test_enospc_part_way_cuts_back_to_the_last_record(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    from newsclaims import writers

    folder = inputs(tmp_path, 6)
    out = tmp_path / f"out.{fmt}"
    real = os.write
    disk = 20000

    def write(fd: int, data: Any) -> int:  # a disk of `disk` bytes: what is cut is free again
        if fd <= 2:
            return real(fd, data)
        room = disk - os.fstat(fd).st_size
        if room <= 0:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real(fd, bytes(data[:room]))

    monkeypatch.setattr(writers.os, "write", write)
    code = main(["extract", "-q", str(folder), "-o", str(out), "--jobs", "1", "--format", fmt])
    err = capsys.readouterr().err
    assert code == 74
    assert f"{out}: No space left on device" in err
    data = out.read_bytes()
    assert 0 < len(data) < 20000
    if fmt == "jsonl":
        assert len(lines_of(out)) >= 1
    elif fmt == "csv":
        assert data.endswith(b"\n") and data.startswith(b"status,")
    else:  # the cut freed room for the closing bracket: still one JSON document
        assert isinstance(json.loads(data), list)
