"""Actor recall of the entity layer: do the gold events' actors come out of the entity stage?

    python bench/actor_recall.py [--misses] [--json]

For each gold event of a part (the parts of bench/eval_events.py) and each of its `source` and
`target` records, the gold text is looked up in the article: inside the event's evidence first,
else anywhere in the text. The actor counts as found when an entity of `article.entities` overlaps
that span with an actor of the gold country (country null: an actor without country, as for
international bodies). This measures the entity layer apart from the event rules.

Misses fall into four groups: `not in text` (the gold text is nowhere verbatim), `no entity`
(nothing overlaps the span), `entity without actor` (a place or name that was not coded as an
actor), `wrong country`. `--misses` lists the misses of train-learn and dev; the held-out parts (validation,
own-blind) show their recall only, never their miss groups.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from eval_events import PARTS, part_files

from lagebild.document import Article, Entity
from lagebild.ingest import read_inputs
from lagebild.pipeline import Pipeline, default_pipeline

MISS_GROUPS = ("not in text", "no entity", "entity without actor", "wrong country")
LISTED_PARTS = ("train-learn", "dev")  # parts whose misses may be read (never the validation part)
HELD_OUT = ("validation", "own-blind")  # parts whose misses are never shown, not even by group


@dataclass
class Outcome:
    article: str
    role: str  # source or target
    text: str
    country: str | None
    group: str | None  # None when found, else one of MISS_GROUPS
    got: str = ""  # what overlapping entities say, for the listing


def gold_span(text: str, actor_text: str, evidence: list[str]) -> tuple[int, int] | None:
    """The span of the actor's text inside the first evidence that holds it, else its first occurrence."""
    for snippet in evidence:
        at = text.find(snippet)
        inside = snippet.find(actor_text) if at >= 0 else -1
        if inside >= 0:
            return at + inside, at + inside + len(actor_text)
    at = text.find(actor_text)
    return (at, at + len(actor_text)) if at >= 0 else None


def judge(entities: list[Entity], span: tuple[int, int] | None, country: str | None) -> tuple[str | None, str]:
    if span is None:
        return "not in text", ""
    overlapping = [e for e in entities if e.start < span[1] and span[0] < e.end]
    described = "; ".join(f"{e.text}={e.actor.country if e.actor else '-'}" for e in overlapping)
    actors = [e.actor for e in overlapping if e.actor is not None]
    if not overlapping:
        return "no entity", described
    if not actors:
        return "entity without actor", described
    if any(actor.country == country for actor in actors):
        return None, described
    return "wrong country", described


def article_outcomes(pipeline: Pipeline, path: Path) -> list[Outcome]:
    gold = json.loads(path.read_text(encoding="utf-8"))
    article: Article = pipeline(next(iter(read_inputs([path]))))  # read_inputs drops the gold events
    outcomes = []
    for event in gold["events"]:
        for role in ("source", "target"):
            actor = event.get(role)
            if not actor or not actor.get("text"):
                continue
            span = gold_span(article.text, actor["text"], event.get("evidence", []))
            group, got = judge(article.entities, span, actor.get("country"))
            outcomes.append(Outcome(path.stem, role, actor["text"], actor.get("country"), group, got))
    return outcomes


def summarise(outcomes: list[Outcome]) -> dict:
    groups = Counter(outcome.group for outcome in outcomes if outcome.group)
    found = sum(outcome.group is None for outcome in outcomes)
    return {
        "actors": len(outcomes),
        "recall": found / len(outcomes) if outcomes else 0.0,
        "misses": {group: groups[group] for group in MISS_GROUPS},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="list the misses of train-learn and dev")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args()
    pipeline = default_pipeline()
    outcomes = {part: [o for path in part_files(part) for o in article_outcomes(pipeline, path)] for part in PARTS}
    result = {part: summarise(found) for part, found in outcomes.items()}
    if args.json:
        print(json.dumps(result, indent=1))
        return
    for part in PARTS:
        r = result[part]
        shown = "" if part in HELD_OUT else "  " + "  ".join(f"{g}: {n}" for g, n in r["misses"].items())
        print(f"{part:12s} actors {r['actors']:4d}  recall {r['recall']:.3f}{shown}")
    if args.misses:
        for part in LISTED_PARTS:
            for outcome in sorted((o for o in outcomes[part] if o.group), key=lambda o: (o.group, o.article)):
                print(
                    f"{part}\t{outcome.group}\t{outcome.article}\t{outcome.role}\t{outcome.text}"
                    f"\t{outcome.country}\t{outcome.got}"
                )


if __name__ == "__main__":
    main()
