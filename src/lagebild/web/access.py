"""How the web app reaches the store.

Read-only (the default): every request opens the store read-only and closes it, so a
`lagebild ingest` may run between requests. With ingest allowed the app holds the one
read-write connection for its lifetime (DuckDB admits one writer process); requests read
through cursors of it and writes take a lock, one article at a time.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

import duckdb

from lagebild.store import open_store
from lagebild.store.database import damage_reported


class StoreAccess:
    def __init__(self, db_path: Path, writable: bool) -> None:
        self.db_path = Path(db_path)
        self.writable = writable
        self.write_lock = threading.Lock()
        self.exit_stack = ExitStack()
        self.shared: duckdb.DuckDBPyConnection | None = None

    def open(self) -> None:
        """Check the store now (a StoreError names what is wrong); keep it open if writable."""
        if self.writable and self.shared is None:
            self.shared = self.exit_stack.enter_context(open_store(self.db_path, create=True))
        elif not self.writable:
            with open_store(self.db_path, create=False):
                pass

    def close(self) -> None:
        self.exit_stack.close()
        self.shared = None

    @contextmanager
    def reading(self) -> Iterator[duckdb.DuckDBPyConnection]:
        if self.shared is not None:
            cursor = self.shared.cursor()
            try:
                with damage_reported(self.db_path):
                    yield cursor
            finally:
                cursor.close()
            return
        with open_store(self.db_path, create=False) as connection:
            yield connection

    @contextmanager
    def writing(self) -> Iterator[duckdb.DuckDBPyConnection]:
        if self.shared is None:
            raise RuntimeError("the store was opened read-only")
        with self.write_lock:
            cursor = self.shared.cursor()
            try:
                yield cursor
            finally:
                cursor.close()
