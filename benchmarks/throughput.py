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
    pages at 1 and 2 jobs, and over a WARC twice as large, to show memory stays flat;
(f) Korea Herald pages -> claims through the newsclaims-koreaherald plugin against
    trafilatura's extraction alone on the same pages, per layout (the 2018 and 2023 layout
    tables and the 2024 JSON-LD pages the plugin reads generically) and in all, with the
    ratio; the target is the plugin faster than trafilatura (ratio < 1). The pages are
    constructed in memory at a real page's size and furniture, with the real articles of
    ``../shared/corpus/conflict`` as bodies when present (``--only-koreaherald`` runs (f)).

Parts whose plugin or library is not installed are skipped, saying so. The targets are
reported, not asserted. Generated WARC files go to a temporary folder, never the repo.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import importlib
import io
import json
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from html import escape as html_escape
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


# -- Korea Herald pages ------------------------------------------------------------------
#
# Constructed pages in the shapes the newsclaims-koreaherald plugin reads (its layouts.py
# tables and the JSON-LD-only 2024 layout of its golden pages), with the page furniture of
# a real news site at a real page's size: a mega-menu, ad slots with inline scripts,
# popular/latest/related lists with summaries, and a site-map footer. Built in memory at
# run time, never saved. Bodies are the real plain-text articles of
# ../shared/corpus/conflict when present (read now, not copied), else generated.

KH_LAYOUTS = ("view-2018", "news-2023", "article-2024")
_KH_SECTIONS = {
    "National": ["Politics", "Social Affairs", "Foreign Affairs", "Defense", "North Korea"],
    "Business": ["Economy", "Finance", "Industry", "Technology", "Mobility", "Retail"],
    "Life & Culture": ["Culture", "Travel", "Fashion", "Food & Beverage", "Books", "Arts"],
    "Entertainment": ["Film", "Television", "Music", "K-pop", "Webtoon"],
    "Sports": ["Soccer", "Baseball", "Golf", "Olympics", "Esports"],
    "World": ["Asia-Pacific", "Americas", "Europe", "Middle East", "Africa"],
    "Opinion": ["Editorial", "Viewpoints", "Columnists", "Letters"],
    "Lifestyle": ["Health", "Science", "Education", "Environment", "Weather"],
    "Multimedia": ["Photo News", "Video", "Podcast", "Interactive"],
    "Herald Special": ["Korea Expat Survey", "Future Forum", "Herald Design", "Insights"],
}
_KH_SUBJECTS = [
    "Seoul",
    "The finance ministry",
    "Lawmakers",
    "Prosecutors",
    "Busan port operators",
    "Chipmakers",
    "The central bank",
    "Exporters",
    "Health authorities",
    "Union leaders",
    "The defense ministry",
    "Local governments",
    "Retailers",
    "Researchers",
]
_KH_VERBS = [
    "weigh",
    "push for",
    "brace for",
    "reject",
    "unveil",
    "probe",
    "back",
    "delay",
    "expand",
    "review",
]
_KH_OBJECTS = [
    "new tariffs on steel",
    "rent caps in the capital",
    "a four-day work week",
    "stricter rules on deepfakes",
    "extra budget for flood relief",
    "a deal with Tokyo on labor",
    "curbs on short selling",
    "a bid for the 2036 Olympics",
    "the minimum wage for next year",
    "record exports of chips",
    "an overhaul of medical school quotas",
    "drone defenses along the border",
]
_MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
_KH_NAMES = ["Kang Ji-won", "Yoon Hae-rin", "Shin Dong-hyuk", "Baek Min-seo", "Oh Jae-won"]
_KH_JS_WORDS = ["slot", "target", "sizes", "refresh", "lazy", "bidder", "floor", "consent"]


def _kh_headline(rng: random.Random) -> str:
    return f"{rng.choice(_KH_SUBJECTS)} {rng.choice(_KH_VERBS)} {rng.choice(_KH_OBJECTS)}"


