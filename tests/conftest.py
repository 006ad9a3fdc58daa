"""Shared fixtures: one pipeline per session, the path to ../shared (CI must have it), and a
check that no test leaves a process behind."""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing.resource_tracker
import os
import signal
import sys
import time
from collections.abc import Iterator
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


PR_SET_CHILD_SUBREAPER = 36  # linux/prctl.h
LEFTOVER_GRACE_SECONDS = 10.0  # how long a process a test started may take to end after it


def pytest_configure(config: pytest.Config) -> None:
    """Orphans of processes the tests start (workers of a killed `ingest`) become children of
    this process instead of init, so the check below sees them."""
    if sys.platform.startswith("linux"):
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_CHILD_SUBREAPER, 1)
        multiprocessing.resource_tracker.ensure_running()  # started once here, not by the first test needing it


def children_of(pid: int, zombies: bool = False) -> set[int]:
    """Child processes of `pid`: the living ones, and with `zombies` those ended but not waited for."""
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:  # ended meanwhile
                continue
            fields = stat[stat.rindex(")") + 2 :].split()
            if (zombies or fields[0] != "Z") and int(fields[1]) == pid:
                found.add(int(entry.name))
    return found


def managed_children() -> set[int]:
    """Children a multiprocessing object of this process owns and will join: a fixture's Dask
    cluster restarting a worker it lost. (lagebild's own workers are forked without it.)"""
    return {process.pid for process in multiprocessing.active_children() if process.pid is not None}


def reap(pids: set[int]) -> None:
    """Collect ended children nobody waits for (orphans handed to this process)."""
    for pid in pids:
        with contextlib.suppress(ChildProcessError):
            os.waitpid(pid, os.WNOHANG)


@pytest.fixture(autouse=True)
def no_process_left_behind() -> Iterator[None]:
    """Fail a test if a process it started (or their orphans) outlives it; the leftovers are killed.

    Processes of module- and session-scoped fixtures (a Dask cluster) start before this check."""
    if not sys.platform.startswith("linux"):
        yield
        return
    before = children_of(os.getpid(), zombies=True)
    yield
    deadline = time.monotonic() + LEFTOVER_GRACE_SECONDS
    while (left := children_of(os.getpid()) - before - managed_children()) and time.monotonic() < deadline:
        time.sleep(0.05)
    for pid in left:
        os.kill(pid, signal.SIGKILL)
    time.sleep(0.05)
    reap(children_of(os.getpid(), zombies=True) - before)
    if left:
        pytest.fail(f"the test left {len(left)} processes behind: {sorted(left)}")
