"""The real page in Debian's headless Chromium (Playwright, no browser download), served by
uvicorn on 127.0.0.1 over a store built from the sample article with hand-written events (and,
for paging and the graph's limit, a synthetic store): filters, clusters, the timeline, map and
graph, export, the phone layout, keyboard use, axe-core's accessibility rules and both languages."""

from __future__ import annotations

import itertools
import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from lagebild.web import create_app
from tests.web_support import (
    CHROMIUM,
    CHROMIUM_ARGS,
    LONG_URL,
    MARKUP_ID,
    build_sample_store,
    build_synthetic_store,
    running_server,
)

WAIT_MS = 15000
AXE = Path(__file__).resolve().parent / "vendor" / "axe-core" / "axe.min.js"
AXE_URL = "/__axe__.js"  # served to the page from its own origin (its CSP admits no other)
SYNTHETIC_EVENTS = 600


def require_browser() -> None:
    """Under CI a missing Chromium or Playwright fails the test; elsewhere it skips."""
    problem = None
    if not CHROMIUM.exists():
        problem = f"{CHROMIUM} is missing (apt-get install chromium)"
    else:
        try:
            import playwright.sync_api  # noqa: F401
        except ImportError:
            problem = "the playwright package is missing"
    if problem:
        if os.environ.get("CI") == "true":
            pytest.fail(problem)
        pytest.skip(problem)


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    require_browser()
    db = build_sample_store(tmp_path_factory.mktemp("browser") / "sample.duckdb")
    with running_server(create_app(db)) as url:
        yield url


@pytest.fixture(scope="module")
def synthetic_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    require_browser()
    db = build_synthetic_store(tmp_path_factory.mktemp("synthetic") / "synthetic.duckdb", SYNTHETIC_EVENTS)
    with running_server(create_app(db)) as url:
        yield url


@pytest.fixture(scope="module")
def browser(base_url: str):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def new_page(browser, width: int = 1300, height: int = 1000):
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    page.set_default_timeout(WAIT_MS)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.route(f"**{AXE_URL}", lambda route: route.fulfill(path=AXE, content_type="text/javascript"))
    return context, page, errors


@pytest.fixture
def page(browser):
    context, page, errors = new_page(browser)
    yield page
    context.close()
    assert errors == [], errors


@pytest.fixture
def phone(browser):
    context, page, errors = new_page(browser, width=390, height=844)
    yield page
    context.close()
    assert errors == [], errors


def ready(page) -> None:
    page.wait_for_selector("body[data-ready='true']")


def goto(page, url: str) -> None:
    page.goto(url)
    ready(page)


def expect_rows(page, count: int) -> None:
    """Wait until the table has `count` rows (the page's CSP forbids evaluated wait functions)."""
    from playwright.sync_api import expect

    expect(page.locator("#results-table tbody tr.result-row")).to_have_count(count, timeout=WAIT_MS)


def event_rows(page) -> list[dict[str, str]]:
    return page.eval_on_selector_all(
        "#results-table tbody tr.event-row",
        "rows => rows.map(row => ({id: row.dataset.eventId, cells: [...row.cells].map(cell => cell.textContent)}))",
    )


def choose(page, selector: str, *values: str) -> None:
    page.select_option(selector, list(values))
    ready(page)


# --- filters -----------------------------------------------------------------------------------


def test_filter_by_country_open_an_event_and_see_its_evidence(page, base_url: str) -> None:
    goto(page, f"{base_url}/")
    expect_rows(page, 10)
    assert page.locator("#map svg path.country").count() > 150
    assert page.locator("#graph svg path.edge").count() > 0
    assert page.locator("#timeline svg rect.bar").count() > 0

    choose(page, "#filter-country", "FIN")
    expect_rows(page, 6)
    assert "country=FIN" in page.url
    for row in event_rows(page):
        source, target = row["cells"][4], row["cells"][5]
        assert "FIN" in source or "FIN" in target, row

    page.locator("#results-table tbody tr.event-row", has=page.locator("td.type", has_text="Drohung")).click()
    page.wait_for_selector("#event-record:not([hidden]) h3")
    event_id = page.get_attribute("#event-record", "data-event-id")
    assert f"event={event_id}" in page.url and "country=FIN" in page.url
    record = page.text_content("#event-record")
    assert "Drohung" in record and "Agentur Interfax (RUS)" in record and "geplant" in record
    assert "laut Agentur Interfax (RUS)" in page.text_content("#event-record .evidence-list")  # per sentence

    selected = page.locator("#article-text mark.evidence.selected")
    assert selected.all_text_contents() == ["Russland kündigt Gegenmaßnahmen an", "Gegenmaßnahmen zu ergreifen"]
    for mark in selected.all():
        assert event_id in mark.get_attribute("data-event-ids").split()
    highlight = selected.first.evaluate("node => getComputedStyle(node).backgroundColor")
    other = page.locator("#article-text mark.evidence:not(.selected)").first
    assert highlight != other.evaluate("node => getComputedStyle(node).backgroundColor")
    assert page.locator("#results-table tbody tr.event-row.selected").get_attribute("data-event-id") == event_id
    assert page.text_content("#article-meta h3") == "Finnland ist Mitglied der NATO: Russland kündigt Gegenmaßnahmen an"


