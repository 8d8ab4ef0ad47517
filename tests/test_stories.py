"""Stories on constructed reports: copies, grouping (with same-region negatives), series."""

from __future__ import annotations

from typing import Any

import pytest

import newsclaims
from newsclaims.stories import copies, series

pytest.importorskip("datasketch")

BODY = (
    "Rescue teams in the Wayanad district of Kerala searched through mud on Tuesday after "
    "landslides buried villages overnight, officials said, as heavy monsoon rain kept falling "
    "and roads to the hills were cut off for a second day. The state's chief minister said "
    "army engineers were building a temporary bridge to reach the worst-hit villages."
)
OTHER = (
    "A bus fell into a gorge near Munnar in Idukki on Wednesday, police said, after the driver "
    "lost control on a wet road; passengers were taken to a hospital in Kochi, where doctors "
    "said most of them had minor injuries and would go home within a day."
)


def _claim(measure: str, low: float, high: float | None, source: str | None) -> dict[str, Any]:
    return {
        "id": "c",
        "kind": "casualty",
        "quote": f"at least {low:g} {measure}",
        "span": [0, 1],
        "measure": measure,
        "value": {
            "low": low,
            "high": high,
            "low_inclusive": True,
            "high_inclusive": None if high is None else True,
            "approximate": False,
        },
        "subject": {"text": "people"},
        "attribution": [{"name": source, "key": source.lower(), "role": "source"}]
        if source
        else [],
        "time": None,
        "location": None,
    }


def _report(
    rid: str,
    text: str,
    title: str,
    published: str,
    claims: list[dict[str, Any]],
    outlet: str = "CNN",
) -> dict[str, Any]:
    return {
        "id": rid,
        "text": text,
        "title": title,
        "published": published,
        "source": {"outlet": outlet},
        "claims": claims,
        "input": f"{rid}.txt",
    }


def test_copy_survives_boilerplate_and_small_edits() -> None:
    edited = BODY.replace("Tuesday", "Wednesday").replace("heavy", "torrential")
    texts = [BODY, "Share this story. Advertisement. " + edited + " Subscribe now.", OTHER]
    assert copies.copy_sets(texts) == [0, 0, 2]


def test_canonical_is_the_earliest() -> None:
    assert copies.copy_sets([BODY, BODY], order=[1, 0]) == [1, 1]


def test_short_texts_are_no_copies() -> None:
    assert copies.copy_sets(["Five dead.", "Five dead."]) == [0, 1]


def test_versions_group_and_series_revised_in_order() -> None:
    reports = [
        _report(
            "b",
            BODY + " At least 57 people died.",
            "Wayanad landslides in Kerala: at least 57 dead",
            "2024-07-30T08:00:00Z",
            [_claim("killed", 57, None, "officials")],
        ),
        _report(
            "a",
            BODY + " At least 43 people died.",
            "Wayanad landslides in Kerala: at least 43 dead",
            "2024-07-30T07:00:00Z",
            [_claim("killed", 43, None, "officials")],
        ),
        _report(
            "x",
            OTHER,
            "Munnar bus crash in Idukki",
            "2024-07-31T07:00:00Z",
            [_claim("killed", 5, 5, "police")],
        ),
    ]
    result = newsclaims.stories(reports)
    assert len(result) == 2
    story = next(s for s in result if len(s["reports"]) == 2)
    assert [r["id"] for r in story["reports"]] == ["a", "b"]
    assert story["reports"][1]["copy_of"] == "a"
    (killed,) = story["series"]
    assert [p["low"] for p in killed["points"]] == [43, 57]
    (revision,) = killed["revisions"]
    assert revision["from"] == "a" and revision["to"] == "b"
    assert revision["same_source"] and revision["direction"] == "up"


def test_copies_with_the_same_figure_count_once() -> None:
    claims = [_claim("killed", 43, None, "officials")]
    reports = [
        _report("a", BODY, "Kerala landslides", "2024-07-30T07:00:00Z", claims),
        _report("b", BODY, "Kerala landslides", "2024-07-30T09:00:00Z", claims, outlet="Yahoo"),
    ]
    (story,) = newsclaims.stories(reports)
    assert [r["outlet"] for r in story["reports"]] == ["CNN", "Yahoo"]
    (killed,) = story["series"]
    assert [p["report"] for p in killed["points"]] == ["a"]


