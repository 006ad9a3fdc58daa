"""A long fuzzing campaign over ingest and the whole pipeline, with the strategies of the CI test
(tests/fuzz_support.py): every input must yield JSON records or coded errors.

    python bench/fuzz_campaign.py [--inputs 100000] [--chunk 1000] [--seed 0] [--json]

Inputs are generated in chunks of `--chunk` by hypothesis (no example database, no deadline),
each chunk with its own seed; a failing input is shrunk to a small one, printed with its
traceback, and the campaign goes on with the next chunk. Progress goes to stderr every chunk.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import traceback
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, seed, settings

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from lagebild.pipeline import default_pipeline  # noqa: E402
from tests.fuzz_support import check_input, input_files  # noqa: E402


def run_chunk(pipeline, chunk_seed: int, examples: int, counts: dict[str, int]) -> str | None:
    """`examples` inputs; the traceback of a (shrunk) failing one, or None."""

    @seed(chunk_seed)
    @settings(
        max_examples=examples,
        deadline=None,
        database=None,
        phases=[Phase.generate, Phase.shrink],
        suppress_health_check=list(HealthCheck),
    )
    @given(input_files())
    def chunk(file: tuple[str, bytes]) -> None:
        counts["inputs"] += 1
        counts["records"] += check_input(pipeline, *file)

    try:
        chunk()
    except Exception:
        return traceback.format_exc(limit=-8)
    return None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--inputs", type=int, default=100_000)
    parser.add_argument("--chunk", type=int, default=1_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    pipeline = default_pipeline()
    counts = {"inputs": 0, "records": 0}
    failures: list[str] = []
    started = time.perf_counter()
    chunk_seed = args.seed
    while counts["inputs"] < args.inputs:
        failure = run_chunk(pipeline, chunk_seed, min(args.chunk, args.inputs - counts["inputs"]), counts)
        if failure:
            failures.append(failure)
            print(f"FAILURE in chunk with seed {chunk_seed}:\n{failure}", file=sys.stderr, flush=True)
        chunk_seed += 1
        elapsed = time.perf_counter() - started
        print(f"{counts['inputs']} inputs, {len(failures)} failures, {elapsed:.0f} s", file=sys.stderr, flush=True)
    summary = {
        "inputs": counts["inputs"],  # shrinking runs extra inputs after a failure: counted too
        "records": counts["records"],
        "failures": len(failures),
        "seconds": round(time.perf_counter() - started),
    }
    print(json.dumps(summary) if args.json else "\n".join(f"{key}: {value}" for key, value in summary.items()))
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
