"""Page layouts that hide a story's shape from trafilatura: layout tables and split bodies.

*Layout tables.* Older pages lay out the whole page with ``<table>``: one cell holds the
headline, the story, a list of other stories and the footer. trafilatura, told to keep
tables, renders such a cell as one line of a table, so the story and what stands beside it
become one paragraph that no later rule can split. A table that holds blocks (paragraphs,
headings, lists, other tables) in its cells and does not mark itself as data (no caption,
no header cells) is a layout: :func:`unwrap_layout_tables` turns its rows and cells into
plain blocks, as a browser's reader view does.

*Split bodies.* Some pages cut a long story into several sibling containers of the same
kind (the same tag and class), with advertisements between them; trafilatura keeps the
first. :func:`body_twins` finds the container holding the extraction and the twins that
hold the rest; :func:`join_twins` moves the twins' content into it, in page order.

*Teaser lists.* A list whose every item is a headline linking to another page, set among
a story's paragraphs, is related content (:func:`teaser_lists`); trafilatura keeps it
when it sits between paragraphs.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from lxml import etree  # type: ignore[import-untyped]

from .tree import HtmlElement

__all__ = ["body_twins", "join_twins", "teaser_lists", "unwrap_layout_tables"]

#: elements that make a table cell hold a layout block
_BLOCK_TAGS = frozenset(
    "p div table ul ol dl h1 h2 h3 h4 h5 h6 blockquote form article section".split()
)
#: what marks a table as data (a reader keeps it as a table)
_DATA_TAGS = ("caption", "th", "thead", "tfoot", "colgroup")
_NON_WORD = re.compile(r"\W+")


def _words(el: HtmlElement) -> int:
    return len(el.text_content().split())


def _cells(table: HtmlElement) -> list[HtmlElement]:
    """The table's own cells (not those of tables nested in it)."""
    out: list[HtmlElement] = []
    for row in table.iter("tr"):
        if next(row.iterancestors("table"), None) is not table:
            continue
        out.extend(c for c in row if c.tag in ("td", "th"))
    return out


def _is_layout(table: HtmlElement) -> bool:
    if (table.get("role") or "").lower() == "presentation":
        return True
    if table.get("summary"):
        return False
    for tag in _DATA_TAGS:
        found = next(table.iter(tag), None)
        if found is not None and next(found.iterancestors("table"), None) is table:
            return False
    for cell in _cells(table):
        for child in cell.iter():
            if child is not cell and isinstance(child.tag, str) and child.tag in _BLOCK_TAGS:
                return True
    return False


def unwrap_layout_tables(tree: HtmlElement) -> int:
    """Turn layout tables of ``tree`` into plain blocks (in place); how many were."""
    tables = [t for t in tree.iter("table") if isinstance(t, HtmlElement)]
    layout = [t for t in tables if _is_layout(t)]
    for table in layout:
        cells = _cells(table)
        rows = {id(c.getparent()): c.getparent() for c in cells}
        for el in (*cells, *rows.values()):
            el.tag = "div"
            for name in ("colspan", "rowspan", "valign", "align", "width", "height"):
                el.attrib.pop(name, None)
        for group in table.findall("./tbody") + table.findall("./thead") + table.findall("./tfoot"):
            group.tag = "div"
        table.tag = "div"
    return len(layout)


def _key(text: str) -> str:
    return _NON_WORD.sub("", text).lower()


#: a twin holds at least this many words of paragraphs the extraction lacks
TWIN_WORDS = 40
#: the container holds at least this share of the extracted lines found on the page
HOLDS = 0.8


def _paragraphs(tree: HtmlElement) -> dict[str, HtmlElement]:
    out: dict[str, HtmlElement] = {}
    for p in tree.iter("p"):
        key = _key(p.text_content())
        if len(key) >= 20:
            out.setdefault(key, p)
    return out


