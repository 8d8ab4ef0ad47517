"""The day of an event told in the sentence before dates the figures after it in the same
paragraph (issue 11: time)."""

from __future__ import annotations

from datetime import datetime

from newsclaims.claims import extract_claims


def _times(text: str) -> list[tuple[str, str | None]]:
    pub = datetime(2025, 3, 14)  # a Friday
    return [
        (c.measure or "", c.time.start if c.time else None)
        for c in extract_claims(text, published=pub)
        if c.kind == "quantity"
    ]


def test_a_weekday_of_the_event_before_dates_the_figures_of_the_paragraph() -> None:
    text = (
        "The warehouse caught fire on Wednesday evening near the river port. "
        "Three workers died and at least 15 were hurt, the fire service said."
    )
    assert _times(text) == [("killed", "2025-03-12"), ("wounded", "2025-03-12")]


def test_an_event_day_of_another_paragraph_does_not_date_the_figures() -> None:
    text = (
        "The warehouse caught fire on Wednesday evening near the river port.\n\n"
        "Three workers died and at least 15 were hurt, the fire service said."
    )
    assert _times(text) == [("killed", None), ("wounded", None)]
