"""The real page in Debian's headless Chromium (Playwright, no browser download), served by
uvicorn on 127.0.0.1 over a store built from the sample article with hand-written events:
filter by an actor, open an event, see its evidence highlighted; markup in an article is text."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from lagebild.web import create_app
from tests.web_support import CHROMIUM, CHROMIUM_ARGS, MARKUP_ID, build_sample_store, running_server

WAIT_MS = 15000


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
def browser(base_url: str):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1300, "height": 1000})
    page = context.new_page()
    page.set_default_timeout(WAIT_MS)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    yield page
    context.close()
    assert errors == [], errors


def expect_rows(page, count: int) -> None:
    """Wait until the event table has `count` rows (the page's CSP forbids evaluated wait functions)."""
    from playwright.sync_api import expect

    expect(page.locator("#events tbody tr.event-row")).to_have_count(count, timeout=WAIT_MS)


def event_rows(page) -> list[dict[str, str]]:
    return page.eval_on_selector_all(
        "#events tbody tr.event-row",
        "rows => rows.map(row => ({id: row.dataset.eventId, cells: [...row.cells].map(cell => cell.textContent)}))",
    )


def test_filter_by_actor_open_an_event_and_see_its_evidence(page, base_url: str) -> None:
    page.goto(f"{base_url}/")
    expect_rows(page, 10)
    assert page.locator("#map svg path.country").count() > 150
    assert page.locator("#graph svg path.edge").count() > 0
    assert page.locator("#timeline svg .timeline-event").count() == 10

    page.select_option("#filter-actor", "FIN")
    expect_rows(page, 6)
    assert "actor=FIN" in page.url
    for row in event_rows(page):
        source, target = row["cells"][3], row["cells"][4]
        assert "FIN" in source or "FIN" in target, row

    page.locator("#events tbody tr.event-row", has=page.locator("td.type", has_text="THREATEN")).click()
    page.wait_for_selector("#event-record:not([hidden]) h3")
    event_id = page.get_attribute("#event-record", "data-event-id")
    assert f"event={event_id}" in page.url and "actor=FIN" in page.url
    record = page.text_content("#event-record")
    assert "THREATEN" in record and "Agentur Interfax (RUS)" in record and "planned" in record

    selected = page.locator("#article-text mark.evidence.selected")
    assert selected.all_text_contents() == ["Russland kündigt Gegenmaßnahmen an", "Gegenmaßnahmen zu ergreifen"]
    for mark in selected.all():
        assert event_id in mark.get_attribute("data-event-ids").split()
    highlight = selected.first.evaluate("node => getComputedStyle(node).backgroundColor")
    other = page.locator("#article-text mark.evidence:not(.selected)").first
    assert highlight != other.evaluate("node => getComputedStyle(node).backgroundColor")
    assert page.locator("#events tbody tr.event-row.selected").get_attribute("data-event-id") == event_id


def test_a_shared_url_restores_filters_and_event(page, base_url: str) -> None:
    page.goto(f"{base_url}/?type=AGREE")
    expect_rows(page, 2)
    first_id = event_rows(page)[0]["id"]
    page.goto(f"{base_url}/?type=AGREE&event={first_id}")
    page.wait_for_selector("#article-text mark.evidence.selected")
    assert page.input_value("#filter-type") == "AGREE"
    assert page.get_attribute("#event-record", "data-event-id") == first_id

    other_mark = page.locator("#article-text mark.evidence:not(.selected)").first
    other_id = other_mark.get_attribute("data-event-ids").split()[0]
    other_mark.click()  # a highlighted span links to its event record
    page.wait_for_selector(f"#event-record[data-event-id='{other_id}']")
    page.go_back()
    page.wait_for_selector(f"#event-record[data-event-id='{first_id}']")


def test_markup_in_an_article_renders_as_text(page, base_url: str) -> None:
    page.goto(f"{base_url}/?article={MARKUP_ID}")
    page.wait_for_selector(f"#article-text[data-article-id='{MARKUP_ID}']")
    text = page.text_content("#article-text")
    assert "<script>document.body.dataset.injected = 'yes'</script>" in text
    assert "<img src=x onerror=" in text and "<b>Netze</b>" in text
    assert page.locator("#article-text script, #article-text img, #article-text b").count() == 0
    assert page.evaluate("document.body.dataset.injected") is None

    page.locator("#events tbody tr.event-row", has=page.locator("td.article-id", has_text=MARKUP_ID)).click()
    page.wait_for_selector("#article-text mark.evidence.selected")
    assert "<script>document.body" in page.locator("#article-text mark.evidence.selected").all_text_contents()
    assert page.evaluate("document.body.dataset.injected") is None


def test_docs_page_lists_every_operation_offline(page, base_url: str) -> None:
    from playwright.sync_api import expect

    page.goto(f"{base_url}/docs")
    expect(page.locator("#operations article.operation")).to_have_count(8, timeout=WAIT_MS)
    assert "POST /api/articles" in page.text_content("#operations")
