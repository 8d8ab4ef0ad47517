"""The progress bar (standard error, only on a terminal) and the end-of-run summary line."""

from __future__ import annotations

import shutil
import time
from typing import TextIO

import attrs


def _duration(seconds: float) -> str:
    seconds = max(0, int(seconds))
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}"


@attrs.define
class Counts:
    """What a run has done so far."""

    documents: int = 0
    claims: int = 0
    failures: int = 0
    skipped: int = 0
    bytes: int = 0


class Progress:
    """Count outcomes and redraw one status line at most every ``interval`` seconds.

    :param stream: where to draw (standard error).
    :param enabled: draw the bar (the summary is written either way).
    :param total_bytes: the size of all inputs, when known: gives a percentage and ETA.
    """

    def __init__(
        self,
        stream: TextIO,
        *,
        enabled: bool,
        total_bytes: int | None = None,
        interval: float = 0.2,
    ) -> None:
        self.stream = stream
        self.enabled = enabled
        self.total_bytes = total_bytes
        self.interval = interval
        self.counts = Counts()
        self.start = time.monotonic()
        self._drawn = 0.0
        self._shown = False
        self.skipped_bytes = 0

    def elapsed(self) -> float:
        """Seconds since the run started."""
        return max(time.monotonic() - self.start, 1e-9)

    def update(self, *, claims: int, failed: bool, size: int) -> None:
        """Count one finished document and redraw when it is time."""
        c = self.counts
        c.documents += 1
        c.claims += claims
        c.failures += int(failed)
        c.bytes += size
        if self.enabled:
            now = time.monotonic()
            if now - self._drawn >= self.interval:
                self._drawn = now
                self.draw()

    def skip(self, size: int) -> None:
        """Count one input skipped because an earlier run did it."""
        self.counts.skipped += 1
        self.skipped_bytes += size

    def line(self) -> str:
        """The status line: documents, claims, failures, rate, and ETA when known."""
        c = self.counts
        rate = c.documents / self.elapsed()
        parts = [
            f"{c.documents:,} docs",
            f"{c.claims:,} claims",
            f"{c.failures:,} failed",
            f"{rate:,.1f} docs/s",
        ]
        if c.skipped:
            parts.append(f"{c.skipped:,} skipped")
        todo = (self.total_bytes or 0) - self.skipped_bytes
        if todo > 0 and c.bytes:
            done = min(c.bytes / todo, 1.0)
            eta = self.elapsed() * (1 - done) / done if done else 0.0
            parts.append(f"{done:.0%} ETA {_duration(eta)}")
        return " | ".join(parts)

    def draw(self) -> None:
        """Redraw the status line in place."""
        width = shutil.get_terminal_size((100, 20)).columns - 1
        self.stream.write("\r" + self.line()[:width].ljust(min(width, 79)))
        self.stream.flush()
        self._shown = True

    def clear(self) -> None:
        """Erase the status line (before writing anything else to the stream)."""
        if self._shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self._shown = False

    def summary(self, *, interrupted: bool = False, walk: str = "") -> str:
        """The end-of-run line; ``walk`` says what the directory walk passed over by rule."""
        c = self.counts
        secs = self.elapsed()
        text = f"newsclaims: {c.documents:,} documents, {c.claims:,} claims, {c.failures:,} failed"
        if c.skipped:
            text += f", {c.skipped:,} skipped (already in the output)"
        text += f" in {secs:.1f} s ({c.documents / secs:,.1f} docs/s)"
        if walk:
            text += f"; {walk}"
        if interrupted:
            text += "; interrupted, rerun with --resume to continue"
        return text

    def finish(self, *, interrupted: bool = False, walk: str = "") -> None:
        """Erase the bar and write the summary line."""
        self.clear()
        self.stream.write(self.summary(interrupted=interrupted, walk=walk) + "\n")
        self.stream.flush()
