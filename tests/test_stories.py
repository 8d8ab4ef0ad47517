"""Stories on constructed reports: copies, grouping (with same-region negatives), series."""

from __future__ import annotations

from typing import Any

import newsclaims
from newsclaims.stories import copies

BODY = (
    "Rescue teams in the Wayanad district of Kerala searched through mud on Tuesday after "
    "landslides buried villages overnight, officials said, as heavy monsoon rain kept falling "
    "and roads to the hills were cut off for a second day."
)
OTHER = (
    "A bus fell into a gorge near Munnar in Idukki on Wednesday, police said, after the driver "
    "lost control on a wet road; passengers were taken to a hospital in Kochi."
)


def _report(
    rid: str, text: str, title: str, published: str, low: float, outlet: str = "CNN"
) -> dict[str, Any]:
    claim = {
        "id": "c1",
        "kind": "casualty",
        "quote": "q",
        "span": [0, 1],
        "measure": "killed",
        "value": {"low": low, "high": None},
        "subject": {"text": "people"},
    }
    return {
        "id": rid,
        "text": text,
        "title": title,
        "published": published,
        "source": {"outlet": outlet},
        "claims": [claim],
        "input": rid,
    }


def test_copy_survives_boilerplate() -> None:
    canon = copies.copy_sets([BODY, "Share this story. " + BODY + " Subscribe now.", OTHER])
    assert canon == [0, 0, 2]


def test_versions_group_and_series_revised_in_order() -> None:
    reports = [
        _report(
            "b",
            BODY + " At least 57 dead.",
            "Wayanad Kerala landslides: at least 57 dead",
            "2024-07-30T08:00:00Z",
            57,
        ),
        _report(
            "a",
            BODY + " At least 43 dead.",
            "Wayanad Kerala landslides: at least 43 dead",
            "2024-07-30T07:00:00Z",
            43,
        ),
        _report("x", OTHER, "Munnar Idukki bus crash", "2024-07-31T07:00:00Z", 5),
    ]
    result = newsclaims.stories(reports)
    assert len(result) == 2
    story = next(s for s in result if len(s["reports"]) == 2)
    assert [r["id"] for r in story["reports"]] == ["a", "b"]
    (killed,) = story["series"]
    assert [p["low"] for p in killed["points"]] == [43, 57]
    assert killed["revisions"] and killed["revisions"][0]["to"] == "b"
