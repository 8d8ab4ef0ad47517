"""Continue an interrupted run: which inputs a JSONL output file already holds.

A run killed hard may leave half a line at the end of the file. :func:`prepare` cuts it
off (or completes a whole record that only lacks its newline) and returns the ``input``
of every record, report or error, so that those inputs are skipped.
"""

from __future__ import annotations

import json
import os
from typing import Any


def _input_of(line: bytes) -> str | None:
    try:
        record: Any = json.loads(line)
    except ValueError:
        return None
    if isinstance(record, dict) and isinstance(record.get("input"), str):
        return str(record["input"])
    return None


def prepare(path: str | os.PathLike[str]) -> set[str]:
    """Repair the end of the JSONL file at ``path`` and return the inputs it holds.

    A missing file holds nothing. A last line without its newline is kept (newline added)
    when it is a whole record, and cut off otherwise; undecodable lines elsewhere are
    ignored (their inputs are done again).
    """
    done: set[str] = set()
    if not os.path.exists(path):
        return done
    with open(path, "r+b") as fh:
        good_end = 0
        tail: bytes | None = None
        for line in fh:
            if not line.endswith(b"\n"):
                tail = line
                break
            name = _input_of(line)
            if name is not None:
                done.add(name)
            good_end += len(line)
        if tail is not None:
            name = _input_of(tail)
            fh.seek(good_end)
            if name is not None:
                done.add(name)
                fh.seek(good_end + len(tail))
                fh.write(b"\n")
            else:
                fh.truncate(good_end)
    return done
