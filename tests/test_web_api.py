"""The HTTP API through TestClient: every endpoint, paging, filters, 4xx paths, the body limit
and the token for POST /api/articles. Stores hold the sample article with hand-written events."""

from __future__ import annotations

import re
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from lagebild.document import Article
from lagebild.pipeline import Pipeline
from lagebild.plover import PLOVER_TYPES
from lagebild.settings import Settings
from lagebild.store import StoreError
from lagebild.structure import StructureStage
from lagebild.web import create_app
from tests.test_store_support import FakeEventStage, fake_pipeline
from tests.web_support import MARKUP_ID, SAMPLE, SAMPLE_ID, build_sample_store

TOKEN = "s3cret-token"
INTERFAX = {"text": "Agentur Interfax", "country": "RUS"}
SAMPLE_EVENTS = 9
ALL_EVENTS = SAMPLE_EVENTS + 1  # plus the markup article's one


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_sample_store(tmp_path_factory.mktemp("web") / "sample.duckdb")


@pytest.fixture(scope="module")
def client(db: Path) -> TestClient:
    with TestClient(create_app(db)) as test_client:
        yield test_client


@pytest.fixture
def writer(tmp_path: Path) -> TestClient:
    app = create_app(
        tmp_path / "new.duckdb", allow_ingest=True, token=TOKEN, make_pipeline=fake_pipeline, max_body_bytes=4000
    )
    with TestClient(app) as test_client:
        yield test_client


def auth(token: str = TOKEN) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def assert_error(response, status: int) -> dict:
    assert response.status_code == status, response.text
    body = response.json()
    assert body["error"]["status"] == status and body["error"]["message"]
    return body["error"]


# --- GET /api/events -------------------------------------------------------------------------


def test_events_lists_every_event_in_day_order(client: TestClient) -> None:
    page = client.get("/api/events").json()
    assert page["total"] == ALL_EVENTS and len(page["events"]) == ALL_EVENTS
    days = [event["time_start"] or event["published"] for event in page["events"]]
    assert days == sorted(days)
    assert page["events"][0]["type"] == "REQUEST"  # May 2022, the earliest


def test_paging_splits_the_list_without_gaps_or_overlap(client: TestClient) -> None:
    everything = [event["event_id"] for event in client.get("/api/events").json()["events"]]
    pages = [client.get("/api/events", params={"limit": 4, "offset": offset}).json() for offset in (0, 4, 8)]
    assert [page["total"] for page in pages] == [ALL_EVENTS] * 3
    assert [len(page["events"]) for page in pages] == [4, 4, 2]
    assert [event["event_id"] for page in pages for event in page["events"]] == everything
    beyond = client.get("/api/events", params={"offset": 50}).json()
    assert beyond["events"] == [] and beyond["total"] == ALL_EVENTS


@pytest.mark.parametrize(
    ("params", "expected_types"),
    [
        ({"type": "AGREE"}, ["AGREE", "AGREE"]),
        ({"modality": "planned"}, ["THREATEN"]),
        ({"type": "consult"}, []),  # any case; there is no CONSULT here
        ({"type": ["agree", "ASSAULT"]}, ["AGREE", "AGREE", "ASSAULT"]),
        ({"country": "SWE"}, ["REJECT"]),
        ({"country": ["SWE", "UKR"]}, ["REJECT", "ASSAULT"]),
        ({"actor": "blinken"}, ["AGREE"]),
        ({"actor": "Oslo"}, ["ACCUSE"]),  # surface form
        ({"actor": "NOR"}, []),  # a name search, and no name holds "NOR"
        ({"actor": "%"}, []),  # a wildcard is a character
        ({"actor": "_"}, []),
        ({"source": "RUS", "target": "FIN"}, ["THREATEN"]),
        ({"source": "FIN", "target": "RUS"}, []),
        ({"source": "FIN", "target": "RUS", "either_direction": "true"}, ["THREATEN"]),
        ({"place_country": "BEL"}, ["COOPERATE", "AGREE"]),
        ({"place": "ukraine"}, ["ASSAULT"]),
        ({"place": "%"}, []),
        ({"since": "2022-01-01", "until": "2022-12-31"}, ["REQUEST"]),
        ({"until": "2023-03-31"}, ["REQUEST", "AGREE"]),
        ({"country": "RUS", "type": "ACCUSE"}, ["ACCUSE", "ACCUSE"]),
        ({"country": "RUS", "type": "ACCUSE", "since": "2023-04-04"}, ["ACCUSE"]),
        ({"modality": ["planned", "asserted"], "type": "THREATEN"}, ["THREATEN"]),
    ],
)
def test_filters_match_the_cli_filters(client: TestClient, params: dict, expected_types: list[str]) -> None:
    page = client.get("/api/events", params=params).json()
    assert sorted(event["type"] for event in page["events"]) == sorted(expected_types)
    assert page["total"] == len(expected_types)


