"""The throughput benchmark runs end to end on a small corpus and prints the required keys.

Speed is not asserted (the figures live in bench/README.md); the 60 s limit guards against a
hang and keeps the test small (20 articles)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from tests.conftest import REPO, SHARED

REQUIRED_KEYS = {"articles_per_s", "tokens_per_s_per_core", "peak_rss_mb", "floor_ratio", "workers", "articles"}


def test_bench_runs_with_20_articles_and_prints_the_required_keys() -> None:
    if os.environ.get("CI") == "true":
        assert SHARED.exists(), f"{SHARED} is missing: CI must provide ../shared"
    command = [sys.executable, str(REPO / "bench" / "throughput.py"), "--articles", "20", "--json", "--workers", "2"]
    finished = subprocess.run(command, capture_output=True, text=True, timeout=60, cwd=REPO, check=False)
    assert finished.returncode == 0, finished.stderr
    result = json.loads(finished.stdout)
    assert result.keys() >= REQUIRED_KEYS
    assert (result["articles"], result["workers"], result["stored"]) == (20, 2, 20)
    assert result["events"] > 0 and result["peak_rss_mb"] > 0 and result["floor_ratio"] > 1
