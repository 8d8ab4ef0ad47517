"""Coverage-guided fuzzing (atheris) of decode -> parse -> claims -> JSON.

Run it through tox (``tox -e fuzz -- --seconds 1800``) or directly::

    python fuzz/fuzz_pipeline.py --seconds 600 [--corpus DIR] [--artifacts DIR] [-- libFuzzer flags]

Every input is handed to the pipeline as bytes (decoding, gzip, charset detection) or, by
its length, as text (with lone surrogates kept), parsed by every installed plugin in strict
mode, and its report serialised. An input that raises anything but a ``NewsclaimsError``
(or the input error classes it replaces), whose report is not strict JSON or not valid
against the schema, whose spans do not point at their quotes, or that takes longer than
``--slow`` seconds is a *finding*: it is saved with its traceback under ``--artifacts``
and the run goes on, so one run reports every distinct defect (one input per defect,
keyed by exception type and the innermost newsclaims frame).

The seed corpus is copied at run time from ``../shared/corpus`` (and ``seeds/``) into a
temporary directory, never into the repository.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import os
import shutil
import subprocess
import sys
import tempfile
import time
import traceback
from pathlib import Path
from types import TracebackType
from typing import Any

import atheris

with atheris.instrument_imports(
    include=["newsclaims", "newsclaims_html", "newsclaims_text", "newsclaims_koreaherald"]
):
    import newsclaims
    from newsclaims import inputs
    from newsclaims.host import PluginError, PluginHost, Settings
    from newsclaims.models import Document
    from newsclaims.pipeline import parse_document
    from newsclaims.serialize import report_to_dict, validate

ROOT = Path(__file__).resolve().parents[1]
SHARED_CORPUS = ROOT.parent / "shared" / "corpus"

#: What an input may legitimately raise: the common base when it exists, else its parts.
EXPECTED: tuple[type[BaseException], ...] = tuple(
    cls
    for cls in (
        getattr(newsclaims, "NewsclaimsError", None),
        inputs.InputError,
    )
    if isinstance(cls, type)
)

HOST = PluginHost(settings=Settings(autoload=True, strict=True))
STATE: dict[str, Any] = {"slow": 10.0, "artifacts": Path("."), "seen": set(), "runs": 0}


def document_for(data: bytes) -> Document:
    """Bytes as they come from a crawl, or (one input in three) text with odd code points."""
    mode = len(data) % 3
    if mode == 0:
        return inputs.document_from(data)
    text = data.decode("utf-8", "surrogateescape" if mode == 2 else "replace")
    return inputs.document_from(text + "\n")  # a newline: never read as a path


def check(data: bytes) -> None:
    """One input through the whole pipeline; raise AssertionError on a broken contract."""
    try:
        document = document_for(data)
        report = parse_document(document, host=HOST)
    except PluginError:
        raise  # strict host: a plugin that raised on the input is a finding
    except EXPECTED:
        return
    payload = report_to_dict(report)
    text = json.dumps(payload, ensure_ascii=False, allow_nan=False)  # strict JSON or ValueError
    text.encode("utf-8")  # no lone surrogates in the output
    validate(json.loads(text))
    for claim in report.claims:
        start, end = claim.span
        assert 0 <= start <= end <= len(report.text), f"claim span {claim.span} out of range"
        assert report.text[start:end] == claim.quote, f"claim {claim.id}: span != quote"
        for m in claim.mentions:
            assert report.text[m.span[0] : m.span[1]] == m.quote, f"mention {m.span} != quote"
        for value in (claim.value.low, claim.value.high) if claim.value else ():
            assert value is None or math.isfinite(value), f"bound {value} is not finite"


def _innermost(tb: TracebackType | None) -> str:
    where = "?"
    for frame, line in traceback.walk_tb(tb):
        name = frame.f_code.co_filename
        if "newsclaims" in name or "fuzz_pipeline" in name:
            where = f"{Path(name).name}:{line}"
    return where


def record(kind: str, exc: BaseException | None, data: bytes, detail: str) -> None:
    """Save a finding once per (kind, place)."""
    cause: BaseException | None = exc
    if isinstance(exc, PluginError) and isinstance(exc.error, BaseException):
        cause = exc.error
    where = _innermost(cause.__traceback__) if cause is not None else "-"
    key = f"{kind}:{type(cause).__name__ if cause else ''}:{where}"
    if key in STATE["seen"]:
        return
    STATE["seen"].add(key)
    digest = hashlib.sha1(data).hexdigest()[:12]
    out: Path = STATE["artifacts"]
    (out / f"finding-{digest}").write_bytes(data)
    tb = "".join(traceback.format_exception(cause)) if cause is not None else ""
    (out / f"finding-{digest}.txt").write_text(
        f"{key}\nmode {len(data) % 3} (0 bytes, 1 text, 2 text+surrogates), {len(data)} bytes\n"
        f"{detail}\n\n{tb}",
        "utf-8",
    )
    print(f"\n### FINDING {key} -> {out / ('finding-' + digest)}", file=sys.stderr, flush=True)


def test_one_input(data: bytes) -> None:
    """The atheris entry point: never crash the fuzzer, record findings instead."""
    STATE["runs"] += 1
    t0 = time.perf_counter()
    try:
        check(data)
    except Exception as exc:
        record("error", exc, data, f"{type(exc).__name__}: {str(exc)[:500]}")
    elapsed = time.perf_counter() - t0
    if elapsed > STATE["slow"]:
        record(f"slow>{STATE['slow']:g}s", None, data, f"{elapsed:.1f} s for {len(data)} bytes")


def seed_corpus(target: Path, sources: list[Path], max_len: int) -> int:
    """Copy seed files into ``target`` (cut to ``max_len``); return how many."""
    n = 0
    for source in sources:
        files = (
            [source] if source.is_file() else sorted(p for p in source.rglob("*") if p.is_file())
        )
        for path in files:
            data = path.read_bytes()[:max_len]
            (target / hashlib.sha1(data).hexdigest()).write_bytes(data)
            n += 1
    return n


def child(argv: list[str]) -> None:
    """Run libFuzzer in this process (it exits the process at the end of its budget)."""
    STATE.update(slow=float(os.environ["NEWSCLAIMS_FUZZ_SLOW"]))
    STATE.update(artifacts=Path(os.environ["NEWSCLAIMS_FUZZ_ARTIFACTS"]))
    atheris.Setup([sys.argv[0], *argv], test_one_input)
    atheris.Fuzz()


def main(argv: list[str] | None = None) -> int:
    """Seed a temporary corpus, run libFuzzer in a child until the budget is spent, report."""
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    ap.add_argument("--seconds", type=int, default=300, help="time budget (default 300)")
    ap.add_argument("--corpus", type=Path, action="append", help="seed dir/file (repeatable)")
    ap.add_argument("--artifacts", type=Path, help="where findings go (default: a temp dir)")
    ap.add_argument("--max-len", type=int, default=32768, help="max input size in bytes")
    ap.add_argument("--slow", type=float, default=10.0, help="seconds that make an input slow")
    ap.add_argument("--keep-corpus", type=Path, help="copy the evolved corpus here at the end")
    ap.add_argument("libfuzzer", nargs="*", help="extra libFuzzer flags, after --")
    args = ap.parse_args(argv)

    sources = args.corpus or [p for p in (SHARED_CORPUS, ROOT / "seeds") if p.exists()]
    work = Path(tempfile.mkdtemp(prefix="newsclaims-fuzz-"))
    corpus = work / "corpus"
    corpus.mkdir()
    artifacts = (args.artifacts or work / "artifacts").resolve()
    artifacts.mkdir(parents=True, exist_ok=True)
    n = seed_corpus(corpus, sources, args.max_len)
    print(f"fuzz: {n} seeds from {', '.join(map(str, sources))}; findings in {artifacts}")
    env = {
        **os.environ,
        "NEWSCLAIMS_FUZZ_CHILD": "1",
        "NEWSCLAIMS_FUZZ_SLOW": str(args.slow),
        "NEWSCLAIMS_FUZZ_ARTIFACTS": str(artifacts),
    }
    env.pop("NEWSCLAIMS_DISABLE_AUTOLOAD", None)  # fuzz every installed plugin
    deadline = time.monotonic() + args.seconds
    restarts = 0
    while (left := int(deadline - time.monotonic())) > 5:
        flags = [
            f"-max_total_time={left}",
            f"-max_len={args.max_len}",
            "-timeout=300",
            "-rss_limit_mb=3072",
            f"-artifact_prefix={artifacts}/",
            f"-dict={Path(__file__).with_name('news.dict')}",
            "-print_final_stats=1",
            *args.libfuzzer,
            str(corpus),
        ]
        rc = subprocess.call([sys.executable, __file__, *flags], env=env)
        if rc == 0:
            break
        restarts += 1  # a hard crash, timeout or OOM: libFuzzer saved the input; go on
        print(f"fuzz: libFuzzer exited {rc}; restarting ({restarts})", file=sys.stderr)
    found = sorted(artifacts.glob("finding-*.txt"))
    hard = sorted(p for p in artifacts.iterdir() if p.name.split("-")[0] in HARD)
    print(f"fuzz: {len(found)} finding(s), {len(hard)} hard crash(es) in {artifacts}")
    for path in found:
        print("  " + path.read_text("utf-8").splitlines()[0] + f"  ({path.name})")
    for path in hard:
        print(f"  {path.name}")
    if args.keep_corpus:
        shutil.copytree(corpus, args.keep_corpus, dirs_exist_ok=True)
    return 1 if found or hard else 0


#: libFuzzer's own artifact prefixes (the process died: crash, timeout, out of memory).
HARD = ("crash", "timeout", "oom", "leak", "slow")


if __name__ == "__main__":
    if os.environ.get("NEWSCLAIMS_FUZZ_CHILD"):
        child(sys.argv[1:])
    else:
        sys.exit(main())