def test_country_filter_keeps_only_events_of_that_country(client: TestClient) -> None:
    events = client.get("/api/events", params={"country": "FIN"}).json()["events"]
    assert len(events) == 6
    assert all("FIN" in (event["source_country"], event["target_country"]) for event in events)


def test_events_carry_spans_that_point_into_their_article(client: TestClient) -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    events = client.get("/api/events", params={"limit": 100}).json()["events"]
    sample_events = [event for event in events if event["article_id"] == SAMPLE_ID]
    assert len(sample_events) == SAMPLE_EVENTS
    for event in sample_events:
        assert event["evidence_spans"], event
        for span in event["evidence_spans"]:
            assert text[span["start"] : span["end"]] == span["text"]
        assert [span["text"] for span in event["evidence_spans"]] == event["evidence"]


# --- one event, one article --------------------------------------------------------------------


def test_one_event_with_attribution_class_and_spans(client: TestClient) -> None:
    threat = client.get("/api/events", params={"type": "THREATEN"}).json()["events"][0]
    event = client.get(f"/api/events/{threat['event_id']}").json()
    assert event == threat
    assert event["event_class"] == "conflict" and event["modality"] == "planned"
    assert event["attribution"] == []  # the headline says it in the outlet's own voice
    assert [(span["text"], span["attribution"]) for span in event["evidence_spans"]] == [
        ("Gegenmaßnahmen zu ergreifen", [INTERFAX]),
        ("Russland kündigt Gegenmaßnahmen an", []),
    ]
    accusation = client.get("/api/events", params={"type": "ACCUSE"}).json()["events"]
    sample = next(event for event in accusation if event["article_id"] == SAMPLE_ID)
    assert sample["attribution"] == [INTERFAX] == sample["evidence_spans"][0]["attribution"]


def test_article_has_text_structure_and_events(client: TestClient) -> None:
    article = client.get(f"/api/articles/{SAMPLE_ID}").json()
    assert article["text"] == SAMPLE.read_text(encoding="utf-8")
    assert article["published"] == "2023-04-04" and article["outlet"] == "lb"
    kinds = {block["kind"] for block in article["structure"]["blocks"]}
    assert {"headline", "paragraph", "caption"} <= kinds
    assert len(article["events"]) == SAMPLE_EVENTS
    assert [event["type"] for event in article["events"]][:2] == ["COOPERATE", "AGREE"]  # article order


def test_markup_in_an_article_comes_back_verbatim(client: TestClient) -> None:
    article = client.get(f"/api/articles/{MARKUP_ID}").json()
    assert "<script>document.body.dataset.injected" in article["text"]
    assert article["events"][0]["evidence_spans"][1]["text"] == "<script>document.body"


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/api/events/999999", 404),
        ("/api/articles/no-such-article", 404),
        ("/api/events/not-a-number", 422),
        ("/api/events/-1", 422),
        ("/api/events/99999999999999999999999", 422),
        ("/api/nothing-here", 404),
    ],
)
def test_missing_or_malformed_ids_get_json_errors(client: TestClient, path: str, status: int) -> None:
    assert_error(client.get(path), status)


