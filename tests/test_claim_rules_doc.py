"""docs/claims.md states the claim rules, and the engine does what it says (issue 9).

The page is linked from the schema; these tests keep the two honest: every measure the schema
enumerates has its row, and each decision the page writes down (what is not a claim, bounds,
inclusivity, statements) holds for sentences built here.
"""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

import pytest

from newsclaims.claims import extract_claims
from newsclaims.contract import CLAIMS_DOC, core_measures
from newsclaims.models import CLAIM_FLAGS
from newsclaims.serialize import schema

ROOT = Path(__file__).resolve().parents[1]
PAGE = (ROOT / CLAIMS_DOC).read_text("utf-8")


def quantities(text: str) -> list[tuple[str | None, float | None, float | None, bool, bool, bool]]:
    out = []
    for c in extract_claims(text, published=datetime(2024, 5, 8)):
        if c.kind == "quantity" and c.value is not None:
            v = c.value
            out.append((c.measure, v.low, v.high, v.low_inclusive, v.high_inclusive, v.approximate))
    return out


def test_every_measure_and_flag_has_its_place_on_the_page() -> None:
    rows = set(re.findall(r"^\| `([a-z]+)` \|", PAGE, re.M))
    assert set(core_measures()) <= rows
    assert set(schema()["$defs"]["measure"]["enum"]) <= rows
    for flag in CLAIM_FLAGS:
        assert f"`{flag}`" in PAGE
    for word in ("source", "conduit", "organization", "person", "other", "media", "government"):
        assert f"`{word}`" in PAGE


@pytest.mark.parametrize(
    "text",
    [
        "Thousands of protesters gathered in the capital on Sunday.",
        "A crowd of 5,000 people attended the rally.",
        "The company lost $3 million in the fire.",
        "The bill passed with 220 votes.",
        "The party won 30 seats.",
        "A 15-year-old boy was among those killed.",
        "Health officials reported 300 new cases of cholera.",
        "The virus has infected 2,000 people.",
        "Rescuers said 22 survivors were rescued from the rubble.",
        "The army sent 30 tanks to the border.",
        "Several people were injured.",
        "A handful of people were hurt.",
        "A firefighter died.",
        "No one was killed in the blast.",
    ],
)
def test_what_is_not_a_claim(text: str) -> None:
    assert quantities(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The outbreak has caused 40 deaths and 300 cases.",
            [("killed", 40, 40, True, True, False)],
        ),
        ("Five patients died of COVID-19 at the hospital.", [("killed", 5, 5, True, True, False)]),
        (
            "Twelve people were hospitalized after the crash.",
            [("wounded", 12, 12, True, True, False)],
        ),
        (
            "About 40 people were treated for smoke inhalation.",
            [("wounded", 40, 40, True, True, True)],
        ),
        ("One firefighter died.", [("killed", 1, 1, True, True, False)]),
        ("Over 100 soldiers were killed.", [("killed", 100, None, False, True, False)]),
        ("At least 100 soldiers were killed.", [("killed", 100, None, True, True, False)]),
        ("Fewer than 10 people were arrested.", [("arrested", None, 10, True, False, False)]),
        ("Nearly 1,000 people fled.", [("displaced", None, 1000, True, False, True)]),
        ("Up to 40 people were abducted.", [("captured", None, 40, True, True, False)]),
        ("Between 12 and 30 people are missing.", [("missing", 12, 30, True, True, False)]),
        ("Dozens were wounded.", [("wounded", 12, None, True, True, True)]),
        ("Casualties have surpassed 4,000.", [("casualties", 4000, None, False, True, False)]),
        ("The death toll rose to 15.", [("killed", 15, 15, True, True, False)]),
    ],
)
def test_decisions_written_on_the_page(text: str, expected: list[tuple[object, ...]]) -> None:
    assert quantities(text) == expected


def test_statements_increments_hedges_and_time_as_written() -> None:
    claims = extract_claims(
        "Officials said the bridge would reopen next week.", published=datetime(2024, 5, 8)
    )
    assert [(c.kind, c.measure, c.value) for c in claims] == [("statement", None, None)]
    [claim] = extract_claims("North Korea dispatched an additional 3,000 to 4,000 troops.")
    assert claim.flags == ("increment",) and claim.subject and claim.subject.affiliation
    killed = extract_claims("At least 40 people may have died, officials said.")[0]
    assert killed.hedges == ("may",) and killed.attribution[0].role == "source"
    [agent] = extract_claims("Police arrested 12 people.")
    assert agent.attribution == ()  # the doer of the act is no source
    week = extract_claims(
        "The ministry said 5 people died last week.", published=datetime(2024, 5, 8)
    )
    assert week[0].time and (week[0].time.start, week[0].time.end) == ("2024-04-29", "2024-05-05")
    undated = extract_claims("The ministry said 5 people died on Thursday.")
    assert undated[0].time and undated[0].time.start is None


def test_a_place_inside_the_name_of_an_event_is_no_location() -> None:
    [placed] = extract_claims("Five people were killed in the Darfur region.")
    [event] = extract_claims("Five soldiers were killed in the Darfur conflict.")
    assert placed.location and placed.location.text.endswith("Darfur region")
    assert event.location is None
