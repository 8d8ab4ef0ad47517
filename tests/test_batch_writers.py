"""One writer module for every command's output (issue 10, the batch rework), and error lines
that name their input once.
"""

from __future__ import annotations

import ast
import errno
import io
import json
import os
from pathlib import Path
from typing import Any

import pytest

import newsclaims
from newsclaims import writers
from newsclaims.writers import OutputError, RecordWriter, csv_text, table_text

COMMANDS = ["batch/output.py", "commands/stories.py", "commands/timeline.py", "commands/outlets.py"]


@pytest.fixture(autouse=True)
def _no_entry_points(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSCLAIMS_DISABLE_AUTOLOAD", "1")


@pytest.mark.parametrize("module", COMMANDS)
def test_commands_write_through_the_shared_module(module: str) -> None:
    """No command module formats a table, a CSV file or JSON lines by itself."""
    path = Path(newsclaims.__file__).parent / module
    tree = ast.parse(path.read_text("utf-8"))
    imported = {
        alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import | ast.ImportFrom)
        for alias in node.names
    }
    assert "csv" not in imported
    calls = {
        node.func.attr
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
    }
    assert "ljust" not in calls
    froms = [n for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
    assert any(n.module == "writers" and n.level == 2 for n in froms)


def test_table_and_csv_text() -> None:
    assert table_text([["a", "bb"], ["ccc", ""]], ["x", "y"]) == "x    y\n---  --\na    bb\nccc\n"
    assert csv_text([["1", "a,b"]], ["n", "t"]) == 'n,t\n1,"a,b"\n'
    assert csv_text([{"n": 1, "t": None}], ["n", "t"], fieldnames=["n", "t"]) == "n,t\n1,\n"


def test_a_record_reaches_the_file_whole_or_not_at_all(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out.jsonl"
    writer = RecordWriter.open(str(target), buffer_bytes=1)
    writer.write('{"input": "a"}\n')
    real = os.write
    calls = [0]

    def write(fd: int, data: Any) -> int:  # half of the next record, then a full disk
        calls[0] += 1
        if calls[0] == 1:
            return real(fd, bytes(data[: len(data) // 2]))
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(writers.os, "write", write)
    with pytest.raises(OutputError) as caught:
        writer.write('{"input": "b", "text": "' + "x" * 100 + '"}\n')
    writer.write('{"input": "c"}\n')  # after a failure: nothing more
    writer.close()
    assert str(caught.value) == (
        f"{target}: No space left on device after 1 whole record(s) (no partial record left)"
    )
    assert caught.value.records == 1 and caught.value.whole
    assert target.read_bytes() == b'{"input": "a"}\n'


def test_a_pipe_that_fails_part_way_is_reported_as_such(monkeypatch: pytest.MonkeyPatch) -> None:
    read, write_end = os.pipe()
    try:
        writer = RecordWriter(write_end, "standard output", buffer_bytes=1)
        monkeypatch.setattr(writers.os, "write", lambda fd, data: _half_then_eio(fd, data))
        with pytest.raises(OutputError) as caught:
            writer.write("x" * 10 + "\n")
        assert not caught.value.whole and "may be incomplete" in str(caught.value)
    finally:
        os.close(read)
        os.close(write_end)


_state = {"n": 0}


def _half_then_eio(fd: int, data: Any) -> int:
    _state["n"] += 1
    if _state["n"] == 1:
        return len(data) // 2
    raise OSError(errno.EIO, os.strerror(errno.EIO))


def test_text_streams_get_one_write_per_record() -> None:
    stream = io.StringIO()
    writer = RecordWriter.for_stream(stream)
    writer.write('{"a": 1}\n')
    writer.close(tail="")
    assert stream.getvalue() == '{"a": 1}\n' and writer.records == 1


def test_output_error_pickles() -> None:
    import pickle

    error = OutputError("out.jsonl", 3, "No space left on device")
    again = pickle.loads(pickle.dumps(error))
    assert str(again) == str(error) and again.records == 3
    assert isinstance(again, newsclaims.NewsclaimsError)
    assert json.dumps(str(again))