def _kh_summary(rng: random.Random) -> str:
    return (
        f"{_kh_headline(rng)}, officials said on {rng.choice(['Monday', 'Tuesday', 'Friday'])}, "
        f"as {rng.choice(_KH_SUBJECTS).lower()} {rng.choice(_KH_VERBS)} "
        f"{rng.choice(_KH_OBJECTS)}."
    )


def _kh_script(rng: random.Random, size: int) -> str:
    """An inline script of about ``size`` characters, shaped like ad and analytics setup."""
    lines = ["window.dataLayer = window.dataLayer || [];", "var googletag = googletag || {};"]
    n = total = 0
    while total < size:
        w = rng.choice(_KH_JS_WORDS)
        lines.append(
            f"googletag.cmd.push(function(){{googletag.defineSlot('/2112/kh/{w}_{n}', "
            f"[[300,250],[336,280]], 'div-gpt-ad-{rng.randrange(10**12)}-{n}')"
            f".setTargeting('{w}', ['{rng.randrange(999)}']).addService(googletag.pubads());}});"
        )
        total += len(lines[-1])
        n += 1
    return "\n".join(lines)


def _kh_style(rng: random.Random, size: int) -> str:
    rules: list[str] = []
    total = 0
    while total < size:
        cls = f"{rng.choice(_KH_JS_WORDS)}_{rng.randrange(500)}"
        rules.append(
            f".{cls}{{margin:0 {rng.randrange(30)}px;padding:{rng.randrange(20)}px;"
            f"font-size:{rng.randrange(11, 30)}px;color:#{rng.randrange(16**6):06x}}}"
        )
        total += len(rules[-1])
    return "".join(rules)


def _kh_item(rng: random.Random, cls: str, summary: bool) -> str:
    aid = rng.randrange(10_000_000, 10_500_000)
    text = f"<p class='{cls}_summary'>{_kh_summary(rng)}</p>" if summary else ""
    return (
        f"<li class='{cls}_item'><a href='/article/{aid}'><div class='{cls}_img'>"
        f"<img src='https://wimg.heraldcorp.com/news/cms/2024/{aid}.jpg' alt='' "
        f"loading='lazy'></div><p class='{cls}_tit'>{_kh_headline(rng)}</p>{text}"
        f"<span class='{cls}_date'>2024.0{rng.randint(1, 9)}.{rng.randint(10, 28)}</span>"
        "</a></li>"
    )


def _kh_list(rng: random.Random, cls: str, title: str, n: int, summary: bool) -> str:
    items = "".join(_kh_item(rng, cls, summary) for _ in range(n))
    return f"<div class='{cls}'><h3 class='{cls}_head'>{title}</h3><ul>{items}</ul></div>"


def _kh_ad(rng: random.Random) -> str:
    slot = rng.randrange(10**12)
    return (
        f"<div class='ad_wrap'><div id='div-gpt-ad-{slot}'>"
        f"<script>googletag.cmd.push(function(){{googletag.display('div-gpt-ad-{slot}');}});"
        "</script></div></div>"
    )


def _kh_menu() -> str:
    out = []
    for section, subs in _KH_SECTIONS.items():
        links = "".join(
            f"<li><a href='/list/{section[:4].lower()}/{s.replace(' ', '').lower()}'>{s}</a></li>"
            for s in subs
        )
        out.append(
            f"<li class='gnb_item'><a href='/list/{section[:4].lower()}'>{section}</a>"
            f"<div class='gnb_sub'><ul>{links}</ul></div></li>"
        )
    return "".join(out)