def test_each_evidence_passage_says_who_says_it(page, base_url: str) -> None:
    """The threat is told by Interfax in one sentence and by the outlet itself in the headline: the
    article notes the source in words after that sentence only; the record names each passage's."""
    goto(page, f"{base_url}/?type=THREATEN")
    page.locator("#results-table tbody tr.event-row").click()
    page.wait_for_selector("#article-text mark.evidence.selected")
    notes = page.eval_on_selector_all(
        "#article-text .claim-note",
        "notes => notes.map(note => [note.previousElementSibling.textContent, note.textContent])",
    )
    assert notes == [
        ["Gegenmaßnahmen zu ergreifen", "laut Agentur Interfax (RUS)"],
        ["ein Angriff auf die Sicherheit Russlands", "laut Agentur Interfax (RUS)"],  # the accusation's passage
    ]
    assert page.locator("#event-record .evidence-list li").all_text_contents() == [
        "Gegenmaßnahmen zu ergreifen – laut Agentur Interfax (RUS)",
        "Russland kündigt Gegenmaßnahmen an – Stimme des Mediums",
    ]
    goto(page, f"{base_url}/?type=THREATEN&lang=en")
    page.locator("#results-table tbody tr.event-row").click()
    page.wait_for_selector("#article-text mark.evidence.selected")
    assert page.locator("#article-text .claim-note").first.text_content() == "according to Agentur Interfax (RUS)"


def test_choices_are_labelled_and_their_counts_equal_the_results(page, base_url: str) -> None:
    goto(page, f"{base_url}/")
    labels = page.eval_on_selector_all("#filter-country option", "options => options.map(o => o.textContent)")
    assert "Finnland (FIN) – 6" in labels and "Russland (RUS) – 4" in labels
    for value, count in (("NOR", 1), ("RUS", 4), ("TUR", 2)):
        choose(page, "#filter-country", value)
        assert page.text_content("#summary").startswith(f"{count} Ereignisse"), value
        assert page.locator("#results-table tbody tr.result-row").count() == count
    choose(page, "#filter-country", "NOR", "SWE")  # several values: either
    expect_rows(page, 2)
    assert page.url.count("country=") == 2


def test_types_modalities_dyad_and_names_filter_exactly(page, base_url: str) -> None:
    goto(page, f"{base_url}/?type=agree")  # any case
    expect_rows(page, 2)
    goto(page, f"{base_url}/?source=RUS&target=FIN")
    expect_rows(page, 1)
    goto(page, f"{base_url}/?source=FIN&target=RUS")
    expect_rows(page, 0)
    assert page.text_content("#results-table tbody") == "Keine Ereignisse für diese Filter."
    page.check("#filter-either")
    ready(page)
    expect_rows(page, 1)
    assert "either_direction=true" in page.url
    goto(page, f"{base_url}/?actor=%25")  # a LIKE wildcard matches itself only
    expect_rows(page, 0)
    goto(page, f"{base_url}/")
    page.fill("#filter-actor", "Blinken, Oslo")
    page.press("#filter-actor", "Enter")
    page.locator("#filter-actor").blur()
    ready(page)
    expect_rows(page, 2)


