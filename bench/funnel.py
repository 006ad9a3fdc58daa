"""Where event candidates are lost: a per-type funnel from trigger hits to records, for each eval part.

    python bench/funnel.py [PART ...] [--show REASON]

Every article goes in without its gold events, as in eval_events.py. The event stage is watched from outside
(its module's functions are wrapped for the run; the library is not changed), and each part prints counts only:
- `sense ruled out`: clauses where a word of the lexicon had senses but its clause's words ruled them all out
  (`requires`/`excludes` in triggers.tsv), by the senses' types;
- `hits`: trigger words the lexicon matched in a clause (triggers.find_triggers);
- hits lost before a mention is built, by reason: `content` (what a demand, threat, talk or act is about, or
  what is stopped: content.without_content), `demanded clause` (an infinitive or dass clause that says what a
  demand or accusation asks, skipped whole), `banned` (an event noun a ban forbids), `no event told` (a holder's
  status, "der gestürzte Präsident", or an act still impending), `warning of nothing`, `other` (an interview
  with a medium, no pair of parties);
- `said acts`: mentions a report of speech builds with no trigger of its own (speech.said_acts);
- mentions added or removed by the clause-level steps (a speech act's complement, reciprocal acts, splits by
  time, settled fighting, victims of a strike, manner nouns folded into their verb);
- at merging: the mentions' sides (source and target, source only, target only, no actor), and what became of
  them: `seed` (opens a record), `joined` (merged into another mention's record), `dropped: no actor` (no side
  known and not exactly one record of its type to join), `dropped: far fit` (one side known, fitting only a
  record of its country paragraphs away; none since session 17, when such a mention joins the nearest);
- `records` per type against `gold` events, with `detected` (type and evidence match, scorer's rule) and `tp`
  (with the dyad), and the records' modalities against the gold's;
- `gold: ...`, the fate of each gold event: detected; no trigger hit in its evidence (with a sense of its type
  ruled out, or none); hits of other types only; its type's hit lost before a mention; mentions of its type all
  dropped at merging; a kept mention whose record matched another gold event or none;
- `... if kept: ...`: what each dropped mention would be as a record of its own: a gold event no record found
  (its dyad right or wrong), one found already (a duplicate), or no gold event (a false one).
Mentions are counted by the type they end with (a warning may become a threat); hits by their lexicon type.
`--show REASON` prints the sentences of one drop reason (a key as printed, e.g. "dropped: no actor"), only for
the readable parts (dev, train-learn, own-times, own-articles, own-heldout): the validation and blind parts
print aggregate counts only, never a sentence.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

sys.path.insert(0, str(Path(__file__).resolve().parent))

import eval_events

import lagebild.events.actors as actors_module
import lagebild.events.merge as merge_module
import lagebild.events.stage as stage_module
import lagebild.events.triggers as triggers_module
from lagebild.document import Article
from lagebild.ingest import read_inputs
from lagebild.output import to_json
from lagebild.pipeline import default_pipeline

READABLE = frozenset({"dev", "train-learn", "own-times", "own-articles", "own-heldout"})
CLAUSE_STEPS = (
    "complete_speech_act",
    "reciprocal",
    "split_by_times",
    "settled_fighting",
    "struck_victims",
    "fold_manner_nouns",
)
DROP_FLAGS = {"is_banned": "hit: banned", "warns_of_nothing": "hit: warning of nothing"}


class Funnel:
    """Counts by (step, type) for one part, and, for readable parts, where each loss happened."""

    def __init__(self) -> None:
        self.counts: dict[str, Counter] = defaultdict(Counter)
        self.places: dict[str, list[tuple[Article, int, str]]] = defaultdict(list)
        self.marks: list[tuple[str, str, int]] = []  # (step, type, char offset) of the article being read
        self.dropped: list[tuple[str, str, int, str | None, str | None]] = []  # (reason, type, offset, countries)
        self.article: Article | None = None
        self.pending: dict[int, tuple[str, int]] = {}  # id of a kept hit -> (type, char offset), until it is read
        self.found: list = []  # the last hits the lexicon matched
        self.ruled_out: set[str] = set()  # types of the senses of a clause's words that its words ruled out
        self.reason: str | None = None

    def count(self, step: str, kind: str, offset: int | None = None, n: int = 1) -> None:
        self.counts[step][kind] += n
        if offset is not None and self.article is not None:
            self.places[step].append((self.article, offset, kind))
            self.marks.append((step, kind, offset))


FUNNEL = Funnel()


def offset_of(token: int) -> int:
    return FUNNEL.article.tokens[token].start


def wrap_best_sense(original: Callable) -> Callable:
    def best_sense(entries, keys):
        best = original(entries, keys)
        if entries and best is None:
            FUNNEL.ruled_out.update(entry.type for entry in entries)
        return best

    return best_sense


def wrap_find_triggers(original: Callable) -> Callable:
    def find_triggers(clause, tokens, *args, **kwargs):
        FUNNEL.ruled_out = set()
        FUNNEL.found = original(clause, tokens, *args, **kwargs)
        for kind in FUNNEL.ruled_out - {hit.entry.type for hit in FUNNEL.found}:
            FUNNEL.count("sense ruled out", kind, tokens[clause.first].start)
        return FUNNEL.found

    return find_triggers


def wrap_triggers_of(original: Callable) -> Callable:
    def triggers_of(self, *args, **kwargs):
        kept = original(self, *args, **kwargs)
        kept_ids = {id(hit) for hit in kept}
        for hit in FUNNEL.found:
            FUNNEL.count("hits", hit.entry.type, offset_of(hit.token))
            if id(hit) not in kept_ids:
                FUNNEL.count("hit: content", hit.entry.type, offset_of(hit.token))
        FUNNEL.pending.update({id(hit): (hit.entry.type, offset_of(hit.token)) for hit in kept})
        return kept

    return triggers_of


def wrap_flag(original: Callable, reason: str, dropping: object) -> Callable:
    def flagged(*args, **kwargs):
        result = original(*args, **kwargs)
        if result is dropping or result == dropping:
            FUNNEL.reason = FUNNEL.reason or reason
        return result

    return flagged


def wrap_mentions_of(original: Callable) -> Callable:
    def mentions_of(self, hit, *args, **kwargs):
        FUNNEL.pending.pop(id(hit), None)
        FUNNEL.reason = None
        found = original(self, hit, *args, **kwargs)
        if not found:
            FUNNEL.count(FUNNEL.reason or "hit: other", hit.entry.type, offset_of(hit.token))
        for mention in found:
            FUNNEL.count("mentions built", mention.type, mention.order)
        return found

    return mentions_of


def wrap_said_mention(original: Callable) -> Callable:
    def said_mention(self, *args, **kwargs):
        mention = original(self, *args, **kwargs)
        FUNNEL.count("said acts", mention.type, mention.order)
        return mention

    return said_mention


def wrap_clause_step(original: Callable, name: str) -> Callable:
    def step(found, *args, **kwargs):
        before = Counter(m.type for m in found)
        starts = {id(m): m.order for m in found}
        result = original(found, *args, **kwargs)
        after = Counter(m.type for m in result)
        kept = {id(m) for m in result}
        for mention in found:
            if id(mention) not in kept and (before - after)[mention.type] > 0:
                FUNNEL.count(f"{name} removed", mention.type, starts[id(mention)])
                before[mention.type] -= 1
        for kind, n in (after - Counter(m.type for m in found)).items():
            FUNNEL.count(f"{name} added", kind, n=n)
        return result

    return step


class WatchedGroup(merge_module.Group):
    """merge.Group, noting which mentions join a record."""

    members_seen: ClassVar[set[int]] = set()

    def add(self, mention) -> None:
        WatchedGroup.members_seen.add(id(mention))
        super().add(mention)


def sides(mention) -> str:
    if mention.source is not None and mention.target is not None:
        return "sides: source and target"
    if mention.source is not None:
        return "sides: source only"
    return "sides: target only" if mention.target is not None else "sides: no actor"


def wrap_merge(original: Callable) -> Callable:
    def merge_mentions(mentions, *args, **kwargs):
        WatchedGroup.members_seen = set()
        events = original(mentions, *args, **kwargs)
        for mention in mentions:
            FUNNEL.count("mentions at merging", mention.type)
            FUNNEL.count(sides(mention), mention.type, mention.order)
            if id(mention) in WatchedGroup.members_seen:
                FUNNEL.count("kept", mention.type, mention.order)
                continue
            far = mention.source is not None or mention.target is not None
            reason = "dropped: far fit" if far else "dropped: no actor"
            FUNNEL.count(reason, mention.type, mention.order)
            countries = (merge_module.country(mention.source), merge_module.country(mention.target))
            FUNNEL.dropped.append((reason, mention.type, mention.order, *countries))
        for event in events:
            FUNNEL.count("seed", event.type)
            FUNNEL.count("joined", event.type, n=len(event.evidence) - 1)
        return events

    return merge_mentions


def wrap_call(original: Callable) -> Callable:
    def call(self, article):
        FUNNEL.article, FUNNEL.pending = article, {}
        article = original(self, article)
        for kind, offset in FUNNEL.pending.values():  # kept hits whose clause was skipped as a demand's content
            FUNNEL.count("hit: demanded clause", kind, offset)
        return article

    return call


def install() -> None:
    """Wrap the event stage's steps (names as the stage module sees them) for counting."""
    stage_module.find_triggers = wrap_find_triggers(stage_module.find_triggers)
    triggers_module.best_sense = wrap_best_sense(triggers_module.best_sense)
    stage_module.merge_mentions = wrap_merge(stage_module.merge_mentions)
    merge_module.Group = WatchedGroup
    for name, reason in DROP_FLAGS.items():
        setattr(stage_module, name, wrap_flag(getattr(stage_module, name), reason, True))
    for name in CLAUSE_STEPS:
        setattr(stage_module, name, wrap_clause_step(getattr(stage_module, name), name))
    reader = actors_module.ActorReader
    reader.actors_of = wrap_flag(reader.actors_of, "hit: no event told", None)
    stage = stage_module.EventStage
    stage.mentions_of = wrap_mentions_of(stage.mentions_of)
    stage.triggers_of = wrap_triggers_of(stage.triggers_of)
    stage.said_mention = wrap_said_mention(stage.said_mention)
    stage.__call__ = wrap_call(stage.__call__)


