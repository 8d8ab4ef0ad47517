"""Series rules on invented reports: which place, time and point a claim gives its series."""

from __future__ import annotations

from typing import Any

import pytest

import newsclaims
from newsclaims.stories import series

pytest.importorskip("datasketch")

BODY = (
    "Health teams in the Orvane hills of Kestria traced contacts of a fever outbreak on Monday, "
    "officials said, as clinics in Darrow and Pellin isolated patients and the ministry asked "
    "neighbouring Vardia and Korneland to report travellers who had fallen ill."
)


def _claim(
    low: float,
    quote: str,
    *,
    subject: str = "people",
    location: str | None = None,
    time: dict[str, str] | None = None,
    approximate: bool = False,
    text: str | None = None,
    flags: tuple[str, ...] = (),
    measure: str = "killed",
    span: int = 0,
) -> dict[str, Any]:
    return {
        "id": f"c{span}",
        "kind": "quantity",
        "quote": quote,
        "span": [span, span + 1],
        "measure": measure,
        "value": {
            "low": low,
            "high": low,
            "low_inclusive": True,
            "high_inclusive": True,
            "approximate": approximate,
            "text": text if text is not None else f"{low:g}",
        },
        "subject": {"text": subject},
        "attribution": [],
        "time": time,
        "location": {"text": location} if location else None,
        "flags": list(flags),
    }


def _report(rid: str, published: str, claims: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "id": rid,
        "text": f"{BODY} Update {rid}.",
        "title": "Fever outbreak in Kestria",
        "published": published,
        "source": {"outlet": "Health Wire"},
        "claims": claims,
        "input": f"{rid}.txt",
    }


def _series(reports: list[dict[str, Any]]) -> dict[tuple[str, str | None], list[float]]:
    (story,) = newsclaims.stories(reports)
    return {(s["subject"], s["place"]): [p["low"] for p in s["points"]] for s in story["series"]}


def test_a_place_that_reports_the_figure_is_its_place() -> None:
    # the engine knows no places: "Vardia has reported ..." gives no location; the texts
    # name Vardia after a locative list ("neighbouring Vardia and Korneland" does not, but
    # "in Vardia and Korneland" does)
    text = " Cases were also seen in Vardia and Korneland."
    a = _report(
        "a",
        "2025-03-01T08:00:00Z",
        [
            _claim(40, "The total has risen to 60 cases, including 40 deaths.", subject="cases"),
            _claim(
                6,
                "Vardia has reported 9 suspected cases, including 6 deaths.",
                subject="suspected cases",
                span=5,
            ),
        ],
    )
    b = _report(
        "b",
        "2025-03-04T08:00:00Z",
        [
            _claim(45, "The total has risen to 70 cases, including 45 deaths.", subject="cases"),
            _claim(
                3,
                "In addition, Vardia has identified 3 suspected cases, all of whom died.",
                subject="suspected cases",
                span=5,
            ),
        ],
    )
    a["text"] += text
    assert _series([a, b]) == {("people", None): [40, 45], ("people", "Vardia"): [6, 3]}
    assert series.reporting_place({"quote": "Reuters has reported 5 deaths."}, {"vardia"}) == ""


def test_an_increment_is_no_point_of_the_total() -> None:
    a = _report("a", "2025-03-01T08:00:00Z", [_claim(40, "40 people have died.")])
    b = _report(
        "b",
        "2025-03-02T08:00:00Z",
        [
            _claim(2, "Two more died, bringing the toll to 42.", flags=("increment",)),
            _claim(42, "Two more died, bringing the toll to 42.", span=1),
        ],
    )
    assert _series([a, b]) == {("people", None): [40, 42]}


def test_a_time_span_reaching_the_report_is_no_background() -> None:
    this_year = {"text": "this year", "start": "2025-01-01", "end": "2025-12-31"}
    a = _report(
        "a",
        "2025-06-20T08:00:00Z",
        [_claim(15, "15 deaths in Darrow County.", location="Darrow County")],
    )
    b = _report(
        "b",
        "2025-06-22T08:00:00Z",
        [
            _claim(
                16,
                "The worst floods this year, with 16 deaths in Darrow County.",
                location="Darrow County",
                time=this_year,
            ),
        ],
    )
    assert _series([a, b]) == {("people", "Darrow County"): [15, 16]}


def test_a_vague_first_figure_yields_to_an_exact_one_of_the_report() -> None:
    a = _report(
        "a",
        "2025-03-01T08:00:00Z",
        [
            _claim(
                12,
                "Dozens were taken to hospital.",
                approximate=True,
                text="dozens",
                measure="wounded",
            ),
            _claim(95, "A total of 95 people were taken to hospital.", measure="wounded", span=1),
        ],
    )
    b = _report(
        "b",
        "2025-03-02T08:00:00Z",
        [
            _claim(130, "130 people were taken to hospital.", measure="wounded"),
        ],
    )
    assert _series([a, b]) == {("people", None): [95, 130]}


def test_two_neighbouring_letters_swapped_are_one_place() -> None:
    a = _report(
        "a",
        "2025-03-01T08:00:00Z",
        [
            _claim(3, "3 died in Ashford County.", location="Ashford County"),
        ],
    )
    b = _report(
        "b",
        "2025-03-02T08:00:00Z",
        [
            _claim(5, "5 died in Ashford County.", location="Ashford County"),
            _claim(6, "6 died in Ashfrod County.", location="Ashfrod County", span=1),
        ],
    )
    c = _report(
        "c",
        "2025-03-03T08:00:00Z",
        [
            _claim(6, "6 died in Ashfrod County.", location="Ashfrod County"),
        ],
    )
    assert _series([a, b, c]) == {("people", "Ashford County"): [3, 5, 6]}
    assert series.spelling_of_places({"ashford": 2, "ashfrod": 1}) == {"ashfrod": "ashford"}
    assert series.spelling_of_places({"lyon": 2, "lyno": 1}) == {}  # too short to tell


def test_a_place_and_time_named_after_another_figure_are_that_figures() -> None:
    quote = (
        "Sixty people were wounded in the blast, which surpassed the 21 killed in the 2009 "
        "bombing at Tarsel Market."
    )
    old = {"text": "the 2009", "start": "2009-01-01", "end": "2009-12-31"}
    a = _report("a", "2025-03-01T08:00:00Z", [_claim(45, "45 were wounded.", measure="wounded")])
    b = _report(
        "b",
        "2025-03-02T08:00:00Z",
        [
            _claim(60, quote, measure="wounded", location="Tarsel Market", time=old, text="Sixty"),
        ],
    )
    assert _series([a, b]) == {("people", None): [45, 60]}
    own = _claim(60, "Sixty were wounded at Tarsel Market.", location="Tarsel Market", text="Sixty")
    assert not series.after_another_figure(own, "location")
