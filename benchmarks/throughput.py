"""Throughput and memory of newsclaims, in one run on the same files.

Run from the project root (``python benchmarks/throughput.py``; ``--quick`` for a short
run). It prints:

(a) text -> claims: the seed articles, the tests' article files and
    ``../shared/corpus/conflict`` when present, parsed in this process (one core);
(b) HTML -> claims through the newsclaims-html plugin, on ``../shared/corpus/html`` when
    present (else on generated pages);
(c) trafilatura's extraction alone on the same HTML; (d) lxml parsing alone (the floor);
    and the ratio (b)/(c);
(e) peak resident memory of ``newsclaims extract`` over a generated WARC of ``--records``
    pages at 1 and 2 jobs, and over a WARC twice as large, to show memory stays flat.

Parts whose plugin or library is not installed are skipped, saying so. The targets are
reported, not asserted. Generated WARC files go to a temporary folder, never the repo.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import io
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"

TARGET_TEXT_DOCS_PER_S = 300.0
TARGET_HTML_RATIO = 1.3
TARGET_PEAK_MB = 300.0
TARGET_SPEEDUP = 1.8


def log(text: str = "") -> None:
    """Print one line of the report at once."""
    print(text, flush=True)


# -- inputs ------------------------------------------------------------------------------


def text_inputs() -> list[tuple[str, bytes, str | None]]:
    """``(name, bytes, url)`` of the plain-text articles available."""
    found: list[Path] = []
    found += sorted((SHARED / "seeds").glob("*.txt"))
    found += sorted(p for p in (ROOT / "tests" / "articles").glob("*") if p.is_file())
    found += sorted((SHARED / "corpus" / "conflict").glob("*.txt"))
    return [(p.name, p.read_bytes(), None) for p in found]


def html_inputs() -> tuple[list[tuple[str, bytes, str | None]], str]:
    """``(name, bytes, url)`` of the HTML pages: the shared corpus, else generated pages."""
    folder = SHARED / "corpus" / "html"
    pages = sorted(folder.glob("*.html")) if folder.is_dir() else []
    if pages:
        urls: dict[str, str] = {}
        index = SHARED / "corpus" / "extraction.jsonl"
        if index.exists():
            for line in index.read_text("utf-8").splitlines():
                row = json.loads(line)
                urls[Path(row["doc"]).name] = row.get("url")
        return [(p.name, p.read_bytes(), urls.get(p.name)) for p in pages], str(folder)
    rng = random.Random(7)
    made: list[tuple[str, bytes, str | None]] = [
        (f"gen{i}.html", generated_page(rng, i), f"https://news.example.org/{i}") for i in range(40)
    ]
    return made, "40 generated pages"


_PLACES = [
    "the northern province",
    "the capital",
    "a border town",
    "the coastal city",
    "the valley",
]
_WHO = ["police", "the health ministry", "local officials", "the army", "a UN agency", "witnesses"]
_WHAT = ["were killed", "were injured", "were displaced", "were arrested", "went missing"]
_FILL = [
    "The situation remained tense on the ground as aid groups called for access.",
    "Residents described long queues at checkpoints and shortages of fuel and water.",
    "The government did not respond to requests for comment on Tuesday.",
    "Analysts said the talks could resume later this month if the truce holds.",
    "Schools in the area have been closed since the start of the week.",
]


def generated_page(rng: random.Random, i: int) -> bytes:
    """A constructed news page: navigation, header, byline, ten paragraphs, footer."""
    paras = []
    for k in range(10):
        if k % 2 == 0:
            n = rng.randint(2, 900)
            sentence = (
                f"At least {n} people {rng.choice(_WHAT)} in {rng.choice(_PLACES)} "
                f"on Monday, {rng.choice(_WHO)} said."
            )
            paras.append(f"{sentence} {rng.choice(_FILL)}")
        else:
            paras.append(" ".join(rng.sample(_FILL, 3)))
    nav = "".join(f'<li><a href="/section/{s}">Section {s}</a></li>' for s in range(25))
    body = "".join(f"<p>{p}</p>" for p in paras)
    html = (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>Constructed report {i} - Example News</title>"
        f"<meta property='og:title' content='Constructed report {i}'>"
        "<meta name='author' content='Staff Reporter'>"
        "<meta property='article:published_time' content='2024-03-04T09:00:00Z'>"
        "<script>var tracking = {id: 1};</script><style>body{font:14px serif}</style></head>"
        f"<body><header><nav><ul>{nav}</ul></nav></header><main><article>"
        f"<h1>Constructed report {i}</h1><p class='byline'>By Staff Reporter</p>"
        f"{body}</article><aside><h3>Most read</h3><ul>{nav[:600]}</ul></aside></main>"
        "<footer><p>Copyright Example News. All rights reserved.</p></footer></body></html>"
    )
    return html.encode("utf-8")


# -- timing ------------------------------------------------------------------------------


def measure(
    fn: Callable[[str, bytes, str | None], Any],
    inputs: Sequence[tuple[str, bytes, str | None]],
    min_seconds: float,
) -> tuple[int, int, float]:
    """Run ``fn`` over ``inputs`` (repeating the list) for at least ``min_seconds``."""
    for name, data, url in inputs[:2]:  # warm-up: imports, caches
        fn(name, data, url)
    docs = size = 0
    start = time.perf_counter()
    while True:
        for name, data, url in inputs:
            fn(name, data, url)
            docs += 1
            size += len(data)
        elapsed = time.perf_counter() - start
        if elapsed >= min_seconds:
            return docs, size, elapsed


def rate_line(label: str, docs: int, size: int, secs: float) -> float:
    """Print docs/s and MB/s; return seconds per document."""
    log(
        f"  {label:<34} {docs / secs:9.1f} docs/s {size / secs / 1e6:8.2f} MB/s"
        f"   ({docs} docs in {secs:.1f} s)"
    )
    return secs / docs


def bench_throughput(min_seconds: float) -> None:
    """Parts (a) to (d)."""
    from newsclaims.host import PluginHost
    from newsclaims.inputs import document_from
    from newsclaims.pipeline import parse_document

    host = PluginHost()
    loaded = host.loaded()
    log(f"plugins loaded: {', '.join(loaded)}")
    used: dict[str, int] = {}

    def parse(plugin: str | None) -> Callable[[str, bytes, str | None], Any]:
        def run(name: str, data: bytes, url: str | None) -> Any:
            report = parse_document(
                document_from(data, url=url, origin=name), plugin=plugin, host=host
            )
            used[report.parser.name] = used.get(report.parser.name, 0) + 1
            return report

        return run

    texts = text_inputs()
    log()
    log(f"(a) text -> claims, {len(texts)} files ({sum(len(t[1]) for t in texts) / 1e3:.0f} KB)")
    if texts:
        per_doc = rate_line("text -> claims (1 core)", *measure(parse(None), texts, min_seconds))
        ok = 1 / per_doc >= TARGET_TEXT_DOCS_PER_S
        log(
            f"  parsed by: {used}; target >= {TARGET_TEXT_DOCS_PER_S:.0f} docs/s per core: "
            f"{'met' if ok else 'NOT met'}"
        )
    else:
        log("  skipped: no text articles found")

    pages, where = html_inputs()
    size_kb = sum(len(p[1]) for p in pages) / 1e3
    log()
    log(f"(b)-(d) HTML, {len(pages)} pages from {where} ({size_kb:.0f} KB)")
    html_per_doc = traf_per_doc = None
    if "html" in loaded:
        used.clear()
        html_per_doc = rate_line(
            "(b) HTML -> claims (newsclaims-html)", *measure(parse("html"), pages, min_seconds)
        )
    else:
        log("  (b) skipped: the newsclaims-html plugin is not installed")
    try:
        import trafilatura
    except ImportError:
        log("  (c) skipped: trafilatura is not installed")
    else:

        def extract(name: str, data: bytes, url: str | None) -> Any:
            return trafilatura.extract(data, url=url, include_comments=False, include_tables=True)

        traf_per_doc = rate_line(
            "(c) trafilatura.extract alone", *measure(extract, pages, min_seconds)
        )
    lxml_html: Any = importlib.import_module("lxml.html")

    def parse_lxml(name: str, data: bytes, url: str | None) -> Any:
        return lxml_html.document_fromstring(data)

    rate_line("(d) lxml.html parsing alone (floor)", *measure(parse_lxml, pages, min_seconds))
    if html_per_doc and traf_per_doc:
        ratio = html_per_doc / traf_per_doc
        verdict = "met" if ratio <= TARGET_HTML_RATIO else "NOT met"
        log(
            f"  ratio (b)/(c), time per page: {ratio:.2f}x "
            f"(target <= {TARGET_HTML_RATIO}x: {verdict})"
        )


# -- memory ------------------------------------------------------------------------------


def write_warc(path: Path, records: int) -> int:
    """A gzipped WARC of ``records`` generated HTML responses; returns its size."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    rng = random.Random(11)
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for i in range(records):
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            writer.write_record(
                writer.create_warc_record(
                    f"https://news.example.org/{i}",
                    "response",
                    payload=io.BytesIO(generated_page(rng, i)),
                    http_headers=headers,
                    warc_headers_dict={"WARC-Date": "2024-03-05T10:00:00Z"},
                )
            )
    return path.stat().st_size