def score_records(gold: dict, events: list[dict], text: str, scorer) -> None:
    """Records, gold events, detections and full matches per type; modalities of records and gold."""
    for g in gold["events"]:
        FUNNEL.count("gold", g["type"])
        FUNNEL.count("gold modality", g.get("modality") or "none")
        FUNNEL.count("gold source null", g["type"], n=not (g.get("source") or {}).get("country"))
        FUNNEL.count("gold target null", g["type"], n=not (g.get("target") or {}).get("country"))
    for p in events:
        FUNNEL.count("records", p["type"])
        FUNNEL.count("record modality", p.get("modality") or "none")
    for g, _ in scorer.match(gold["events"], events, text, use_dyad=False):
        FUNNEL.count("detected", g["type"])
    for g, _ in scorer.match(gold["events"], events, text):
        FUNNEL.count("tp", g["type"])


IF_KEPT = ("new, dyad right", "new, dyad wrong", "gold found already", "no gold")
GOLD_FATES = (
    "gold: detected",
    "gold: no hit",
    "gold: no hit, sense ruled out",
    "gold: other-type hits",
    "gold: hit lost",
    "gold: dropped at merge",
    "gold: kept, unmatched",
    "gold: other",
)


def gold_fates(gold: dict, events: list[dict], text: str, scorer) -> None:
    """What became of each gold event: the furthest step a hit or mention of its type inside its evidence
    reached (marks of the article just read)."""
    detected = {id(g) for g, _ in scorer.match(gold["events"], events, text, use_dyad=False)}
    for g in gold["events"]:
        inside = scorer.spans(text, g.get("evidence"))
        marks = [(step, kind) for step, kind, at in FUNNEL.marks if any(a <= at < b for a, b in inside)]
        own = {step for step, kind in marks if kind == g["type"]}
        ruled_out = "sense ruled out" in own
        own.discard("sense ruled out")
        if id(g) in detected:
            fate = "gold: detected"
        elif not any(step == "hits" for step, _ in marks):
            fate = "gold: no hit, sense ruled out" if ruled_out else "gold: no hit"
        elif not own:
            fate = "gold: other-type hits"
        elif "kept" in own:
            fate = "gold: kept, unmatched"
        elif own & {"dropped: no actor", "dropped: far fit"}:
            fate = "gold: dropped at merge"
        elif "hits" in own:
            fate = "gold: hit lost"
        else:
            fate = "gold: other"
        FUNNEL.count(fate, g["type"])
        if inside:  # for --show: the gold event's type and dyad at its evidence (not a mark: it is no step)
            FUNNEL.places[fate].append((FUNNEL.article, inside[0][0], f"{g['type']} {gold_dyad(g)}"))