def _kh_chrome(rng: random.Random) -> dict[str, str]:
    """The page furniture every layout shares, at a real page's size (100-250 KB in all)."""
    icons = "".join(
        f"<svg class='ico_{k}' viewBox='0 0 24 24'><path d='M{rng.randrange(24)} "
        f"{rng.randrange(24)}L{rng.randrange(24)} {rng.randrange(24)}Z'/></svg>"
        for k in range(12)
    )
    trending = "".join(f"<a href='/search?q={w}'>#{w}</a>" for w in rng.sample(_KH_OBJECTS, 8))
    menu = _kh_menu()
    header = (
        "<div id='skip'><a href='#container'>Skip to content</a></div>"
        f"<header class='header'><div class='util'>{icons}"
        "<form class='search_form' action='/search'><input name='q' placeholder='Search'>"
        "<button type='submit'>Search</button></form><a href='/login'>Sign in</a>"
        "<a href='/subscribe'>Subscribe</a></div>"
        "<h2 class='logo'><a href='/'>The Korea Herald</a></h2>"
        f"<nav class='gnb'><ul>{menu}</ul></nav><nav class='all_menu'><ul>{menu}</ul></nav>"
        f"<div class='trending'><strong>Trending</strong>{trending}</div>"
        f"<div class='ticker'><ul>{''.join(_kh_item(rng, 'tick', False) for _ in range(8))}"
        "</ul></div></header>"
    )
    side = (
        _kh_ad(rng)
        + _kh_list(rng, "popular", "Most Popular", 10, False)
        + _kh_ad(rng)
        + _kh_list(rng, "latest", "Latest News", 10, False)
        + _kh_list(rng, "photo_news", "Photo News", 8, False)
        + _kh_list(rng, "editors", "Editor's Picks", 6, True)
    )
    below = (
        _kh_ad(rng)
        + _kh_list(rng, "more_section", "More from this section", rng.randint(12, 24), True)
        + _kh_list(rng, "recommend", "Recommended", rng.randint(12, 30), True)
        + _kh_list(rng, "k_pop", "K-pop Herald", 8, False)
        + _kh_ad(rng)
    )
    sitemap = "".join(
        f"<dl><dt>{section}</dt>{''.join(f'<dd><a href=/list/{s[:3]}>{s}</a></dd>' for s in subs)}"
        "</dl>"
        for section, subs in _KH_SECTIONS.items()
    )
    footer = (
        f"<footer class='footer'><div class='sitemap'>{sitemap}</div>"
        "<div class='company'><p>Herald Corporation, Huam-ro 4-gil, Yongsan-gu, Seoul</p>"
        "<p>Registration No. : 000000 | Date of Registration : 2008.01.01 | Publisher : "
        "Editor : Juvenile Protection Manager</p><p>Tel : +82-2-727-0000 | Fax : "
        "+82-2-727-0001</p></div><p class='copy'>ⓒ The Korea Herald. All rights reserved."
        "</p></footer>"
    )
    head = (
        "<meta name='viewport' content='width=device-width,initial-scale=1'>"
        + "".join(
            f"<link rel='preload' href='https://res.heraldm.com/{k}.js' as='script'>"
            for k in range(10)
        )
        + f"<style>{_kh_style(rng, rng.randint(8_000, 20_000))}</style>"
        + f"<script>{_kh_script(rng, rng.randint(15_000, 45_000))}</script>"
        + "<script async src='https://securepubads.g.doubleclick.net/tag/js/gpt.js'></script>"
    )
    tail = f"<script>{_kh_script(rng, rng.randint(10_000, 110_000))}</script>"
    return {
        "head": head,
        "header": header,
        "side": side,
        "below": below,
        "footer": footer,
        "tail": tail,
    }


_SENTENCE_END = re.compile(r"(?:(?<=[a-z0-9)][.!?])|(?<=[.!?][”\"’]))\s*(?=[A-Z“\"])")


