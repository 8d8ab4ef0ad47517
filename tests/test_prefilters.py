"""The engine's cheap tests before costly patterns must never change what the patterns find.

Each fast path is compared with its pattern run alone, on texts chosen to sit at the edges
(punctuation glued to a word, a name inside a longer word, capitals, trailing spaces).
"""

from __future__ import annotations

import random
import re

import pytest

from newsclaims.claims import entities, measures, numbers, sentences, sources
from newsclaims.claims.numbers import find_quantities
from newsclaims.claims.sentences import last_word
from newsclaims.claims.wordlists import alternation, whole_words


def test_alternation_matches_exactly_its_words() -> None:
    rng = random.Random(3)
    letters = "abcde"
    for _ in range(200):
        words = {"".join(rng.choices(letters, k=rng.randint(1, 5))) for _ in range(8)}
        rx = re.compile(alternation(words))
        for w in words:
            assert rx.fullmatch(w), (w, words)
        for _ in range(20):
            other = "".join(rng.choices(letters, k=rng.randint(1, 6)))
            assert bool(rx.fullmatch(other)) == (other in words), (other, words)


def test_whole_words_skips_words_inside_words() -> None:
    rx = whole_words(["said", "says"])
    found = [m.group(0) for m in rx.finditer("she said; unsaid, says-who, said")]
    assert found == ["said", "said"]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("killed at least ", "least"),
        ("in Jan. ", "jan"),
        ("cost $", ""),
        ("(not ", "not"),
        ("", ""),
    ],
)
def test_last_word(text: str, word: str) -> None:
    assert last_word(text) == word


@pytest.mark.parametrize(
    ("qualifier", "kind"),
    [
        (alt.replace("\\", ""), kind)
        for pattern, kind in numbers._BEFORE
        for alt in pattern.split("|")
    ],
)
def test_every_qualifier_is_read(qualifier: str, kind: str) -> None:
    sentence = f"Officials said ({qualifier} 40 people were hurt."
    start = sentence.index("40")
    expected = numbers._QUALIFIER.search(sentence[:start])
    found, _ = numbers._qualify(sentence, start)
    assert expected is not None and found == expected.lastgroup


@pytest.mark.parametrize(
    ("sentence", "why"),
    [
        ("The reward was US$ 500 for each.", "money"),
        ("They paid Rs 40 each.", "money"),
        ("Flight No. 17 crashed.", "label"),
        ("It happened in Jan. 12 people died.", "date"),
        ("Victims aged 4, 7 and 9 were hurt.", "age"),
        ("The town was founded in 1450 by settlers.", "year"),
    ],
)
def test_contexts_read_behind_the_last_word(sentence: str, why: str) -> None:
    assert why in {q.not_a_count for q in find_quantities(sentence)}


AGENT_TEXTS = [
    "Police have ",
    "Police ",
    "(Police ",
    "xPolice ",
    "the Interior Ministry had ",
    "police ",
    "Police",
    " ",
    "",
    "said that Rebel Forces ",
]


@pytest.mark.parametrize("text", AGENT_TEXTS)
def test_agent_agrees_with_its_pattern(text: str) -> None:
    m = measures._AGENT_END.search(text)
    assert measures._agent(text) == (m.group(1) if m else None)


@pytest.mark.parametrize("text", ["there were no ", "none of the ", "(not ", "NOT", "snot ", "a "])
def test_negation_agrees_with_its_pattern(text: str) -> None:
    assert measures._negated_before(text) == bool(measures._NEGATION_END.search(text))


NAME_TEXTS = [
    "The head of the Ministry of Health",
    "officials at the Ministry of Health",
    "chargesProsecutors",
    "police in the area",
    "a spokesman for Rep. Jane Doe",
    "the statement, according to Vice President Smith",
    "",
]


@pytest.mark.parametrize("text", NAME_TEXTS)
def test_name_scan_bound_keeps_the_match(text: str) -> None:
    everywhere = sources._NAME_END.search(text, max(0, len(text) - 120))
    bounded = sources._NAME_END.search(text, sources._name_start_bound(text, 120))
    assert (bounded and bounded.span()) == (everywhere and everywhere.span())


def test_titles_are_not_read_inside_words() -> None:
    text = "Rep. Jane Doe met exPresident Bob Lee and Gen. Kim Byung-kee."
    names = [m.group(1).strip() for m in entities._titled(text)]
    assert names == ["Jane Doe", "Kim Byung-kee"]


@pytest.mark.parametrize(
    "text", ["Officials said on Monday", "He also", "the ministry has also", "police", "x on"]
)
def test_adverb_test_is_never_stricter_than_its_pattern(text: str) -> None:
    if sources._ADVERBS.search(text):
        assert sources._may_end_with_adverb(text)


