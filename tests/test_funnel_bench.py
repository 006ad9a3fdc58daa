"""bench/funnel.py watches the event stage from outside: its table must account for every gold event once, its
records must be the pipeline's, and it must refuse to print sentences of a held-out part."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from tests.conftest import REPO, SHARED


def funnel_rows(*args: str) -> tuple[dict[str, int], str]:
    command = [sys.executable, str(REPO / "bench" / "funnel.py"), *args]
    finished = subprocess.run(command, capture_output=True, text=True, timeout=300, cwd=REPO, check=False)
    assert finished.returncode == 0, finished.stderr
    rows = {}
    for line in finished.stdout.splitlines()[2:]:
        words = line.split()
        totals = [i for i, word in enumerate(words) if word.isdigit()]
        if totals and not line.startswith(("record modality", "gold modality")):
            rows[" ".join(words[: totals[0]])] = int(words[totals[0]])
    return rows, finished.stdout


def test_every_dev_gold_event_has_one_fate_and_every_record_one_seed() -> None:
    if os.environ.get("CI") == "true":
        assert SHARED.exists(), f"{SHARED} is missing: CI must provide ../shared"
    rows, _ = funnel_rows("dev")
    files = (SHARED / "corpus" / "dev").glob("*.json")
    gold = sum(len(json.loads(path.read_text(encoding="utf-8"))["events"]) for path in files)
    fates = sum(count for step, count in rows.items() if step.startswith("gold: "))
    assert rows["gold"] == fates == gold
    assert rows["records"] == rows["seed"] and rows["gold: detected"] == rows["detected"]


def test_sentences_of_a_held_out_part_are_refused() -> None:
    _, printed = funnel_rows("own-blind", "--show", "hits")
    assert "--show is refused on own-blind" in printed
    assert not any(line.startswith("  [") for line in printed.splitlines())
