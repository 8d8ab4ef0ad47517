"""Statements of issue 11 on invented sentences: the verbs of communication in every
inflection, "call X a Y" and "point out", speakers named by their post, and the verbs of
speech that report nothing ("called for", "noted for", "claimed nine lives")."""

from __future__ import annotations

from datetime import datetime

import pytest

from newsclaims.claims import extract_claims
from newsclaims.claims.lexicon import REPORTING_VERBS, _inflections

PUB = datetime(2025, 5, 14)


def _speakers(text: str) -> list[list[str]]:
    """The sources of each statement of ``text``."""
    return [
        [a.name for a in c.attribution]
        for c in extract_claims(text, published=PUB)
        if c.kind == "statement"
    ]


def test_inflections_of_regular_verbs() -> None:
    assert _inflections("testify") == ("testify", "testifies", "testified", "testifying")
    assert _inflections("caution") == ("caution", "cautions", "cautioned", "cautioning")
    assert _inflections("describe") == ("describe", "describes", "described", "describing")
    assert _inflections("stress") == ("stress", "stresses", "stressed", "stressing")
    assert _inflections("admit") == ("admit", "admits", "admitted", "admitting")


def test_nouns_that_are_also_verbs_report_only_in_their_verb_forms() -> None:
    assert {"claimed", "claiming", "noted", "noting"} <= REPORTING_VERBS
    assert "record" not in REPORTING_VERBS and "state" not in REPORTING_VERBS


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Marta Quill testified that the levee had been inspected twice.", "Marta Quill"),
        ("The port authority cautioned that the pier was unsafe.", "port authority"),
        ("Dunmore insisted the shipment had left on time.", "Dunmore"),
        ("The sheriff is describing a scene of utter confusion.", "sheriff"),
        ("Veldt Mining conceded the tailings dam had leaked.", "Veldt Mining"),
        ("With the navy claiming to have sunk two boats, the talks stalled.", "navy"),
        ("Orsolya Banks pointed out that the bridge had been closed since May.", "Orsolya Banks"),
    ],
)
def test_a_verb_of_communication_credits_its_subject(text: str, speaker: str) -> None:
    assert [speaker] in _speakers(text)


@pytest.mark.parametrize(
    "text",
    [
        'Governor Ana Pell called the flood "a slow disaster."',
        "Pell called it the worst season in a decade.",
        "Pell called the closure a mistake.",
    ],
)
def test_calling_something_something_is_a_statement(text: str) -> None:
    assert any("Pell" in s[0] for s in _speakers(text) if s)


@pytest.mark.parametrize(
    "text",
    [
        "The union called for calm after the vote.",
        "The council called on residents to conserve water.",
        "A fisherman called Ivo Marsh sailed at dawn.",
        "The hillside town is noted for its olive groves.",
        "The engineers pointed to the cracked pylon.",
        "The avalanche claimed the lives of three skiers.",
        "The outbreak claimed 40 more lives in the valley.",
    ],
)
def test_verbs_of_speech_that_report_nothing(text: str) -> None:
    assert _speakers(text) == []


def test_a_speaker_named_by_a_post_alone() -> None:
    text = "At least 40 boats have been recovered so far, a regional minister told Radio Sur."
    assert _speakers(text) == [["a regional minister"]]
    text = "Drilling resumed at the north shaft, a visibly tired company executive told reporters."
    assert _speakers(text) == [["a visibly tired company executive"]]


def test_a_figure_said_at_least_keeps_its_source() -> None:
    text = (
        "The Lakeside-based group Ruta Verde said at least 20 farmers had been treated for burns."
    )
    assert ["Ruta Verde"] in _speakers(text)
    text = "Officials say at least 17 people were injured after a tram hit a van in Leeds."
    assert ["officials"] in _speakers(text)


def test_a_document_that_denies_is_not_a_second_speaker() -> None:
    text = "The Harbour Authority issued a statement denying any leak."
    assert _speakers(text) == [["Harbour Authority"]]
    text = "The union published a letter describing the night shift."
    assert not any("letter" in name for names in _speakers(text) for name in names)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            '"They ran toward the river," said farmer Tomas Ruiz, who was fishing nearby.',
            "Tomas Ruiz",
        ),
        (
            '"The roof gave way," said Valdora fire brigade press officer Ines Marlow.',
            "Ines Marlow",
        ),
        ('"It held," said deputy mayor Lior Ashe, estimating the damage.', "Lior Ashe"),
    ],
)
def test_an_inverted_speaker_named_after_a_post(text: str, speaker: str) -> None:
    assert _speakers(text) == [[speaker]]


def test_a_clause_after_said_is_no_inverted_speaker() -> None:
    # the verb introduces a clause whose subject is a person, not the speaker
    text = "Police, however, said farmer Tomas Ruiz was arrested."
    assert ["Tomas Ruiz"] not in _speakers(text)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Kim Soo-yeon, Daegu city government deputy secretary general, said a warrant "
            "had been issued.",
            "Kim Soo-yeon",
        ),
        ("Ana Ruiz, Red Cross field officer, said the road was cut.", "Ana Ruiz"),
        (
            "Nordic Cable Works (NCW) (NCW.OL), the largest wire maker, said some spools "
            "had been damaged.",
            "Nordic Cable Works",
        ),
        (
            "The Ministry of Water (MoW) of Ruritania has notified the UN of a spreading drought.",
            "Ministry of Water",
        ),
    ],
)
def test_a_speaker_before_an_aside_or_brackets(text: str, speaker: str) -> None:
    assert _speakers(text) == [[speaker]]


def test_coordinated_names_are_no_aside() -> None:
    # "Lopez and the manager" is a second speaker, not a post of Ruiz
    assert ["Ruiz"] not in _speakers("Ruiz, Lopez and the manager, said the mill was shut.")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Ohio health authorities are reporting a third death linked to the virus.", "authorities"),
        ("Water officials this week said the reservoir was at a record low.", "officials"),
        ("Rangers last month warned that the trail was closed.", "Rangers"),
        ("The Caldera Institute yesterday estimated that the lake had shrunk.", "Caldera"),
    ],
)
def test_an_auxiliary_or_a_time_between_speaker_and_verb(text: str, speaker: str) -> None:
    assert any(speaker in names[0] for names in _speakers(text) if names)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Navy spokesman Brigadier Karim al-Sayed said the strike had hit a depot.", "al-Sayed"),
        (
            "Marta Ivens, a mother of two who lived in Leith told reporters she had seen it.",
            "Ivens",
        ),
        ("At Ward No. 4, a nurse who asked not to be named said the beds were full.", "nurse"),
    ],
)
def test_a_speaker_with_a_particle_or_a_relative_clause(text: str, speaker: str) -> None:
    assert any(speaker in names[0] for names in _speakers(text) if names)