def test_dates_are_shown_and_entered_as_in_german(page, base_url: str) -> None:
    goto(page, f"{base_url}/")
    assert "30.03.2023" in page.text_content("#results-table tbody")
    page.fill("#filter-since", "01.04.2023")
    page.locator("#filter-since").blur()
    ready(page)
    assert "since=2023-04-01" in page.url
    expect_rows(page, 8)
    page.fill("#filter-until", "32.13.2023")
    page.locator("#filter-until").blur()
    assert page.text_content("#summary") == "Fehler: „32.13.2023“ ist kein Datum (TT.MM.JJJJ)."
    assert page.get_attribute("#filter-until", "aria-invalid") == "true"


def test_a_shared_url_restores_filters_and_event(page, base_url: str) -> None:
    goto(page, f"{base_url}/?type=AGREE")
    expect_rows(page, 2)
    first_id = event_rows(page)[0]["id"]
    goto(page, f"{base_url}/?type=AGREE&event={first_id}")
    page.wait_for_selector("#article-text mark.evidence.selected")
    assert page.eval_on_selector_all("#filter-type option:checked", "o => o.map(x => x.value)") == ["AGREE"]
    assert page.get_attribute("#event-record", "data-event-id") == first_id

    other_mark = page.locator("#article-text mark.evidence:not(.selected)").first
    other_id = other_mark.get_attribute("data-event-ids").split()[0]
    other_mark.click()  # a highlighted span links to its event record
    page.wait_for_selector(f"#event-record[data-event-id='{other_id}']")
    page.go_back()
    page.wait_for_selector(f"#event-record[data-event-id='{first_id}']")


def test_undated_events_are_marked_as_such(page, base_url: str) -> None:
    goto(page, f"{base_url}/?type=THREATEN")
    day = page.text_content("#results-table tbody td.day")
    assert day == "undatiert (veröff. 04.04.2023)"
    page.locator("#results-table tbody tr.event-row").click()
    page.wait_for_selector("#event-record:not([hidden])")
    assert "ohne eigenes Datum (Artikel vom 04.04.2023)" in page.text_content("#event-record")


def test_markup_in_an_article_renders_as_text(page, base_url: str) -> None:
    goto(page, f"{base_url}/?article={MARKUP_ID}")
    page.wait_for_selector(f"#article-text[data-article-id='{MARKUP_ID}']")
    text = page.text_content("#article-text")
    assert "<script>document.body.dataset.injected = 'yes'</script>" in text
    assert "<img src=x onerror=" in text and "<b>Netze</b>" in text
    assert page.locator("#article-text script, #article-text img, #article-text b").count() == 0
    assert page.evaluate("document.body.dataset.injected") is None

    page.locator("#results-table tbody tr.event-row", has=page.locator("td.article-id", has_text=MARKUP_ID)).click()
    page.wait_for_selector("#article-text mark.evidence.selected")
    assert "<script>document.body" in page.locator("#article-text mark.evidence.selected").all_text_contents()
    assert page.evaluate("document.body.dataset.injected") is None


# --- clusters, sorting, paging, export --------------------------------------------------------------


def test_the_clusters_view_lists_real_world_events_with_their_reports(page, synthetic_url: str) -> None:
    goto(page, f"{synthetic_url}/")
    page.click("#view-clusters")
    ready(page)
    assert "view=clusters" in page.url
    assert page.locator("#results-table tbody tr.cluster-row").count() == 50
    summary = page.text_content("#summary")
    events, clusters = (int(number.replace(".", "")) for number in re.findall(r"[\d.]+", summary)[:2])
    assert events == SYNTHETIC_EVENTS and clusters < events
    page.click("#results-table th[data-column='articles'] button")
    ready(page)
    page.click("#results-table th[data-column='articles'] button")  # again: descending
    ready(page)
    assert "sort=articles" in page.url and "desc=true" in page.url
    articles = [
        int(cell) for cell in page.locator("#results-table tbody tr.cluster-row td.number").all_text_contents()[::2]
    ]
    assert articles == sorted(articles, reverse=True) and articles[0] > 1
    page.locator("#results-table tbody tr.cluster-row").first.click()
    page.wait_for_selector("#cluster-view:not([hidden]) .report")
    reports = page.locator("#cluster-view .report")
    assert reports.count() == articles[0]
    reports.first.click()  # its report, one click away
    page.wait_for_selector("#event-record:not([hidden])")
    assert page.locator("#article-text mark.evidence.selected").count() == 1