def body_twins(
    tree: HtmlElement, lines: Sequence[str]
) -> tuple[HtmlElement, list[HtmlElement]] | None:
    """The container of the extracted ``lines`` and its twins holding more of the story.

    ``None`` when the lines are not found in one classed container or it has no twin.
    """
    paragraphs = _paragraphs(tree)
    found = [paragraphs[k] for k in (_key(line) for line in lines) if k in paragraphs]
    if len(found) < 2:
        return None
    counts: Counter[HtmlElement] = Counter()
    for p in found:
        counts.update(p.iterancestors())
    holders = [a for a, n in counts.items() if n >= HOLDS * len(found)]
    if not holders:
        return None
    # the deepest element holding them (holders are all ancestors of one paragraph)
    container = max(holders, key=lambda a: sum(1 for _ in a.iterancestors()))
    if not container.get("class") or container.tag not in ("div", "section", "article"):
        return None
    have = {_key(line) for line in lines}
    parent = container.getparent()
    if parent is None:
        return None
    kind = (parent.tag, parent.get("class"))
    depth = sum(1 for _ in container.iterancestors())
    twins = []
    for el in tree.iter(container.tag):
        if el is container or el.get("class") != container.get("class"):
            continue
        # a twin sits in the same kind of place: its parent of the same kind, as deep
        above = el.getparent()
        if above is None or (above.tag, above.get("class")) != kind:
            continue
        if sum(1 for _ in el.iterancestors()) != depth:
            continue
        if any(a is container for a in el.iterancestors()) or any(
            a is el for a in container.iterancestors()
        ):
            continue
        new = sum(
            len(p.text_content().split())
            for p in el.iter("p")
            if _key(p.text_content()) not in have
        )
        if new >= TWIN_WORDS:
            twins.append(el)
    return (container, twins) if twins else None


def join_twins(container: HtmlElement, twins: Sequence[HtmlElement]) -> None:
    """Move the content of ``twins`` into ``container`` in page order (in place)."""
    # the elements themselves as keys: an id() of an lxml proxy is reused once it is freed
    order = {el: i for i, el in enumerate(container.getroottree().iter())}
    ordered = sorted([container, *twins], key=lambda el: order.get(el, 0))
    before = [el for el in ordered if order[el] < order[container]]
    after = [el for el in ordered if order[el] > order[container]]
    for twin in reversed(before):
        moved = list(twin)
        if twin.text and twin.text.strip():
            first = etree.SubElement(container, "p")
            first.text = twin.text
            container.remove(first)
            moved.insert(0, first)
        for i, child in enumerate(moved):
            container.insert(i, child)
        twin.drop_tree()
    for twin in after:
        if twin.text and twin.text.strip():
            etree.SubElement(container, "p").text = twin.text
        for child in list(twin):
            container.append(child)
        twin.drop_tree()


#: a list is a teaser list with this many items, each a headline of this many words ...
TEASER_ITEMS = 3
TEASER_WORDS = 3
#: ... whose text is at least this share link text
TEASER_LINK_SHARE = 0.8
#: and only beside a story: paragraphs of this many words in the list's parent container
TEASER_STORY_WORDS = 100


def _link_share(el: HtmlElement) -> float:
    text = "".join(el.text_content().split())
    if not text:
        return 0.0
    links = sum(len("".join(a.text_content().split())) for a in el.iter("a"))
    return links / len(text)


def teaser_lists(tree: HtmlElement) -> list[HtmlElement]:
    """Lists of links to other stories inside a story (``<ul>`` of headline links).

    Every item of such a list is a link to another page, of a few words (with perhaps a
    section name beside it); the list sits among a story's paragraphs. A list of links
    that is the page's content (no story of :data:`TEASER_STORY_WORDS` words around it)
    is not one, nor a table of contents (links into the page).
    """
    out: list[HtmlElement] = []
    story_words: dict[HtmlElement, int] = {}
    for lst in tree.iter("ul", "ol"):
        items = [li for li in lst if li.tag == "li"]
        if len(items) < TEASER_ITEMS:
            continue
        if any(len(li.text_content().split()) < TEASER_WORDS for li in items):
            continue
        if any(_link_share(li) < TEASER_LINK_SHARE for li in items):
            continue
        links = [li.find(".//a") for li in items]
        # a table of contents links into the page itself: the story's own outline
        if any(a is None or (a.get("href") or "").startswith("#") for a in links):
            continue
        parent = lst.getparent()
        if parent is None:
            continue
        if parent not in story_words:  # each parent's paragraphs counted once
            story_words[parent] = _paragraph_words(parent)
        if story_words[parent] - _paragraph_words(lst) >= TEASER_STORY_WORDS:
            out.append(lst)
    return out


def _paragraph_words(el: HtmlElement) -> int:
    return sum(len(p.text_content().split()) for p in el.iter("p"))
