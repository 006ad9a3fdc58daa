"""Reading web archives: records/s of `lagebild.sources.warc` over a synthetic WARC.

    python bench/warc_bench.py [--pages 10000] [--ingest N] [--workers 2] [--json] [--keep FILE]

Writes a gzipped WARC of `--pages` response records (each followed by its request record, as
warcio writes them): 80 % German news pages built from sentences written for this benchmark
(actors, acts and places combined at random, so no two texts are equal), 5 % French pages, 10 %
non-HTML responses (PNG, JSON) and 5 % short index pages. Then it times:

- `read`: `read_web_archive` over the whole file in this process (gzip, WARC parsing, HTML
  extraction with trafilatura and htmldate, language identification): records/s and MB/s, and
  records per CPU second (robust to other load on the machine);
- `ingest` (with `--ingest N`): `lagebild ingest FILE --workers W` (the same functions) of a
  second WARC of N pages into a fresh store, the full pipeline included: records/s, articles/s.
"""

from __future__ import annotations

import argparse
import io
import json
import random
import resource
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

ACTORS = [
    "Die Bundesregierung",
    "Der französische Präsident",
    "Die Regierung in Warschau",
    "Der ukrainische Außenminister",
    "Die Europäische Kommission",
    "Der chinesische Verteidigungsminister",
    "Die Opposition in Georgien",
    "Der türkische Präsident",
    "Die Vereinten Nationen",
    "Der japanische Regierungschef",
]
ACTS = [
    "hat am Montag Gespräche über die Lage an der Grenze geführt",
    "kündigte am Dienstag neue Hilfen für die Landwirtschaft an",
    "verurteilte am Mittwoch den Angriff auf ein Krankenhaus scharf",
    "unterzeichnete am Donnerstag ein Abkommen über Energielieferungen",
    "forderte am Freitag die Freilassung von zwei inhaftierten Journalisten",
    "wies die Vorwürfe der Nachbarländer am Wochenende zurück",
    "sagte am Abend weitere Unterstützung beim Wiederaufbau zu",
    "drohte mit Gegenmaßnahmen, falls die Zölle erhöht würden",
]
PLACES = ["in Berlin", "in Brüssel", "in Kiew", "in Ankara", "in Tiflis", "in Genf", "in Tokio", "in Peking"]
FILLERS = [
    "Beobachter sprachen von einem wichtigen Schritt.",
    "Einzelheiten wurden zunächst nicht bekannt.",
    "Die Gespräche sollen im kommenden Monat fortgesetzt werden.",
    "Kritiker warfen der Regierung vor, zu spät gehandelt zu haben.",
    "Nach Angaben von Diplomaten verlief das Treffen in ruhiger Atmosphäre.",
]
FRENCH = (
    "Le gouvernement a annoncé lundi de nouvelles mesures pour soutenir les agriculteurs touchés par la "
    "sécheresse. Les syndicats ont salué une décision attendue depuis longtemps, mais ils demandent davantage "
    "de moyens pour les régions du sud, où les récoltes ont été les plus faibles depuis vingt ans."
)


def german_page(rng: random.Random, number: int) -> tuple[str, str]:
    sentences = [f"{rng.choice(ACTORS)} {rng.choice(ACTS)} {rng.choice(PLACES)}." for _ in range(6)]
    paragraphs = [" ".join(sentences[:3]), " ".join(sentences[3:]), " ".join(rng.sample(FILLERS, 3))]
    title = sentences[0][:-1]
    body = "".join(f"<p>{paragraph}</p>" for paragraph in paragraphs) + f"<p>Meldung Nummer {number}.</p>"
    return title, body


def page(number: int, rng: random.Random) -> tuple[str, bytes]:
    """(content type, body) of the synthetic response `number`."""
    kind = number % 20
    if kind == 0:
        return "text/html; charset=utf-8", html("Actualités", f"<p>{FRENCH} ({number})</p>", "fr")
    if kind == 1:
        return "image/png", b"\x89PNG\r\n\x1a\n" + bytes(rng.getrandbits(8) for _ in range(512))
    if kind == 2:
        return "application/json", json.dumps({"seite": number}).encode()
    if kind == 3:
        return "text/html; charset=utf-8", html("Startseite", "<ul><li><a href='/politik'>Politik</a></li></ul>", "de")
    title, body = german_page(rng, number)
    return "text/html; charset=utf-8", html(title, body, "de")