# the pattern the figure scan used before it was split into a digit and a word search
_CANDIDATE_BEFORE = re.compile(
    r"\d|\b(?:a\s+(?:hundred|thousand|million|billion|dozen)|half\s+a|"
    + alternation(numbers._COUNT_WORDS)
    + r")\b"
)
_EDGES = [
    "one", "done", "ones", "one1", "1one", "_one", "éone", "half a", "a  dozen", "a dozens",
    "tens", "often", "twenty-one", "7", "x", " ", ".", "\n", "hundreds", "ahundred", "a hundred",
    "٣", "twelve_", "thirty's", "a hundred", "half a", "a\u00a0dozen", "\ud800", "é",
]  # fmt: skip


def test_figure_candidates_are_the_ones_of_the_single_pattern() -> None:
    rng = random.Random(14)
    for _ in range(3000):
        low = "".join(rng.choices(_EDGES, k=rng.randint(0, 8)))
        for pos in range(len(low) + 1):
            before = _CANDIDATE_BEFORE.search(low, pos)
            expected = (before.start(), before.end()) if before else None
            assert numbers._candidate(low, pos) == expected, (low, pos)


def test_entity_words_are_the_ones_of_the_look_behind_first_pattern() -> None:
    before = re.compile(rf"(?<![\w-])[{entities.UP}][\w'’.&]*")
    rng = random.Random(22)
    parts = ["Ab", "a", "-", "B", "É", " ", "\n", "x-Y", "_Z", "3Q", "’s", ".", "&C"]
    for _ in range(3000):
        text = "".join(rng.choices(parts, k=rng.randint(0, 8)))
        got = [(m.start(), m.group(0)) for m in entities._WORD.finditer(text)]
        assert got == [(m.start(), m.group(0)) for m in before.finditer(text)], text
        assert bool(entities._WORD.match(text)) == bool(before.match(text)), text


def test_figure_candidates_kept_between_calls_are_the_ones_found_afresh() -> None:
    # find_quantities asks from positions that only move forward, sometimes past a
    # candidate, sometimes not: the kept digit and word give what a fresh search gives
    rng = random.Random(15)
    for _ in range(2000):
        low = "".join(rng.choices(_EDGES, k=rng.randint(0, 8)))
        kept = numbers._Candidates(low)
        pos = 0
        while pos <= len(low):
            assert kept.next(pos) == numbers._candidate(low, pos), (low, pos)
            pos += rng.randint(0, 3)


_SOURCE_PARTS = [
    "Jane", "Doe", " ", "  ", ",", ", ", "(UN)", " (AB.X)", ")", "(", "the", "police", "he",
    "she", "it", "Health", "of", "was", "is", "being", "really", "Rarely", "wa\u017f", "\u0131s",
    "and", "local", "officials", "x-y", "\n", "’s", "'", "1", "ly",
]  # fmt: skip


def _source_texts(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choices(_SOURCE_PARTS, k=rng.randint(0, 12))) for _ in range(count)]


def test_acronym_strip_is_the_pattern_run_alone() -> None:
    for text in _source_texts(31, 3000):
        assert sources._strip_acronyms(text) == sources._ACRONYM_END.sub("", text), text


def test_be_test_is_never_stricter_than_its_pattern() -> None:
    for text in _source_texts(32, 3000):
        for at in range(len(text) + 1):
            if sources._BE_BEFORE.search(text, max(0, at - 32), at):
                assert sources._may_follow_be(text, at), (text, at)


def test_common_noun_phrase_scan_start_keeps_the_match() -> None:
    for text in _source_texts(33, 3000):
        everywhere = sources._COMMON_NP_END.search(text, max(0, len(text) - 80))
        bounded = sources._COMMON_NP_END.search(text, sources._common_np_start(text))
        assert (bounded and bounded.span()) == (everywhere and everywhere.span()), text


def test_appositive_and_pronoun_tests_keep_what_the_patterns_find() -> None:
    # the aside is removed only from a phrase that ends with a comma, and "he/she/it" is
    # looked for only after an "e" or a "t": the patterns cannot match otherwise
    for text in _source_texts(34, 3000):
        before = sources._APPOSITIVE.sub("", text + (" " if text.endswith(",") else "")).rstrip()
        after = text.rstrip()
        if after.endswith(","):
            after = sources._APPOSITIVE.sub("", after + " ").rstrip()
        assert after == before, text
        bare = before.rstrip(",").rstrip()
        if sources._PRONOUN_END.search(bare, max(0, len(bare) - 4)):
            assert bare.endswith(("e", "t", "\n")), text


