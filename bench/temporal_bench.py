"""Benchmark of the temporal stage against dateparser, on the same inputs in one run.

Two sets:
1. bench/data/temporal_gold.tsv: expressions in sentences written for lagebild, with anchor
   date and gold interval. lagebild runs its full pipeline (structure, language, temporal) over
   each sentence as a one-sentence article dated by the anchor; dateparser's `search_dates` runs
   over the same sentence with RELATIVE_BASE = anchor and PREFER_DATES_FROM from the row's tense.
2. the TIME fields of the gold events in ../shared/corpus/dev: lagebild runs over the whole
   article and the found expression overlapping the gold time text is compared; dateparser gets
   the gold time text and the article's reference date (PREFER_DATES_FROM from the modality).

A dateparser date counts as the interval [day, day]; a match is an exact interval.

    python bench/temporal_bench.py [--json] [--errors] [--speed]

`--speed` prints instead the CPU time of the temporal stage alone per article (best of 5 passes
over the dev corpus articles, structure and tokens done beforehand; `time.process_time`, so
other load on the machine matters little).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
import time
import warnings
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from lagebild.document import Article, TimeExpression
from lagebild.ingest import read_inputs
from lagebild.pipeline import Pipeline, default_pipeline
from lagebild.temporal import TemporalStage

REPO = Path(__file__).resolve().parents[1]
GOLD_FILE = REPO / "bench" / "data" / "temporal_gold.tsv"
SHARED = REPO.parent / "shared"
DEV_CORPUS = SHARED / "corpus" / "dev"
Interval = tuple[date, date]


@dataclass(frozen=True)
class Case:
    """One gold expression: where it stands, what it means, and the date it counts from."""

    label: str
    text: str  # the text the expression stands in (sentence or article)
    expression_start: int
    expression_end: int
    anchor: date
    tense: str | None
    gold: Interval


@dataclass
class Score:
    correct: int = 0
    total: int = 0
    errors: list[dict[str, str]] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 0.0

    def add(self, case: Case, found: Interval | None) -> None:
        self.total += 1
        if found == case.gold:
            self.correct += 1
            return
        self.errors.append(
            {
                "case": case.label,
                "expression": case.text[case.expression_start : case.expression_end],
                "gold": format_interval(case.gold),
                "found": format_interval(found) if found else "-",
            }
        )


def format_interval(interval: Interval) -> str:
    return f"{interval[0].isoformat()}..{interval[1].isoformat()}"


def read_gold(path: Path = GOLD_FILE) -> list[Case]:
    lines = [line for line in path.read_text("utf-8").splitlines() if line and not line.startswith("#")]
    cases = []
    for number, row in enumerate(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE), start=1):
        start = row["sentence"].find(row["expression"])
        if start < 0:
            raise ValueError(f"{path}: row {number}: expression {row['expression']!r} not in its sentence")
        cases.append(
            Case(
                label=f"gold:{number}",
                text=row["sentence"],
                expression_start=start,
                expression_end=start + len(row["expression"]),
                anchor=date.fromisoformat(row["anchor"]),
                tense=row["tense"],
                gold=(date.fromisoformat(row["start"]), date.fromisoformat(row["end"])),
            )
        )
    return cases


def overlapping(times: Iterable[TimeExpression], start: int, end: int) -> Interval | None:
    """The interval of the first (then longest) found expression that overlaps [start, end)."""
    hits = [t for t in times if t.start < end and t.end > start]
    if not hits:
        return None
    best = min(hits, key=lambda t: (t.start, -(t.end - t.start)))
    return best.first_day, best.last_day


def lagebild_on_sentence(case: Case, pipeline: Pipeline) -> Interval | None:
    article = pipeline(Article(id=case.label, text=case.text, published=case.anchor))
    return overlapping(article.times, case.expression_start, case.expression_end)


def dateparser_on_text(
    text: str, anchor: date, tense: str | None, start: int = 0, end: int | None = None
) -> Interval | None:
    """The first date dateparser finds overlapping [start, end) of `text`, as [day, day]."""
    from dateparser.search import search_dates

    end = len(text) if end is None else end
    settings = {"RELATIVE_BASE": datetime(anchor.year, anchor.month, anchor.day, 12)}
    preference = {"past": "past", "future": "future"}.get(tense or "", "current_period")
    settings["PREFER_DATES_FROM"] = preference
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        found = search_dates(text, languages=["de"], settings=settings) or []
    cursor = 0
    for surface, moment in found:
        position = text.find(surface, cursor)
        if position < 0:
            continue
        cursor = position + len(surface)
        if position < end and position + len(surface) > start:
            return moment.date(), moment.date()
    return None


def score_gold(cases: list[Case], pipeline: Pipeline) -> tuple[Score, Score]:
    lagebild, dateparser = Score(), Score()
    for case in cases:
        lagebild.add(case, lagebild_on_sentence(case, pipeline))
        found = dateparser_on_text(case.text, case.anchor, case.tense, case.expression_start, case.expression_end)
        dateparser.add(case, found)
    return lagebild, dateparser


def dev_corpus_available() -> bool:
    """True when ../shared is there; refuses to go on without it in CI."""
    if DEV_CORPUS.is_dir():
        return True
    if os.environ.get("CI") == "true":
        raise SystemExit(f"error: {DEV_CORPUS} is missing and CI=true: the dev TIME benchmark cannot run")
    return False


def score_dev(pipeline: Pipeline) -> tuple[Score, Score]:
    lagebild, dateparser = Score(), Score()
    for path in sorted(DEV_CORPUS.glob("*.json")):
        gold = json.loads(path.read_text("utf-8"))
        article = next(item for item in read_inputs([path]) if isinstance(item, Article))
        article = pipeline(article)
        for number, event in enumerate(gold.get("events", []), start=1):
            gold_time = event.get("time")
            if not gold_time:
                continue
            start = article.text.find(gold_time["text"])
            if start < 0 or article.reference_date is None:
                continue
            case = Case(
                label=f"{path.stem}#{number}",
                text=article.text,
                expression_start=start,
                expression_end=start + len(gold_time["text"]),
                anchor=article.reference_date,
                tense="future" if event.get("modality") == "planned" else "past",
                gold=(date.fromisoformat(gold_time["start"]), date.fromisoformat(gold_time["end"])),
            )
            lagebild.add(case, overlapping(article.times, case.expression_start, case.expression_end))
            dateparser.add(case, dateparser_on_text(gold_time["text"], case.anchor, case.tense))
    return lagebild, dateparser


def temporal_pipeline() -> Pipeline:
    return Pipeline([*default_pipeline().stages, TemporalStage()])


def run(include_dev: bool) -> dict[str, dict[str, Score]]:
    pipeline = temporal_pipeline()
    results = {}
    results["gold"] = dict(zip(("lagebild", "dateparser"), score_gold(read_gold(), pipeline), strict=True))
    if include_dev:
        results["dev"] = dict(zip(("lagebild", "dateparser"), score_dev(pipeline), strict=True))
    return results


def as_json(results: dict[str, dict[str, Score]], with_errors: bool) -> str:
    payload: dict[str, dict[str, object]] = {}
    for name, systems in results.items():
        payload[name] = {}
        for system, score in systems.items():
            entry: dict[str, object] = {
                "correct": score.correct,
                "total": score.total,
                "accuracy": round(score.accuracy, 4),
            }
            if with_errors:
                entry["errors"] = score.errors
            payload[name][system] = entry
    return json.dumps(payload, ensure_ascii=False, indent=2)


def as_table(results: dict[str, dict[str, Score]], with_errors: bool) -> str:
    lines = [f"{'set':<6} {'system':<11} {'exact':>7} {'errors':>7} {'accuracy':>9}"]
    for name, systems in results.items():
        for system, score in systems.items():
            errors = score.total - score.correct
            exact = f"{score.correct:>3}/{score.total:<3}"
            lines.append(f"{name:<6} {system:<11} {exact} {errors:>7} {score.accuracy:>9.3f}")
    if with_errors:
        for name, systems in results.items():
            for error in systems["lagebild"].errors:
                where = f"  lagebild {name} {error['case']}: {error['expression']!r}"
                lines.append(f"{where} gold {error['gold']} found {error['found']}")
    return "\n".join(lines)


def stage_speed(passes: int = 5) -> float:
    """CPU milliseconds of the temporal stage per dev article, the best of `passes` passes."""
    from lagebild.clauses import ClauseStage
    from lagebild.language import LanguageStage
    from lagebild.structure import StructureStage

    before = Pipeline([StructureStage(), LanguageStage(), ClauseStage()])
    articles = [
        before(a) for path in sorted(DEV_CORPUS.glob("*.json")) for a in read_inputs([path]) if isinstance(a, Article)
    ]
    stage, best = TemporalStage(), float("inf")
    for _ in range(passes):
        started = time.process_time()
        for article in articles:
            stage(article)
        best = min(best, time.process_time() - started)
    return 1000 * best / len(articles)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument("--errors", action="store_true", help="list every wrong interval")
    parser.add_argument("--speed", action="store_true", help="CPU ms of the temporal stage per dev article")
    args = parser.parse_args(argv)
    include_dev = dev_corpus_available()
    if args.speed:
        if not include_dev:
            raise SystemExit(f"error: {DEV_CORPUS} is needed for --speed")
        print(f"temporal stage: {stage_speed():.2f} ms CPU per dev article")
        return 0
    if not include_dev:
        print(f"notice: {DEV_CORPUS} not found; dev TIME fields skipped", file=sys.stderr)
    results = run(include_dev)
    print(as_json(results, args.errors) if args.json else as_table(results, args.errors))
    return 0


if __name__ == "__main__":
    sys.exit(main())