def _tree_rss(root: Any) -> tuple[int, int]:
    """(sum of RSS, largest RSS) over a process and its children."""
    psutil: Any = importlib.import_module("psutil")

    procs = [root]
    with contextlib.suppress(psutil.Error):
        procs += root.children(recursive=True)
    total = largest = 0
    for p in procs:
        try:
            rss = p.memory_info().rss
        except psutil.Error:
            continue
        total += rss
        largest = max(largest, rss)
    return total, largest


def run_extract(warc: Path, jobs: int) -> dict[str, float]:
    """Run ``newsclaims extract`` on ``warc``: seconds, docs/s, peak RSS (MB), CPU seconds.

    CPU seconds count the command and its workers; CPU / wall time is how many cores the run
    really got (less than ``jobs`` when other processes share the machine).
    """
    cmd = [sys.executable, "-m", "newsclaims.cli", "extract", str(warc), "-q", "-j", str(jobs)]
    out = warc.with_suffix(f".j{jobs}.jsonl")
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.Popen([*cmd, "-o", str(out)])
    peak_total = peak_one = 0
    handle: Any = None
    with contextlib.suppress(ImportError):
        handle = importlib.import_module("psutil").Process(proc.pid)
    while proc.poll() is None:
        if handle is not None:
            total, largest = _tree_rss(handle)
            peak_total, peak_one = max(peak_total, total), max(peak_one, largest)
        time.sleep(0.05)
    secs = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"newsclaims extract exited with {proc.returncode}")
    with open(out, "rb") as fh:
        docs = sum(1 for _ in fh)
    out.unlink()
    if handle is None:  # no psutil: the largest child only
        peak_one = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    return {
        "docs": docs,
        "secs": secs,
        "rate": docs / secs,
        "total_mb": peak_total / 1e6,
        "one_mb": peak_one / 1e6,
        "cpu": cpu,
    }


