"""`lagebild watch` against a news site on loopback (tests/watch_support.py): feeds that change,
conditional requests, failures that pass and those that do not, robots.txt, duplicates, updates."""

from __future__ import annotations

import itertools
from dataclasses import replace
from pathlib import Path

import duckdb
import pytest
import typer

from lagebild.cli.watch import parse_interval
from lagebild.pipeline import Pipeline
from lagebild.sources.feeds import canonical_url, feed_urls
from lagebild.sources.settings import CrawlSettings
from lagebild.sources.watch import PollReport, Watcher
from lagebild.store import SCHEMA_VERSION, open_store
from lagebild.store.schema import create_schema
from tests.test_store_support import as_schema_version
from tests.watch_support import FRENCH, Reply, Site, article_page, page_html, rss, serve

FAST = CrawlSettings(
    contact="mailto:lagebild-tests@example.org",
    host_delay=0.0,
    connect_timeout=1.0,
    read_timeout=0.3,
    total_timeout=2.0,
    retries=1,
    backoff=0.01,
    max_page_bytes=1024 * 1024,
)


def poll(db: Path, pipeline: Pipeline, feeds: list[str], settings: CrawlSettings = FAST) -> PollReport:
    watcher = Watcher(db, pipeline, settings)
    try:
        return watcher.poll(feeds)
    finally:
        watcher.close()


def rows(db: Path, query: str) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as connection:
        return connection.execute(query).fetchall()


def site_with(pages: dict[str, bytes]) -> Site:
    return Site(routes={path: Reply(body) for path, body in pages.items()})


def test_a_changing_feed_is_read_conditionally_and_only_new_pages_are_fetched(tmp_path: Path, pipeline) -> None:
    site = site_with({"/gipfel": article_page("gipfel"), "/proteste": article_page("proteste")})
    site.routes["/abkommen"] = Reply(article_page("abkommen"))
    db = tmp_path / "watch.duckdb"
    with serve(site):
        site.routes["/feed.xml"] = Reply(rss(site.base, ["/gipfel", "/proteste"]), etag='"v1"')
        first = poll(db, pipeline, [site.base + "/feed.xml"])
        second = poll(db, pipeline, [site.base + "/feed.xml"])
        assert site.request_headers["/feed.xml"].get("If-None-Match") == '"v1"'
        site.routes["/feed.xml"] = Reply(rss(site.base, ["/abkommen", "/gipfel", "/proteste"]), etag='"v2"')
        third = poll(db, pipeline, [site.base + "/feed.xml"])
    assert (first.total("new"), first.total("seen")) == (2, 0)
    assert second.feeds[0].status == "not modified" and second.total("new") == 0
    assert (third.total("new"), third.total("seen"), third.total("failed")) == (1, 2, 0)
    assert site.hits["/gipfel"] == 1 and site.hits["/abkommen"] == 1
    assert rows(db, "SELECT count(*) FROM articles") == [(3,)]
    assert rows(db, "SELECT etag FROM watch_feeds") == [('"v2"',)]
    titles = {title for (title,) in rows(db, "SELECT title FROM articles")}
    assert "Chile und Argentinien unterzeichnen Abkommen über Wasserrechte" in titles


def test_failures_are_counted_and_passing_ones_retried_next_poll(tmp_path: Path, pipeline) -> None:
    site = Site()
    site.routes["/weg"] = Reply(b"", status=404)
    site.routes["/wackelig"] = [Reply(b"", status=500), Reply(article_page("proteste"))]
    site.routes["/langsam"] = [Reply(article_page("hilfe"), delay=1.0)] * 2 + [Reply(article_page("hilfe"))]
    db = tmp_path / "watch.duckdb"
    with serve(site):
        site.routes["/feed.xml"] = Reply(rss(site.base, ["/weg", "/wackelig", "/langsam"]), etag='"v1"')
        first = poll(db, pipeline, [site.base + "/feed.xml"])
        gone = rows(db, "SELECT status, reason FROM watch_pages WHERE url LIKE '%/weg'")
        assert rows(db, "SELECT etag FROM watch_feeds") == [(None,)]  # a page may pass: read the feed again
        second = poll(db, pipeline, [site.base + "/feed.xml"])
    assert (first.total("new"), first.total("failed")) == (1, 2)  # 500 then 200 is a success
    assert gone == [("gone", "E101 HTTP status 404")]
    assert (second.total("new"), second.total("seen"), second.total("failed")) == (1, 2, 0)
    assert site.hits["/weg"] == 1  # a page that is gone is not asked for again
    assert rows(db, "SELECT etag FROM watch_feeds") == [('"v1"',)]


