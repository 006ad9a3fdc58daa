"""Take the README's screenshot of the page (docs/screenshot.png) with Debian's headless Chromium,
over a store built from the sample article with hand-written events (tests/web_support.py).

    python scripts/web_screenshot.py [--out docs/screenshot.png]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from lagebild.web import create_app  # noqa: E402
from tests.web_support import CHROMIUM, CHROMIUM_ARGS, build_sample_store, running_server  # noqa: E402

VIEWPORT = {"width": 1400, "height": 1250}


def take_screenshot(out: Path) -> None:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as folder:
        db = build_sample_store(Path(folder) / "sample.duckdb", with_markup=False)
        with running_server(create_app(db)) as url, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            page = browser.new_page(viewport=VIEWPORT)
            page.goto(f"{url}/?event=4")
            page.wait_for_selector("#article-text mark.evidence.selected")
            page.wait_for_selector("#map circle.place")
            out.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(out), full_page=True)
            browser.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "screenshot.png")
    take_screenshot(parser.parse_args().out)


if __name__ == "__main__":
    main()