ELEPHANT = (
    "A wild elephant trampled a tea plantation worker to death near Mananthavady in the Wayanad "
    "district of Kerala on Wednesday, forest officials said, the third such death in the area "
    "this year; villagers blocked the highway demanding an electric fence around the reserve."
)


def test_same_region_other_event_next_day_stays_apart() -> None:
    flood = _report("a", BODY, "Wayanad landslides", "2024-07-30T07:00:00Z", [])
    elephant = _report(
        "b", ELEPHANT, "Elephant kills worker in Wayanad", "2024-07-31T07:00:00Z", []
    )
    assert len(newsclaims.stories([flood, elephant])) == 2


def test_one_text_weeks_later_is_a_copy() -> None:
    first = _report("a", BODY, "Wayanad landslides", "2024-07-30T07:00:00Z", [])
    recrawl = _report("b", BODY, "Wayanad landslides", "2024-08-20T07:00:00Z", [])
    (story,) = newsclaims.stories([recrawl, first])
    assert [r["copy_of"] for r in story["reports"]] == [None, "a"]


def test_conflict_needs_same_time_different_sources_apart() -> None:
    def point(report: str, low: float, high: float, source: str) -> dict[str, Any]:
        return {
            "time": "2024-07-30T00:00:00",
            "low": low,
            "high": high,
            "low_inclusive": True,
            "high_inclusive": True,
            "report": report,
            "source": source,
            "_source": source,
            "_dated": True,
            "_published": None,
        }

    apart = [point("a", 5, 5, "police"), point("b", 9, 12, "hospital")]
    overlapping = [point("a", 5, 10, "police"), point("b", 9, 12, "hospital")]
    assert series.conflicts(apart)[0]["reports"] == ["a", "b"]
    assert series.conflicts(overlapping) == []


def test_subject_key() -> None:
    assert series.subject_key({"subject": {"text": "people on board"}}) == "people"
    assert series.subject_key({"subject": None}) == "people"
    assert series.subject_key({"subject": {"text": "soldiers"}}) == "soldier"


def test_parse_many_reports(tmp_path: Any) -> None:
    path = tmp_path / "one.txt"
    path.write_text("Police said at least 12 people were killed in the blast.\n", "utf-8")
    reports = list(newsclaims.parse_many([path], plugin="builtin"))
    (story,) = newsclaims.stories(reports)
    assert story["series"][0]["points"][0]["low"] == 12


def test_dask_path_gives_the_same_stories() -> None:
    pytest.importorskip("dask.bag")
    from newsclaims.stories import dask as stories_dask

    reports = [
        _report("a", BODY + " At least 43 died.", "Kerala landslides", "2024-07-30T07:00:00Z", []),
        _report("b", BODY + " At least 57 died.", "Kerala landslides", "2024-07-30T09:00:00Z", []),
        _report("x", OTHER, "Munnar bus crash in Idukki", "2024-07-31T07:00:00Z", []),
        {"input": "broken.html", "error": "unreadable"},
    ]
    result = stories_dask.stories(reports, partitions=2)
    assert [[r["id"] for r in s["reports"]] for s in result] == [["a", "b"], ["x"]]
    assert result[0]["reports"][1]["copy_of"] == "a"


def test_fingerprint_is_the_same_in_every_process() -> None:
    """Signatures made by two processes (two dask workers) compare: no salted ``str`` hash."""
    import json
    import os
    import subprocess
    import sys

    code = (
        "import json, sys; from newsclaims.stories import copies; "
        "sig = copies.signature(copies.shingles(sys.argv[1])); "
        "print(json.dumps([int(v) for v in sig.hashvalues]))"
    )
    runs = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        out = subprocess.run(
            [sys.executable, "-c", code, BODY], env=env, capture_output=True, text=True, check=True
        )
        runs.append(json.loads(out.stdout))
    assert runs[0] == runs[1]
    assert runs[0] == [int(v) for v in copies.signature(copies.shingles(BODY)).hashvalues]


def _placed(measure: str, low: float, place: str | None, quote: str) -> dict[str, Any]:
    claim = _claim(measure, low, low, "officials")
    claim["quote"] = quote
    claim["location"] = {"text": place} if place else None
    return claim