# --- actors, graph, places, stats ----------------------------------------------------------------


def test_actors_count_roles(client: TestClient) -> None:
    actors = client.get("/api/actors").json()
    finland = next(actor for actor in actors if actor["country"] == "FIN")
    assert (finland["as_source"], finland["as_target"]) == (3, 3)
    assert any(actor["name"] == "NATO" and actor["sector"] == "IGO" for actor in actors)


def test_graph_weighs_edges_by_events_and_splits_them_by_class(client: TestClient) -> None:
    graph = client.get("/api/graph").json()
    edges = {(edge["source"], edge["target"]): edge for edge in graph["edges"]}
    assert edges[("FIN", "NATO")] == {"source": "FIN", "target": "NATO", "events": 2, "cooperation": 2, "conflict": 0}
    assert edges[("RUS", "FIN")]["conflict"] == 1
    assert edges[("TUR", "SWE")]["conflict"] == 1
    nodes = {node["id"]: node for node in client.get("/api/graph", params={"lang": "en"}).json()["nodes"]}
    assert nodes["FIN"]["label"] == "Finland" and nodes["FIN"]["events"] == 6
    assert nodes["NATO"]["label"] == "NATO"


def test_graph_keeps_the_strongest_edges_and_says_how_many_there_are(client: TestClient) -> None:
    graph = client.get("/api/graph", params={"max_edges": 1}).json()
    assert [(edge["source"], edge["target"]) for edge in graph["edges"]] == [("FIN", "NATO")]
    assert graph["edges_total"] == 9 and {node["id"] for node in graph["nodes"]} == {"FIN", "NATO"}
    assert client.get("/api/graph", params={"lang": "de"}).json()["nodes"][0]["label"] == "Finnland"


def test_graph_follows_the_filters(client: TestClient) -> None:
    graph = client.get("/api/graph", params={"type": "ASSAULT"}).json()
    assert [(edge["source"], edge["target"]) for edge in graph["edges"]] == [("RUS", "UKR")]


def test_places_give_city_coordinates_or_the_country(client: TestClient) -> None:
    found = client.get("/api/places").json()
    places = {place["name"]: place for place in found["places"]}
    brussels = places["Brussels"]
    assert brussels["events"] == 2 and brussels["country_numeric"] == "056"
    assert brussels["latitude"] == pytest.approx(50.85, abs=0.1)
    assert brussels["label"] == "Brüssel (Belgien)"
    ukraine = places["Ukraine"]
    assert ukraine["latitude"] is None and ukraine["country_numeric"] == "804" and ukraine["label"] == "Ukraine"
    assert found["without_place"] == 5  # SUPPORT, THREATEN, ACCUSE, REJECT, REQUEST
    in_english = client.get("/api/places", params={"lang": "en"}).json()["places"]
    assert "Brussels (Belgium)" in [place["label"] for place in in_english]
    oslo = client.get("/api/places", params={"country": "NOR"}).json()
    assert [place["name"] for place in oslo["places"]] == ["Oslo"] and oslo["without_place"] == 0


# --- timeline, filter choices, clusters, export, the PLOVER table ----------------------------------


def test_timeline_counts_per_period_and_type_over_the_chosen_range(client: TestClient) -> None:
    months = client.get("/api/timeline").json()
    assert (months["bucket"], months["first"], months["last"]) == ("week", "2022-05-01", "2023-04-04")
    assert sum(count["events"] for count in months["counts"]) == ALL_EVENTS
    assert months["undated"] == 4  # THREATEN, ACCUSE, REJECT, ASSAULT: counted on their publication day
    days = client.get("/api/timeline", params={"since": "2023-03-01", "until": "2023-04-30"}).json()
    assert (days["bucket"], days["first"], days["last"]) == ("day", "2023-03-01", "2023-04-30")
    assert {"period": "2023-03-30", "type": "AGREE", "events": 1, "undated": 0} in days["counts"]
    assert sum(count["events"] for count in days["counts"]) == ALL_EVENTS - 1  # all but May 2022
    per_month = client.get("/api/timeline", params={"bucket": "month", "type": "agree"}).json()
    assert [(count["period"], count["events"]) for count in per_month["counts"]] == [
        ("2023-03-01", 1),
        ("2023-04-01", 1),
    ]


