"""Stories on constructed hard cases: events of one region on one day told apart by where
they happened, updates hours later joined, and order by the instant of publication (zones).

All reports are made up here (invented places, general wording): the kinds of report an
unseen mix holds (issue 12), not text of any corpus.
"""

from __future__ import annotations

from typing import Any

import pytest

import newsclaims
from newsclaims.stories import grouping, series

pytest.importorskip("datasketch")


def _report(
    rid: str, title: str, text: str, published: str, claims: list[dict[str, Any]] | None = None
) -> dict[str, Any]:
    return {
        "id": rid,
        "title": title,
        "text": text,
        "published": published,
        "source": {"outlet": "Wire"},
        "claims": claims or [],
        "input": f"{rid}.txt",
    }


def _killed(low: float, day: str | None = None) -> dict[str, Any]:
    return {
        "id": "c",
        "kind": "quantity",
        "quote": f"at least {low:g} people were killed",
        "span": [0, 1],
        "measure": "killed",
        "value": {
            "low": low,
            "high": None,
            "low_inclusive": True,
            "high_inclusive": None,
            "approximate": False,
        },
        "subject": {"text": "people"},
        "attribution": [{"name": "officials", "key": "officials", "role": "source"}],
        "time": {"text": "Wednesday", "start": day, "end": day} if day else None,
        "location": None,
    }


#: Reports of unrelated events in the same days: a mix gives words their usual rarity (with
#: three reports alone, a town named in two of them would weigh as little as "the").
OTHERS = [
    _report(f"other-{n}", title, text, f"2025-03-0{4 + n % 2}T{7 + n}:00:00Z")
    for n, (title, text) in enumerate(
        [
            (
                "Central bank holds rates",
                "The central bank kept its main interest rate unchanged on Tuesday and said "
                "inflation was slowing faster than expected, sending the currency lower.",
            ),
            (
                "Striker's late goal wins the cup",
                "A header in the last minute of extra time won the national cup for the home "
                "side on Wednesday, after the visitors had led for most of the match.",
            ),
            (
                "Court jails former minister for bribery",
                "A former transport minister was sentenced to six years in prison on Tuesday "
                "for taking bribes from a construction company, the court in the capital said.",
            ),
            (
                "Parliament passes budget after long debate",
                "Lawmakers approved next year's budget late on Wednesday with a narrow majority, "
                "after opposition parties walked out of the chamber in protest at tax rises.",
            ),
            (
                "Storm warning for the coast",
                "Forecasters warned of gale-force winds and high waves along the coast on "
                "Thursday and told fishing boats to stay in port until the weekend.",
            ),
            (
                "Factory fire under control",
                "Firefighters brought a blaze at a textile factory under control on Tuesday "
                "night; the workers had left the building before the fire spread, officials said.",
            ),
        ]
    )
]


def _stories_of(reports: list[dict[str, Any]]) -> list[list[str]]:
    got = newsclaims.stories(reports + OTHERS)
    found = [[r["id"] for r in s["reports"]] for s in got]
    return [ids for ids in found if not all(i.startswith("other-") for i in ids)]


#: Two bombings of one province on one morning, in two towns, told alike: two stories.
#: The first one's toll rises in the evening in a report with another headline.
BOMBINGS = [
    _report(
        "ferrin-1",
        "Bomb at Kestria market kills 6",
        "A bomb exploded at a crowded market in the town of Ferrin in Kestria province on "
        "Wednesday, killing at least 6 people and wounding 22, officials said. No group "
        "claimed responsibility for the bombing.",
        "2025-03-05T09:15:00Z",
    ),
    _report(
        "harlo-1",
        "Bomb at Kestria market kills 14",
        "At least 14 people died on Wednesday when a bomb went off among the stalls of the "
        "main market in Harlo in Kestria province, officials said, hours after a bombing "
        "elsewhere in the province. Nobody claimed responsibility for the bombing.",
        "2025-03-05T10:30:00Z",
    ),
    _report(
        "ferrin-2",
        "Ferrin market bombing toll climbs to 11",
        "The toll from Wednesday's bombing of a market in Ferrin rose to 11 dead, the "
        "provincial health office said, as more of the wounded died in hospital.",
        "2025-03-05T20:40:00Z",
    ),
]


def test_same_region_same_day_different_towns_stay_apart() -> None:
    got = _stories_of(BOMBINGS)
    assert sorted(got) == [["ferrin-1", "ferrin-2"], ["harlo-1"]]


#: Floods in two districts of one province on one day, by two outlets' own words.
FLOODS = [
    _report(
        "lorvan-1",
        "Floods kill at least 12 in Kestria's Lorvan district",
        "At least 12 people were killed when flash floods swept through villages in the "
        "Lorvan district of Kestria province on Tuesday, officials said. Rescue teams used "
        "boats to reach families stranded on rooftops.",
        "2025-03-04T08:10:00Z",
    ),
    _report(
        "tamsel-1",
        "Five dead as river bursts its banks",
        "Five people drowned after heavy rain made a river burst its banks near Tamsel in "
        "Kestria province on Tuesday, a district official said, and rescue boats were sent "
        "to the flooded villages.",
        "2025-03-04T12:00:00Z",
    ),
    _report(
        "lorvan-2",
        "Death toll from Lorvan floods rises to 20",
        "The number of people killed by flash floods in Lorvan has risen to 20, the "
        "district's disaster agency said on Tuesday evening, and 35 are still missing. "
        "Boats searched the flooded villages.",
        "2025-03-04T17:45:00+03:00",
    ),
]


