"""Kinds of miss of issue 11 and issue 12, on invented sentences: the grammar that hid a figure
or gave it the wrong group or source."""

from __future__ import annotations

from newsclaims.claims import extract_claims


def _counts(text: str) -> list[tuple[str, float | None, str | None, str]]:
    return [
        (c.measure or "", c.value.low, c.subject.text if c.subject else None, c.value.unit)
        for c in extract_claims(text)
        if c.kind == "quantity" and c.value is not None
    ]


def _sources(text: str) -> list[list[tuple[str, str]]]:
    return [
        [(a.name, a.type) for a in c.attribution]
        for c in extract_claims(text)
        if c.kind == "quantity"
    ]


# -- "more" before a noun: the noun is the group ---------------------------------------------


def test_more_before_a_people_noun_counts_that_noun() -> None:
    found = _counts("Police said 14 more smugglers were detained at the border on Friday.")
    assert [(m, v) for m, v, _, _ in found] == [("arrested", 14)]
    assert found[0][2] is not None and "smugglers" in found[0][2]
    claim = next(c for c in extract_claims("Troops arrested nine more dealers in the raid."))
    assert claim.subject is not None and claim.subject.text == "dealers"
    assert "increment" in claim.flags


def test_more_before_things_is_no_count_of_people() -> None:
    assert _counts("Customs officers seized 14 more rifles at the port.") == []


# -- epidemic cases are not people unless they die -------------------------------------------


def test_cases_that_died_are_deaths_and_cases_alone_are_nothing() -> None:
    assert _counts("The district confirmed 40 new cases of measles on Monday.") == []
    found = _counts("Three more cases died overnight, the health office said.")
    assert [(m, v) for m, v, _, _ in found] == [("killed", 3)]
    assert found[0][2] is not None and "cases" in found[0][2]


def test_cases_all_of_whom_died() -> None:
    found = _counts("The coastal province has identified 4 suspected cases, all of whom died.")
    assert [(m, v) for m, v, _, _ in found] == [("killed", 4)]


def test_deaths_included_in_cases_take_the_cases_as_group() -> None:
    text = (
        "Two nurses were among the dead. The northern region has reported 11 suspected cases "
        "of cholera, including 7 deaths."
    )
    found = _counts(text)
    deaths = [s for m, v, s, _ in found if m == "killed" and v == 7]
    assert deaths and deaths[0] is not None and "nurses" not in deaths[0]


def test_a_group_that_fell_ill_and_died() -> None:
    text = "Officials said 5 travellers from the port town developed a high fever and died."
    found = _counts(text)
    assert [(m, v) for m, v, _, _ in found] == [("killed", 5)]
    assert found[0][2] is not None and "travellers" in found[0][2]


def test_a_group_that_did_something_else_and_killed_others_is_not_counted() -> None:
    text = "Witnesses said 6 gunmen stormed the market and killed shoppers."
    assert all(v != 6 for _, v, _, _ in _counts(text))


# -- a force expected to help is deployed ----------------------------------------------------


def test_a_force_expected_to_help_is_deployed() -> None:
    text = "The governor expects 350 members of the state National Guard to help with the clean-up."
    found = _counts(text)
    assert [(m, v) for m, v, _, _ in found] == [("deployed", 350)]


def test_people_expected_at_an_event_are_not_deployed() -> None:
    assert _counts("Organisers expect 3,000 fans to attend the final.") == []


# -- a share of a group is no count ------------------------------------------------------------


def test_a_share_of_a_group_is_no_count() -> None:
    found = _counts("Police said 300 people were evacuated, 40% of them children.")
    assert ("displaced", 300, "people", "persons") in found
    assert all(unit != "persons" or v != 40 for _, v, _, unit in found)


# -- "it said", "she said": the entity named in an earlier sentence --------------------------


def test_it_said_refers_to_the_organisation_named_before() -> None:
    text = (
        "The Coastal Flood Authority published its latest assessment on Monday. "
        "It said 14 people had drowned in the floods."
    )
    assert _sources(text) == [[("Coastal Flood Authority", "organization")]]


def test_the_authority_said_refers_to_the_organisation_named_before() -> None:
    text = (
        "The Coastal Flood Authority published its latest assessment on Monday. "
        "The authority said 14 people had drowned in the floods."
    )
    assert _sources(text) == [[("Coastal Flood Authority", "organization")]]


def test_she_said_refers_to_the_person_named_before() -> None:
    text = (
        "Maria Ostrander, the district's mayor, visited the shelters on Monday. "
        "She said 14 people had drowned in the floods."
    )
    assert _sources(text) == [[("Maria Ostrander", "person")]]


def test_the_agency_said_refers_to_the_body_named_in_the_prose_before() -> None:
    text = (
        "Heavy rain fell all week. The Valmora Water Authority issued a warning on Monday. "
        "The agency said 14 people drowned."
    )
    assert _sources(text) == [[("Valmora Water Authority", "organization")]]


def test_a_name_in_the_prose_does_not_run_across_a_sentence_end() -> None:
    text = (
        "Heavy rain hit the valley on Monday. The Ministry of Water Resources published figures. "
        "It said 14 people drowned."
    )
    assert _sources(text) == [[("Ministry of Water Resources", "organization")]]


def test_deaths_of_whom_after_a_caseload_take_the_caseload_as_group() -> None:
    text = (
        "Some 300 people were hurt in the riots. The region's confirmed caseload of the fever "
        "is nearly 12,000, of whom 340 have died."
    )
    deaths = [s for m, v, s, _ in _counts(text) if m == "killed"]
    assert deaths == ["confirmed caseload"]


def test_the_second_verb_may_follow_an_and_inside_the_first_clause() -> None:
    text = (
        "The province reported that 3 persons from the valley developed symptoms and signs "
        "of the fever and died in the capital."
    )
    assert [(m, v) for m, v, _, _ in _counts(text)] == [("killed", 3)]


def test_a_force_that_would_arrive_is_deployed() -> None:
    text = (
        "The ministry said another 150 members of the Federal Police Reserve (FPR) would "
        "arrive on Tuesday."
    )
    assert [(m, v) for m, v, _, _ in _counts(text)] == [("deployed", 150)]
    assert _counts("Organisers said 3,000 fans would arrive on Tuesday.") == []


def test_the_cases_group_starts_at_a_word_of_its_own() -> None:
    text = "The number of suspected and confirmed cases has risen to 90, including 41 deaths."
    deaths = [s for m, v, s, _ in _counts(text) if m == "killed"]
    assert deaths == ["suspected and confirmed cases"]


def test_a_digit_inside_a_word_of_the_groups_origin_is_no_figure() -> None:
    # a page read as text may keep its escaped accents ("Saint-Ren\u00e9", as JSON writes é);
    # a digit inside a word ("Block B12") is part of the name, not a figure ending the phrase
    for origin in ("Saint-Ren\\u00e9", "Block B12"):
        text = (
            f"The district reported that 4 persons from {origin} developed a high fever and "
            "died in the capital."
        )
        assert [(m, v) for m, v, _, _ in _counts(text)] == [("killed", 4)], origin