def kh_bodies() -> list[list[str]]:
    """Article bodies as paragraphs: the real conflict articles when present, else generated."""
    bodies = []
    for path in sorted((SHARED / "corpus" / "conflict").glob("*.txt")):
        text = path.read_text("utf-8", errors="replace")
        sentences = [s.strip() for s in _SENTENCE_END.split(" ".join(text.split())) if s.strip()]
        paras = [" ".join(sentences[k : k + 2]) for k in range(0, len(sentences), 2)]
        if len(paras) >= 3:
            bodies.append(paras)
    if bodies:
        return bodies
    rng = random.Random(5)
    out = []
    for _ in range(20):
        paras = []
        for k in range(rng.randint(6, 14)):
            if k % 2 == 0:
                paras.append(
                    f"At least {rng.randint(2, 900)} people {rng.choice(_WHAT)} in "
                    f"{rng.choice(_PLACES)} on Monday, {rng.choice(_WHO)} said. "
                    f"{rng.choice(_FILL)}"
                )
            else:
                paras.append(" ".join(rng.sample(_FILL, 3)))
        out.append(paras)
    return out


def _kh_title(paras: list[str]) -> str:
    words = paras[0].split()
    return " ".join(words[: min(len(words), 12)])


def _kh_article(
    layout: str, rng: random.Random, i: int, paras: list[str], name: str
) -> tuple[str, str]:
    """``(url, article markup)`` of one layout; the title is the body's first words."""
    title = html_escape(_kh_title(paras))
    day = f"{1 + i % 12:02d}{1 + i % 28:02d}"
    shown = f"{_MONTHS[i % 12]} {1 + i % 28}"
    mail = name.split()[1].split("-")[0].lower() + "@heraldcorp.com"
    esc = [html_escape(p) for p in paras[1:]]
    half = max(1, len(esc) // 2)
    caption = "Rescue workers search the site on Monday. (Yonhap)"
    photo = f"https://wimg.heraldcorp.com/news/cms/2022/{i}.jpg"
    if layout == "view-2018":
        related = "".join(
            f"<li><a href='/view.php?ud=2022{i:04d}{k:06d}'>{_kh_headline(rng)}</a></li>"
            for k in range(6)
        )
        text = "<br><br>".join(esc[:half]) + "<br><br>" + _kh_ad(rng)
        text += "<br><br>".join(esc[half:]) + f"<br><br>By {name} ({mail})"
        article = (
            f"<div class='view_bg'><div class='view_tit_icon'>National</div>"
            f"<h1 class='view_tit'>{title}</h1><h2 class='view_tit_sub'>{_kh_headline(rng)}</h2>"
            f"<div class='view_tit_byline'><div class='view_tit_byline_l'>"
            f"<a href='/search/list_name.php?byline={name}'>By {name}</a></div>"
            f"<div class='view_tit_byline_r'>Published : {shown}, 2022 - 16:41 "
            f"<span>Updated : {shown}, 2022 - 17:30</span></div></div>"
            "<div id='articleText' class='view_con article'><table class='view_img'>"
            f"<tr><td><img src='{photo}' alt=''></td></tr>"
            f"<tr><td class='view_con_caption'>{caption}</td></tr></table>"
            f"<div class='view_con_t'>{text}</div>"
            f"<div class='khadv_bg'>{_kh_ad(rng)}</div>"
            f"<div class='view_relsec'><h3>Related articles</h3><ul>{related}</ul></div></div>"
            "<div class='view_share'><a href='#'>Facebook</a><a href='#'>Twitter</a>"
            f"<a href='#'>Kakao</a></div><div class='view_bottom_ad'>{_kh_ad(rng)}</div></div>"
        )
        return f"https://www.koreaherald.com/view.php?ud=2022{day}000{i % 1000:03d}", article
    if layout == "news-2023":
        ps = "".join(f"<p>{p}</p>" for p in esc[:half])
        ps += f"<div class='img_box'><img src='{photo}' alt=''><p class='img_caption'>"
        ps += f"{caption}</p></div>" + "".join(f"<p>{p}</p>" for p in esc[half:])
        ps += f"<p>By {name} ({mail})</p>"
        keywords = "".join(f"<a href='/search?q={w}'>#{w}</a>" for w in rng.sample(_KH_OBJECTS, 4))
        article = (
            "<div class='news_content'><div class='news_title_area'>"
            f"<h1 class='news_title'>{title}</h1><h2 class='news_title'>{_kh_headline(rng)}</h2>"
            f"<p class='news_date'>Published : {shown}, 2023 - 17:21 Updated : {shown}, 2023 - "
            "18:02</p></div><div class='news_text_area'>"
            f"<div class='text_box'>{ps}</div>"
            "<div class='news_share'><a href='#'>Facebook</a><a href='#'>X</a></div>"
            f"<div class='ad_area'>{_kh_ad(rng)}</div>"
            f"<div class='news_keyword'>{keywords}</div>"
            f"{_kh_list(rng, 'news_related', 'Related articles', 6, True)}</div></div>"
        )
        return f"https://www.koreaherald.com/view.php?ud=2023{day}000{i % 1000:03d}", article
    ps = "".join(f"<p>{p}</p>" for p in esc[:half])
    ps += f"<figure><img src='{photo}' alt=''><figcaption>{caption}</figcaption></figure>"
    ps += _kh_ad(rng) + "".join(f"<p>{p}</p>" for p in esc[half:])
    ps += f"<p>By {name} ({mail})</p>"
    article = (
        "<article class='article-view'><div class='article-head'>"
        f"<h1 class='article-title'>{title}</h1>"
        f"<div class='article-info'>By {name} · Published : Jul 10, 2024 - 14:30</div></div>"
        f"<div class='article-body'>{ps}</div>"
        "<div class='article-share'><a href='#'>Facebook</a><a href='#'>X</a></div></article>"
    )
    return f"https://www.koreaherald.com/article/{10_400_000 + i}", article


def kh_page(layout: str, rng: random.Random, i: int, paras: list[str]) -> tuple[str, bytes]:
    """``(url, page)``: one constructed Korea Herald page of ``layout`` with full chrome."""
    name = rng.choice(_KH_NAMES)
    url, article = _kh_article(layout, rng, i, paras, name)
    title = html_escape(_kh_title(paras))
    chrome = _kh_chrome(rng)
    meta = (
        f"<title>{title} - The Korea Herald</title><link rel='canonical' href='{url}'>"
        "<meta property='og:site_name' content='The Korea Herald'>"
        f"<meta property='og:title' content='{title}'><meta property='og:url' content='{url}'>"
        "<meta property='og:type' content='article'>"
    )
    if layout == "article-2024":
        ld = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": _kh_title(paras),
            "datePublished": "2024-07-10T14:30:00+09:00",
            "dateModified": "2024-07-10T16:05:00+09:00",
            "author": [{"@type": "Person", "name": name}],
            "publisher": {"@type": "Organization", "name": "The Korea Herald"},
        }
        meta += (
            "<meta property='article:published_time' content='2024-07-10T14:30:00+09:00'>"
            f"<script type='application/ld+json'>{json.dumps(ld)}</script>"
        )
    page = (
        f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>{meta}{chrome['head']}"
        f"</head><body>{chrome['header']}<div id='container'><div class='main_l'>{article}"
        f"{chrome['below']}</div><div class='main_r'>{chrome['side']}</div></div>"
        f"{chrome['footer']}{chrome['tail']}</body></html>"
    )
    return url, page.encode("utf-8")


