"""A damaged or foreign store file: one coded line in every command, 503 in the server; DuckDB
never reaches for the network; the token compared as UTF-8; the test client without warnings."""

from __future__ import annotations

import socket
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from fastapi import HTTPException
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from lagebild.cli import app
from lagebild.store import StoreErrorCode, open_store
from lagebild.web import create_app
from tests.test_store_support import fake_pipeline
from tests.web_support import build_sample_store

REPO = Path(__file__).resolve().parents[1]
runner = CliRunner()
COMMANDS = [["stats"], ["events"], ["events", "--clusters"], ["actors"], ["export", "--format", "csv", "-o", "x.csv"]]


@pytest.fixture(scope="module")
def truncated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample store cut in half (as a full disk or an interrupted copy leaves it)."""
    folder = tmp_path_factory.mktemp("damaged")
    whole = build_sample_store(folder / "whole.duckdb").read_bytes()
    path = folder / "truncated.duckdb"
    path.write_bytes(whole[: len(whole) // 2])
    return path


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_every_command_reports_a_damaged_store_in_one_line(truncated: Path, command: list[str]) -> None:
    result = runner.invoke(app, [*command, "--db", str(truncated)])
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith("error: S007") and "damaged" in line


def test_the_server_answers_503_on_a_damaged_store(truncated: Path) -> None:
    with TestClient(create_app(truncated)) as client:
        for url in ("/api/events", "/api/stats", "/api/actors"):
            response = client.get(url)
            assert response.status_code == 503, (url, response.text)
            assert "S007" in response.json()["error"]["message"]


def test_a_sqlite_file_is_refused_without_loading_an_extension(tmp_path: Path) -> None:
    path = tmp_path / "fremd.db"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE kunden (name TEXT)")
    result = runner.invoke(app, ["stats", "--db", str(path)])
    assert result.exit_code == 2
    assert "S002" in result.stderr and "download" not in result.stderr.lower()
    with pytest.raises(Exception) as raised, open_store(path):
        pass
    assert raised.value.code is StoreErrorCode.S002


def test_duckdb_connections_are_opened_only_offline() -> None:
    # DuckDB downloads a missing extension unless told not to; store.database.offline_connection does
    offenders = [
        str(path.relative_to(REPO))
        for path in (REPO / "src").rglob("*.py")
        if "duckdb.connect(" in path.read_text(encoding="utf-8") and path.name != "database.py"
    ]
    assert offenders == []


def test_a_non_ascii_token_works_as_utf8(tmp_path: Path) -> None:
    token = "geheim-äöü"
    app_ = create_app(tmp_path / "neu.duckdb", allow_ingest=True, token=token, make_pipeline=fake_pipeline)
    with TestClient(app_) as client:
        header = [(b"authorization", b"Bearer " + token.encode("utf-8")), (b"content-type", b"text/plain")]
        response = client.post("/api/articles", content="Berlin – Ein Test.".encode(), headers=header)
        assert response.status_code == 201, response.text
        service = client.app.state.ingest
        as_latin1 = token.encode("latin-1").decode("latin-1")  # what Starlette makes of a Latin-1-encoded header
        with pytest.raises(HTTPException) as refused:
            service.authorize(f"Bearer {as_latin1}")
        assert refused.value.status_code == 401


def test_the_test_client_imports_without_deprecation_warnings() -> None:
    command = [sys.executable, "-W", "error::DeprecationWarning", "-c", "import fastapi.testclient"]
    finished = subprocess.run(command, capture_output=True, text=True, check=False)
    assert finished.returncode == 0, finished.stderr


def test_serve_on_a_busy_port_fails_before_claiming_to_serve(tmp_path: Path) -> None:
    db = build_sample_store(tmp_path / "sample.duckdb")
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = runner.invoke(app, ["serve", "--db", str(db), "--port", str(port)])
    assert result.exit_code == 2
    assert "serving" not in result.stderr
    assert f"error: cannot serve on 127.0.0.1:{port}: Address already in use" in result.stderr
