"""TempEval-3-style scores of lagebild's TIMEX3s on our own TimeML gold, with dateparser beside it.

Gold: bench/data/timeml/{check,dev,check2,...,check12}/*.tml, German news sentences written for lagebild
(see bench/README.md): `check` was written before the TIMEX3 work was tuned, `dev` while it was,
`check2` in blind batches; `check3` was written in one blind batch in session 7 before the tagger ran on it,
`check4` after the fixes check3 prompted, also blind; `check5` in session 8, blind, in registers the others
under-cover (markets and fiscal years, sport and culture, history, Swiss and Austrian usage, clock times,
sets and durations, vague references, headlines and datelines, numbers that are not times); `check6` after
the fixes check5 prompted, also blind; `check7` in session 9, blind, in news with competing times (datelines,
appositions, "seit" stretches, seasons, holidays, ranges and lists, durations and sets); `check8` in session 10,
blind, twelve whole articles of about 200 words in the mix of topics of a newspaper; `check9` in session 11,
blind, twelve articles of a South Tyrolean/Austrian regional paper and a weekly's essays ("Jänner", "heuer", "zu
Mittag", "in der Nacht auf Sonntag", "seit Jahrzehnten", "einst", "bald", centuries, decades, durations and sets);
`check10` in session 15, blind, ten articles in the same styles stressing enumerations and ranges, years before 1900,
holidays, "heuer", durations in many forms, sets ("werktags"), clock times, vague references and tense; `check11` in
session 18, blind, fifteen news paragraphs of many desks (politics, courts, obituaries, weather, business, a history
essay) as the estimate of how the tagger generalises; `check12` in session 19, blind, fourteen texts of registers the
others lack (TV listings, sports results, a market report, a police report, a parliament's week, a weather warning, a
court calendar, travel advice, an obituary with life dates, a feuilleton of centuries, a timetable change, an events
calendar, holiday notices, an almanac).
Each system reads the text without tags, dated by the DCT. dateparser runs `search_dates` with
RELATIVE_BASE = DCT; what it finds counts as a DATE of one day.

Measures (TempEval-3): strict and relaxed extraction F1 (same span / overlapping span), type
accuracy over relaxed matches, value F1 (a relaxed match with the gold value counts, over all gold
and all system TIMEX3s), and day-interval exact: of the gold TIMEX3s whose value denotes a day
interval (lagebild.temporal.timex.interval_of_value), the share matched by a system TIMEX3 with
the same interval.

    python bench/timeml_eval.py [--json] [--errors] [--set check|dev|check2|...|check12]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import warnings
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from lagebild.document import Article
from lagebild.temporal.timeml import temporal_pipeline
from lagebild.temporal.timex import interval_of_value
from lagebild.temporal.vocabulary import load_vocabulary

GOLD_DIR = Path(__file__).resolve().parent / "data" / "timeml"
TIMEX = re.compile(r"<TIMEX3\b(?P<attrs>[^>]*)>(?P<text>.*?)</TIMEX3>", re.S)
ATTR = re.compile(r'(\w+)="([^"]*)"')
DCT = re.compile(r'<DCT>\s*<TIMEX3\b[^>]*\bvalue="(\d{4}-\d{2}-\d{2})')
TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.S)
SETS = ["check", "dev", *(f"check{number}" for number in range(2, 13))]


@dataclass(frozen=True)
class Tx:
    start: int
    end: int
    type: str
    value: str
    first: date | None = None
    last: date | None = None


@dataclass
class GoldDocument:
    name: str
    dct: date
    text: str
    timexes: list[Tx]


@dataclass
class Score:
    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    type_right: int = 0
    value_right: int = 0
    resolvable: int = 0
    interval_right: int = 0
    errors: list[str] = field(default_factory=list)

    def f1(self, right: int) -> float:
        precision = right / self.system if self.system else 0.0
        recall = right / self.gold if self.gold else 0.0
        return 2 * precision * recall / (precision + recall) if precision + recall else 0.0

    def row(self) -> dict[str, float]:
        return {
            "strict_f1": round(self.f1(self.strict), 3),
            "relaxed_f1": round(self.f1(self.relaxed), 3),
            "type_accuracy": round(self.type_right / self.relaxed, 3) if self.relaxed else 0.0,
            "value_f1": round(self.f1(self.value_right), 3),
            "interval_exact": round(self.interval_right / self.resolvable, 3) if self.resolvable else 0.0,
            "gold": self.gold,
            "system": self.system,
            "resolvable": self.resolvable,
        }


def read_gold(path: Path) -> GoldDocument:
    source = path.read_text("utf-8")
    tagged = TEXT.search(source)[1]
    parts, timexes, position, plain_length = [], [], 0, 0
    parts_text = ""
    for match in TIMEX.finditer(tagged):
        parts.append(tagged[position : match.start()])
        plain_length += match.start() - position
        attrs = dict(ATTR.findall(match["attrs"]))
        start = plain_length
        plain_length += len(match["text"])
        parts.append(match["text"])
        interval = interval_of_value(attrs["value"], attrs.get("mod"), load_vocabulary().period_parts)
        first, last = (interval.first, interval.last) if interval else (None, None)
        timexes.append(Tx(start, plain_length, attrs["type"], attrs["value"], first, last))
        position = match.end()
    parts.append(tagged[position:])
    parts_text = "".join(parts)
    return GoldDocument(path.stem, date.fromisoformat(DCT.search(source)[1]), parts_text, timexes)


def lagebild_timexes(document: GoldDocument, pipeline) -> list[Tx]:
    article = pipeline(Article(id=document.name, text=document.text, published=document.dct))
    return [Tx(t.start, t.end, t.type, t.value, t.first_day, t.last_day) for t in article.timexes]


def dateparser_timexes(document: GoldDocument) -> list[Tx]:
    from dateparser.search import search_dates

    settings = {"RELATIVE_BASE": datetime.combine(document.dct, datetime.min.time())}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        found = search_dates(document.text, languages=["de"], settings=settings) or []
    timexes, position = [], 0
    for substring, moment in found:
        start = document.text.find(substring, position)
        if start < 0:
            continue
        position = start + len(substring)
        day = moment.date()
        timexes.append(Tx(start, position, "DATE", day.isoformat(), day, day))
    return timexes


def score(document: GoldDocument, system: list[Tx], total: Score) -> None:
    total.gold += len(document.timexes)
    total.system += len(system)
    for gold in document.timexes:
        overlapping = [s for s in system if s.start < gold.end and gold.start < s.end]
        found = overlapping[0] if overlapping else None
        if gold.first is not None:
            total.resolvable += 1
            if found and (found.first, found.last) == (gold.first, gold.last):
                total.interval_right += 1
        if found is None:
            total.errors.append(f"{document.name}: missed {document.text[gold.start : gold.end]!r} {gold.value}")
            continue
        total.relaxed += 1
        total.strict += (found.start, found.end) == (gold.start, gold.end)
        total.type_right += found.type == gold.type
        total.value_right += found.value == gold.value
        if found.value != gold.value or (found.start, found.end) != (gold.start, gold.end):
            total.errors.append(
                f"{document.name}: {document.text[gold.start : gold.end]!r} {gold.type} {gold.value}"
                f" <- {document.text[found.start : found.end]!r} {found.type} {found.value}"
            )
    for found in system:
        if not any(g.start < found.end and found.start < g.end for g in document.timexes):
            total.errors.append(f"{document.name}: spurious {document.text[found.start : found.end]!r} {found.value}")


def run(sets: list[str]) -> dict[str, dict[str, Score]]:
    pipeline = temporal_pipeline()
    results: dict[str, dict[str, Score]] = {}
    for name in [*sets, "all"]:
        results[name] = {"lagebild": Score(), "dateparser": Score()}
    for name in sets:
        for path in sorted((GOLD_DIR / name).glob("*.tml")):
            document = read_gold(path)
            for system, timexes in (
                ("lagebild", lagebild_timexes(document, pipeline)),
                ("dateparser", dateparser_timexes(document)),
            ):
                score(document, timexes, results[name][system])
                score(document, timexes, results["all"][system])
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--errors", action="store_true", help="list lagebild's misses")
    parser.add_argument("--set", choices=SETS, action="append")
    args = parser.parse_args(argv)
    results = run(args.set or SETS)
    if args.json:
        print(json.dumps({s: {k: v.row() for k, v in r.items()} for s, r in results.items()}, indent=2))
        return 0
    columns = ["strict_f1", "relaxed_f1", "type_accuracy", "value_f1", "interval_exact", "gold", "system"]
    print(f"{'set':6} {'system':11} " + " ".join(f"{c:>14}" for c in columns))
    for name, systems in results.items():
        for system, result in systems.items():
            row = result.row()
            print(f"{name:6} {system:11} " + " ".join(f"{row[c]:>14}" for c in columns))
    if args.errors:
        for name, systems in results.items():
            if name != "all":
                print("\n".join(systems["lagebild"].errors))
    return 0


if __name__ == "__main__":
    sys.exit(main())
