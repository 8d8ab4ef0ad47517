"""Credit lines (constructed)."""

from __future__ import annotations

import pytest
from newsclaims_text.credits import Credit, dateline_outlet, read_credit

from newsclaims.knowledge import Knowledge, Outlet


@pytest.mark.parametrize(
    ("line", "credit"),
    [
        ("Original Source: www.example.org", Credit(None, "www.example.org")),
        ("(Yonhap)", Credit("Yonhap", None)),
        ("(AP)", Credit("Associated Press", None)),
        ("— Reuters", Credit("Reuters", None)),
        ("Source: Reuters", Credit("Reuters", None)),
        ("With inputs from agencies", Credit(None, None)),
        ("(With inputs from PTI)", Credit("Press Trust of India", None)),
        ("This article originally appeared on The Field Review.", Credit("The Field Review", None)),
        (
            "Source: https://www.cnn.com/2024/x.html",
            Credit("CNN", "https://www.cnn.com/2024/x.html"),
        ),
        ("Reporting by Jane Doe; Editing by John Roe", Credit(None, None)),
        ("Source: Ministry of Health", Credit(None, None)),
        # several sentences, each a credit; the terms of a repost
        (
            "This story first appeared on www.lakeside-courier.test. Reprinted with permission.",
            Credit(None, "www.lakeside-courier.test"),
        ),
        ("Republished with permission.", Credit(None, None)),
        ("Used with the kind permission of the author", Credit(None, None)),
        (
            "This article was originally published by The Upland Post and is republished "
            "here with permission.",
            Credit("The Upland Post", None),
        ),
        (
            "This article is republished from The Campus Review under a Creative Commons license.",
            Credit("The Campus Review", None),
        ),
        (
            "A version of this report first appeared in the Delta Gazette.",
            Credit("The Delta Gazette", None),
        ),
        ("Originally published by Reuters. (Reuters)", Credit("Reuters", None)),
    ],
)
def test_credits(line: str, credit: Credit, knowledge: Knowledge) -> None:
    assert read_credit(line, knowledge) == credit


@pytest.mark.parametrize(
    "line",
    [
        "Source: the ministry said 40 people were killed in the attack.",
        "Sources said 40 died.",
        "Compiled by the ministry, the figures show 300 deaths.",
        "Originally published in 2019, the report said 4 died.",
        "via the ministry",
        "(Photo: a street in the capital)",
        "Republished with permission. The army said 40 people were killed.",
        "The report was first published by the ministry, which said 30 people died.",
        "This article first appeared on www.example.org. Officials said 4 died on Monday.",
    ],
)
def test_sentences_are_not_credits(line: str, knowledge: Knowledge) -> None:
    assert read_credit(line, knowledge) is None


def test_outlets_come_from_knowledge() -> None:
    k = Knowledge(outlets=(Outlet("The Daily Example", ("dailyexample.test",)),))
    assert read_credit("Source: www.dailyexample.test", k) == Credit(
        "The Daily Example", "www.dailyexample.test"
    )
    assert read_credit("Source: Daily Example", k) == Credit("The Daily Example", None)


def test_markdown_link_target_is_the_url(knowledge: Knowledge) -> None:
    credit = read_credit("Source: CNN", knowledge, ("https://edition.cnn.com/a",))
    assert credit == Credit("CNN", "https://edition.cnn.com/a")


def test_dateline_tag(knowledge: Knowledge) -> None:
    assert dateline_outlet("SEOUL, March 27 (Yonhap) -- Troops were sent.", knowledge) == "Yonhap"
    assert dateline_outlet("The group (ISIS) - a militia - said", knowledge) is None
