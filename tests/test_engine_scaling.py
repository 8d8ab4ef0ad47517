"""The engine's work grows linearly with the text (issue 10, items 7, 8 and 11).

No timing: the work is counted as the lines of ``newsclaims.claims`` run (``sys.settrace``),
which does not depend on the machine's load. For linear work, four times the input is
about four times the lines (4.0 here); a quadratic part pushes it towards sixteen.
"""

from __future__ import annotations

import itertools
import json
import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from types import FrameType
from typing import Any

import newsclaims.claims
from newsclaims.claims import extract_claims
from newsclaims.claims.entities import Entities
from newsclaims.claims.sentences import MAX_SENTENCE, split_sentences
from newsclaims.knowledge import Knowledge
from newsclaims.serialize import converter

PUB = datetime(2024, 3, 27)
CLAIMS_DIR = str(Path(newsclaims.claims.__file__).parent)


def lines_run(work: Callable[[], Any]) -> int:
    """How many lines of ``newsclaims.claims`` ``work()`` runs."""
    count = 0

    def local(frame: FrameType, event: str, arg: object) -> Any:
        nonlocal count
        if event == "line":
            count += 1
        return local

    def tracer(frame: FrameType, event: str, arg: object) -> Any:
        return local if frame.f_code.co_filename.startswith(CLAIMS_DIR) else None

    sys.settrace(tracer)
    try:
        work()
    finally:
        sys.settrace(None)
    return count


def growth(make: Callable[[int], str], n: int) -> float:
    """Lines run for ``make(4 * n)`` over lines run for ``make(n)``."""
    small, large = make(n), make(4 * n)
    return lines_run(lambda: extract_claims(large, published=PUB)) / lines_run(
        lambda: extract_claims(small, published=PUB)
    )


def test_merging_repeated_claims_is_linear() -> None:
    # issue 10.7: every draft was compared with every claim kept so far
    def make(n: int) -> str:
        return " ".join(f"Officials said {i + 2} people were killed." for i in range(n))

    assert growth(make, 150) < 4.5  # 6.9 before


def test_one_figure_repeated_many_times_is_linear() -> None:
    # every repeat is a mention of one claim: looked up in a set, not in the list
    def make(n: int) -> str:
        return " ".join("Officials said 12 people were killed." for _ in range(n))

    text = make(300)
    claims = [c for c in extract_claims(text, published=PUB) if c.kind == "quantity"]
    assert len(claims) == 1 and len(claims[0].mentions) == 299
    assert growth(make, 100) < 4.5


def test_pronouns_do_not_scan_every_earlier_mention() -> None:
    # issue 10.8: "he" walked back over every mention before it when no person was named
    def make(n: int) -> str:
        return "\n".join(
            f"The Ministry of Roads {i} said {i + 2} people were hurt. He said roads were shut."
            for i in range(n)
        )

    assert growth(make, 120) < 4.5  # 6.8 before


def test_definite_descriptions_do_not_scan_every_entity() -> None:
    # "the agency" and a lone surname looked at every entity named before
    def make(n: int) -> str:
        return "\n".join(
            f"The Office of Harbour Works {i} (OHW{i}) counted {i + 2} dead. The agency said "
            f"Smith was hurt. Smith said the port was shut."
            for i in range(n)
        )

    assert growth(make, 100) < 4.5  # 5.1 before


def test_entities_before_lists_the_most_recent_first() -> None:
    text = "The Red Cross (RC) helped. Rep. Jane Doe spoke. The RC left. Ann Lee said so."
    ents = Entities(text, Knowledge())
    assert [k.name for k in ents.before(text.index("Rep."))] == ["Red Cross"]
    assert [k.name for k in ents.before(text.index("left"))] == ["Red Cross", "Jane Doe"]
    assert [k.name for k in ents.before(text.index("Ann") - 1)] == ["Red Cross", "Jane Doe"]
    assert [k.name for k in ents.before(len(text))] == ["Ann Lee", "Red Cross", "Jane Doe"]
    assert Entities("", Knowledge()).before(10) == []


def test_a_megabyte_without_punctuation_is_cut_into_bounded_quotes() -> None:
    # issue 10.11: one "sentence" of 1 MB gave 115 claims, each quoting the whole megabyte
    filler = " ".join(["the convoy moved on along the river road"] * 110)
    words = " ".join(f"{filler} and rebels killed {i + 2} villagers" for i in range(120))
    text = words * (1_000_000 // len(words) + 1)
    claims = extract_claims(text, published=PUB)
    assert claims
    for c in claims:
        assert len(c.quote) <= MAX_SENTENCE
        assert text[c.span[0] : c.span[1]] == c.quote
    size = len(json.dumps(converter.unstructure(list(claims))))
    assert size < 3 * len(text)


def test_long_sentences_are_cut_at_a_space_and_keep_every_character() -> None:
    text = ("x" * 10 + " ") * 1000 + "y" * 5000
    pieces = split_sentences(text)
    assert len(pieces) > 5
    assert all(len(p.text) <= MAX_SENTENCE for p in pieces)
    assert all(text[p.start : p.end] == p.text for p in pieces)
    assert pieces[0].start == 0 and pieces[-1].end == len(text)
    for a, b in itertools.pairwise(pieces):
        assert a.end <= b.start and not text[a.end : b.start].strip()  # only white space lost
    assert all(p.text.endswith("x") for p in pieces[:5])  # cut at a space, not in a word
    short = "Police said 12 people were killed. " * 3
    assert [p.text for p in split_sentences(short)] == ["Police said 12 people were killed."] * 3
