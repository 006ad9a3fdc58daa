"""Event quality: the dev corpus through the shared scorer, and our own case table.

    python bench/eval_events.py [--json]

The dev articles go in without their gold events (as in every evaluation); the output is
scored by ../shared/tools/score_events.py. The case table is tests/data/event_cases.tsv
(sentences we wrote, one expected event each).
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
import json
import os
import sys
import tempfile
from datetime import date
from pathlib import Path

from lagebild.document import Article, Event
from lagebild.ingest import read_inputs
from lagebild.output import to_json, write_atomically
from lagebild.pipeline import Pipeline, default_pipeline
from lagebild.plover import SYMMETRIC_TYPES

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


def require_shared(path: Path) -> Path:
    if not path.exists():
        message = f"{path} is missing (../shared is needed for the dev corpus)"
        if os.environ.get("CI") == "true":
            raise SystemExit(message)
        print(message, file=sys.stderr)
        raise SystemExit(2)
    return path


def load_scorer():
    spec = importlib.util.spec_from_file_location("score_events", require_shared(SHARED / "tools" / "score_events.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def score_dev(pipeline: Pipeline) -> dict:
    """Extract the dev corpus without its gold events and score it; returns the scorer's result."""
    dev = require_shared(SHARED / "corpus" / "dev")
    with tempfile.TemporaryDirectory() as out:
        for article in read_inputs([dev]):  # read_inputs drops the gold events
            write_atomically(Path(out) / f"{article.id}.json", to_json(pipeline(article)))
        return load_scorer().score(str(dev), out)


def read_cases(path: Path = REPO / "tests" / "data" / "event_cases.tsv") -> list[dict[str, str]]:
    lines = (line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#"))
    return list(csv.DictReader(lines, delimiter="\t"))


def case_passes(case: dict[str, str], events: list[Event]) -> bool:
    if case["type"] == "NONE":
        return not events
    expected = {(case["source"], case["target"])}
    if case["type"] in SYMMETRIC_TYPES:
        expected.add((case["target"], case["source"]))
    for event in events:
        pair = (
            (event.source.actor.country or "") if event.source else "",
            (event.target.actor.country or "") if event.target else "",
        )
        attributed = bool(event.attribution) == (case["attributed"] == "yes")
        if event.type == case["type"] and pair in expected and event.modality == case["modality"] and attributed:
            return True
    return False


def score_cases(pipeline: Pipeline) -> tuple[int, int]:
    cases = read_cases()
    passed = 0
    for case in cases:
        article = pipeline(Article(id="case", text=case["sentence"], published=date.fromisoformat(case["date"])))
        passed += case_passes(case, article.events)
    return passed, len(cases)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args()
    pipeline = default_pipeline()
    dev = score_dev(pipeline)
    passed, total = score_cases(pipeline)
    result = {"dev": {k: dev[k] for k in ("precision", "recall", "f1", "dyad_f1", "attributes")},
              "cases_passed": passed, "cases_total": total}  # fmt: skip
    if args.json:
        print(json.dumps(result, indent=1))
        return
    print(f"dev corpus: precision {dev['precision']:.3f}  recall {dev['recall']:.3f}  F1 {dev['f1']:.3f}")
    for name, value in dev["attributes"].items():
        print(f"  {name:22s} {value:.3f}")
    print(f"own cases: {passed}/{total} passed")


if __name__ == "__main__":
    main()