def test_the_table_pages_and_sorts_on_the_server(page, synthetic_url: str) -> None:
    goto(page, f"{synthetic_url}/")
    expect_rows(page, 50)
    assert page.text_content("#paging .page-range") == f"1–50 von {SYNTHETIC_EVENTS}"
    page.click("#page-next")
    ready(page)
    assert "offset=50" in page.url and page.text_content("#paging .page-range") == f"51–100 von {SYNTHETIC_EVENTS}"
    page.click("#results-table th[data-column='type'] button")
    ready(page)
    assert (
        "offset" not in page.url
        and page.get_attribute("#results-table th[data-column='type']", "aria-sort") == "ascending"
    )
    types = [text.strip() for text in page.locator("#results-table tbody td.type").all_text_contents()]
    assert types[0] == "+ Einigung (Kooperation)" and types[-1] == "+ Beratung (Kooperation)"  # PLOVER's order


def test_the_graph_keeps_the_strongest_edges_and_says_so(page, synthetic_url: str) -> None:
    goto(page, f"{synthetic_url}/")
    note = page.text_content("#graph-note")
    assert re.fullmatch(r"Die 40 stärksten von \d+ Verbindungen gezeigt\.", note), note
    assert page.locator("#graph svg path.edge").count() >= 40
    assert page.locator("#graph details li").count() == 40


def test_export_links_download_what_is_filtered(page, base_url: str) -> None:
    goto(page, f"{base_url}/?country=FIN")
    links = {
        (link.get_attribute("data-rows"), link.get_attribute("data-format")): link.get_attribute("href")
        for link in page.locator("#export a.export-link").all()
    }
    assert len(links) == 6
    events_csv = page.request.get(f"{base_url}{links[('events', 'csv')]}")
    assert events_csv.ok and len(events_csv.text().strip().splitlines()) == 1 + 6
    clusters_gdelt = page.request.get(f"{base_url}{links[('clusters', 'gdelt')]}").text().strip().splitlines()
    assert len(clusters_gdelt) == 5 and all(len(line.split("\t")) == 61 for line in clusters_gdelt)


# --- timeline and map ----------------------------------------------------------------------------------


def test_the_timeline_counts_over_the_chosen_range_with_round_ticks(page, base_url: str) -> None:
    goto(page, f"{base_url}/?since=2023-03-01&until=2023-04-30")
    assert page.text_content("#timeline-title") == "Zeitleiste: Ereignisse pro Tag und Typ"
    ticks = page.locator("#timeline svg text.tick").all_text_contents()
    assert ticks and all(re.fullmatch(r"\d\d\.0[34]\.2023", tick) for tick in ticks), ticks
    bars = page.eval_on_selector_all("#timeline svg rect.bar", "bars => bars.map(b => +b.dataset.events)")
    assert sum(bars) == 9  # every event but the one of May 2022
    page.locator("#timeline details summary").click()
    page.locator("#timeline details button", has_text="30.03.2023").click()  # a period filters to itself
    ready(page)
    assert "since=2023-03-30" in page.url and "until=2023-03-30" in page.url
    expect_rows(page, 1)


def test_the_map_is_whole_at_the_date_line(page, base_url: str) -> None:
    goto(page, f"{base_url}/")
    width = float(page.get_attribute("#map svg", "width"))
    for country in ("643", "242", "840"):  # Russia, Fiji, USA (Alaska)
        path = page.get_attribute(f"#map svg path[data-id='{country}']", "d")
        for ring in re.findall(r"M[^Z]*Z", path):
            xs = [float(x) for x in re.findall(r"[ML](-?[\d.]+),", ring)]
            steps = [abs(b - a) for a, b in itertools.pairwise(xs)]
            assert max(steps) < width / 3, (country, max(steps))  # no stripe across the map


def test_the_map_zooms_pans_filters_and_has_a_legend(page, base_url: str) -> None:
    goto(page, f"{base_url}/")
    assert page.text_content("#without-place") == "5 Ereignisse ohne Ort"
    before = page.get_attribute("#map svg", "viewBox")
    page.click("#map-zoom-in")
    zoomed = page.get_attribute("#map svg", "viewBox")
    assert float(zoomed.split()[2]) < float(before.split()[2])
    page.focus("#map svg")
    page.keyboard.press("ArrowRight")
    assert page.get_attribute("#map svg", "viewBox").split()[0] != zoomed.split()[0]
    page.click("#map-zoom-reset")
    assert page.get_attribute("#map svg", "viewBox") == before
    page.focus("#map svg circle.place[data-name='Brussels']")
    assert page.text_content("#map-detail") == "Brüssel (Belgien): 2 Ereignisse"  # details on focus or tap
    page.keyboard.press("Enter")
    ready(page)
    assert "place_country=BEL" in page.url and "place=Brussels" in page.url
    expect_rows(page, 2)
    assert page.text_content("#map-detail") == "Brüssel (Belgien): 2 Ereignisse"