def _last_word_by_pattern(text: str) -> str:
    words = text.rsplit(None, 1)
    m = re.search(r"[A-Za-z]+(?=\.?$)", words[-1]) if words else None
    return m.group(0).lower() if m else ""


_WORD_PARTS = ["Mr", "a", "U.S", ".", " ", "Jan", "x1", "é", "said", "A", "_", "-", "\n", "no", "’"]


def test_last_word_of_letters_is_the_patterns() -> None:
    rng = random.Random(41)
    for _ in range(5000):
        text = "".join(rng.choices(_WORD_PARTS, k=rng.randint(0, 8)))
        assert last_word(text) == _last_word_by_pattern(text), text


def test_abbreviation_test_of_letters_is_the_patterns() -> None:
    def by_pattern(text: str, dot: int) -> bool:
        chunk = text[max(0, dot - 24) : dot]
        if not chunk or chunk[-1].isspace():
            return False
        m = sentences._LAST_WORD.search(chunk.rsplit(None, 1)[-1])
        if not m:
            return False
        word = m.group(1)
        bare = word.replace(".", "").lower()
        if "." in word:
            return len(bare) <= 4 and not text[dot + 1 : dot + 3].strip().startswith(("T", "Th"))
        if len(word) == 1 and word.isupper():
            return True
        return bare in sentences.ABBREVIATIONS

    rng = random.Random(42)
    for _ in range(5000):
        text = "".join(rng.choices(_WORD_PARTS, k=rng.randint(1, 8)))
        for dot in (i for i, c in enumerate(text) if c == "."):
            assert sentences._is_abbreviation(text, dot) == by_pattern(text, dot), (text, dot)


def test_reporting_verbs_from_the_lower_cased_scan_are_the_patterns() -> None:
    # verbs found among the credit words of the lower-cased sentence are the ones the
    # case-sensitive pattern finds in the sentence itself (capitals, hyphens, glued words)
    rng = random.Random(11)
    pieces = ["said", "Said", "SAID", "told", "according", "citing", "so-called", "unsaid",
              "says,", "(reported", "noted.", "Police", "x", "-said", "said-", "1said",
              "_told", "added", " ", " ", ", ", "\u201csaid\u201d", "İ", "said\u0130"]  # fmt: skip
    for _ in range(3000):
        text = "".join(rng.choice(pieces) + rng.choice(["", " ", "  "]) for _ in range(8))
        want = [(m.start(), m.end()) for m in sources._REPORTING_WORD.finditer(text)]
        low = text.lower()
        got = sources._reporting_words(text, low, sources.credit_words(low))
        assert [(m.start(), m.end()) for m in got] == want, text
        got = sources._reporting_words(text, low, None)
        assert [(m.start(), m.end()) for m in got] == want, text


def test_credit_word_token_test_is_the_pattern() -> None:
    rng = random.Random(17)
    pieces = ["said", "according", "citing", "told", "so-called", "unsaid", "said_", "x", "say",
              "saying", "ing", "2said", " ", ",", ".", "\x00", "\x7f", "\t", "\x1f", "-", "'",
              "(", "é", "\u201c", "\ud800", "\u00a0"]  # fmt: skip
    for _ in range(3000):
        low = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 8)))
        want = [m.span() for m in sources._CREDIT_WORD.finditer(low)]
        assert [m.span() for m in sources.credit_words(low)] == want, repr(low)
        assert sources.may_report(low) == bool(want)


def test_sentence_end_marks_are_the_patterns() -> None:
    rng = random.Random(5)
    pieces = [
        ".",
        "!",
        "?",
        "...",
        '"',
        "'",
        "\u201d",
        "\u2019",
        ")",
        "]",
        "a",
        "U.S",
        " ",
        "\n",
        "(",
        "1.5",
    ]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 14)))
        want = [m.span() for m in sentences._END.finditer(text)]
        assert list(sentences._end_marks(text)) == want, text


def test_numeric_date_hint_is_in_every_numeric_date() -> None:
    from newsclaims.claims import timex

    rng = random.Random(9)
    pieces = ["1", "12", "2024", "24", "/", ".", " ", "-", "a", "3.", "/5"]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 10)))
        if timex._NUMDATE.search(text):
            assert timex._NUMDATE_HINT.search(text), text


def test_year_hint_is_the_pattern_with_its_leading_boundary() -> None:
    from newsclaims.claims import engine

    old = re.compile(r"\b(?:1[89]|20)\d\d\b")
    rng = random.Random(13)
    pieces = ["19", "18", "20", "21", "1", "2", "0", "99", "x", "_", " ", "-", ",", "é"]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 8)))
        want = [m.span() for m in old.finditer(text)]
        assert [m.span() for m in engine._ABSOLUTE_HINT.finditer(text)] == want, text
