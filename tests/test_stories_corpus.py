"""Stories on the real clusters of ../shared/corpus/stories, mixed with other events.

The 33 reports are parsed with the installed plugins (skipped without them or without
../shared); the reports of ../shared/corpus/conflict and ../shared/corpus/varied are mixed in as
reports of other events. Expected stories, copies and series: tests/stories/expected.json.
The parsers read most of these wrappers' publication dates (28 of 33 reports); a report
without one gets the labelled date, so the grouping and ordering under test start from
reports as a parser that reads them all would give.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import newsclaims
from newsclaims.host import PluginHost, Settings
from newsclaims.serialize import report_to_dict

EXPECTED = json.loads((Path(__file__).parent / "stories" / "expected.json").read_text("utf-8"))
#: Floors just below the scores measured when this test was written (see the report below).
F1_FLOOR = 0.95
SERIES_FLOOR = 0.9


def _files(folder: Path) -> Iterator[Path]:
    for path in sorted(folder.iterdir()):
        if path.is_file() and path.name not in {"README.md", "SOURCE.md"}:
            yield path


@pytest.fixture(scope="module")
def parsed() -> tuple[list[dict[str, Any]], dict[str, str]]:
    shared = Path(__file__).resolve().parents[1].parent / "shared"
    if not shared.is_dir():
        pytest.skip("../shared is not present")
    pytest.importorskip("datasketch")
    host = PluginHost(settings=Settings(autoload=True))
    if not {"text", "html"} <= set(host.loaded()):
        pytest.skip("the text and html plugins are not installed")
    root = shared / "corpus" / "stories"
    labelled = {r["file"]: r for s in EXPECTED["stories"] for r in s["reports"]}
    paths = [root / name for name in labelled]
    paths += [*_files(shared / "corpus" / "conflict"), *_files(shared / "corpus" / "varied")]
    reports, file_of = [], {}
    for path, report in zip(paths, newsclaims.parse_many(paths, host=host), strict=True):
        assert isinstance(report, newsclaims.Report), report
        item = report_to_dict(report)
        name = path.relative_to(root).as_posix() if path.is_relative_to(root) else None
        if name is not None:
            item["published"] = item["published"] or labelled[name]["published"]
            file_of[item["id"]] = name
        reports.append(item)
    return reports, file_of


@pytest.fixture(scope="module")
def result(parsed: tuple[list[dict[str, Any]], dict[str, str]]) -> list[dict[str, Any]]:
    return newsclaims.stories(parsed[0])


def _story_of(result: list[dict[str, Any]]) -> dict[str, str]:
    return {r["id"]: s["story"] for s in result for r in s["reports"]}


def pairwise(result: list[dict[str, Any]], file_of: dict[str, str]) -> dict[str, float]:
    """Pairwise precision, recall and F1 of the grouping (pairs with a labelled report)."""
    truth = {r["file"]: s["story"] for s in EXPECTED["stories"] for r in s["reports"]}
    got = _story_of(result)
    tp = fp = fn = 0
    for a, b in itertools.combinations(sorted(got), 2):
        fa, fb = file_of.get(a), file_of.get(b)
        if fa is None and fb is None:
            continue  # two reports of other events: not labelled
        same = fa is not None and fb is not None and truth[fa] == truth[fb]
        joined = got[a] == got[b]
        tp += same and joined
        fp += joined and not same
        fn += same and not joined
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def test_no_two_clusters_merged_and_no_other_event_joins(
    result: list[dict[str, Any]], parsed: tuple[list[dict[str, Any]], dict[str, str]]
) -> None:
    file_of = parsed[1]
    for story in result:
        clusters = {file_of[r["id"]].split("/")[0] for r in story["reports"] if r["id"] in file_of}
        assert len(clusters) <= 1, clusters
        if clusters:
            others = [r["input"] for r in story["reports"] if r["id"] not in file_of]
            assert not others, (clusters, others)


def test_story_grouping_pairwise_f1(
    result: list[dict[str, Any]], parsed: tuple[list[dict[str, Any]], dict[str, str]]
) -> None:
    scores = pairwise(result, parsed[1])
    print("stories pairwise", scores)
    assert scores["precision"] == 1.0
    assert scores["f1"] >= F1_FLOOR


def test_every_versions_cluster_is_one_story(
    result: list[dict[str, Any]], parsed: tuple[list[dict[str, Any]], dict[str, str]]
) -> None:
    got = _story_of(result)
    by_file = {f: i for i, f in parsed[1].items()}
    for story in EXPECTED["stories"]:
        if not story["story"].startswith(("kerala", "daruvar", "guinea", "norway", "mogadishu")):
            continue
        assert len({got[by_file[r["file"]]] for r in story["reports"]}) == 1, story["story"]


def test_reports_in_publication_order(result: list[dict[str, Any]]) -> None:
    for story in result:
        times = [r["published"] for r in story["reports"]]
        known = [t for t in times if t]
        assert known == sorted(known, key=_utc)


def test_copies_found_and_no_false_copy(
    result: list[dict[str, Any]], parsed: tuple[list[dict[str, Any]], dict[str, str]]
) -> None:
    file_of = parsed[1]
    found = {
        (file_of.get(r["copy_of"]), file_of.get(r["id"]))
        for s in result
        for r in s["reports"]
        if r["copy_of"]
    }
    required, allowed = set(), set()
    for story in EXPECTED["stories"]:
        for entry in story["copies"]:
            required |= {(entry["canonical"], c) for c in entry["copies"]}
        for entry in story["copies_optional"]:
            allowed |= {(entry["canonical"], c) for c in entry["copies"]}
    assert required <= found
    assert found <= required | allowed
    for story in result:
        for report in story["reports"]:
            if report["copy_of"]:
                assert report["copy_of"] in {r["id"] for r in story["reports"]}


def _matches(point: dict[str, Any], want: dict[str, Any], file_of: dict[str, str]) -> bool:
    return bool(
        file_of.get(point["report"]) == want["report"]
        and point["low"] == want["low"]
        and point["high"] == want["high"]
    )


def extracted(reports: list[dict[str, Any]], file_of: dict[str, str]) -> set[tuple[Any, ...]]:
    """(file, measure, low, high) of every claim the parsers gave."""
    return {
        (file_of.get(r["id"]), c["measure"], c["value"]["low"], c["value"]["high"])
        for r in reports
        for c in r["claims"]
        if c.get("measure") and c.get("value")
    }


def series_scores(
    result: list[dict[str, Any]], file_of: dict[str, str], claims: set[tuple[Any, ...]]
) -> tuple[int, int, int, list[str]]:
    """Changing figures (found in order with their revisions, extracted, all) and misses.

    A changing figure is *extracted* when the parsers gave at least two of its points: the
    others are the claims engine's misses, not this grouping's.
    """
    story_of_file = {
        file_of[r["id"]]: s for s in result for r in s["reports"] if r["id"] in file_of
    }
    found = total = possible = 0
    misses = []
    for story in EXPECTED["stories"]:
        for want in story["series"]:
            if not want["revisions"]:
                continue
            total += 1
            given = [
                w
                for w in want["points"]
                if (w["report"], want["measure"], w["low"], w["high"]) in claims
            ]
            if len(given) < 2:
                misses.append(
                    f"{story['story']} {want['measure']} {want.get('place')}: not extracted"
                )
                continue
            possible += 1
            ours = story_of_file[want["points"][0]["report"]]
            best: list[tuple[int, int]] = []
            best_series = None
            for candidate in ours["series"]:
                if candidate["measure"] != want["measure"]:
                    continue
                pairs = [
                    (x, y)
                    for x, p in enumerate(candidate["points"])
                    for y, w in enumerate(want["points"])
                    if _matches(p, w, file_of)
                ]
                if len(pairs) > len(best):
                    best, best_series = pairs, candidate
            if best_series is None or len(best) < 2:
                misses.append(f"{story['story']} {want['measure']} {want.get('place')}: no series")
                continue
            ordered = [y for _, y in sorted(best)]
            assert ordered == sorted(ordered), (story["story"], want["measure"], ordered)
            flagged = {
                (file_of.get(r["from"]), file_of.get(r["to"])) for r in best_series["revisions"]
            }
            wanted = {(r["from"], r["to"]) for r in want["revisions"]}
            matched = {want["points"][y]["report"] for _, y in best}
            needed = {(a, b) for a, b in wanted if a in matched and b in matched}
            if needed <= flagged and len(best) * 2 >= len(want["points"]):
                found += 1
            else:
                misses.append(
                    f"{story['story']} {want['measure']} {want.get('place')}: "
                    f"{len(best)}/{len(want['points'])} points, revisions {needed - flagged}"
                )
    return found, possible, total, misses


def test_changing_figures_are_series_in_order_with_revisions(
    result: list[dict[str, Any]], parsed: tuple[list[dict[str, Any]], dict[str, str]]
) -> None:
    found, possible, total, misses = series_scores(result, parsed[1], extracted(*parsed))
    print(f"changing figures as series: {found}/{possible} extracted, {total} labelled")
    print(*misses, sep="\n  ")
    assert found / possible >= SERIES_FLOOR


def _direction(before: dict[str, Any], after: dict[str, Any]) -> str:
    low = (
        before["low"] if before["low"] is not None else before["high"],
        after["low"] if after["low"] is not None else after["high"],
    )
    if low[0] != low[1]:
        return "up" if low[1] > low[0] else "down"
    return "changed"


def _position(
    candidate: dict[str, Any],
    point: dict[str, Any],
    want: dict[str, Any],
    copy_of: dict[str | None, str | None],
    file_of: dict[str, str],
) -> int | None:
    """Where the labelled *point* is in the *candidate* series (or its canonical's point)."""
    for x, p in enumerate(candidate["points"]):
        if _matches(p, point, file_of):
            return x
    origin = copy_of.get(point["report"])
    for w in want["points"]:
        if w["report"] == origin and (w["low"], w["high"]) == (point["low"], point["high"]):
            return _position(candidate, w, want, copy_of, file_of)
    return None


def strict_series(
    result: list[dict[str, Any]], file_of: dict[str, str]
) -> tuple[int, int, list[str]]:
    """Changing figures shown whole: one series holding every labelled point in the labelled
    order, each labelled revision flagged between its two reports with its direction. A copy
    repeating its canonical's figure is shown by the canonical's point (copies count once)."""
    story_of_file = {
        file_of[r["id"]]: s for s in result for r in s["reports"] if r["id"] in file_of
    }
    copy_of = {
        file_of.get(r["id"]): file_of.get(r["copy_of"])
        for s in result
        for r in s["reports"]
        if r["copy_of"]
    }
    found = total = 0
    misses = []
    for story in EXPECTED["stories"]:
        for want in story["series"]:
            if not want["revisions"]:
                continue
            total += 1
            label = f"{story['story']} {want['measure']} {want.get('place')}"
            ours = story_of_file[want["points"][0]["report"]]
            whole = None
            for candidate in ours["series"]:
                if candidate["measure"] != want["measure"]:
                    continue
                at = [_position(candidate, w, want, copy_of, file_of) for w in want["points"]]
                if None not in at:
                    whole = candidate, at
                    break
            if whole is None:
                misses.append(f"{label}: no series holds all {len(want['points'])} points")
                continue
            candidate, at = whole
            if at != sorted(at):
                misses.append(f"{label}: points out of order {at}")
                continue
            flagged = {
                (file_of.get(r["from"]), file_of.get(r["to"])): r["direction"]
                for r in candidate["revisions"]
            }
            points = {w["report"]: w for w in want["points"]}
            shown = {
                w["report"]: candidate["points"][x]["report"]
                for w, x in zip(want["points"], at, strict=True)
            }
            wrong = [
                (r["from"], r["to"])
                for r in want["revisions"]
                if flagged.get((file_of.get(shown[r["from"]]), file_of.get(shown[r["to"]])))
                != _direction(points[r["from"]], points[r["to"]])
            ]
            if wrong:
                misses.append(f"{label}: revisions not flagged {wrong}")
                continue
            found += 1
    return found, total, misses


def test_every_changing_figure_is_one_series_in_order_with_its_revisions(
    result: list[dict[str, Any]], parsed: tuple[list[dict[str, Any]], dict[str, str]]
) -> None:
    found, total, misses = strict_series(result, parsed[1])
    print(f"changing figures whole: {found}/{total}", *misses, sep="\n  ")
    assert total == 17
    assert not misses


def _utc(value: str) -> Any:
    from newsclaims.stories.view import parse_time

    return parse_time(value)


def test_every_story_matches_the_schema(result: list[dict[str, Any]]) -> None:
    from newsclaims.stories.api import validate

    for story in result:
        validate(story)


def test_dask_path_gives_the_same_stories(
    parsed: tuple[list[dict[str, Any]], dict[str, str]], result: list[dict[str, Any]]
) -> None:
    pytest.importorskip("dask.bag")
    from newsclaims.stories import dask as stories_dask

    assert stories_dask.stories(parsed[0], partitions=3) == result


MIXED = json.loads((Path(__file__).parent / "stories" / "mixed.json").read_text("utf-8"))
#: Floors of the mixed evaluation (issue 12's target is F1 >= 0.95; first measured blind:
#: precision 0.983, recall 0.967, F1 0.975, dated or not).
MIXED_F1_FLOOR = 0.95
MIXED_PRECISION_FLOOR = 0.98


def _corpus_file(report: dict[str, Any]) -> str:
    path = Path(report["input"]).resolve()
    return path.relative_to(next(p for p in path.parents if p.name == "corpus")).as_posix()


def mixed_pairwise(result: list[dict[str, Any]]) -> dict[str, Any]:
    """Pairwise precision, recall and F1 over every pair of the 73 reports (the 8 clusters of
    expected.json, the groups of mixed.json, every other report its own story)."""
    truth = {f"stories/{r['file']}": s["story"] for s in EXPECTED["stories"] for r in s["reports"]}
    for entry in MIXED["groups"]:
        truth.update(dict.fromkeys(entry["files"], entry["story"]))
    skip = {
        frozenset(pair)
        for entry in MIXED["ambiguous"]
        for pair in itertools.combinations(entry["files"], 2)
    }
    got = {_corpus_file(r): s["story"] for s in result for r in s["reports"]}
    tp = fp = fn = 0
    wrong = []
    for a, b in itertools.combinations(sorted(got), 2):
        if frozenset((a, b)) in skip:
            continue
        same = truth.get(a, a) == truth.get(b, b)
        joined = got[a] == got[b]
        tp += same and joined
        fp += joined and not same
        fn += same and not joined
        if same != joined:
            wrong.append(("joined" if joined else "split", a, b))
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "wrong": wrong}


