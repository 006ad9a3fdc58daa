"""How the web app reaches the store.

Read-only (the default): requests read through cursors of one read-only connection, opened on
the first request and closed once no request has used it for `idle_seconds`, so a
`lagebild ingest` may take the store between bursts of use (DuckDB admits one writer process and
no reader beside it). Holding the connection over a burst keeps DuckDB's caches warm: a page
view sends several requests at once, and opening the store costs more than most queries.
With ingest allowed the app holds the one read-write connection for its lifetime; requests read
through cursors of it and writes take a lock, one article at a time.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

import duckdb

from lagebild.store import open_store
from lagebild.store.database import damage_reported

READ_IDLE_SECONDS = 3.0


class StoreAccess:
    def __init__(self, db_path: Path, writable: bool, idle_seconds: float = READ_IDLE_SECONDS) -> None:
        self.db_path = Path(db_path)
        self.writable = writable
        self.idle_seconds = idle_seconds
        self.write_lock = threading.Lock()
        self.exit_stack = ExitStack()
        self.shared: duckdb.DuckDBPyConnection | None = None
        self.reader_lock = threading.Lock()
        self.reader_stack = ExitStack()
        self.reader: duckdb.DuckDBPyConnection | None = None
        self.readers = 0
        self.last_read = 0.0

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
        with self.reader_lock:
            self.close_reader()

    @contextmanager
    def reading(self) -> Iterator[duckdb.DuckDBPyConnection]:
        connection = self.shared if self.shared is not None else self.acquire_reader()
        cursor = connection.cursor()
        try:
            with damage_reported(self.db_path):
                yield cursor
        finally:
            cursor.close()
            if self.shared is None:
                self.release_reader()

    def acquire_reader(self) -> duckdb.DuckDBPyConnection:
        with self.reader_lock:
            if self.reader is None:
                self.reader = self.reader_stack.enter_context(open_store(self.db_path, create=False))
                # A page view sends several small queries at once: one thread each keeps the
                # cores for them rather than for coordinating threads within each.
                self.reader.execute("SET threads TO 1")
            self.readers += 1
            return self.reader

    def release_reader(self) -> None:
        with self.reader_lock:
            self.readers -= 1
            self.last_read = time.monotonic()
        timer = threading.Timer(self.idle_seconds, self.close_if_idle)
        timer.daemon = True
        timer.start()

    def close_if_idle(self) -> None:
        with self.reader_lock:
            if self.readers == 0 and time.monotonic() - self.last_read >= self.idle_seconds * 0.99:
                self.close_reader()

    def close_reader(self) -> None:
        """Close the read-only connection (the caller holds `reader_lock`)."""
        self.reader_stack.close()
        self.reader = None

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
