"""The claim engine and the plugins, scored by the shared scorer on labelled articles.

The figures asserted here are floors a little below what the engine reaches today, so a
regression fails the build; the closing notes of the issues record the exact figures.
"""

from __future__ import annotations

from pathlib import Path

from .conftest import ROOT, run_scorer


def test_seeds_are_scored_perfectly(shared: Path) -> None:
    t = run_scorer(shared / "gold" / "seeds.jsonl")
    assert t["failed_docs"] == 0
    assert t["claim_f1"] == 1.0
    assert t["attribution_acc"] == 1.0
    assert t["subject_acc"] == 1.0
    assert t["time_acc"] == 1.0
    assert t["statement_recall"] >= 0.8
    assert t["duplicate_rate"] == 0.0
    assert t["bad_spans"] == 0
    passed, total = map(int, t["text_checks"].split("/"))
    assert passed == total


def test_own_articles(shared: Path) -> None:
    t = run_scorer(ROOT / "tests" / "gold" / "own.jsonl")
    assert t["failed_docs"] == 0 and t["bad_spans"] == 0
    assert t["claim_precision"] >= 0.98
    assert t["claim_f1"] >= 0.94
    assert t["attribution_acc"] >= 0.94
    assert t["subject_acc"] >= 0.98
    assert t["time_acc"] >= 0.96
    assert t["statement_recall"] >= 0.95
    passed, total = map(int, t["text_checks"].split("/"))
    assert passed == total  # titles, authors, boilerplate gone, body kept


def test_held_out_articles(shared: Path) -> None:
    """Articles labelled blind, after the rules were written (tests/heldout/README.md); their
    first score (claim F1 0.85) measured how the rules carried over, and their misses then
    led to more general rules, so they are now a regression set like the others."""
    t = run_scorer(ROOT / "tests" / "gold" / "heldout.jsonl")
    assert t["failed_docs"] == 0 and t["bad_spans"] == 0
    assert t["claim_precision"] >= 0.98
    assert t["claim_f1"] >= 0.96
    assert t["attribution_acc"] >= 0.96
    assert t["subject_acc"] >= 0.92
    assert t["time_acc"] >= 0.89
    assert t["statement_recall"] >= 0.9
    passed, total = map(int, t["text_checks"].split("/"))
    assert passed == total


def test_real_conflict_articles(shared: Path) -> None:
    t = run_scorer(
        ROOT / "tests" / "gold" / "conflict.jsonl", "--docs", str(shared / "corpus" / "conflict")
    )
    assert t["failed_docs"] == 0 and t["bad_spans"] == 0
    assert t["claim_precision"] >= 0.98
    assert t["claim_f1"] >= 0.96
    assert t["attribution_acc"] >= 0.88
    assert t["subject_acc"] >= 0.96
    assert t["time_acc"] >= 0.98
    assert t["statement_recall"] >= 0.82
    assert t["duplicate_rate"] <= 0.02


def test_second_held_out_set(shared: Path) -> None:
    """A second set labelled blind (tests/heldout2/README.md). Its first score, before any
    rule was written with it in view, was claim F1 0.79 (precision 0.97, recall 0.66),
    attribution 0.70, statements 0.76: the honest measure of how the rules carry over."""
    t = run_scorer(ROOT / "tests" / "gold" / "heldout2.jsonl")
    assert t["failed_docs"] == 0 and t["bad_spans"] == 0
    assert t["claim_precision"] >= 0.98
    assert t["claim_f1"] >= 0.89
    assert t["attribution_acc"] >= 0.88
    assert t["subject_acc"] >= 0.98
    assert t["time_acc"] >= 0.82
    assert t["statement_recall"] >= 0.83


def test_varied_articles(shared: Path) -> None:
    """20 real articles of 18 outlets on many topics, 5 hard negatives, labelled blind
    (tests/gold/varied.md). Blind first score on the engine before they were labelled
    (88c53b1): claim F1 0.897 (precision 0.946, recall 0.854), attribution 0.867,
    subject 0.852, time 1.0, statements 0.823, text checks 170/186."""
    t = run_scorer(
        ROOT / "tests" / "gold" / "varied.jsonl", "--docs", str(shared / "corpus" / "varied")
    )
    assert t["failed_docs"] == 0 and t["bad_spans"] == 0
    assert t["claim_precision"] >= 0.98
    assert t["claim_f1"] >= 0.91
    assert t["attribution_acc"] >= 0.85
    assert t["subject_acc"] >= 0.87
    assert t["time_acc"] >= 0.98
    assert t["statement_recall"] >= 0.82


def test_story_cluster_articles(shared: Path) -> None:
    """33 real reports in 8 clusters of developing stories, labelled blind
    (tests/gold/stories.md). Blind first score (88c53b1): claim F1 0.875 (precision
    0.895, recall 0.856), attribution 0.927, subject 0.689, time 0.778, statements 0.756,
    text checks 139/176."""
    t = run_scorer(
        ROOT / "tests" / "gold" / "stories.jsonl", "--docs", str(shared / "corpus" / "stories")
    )
    assert t["failed_docs"] == 0 and t["bad_spans"] == 0
    assert t["claim_precision"] >= 0.98
    assert t["claim_f1"] >= 0.92
    assert t["attribution_acc"] >= 0.91
    assert t["subject_acc"] >= 0.88
    assert t["time_acc"] >= 0.88
    assert t["statement_recall"] >= 0.75