def gold_dyad(event: dict) -> str:
    """'RUS → UKR', a gold event's countries as --show prints them."""
    source, target = ((event.get(side) or {}).get("country") for side in ("source", "target"))
    return f"{source} → {target}"


def if_kept(gold: dict, events: list[dict], text: str, scorer) -> None:
    """What each dropped mention would have been as a record of its own: a gold event no record found, with
    the dyad right or wrong, a gold event found already (a duplicate), or none (a false event)."""
    detected = {id(g) for g, _ in scorer.match(gold["events"], events, text, use_dyad=False)}
    for reason, kind, at, source, target in FUNNEL.dropped:
        fits = [
            g
            for g in gold["events"]
            if g["type"] == kind and any(a <= at < b for a, b in scorer.spans(text, g.get("evidence")))
        ]
        pred = {"type": kind, "source": {"country": source}, "target": {"country": target}}
        if not fits:
            outcome = "no gold"
        elif all(id(g) in detected for g in fits):
            outcome = "gold found already"
        else:
            open_ = [g for g in fits if id(g) not in detected]
            outcome = "new, dyad right" if any(scorer.dyad_ok(g, pred) for g in open_) else "new, dyad wrong"
        FUNNEL.count(f"{reason[9:]} if kept: {outcome}", kind, at)