# --- phone, keyboard, accessibility, language ----------------------------------------------------------


def test_on_a_phone_events_are_cards_and_nothing_overflows(phone, base_url: str) -> None:
    goto(phone, f"{base_url}/?article={MARKUP_ID}")
    phone.wait_for_selector(f"#article-text[data-article-id='{MARKUP_ID}']")
    assert LONG_URL in phone.text_content("#article-meta")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    cards = phone.locator("#results-table tbody td.card")
    assert cards.first.is_visible() and not phone.locator("#results-table tbody td.type").first.is_visible()
    assert re.fullmatch(r"\S.* → \S+ → \S.*", cards.first.locator(".dyad-line").text_content())


def test_keyboard_reaches_everything(page, base_url: str) -> None:
    goto(page, f"{base_url}/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "results"
    page.focus("#results-table tbody tr.event-row")
    page.keyboard.press("Enter")
    page.wait_for_selector("#article-text mark.evidence.selected")
    mark = page.locator("#article-text mark.evidence:not(.selected)").first
    target = mark.get_attribute("data-event-ids").split()[0]
    mark.focus()
    page.keyboard.press(" ")
    page.wait_for_selector(f"#event-record[data-event-id='{target}']")
    page.focus("#graph svg g.node[data-actor='TUR']")
    page.keyboard.press("Enter")
    ready(page)
    assert "country=TUR" in page.url
    assert page.get_attribute("#summary", "aria-live") == "polite"


def axe_violations(page) -> list[dict]:
    page.add_script_tag(url=AXE_URL)
    found = page.evaluate("axe.run(document).then(result => result.violations)")
    return [
        {"id": rule["id"], "impact": rule["impact"], "nodes": [node["target"] for node in rule["nodes"][:3]]}
        for rule in found
        if rule["impact"] in ("serious", "critical")
    ]


@pytest.mark.parametrize("query", ["", "?view=clusters&cluster=1", "?event=4&lang=en", f"?article={MARKUP_ID}"])
def test_axe_finds_no_serious_or_critical_problem(page, base_url: str, query: str) -> None:
    goto(page, f"{base_url}/{query}")
    page.locator("#timeline details summary").click()
    assert axe_violations(page) == []


def test_axe_on_a_phone(phone, base_url: str) -> None:
    goto(phone, f"{base_url}/?event=2")
    assert axe_violations(phone) == []


def test_one_language_at_a_time(page, base_url: str) -> None:
    goto(page, f"{base_url}/?lang=en&type=THREATEN")
    assert page.get_attribute("html", "lang") == "en"
    body = page.text_content("body")
    assert "Threaten" in body and "undated (publ. 2023-04-04)" in body and "planned" in body
    for german in ("Ereignisse", "Drohung", "geplant", "zurücksetzen", "Zeitleiste", "veröff."):
        assert german not in body, german
    page.click("#language-switch")
    ready(page)
    assert page.get_attribute("html", "lang") == "de" and "type=THREATEN" in page.url
    body = page.text_content("body")
    assert "Drohung" in body and "undatiert (veröff. 04.04.2023)" in body
    for english in ("Threaten", "planned", "undated", "Timeline"):
        assert english not in body, english


@pytest.mark.parametrize(("lang", "message"), [("de", "Fehler: Nicht gefunden."), ("en", "Error: Not found.")])
def test_errors_speak_the_page_language(browser, base_url: str, lang: str, message: str) -> None:
    context, page, errors = new_page(browser)
    goto(page, f"{base_url}/?lang={lang}&event=999999")
    assert page.text_content("#summary") == message
    assert [error for error in errors if "404" not in error] == []  # the browser logs the 404 itself
    context.close()


def test_docs_page_lists_every_operation_offline(page, base_url: str) -> None:
    from playwright.sync_api import expect

    page.goto(f"{base_url}/docs")
    expect(page.locator("#operations article.operation")).to_have_count(15, timeout=WAIT_MS)
    assert "GET /api/export/{rows}" in page.text_content("#operations")