def test_filter_choices_are_labelled_and_counted_as_the_results(client: TestClient) -> None:
    options = client.get("/api/options").json()
    countries = {option["value"]: option for option in options["country"]}
    assert countries["FIN"]["label"] == "Finnland (FIN)" and countries["FIN"]["events"] == 6
    for code, option in countries.items():
        assert client.get("/api/events", params={"country": code}).json()["total"] == option["events"], code
    types = {option["value"]: option["events"] for option in options["type"]}
    assert types["AGREE"] == 2
    narrowed = client.get("/api/options", params={"type": "AGREE", "lang": "en"}).json()
    assert {option["value"]: option["events"] for option in narrowed["country"]}["FIN"] == 2
    assert {option["value"] for option in narrowed["type"]} == set(types)  # a facet ignores its own filter
    assert {option["value"]: option["label"] for option in narrowed["country"]}["FIN"] == "Finland (FIN)"


def test_clusters_are_real_world_events_with_their_reports(client: TestClient) -> None:
    page = client.get("/api/clusters", params={"type": "AGREE", "sort": "day", "desc": "true"}).json()
    assert page["total"] == 2
    first = page["clusters"][0]
    assert first["first_day"] == "2023-04-04" and first["articles"] == 1
    assert first["first_published"] == first["last_published"] == "2023-04-04"
    detail = client.get(f"/api/clusters/{first['cluster_id']}").json()
    assert [report["type"] for report in detail["reports"]] == ["AGREE"]
    assert detail["reports"][0]["evidence_spans"]
    assert_error(client.get("/api/clusters/999999"), 404)


@pytest.mark.parametrize("sort", ["day", "type", "modality", "source", "target", "place", "article"])
def test_events_sort_on_the_server_either_way(client: TestClient, sort: str) -> None:
    up = [event["event_id"] for event in client.get("/api/events", params={"sort": sort}).json()["events"]]
    down = client.get("/api/events", params={"sort": sort, "desc": "true"}).json()["events"]
    assert sorted(up) == sorted(event["event_id"] for event in down) and len(up) == ALL_EVENTS
    types = [event["type"] for event in client.get("/api/events", params={"sort": "type"}).json()["events"]]
    assert types == sorted(types, key=PLOVER_TYPES.index)  # PLOVER's order: cooperation to conflict


@pytest.mark.parametrize("rows", ["events", "clusters"])
def test_export_streams_everything_filtered_as_csv_jsonl_and_gdelt(client: TestClient, rows: str) -> None:
    import csv
    import io
    import json

    csv_response = client.get(f"/api/export/{rows}", params={"format": "csv", "country": "FIN"})
    assert csv_response.headers["content-type"].startswith("text/csv")
    assert f"lagebild-{rows}.csv" in csv_response.headers["content-disposition"]
    table = list(csv.DictReader(io.StringIO(csv_response.text)))
    assert len(table) == 6 and all("FIN" in (row["source_country"], row["target_country"]) for row in table)
    lines = client.get(f"/api/export/{rows}", params={"format": "jsonl", "type": "agree"}).text.splitlines()
    assert [json.loads(line)["type"] for line in lines] == ["AGREE", "AGREE"]
    gdelt = client.get(f"/api/export/{rows}", params={"format": "gdelt", "country": "FIN"}).text.splitlines()
    assert len(gdelt) == 5 and all(len(line.split("\t")) == 61 for line in gdelt)  # asserted only: not THREATEN
    assert_error(client.get(f"/api/export/{rows}", params={"format": "xml"}), 422)


def test_totals_count_events_and_their_clusters(client: TestClient) -> None:
    assert client.get("/api/totals").json() == {"events": ALL_EVENTS, "clusters": ALL_EVENTS}
    assert client.get("/api/totals", params={"country": "FIN", "type": "agree"}).json() == {"events": 2, "clusters": 2}


