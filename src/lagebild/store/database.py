"""Opening the store: a DuckDB file, refused with a coded error when it is locked, corrupt,
missing (for reading) or of another schema version; never replaced by a silent empty store."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from enum import Enum
from pathlib import Path

import duckdb

from lagebild.store.schema import (
    READABLE_SINCE,
    SCHEMA_VERSION,
    create_schema,
    existing_tables,
    migrate,
    stored_schema_version,
)

DEFAULT_PATH = Path("lagebild.duckdb")


class StoreErrorCode(Enum):
    """Failures of the store as a whole (not of one article): the command stops."""

    S001 = "database {path} is locked by another process ({detail})"
    S002 = "{path} is not a DuckDB database (corrupt, truncated or another format)"
    S003 = "no such database: {path} (create it with 'lagebild ingest PATH --db {path}')"
    S004 = "{path} is a DuckDB database but not a lagebild store (tables: {tables})"
    S005 = "{path} has store schema version {found}; this lagebild reads version {supported}"
    S006 = "cannot open database {path}: {detail}"


class StoreError(Exception):
    def __init__(self, code: StoreErrorCode, **details: object) -> None:
        self.code = code
        super().__init__(f"{code.name} {code.value.format(**details)}")


def connect(path: Path, read_only: bool) -> duckdb.DuckDBPyConnection:
    """A DuckDB connection, with DuckDB's failures translated into store errors."""
    if read_only and not path.exists():
        raise StoreError(StoreErrorCode.S003, path=path)
    try:
        return duckdb.connect(str(path), read_only=read_only)
    except duckdb.Error as error:
        raise translate_error(error, path) from error


def translate_error(error: duckdb.Error, path: Path) -> StoreError:
    message = str(error)
    if "lock" in message.lower():
        holder = message.split("Conflicting lock is held in", 1)[-1].split(". See")[0].strip()
        return StoreError(StoreErrorCode.S001, path=path, detail=f"held by {holder}" if holder else message)
    if "not a valid DuckDB database" in message:
        return StoreError(StoreErrorCode.S002, path=path)
    return StoreError(StoreErrorCode.S006, path=path, detail=message.splitlines()[0])


def check_or_create_schema(connection: duckdb.DuckDBPyConnection, path: Path, create: bool) -> None:
    """Accept a store of our schema version; create the schema only in an empty database.

    An older store is migrated when opened for writing and read as it is otherwise."""
    version = stored_schema_version(connection)
    if version is None:
        tables = existing_tables(connection)
        if tables:
            raise StoreError(StoreErrorCode.S004, path=path, tables=", ".join(sorted(tables)))
        if not create:
            raise StoreError(StoreErrorCode.S003, path=path)
        create_schema(connection, created_by=package_version())
        return
    if READABLE_SINCE <= version < SCHEMA_VERSION and create:
        migrate(connection, version, created_by=package_version())
    elif not READABLE_SINCE <= version <= SCHEMA_VERSION:
        raise StoreError(StoreErrorCode.S005, path=path, found=version, supported=SCHEMA_VERSION)


@contextmanager
def open_store(path: Path = DEFAULT_PATH, create: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
    """The store at `path`; `create=True` (ingest) makes a new one when the file does not exist.

    Readers open read-only, so several queries may run at once (but not beside an ingest).
    """
    path = Path(path)
    connection = connect(path, read_only=not create)
    try:
        try:
            check_or_create_schema(connection, path, create)
        except duckdb.Error as error:
            raise translate_error(error, path) from error
        yield connection
    finally:
        connection.close()


def package_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("lagebild")
    except PackageNotFoundError:
        return "unknown"
