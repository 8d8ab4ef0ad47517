"""A batch always finishes (issue 10, items 1-4 and 6): a document costs at most itself.

``newsclaims extract`` runs as a real process with a stub plugin (``batch_stub``) that
hangs, crashes, eats memory or leaks on the documents that ask for it; workers are killed
from outside as an operator or the kernel would.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from batch_stub import alive, busy, extract, install, start

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux /proc")

#: The longest any of these runs may take before the test calls it a hang.
HANG = 90


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return install(tmp_path / "stub")


@pytest.fixture
def log(env: dict[str, str]) -> Path:
    return Path(env["NEWSCLAIMS_STUB_LOG"])


@pytest.fixture
def reap() -> Iterator[list[int]]:
    """Pids to kill at the end of the test, whatever happened."""
    pids: list[int] = []
    yield pids
    for pid in pids:
        with contextlib.suppress(OSError):
            os.kill(pid, signal.SIGKILL)


def corpus(folder: Path, words: list[str]) -> list[Path]:
    """One file per word, named after its position, starting with that word."""
    folder.mkdir()
    paths = []
    for i, word in enumerate(words):
        path = folder / f"{i:02d}.txt"
        path.write_text(f"{word} article {i}: three people were hurt on Monday.\n", "utf-8")
        paths.append(path)
    return paths


def records(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]


def finish(proc: subprocess.Popen[str], timeout: float = HANG) -> tuple[int, str]:
    try:
        _, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        raise AssertionError(f"newsclaims extract still running after {timeout} s") from None
    return proc.returncode, err


def run_extract(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    """``newsclaims extract ARGS`` run to its end (at most :data:`HANG` s), output captured."""
    return subprocess.run(extract(*args), env=env, capture_output=True, text=True, timeout=HANG)


def test_a_worker_killed_costs_only_its_document(
    tmp_path: Path, env: dict[str, str], log: Path
) -> None:
    paths = corpus(tmp_path / "in", ["SLOW"] * 3 + ["VICTIM"] + ["SLOW"] * 4 + ["HANG"] + ["SLOW"])
    out = tmp_path / "out.jsonl"
    proc = start(env, str(tmp_path / "in"), "-o", str(out), "--jobs", "2", "--timeout", "0")
    # the hanging document's worker is killed as an operator would: kill -9
    os.kill(busy(log, "HANG"), signal.SIGKILL)
    status, err = finish(proc)
    got = records(out)
    assert [r["input"] for r in got] == [str(p) for p in paths]
    failed = [r for r in got if "error" in r]
    assert len(failed) == 1 and failed[0]["input"] == str(paths[8])
    assert failed[0]["error"] == "WorkerDied" and "SIGKILL" in str(failed[0]["message"])
    assert str(paths[8]) in str(failed[0]["message"])
    assert status == 1 and "Traceback" not in err


def test_ctrl_c_stops_a_run_whose_worker_hangs(
    tmp_path: Path, env: dict[str, str], log: Path, reap: list[int]
) -> None:
    corpus(tmp_path / "in", ["FIRST", "HANG", "THIRD", "FOURTH"])
    out = tmp_path / "out.jsonl"
    proc = start(env, str(tmp_path / "in"), "-o", str(out), "--jobs", "2", "--timeout", "0")
    reap.append(busy(log, "HANG"))
    busy(log, "THIRD")
    time.sleep(0.5)
    proc.send_signal(signal.SIGINT)
    status, err = finish(proc, timeout=20)
    assert status == 130 and "--resume" in err
    assert records(out)[0]["input"].endswith("00.txt")  # the finished prefix, valid JSONL
    assert not alive(reap[0])


def test_documents_queued_behind_a_stuck_worker_go_to_an_idle_one(
    tmp_path: Path, env: dict[str, str], log: Path, reap: list[int]
) -> None:
    # no time limit: before the fix, what the stuck worker held waited behind it forever
    words = ["HANG"] + [f"DOC{i}" for i in range(1, 12)]
    corpus(tmp_path / "in", words)
    out = tmp_path / "out.jsonl"
    proc = start(env, str(tmp_path / "in"), "-o", str(out), "--jobs", "2", "--timeout", "0")
    stuck = busy(log, "HANG")
    reap.append(stuck)
    try:
        started = {word: busy(log, word, timeout=30) for word in words[1:]}
    finally:
        proc.send_signal(signal.SIGINT)
        finish(proc, timeout=20)
    assert stuck not in started.values()  # every other document ran on the other worker


def test_a_document_that_crashes_its_worker_is_an_error_record_and_resume_goes_past(
    tmp_path: Path, env: dict[str, str]
) -> None:
    paths = corpus(tmp_path / "in", ["A", "B", "CRASH", "D", "E"])
    out = tmp_path / "out.jsonl"
    for jobs in ("1", "2"):
        out.unlink(missing_ok=True)
        run = run_extract(env, str(tmp_path / "in"), "-o", str(out), "--jobs", jobs)
        got = records(out)
        assert [r["input"] for r in got] == [str(p) for p in paths], run.stderr
        assert [r.get("error") for r in got] == [None, None, "WorkerDied", None, None]
        assert "exit status 3" in str(got[2]["message"]) and str(paths[2]) in str(got[2]["message"])
        assert run.returncode == 1 and f"{paths[2]}" in run.stderr
    # --resume knows the crash is done: it goes past it and does only the new input
    (tmp_path / "in" / "05.txt").write_text("F article: two people were hurt.\n", "utf-8")
    again = run_extract(env, str(tmp_path / "in"), "-o", str(out), "--resume")
    assert again.returncode == 0, again.stderr
    got = records(out)
    assert len(got) == 6 and got[-1]["input"].endswith("05.txt") and "error" not in got[-1]


def test_workers_end_when_the_main_process_is_killed(
    tmp_path: Path, env: dict[str, str], log: Path, reap: list[int]
) -> None:
    corpus(tmp_path / "in", ["HANG", "SLOW", "SLOW", "SLOW", "HANG", "SLOW"])
    proc = start(env, str(tmp_path / "in"), "-o", str(tmp_path / "o.jsonl"), "--jobs", "2")
    reap.append(busy(log, "HANG"))
    workers = {int(e.name.partition("-")[0]) for e in log.iterdir()}
    reap.extend(workers)
    assert proc.pid not in workers
    proc.kill()
    proc.wait(10)
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and any(alive(pid) for pid in workers):
        time.sleep(0.1)
    assert not [pid for pid in workers if alive(pid)]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_hanging_document_times_out_and_the_rest_goes_on(
    tmp_path: Path, env: dict[str, str], jobs: str
) -> None:
    paths = corpus(tmp_path / "in", ["A", "B", "C", "HANG", "E", "F"])
    out = tmp_path / "out.jsonl"
    run = run_extract(env, str(tmp_path / "in"), "-o", str(out), "--jobs", jobs, "--timeout", "2")
    got = records(out)
    assert [r["input"] for r in got] == [str(p) for p in paths]
    assert [r.get("error") for r in got] == [None, None, None, "Timeout", None, None]
    assert "time limit of 2 s" in str(got[3]["message"])
    assert run.returncode == 1


def test_one_hanging_input_in_process_times_out(tmp_path: Path, env: dict[str, str]) -> None:
    (path,) = corpus(tmp_path / "in", ["HANG"])
    run = subprocess.run(
        extract(str(path), "--timeout", "1"), env=env, capture_output=True, text=True, timeout=HANG
    )
    record = json.loads(run.stdout)
    assert record["error"] == "Timeout" and record["input"] == str(path)
    assert run.returncode == 1


@pytest.mark.parametrize("how", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_stops_a_document_in_progress(
    tmp_path: Path, env: dict[str, str], log: Path, how: signal.Signals
) -> None:
    (path,) = corpus(tmp_path / "in", ["HANG"])
    proc = start(env, str(path), "--timeout", "0")
    busy(log, "HANG")
    sent = time.monotonic()
    proc.send_signal(how)
    status, err = finish(proc, timeout=20)
    assert time.monotonic() - sent < 5
    assert status == 128 + how and "interrupted" in err


def test_a_document_over_the_memory_limit_is_an_error_record(
    tmp_path: Path, env: dict[str, str]
) -> None:
    paths = corpus(tmp_path / "in", ["A", "EAT", "C"])
    out = tmp_path / "out.jsonl"
    run = run_extract(
        env, str(tmp_path / "in"), "-o", str(out), "--jobs", "1", "--memory-limit", "300"
    )
    got = records(out)
    assert [r["input"] for r in got] == [str(p) for p in paths]
    assert [r.get("error") for r in got] == [None, "MemoryLimit", None], run.stderr
    assert "over the limit of 300 MB" in str(got[1]["message"])


def test_a_leaking_plugin_gets_fresh_workers(
    tmp_path: Path, env: dict[str, str], log: Path
) -> None:
    # 60 MB kept per document: 8 documents would hold 480 MB in one worker; the limit of
    # 300 MB replaces the worker once it holds more than 150 MB, and no document fails
    corpus(tmp_path / "in", ["LEAK"] * 8)
    out = tmp_path / "out.jsonl"
    run = run_extract(
        env, str(tmp_path / "in"), "-o", str(out), "--jobs", "1", "--memory-limit", "300"
    )
    assert run.returncode == 0, run.stderr
    assert [r.get("error") for r in records(out)] == [None] * 8
    assert len({e.name.partition("-")[0] for e in log.iterdir()}) >= 3


def test_workers_are_replaced_after_max_docs(
    tmp_path: Path, env: dict[str, str], log: Path
) -> None:
    corpus(tmp_path / "in", [f"D{i}" for i in range(9)])
    out = tmp_path / "out.jsonl"
    run = run_extract(
        env, str(tmp_path / "in"), "-o", str(out), "--jobs", "1", "--max-docs-per-worker", "3"
    )
    assert run.returncode == 0, run.stderr
    assert len(records(out)) == 9
    assert len({e.name.partition("-")[0] for e in log.iterdir()}) == 3