def test_the_plover_table_is_served_to_the_page(client: TestClient) -> None:
    table = client.get("/api/plover").json()
    assert [row["name"] for row in table][:2] == ["AGREE", "CONSULT"] and len(table) == 16
    consult = table[1]
    assert (consult["label_de"], consult["symmetric"], consult["event_class"]) == ("Beratung", True, "cooperation")
    assert {"name": "visit", "label_de": "Besuch", "label_en": "visit"} in consult["modes"]


def test_stats_summarise_the_store(client: TestClient) -> None:
    stats = client.get("/api/stats").json()
    assert stats["articles"] == 2 and stats["events"] == ALL_EVENTS
    assert stats["events_by_type"]["AGREE"] == 2
    assert (stats["first_day"], stats["last_day"]) == ("2022-05-01", "2023-04-04")


# --- wrong parameters ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "params",
    [
        {"type": "PARTY"},
        {"modality": "certain"},
        {"since": "2023-13-01"},
        {"until": "yesterday"},
        {"since": "2023-05-01", "until": "2023-04-01"},
        {"limit": 0},
        {"limit": 100000},
        {"offset": -1},
        {"offset": "x"},
        {"actor": "a" * 500},
        {"actor": "FIN\x00"},
        {"country": ["FIN"] * 60},
    ],
)
def test_wrong_parameters_get_422_with_a_json_error(client: TestClient, params: dict) -> None:
    for path in ("/api/events", "/api/graph", "/api/places", "/api/clusters", "/api/timeline", "/api/options"):
        if path not in ("/api/events", "/api/clusters") and {"limit", "offset"} & params.keys():
            continue
        assert_error(client.get(path, params=params), 422)


def test_a_validation_error_names_the_parameter(client: TestClient) -> None:
    error = assert_error(client.get("/api/events", params={"modality": "certain"}), 422)
    assert error["details"][0]["location"] == ["query", "modality", "0"]
    error = assert_error(client.get("/api/events", params={"type": "PARTY"}), 422)
    assert error["message"].startswith("unknown type PARTY (one of: AGREE, CONSULT")


# --- the page ------------------------------------------------------------------------------------


def test_page_and_its_assets_are_served_from_the_package(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "default-src 'self'" in page.headers["content-security-policy"]
    assets = re.findall(r'(?:src|href)="([^"]+)"', page.text)
    assert "/static/js/main.js" in assets
    for asset in [asset for asset in assets if not asset.startswith(("#", "?"))]:  # in-page links
        assert asset.startswith("/"), f"{asset} is not served by the app"
        assert client.get(asset).status_code == 200, asset
    geometry = client.get("/static/vendor/world-atlas/countries-110m.json").json()
    assert len(geometry["objects"]["countries"]["geometries"]) > 150


def test_static_files_reference_no_other_host() -> None:
    static = Path(__file__).resolve().parents[1] / "src" / "lagebild" / "web" / "static"
    for path in [*static.glob("*.html"), *static.glob("js/*.js"), *static.glob("*.css")]:
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"(?:src|href)=[\"']?(?:https?:)?//", text), path
        assert not re.search(r"(?:fetch|import)\s*\(?\s*['\"](?:https?:)?//", text), path
        assert "innerHTML" not in text and "insertAdjacentHTML" not in text, path


def test_docs_page_and_openapi_schema(client: TestClient) -> None:
    assert client.get("/docs").status_code == 200
    schema = client.get("/openapi.json").json()
    assert {
        "/api/events",
        "/api/events/{event_id}",
        "/api/articles/{article_id}",
        "/api/articles",
        "/api/actors",
        "/api/stats",
        "/api/graph",
        "/api/places",
        "/api/clusters",
        "/api/clusters/{cluster_id}",
        "/api/timeline",
        "/api/options",
        "/api/plover",
        "/api/export/{rows}",
        "/api/totals",
    } <= schema["paths"].keys()
    assert "post" in schema["paths"]["/api/articles"]