def html(title: str, body: str, lang: str) -> bytes:
    return (
        f"<!DOCTYPE html><html lang='{lang}'><head><meta charset='utf-8'><title>{title}</title></head>"
        f"<body><nav><a href='/'>Start</a></nav><article><h1>{title}</h1>{body}</article></body></html>"
    ).encode()


def write_warc(path: Path, pages: int, seed: int = 7) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    rng = random.Random(seed)
    start = datetime(2024, 3, 1, tzinfo=UTC)
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        for number in range(pages):
            uri = f"https://nachrichten.example/politik/meldung-{number}.html"
            stamp = (start + timedelta(minutes=number)).strftime("%Y-%m-%dT%H:%M:%SZ")
            content_type, body = page(number, rng)
            headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                uri, "response", payload=io.BytesIO(body), http_headers=headers, warc_headers_dict={"WARC-Date": stamp}
            )
            request = writer.create_warc_record(
                uri,
                "request",
                payload=io.BytesIO(b""),
                http_headers=StatusAndHeaders(f"GET /politik/meldung-{number}.html HTTP/1.1", [], is_http_request=True),
                warc_headers_dict={"WARC-Date": stamp},
            )
            writer.write_record(record)
            writer.write_record(request)


def time_read(path: Path, pages: int) -> dict[str, float]:
    from lagebild.errors import LagebildError, LagebildSkip
    from lagebild.sources.warc import read_web_archive

    articles = left_out = failed = 0
    started, cpu_started = time.perf_counter(), cpu_seconds()
    for item in read_web_archive(path):
        if isinstance(item, LagebildSkip):
            left_out += 1
        elif isinstance(item, LagebildError):
            failed += 1
        else:
            articles += 1
    seconds, cpu = time.perf_counter() - started, cpu_seconds() - cpu_started
    megabytes = path.stat().st_size / 1024 / 1024
    return {
        "records_per_cpu_s": round(pages / cpu, 1),
        "records": pages,
        "articles": articles,
        "left_out": left_out,
        "failed": failed,
        "seconds": round(seconds, 2),
        "records_per_s": round(pages / seconds, 1),
        "compressed_mb_per_s": round(megabytes / seconds, 2),
    }


def time_ingest(pages: int, workers: int, folder: Path) -> dict[str, float]:
    from collections import Counter

    from lagebild.cli.ingest import ingest_into_store
    from lagebild.ingest import read_inputs
    from lagebild.settings import Settings
    from lagebild.sources.pages import without_left_out

    path = folder / "ingest.warc.gz"
    write_warc(path, pages, seed=11)
    left_out: Counter[str] = Counter()
    started = time.perf_counter()
    items = without_left_out(read_inputs([path]), left_out)
    summary = ingest_into_store(items, folder / "bench.duckdb", Settings(workers=workers), reprocess=False)
    seconds = time.perf_counter() - started
    return {
        "records": pages,
        "stored": summary.stored,
        "left_out": left_out.total(),
        "events": summary.events,
        "seconds": round(seconds, 2),
        "records_per_s": round(pages / seconds, 1),
        "articles_per_s": round(summary.stored / seconds, 1),
        "workers": workers,
    }


def cpu_seconds() -> float:
    """CPU time of this process: robust to other load on a shared machine, unlike wall time."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    return own.ru_utime + own.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=10_000)
    parser.add_argument("--ingest", type=int, default=0, help="also ingest this many pages through the pipeline")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--keep", type=Path, help="write the WARC here and keep it")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = args.keep or Path(folder) / "bench.warc.gz"
        write_warc(path, args.pages)
        result = {"file_mb": round(path.stat().st_size / 1024 / 1024, 1), "read": time_read(path, args.pages)}
        if args.ingest:
            result["ingest"] = time_ingest(args.ingest, args.workers, Path(folder))
    if args.json:
        print(json.dumps(result))
        return
    read = result["read"]
    print(
        f"read {read['records']} records ({result['file_mb']} MB gzipped) in {read['seconds']} s: "
        f"{read['records_per_s']} records/s; {read['articles']} articles, {read['left_out']} left out, "
        f"{read['failed']} failed"
    )
    if "ingest" in result:
        ingest = result["ingest"]
        print(
            f"ingest of {ingest['records']} records with {ingest['workers']} workers: {ingest['seconds']} s, "
            f"{ingest['records_per_s']} records/s, {ingest['articles_per_s']} articles/s stored"
        )


if __name__ == "__main__":
    main()
