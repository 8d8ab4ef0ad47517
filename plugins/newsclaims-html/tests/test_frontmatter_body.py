"""A markdown file with YAML front matter above an HTML body (issue 9, text metadata)."""

from __future__ import annotations

from datetime import datetime

from newsclaims_html import parse_html

from newsclaims.knowledge import Knowledge
from newsclaims.models import Document

PAGE = """---
post_title: 'Bridge collapse kills 4 &#8211; Example Gazette'
author: Staff Writer
post_date: 2019-05-04 10:11:12
permalink: https://reposts.example.org/bridge-collapse-kills-4/
original_title: 'Bridge collapse kills 4 - Example Gazette'
original_link:
  - 'https://gazette.example.com/bridge'
---
 <br><div id="articleText"><p>Four people died when a bridge collapsed over a river in the
 north of the country, police said on Friday, and rescuers were still searching.</p>
 <p>Two more people were taken to hospital with injuries, the regional governor said.</p>
 <p>The bridge had been closed for repairs last year, according to local officials.</p></div>
"""


def test_html_body_gets_the_front_matter_metadata() -> None:
    article = parse_html(Document(PAGE, content_type="text/html"), Knowledge())
    assert article.title == "Bridge collapse kills 4"
    assert article.published == datetime(2019, 5, 4, 10, 11, 12)
    assert article.authors == ()  # "Staff Writer" is a placeholder
    assert article.source.url == "https://reposts.example.org/bridge-collapse-kills-4/"
    assert article.source.original_url == "https://gazette.example.com/bridge"
    assert article.source.original_outlet == "Example Gazette"
    assert "post_date" not in article.text and "permalink" not in article.text
    assert article.text.startswith("Four people died")
    assert article.removed[0].reason == "front-matter"