def test_mixed_labels_name_the_parsed_files(
    parsed: tuple[list[dict[str, Any]], dict[str, str]],
) -> None:
    files = {_corpus_file(r) for r in parsed[0]}
    for entry in [*MIXED["groups"], *MIXED["ambiguous"]]:
        assert set(entry["files"]) <= files, entry["files"]


def test_mixed_story_grouping_pairwise_f1(result: list[dict[str, Any]]) -> None:
    scores = mixed_pairwise(result)
    print("mixed pairwise", {k: v for k, v in scores.items() if k != "wrong"}, scores["wrong"])
    assert scores["precision"] >= MIXED_PRECISION_FLOOR
    assert scores["f1"] >= MIXED_F1_FLOOR


def test_mixed_grouping_holds_without_dates(
    parsed: tuple[list[dict[str, Any]], dict[str, str]],
) -> None:
    # every report as if of one moment: the 8-day window no longer keeps events of other
    # years apart, only what the reports say does
    undated = [{**r, "published": None} for r in parsed[0]]
    scores = mixed_pairwise(newsclaims.stories(undated))
    print("mixed pairwise, undated", {k: v for k, v in scores.items() if k != "wrong"})
    assert scores["precision"] >= MIXED_PRECISION_FLOOR
    assert scores["f1"] >= MIXED_F1_FLOOR
