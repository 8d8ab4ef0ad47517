"""Layouts that hide a story's shape: a page laid out with tables, a story split in chunks."""

from __future__ import annotations

from newsclaims_html import parse_html
from newsclaims_html.layout import unwrap_layout_tables
from newsclaims_html.tree import parse_tree

from newsclaims.models import Document

STORY = [
    "The council approved the new budget for the coming year after a long debate on Tuesday"
    " evening, with most members voting in favour of the plan put forward in the spring.",
    "The plan raises spending on roads and schools, and cuts the money set aside for new"
    " offices, which several members had called a waste at earlier meetings of the council.",
    "Members who voted against it said the town could not afford the extra spending, and"
    " asked for a review of the figures before the next meeting takes place in the autumn.",
    "The mayor said the budget was the result of months of work by staff and members, and"
    " that the town would publish a full account of the spending on its website next month.",
]
TEASERS = [
    "Harbour works delayed again by storms",
    "Library opens on Sundays from next week",
    "New bus timetable starts in the spring",
    "School fair raises money for a new playground",
]


def _parse(html: str) -> str:
    return parse_html(Document(html, content_type="text/html")).text


def _layout_page() -> str:
    story = "".join(f"<p>{p}</p>" for p in STORY)
    teasers = "".join(
        f"<div><a href='/s{i}'>{t}</a> A short note.</div>" for i, t in enumerate(TEASERS)
    )
    return (
        "<html><body><table><tr><td><div class='nav'><a href='/'>Home</a></div></td></tr>"
        "<tr valign='top'><td class='cell'><h1>Council approves budget</h1>"
        f"<div class='inner'>{story}</div><b>Other stories</b>{teasers}</td>"
        "<td><div>Weather today: sunny</div></td></tr></table></body></html>"
    )


def test_a_layout_table_is_unwrapped_into_blocks() -> None:
    tree = parse_tree(_layout_page())
    assert tree is not None
    assert unwrap_layout_tables(tree) == 1
    assert not list(tree.iter("table", "tr", "td"))


def test_a_data_table_stays_a_table() -> None:
    tree = parse_tree(
        "<table><tr><th>Town</th><th>Votes</th></tr><tr><td><p>North</p></td><td>12</td></tr>"
        "</table>"
    )
    assert tree is not None
    assert unwrap_layout_tables(tree) == 0
    assert len(list(tree.iter("td"))) == 2


def test_the_story_of_a_layout_table_is_not_one_line_with_its_teasers() -> None:
    text = _parse(_layout_page())
    paragraphs = text.split("\n\n")
    for p in STORY:
        assert p in paragraphs
    assert not any(p.startswith("|") for p in paragraphs)


def test_a_story_cut_into_sibling_chunks_is_extracted_whole() -> None:
    chunk = "<div class='row'><div class='chunk article-body'>{}</div></div>"
    ad = "<div class='ad-slot'><span>Advertisement</span></div>"
    first = "".join(f"<p>{p}</p>" for p in STORY[:2])
    second = "".join(f"<p>{p}</p>" for p in STORY[2:])
    html = (
        "<html><body><article><h1>Council approves budget</h1><div class='chunks'>"
        f"{chunk.format(first)}{ad}{chunk.format(second)}</div></article>"
        "<aside><ul>" + "".join(f"<li><a href='/x'>{t}</a></li>" for t in TEASERS) + "</ul></aside>"
        "</body></html>"
    )
    text = _parse(html)
    for p in STORY:
        assert p in text
    assert text.index(STORY[0]) < text.index(STORY[3])
    assert "Advertisement" not in text
