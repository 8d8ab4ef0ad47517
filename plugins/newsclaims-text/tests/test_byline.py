"""Bylines and names (constructed names)."""

from __future__ import annotations

import pytest
from newsclaims_text.byline import is_name, name_with_counter, parse_byline, split_names


@pytest.mark.parametrize(
    ("line", "authors", "affiliation"),
    [
        ("By Jane Doe", ("Jane Doe",), None),
        ("By Jane Doe and John Roe", ("Jane Doe", "John Roe"), None),
        (
            "By Jane Doe, John Roe and Ana de la Cruz",
            ("Jane Doe", "John Roe", "Ana de la Cruz"),
            None,
        ),
        ("By JANE DOE", ("Jane Doe",), None),
        ("By Jane Doe, Staff Writer", ("Jane Doe",), "Staff Writer"),
        ("By Jane Doe, Reuters", ("Jane Doe",), "Reuters"),
        ("Written by Jane A. Doe | The Daily Example", ("Jane A. Doe",), "The Daily Example"),
        ("By Jane Doe, Health Correspondent", ("Jane Doe",), "Health Correspondent"),
        ("By JANE DOE Example Press", ("Jane Doe",), "Example Press"),
    ],
)
def test_bylines(line: str, authors: tuple[str, ...], affiliation: str | None) -> None:
    byline = parse_byline(line)
    assert byline is not None
    assert byline.authors == authors
    assert byline.affiliation == affiliation


@pytest.mark.parametrize(
    "line",
    [
        "By Tuesday, 300 people had fled.",
        "By then the fighting had stopped.",
        "By the end of the day, nine people were dead.",
        "By March",
        "Bystanders said the blast shook the street.",
    ],
)
def test_sentences_starting_with_by_are_not_bylines(line: str) -> None:
    assert parse_byline(line) is None


@pytest.mark.parametrize(
    ("line", "affiliation"),
    [
        ("Posted by admin", "admin"),
        ("Submitted by web_editor2 on 12 March 2024", "12 March 2024"),
        ("Posted by @metrodesk | 12 March 2024 | 3,100 Views", "12 March 2024 | 3,100 Views"),
        ("Uploaded by News Desk", "News Desk"),
        ("Posted By: Online Team", "Online Team"),
    ],
)
def test_site_accounts_are_bylines_without_authors(line: str, affiliation: str) -> None:
    byline = parse_byline(line)
    assert byline is not None
    assert byline.authors == ()
    assert byline.affiliation == affiliation


def test_posted_by_a_person_and_dated_bylines() -> None:
    posted = parse_byline("Posted by Tomas Varga")
    assert posted is not None and posted.authors == ("Tomas Varga",)
    dated = parse_byline("By Tomas Varga on April 2, 2025")
    assert dated is not None
    assert (dated.authors, dated.affiliation) == (("Tomas Varga",), "April 2, 2025")


@pytest.mark.parametrize(
    "line",
    [
        "Published by the ministry on Monday, the figures showed 300 deaths.",
        "Posted by the army on its channel, the video showed the strike.",
        "By admin",  # no posting verb: not enough to call it an account
        "Shared by thousands of residents",
    ],
)
def test_sentences_with_posted_by_are_not_bylines(line: str) -> None:
    assert parse_byline(line) is None


def test_name_glued_to_counter() -> None:
    assert name_with_counter("Jane Doe Views") == "Jane Doe"
    assert name_with_counter("Jane Doe 1,204 views") == "Jane Doe"
    assert name_with_counter("Jane DoeComments") == "Jane Doe"
    assert name_with_counter("12 Comments") is None
    assert name_with_counter("Police said the video had 3 million views") is None


def test_names() -> None:
    assert is_name("Kim Min-ji")
    assert not is_name("Monday Morning")
    assert not is_name("Jane")
    assert split_names("Jane Doe & John Roe") == ("Jane Doe", "John Roe")
    assert split_names("Jane Doe, Staff Writers") is None
