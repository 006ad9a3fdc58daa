"""Quality floors (bench/eval_baseline.json): event F1, detection F1 and, over matched events, attribution,
modality and location country on the validation part of corpus/train (articles no rule was written from);
our own case table; and event and detection F1 on own-blind, own-blind2, own-blind3, own-blind4, own-blind5,
own-blind6, own-blind7, own-blind8 and own-blind9, the articles we wrote blind (held out as well).

Like trafilatura's eval gate: a change that lowers a score below its pinned floor fails here.
"""

from __future__ import annotations

import importlib.util
import json

import pytest

from tests.conftest import REPO, shared_path

BASELINE = json.loads((REPO / "bench" / "eval_baseline.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def evaluation():
    spec = importlib.util.spec_from_file_location("eval_events", REPO / "bench" / "eval_events.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_validation_event_f1_stays_above_its_floor(evaluation, pipeline) -> None:
    shared_path("corpus", "train")
    result = evaluation.score_part(pipeline, "validation")
    assert result["f1"] >= BASELINE["validation_event_f1"], result
    assert result["detection_f1"] >= BASELINE["validation_detection_f1"], result
    assert result["attributes"]["attributed"] >= BASELINE["validation_attributed"], result
    assert result["attributes"]["modality"] >= BASELINE["validation_modality"], result
    assert result["attributes"]["location_country"] >= BASELINE["validation_location_country"], result


def test_own_cases_stay_above_their_floor(evaluation, pipeline) -> None:
    passed, total = evaluation.score_cases(pipeline)
    assert passed >= BASELINE["event_cases_passed"], f"{passed}/{total}"


@pytest.mark.parametrize(
    ("part", "key"),
    [
        ("own-blind", "own_blind"),
        ("own-blind2", "own_blind2"),
        ("own-blind3", "own_blind3"),
        ("own-blind4", "own_blind4"),
        ("own-blind5", "own_blind5"),
        ("own-blind6", "own_blind6"),
        ("own-blind7", "own_blind7"),
        ("own-blind8", "own_blind8"),
        ("own-blind9", "own_blind9"),
    ],
)
def test_blind_parts_stay_above_their_floors(evaluation, pipeline, part: str, key: str) -> None:
    result = evaluation.score_part(pipeline, part)
    assert result["f1"] >= BASELINE[f"{key}_event_f1"], result
    assert result["detection_f1"] >= BASELINE[f"{key}_detection_f1"], result
