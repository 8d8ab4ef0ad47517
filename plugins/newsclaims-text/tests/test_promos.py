"""Promotion lines (constructed)."""

from __future__ import annotations

import pytest
from newsclaims_text.promos import is_promo


@pytest.mark.parametrize(
    "line",
    [
        "Listen to our full report in the evening edition of World Today.",
        "Listen to the full interview on our podcast.",
        "Tune in to the noon bulletin for more.",
        "Watch:",
        "Watch the video: rescuers pull a child from the rubble",
        "WATCH LIVE",
        "Subscribe to our newsletter for the latest news from the region.",
        "Sign up for breaking news alerts.",
        "Follow us on social media",
        "Download our app for free.",
        "Read the full statement here.",
        "Get the latest headlines in your inbox.",
    ],
)
def test_promotions(line: str) -> None:
    assert is_promo(line)


@pytest.mark.parametrize(
    "line",
    [
        "Listen to the people of the valley, the bishop said.",
        "Watch towers along the border were abandoned in May.",
        "Support for the ceasefire has grown in both capitals.",
        "Follow-up strikes killed 14 more people, the army said.",
        "Read the names of the dead aloud, the mayor urged the crowd.",
        "Subscribers to the service lost access after the attack.",
        '"Listen to our children," the mother of one victim told the council.',
        "Watch",
        "Listen to our full report. " * 8,  # too long to be a promotion line
    ],
)
def test_sentences_are_not_promotions(line: str) -> None:
    assert not is_promo(line)
