"""Cost of HTML pages with many elements: per element at 100 KB against 1,000,000 elements.

Issue 10 item 9: the html plugin was superlinear in the number of elements (about
n^2.2): 40,000 inline elements in one ``<p>`` took 23 s, 200,000 tiny ``<p>`` 131 s.
Target: the cost per element at 1,000,000 elements within 1.5x of that at 100 KB, and
the peak memory the parse adds under 10x the input.

Run from the project root: ``python benchmarks/html_elements.py`` (``--elements N`` for
the large size, ``--shapes inline,paragraphs``). Every measurement runs in a child
process of its own (the small page several times, the fastest run kept), timing the
html plugin's ``parse_html`` (page -> article: metadata and body, no claims); the peak
resident memory the parse adds is read from ``/proc/self/status`` (VmHWM, reset before
the parse), as a multiple of the page's size in bytes. Targets are reported, not asserted.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys

TARGET_RATIO = 1.5
TARGET_MEMORY = 10.0
SMALL_BYTES = 100_000

_CHILD = r"""
import json, sys, time
from newsclaims.models import Document
from newsclaims_html import parse_html
shape, n, repeat = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
def page(shape, n):
    if shape == "inline":
        body = "<p>" + "".join(f"<b>w{i}</b> " for i in range(n)) + "</p>"
    else:
        body = "".join(f"<p>Word {i} here.</p>" for i in range(n))
    return f"<html><body><article>{body}</article></body></html>"
def rss(key):
    for line in open("/proc/self/status"):
        if line.startswith(key):
            return int(line.split()[1]) * 1024
    return 0
parse_html(Document(text=page("paragraphs", 50), content_type="text/html"))  # imports, warm
text = page(shape, n)
best = None
for _ in range(repeat):
    doc = Document(text=text, content_type="text/html")
    try:
        open("/proc/self/clear_refs", "w").write("5")  # reset the peak to the current size
    except OSError:
        pass
    before = rss("VmRSS")
    t = time.perf_counter()
    article = parse_html(doc)
    seconds = time.perf_counter() - t
    added = rss("VmHWM") - before
    best = seconds if best is None else min(best, seconds)
print(json.dumps({"seconds": best, "bytes": len(text.encode()), "added": added,
                  "words": len(article.text.split())}))
"""


def elements_for(shape: str, size: int) -> int:
    """How many elements make a page of about ``size`` bytes of this shape."""
    per = 10 if shape == "inline" else 22  # '<b>w123</b> ' / '<p>Word 123 here.</p>'
    return max(1, size // per)


def measure(shape: str, n: int, repeat: int) -> dict[str, float]:
    """Run one measurement in a child process."""
    out = subprocess.run(
        [sys.executable, "-c", _CHILD, shape, str(n), str(repeat)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    result: dict[str, float] = json.loads(out.strip().splitlines()[-1])
    return result


def main() -> int:
    """Measure each shape at 100 KB and at ``--elements`` elements, print the ratios."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--elements", type=int, default=1_000_000)
    ap.add_argument("--shapes", default="inline,paragraphs")
    ap.add_argument("--repeat", type=int, default=5, help="runs of the small page (fastest kept)")
    args = ap.parse_args()
    print(
        f"target: per-element cost ratio <= {TARGET_RATIO}, added peak memory <= "
        f"{TARGET_MEMORY}x the input"
    )
    for shape in args.shapes.split(","):
        small_n = elements_for(shape, SMALL_BYTES)
        small = measure(shape, small_n, args.repeat)
        large = measure(shape, args.elements, 1)
        per_small = small["seconds"] / small_n
        per_large = large["seconds"] / args.elements
        ratio = per_large / per_small
        memory = large["added"] / large["bytes"]
        print(
            f"{shape:10} {small_n:>9,} elements {small['bytes'] / 1e3:7.0f} KB "
            f"{per_small * 1e6:6.2f} us/element | {args.elements:>9,} elements "
            f"{large['bytes'] / 1e6:6.1f} MB {large['seconds']:6.1f} s "
            f"{per_large * 1e6:6.2f} us/element | ratio {ratio:.2f} "
            f"({'met' if ratio <= TARGET_RATIO else 'not met'}) | added peak "
            f"{large['added'] / 1e6:.0f} MB = {memory:.1f}x input "
            f"({'met' if memory <= TARGET_MEMORY else 'not met'})",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