# --- POST /api/articles -----------------------------------------------------------------------------


def test_read_only_server_refuses_ingest(client: TestClient) -> None:
    response = client.post("/api/articles", content="Ein Text.", headers={"Content-Type": "text/plain", **auth()})
    assert_error(response, 403)


@pytest.mark.parametrize("headers", [{}, auth("wrong"), {"Authorization": TOKEN}, {"Authorization": "Basic x"}])
def test_ingest_needs_the_token(writer: TestClient, headers: dict) -> None:
    response = writer.post("/api/articles", content="Ein Text.", headers={"Content-Type": "text/plain", **headers})
    assert_error(response, 401)
    assert response.headers["www-authenticate"] == "Bearer"
    assert writer.get("/api/stats").json()["articles"] == 0


def test_ingest_of_a_json_record_returns_its_events(writer: TestClient) -> None:
    record = {
        "id": "api-1",
        "text": "Schweden und Finnland vereinbaren eine Übung.\n\nDie Minister trafen sich in Stockholm.",
        "published": "2024-02-01",
        "outlet": "Testblatt",
        "test_events": [{"type": "AGREE", "source": "SWE", "target": "FIN", "evidence": "vereinbaren"}],
    }
    response = writer.post("/api/articles", json=record, headers=auth())
    assert response.status_code == 201, response.text
    result = response.json()
    assert result["article_id"] == "api-1" and result["status"] == "stored"
    [event] = result["events"]
    assert event["type"] == "AGREE" and event["source_country"] == "SWE"
    assert event["evidence_spans"][0]["text"] == "vereinbaren"
    assert writer.get(f"/api/events/{event['event_id']}").json()["article_id"] == "api-1"
    again = writer.post("/api/articles", json=record, headers=auth())
    assert again.status_code == 200 and again.json()["status"] == "already stored"
    assert writer.get("/api/stats").json()["articles"] == 1


class StallingStage:
    """Marks that it started, then sleeps on an article saying LANGSAM (as the tagger did on a
    10,000-letter word)."""

    name, requires, assigns = "stalling", ("text",), ()

    def __init__(self, started: Path) -> None:
        self.started = started

    def __call__(self, article: Article) -> Article:
        if "LANGSAM" in article.text:
            self.started.touch()
            time.sleep(600)
        return article


def test_a_slow_post_fails_with_its_code_and_holds_up_no_one(tmp_path: Path) -> None:
    started = tmp_path / "started"
    pipeline = Pipeline([StructureStage(), StallingStage(started), FakeEventStage()])
    settings = Settings(article_seconds=15.0, web_workers=2)
    app = create_app(tmp_path / "s.duckdb", allow_ingest=True, token=TOKEN, make_pipeline=lambda: pipeline,
                     settings=settings)  # fmt: skip
    plain = {"Content-Type": "text/plain", **auth()}
    with TestClient(app) as writer, ThreadPoolExecutor(1) as threads:
        slow = threads.submit(writer.post, "/api/articles", content="Ein Text, LANGSAM.", headers=plain)
        deadline = time.monotonic() + 60  # a guard against a hung test, not a timing assertion
        while not started.exists() and time.monotonic() < deadline:
            time.sleep(0.01)
        quick = writer.post("/api/articles", content="Die Regierung lehnt den Vorschlag ab.", headers=plain)
        assert quick.status_code == 201, quick.text
        assert writer.get("/api/stats").json()["articles"] == 1
        assert not slow.done()  # the quick article was stored while the slow one ran
        error = assert_error(slow.result(timeout=120), 422)
    assert error["message"].startswith("E015 article took longer than the limit of 15 s")


def test_ingest_of_plain_text_with_query_metadata(writer: TestClient) -> None:
    response = writer.post(
        "/api/articles",
        content=b"Die Regierung lehnt den Vorschlag ab.",
        params={"id": "plain-1", "published": "2024-03-05", "outlet": "Abendblatt"},
        headers={"Content-Type": "text/plain; charset=utf-8", **auth()},
    )
    assert response.status_code == 201, response.text
    article = writer.get("/api/articles/plain-1").json()
    assert (article["published"], article["outlet"]) == ("2024-03-05", "Abendblatt")


