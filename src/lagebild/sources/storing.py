"""Storing one fetched article through the ingest service's steps (lagebild.service): the one
place where the watcher meets the store.

An article is new (stored), the same text as one stored already under this or another URL
(duplicate: nothing written), or a new text for an article id already stored (updated: its
events are replaced and the earlier text is kept in `watch_revisions`).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

import duckdb

from lagebild.document import Article
from lagebild.parallel import Extractor
from lagebild.service import store_extraction
from lagebild.sources.state import WatchState
from lagebild.store.writer import Action, find_stored, text_hash


class Outcome(StrEnum):
    STORED = "stored"
    UPDATED = "updated"
    DUPLICATE = "duplicate"


@dataclass(frozen=True)
class Stored:
    outcome: Outcome
    article_id: str  # the stored article (for a duplicate: the one that has this text)
    text_hash: str
    events: int = 0


def store_article(
    connection: duckdb.DuckDBPyConnection, article: Article, extractor: Extractor, version: str
) -> Stored:
    """Extract `article` (under the service's time limit) and store it, unless its text is stored
    already; raises the article's coded error (E013, E015, E016, E012).

    An update keeps the earlier text first (idempotent), then replaces the article in one
    transaction: a crash between the two leaves the old article and a kept revision, and the
    next poll finishes the update."""
    hash_ = text_hash(article.text)
    stored = find_stored(connection, article.id, hash_)
    same_text = next((row for row in stored if row.text_hash == hash_), None)
    if same_text is not None:
        return Stored(Outcome.DUPLICATE, same_text.id, hash_)
    replaces = tuple(row.id for row in stored)
    if replaces:
        WatchState(connection).keep_revision(article.id)
    action = Action.REPLACE if replaces else Action.STORE
    result = store_extraction(connection, extractor.extract_one(article), action, replaces, version)
    if result.error is not None:
        raise result.error
    return Stored(Outcome.UPDATED if replaces else Outcome.STORED, article.id, hash_, result.events)
