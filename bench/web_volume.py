"""The web page at volume: a store of synthetic events (100,000 by default), served by uvicorn on
127.0.0.1 and driven by Playwright in Debian's Chromium (/usr/bin/chromium, no browser download).

    python bench/web_volume.py [--events 100000] [--db FILE] [--runs 5] [--json]

Measures, as medians and maxima over `--runs`:
- page ready: from navigation to the page having drawn choices, timeline, map, graph, table and
  summary (`body[data-ready=true]`), in a fresh browser context (no cache);
- filter change: from choosing a value (a country, a type, a date range, the clusters view, a
  sort, the next page) to the page having redrawn everything that depends on it.
Targets (issue 15): page ready < 1.5 s, filter change < 0.5 s. `--db` reuses a store built before
(it is built there when missing).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))  # tests.web_support holds the synthetic stores and the test server

from lagebild.web import create_app  # noqa: E402
from tests.web_support import CHROMIUM, CHROMIUM_ARGS, build_synthetic_store, running_server  # noqa: E402

READY = "body[data-ready='true']"
TIMEOUT_MS = 60_000
PAGE_READY_TARGET = 1.5
FILTER_CHANGE_TARGET = 0.5


def timed(action: Callable[[], None], page) -> float:
    started = time.perf_counter()
    action()
    page.wait_for_selector(READY, timeout=TIMEOUT_MS)
    return time.perf_counter() - started


def filter_changes(page, base_url: str) -> dict[str, Callable[[], None]]:
    """Each a change an analyst makes, from the unfiltered page."""

    def since() -> None:
        page.fill("#filter-since", "01.01.2023")
        page.locator("#filter-since").blur()

    return {
        "country": lambda: page.select_option("#filter-country", ["RUS"]),
        "two types": lambda: page.select_option("#filter-type", ["ASSAULT", "CONSULT"]),
        "since a day": since,
        "clusters view": lambda: page.click("#view-clusters"),
        "sort by type": lambda: page.click("#results-table th[data-column='type'] button"),
        "next page": lambda: page.click("#page-next"),
    }


def measure(base_url: str, runs: int) -> dict[str, object]:
    from playwright.sync_api import sync_playwright

    ready: list[float] = []
    changes: dict[str, list[float]] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        for _ in range(runs):
            context = browser.new_context(viewport={"width": 1300, "height": 1000})
            page = context.new_page()
            ready.append(timed(lambda page=page: page.goto(f"{base_url}/"), page))
            for name, change in filter_changes(page, base_url).items():
                page.goto(f"{base_url}/")
                page.wait_for_selector(READY, timeout=TIMEOUT_MS)
                changes.setdefault(name, []).append(timed(change, page))
            context.close()
        browser.close()
    every_change = [value for values in changes.values() for value in values]
    return {
        "page ready median (s)": round(statistics.median(ready), 3),
        "page ready max (s)": round(max(ready), 3),
        "filter change median (s)": round(statistics.median(every_change), 3),
        "filter change max (s)": round(max(every_change), 3),
        **{f"{name} median (s)": round(statistics.median(values), 3) for name, values in changes.items()},
        "page ready < 1.5 s": statistics.median(ready) < PAGE_READY_TARGET,
        "filter change < 0.5 s": statistics.median(every_change) < FILTER_CHANGE_TARGET,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--db", type=Path, help="store to use (built there when missing)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = args.db or Path(folder) / "volume.duckdb"
        built = 0.0
        if not db.exists():
            started = time.perf_counter()
            build_synthetic_store(db, args.events)
            built = time.perf_counter() - started
        with running_server(create_app(db)) as base_url:
            results = {"events": args.events, "store built (s)": round(built, 1), **measure(base_url, args.runs)}
    if args.json:
        print(json.dumps(results, indent=2))
    else:
        for name, value in results.items():
            print(f"{name:32} {value}")


if __name__ == "__main__":
    main()
