"""Throughput of `lagebild ingest` on this machine: the full pipeline into a fresh store.

    python bench/throughput.py [--articles 2000] [--workers N] [--json]

The corpus is built from the bundled sample (examples/) and the texts of ../shared/corpus/dev:
each synthetic article is a headline plus paragraphs of several texts, 300-600 words, ending in
a numbered source line so that no two articles share a text (the store would skip a repeat).
It is written as JSONL shards to a temporary folder and streamed from there, as an ingest would.

Reported: articles per second (wall time of the whole ingest, start-up and clustering included),
tokens per second per core, peak RSS of the process tree (this process and the workers, summed,
sampled every 0.1 s; shared pages count once per process, so this overstates real use; PSS,
which counts them once, is reported beside it), and the floor ratio: core-seconds of the ingest
over the seconds spaCy's plain German tokenizer alone takes over the same texts.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import sys
import tempfile
import threading
import time
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import TypeVar

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SAMPLE = REPO / "examples" / "nato-finnland-2023.txt"
MIN_WORDS, MAX_WORDS = 300, 600
SHARD_ARTICLES = 500  # articles per JSONL shard (a shard is read whole; the limit is 20 MB)
SAMPLE_SECONDS = 0.1
T = TypeVar("T")


@dataclass(frozen=True)
class SourceText:
    headline: str
    paragraphs: tuple[str, ...]


@dataclass
class Result:
    articles: int
    workers: int
    cores: int
    seconds: float
    cpu_seconds: float  # user + system time of this process and its workers
    articles_per_s: float
    articles_per_cpu_s: float
    tokens: int
    tokens_per_s_per_core: float
    floor_seconds: float
    floor_ratio: float
    floor_ratio_cpu: float
    peak_rss_mb: float
    peak_pss_mb: float
    stored: int
    events: int
    engine: str = "local"
    dask: dict | None = None  # --engine dask: the Dask path on the same corpus (articles/s, partitions, projection)


def source_texts() -> list[SourceText]:
    """The sample and, when ../shared is there, the dev corpus texts (their gold events unused)."""
    texts = [SAMPLE.read_text(encoding="utf-8")]
    dev = SHARED / "corpus" / "dev"
    if dev.is_dir():
        texts += [json.loads(path.read_text(encoding="utf-8"))["text"] for path in sorted(dev.glob("*.json"))]
    elif os.environ.get("CI") == "true":
        raise SystemExit(f"{dev} is missing: CI must provide ../shared")
    else:
        print(f"warning: {dev} not found; the corpus is built from the bundled sample only", file=sys.stderr)
    sources = []
    for text in texts:
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        sources.append(SourceText(lines[0], tuple(lines[1:])))
    return sources


def synthetic_article(number: int, sources: list[SourceText], rng: random.Random) -> dict[str, object]:
    """A headline, then runs of consecutive paragraphs from several texts until 300-600 words."""
    target = rng.randint(MIN_WORDS, MAX_WORDS)
    lines = [rng.choice(sources).headline]
    words = len(lines[0].split())
    while words < target:
        source = rng.choice(sources)
        if not source.paragraphs:
            continue
        first = rng.randrange(len(source.paragraphs))
        for paragraph in source.paragraphs[first : first + rng.randint(1, 4)]:
            count = len(paragraph.split())
            if words + count > MAX_WORDS and words >= MIN_WORDS:
                return finished(number, lines, rng)  # the next paragraph would make it too long
            lines.append(paragraph)
            words += count
    return finished(number, lines, rng)


def finished(number: int, lines: list[str], rng: random.Random) -> dict[str, object]:
    lines.append(f"Quelle: Benchmark-Meldung Nr. {number}")
    published = date(2023, 1, 1) + timedelta(days=rng.randrange(365))
    return {"id": f"bench-{number:07d}", "text": "\n\n".join(lines), "published": published.isoformat()}


def write_corpus(folder: Path, articles: int, seed: int = 7) -> None:
    """JSONL shards, written one article at a time (the corpus is never held in memory)."""
    sources, rng = source_texts(), random.Random(seed)
    for shard_start in range(0, articles, SHARD_ARTICLES):
        with (folder / f"shard-{shard_start // SHARD_ARTICLES:05d}.jsonl").open("w", encoding="utf-8") as file:
            for number in range(shard_start, min(articles, shard_start + SHARD_ARTICLES)):
                file.write(json.dumps(synthetic_article(number, sources, rng), ensure_ascii=False) + "\n")


def corpus_texts(folder: Path) -> Iterator[str]:
    for shard in sorted(folder.glob("*.jsonl")):
        with shard.open(encoding="utf-8") as file:
            for line in file:
                yield json.loads(line)["text"]


def tokenizer_floor(folder: Path) -> tuple[float, int]:
    """CPU seconds spaCy's blank German tokenizer takes over every text, and the tokens it finds."""
    import spacy

    tokenizer = spacy.blank("de").tokenizer
    seconds, tokens = 0.0, 0
    for text in corpus_texts(folder):
        started = time.process_time()
        doc = tokenizer(text)
        seconds += time.process_time() - started
        tokens += sum(1 for token in doc if not token.is_space)
    return seconds, tokens


