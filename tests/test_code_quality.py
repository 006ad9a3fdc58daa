"""The code base stays ruff clean (lint rules in pyproject.toml)."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import REPO


def test_ruff_is_clean() -> None:
    dirs = [d for d in ("src", "tests", "bench", "scripts") if (REPO / d).exists()]
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "check", *dirs], cwd=REPO, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