def kh_inputs(per_layout: int) -> dict[str, list[tuple[str, bytes, str | None]]]:
    """``per_layout`` constructed pages of each Korea Herald layout, in memory."""
    bodies = kh_bodies()
    out: dict[str, list[tuple[str, bytes, str | None]]] = {}
    for n, layout in enumerate(KH_LAYOUTS):
        rng = random.Random(100 + n)
        pages: list[tuple[str, bytes, str | None]] = []
        for i in range(per_layout):
            url, page = kh_page(layout, rng, i, bodies[(i + n) % len(bodies)])
            pages.append((f"kh-{layout}-{i}.html", page, url))
        out[layout] = pages
    return out


# -- timing ------------------------------------------------------------------------------


@dataclasses.dataclass
class Timing:
    """Documents and bytes processed in timed rounds, and each round's rate."""

    docs: int
    size: int
    seconds: float
    rates: list[float]  # documents per second, one per round

    @property
    def rate(self) -> float:
        """The median round's documents per second: the machine's bursts of slowness (other
        tenants, frequency changes) move single rounds, not the median."""
        return statistics.median(self.rates)

    @property
    def per_doc(self) -> float:
        """Seconds per document at the median rate."""
        return 1 / self.rate


def measure(
    fn: Callable[[str, bytes, str | None], Any],
    inputs: Sequence[tuple[str, bytes, str | None]],
    min_seconds: float,
    rounds: int = 5,
) -> Timing:
    """Run ``fn`` over ``inputs`` (whole passes) in at least ``rounds`` timed rounds that
    together last at least ``min_seconds``.

    One untimed pass over every input comes first: lazy imports (dateparser for a date
    line, say) and caches are paid once per process, not per document, and a run over many
    documents is in that steady state almost all the time.
    """
    for name, data, url in inputs:
        fn(name, data, url)
    docs = size = 0
    rates: list[float] = []
    begin = time.perf_counter()
    while len(rates) < rounds or time.perf_counter() - begin < min_seconds:
        round_docs = 0
        round_start = time.perf_counter()
        while True:
            for name, data, url in inputs:
                fn(name, data, url)
                round_docs += 1
                size += len(data)
            round_secs = time.perf_counter() - round_start
            if round_secs >= min_seconds / rounds:
                break
        docs += round_docs
        rates.append(round_docs / round_secs)
    return Timing(docs, size, time.perf_counter() - begin, rates)