def test_a_claim_without_location_is_placed_by_the_one_story_place_its_quote_names() -> None:
    """The engine gives no location to '... in Ashford County, where 15 deaths were reported':
    the figure still belongs to the county's series, not to the story's whole toll."""
    county = "Ashford County in the north of the state, where 15 deaths were reported"
    later = "16 deaths reported in Ashford County"
    reports = [
        _report(
            "a",
            BODY,
            "Floods in Kerala",
            "2024-07-30T07:00:00Z",
            [_placed("killed", 23, None, "23 dead in all"), _placed("killed", 15, None, county)],
        ),
        _report(
            "b",
            BODY,
            "Floods in Kerala",
            "2024-07-31T07:00:00Z",
            [
                _placed("killed", 24, None, "24 dead in all"),
                _placed("killed", 16, "Ashford County", later),
                _placed("killed", 2, None, "two in Ashford County and one in Bexley County"),
            ],
        ),
    ]
    (story,) = newsclaims.stories(reports)
    by_place = {s["place"]: [p["low"] for p in s["points"]] for s in story["series"]}
    assert by_place == {None: [23, 24], "Ashford County": [15, 16]}


def _synthetic_reports(seed: int, count: int) -> list[dict[str, Any]]:
    """Reports of made-up events: stories of versions (some copies, some with figures), other
    events sharing their words, reports without a date or an id."""
    import random

    rng = random.Random(seed)
    syllables = "ba ko ri tu me sa lo vi da ne ku pa".split()

    def word() -> str:
        return "".join(rng.choice(syllables) for _ in range(rng.randint(2, 4)))

    common = [word() for _ in range(60)]
    reports: list[dict[str, Any]] = []
    story = 0
    while len(reports) < count:
        names = [word().capitalize() for _ in range(4)] + [word() for _ in range(12)]
        day = rng.randint(1, 40)
        body = " ".join(rng.choice(names) for _ in range(60))
        body += " " + " ".join(rng.sample(common, 15)) + "."
        for version in range(rng.randint(1, 5)):
            text = body if rng.random() < 0.4 else body + " " + " ".join(rng.sample(common, 20))
            toll = 3 + version * rng.randint(0, 9)
            report = _report(
                f"r{seed}-{len(reports)}",
                text + f" At least {toll} people died.",
                " ".join(rng.sample(names[:4], 2)) + " " + rng.choice(common),
                f"2024-07-{min(day + version // 2, 28):02d}T{rng.randint(0, 23):02d}:00:00Z",
                [_claim("killed", toll, None, rng.choice(["police", "officials"]))],
            )
            if rng.random() < 0.05:
                report["published"] = None
            if rng.random() < 0.05:
                del report["id"]
            reports.append(report)
        story += 1
    return reports[:count]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_dask_path_gives_the_stories_of_the_in_memory_path(seed: int) -> None:
    pytest.importorskip("dask.bag")
    from newsclaims.stories import dask as stories_dask

    reports = _synthetic_reports(seed, 160)
    expected = newsclaims.stories(reports)
    print(len(expected), "stories")
    assert len(expected) > 10 and any(len(s["reports"]) > 2 for s in expected)
    assert stories_dask.stories(reports, partitions=5) == expected


def test_a_day_alone_dates_the_event_and_publication_orders_the_figures() -> None:
    """A later version says 'on Monday' (the parser read its date, so the claim's day is
    resolved to midnight), an earlier one of that day gives no day: the later figure still
    comes later."""

    def dated(low: float) -> dict[str, Any]:
        claim = _claim("killed", low, None, "police")
        claim["time"] = {"text": "on Monday", "start": "2024-07-22", "end": "2024-07-22"}
        return claim

    reports = [
        _report("late", BODY + " Six died.", "Kerala", "2024-07-22T14:37:00Z", [dated(6)]),
        _report(
            "early",
            BODY + " Five died.",
            "Kerala",
            "2024-07-22T11:12:00Z",
            [_claim("killed", 5, None, "police")],
        ),
        _report("next", BODY + " Nine died.", "Kerala", "2024-07-25T09:00:00Z", [dated(9)]),
    ]
    (story,) = newsclaims.stories(reports)
    (killed,) = story["series"]
    assert [p["report"] for p in killed["points"]] == ["early", "late", "next"]
    assert [p["time"] for p in killed["points"]][:2] == [
        "2024-07-22T11:12:00",
        "2024-07-22T00:00:00",
    ]
