"""Every entry a directory walk finds is accounted for (issue 10 item 17).

Dangling links, FIFOs and link loops were dropped without a record (exit 0), and a loop named
on the command line was reported as "No such file or directory". Now each is an error record
that says what it is, a FIFO is never opened, links to directories are followed once, and the
entries passed over by rule (hidden, --glob) are counted in the summary line. Every tree here
is built in the test.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from newsclaims.batch.inputs import expand, files, walk
from newsclaims.cli import main
from newsclaims.serialize import validate


@pytest.fixture(autouse=True)
def _no_entry_points(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSCLAIMS_DISABLE_AUTOLOAD", "1")


def article(n: int) -> str:
    return f"Constructed article {n}.\n\nPolice said {n + 2} people were hurt in a fire.\n"


@contextlib.contextmanager
def fifo_watch(path: Path) -> Iterator[list[bool]]:
    """Make ``path`` a FIFO; the flag turns true if anything opens it for reading.

    Should the code under test open it, a writer opens the other end at once and closes it,
    so that the reader sees end of file instead of blocking the test for ever.
    """
    os.mkfifo(path)
    opened = [False]
    done = threading.Event()

    def watch() -> None:
        while not done.is_set():
            try:
                fd = os.open(path, os.O_WRONLY | os.O_NONBLOCK)
            except OSError as exc:  # ENXIO: no reader, as it should be
                if exc.errno != errno.ENXIO:
                    return
                done.wait(0.02)
                continue
            opened[0] = True
            os.close(fd)

    thread = threading.Thread(target=watch, daemon=True)
    thread.start()
    try:
        yield opened
    finally:
        done.set()
        thread.join(5)


def hostile_tree(root: Path) -> Path:
    """Two articles around a dangling link, a self loop and a two-link loop (FIFO apart)."""
    crawl = root / "crawl"
    crawl.mkdir()
    (crawl / "a.txt").write_text(article(1), "utf-8")
    (crawl / "b-dangling.txt").symlink_to("missing.txt")
    (crawl / "d-loop").symlink_to("d-loop")
    (crawl / "e-ping").symlink_to("e-pong")
    (crawl / "e-pong").symlink_to("e-ping")
    (crawl / "f.txt").write_text(article(2), "utf-8")
    return crawl


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[dict[str, Any]], str]:
    code = main(["extract", *argv])
    captured = capsys.readouterr()
    records = [json.loads(line) for line in captured.out.splitlines()]
    for record in records:
        validate(record)
    return code, records, captured.err


def test_every_entry_of_a_walk_gets_a_record(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    crawl = hostile_tree(tmp_path)
    with fifo_watch(crawl / "c-fifo.txt") as opened:
        code, records, err = run(capsys, str(crawl))
    assert not opened[0], "the FIFO was opened"
    # before: 2 records (a.txt, f.txt), exit 0; the other four entries had no record
    assert code == 1
    names = [Path(r["input"]).name for r in records]
    assert names == ["a.txt", "b-dangling.txt", "c-fifo.txt", "d-loop", "e-ping", "e-pong", "f.txt"]
    why = {Path(r["input"]).name: r["message"] for r in records if "id" not in r}
    assert "dangling symbolic link" in why["b-dangling.txt"]
    assert "missing.txt" in why["b-dangling.txt"]
    assert "FIFO" in why["c-fifo.txt"] and "not read" in why["c-fifo.txt"]
    for loop in ("d-loop", "e-ping", "e-pong"):
        assert "symbolic link loop" in why[loop]
    assert [r["error"] for r in records if "id" not in r] == ["InputError"] * 5
    assert err.count("newsclaims: error:") == 5


def test_a_loop_named_explicitly_is_called_a_loop(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    crawl = hostile_tree(tmp_path)
    code, (record,), _ = run(capsys, "-q", str(crawl / "d-loop"))
    assert code == 1
    # before: "crawl/d-loop: No such file or directory"
    assert "No such file" not in record["message"]
    assert "symbolic link loop" in record["message"]
    assert record["input"] == str(crawl / "d-loop")


def test_a_fifo_named_explicitly_is_not_opened(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with fifo_watch(tmp_path / "pipe") as opened:
        code, (record,), _ = run(capsys, "-q", str(tmp_path / "pipe"))
    assert not opened[0]
    assert code == 1 and "FIFO" in record["message"]


def test_links_to_directories_are_followed_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "root"
    (root / "sub").mkdir(parents=True)
    (root / "sub" / "x.txt").write_text(article(3), "utf-8")
    (root / "a-link").symlink_to("sub")  # walked (before 'sub' by name), so 'sub' is not
    (root / "sub" / "up").symlink_to("..")  # a cycle back to the root
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "y.txt").write_text(article(4), "utf-8")
    (root / "z-out").symlink_to(outside)  # a directory elsewhere: followed
    code, records, err = run(capsys, str(root))
    assert code == 0
    # before: only sub/x.txt (links to directories were not followed), no count
    rel = [Path(r["input"]).relative_to(root).as_posix() for r in records]
    assert rel == ["a-link/x.txt", "z-out/y.txt"]
    assert "2 entries passed over by the walk" in err
    assert "2 links to a directory already walked" in err


def test_summary_counts_what_the_rules_pass_over(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.txt").write_text(article(1), "utf-8")
    (tmp_path / "b.html").write_text(f"<p>{article(2)}</p>", "utf-8")
    (tmp_path / ".hidden.txt").write_text(article(3), "utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "c.txt").write_text(article(4), "utf-8")
    (tmp_path / "gone.txt").symlink_to("nowhere.txt")
    (tmp_path / "gone.md").symlink_to("nowhere.md")  # matches no --glob: counted, no record
    code, records, err = run(capsys, str(tmp_path), "--glob", "*.txt")
    assert code == 1
    assert [Path(r["input"]).name for r in records] == ["a.txt", "gone.txt"]
    summary = err.strip().splitlines()[-1]
    assert "4 entries passed over by the walk (2 hidden, 2 not matching --glob)" in summary


def test_files_and_expand_agree(tmp_path: Path) -> None:
    """The dask units (``files``) name every entry the CLI gives a record, in its order."""
    from newsclaims.batch.inputs import WalkCounts

    crawl = hostile_tree(tmp_path)
    counts = WalkCounts()
    items = list(expand([str(crawl), str(tmp_path / "nope")], counts=counts))
    listed = list(files([str(crawl), str(tmp_path / "nope")]))
    assert [i.name for i in items] == listed
    again = [i.name for p in listed for i in expand([p])]
    assert again == listed
    assert [i.error is None for i in items] == [True, False, False, False, False, True, False]
    assert [Path(p).name for p in walk(str(crawl))] == ["a.txt", "f.txt"]
    assert counts.total == 0


def test_an_unreadable_directory_is_a_record(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "x.txt").write_text(article(1), "utf-8")
    (tmp_path / "y.txt").write_text(article(2), "utf-8")
    real = os.scandir

    def scandir(path: Any) -> Any:  # what a directory without read permission does
        if os.fspath(path) == str(locked):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    code, records, _ = run(capsys, "-q", str(tmp_path))
    # before: y.txt alone, exit 0
    assert code == 1
    assert [Path(r["input"]).name for r in records] == ["y.txt", "locked"]
    assert "directory not read: Permission denied" in records[1]["message"]
