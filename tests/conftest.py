"""Shared fixtures: one pipeline per session, and the path to ../shared (CI must have it)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from lagebild.document import Article
from lagebild.pipeline import Pipeline, default_pipeline

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


def shared_path(*parts: str) -> Path:
    """A path under ../shared; under CI a missing one fails the test instead of skipping it."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{path} is missing: CI must provide ../shared")
        pytest.skip(f"{path} not available")
    return path


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return default_pipeline()


@pytest.fixture
def run(pipeline: Pipeline):
    """Run the full pipeline over a German text written for the test."""

    def run_text(text: str, published: str | None = "2023-09-05", article_id: str = "test") -> Article:
        from datetime import date

        article = Article(id=article_id, text=text, published=date.fromisoformat(published) if published else None)
        return pipeline(article)

    return run_text