def bench_memory(records: int) -> None:
    """Part (e): peak RSS over a generated WARC at 1 and 2 jobs, and over one twice as big."""
    log()
    log("(e) memory: newsclaims extract over generated WARC files (-o FILE, -q)")
    try:
        import warcio  # noqa: F401
    except ImportError:
        log("  skipped: warcio is not installed (pip install 'newsclaims[warc]')")
        return
    try:
        importlib.import_module("psutil")
        how = "sum over the main process and its workers"
    except ImportError:
        how = "largest single process (psutil not installed)"
    log(f"  peak RSS is the {how}")
    with tempfile.TemporaryDirectory(prefix="newsclaims-bench-") as tmp:
        results = {}
        sizes: dict[int, int] = {}
        for n, jobs in ((records, 1), (records, 2), (2 * records, 2)):
            warc = Path(tmp) / f"gen{n}.warc.gz"
            if n not in sizes:
                t0 = time.perf_counter()
                sizes[n] = write_warc(warc, n)
                log(
                    f"  wrote {n} records, {sizes[n] / 1e6:.1f} MB, "
                    f"in {time.perf_counter() - t0:.1f} s"
                )
            r = run_extract(warc, jobs)
            results[(n, jobs)] = r
            log(
                f"  {n:>6} records, {jobs} job(s): {r['rate']:7.1f} docs/s "
                f"{sizes[n] / r['secs'] / 1e6:6.2f} MB/s  peak RSS {r['total_mb']:6.1f} MB "
                f"(largest process {r['one_mb']:.1f} MB)  [{int(r['docs'])} records out, "
                f"{r['secs']:.1f} s, {r['cpu'] / int(r['docs']) * 1000:.1f} ms CPU/doc, "
                f"{r['cpu'] / r['secs']:.2f} cores busy]"
            )
        peak = max(r["total_mb"] or r["one_mb"] for r in results.values())
        small, big = results[(records, 2)], results[(2 * records, 2)]
        growth = (big["total_mb"] or big["one_mb"]) / max(small["total_mb"] or small["one_mb"], 1)
        speedup = results[(records, 2)]["rate"] / results[(records, 1)]["rate"]
        log(
            f"  peak RSS {peak:.1f} MB (target < {TARGET_PEAK_MB:.0f} MB: "
            f"{'met' if peak < TARGET_PEAK_MB else 'NOT met'}); 2x input -> {growth:.2f}x memory"
        )
        one, two = results[(records, 1)], results[(records, 2)]
        efficiency = (one["cpu"] / one["docs"]) / (two["cpu"] / two["docs"])
        log(
            f"  2 jobs vs 1: {speedup:.2f}x wall clock (target ~{TARGET_SPEEDUP}x; "
            f"{os.cpu_count()} CPUs here, startup included); CPU per document at 2 jobs is "
            f"{1 / efficiency:.2f}x that at 1 job, so with 2 free cores the speedup is "
            f"~{2 * efficiency:.2f}x"
        )


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark; returns the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="short timings, 2,000-record WARC")
    parser.add_argument("--records", type=int, help="records in the smaller WARC (10,000)")
    parser.add_argument("--seconds", type=float, help="minimum seconds per timing (3)")
    parser.add_argument("--skip-memory", action="store_true", help="leave out part (e)")
    args = parser.parse_args(argv)
    seconds = args.seconds or (1.0 if args.quick else 3.0)
    records = args.records or (2000 if args.quick else 10_000)
    log(f"newsclaims throughput benchmark; python {sys.version.split()[0]}, {os.cpu_count()} CPUs")
    bench_throughput(seconds)
    if not args.skip_memory:
        bench_memory(records)
    return 0


if __name__ == "__main__":
    sys.exit(main())
