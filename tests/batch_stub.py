"""A stub plugin installed for real (a ``.dist-info`` on ``PYTHONPATH``) for CLI tests.

What it does depends on a word in the document: ``HANG`` sleeps for an hour, ``CRASH``
ends its process with ``os._exit(3)``, ``EAT`` holds 600 MB while it parses, ``LEAK``
keeps 60 MB for ever, ``SLOW`` takes 0.3 s. Before it parses, it writes
``<NEWSCLAIMS_STUB_LOG>/<pid>-<first word>`` so that a test can see which process holds
which document.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

PLUGIN = """
import os, time
from newsclaims import hookimpl
from newsclaims.models import Article, Source

_kept = []

class Stub:
    @hookimpl
    def newsclaims_detect(self, document):
        return 1.0

    @hookimpl
    def newsclaims_parse(self, document):
        text = document.text
        log = os.environ.get("NEWSCLAIMS_STUB_LOG")
        if log:
            word = (text.split() or ["empty"])[0]
            open(os.path.join(log, f"{os.getpid()}-{word}"), "w").close()
        if "HANG" in text:
            time.sleep(3600)
        if "CRASH" in text:
            os._exit(3)
        if "SLOW" in text:
            time.sleep(0.3)
        if "EAT" in text:
            held = bytearray(600 << 20)
            for i in range(0, len(held), 4096):
                held[i] = 1
            time.sleep(1.0)
        if "LEAK" in text:
            block = bytearray(60 << 20)
            for i in range(0, len(block), 4096):
                block[i] = 1
            _kept.append(block)
        return Article(text=text.strip(), title="stub", source=Source(url=document.url))

plugin = Stub()
"""


def install(root: Path) -> dict[str, str]:
    """Write the stub distribution under ``root``; the environment that loads it."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "nc_stub_plugin.py").write_text(PLUGIN, "utf-8")
    info = root / "nc_stub_plugin-0.1.dist-info"
    info.mkdir(exist_ok=True)
    (info / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: nc-stub-plugin\nVersion: 0.1\n", "utf-8"
    )
    (info / "entry_points.txt").write_text("[newsclaims]\nstub = nc_stub_plugin:plugin\n", "utf-8")
    log = root / "log"
    log.mkdir(exist_ok=True)
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(root), env.get("PYTHONPATH")]))
    env["NEWSCLAIMS_PLUGINS"] = "stub"
    env["NEWSCLAIMS_STUB_LOG"] = str(log)
    env.pop("NEWSCLAIMS_DISABLE_AUTOLOAD", None)
    return env


def extract(*args: str) -> list[str]:
    """The command line of ``newsclaims extract ARGS`` in this interpreter."""
    return [sys.executable, "-m", "newsclaims.cli", "extract", *args]


def start(env: dict[str, str], *args: str) -> subprocess.Popen[str]:
    """Start ``newsclaims extract ARGS`` with the stub loaded."""
    return subprocess.Popen(
        extract(*args),
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )


def busy(log: Path, word: str, timeout: float = 60.0) -> int:
    """The pid of the process that started parsing the document whose first word is ``word``."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for entry in log.iterdir():
            pid, _, first = entry.name.partition("-")
            if first == word:
                return int(pid)
        time.sleep(0.05)
    raise AssertionError(f"no process started parsing {word!r} within {timeout} s")


def alive(pid: int) -> bool:
    """Whether process ``pid`` exists and is not a zombie."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as fh:
            state = fh.read().rpartition(")")[2].split()[0]
    except OSError:
        return False
    return state not in ("Z", "X")