def run_part(pipeline, part: str, scorer) -> Funnel:
    global FUNNEL
    FUNNEL = Funnel()
    files = eval_events.part_files(part)
    golds = {path.stem: json.loads(path.read_text(encoding="utf-8")) for path in files}
    for path, article in zip(files, read_inputs(files), strict=True):
        FUNNEL.marks, FUNNEL.dropped = [], []
        out = json.loads(to_json(pipeline(article)))
        score_records(golds[path.stem], out.get("events", []), golds[path.stem]["text"], scorer)
        gold_fates(golds[path.stem], out.get("events", []), golds[path.stem]["text"], scorer)
        if_kept(golds[path.stem], out.get("events", []), golds[path.stem]["text"], scorer)
    return FUNNEL


ORDER = (
    "sense ruled out",
    "hits",
    "hit: content",
    "hit: demanded clause",
    "hit: banned",
    "hit: no event told",
    "hit: warning of nothing",
    "hit: other",
    "mentions built",
    "said acts",
    *(f"{name} {change}" for name in CLAUSE_STEPS for change in ("added", "removed")),
    "mentions at merging",
    "sides: source and target",
    "sides: source only",
    "sides: target only",
    "sides: no actor",
    "dropped: no actor",
    "dropped: far fit",
    "kept",
    "seed",
    "joined",
    "records",
    "gold",
    "detected",
    "tp",
    "gold source null",
    "gold target null",
    *GOLD_FATES,
    *(f"{r} if kept: {o}" for r in ("no actor", "far fit") for o in IF_KEPT),
)


def print_part(part: str, funnel: Funnel) -> None:
    kinds = sorted(funnel.counts["gold"] | funnel.counts["hits"] | funnel.counts["records"])
    print(f"== {part}")
    print(f"{'step':28s} {'all':>5s} " + " ".join(f"{k[:6]:>6s}" for k in kinds))
    for step in ORDER:
        row = funnel.counts.get(step, Counter())
        if not row and step not in ("hits", "records", "gold"):
            continue
        print(f"{step:24s} {sum(row.values()):5d} " + " ".join(f"{row[k]:6d}" for k in kinds))
    for step in ("record modality", "gold modality"):
        print(f"{step:24s} " + "  ".join(f"{k} {n}" for k, n in sorted(funnel.counts[step].items())))


def show(funnel: Funnel, reason: str) -> None:
    """The sentences of one drop reason (readable parts only)."""
    for article, offset, kind in funnel.places.get(reason, []):
        sentence = next((s for s in article.sentences if s.start <= offset < s.end), None)
        if sentence is not None:
            text = article.text[sentence.start : sentence.end].replace("\n", " ")
            print(f"  [{article.id}] {kind}: ...{text[max(0, offset - sentence.start - 80) :][:240]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("parts", nargs="*", default=list(eval_events.PARTS))
    parser.add_argument("--show", metavar="REASON", help="print the sentences of one step (readable parts only)")
    args = parser.parse_args()
    install()
    pipeline, scorer = default_pipeline(), eval_events.load_scorer()
    for part in args.parts:
        funnel = run_part(pipeline, part, scorer)
        print_part(part, funnel)
        if args.show and part in READABLE:
            show(funnel, args.show)
        elif args.show:
            print(f"  (--show is refused on {part}: held out, aggregate counts only)")


if __name__ == "__main__":
    main()
