"""The lake for the web app: the interface of `lagebild.web.access.StoreAccess`, read-only.

Every request opens the lake (DuckDB views over the Parquet files; milliseconds), so partitions
and merges written by a `lagebild ingest --engine dask` between requests are seen by the next.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

import duckdb

from lagebild.lake.layout import existing_lake
from lagebild.lake.views import open_lake


class LakeAccess:
    writable = False

    def __init__(self, lake_dir: Path) -> None:
        self.db_path = Path(lake_dir)  # the name StoreAccess uses; here the lake directory

    def open(self) -> None:
        """Check the lake now (a LakeError, which is a StoreError, says what is wrong)."""
        existing_lake(self.db_path)

    def close(self) -> None:
        return None

    @contextmanager
    def reading(self) -> Iterator[duckdb.DuckDBPyConnection]:
        with open_lake(self.db_path) as connection:
            yield connection

    def writing(self) -> AbstractContextManager[duckdb.DuckDBPyConnection]:
        raise RuntimeError("a lake is written by 'lagebild ingest --engine dask', not through the web app")
