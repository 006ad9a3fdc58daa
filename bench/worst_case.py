"""Worst-case inputs: time and peak memory of one article each, against a limit of 10 s and 1 GB.

    python bench/worst_case.py [--json] [--case NAME ...]

Each case is an input file built from the bundled sample (examples/), read and run through the
whole pipeline in a fresh subprocess, so that its peak memory is its own:

| case | input |
|---|---|
| long_tokens | the sample with a 2.6 KB URL in a source line, 2,000 dashes, 10,000 letters, a 100,000-letter "word" |
| no_punctuation | 200 KB of the sample's words without any punctuation or line break (a transcript) |
| sentences_5000 | 5,000 sentences (the sample's, numbered so that none repeats), 20 per paragraph |
| deep_html | the sample's paragraphs inside 5,000 nested <div> elements |
| file_20mb | a plain-text file just under the 20 MB input limit (refused with its code: over the article limit) |

`cpu_seconds` (judged against the limit: it does not depend on what else the machine runs) and
`seconds` (wall clock) are reading, extracting and serialising the record (the pipeline's
start-up, a few seconds once per process, is reported apart); `peak_mb` is the subprocess's peak resident
memory, start-up included; `outcome` is "record" with the number of events, or the error code.
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "examples" / "nato-finnland-2023.txt"
LIMIT_SECONDS = 10.0
LIMIT_MB = 1024.0


def sample_text() -> str:
    return SAMPLE.read_text(encoding="utf-8")


def long_tokens() -> tuple[str, str]:
    url = "https://example.org/archiv/" + "/".join(f"abschnitt-{n}" for n in range(220))
    extra = [f"Quelle: {url}", "-" * 2_000, "a" * 10_000, "Wort" * 25_000]
    return ".txt", sample_text() + "\n\n" + "\n\n".join(extra) + "\n"


def no_punctuation() -> tuple[str, str]:
    words = re.sub(r"[^\w\s]", " ", sample_text()).split()
    text, index = [], 0
    while sum(map(len, text)) + len(text) < 200_000:
        text.append(words[index % len(words)])
        index += 1
    return ".txt", " ".join(text)


def sample_sentences() -> list[str]:
    paragraphs = [line for line in sample_text().splitlines() if len(line.split()) > 12]
    return [s for p in paragraphs for s in re.split(r"(?<=[.!?])\s+", p) if s]


def sentences_5000() -> tuple[str, str]:
    sentences = sample_sentences()
    numbered = [f"{sentences[n % len(sentences)][:-1]} (Meldung {n})." for n in range(5_000)]
    paragraphs = [" ".join(numbered[n : n + 20]) for n in range(0, len(numbered), 20)]
    return ".txt", "Tausende Meldungen\n\n" + "\n\n".join(paragraphs)


def deep_html() -> tuple[str, str]:
    body = "".join(f"<p>{paragraph}</p>" for paragraph in sample_text().splitlines() if paragraph.strip())
    depth = 5_000
    return (
        ".html",
        f"<html><head><title>Tief</title></head><body>{'<div>' * depth}{body}{'</div>' * depth}</body></html>",
    )


def file_20mb() -> tuple[str, str]:
    text, size = [], 0
    sentences = sample_sentences()
    while size < 20 * 1024 * 1024 - 2_000:
        sentence = sentences[len(text) % len(sentences)]
        text.append(sentence)
        size += len(sentence.encode("utf-8")) + 1
    return ".txt", "\n".join(text)


CASES: dict[str, Callable[[], tuple[str, str]]] = {
    "long_tokens": long_tokens,
    "no_punctuation": no_punctuation,
    "sentences_5000": sentences_5000,
    "deep_html": deep_html,
    "file_20mb": file_20mb,
}


def run_case_here(path: Path) -> dict[str, object]:
    """Inside the subprocess: build the pipeline, then read and extract the one input."""
    from lagebild.errors import LagebildError
    from lagebild.ingest import read_inputs
    from lagebild.output import to_json
    from lagebild.pipeline import default_pipeline

    started = time.perf_counter()
    pipeline = default_pipeline()
    startup = time.perf_counter() - started
    started, cpu_started = time.perf_counter(), time.process_time()
    outcomes = []
    for item in read_inputs([path]):
        if isinstance(item, LagebildError):
            outcomes.append(item.code.name)
        else:
            article = pipeline(item)
            to_json(article)
            outcomes.append(f"record, {len(article.events)} events")
    seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu_started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "seconds": round(seconds, 2),
        "cpu_seconds": round(cpu_seconds, 2),
        "startup_seconds": round(startup, 2),
        "peak_mb": round(peak_mb),
        "outcome": "; ".join(outcomes),
    }


def run_case(name: str, folder: Path) -> dict[str, object]:
    suffix, content = CASES[name]()
    path = folder / f"{name}{suffix}"
    path.write_text(content, encoding="utf-8")
    command = [sys.executable, __file__, "--run-file", str(path)]
    finished = subprocess.run(command, capture_output=True, text=True, check=False)
    path.unlink()
    if finished.returncode != 0:
        return {"case": name, "bytes": len(content.encode()), "error": finished.stderr.strip().splitlines()[-1:]}
    result = json.loads(finished.stdout)
    within = result["cpu_seconds"] < LIMIT_SECONDS and result["peak_mb"] < LIMIT_MB
    return {"case": name, "bytes": len(content.encode()), **result, "within_limits": within}


def print_table(results: list[dict[str, object]]) -> None:
    print(f"{'case':<16} {'bytes':>11} {'CPU s':>6} {'wall s':>7} {'start-up':>9} {'peak MB':>8}  outcome")
    for row in results:
        if "error" in row:
            print(f"{row['case']:<16} {row['bytes']:>11,} FAILED {row['error']}")
            continue
        mark = "" if row["within_limits"] else "  OVER LIMIT"
        times = f"{row['cpu_seconds']:>6} {row['seconds']:>7} {row['startup_seconds']:>9}"
        print(f"{row['case']:<16} {row['bytes']:>11,} {times} {row['peak_mb']:>8}  {row['outcome']}{mark}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--case", action="append", choices=sorted(CASES), help="only this case (repeatable)")
    parser.add_argument("--json", action="store_true", help="one JSON list instead of a table")
    parser.add_argument("--run-file", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.run_file:
        print(json.dumps(run_case_here(args.run_file)))
        return
    with tempfile.TemporaryDirectory(prefix="lagebild-worst-") as folder:
        results = [run_case(name, Path(folder)) for name in args.case or CASES]
    if args.json:
        print(json.dumps(results, indent=2))
    else:
        print_table(results)
    if not all(row.get("within_limits") for row in results):
        sys.exit(1)


if __name__ == "__main__":
    main()