class TreeMemory:
    """Peak summed RSS and PSS of this process and its descendants, sampled in a thread;
    with `log_seconds`, a line on stderr that often: articles read so far and memory now."""

    def __init__(self, log_seconds: float = 0.0) -> None:
        self.peak_rss_kb = 0
        self.peak_pss_kb = 0
        self.articles_read = 0
        self.log_seconds = log_seconds
        self.stopping = threading.Event()
        self.thread = threading.Thread(target=self.sample, daemon=True)

    def __enter__(self) -> TreeMemory:
        self.thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stopping.set()
        self.thread.join()

    def counted(self, items: Iterable[T]) -> Iterator[T]:
        for item in items:
            self.articles_read += 1
            yield item

    def sample(self) -> None:
        started = last_log = time.monotonic()
        while True:
            pids = process_tree(os.getpid())
            rss = sum(status_kb(pid, "/status", "VmRSS:") for pid in pids)
            pss = sum(status_kb(pid, "/smaps_rollup", "Pss:") for pid in pids)
            self.peak_rss_kb, self.peak_pss_kb = max(self.peak_rss_kb, rss), max(self.peak_pss_kb, pss)
            now = time.monotonic()
            if self.log_seconds and now - last_log >= self.log_seconds:
                last_log = now
                print(
                    f"{now - started:8.0f} s  {self.articles_read:7d} articles read  rss {rss // 1024} MB  "
                    f"pss {pss // 1024} MB  peak rss {self.peak_rss_kb // 1024} MB",
                    file=sys.stderr,
                    flush=True,
                )
            if self.stopping.wait(SAMPLE_SECONDS):
                return


def process_tree(root: int) -> list[int]:
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    tree, frontier = [root], [root]
    while frontier:
        frontier = [pid for pid, parent in parents.items() if parent in frontier]
        tree += frontier
    return tree


def status_kb(pid: int, name: str, key: str) -> int:
    try:
        for line in Path(f"/proc/{pid}{name}").read_text().splitlines():
            if line.startswith(key):
                return int(line.split()[1])
    except OSError:
        return 0
    return 0


def tree_cpu_seconds() -> float:
    """CPU time of this process and of its children that have ended (the pool's workers, once joined)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def run(
    articles: int, workers: int, log_seconds: float = 0.0, engine: str = "local", partition_size: int = 250
) -> Result:
    from lagebild.ingest import read_inputs
    from lagebild.service import IngestService
    from lagebild.settings import Settings, available_cores

    with tempfile.TemporaryDirectory(prefix="lagebild-bench-") as tmp:
        folder = Path(tmp) / "corpus"
        folder.mkdir()
        write_corpus(folder, articles)
        floor_seconds, tokens = tokenizer_floor(folder)  # CPU time, so other load on the machine does not count
        with TreeMemory(log_seconds) as memory:
            started, cpu_started = time.perf_counter(), tree_cpu_seconds()
            items = memory.counted(read_inputs([folder]))
            with IngestService(Path(tmp) / "bench.duckdb", settings=Settings(workers=workers)) as service:
                for _ in service.ingest(items):
                    pass
            report = service.summary
            seconds, cpu_seconds = time.perf_counter() - started, tree_cpu_seconds() - cpu_started
        dask = dask_path(folder, workers, partition_size) if engine == "dask" else None
    cores = min(workers, available_cores())
    return Result(
        articles=articles,
        workers=workers,
        cores=cores,
        seconds=round(seconds, 2),
        cpu_seconds=round(cpu_seconds, 2),
        articles_per_s=round(articles / seconds, 1),
        articles_per_cpu_s=round(articles / cpu_seconds, 1),
        tokens=tokens,
        tokens_per_s_per_core=round(tokens / seconds / cores),
        floor_seconds=round(floor_seconds, 2),
        floor_ratio=round(seconds * cores / floor_seconds, 1),
        floor_ratio_cpu=round(cpu_seconds / floor_seconds, 1),
        peak_rss_mb=round(memory.peak_rss_kb / 1024),
        peak_pss_mb=round(memory.peak_pss_kb / 1024),
        stored=report.stored,
        events=report.events,
        engine=engine,
        dask=dask,
    )


def dask_path(folder: Path, workers: int, partition_size: int) -> dict:
    """The same corpus through `lagebild ingest --engine dask` on a local cluster of `workers` workers."""
    from lagebild.lake.bench import bench_dask

    return bench_dask([folder], workers, partition_size=partition_size, local=False)


def main() -> None:
    from lagebild.settings import available_cores

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--workers", type=int, default=available_cores(), help="default: the number of cores")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--log-seconds", type=float, default=0.0, help="progress and memory on stderr this often")
    parser.add_argument("--engine", choices=("local", "dask"), default="local",
                        help="dask: also run the Dask path on the same corpus, in the same run")  # fmt: skip
    parser.add_argument("--partition-size", type=int, default=250, help="articles per Dask partition")
    args = parser.parse_args()
    result = run(args.articles, args.workers, args.log_seconds, args.engine, args.partition_size)
    if result.stored != result.articles:
        print(f"warning: {result.stored} of {result.articles} articles stored", file=sys.stderr)
    if args.json:
        print(json.dumps(asdict(result)))
    else:
        for key, value in asdict(result).items():
            print(f"{key:24} {value}")


if __name__ == "__main__":
    main()
