"""Lexicon sizes, cold load times, and how code_actor agrees with the gold actors of the dev corpus.

    python bench/lexicon_load.py            # counts and load times
    python bench/lexicon_load.py --gold     # plus agreement on ../shared/corpus/dev (fails under CI if missing)
    python bench/lexicon_load.py --json     # the same as one JSON object

Load times come from a fresh interpreter per loader (nothing cached), best of three runs.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections import Counter
from datetime import date
from pathlib import Path

from lagebild.entities.lexicon import code_actor, read_tsv

REPO = Path(__file__).resolve().parents[1]
DEV_CORPUS = REPO.parent / "shared" / "corpus" / "dev"
FILES = ("countries.tsv", "countries_curated.tsv", "people.tsv", "roles.tsv", "organisations.tsv", "places.tsv")
LOADERS = {
    "actor_lexicon": "load_actor_lexicon()",
    "actor_match_forms": "load_actor_lexicon().match_forms()",
    "places": "load_places()",
}
RUNS = 3
WORD = re.compile(r"\w[\w'.\-]*\w|\w")


def file_counts() -> dict[str, int]:
    return {filename: sum(1 for _ in read_tsv(filename)) for filename in FILES}


def cold_load_seconds(call: str) -> float:
    code = (
        "import time; from lagebild.entities.lexicon import load_actor_lexicon, load_places; "
        f"start = time.perf_counter(); {call}; print(time.perf_counter() - start)"
    )
    runs = [
        float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)
        for _ in range(RUNS)
    ]
    return min(runs)


def gold_actors() -> list[tuple[str, date | None, dict]]:
    if not DEV_CORPUS.exists():
        if os.environ.get("CI") == "true":
            raise SystemExit(f"{DEV_CORPUS} is missing: CI must provide ../shared")
        return []
    found = []
    for path in sorted(DEV_CORPUS.glob("*.json")):
        article = json.loads(path.read_text(encoding="utf-8"))
        published = date.fromisoformat(article["published"]) if article.get("published") else None
        for event in article["events"]:
            found += [(actor["text"], published, actor) for actor in (event["source"], event["target"]) if actor]
    return found


def gold_agreement() -> dict[str, float | int]:
    counts: Counter[str] = Counter()
    for text, published, gold in gold_actors():
        actor = code_actor(WORD.findall(text), published)
        counts["actors"] += 1
        counts["coded"] += actor is not None
        for field in ("country", "sector", "name"):
            counts[field] += (getattr(actor, field) if actor else None) == gold[field]
    total = counts["actors"] or 1
    return {
        "actors": counts["actors"],
        **{f"{key}_agreement": round(counts[key] / total, 3) for key in ("coded", "country", "sector", "name")},
    }


def main(argv: list[str]) -> int:
    report: dict[str, object] = {
        "rows": file_counts(),
        "cold_load_seconds": {name: round(cold_load_seconds(call), 3) for name, call in LOADERS.items()},
    }
    if "--gold" in argv:
        report["dev_gold"] = gold_agreement()
    if "--json" in argv:
        sys.stdout.write(json.dumps(report, indent=2) + "\n")
        return 0
    for section, values in report.items():
        sys.stdout.write(f"{section}:\n")
        for key, value in values.items():  # type: ignore[attr-defined]
            sys.stdout.write(f"  {key:24} {value}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