def test_floods_in_two_districts_stay_apart_and_the_update_joins() -> None:
    got = _stories_of(FLOODS)
    assert sorted(got) == [["lorvan-1", "lorvan-2"], ["tamsel-1"]]


def test_places_are_the_lead_locatives() -> None:
    assert grouping.places(FLOODS[0]) == {"lorvan", "kestria"}
    # a Title Case headline is no evidence (every word looks like a name); generic words
    # of a place ("province", "the North Sea") name no one place
    assert grouping.places(_report("x", "Blast Hits Market", "Smoke rose.", "2025-01-01")) == set()
    lead = "A ship sank in the North Sea off Vardsund on Monday, the coastguard said here."
    assert grouping.places(_report("y", "", lead, "2025-01-01")) == {"vardsund"}


#: Two air strikes of one war on consecutive days, on two villages of one province, under the
#: same headline and with the same toll; the villages are the objects of the verbs ("hit the
#: village of X"), with no locative word before them.
AIR_STRIKES = [
    _report(
        "olmo-1",
        "Air strike on Kestria village kills 9",
        "An air strike hit the village of Olmo in Kestria province before dawn on Thursday, "
        "killing 9 civilians including children, local officials said, as the government "
        "pressed its offensive against the rebels.",
        "2025-05-01T06:00:00Z",
        [_killed(9)],
    ),
    _report(
        "tessel-1",
        "Air strike on Kestria village kills 9",
        "Warplanes bombed the village of Tessel in Kestria province on Friday, killing 9 "
        "civilians, residents said, a day after a strike on another village of the province.",
        "2025-05-02T07:00:00Z",
        [_killed(9)],
    ),
    _report(
        "olmo-2",
        "Funerals in Olmo after air strike",
        "Hundreds of mourners buried the 9 civilians killed in Thursday's air strike on Olmo, "
        "as residents of the Kestria village searched the rubble of their homes.",
        "2025-05-01T18:00:00Z",
        [_killed(9)],
    ),
]


def test_strikes_on_two_villages_of_one_province_on_consecutive_days_stay_apart() -> None:
    got = _stories_of(AIR_STRIKES)
    assert sorted(got) == [["olmo-1", "olmo-2"], ["tessel-1"]]
    assert grouping.places(AIR_STRIKES[1]) == {"tessel", "kestria"}


def test_a_place_the_other_mentions_is_no_conflict() -> None:
    vec = {"lorvan": 0.5, "kestria": 0.5}
    here = {(grouping.PLACE, "lorvan")}
    assert not grouping.elsewhere(vec, vec, here, here)
    assert grouping.elsewhere({"lorvan": 1.0}, {"tamsel": 1.0}, here, {(grouping.PLACE, "tamsel")})
    # a report naming no place is never elsewhere
    assert not grouping.elsewhere({"lorvan": 1.0}, {"tamsel": 1.0}, here, set())


def test_reports_hours_apart_are_ordered_by_instant_across_zones() -> None:
    # 17:45 at UTC+3 is 14:45 UTC: after 08:10 UTC and before 15:00 UTC
    reports = [
        _report("b", FLOODS[2]["title"], FLOODS[2]["text"], "2025-03-04T17:45:00+03:00"),
        _report("c", "Lorvan flood toll reaches 20", FLOODS[2]["text"], "2025-03-04T15:00:00Z"),
        _report("a", FLOODS[0]["title"], FLOODS[0]["text"], "2025-03-04T08:10:00Z"),
    ]
    (story,) = newsclaims.stories(reports)
    assert [r["id"] for r in story["reports"]] == ["a", "b", "c"]


def test_stories_are_listed_by_instant_not_by_string() -> None:
    # 23:30 at UTC-5 is 04:30 UTC the next day: after the story that began at 01:00 UTC
    late = dict(BOMBINGS[1], id="late", published="2025-03-04T23:30:00-05:00")
    early = dict(FLOODS[0], id="early", published="2025-03-05T01:00:00Z")
    got = newsclaims.stories([late, early])
    assert [s["reports"][0]["id"] for s in got] == ["early", "late"]


def test_a_day_named_in_the_reports_own_zone_orders_by_publication() -> None:
    # "on Wednesday" in a report published at 00:30 on Wednesday at UTC+9 (15:30 UTC on
    # Tuesday) dates the event, not the figure: the figure is as of 15:30 UTC, before the
    # undated figure of a report published at 20:00 UTC
    first = dict(FLOODS[0], id="tokyo", published="2025-03-05T00:30:00+09:00")
    first["claims"] = [_killed(12, "2025-03-05")]
    second = dict(FLOODS[2], id="utc", published="2025-03-04T20:00:00Z")
    second["claims"] = [_killed(20)]
    (built,) = series.build([first, second])
    assert [p["report"] for p in built["points"]] == ["tokyo", "utc"]
    assert built["revisions"][0]["direction"] == "up"