def test_ingest_of_html_extracts_the_text(writer: TestClient) -> None:
    paragraph = "Die beiden Regierungen haben am Dienstag in der Hauptstadt lange über Zölle verhandelt. " * 4
    html = (
        f"<html><head><title>Gespräche</title></head><body><article><h1>Gespräche</h1><p>{paragraph}</p>"
        f"<p>{paragraph}</p></article></body></html>"
    )
    response = writer.post(
        "/api/articles", content=html, params={"id": "html-1"}, headers={"Content-Type": "text/html", **auth()}
    )
    assert response.status_code == 201, response.text
    assert "verhandelt" in writer.get("/api/articles/html-1").json()["text"]


@pytest.mark.parametrize(
    ("content", "content_type", "status"),
    [
        ("Ein Text.", "application/pdf", 415),
        ("Ein Text.", "", 415),
        ("", "text/plain", 422),
        ("   \n ", "text/plain", 422),
        ("{not json", "application/json", 422),
        ("[1, 2]", "application/json", 422),
        ('{"text": ["a"]}', "application/json", 422),
        ('{"text": "Ein Text.", "outlet": {"x": 1}}', "application/json", 422),
        ('{"text": "Ein Text.", "published": "gestern"}', "application/json", 422),
        ("<html><body></body></html>", "text/html", 422),
        (b"\x00\x01\x02binary", "text/plain", 422),
    ],
)
def test_bodies_that_are_not_articles_get_4xx(writer: TestClient, content, content_type: str, status: int) -> None:
    headers = {**auth(), **({"Content-Type": content_type} if content_type else {})}
    assert_error(writer.post("/api/articles", content=content, headers=headers), status)
    assert writer.get("/api/stats").json()["articles"] == 0


def test_a_body_over_the_limit_gets_413_declared_or_streamed(writer: TestClient) -> None:
    big = "Wort " * 1000  # 5000 bytes > the fixture's 4000
    headers = {"Content-Type": "text/plain", **auth()}
    assert_error(writer.post("/api/articles", content=big, headers=headers), 413)

    def chunks():
        for _ in range(10):
            yield b"Wort " * 100

    assert_error(writer.post("/api/articles", content=chunks(), headers=headers), 413)
    assert writer.get("/api/stats").json()["articles"] == 0


def test_a_pipeline_failure_is_a_422_for_that_article(writer: TestClient) -> None:
    record = {"text": "Ein Text, der die Testphase sprengt.", "test_events": [{"explode": True}]}
    error = assert_error(writer.post("/api/articles", json=record, headers=auth()), 422)
    assert error["message"].startswith("E013")


# --- creating the app and the serve command -----------------------------------------------------------


def test_ingest_without_a_token_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="token"):
        create_app(tmp_path / "x.duckdb", allow_ingest=True, token=None)


def test_a_missing_store_is_refused_when_read_only(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="S003"):
        create_app(tmp_path / "missing.duckdb")


def serve_app():
    import typer

    from lagebild.cli.serve import serve_command

    app = typer.Typer(add_completion=False, pretty_exceptions_enable=False)

    @app.callback()
    def root() -> None:
        """Test app."""

    app.command("serve")(serve_command)
    return app


def test_serve_refuses_ingest_without_token_and_a_missing_store(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv("LAGEBILD_TOKEN", raising=False)
    runner = CliRunner()
    no_token = runner.invoke(serve_app(), ["serve", "--db", str(tmp_path / "x.duckdb"), "--allow-ingest"])
    assert no_token.exit_code == 2 and "token" in no_token.output
    missing = runner.invoke(serve_app(), ["serve", "--db", str(tmp_path / "missing.duckdb")])
    assert missing.exit_code == 2 and "S003" in missing.output