def rate_line(label: str, timing: Timing) -> float:
    """Print docs/s and MB/s at the median round; return seconds per document."""
    mb_per_s = timing.rate * timing.size / timing.docs / 1e6
    log(
        f"  {label:<34} {timing.rate:9.1f} docs/s {mb_per_s:8.2f} MB/s   (median of"
        f" {len(timing.rates)} rounds, {min(timing.rates):.0f}-{max(timing.rates):.0f} docs/s;"
        f" {timing.docs} docs in {timing.seconds:.1f} s)"
    )
    return timing.per_doc


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
        per_doc = rate_line("text -> claims (1 core)", measure(parse(None), texts, min_seconds))
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
            "(b) HTML -> claims (newsclaims-html)", measure(parse("html"), pages, min_seconds)
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
            "(c) trafilatura.extract alone", measure(extract, pages, min_seconds)
        )
    lxml_html: Any = importlib.import_module("lxml.html")

    def parse_lxml(name: str, data: bytes, url: str | None) -> Any:
        return lxml_html.document_fromstring(data)

    rate_line("(d) lxml.html parsing alone (floor)", measure(parse_lxml, pages, min_seconds))
    if html_per_doc and traf_per_doc:
        ratio = html_per_doc / traf_per_doc
        verdict = "met" if ratio <= TARGET_HTML_RATIO else "NOT met"
        log(
            f"  ratio (b)/(c), time per page: {ratio:.2f}x "
            f"(target <= {TARGET_HTML_RATIO}x: {verdict})"
        )


def _kh_layout_read(pages: Sequence[tuple[str, bytes, str | None]], host: Any) -> str:
    """Which reading the plugin gave the pages (its ``extra`` layout names, counted)."""
    try:
        page_module: Any = importlib.import_module("newsclaims_koreaherald.page")
    except ImportError:
        return "?"
    from newsclaims.inputs import document_from

    seen: dict[str, int] = {}
    for name, data, url in pages:
        article = page_module.parse_page(document_from(data, url=url, origin=name), host.knowledge)
        layout = str(article.extra.get("koreaherald", {}).get("layout", "?"))
        seen[layout] = seen.get(layout, 0) + 1
    return ", ".join(f"{k} x{v}" for k, v in seen.items())