def test_redirects_are_followed_and_a_loop_refused(tmp_path: Path, pipeline) -> None:
    site = Site()
    site.routes["/alt"] = Reply(status=301, location="/neu")
    site.routes["/neu"] = Reply(article_page("abkommen"))
    site.routes["/kreis-a"] = Reply(status=302, location="/kreis-b")
    site.routes["/kreis-b"] = Reply(status=302, location="/kreis-a")
    for step in range(7):  # a chain longer than max_redirects (5)
        site.routes[f"/kette-{step}"] = Reply(status=307, location=f"/kette-{step + 1}")
    db = tmp_path / "watch.duckdb"
    with serve(site):
        site.routes["/feed.xml"] = Reply(rss(site.base, ["/alt", "/kreis-a", "/kette-0"]))
        report = poll(db, pipeline, [site.base + "/feed.xml"])
    assert (report.total("new"), report.total("failed")) == (1, 2)
    assert site.hits["/kreis-a"] == 1 and site.hits["/kreis-b"] == 1
    assert site.hits["/kette-5"] == 1 and site.hits["/kette-6"] == 0


def test_an_oversized_page_is_cut_off_and_a_french_page_left_out(tmp_path: Path, pipeline) -> None:
    site = Site()
    site.routes["/riesig"] = Reply(size=30 * 1024 * 1024)
    site.routes["/francais"] = Reply(page_html(*FRENCH, lang=None))
    db = tmp_path / "watch.duckdb"
    with serve(site):
        site.routes["/feed.xml"] = Reply(rss(site.base, ["/riesig", "/francais"]))
        report = poll(db, pipeline, [site.base + "/feed.xml"])
    assert (report.total("failed"), report.total("left_out"), report.total("new")) == (1, 1, 0)
    assert rows(db, "SELECT reason FROM watch_pages") == [("E110 not German (detected language: fr); left out",)]


def test_malformed_xml_fails_the_feed_only(tmp_path: Path, pipeline) -> None:
    site = site_with({"/gipfel": article_page("gipfel")})
    db = tmp_path / "watch.duckdb"
    with serve(site):
        site.routes["/kaputt.xml"] = Reply(b"<rss><channel><item><title>Ohne Ende", content_type="application/xml")
        site.routes["/feed.xml"] = Reply(rss(site.base, ["/gipfel"]))
        report = poll(db, pipeline, [site.base + "/kaputt.xml", site.base + "/feed.xml"])
    broken, good = report.feeds
    assert broken.status.startswith("E108 malformed feed") and broken.failed == 1
    assert good.new == 1


def test_one_article_under_two_urls_is_stored_once(tmp_path: Path, pipeline) -> None:
    site = site_with({"/sanktionen": article_page("sanktionen"), "/kopie/sanktionen": article_page("sanktionen")})
    db = tmp_path / "watch.duckdb"
    with serve(site):
        links = ["/sanktionen?utm_source=rss", "/sanktionen", "/kopie/sanktionen"]
        site.routes["/feed.xml"] = Reply(rss(site.base, links))
        report = poll(db, pipeline, [site.base + "/feed.xml"])
        poll(db, pipeline, [site.base + "/feed.xml"])
    assert (report.total("new"), report.total("seen")) == (1, 2)
    assert rows(db, "SELECT count(*) FROM articles") == [(1,)]
    assert site.hits["/sanktionen"] == 1
    statuses = sorted(status for (status,) in rows(db, "SELECT status FROM watch_pages"))
    assert statuses == ["duplicate", "stored"]


