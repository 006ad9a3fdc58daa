"""Tables of sentences we wrote (tests/data/*.tsv): read once, each row a test, a known failure marked by its
`xfail` cell (strict: a row that starts to pass must lose its mark)."""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

import pytest


def read_table(path: Path) -> list[dict[str, str]]:
    """The rows of a tab-separated table under its header; lines opening with '#' are comments."""
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def row_params(rows: list[dict[str, str]], name: Callable[[dict[str, str]], str], *extra: object) -> list:
    """One pytest parameter per row (after `extra` values), marked xfail with the row's reason when it has one."""
    return [pytest.param(*extra, row, marks=known_failure(row), id=name(row)) for row in rows]


def known_failure(row: dict[str, str]) -> list:
    return [pytest.mark.xfail(reason=row["xfail"], strict=True)] if row.get("xfail") else []
