"""The code base stays ruff clean (lint rules in pyproject.toml) and ruff formatted."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import REPO

DIRS = ("src", "tests", "bench", "scripts")


def ruff(*arguments: str) -> subprocess.CompletedProcess[str]:
    dirs = [d for d in DIRS if (REPO / d).exists()]
    command = [sys.executable, "-m", "ruff", *arguments, *dirs]
    return subprocess.run(command, cwd=REPO, capture_output=True, text=True, check=False)


def test_ruff_is_clean() -> None:
    result = ruff("check")
    assert result.returncode == 0, result.stdout + result.stderr


def test_code_is_ruff_formatted() -> None:
    result = ruff("format", "--check")
    assert result.returncode == 0, result.stdout + result.stderr
