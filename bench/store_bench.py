"""Benchmark of the event store: storing, clustering, querying and exporting.

    python bench/store_bench.py [--articles 2000] [--dev]

Synthetic articles (German sentences written here, events we construct) measure the store on
its own, without extraction. `--dev` also stores the dev corpus (../shared/corpus/dev) with its
gold events as if the pipeline had found them, and reports how many clusters span articles.
"""

from __future__ import annotations

import argparse
import json
import random
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from lagebild.store import EventFilter, ExportFormat, export_store, open_store, recompute_clusters, store_record
from lagebild.store.query import PLOVER_TYPES, select_clusters, select_events

COUNTRIES = ("PRK", "RUS", "KOR", "USA", "DEU", "FRA", "UKR", "CHN", "JPN", "TUR")
OUTLETS = ("Zeitung A", "Zeitung B", "Zeitung C", "Agentur D")
SENTENCE = "Die Regierung in {a} hat am {day}. des Monats Gespräche mit Vertretern aus {b} geführt."
SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def synthetic_record(number: int, rng: random.Random) -> dict[str, Any]:
    """An article record with 1-3 events; about half re-report an event of an earlier article."""
    published = date(2023, 1, 1) + timedelta(days=rng.randrange(120))
    text = "\n".join(
        SENTENCE.format(a=rng.choice(COUNTRIES), b=rng.choice(COUNTRIES), day=rng.randrange(1, 29)) for _ in range(3)
    )
    events = []
    for position in range(rng.randint(1, 3)):
        source, target = rng.sample(COUNTRIES[:4], 2)  # few dyads, so that reports collide
        day = published - timedelta(days=rng.randrange(3))
        start = text.index("Gespräche")
        events.append({
            "type": rng.choice(PLOVER_TYPES[:6]), "mode": None, "context": [], "modality": rng.choice(
                ("asserted", "asserted", "asserted", "planned", "possible", "negated")),
            "source": {"text": source, "name": None, "country": source, "sector": "GOV"},
            "target": {"text": target, "name": None, "country": target, "sector": "GOV"},
            "location": None,
            "time": {"text": "am Tag", "start": day.isoformat(), "end": day.isoformat()} if position % 2 == 0 else None,
            "attribution": [], "evidence": ["Gespräche"], "evidence_spans": [[start, start + 9]],
            "evidence_attribution": [[]],
        })  # fmt: skip
    return {
        "id": f"synthetic-{number:06d}",
        "lang": "de",
        "published": published.isoformat(),
        "outlet": rng.choice(OUTLETS),
        "url": None,
        "title": None,
        "text": f"{number}\n{text}",
        "events": events,
        "structure": {"blocks": [], "dateline": None, "notices": []},
    }


def timed(label: str, action: Callable[[], Any], results: dict[str, float]) -> Any:
    started = time.perf_counter()
    value = action()
    results[label] = time.perf_counter() - started
    return value


def bench_synthetic(articles: int, folder: Path) -> dict[str, float]:
    rng = random.Random(6)
    records = [synthetic_record(number, rng) for number in range(articles)]
    results: dict[str, float] = {}
    with open_store(folder / "bench.duckdb", create=True) as connection:
        timed("store (s)", lambda: [store_record(connection, record, "bench") for record in records], results)
        results["articles/s stored"] = articles / results["store (s)"]
        results["events"] = connection.execute("SELECT count(*) FROM events").fetchone()[0]
        results["clusters"] = timed("recompute clusters (s)", lambda: recompute_clusters(connection), results)
        results["clusters with >1 article"] = connection.execute(
            "SELECT count(*) FROM clusters WHERE articles > 1"
        ).fetchone()[0]
        query = EventFilter(country="PRK", type="CONSULT", since=date(2023, 2, 1))
        timed("query events (s)", lambda: select_events(connection, query), results)
        timed("query clusters (s)", lambda: select_clusters(connection, query), results)
        for export_format in ExportFormat:
            out = folder / f"export.{export_format}"
            timed(f"export {export_format} (s)", lambda out=out, f=export_format: export_store(connection, f, out),
                  results)  # fmt: skip
    return results


def dev_records() -> list[dict[str, Any]]:
    """Dev articles with their gold events, shaped as the pipeline's records (evidence spans found by search)."""
    records = []
    for path in sorted((SHARED / "corpus" / "dev").glob("*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        for event in record.get("events", []):
            spans = []
            for evidence in event.get("evidence", []):
                start = record["text"].find(evidence)
                if start >= 0:
                    spans.append([start, start + len(evidence)])
            event["evidence_spans"] = spans
        record.setdefault("structure", {"blocks": [], "dateline": None, "notices": []})
        records.append(record)
    return records


def bench_dev(folder: Path) -> dict[str, float]:
    records = dev_records()
    results: dict[str, float] = {"articles": len(records)}
    with open_store(folder / "dev.duckdb", create=True) as connection:
        for record in records:
            store_record(connection, record, "gold")
        results["events"] = connection.execute("SELECT count(*) FROM events").fetchone()[0]
        results["clusters"] = recompute_clusters(connection)
        results["clusters with >1 article"] = connection.execute(
            "SELECT count(*) FROM clusters WHERE articles > 1"
        ).fetchone()[0]
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--dev", action="store_true", help="also store the dev corpus with its gold events")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        report = {"synthetic": bench_synthetic(options.articles, folder)}
        if options.dev:
            report["dev gold"] = bench_dev(folder)
    for section, numbers in report.items():
        print(f"[{section}]")
        for label, value in numbers.items():
            print(f"  {label:28} {value:10.3f}" if isinstance(value, float) else f"  {label:28} {value:10d}")


if __name__ == "__main__":
    main()
