"""Web archives (WARC, ARC) as input of `lagebild ingest`, locally and through the Dask engine:
German news pages stored under their target URI and date, everything else left out with a reason."""

from __future__ import annotations

import io
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lagebild.cli import app
from lagebild.errors import ErrorCode, LagebildError, LagebildSkip
from lagebild.ingest import read_inputs
from lagebild.lake import open_lake
from lagebild.lake.partitions import PartitionKind, plan_partitions, read_partition
from lagebild.sources.warc import read_web_archive, record_offsets
from lagebild.store import open_store
from tests.watch_support import ARTICLES, FRENCH, article_page, page_html

SITE = "https://zeitung.example"


def response(writer, uri: str, body: bytes, content_type: str = "text/html; charset=utf-8", status: str = "200 OK"):
    from warcio.statusandheaders import StatusAndHeaders

    headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
    return writer.create_warc_record(
        uri,
        "response",
        payload=io.BytesIO(body),
        http_headers=headers,
        warc_headers_dict={"WARC-Date": "2024-02-29T10:00:00Z"},
    )


def write_archive(path: Path, gzip: bool = True) -> None:
    """Every article page, one without a date of its own, a French page, a PNG, a redirect
    and a short index page, each with its request record."""
    from warcio.warcwriter import WARCWriter

    undated_title, undated_text = ARTICLES["hilfe"]
    pages = [(f"{SITE}/{name}?utm_source=feed", article_page(name)) for name in ARTICLES if name != "hilfe"]
    pages.append((f"{SITE}/hilfe", page_html(undated_title, undated_text).replace(b"2024-03-05", b"")))
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=gzip)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "lagebild tests"}))
        for uri, body in pages:
            writer.write_record(response(writer, uri, body))
        writer.write_record(response(writer, f"{SITE}/fr", page_html(*FRENCH, lang="fr")))
        writer.write_record(response(writer, f"{SITE}/logo.png", b"\x89PNG\r\n\x1a\n", content_type="image/png"))
        writer.write_record(response(writer, f"{SITE}/alt", b"", status="301 Moved Permanently"))
        writer.write_record(response(writer, f"{SITE}/", page_html("Start", "Politik Wirtschaft Sport")))


def outcomes(items) -> Counter:
    return Counter(item.code.name if isinstance(item, LagebildError) else "article" for item in items)


@pytest.mark.parametrize("name", ["crawl.warc.gz", "crawl.warc"])
def test_html_responses_become_articles_and_the_rest_is_left_out(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    write_archive(path, gzip=name.endswith(".gz"))
    items = list(read_inputs([tmp_path]))
    assert outcomes(items) == {"article": 5, "E110": 1, "E111": 3}
    assert all(isinstance(item, LagebildSkip) for item in items if isinstance(item, LagebildError))
    articles = {item.url: item for item in items if not isinstance(item, LagebildError)}
    assert f"{SITE}/gipfel" in articles  # the target URI, without its tracking parameter
    assert str(articles[f"{SITE}/gipfel"].published) == "2024-03-05"  # the page's own date
    assert str(articles[f"{SITE}/hilfe"].published) == "2024-02-29"  # else the record's


def test_ingest_stores_the_german_pages_and_counts_the_rest(tmp_path: Path) -> None:
    write_archive(tmp_path / "crawl.warc.gz")
    db = tmp_path / "lage.duckdb"
    result = CliRunner().invoke(app, ["ingest", str(tmp_path / "crawl.warc.gz"), "--db", str(db), "--workers", "1"])
    assert result.exit_code == 0, result.output
    assert "5 stored" in result.output and "4 web pages left out (E110: 1, E111: 3" in result.output


def test_an_arc_file_is_read(tmp_path: Path) -> None:
    body = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + article_page("abkommen")
    url = f"{SITE}/abkommen"
    description = b"1 0 lagebild\nURL IP-address Archive-date Content-type Archive-length\n"
    header = f"filedesc://crawl.arc 0.0.0.0 20240229100000 text/plain {len(description)}\n".encode() + description
    record = f"{url} 127.0.0.1 20240229100000 text/html {len(body)}\n".encode() + body
    (tmp_path / "crawl.arc").write_bytes(header + b"\n" + record + b"\n")
    [article] = read_web_archive(tmp_path / "crawl.arc")
    assert article.url == url and article.title == ARTICLES["abkommen"][0]


@pytest.mark.parametrize("content", [b"\x1f\x8b\x08\x00 das ist kein Archiv", b"Das ist kein Archiv.\n"])
def test_a_broken_archive_fails_with_a_code(tmp_path: Path, content: bytes) -> None:
    (tmp_path / "kaputt.warc.gz").write_bytes(content)
    [error] = read_web_archive(tmp_path / "kaputt.warc.gz")
    assert isinstance(error, LagebildError) and not isinstance(error, LagebildSkip)
    assert error.code is ErrorCode.E112


def test_record_ranges_cover_every_record_once(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    write_archive(path)
    assert len(record_offsets(path, 3)) == 3  # 9 responses
    specs = plan_partitions([path], size=3)
    assert [spec.kind for spec in specs] == [PartitionKind.WARC] * 3
    pieces = [outcomes(read_partition(spec)) for spec in specs]
    assert sum(pieces, Counter()) == outcomes(read_web_archive(path))
    assert all(sum(piece.values()) == 3 for piece in pieces)


def test_a_warc_file_through_the_dask_engine(tmp_path: Path) -> None:
    """`lagebild ingest crawl.warc.gz --engine dask`: one partition per range of records, the same
    articles as the local store, the pages left out counted."""
    path = tmp_path / "crawl.warc.gz"
    write_archive(path)
    lake, db = tmp_path / "lake", tmp_path / "lage.duckdb"
    arguments = ["ingest", str(path), "--engine", "dask", "--lake", str(lake), "--workers", "1"]
    result = CliRunner().invoke(app, [*arguments, "--partition-size", "4"])
    assert result.exit_code == 0, result.output
    assert "3 partitions processed" in result.output and "4 web pages left out" in result.output
    CliRunner().invoke(app, ["ingest", str(path), "--db", str(db), "--workers", "1", "--quiet"])
    with open_lake(lake) as connection:
        in_lake = sorted(connection.execute("SELECT url, text_hash FROM articles").fetchall())
    with open_store(db) as connection:
        assert in_lake == sorted(connection.execute("SELECT url, text_hash FROM articles").fetchall())
    assert len(in_lake) == 5
