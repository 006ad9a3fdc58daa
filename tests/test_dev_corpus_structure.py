"""The dev corpus through `lagebild extract`: exact text, and the structure we know is there.

Reads ../shared/corpus/dev (never copied into the repo); fails under CI when it is missing.
"""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from lagebild.cli import app
from tests.conftest import shared_path


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict]:
    dev = shared_path("corpus", "dev")
    out = tmp_path_factory.mktemp("dev-out")
    result = CliRunner().invoke(app, ["extract", str(dev), "-o", str(out), "--quiet"])
    assert result.exit_code == 0, result.stderr
    return {path.stem: json.loads(path.read_text(encoding="utf-8")) for path in out.glob("*.json")}


def gold_articles() -> dict[str, dict]:
    return {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in shared_path("corpus", "dev").glob("*.json")}


def test_one_record_per_gold_article_with_the_exact_text(extracted: dict[str, dict]) -> None:
    gold = gold_articles()
    assert set(extracted) == set(gold)
    for name, record in extracted.items():
        assert record["text"] == gold[name]["text"], name
        assert record["id"] == gold[name]["id"] and record["lang"] == "de"
        assert record["published"] == gold[name]["published"], name


def blocks_of(record: dict, kind: str) -> list[dict]:
    return [block for block in record["structure"]["blocks"] if block["kind"] == kind]


def test_agency_datelines_are_found(extracted: dict[str, dict]) -> None:
    with_agency = {name for name, r in extracted.items() if (r["structure"]["dateline"] or {}).get("agency")}
    # Every dev article that opens a paragraph with "PLACE (AGENCY)" has it recognised.
    gold = gold_articles()
    import re

    expected = {
        name
        for name, g in gold.items()
        if re.search(
            r"(^|\n)\W*(date \S+ )?[A-ZÄÖÜ][\w./, -]{1,40}(, \d{1,2}\. \w+)? \([^()]{2,30}\)\s*[–.-]", g["text"]
        )
    }
    assert expected and expected <= with_agency


def test_the_seed_article(extracted: dict[str, dict]) -> None:
    record = extracted["seed-yonhap-kim-putin"]
    dateline = record["structure"]["dateline"]
    assert (dateline["agency"], dateline["date"]) == ("Yonhap", "2023-09-04")
    captions = blocks_of(record, "caption")
    assert len(captions) == 3
    assert sum("duplicate_of" in block for block in captions) == 1
    assert blocks_of(record, "headline") and blocks_of(record, "date")
    notices = [record["text"][n["start"] : n["end"]].lower() for n in record["structure"]["notices"]]
    assert "keine weiterverbreitung" in notices


def test_photo_credit_and_caption(extracted: dict[str, dict]) -> None:
    captioned = [name for name, r in extracted.items() if blocks_of(r, "caption")]
    assert len(captioned) >= 3