def bench_koreaherald(min_seconds: float, per_layout: int) -> None:
    """Part (f): Korea Herald pages -> claims through their plugin vs trafilatura alone."""
    from newsclaims.host import PluginHost
    from newsclaims.inputs import document_from
    from newsclaims.pipeline import parse_document

    log()
    host = PluginHost()
    if "koreaherald" not in host.loaded():
        log("(f) skipped: the newsclaims-koreaherald plugin is not installed")
        return
    try:
        import trafilatura
    except ImportError:
        log("(f) skipped: trafilatura is not installed")
        return
    pages = kh_inputs(per_layout)
    count = sum(len(v) for v in pages.values())
    size_kb = sum(len(p[1]) for v in pages.values() for p in v) / 1e3
    has_corpus = any((SHARED / "corpus" / "conflict").glob("*.txt"))
    bodies = "../shared/corpus/conflict bodies" if has_corpus else "generated bodies"
    log(
        f"(f) Korea Herald: {count} constructed pages ({size_kb / count:.0f} KB each on "
        f"average, {bodies}), newsclaims-koreaherald -> claims vs trafilatura.extract alone"
    )
    used: dict[str, int] = {}

    def plugin(name: str, data: bytes, url: str | None) -> Any:
        report = parse_document(
            document_from(data, url=url, origin=name), plugin="koreaherald", host=host
        )
        used[report.parser.name] = used.get(report.parser.name, 0) + 1
        return report

    def extract(name: str, data: bytes, url: str | None) -> Any:
        return trafilatura.extract(data, url=url, include_comments=False, include_tables=True)

    per_doc: dict[str, tuple[float, float]] = {}
    for layout, group in pages.items():
        kb = sum(len(p[1]) for p in group) / len(group) / 1e3
        read = _kh_layout_read(group, host)
        log(f"  {layout}: {len(group)} pages, {kb:.0f} KB each; read as {read}")
        mine = rate_line("plugin -> claims", measure(plugin, group, min_seconds))
        theirs = rate_line("trafilatura.extract alone", measure(extract, group, min_seconds))
        per_doc[layout] = (mine, theirs)
        ratio = mine / theirs
        log(
            f"  {'ratio plugin/trafilatura, time':<34} {ratio:9.2f}x  "
            f"(target < 1.0x: {'met' if ratio < 1.0 else 'NOT met'})"
        )
    mine = sum(m for m, _ in per_doc.values()) / len(per_doc)
    theirs = sum(t for _, t in per_doc.values()) / len(per_doc)
    avg = size_kb * 1e3 / count
    log(f"  all layouts (equal shares; parsed by {used}):")
    log(f"  {'plugin -> claims':<34} {1 / mine:9.1f} docs/s {avg / mine / 1e6:8.2f} MB/s")
    label = "trafilatura.extract alone"
    log(f"  {label:<34} {1 / theirs:9.1f} docs/s {avg / theirs / 1e6:8.2f} MB/s")
    missed = [k for k, (m, t) in per_doc.items() if m >= t]
    log(
        f"  ratio plugin/trafilatura, time per page: {mine / theirs:.2f}x (target < 1.0x: "
        f"{'met' if mine < theirs else 'NOT met'}"
        + (f"; missed on {', '.join(missed)})" if missed else "; met on every layout)")
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
    parser.add_argument(
        "--only-koreaherald", action="store_true", help="run part (f) alone (with --quick too)"
    )
    args = parser.parse_args(argv)
    seconds = args.seconds or (1.0 if args.quick else 3.0)
    records = args.records or (2000 if args.quick else 10_000)
    log(f"newsclaims throughput benchmark; python {sys.version.split()[0]}, {os.cpu_count()} CPUs")
    if not args.only_koreaherald:
        bench_throughput(seconds)
    bench_koreaherald(seconds, 8 if args.quick else 16)
    if not args.skip_memory and not args.only_koreaherald:
        bench_memory(records)
    return 0


if __name__ == "__main__":
    sys.exit(main())
