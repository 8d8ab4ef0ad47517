"""Korea Herald conventions: bylines, reporter e-mails, wire credits, copyright, KST dates.

All lines are constructed for the test.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from newsclaims_koreaherald.conventions import (
    clean_body,
    is_copyright,
    parse_byline,
    reporter_line,
)
from newsclaims_koreaherald.kst import (
    KST,
    date_from_url,
    published_and_updated,
    read_date,
)


@pytest.mark.parametrize(
    ("line", "authors", "wire"),
    [
        ("By Choi Min-jun", ("Choi Min-jun",), None),
        ("By Choi Min-jun (mjchoi@heraldcorp.com)", ("Choi Min-jun",), None),
        ("By Choi Min-jun and Park Seo-yeon", ("Choi Min-jun", "Park Seo-yeon"), None),
        ("By Choi Min-jun, Park Seo-yeon", ("Choi Min-jun", "Park Seo-yeon"), None),
        ("By Jane Roe, Korea Herald correspondent", ("Jane Roe",), None),
        ("By Yonhap", (), "Yonhap"),
        ("By Korea Herald", (), "The Korea Herald"),
        ("By AFP", (), "Agence France-Presse"),
        ("", (), None),
    ],
)
def test_parse_byline(line: str, authors: tuple[str, ...], wire: str | None) -> None:
    byline = parse_byline(line)
    assert byline.authors == authors
    assert byline.wire == wire


@pytest.mark.parametrize(
    "line",
    [
        "mjchoi@heraldcorp.com",
        "(mjchoi@heraldcorp.com)",
        "Choi Min-jun (mjchoi@heraldcorp.com)",
        "By Choi Min-jun (mjchoi@heraldcorp.com)",
        "By Choi Min-jun",
    ],
)
def test_reporter_lines(line: str) -> None:
    assert reporter_line(line) is not None


@pytest.mark.parametrize(
    "line",
    [
        "By noon, 10 people had been evacuated from the area.",
        "By the end of the year the ministry will hire 300 more inspectors.",
        "Readers can write to tips@example.com with questions, the paper said.",
        "The official said 30 people were hurt.",
    ],
)
def test_sentences_are_not_reporter_lines(line: str) -> None:
    assert reporter_line(line) is None


def test_clean_body_takes_bylines_emails_and_copyright() -> None:
    parts = clean_body(
        [
            "Three workers were killed on Monday, officials said.",
            "Police detained the operator.",
            "By Choi Min-jun (mjchoi@heraldcorp.com)",
            "ⓒ The Korea Herald. All rights reserved.",
        ]
    )
    assert parts.paragraphs == (
        "Three workers were killed on Monday, officials said.",
        "Police detained the operator.",
    )
    assert parts.authors == ("Choi Min-jun",)
    assert [r.reason for r in parts.removed] == ["byline", "copyright"]
    assert parts.wire is None


def test_byline_lines_count_only_at_the_edges() -> None:
    middle = ["p1", "p2", "p3", "By Choi Min-jun", "p5", "p6", "p7", "p8"]
    assert "By Choi Min-jun" in clean_body(middle).paragraphs


def test_yonhap_suffix_is_cut_and_credited() -> None:
    parts = clean_body(["SEOUL -- The JCS said so.", "The ministry urged calm. (Yonhap)"])
    assert parts.paragraphs[-1] == "The ministry urged calm."
    assert parts.wire == "Yonhap"
    assert parts.removed[-1].text == "(Yonhap)"


def test_yonhap_dateline_marks_wire_copy_and_stays() -> None:
    first = "SEOUL, July 21 (Yonhap) -- North Korea fired a missile, the JCS said."
    parts = clean_body([first, "More."])
    assert parts.wire == "Yonhap"
    assert parts.paragraphs[0] == first


def test_a_mention_of_yonhap_is_no_credit() -> None:
    parts = clean_body(["Yonhap reported the launch first.", "The JCS confirmed it."])
    assert parts.wire is None


def test_copyright_lines() -> None:
    assert is_copyright("ⓒ The Korea Herald. All rights reserved.")
    assert is_copyright("Copyright Herald Corporation. Unauthorized reproduction prohibited.")
    assert not is_copyright("The company holds the copyright to 30 songs, officials said.")


def test_kst_dates() -> None:
    published, updated = published_and_updated(
        "Published : Apr 18, 2022 - 16:41 Updated : Apr 18, 2022 - 17:30"
    )
    assert published == datetime(2022, 4, 18, 16, 41, tzinfo=KST)
    assert updated == datetime(2022, 4, 18, 17, 30, tzinfo=KST)
    assert published is not None and published.utcoffset() == timedelta(hours=9)
    assert published.astimezone(UTC).hour == 7
    assert published_and_updated("Published : Jul 21, 2023 - 17:21")[1] is None
    assert read_date("2023.07.21 17:21") == datetime(2023, 7, 21, 17, 21, tzinfo=KST)
    assert read_date("Sept. 3, 2021 5:05 p.m.") == datetime(2021, 9, 3, 17, 5, tzinfo=KST)
    assert read_date("no date here") is None
    assert read_date("Feb 30, 2022") is None


def test_date_from_url() -> None:
    assert date_from_url("http://www.koreaherald.com/view.php?ud=20220418000623") == datetime(
        2022, 4, 18
    )
    assert date_from_url("https://www.koreaherald.com/article/10412345") is None
