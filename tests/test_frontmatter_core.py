"""Front matter read with a YAML parser, fields by key role (issue 9, text metadata)."""

from __future__ import annotations

from datetime import datetime

from newsclaims.frontmatter import read_front_matter, split_front_matter, with_front_matter
from newsclaims.models import Article

REPOST = """---
ID: 12
post_title: 'Bridge collapse kills 4 &#8211; Example Gazette'
author: Staff Writer
post_date: 2019-05-04 10:11:12
published: true
permalink: >
  https://reposts.example.org/bridge-collapse-kills-4/
original_title:
  - 'Bridge collapse kills 4 - Example Gazette'
original_link:
  - 'https://news.example.net/redirect?sa=t&url=https://gazette.example.com/bridge&x=1'
figure_author: Someone Else
img_url: https://img.example.org/a.jpg
---
<p>Four people died when a bridge collapsed, police said on Friday.</p>
"""


def test_yaml_roles_of_a_repost() -> None:
    fm = split_front_matter(REPOST)
    assert fm.raw.startswith("---") and fm.body.lstrip().startswith("<p>")
    meta = read_front_matter(fm)
    assert meta.title == "Bridge collapse kills 4"  # the shared " – Outlet" tail goes
    assert meta.original_outlet == "Example Gazette"
    assert meta.published == datetime(
        2019, 5, 4, 10, 11, 12
    )  # post_date; "published: true" is a flag
    assert meta.url == "https://reposts.example.org/bridge-collapse-kills-4/"
    assert meta.original_url == "https://gazette.example.com/bridge"  # the redirect's target
    assert meta.authors == ("Staff Writer",)  # the values as written: plugins clean names


def test_keys_by_role_and_lists_of_authors() -> None:
    text = "---\npage_date: 'Mar 20, 2025'\nauthors:\n  - name: A B\n  - C D\nlink: https://x.example/a\n---\nBody."
    meta = read_front_matter(split_front_matter(text))
    assert meta.published == datetime(2025, 3, 20)
    assert meta.authors == ("A B", "C D")
    assert meta.url == "https://x.example/a"


def test_nested_mapping_and_source_outlet() -> None:
    text = (
        "---\nsite:\n  title: Quake hits coast\n  page_date: 2024-01-02\n"
        "source: The Example Post\n---\nBody."
    )
    meta = read_front_matter(split_front_matter(text))
    assert meta.title == "Quake hits coast"
    assert meta.published == datetime(2024, 1, 2)
    assert meta.original_outlet == "The Example Post"


def test_malformed_yaml_warns_and_keeps_the_body() -> None:
    text = "---\ntitle: [unclosed\nauthor: A B\n---\nThree people died."
    fm = split_front_matter(text)
    assert fm.raw == "" and fm.body == text
    assert fm.warnings and fm.warnings[0].startswith("front matter not read:")


def test_prose_between_rules_is_not_front_matter() -> None:
    text = "---\nPolice said: three people died on Monday.\n---\nMore."
    fm = split_front_matter(text)
    assert fm.raw == "" and fm.body == text and not fm.warnings


def test_with_front_matter_fills_an_article() -> None:
    fm = split_front_matter(REPOST)
    article = with_front_matter(Article(text="Four people died."), fm, clean_authors=lambda a: ())
    assert article.title == "Bridge collapse kills 4"
    assert article.published == datetime(2019, 5, 4, 10, 11, 12)
    assert article.source.url == "https://reposts.example.org/bridge-collapse-kills-4/"
    assert article.source.original_url == "https://gazette.example.com/bridge"
    assert article.removed[0].reason == "front-matter"
    assert article.authors == ()


def test_day_first_for_numeric_dates() -> None:
    fm = split_front_matter("---\ndate: 11/06/2025\n---\nBody.")
    assert read_front_matter(fm, day_first=True).published == datetime(2025, 6, 11)
    assert read_front_matter(fm, day_first=False).published == datetime(2025, 11, 6)
