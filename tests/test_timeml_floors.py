"""TimeML floors: value F1 and day-interval exact of lagebild's TIMEX3s on each of our TimeML gold sets
(bench/timeml_eval.py, bench/data/timeml/), pinned at the scores of session 19. The sets run in the order the
bench runs them, since results depend a little on it (bench/README.md). A change that lowers a set below its
floor fails here; raise a floor when a change lifts its set.
"""

from __future__ import annotations

import importlib.util
import sys

import pytest

from tests.conftest import REPO

# set -> (value F1, day-interval exact)
FLOORS = {
    "check": (1.0, 1.0),
    "dev": (0.969, 0.973),
    "check2": (0.98, 0.99),
    "check3": (0.993, 0.996),
    "check4": (0.995, 1.0),
    "check5": (0.99, 0.993),
    "check6": (0.975, 0.988),
    "check7": (0.98, 0.975),
    "check8": (1.0, 1.0),
    "check9": (0.983, 0.981),
    "check10": (0.973, 0.983),
    "check11": (0.97, 0.961),
    "check12": (0.977, 0.976),
}


@pytest.fixture(scope="module")
def scores() -> dict[str, dict[str, float]]:
    spec = importlib.util.spec_from_file_location("timeml_eval", REPO / "bench" / "timeml_eval.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    pipeline = module.temporal_pipeline()
    results = {}
    for name in module.SETS:
        total = module.Score()
        for path in sorted((module.GOLD_DIR / name).glob("*.tml")):
            document = module.read_gold(path)
            module.score(document, module.lagebild_timexes(document, pipeline), total)
        results[name] = total.row()
    return results


def test_every_set_has_a_floor(scores) -> None:
    assert set(scores) == set(FLOORS)


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_timeml_set_stays_above_its_floor(scores, name: str) -> None:
    value_f1, interval_exact = FLOORS[name]
    assert scores[name]["value_f1"] >= value_f1, scores[name]
    assert scores[name]["interval_exact"] >= interval_exact, scores[name]