def test_robots_txt_is_honoured_and_the_user_agent_names_lagebild(tmp_path: Path, pipeline) -> None:
    site = site_with({"/gipfel": article_page("gipfel"), "/intern/proteste": article_page("proteste")})
    robots = b"User-agent: *\nDisallow: /intern/\n\nUser-agent: lagebild-watch\nDisallow: /intern/\n"
    robots += b"Disallow: /archiv/\n"
    site.routes["/robots.txt"] = Reply(robots, content_type="text/plain")
    site.routes["/archiv/abkommen"] = Reply(article_page("abkommen"))
    db = tmp_path / "watch.duckdb"
    with serve(site):
        site.routes["/feed.xml"] = Reply(rss(site.base, ["/gipfel", "/intern/proteste", "/archiv/abkommen"]))
        report = poll(db, pipeline, [site.base + "/feed.xml"])
    assert (report.total("new"), report.total("left_out")) == (1, 2)  # our own group forbids /archiv/ too
    assert site.hits["/intern/proteste"] == 0 and site.hits["/archiv/abkommen"] == 0
    assert site.hits["/robots.txt"] == 1
    agent = site.request_headers["/gipfel"]["User-Agent"]
    assert agent.startswith("lagebild-watch/") and agent.endswith("(+mailto:lagebild-tests@example.org)")


def test_an_updated_article_replaces_its_events_and_keeps_its_revision(tmp_path: Path, pipeline) -> None:
    site = site_with({"/hilfe": article_page("hilfe")})
    db = tmp_path / "watch.duckdb"
    addition = "\n\nAm Donnerstag traf der japanische Außenminister in Jakarta ein und sagte weitere Hilfe zu."
    with serve(site):
        site.routes["/feed.xml"] = Reply(rss(site.base, ["/hilfe"], {"/hilfe": "2024-03-05T08:00:00Z"}))
        poll(db, pipeline, [site.base + "/feed.xml"])
        site.routes["/hilfe"] = Reply(article_page("hilfe", addition))
        site.routes["/feed.xml"] = Reply(rss(site.base, ["/hilfe"], {"/hilfe": "2024-03-05T12:00:00Z"}))
        report = poll(db, pipeline, [site.base + "/feed.xml"])
    assert report.total("updated") == 1
    [(article_id, text)] = rows(db, "SELECT id, text FROM articles")
    assert "Jakarta" in text
    [(revision, old_text)] = rows(db, "SELECT revision, text FROM watch_revisions")
    assert revision == 1 and "Jakarta" not in old_text
    orphans = rows(db, "SELECT count(*) FROM events WHERE article_id <> ?".replace("?", f"'{article_id}'"))
    assert orphans == [(0,)]


def test_requests_to_one_host_are_one_at_a_time_and_spaced(tmp_path: Path, pipeline) -> None:
    names = ["gipfel", "proteste", "abkommen", "sanktionen"]
    site = Site(routes={f"/{name}": Reply(article_page(name), delay=0.02) for name in names})
    db = tmp_path / "watch.duckdb"
    settings = replace(FAST, host_delay=0.05, host_concurrency=1, total_concurrency=4)
    with serve(site):
        site.routes["/feed.xml"] = Reply(rss(site.base, [f"/{name}" for name in names]))
        report = poll(db, pipeline, [site.base + "/feed.xml"], settings)
    assert report.total("new") == 4
    assert site.most_in_flight == 1
    starts = [started for started, _ in site.starts]
    assert min(later - earlier for earlier, later in itertools.pairwise(starts)) >= 0.05


