"""Sources of issue 11 on invented sentences: jobs that speak for an organisation, coordinated
speakers, inverted speakers named after a job, quotations over several sentences, people
introduced with their age."""

from __future__ import annotations

from datetime import datetime

from newsclaims.claims import extract_claims
from newsclaims.models import Claim

PUB = datetime(2025, 5, 14)


def _claims(text: str) -> tuple[Claim, ...]:
    return extract_claims(text, published=PUB)


def _roles(c: Claim) -> list[tuple[str, str]]:
    return [(a.name, a.role) for a in c.attribution]


def _statement(text: str, part: str) -> Claim:
    found = [c for c in _claims(text) if c.kind == "statement" and part in c.quote]
    assert found, [c.quote for c in _claims(text)]
    return found[0]


def test_a_job_for_an_organisation_credits_the_organisation_with_the_speaker_as_conduit() -> None:
    text = "A spokeswoman for the Lakeside Ferry Company said 14 passengers were injured."
    c = next(c for c in _claims(text) if c.kind == "quantity")
    assert _roles(c) == [("Lakeside Ferry Company", "source"), ("A spokeswoman", "conduit")]


def test_a_named_person_with_a_job_for_an_organisation_is_the_conduit() -> None:
    text = (
        "Dr. Tomas Brevik, the chief physician for Nordlys Clinic told Radio Bergen that "
        "nine skiers were hurt."
    )
    c = next(c for c in _claims(text) if c.kind == "quantity")
    names = [n for n, _ in _roles(c)]
    assert names[0] == "Nordlys Clinic"
    assert "Tomas Brevik" in names


def test_coordinated_speakers_are_both_credited() -> None:
    text = "The coast guard and harbour officials said 31 fishermen were missing."
    c = next(c for c in _claims(text) if c.kind == "quantity")
    names = [n for n, _ in _roles(c)]
    assert "coast guard" in " ".join(names)
    assert "harbour officials" in names


def test_inverted_speaker_named_after_a_job() -> None:
    text = '"The roads are gone," said the valley\'s relief coordinator, Marta Olsen, 52.'
    assert [a.name for a in _statement(text, "roads").attribution] == ["Marta Olsen"]
    text = '"We ran out of tents," said Caritas\' field director in Tete, Paolo Renzi.'
    assert [a.name for a in _statement(text, "tents").attribution] == ["Paolo Renzi"]


def test_a_person_introduced_with_an_age_is_the_she_of_the_quote_after() -> None:
    text = (
        "Harbour master Omar Castell said 12 boats sank. Lena Varga, 58, who has fished here "
        'for decades, stood on the pier. "We lost everything," she said.'
    )
    assert [a.name for a in _statement(text, "lost everything").attribution] == ["Lena Varga"]


def test_every_sentence_of_an_open_quotation_goes_to_its_speaker() -> None:
    text = (
        'Fire chief Olga Brandt said: "Crews worked all night in the smoke. They saved the '
        'school. Nobody was hurt. The worst is over." Roads reopened later.'
    )
    for part in ("saved the school", "Nobody was hurt", "worst is over"):
        assert [a.name for a in _statement(text, part).attribution] == ["Olga Brandt"]
    assert not [c for c in _claims(text) if "Roads reopened" in c.quote]


def test_plural_institutions_are_unnamed_sources() -> None:
    # the singular was a source noun, the plural was not ("Hospitals in X said" was read as
    # a name; "the clinics said" gave no source at all)
    first = _claims("Clinics in the valley said they had treated 9 people after the storm.")[0]
    assert first.measure == "wounded"
    assert [a.name.lower() for a in first.attribution] == ["clinics"]
    later = _claims("The two airlines said 40 passengers were hurt in the landing.")[0]
    assert [a.name.lower() for a in later.attribution] == ["two airlines"]


def test_a_plural_institution_noun_not_speaking_is_no_source() -> None:
    claims = _claims("Two hospitals were damaged and 5 people were killed, police said.")
    killed = next(c for c in claims if c.measure == "killed")
    assert [a.name.lower() for a in killed.attribution] == ["police"]
