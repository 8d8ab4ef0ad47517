"""The progress line and the end-of-run summary."""

from __future__ import annotations

import io

from newsclaims.batch.progress import Progress


def test_line_counts_and_eta_when_total_known() -> None:
    p = Progress(io.StringIO(), enabled=False, total_bytes=1000)
    p.start -= 10.0  # ten seconds in
    for failed in (False, False, True, False):
        p.update(claims=3, failed=failed, size=125)
    line = p.line()
    assert line.startswith("4 docs | 12 claims | 1 failed | 0.4 docs/s")
    assert "50% ETA 0:00:10" in line
    assert p.stream.getvalue() == ""  # type: ignore[attr-defined]


def test_no_eta_without_total_and_skips_shrink_the_total() -> None:
    p = Progress(io.StringIO(), enabled=False)
    p.update(claims=0, failed=False, size=10)
    assert "ETA" not in p.line()
    p = Progress(io.StringIO(), enabled=False, total_bytes=1000)
    p.skip(500)
    p.update(claims=0, failed=False, size=250)
    assert "50% ETA" in p.line() and "1 skipped" in p.line()


def test_bar_draws_in_place_and_clears_before_the_summary() -> None:
    stream = io.StringIO()
    p = Progress(stream, enabled=True, total_bytes=None, interval=0.0)
    p.update(claims=2, failed=False, size=1)
    assert stream.getvalue().startswith("\r1 docs | 2 claims")
    p.finish(interrupted=True)
    text = stream.getvalue()
    assert "\r\x1b[K" in text
    last = text.rsplit("\x1b[K", 1)[1]
    assert last.startswith("newsclaims: 1 documents, 2 claims, 0 failed in ")
    assert last.endswith("rerun with --resume to continue\n")