def test_feed_arguments_may_be_opml_files(tmp_path: Path) -> None:
    opml = tmp_path / "feeds.opml"
    opml.write_text(
        '<opml version="2.0"><body><outline text="Politik">'
        '<outline type="rss" xmlUrl="https://example.org/politik.xml"/>'
        '<outline type="rss" xmlUrl="https://example.org/welt.xml"/></outline></body></opml>',
        encoding="utf-8",
    )
    urls = feed_urls([str(opml), "https://example.org/welt.xml", "https://example.net/rss"])
    assert urls == ["https://example.org/politik.xml", "https://example.org/welt.xml", "https://example.net/rss"]


@pytest.mark.parametrize(
    ("url", "canonical"),
    [
        ("HTTP://Example.ORG:80/politik/artikel.html#kommentare", "http://example.org/politik/artikel.html"),
        ("https://example.org/a?utm_source=rss&id=7", "https://example.org/a?id=7"),
        ("https://example.org/a?b=2&a=1", "https://example.org/a?a=1&b=2"),
    ],
)
def test_canonical_urls(url: str, canonical: str) -> None:
    assert canonical_url(url) == canonical


def test_a_store_of_schema_version_1_gains_the_watch_tables(tmp_path: Path) -> None:
    db = tmp_path / "alt.duckdb"
    with duckdb.connect(str(db)) as connection:
        create_schema(connection, created_by="test")
        as_schema_version(connection, 1)
    with open_store(db) as connection:  # a reader reads it as it is
        assert connection.execute("SELECT count(*) FROM articles").fetchone() == (0,)
    with open_store(db, create=True) as connection:
        assert connection.execute("SELECT max(version) FROM schema_version").fetchone() == (SCHEMA_VERSION,)
        assert connection.execute("SELECT count(*) FROM watch_pages").fetchone() == (0,)


@pytest.mark.parametrize(("text", "seconds"), [("90", 90), ("45s", 45), ("5m", 300), ("1.5h", 5400)])
def test_poll_intervals(text: str, seconds: float) -> None:
    assert parse_interval(text) == seconds


@pytest.mark.parametrize("text", ["", "0", "5 Minuten", "-3m"])
def test_bad_poll_intervals_are_refused(text: str) -> None:
    with pytest.raises(typer.BadParameter):
        parse_interval(text)


def test_an_updated_entry_whose_page_did_not_change_costs_a_304(tmp_path: Path, pipeline) -> None:
    site = Site(routes={"/abkommen": Reply(article_page("abkommen"), etag='"seite-1"')})
    db = tmp_path / "watch.duckdb"
    with serve(site):
        site.routes["/feed.xml"] = Reply(rss(site.base, ["/abkommen"], {"/abkommen": "2024-03-05T08:00:00Z"}))
        poll(db, pipeline, [site.base + "/feed.xml"])
        site.routes["/feed.xml"] = Reply(rss(site.base, ["/abkommen"], {"/abkommen": "2024-03-05T09:30:00Z"}))
        report = poll(db, pipeline, [site.base + "/feed.xml"])
    assert (report.total("seen"), report.total("updated"), report.total("new")) == (1, 0, 0)
    assert site.hits["/abkommen"] == 2 and site.request_headers["/abkommen"]["If-None-Match"] == '"seite-1"'
    assert rows(db, "SELECT status, entry_updated FROM watch_pages") == [("unchanged", "2024-03-05T09:30:00Z")]
    assert rows(db, "SELECT count(*) FROM watch_revisions") == [(0,)]


def test_a_host_whose_robots_txt_fails_is_left_alone(tmp_path: Path, pipeline) -> None:
    site = site_with({"/gipfel": article_page("gipfel")})
    site.routes["/robots.txt"] = Reply(b"", status=503)
    db = tmp_path / "watch.duckdb"
    with serve(site):
        site.routes["/feed.xml"] = Reply(rss(site.base, ["/gipfel"]))
        report = poll(db, pipeline, [site.base + "/feed.xml"])
    assert report.feeds[0].status == "E107 forbidden by robots.txt; left out"  # RFC 9309: 5xx forbids all
    assert site.hits["/feed.xml"] == 0 and site.hits["/robots.txt"] == 2  # one retry
