"""Ingest: every input kind, and every kind of bad input, one clear line each."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lagebild.cli import app
from lagebild.errors import ErrorCode, LagebildError
from lagebild.ingest import IngestOptions, read_inputs

GERMAN = (
    "Berlin (lb) – Die Bundesregierung hat am Montag neue Hilfen für die Landwirtschaft beschlossen. "
    "Das teilte ein Sprecher des Ministeriums in Berlin mit. Die Opposition kritisierte die Pläne als unzureichend."
)
ENGLISH = (
    "The government announced new support for farmers on Monday. A spokesman for the ministry said the "
    "measures would take effect next month, while the opposition criticised the plans as insufficient."
)
HTML = f"""<!DOCTYPE html><html lang="de"><head><title>Hilfen für Bauern</title>
<meta property="article:published_time" content="2023-03-06T10:00:00+01:00"></head>
<body><nav>Startseite | Politik</nav><article><h1>Hilfen für Bauern</h1><p>{GERMAN}</p>
<p>Die Hilfen sollen im Sommer ausgezahlt werden, sagte der Sprecher weiter.</p></article>
<footer>Impressum</footer></body></html>"""

runner = CliRunner()


def items(*paths: Path, **options) -> list:
    return list(read_inputs(paths, IngestOptions(**options)))


def error_code(item: object) -> ErrorCode:
    assert isinstance(item, LagebildError), item
    return item.code


def test_plain_text_keeps_the_exact_text(tmp_path: Path) -> None:
    path = tmp_path / "meldung.txt"
    path.write_text(GERMAN, encoding="utf-8")
    (article,) = items(path)
    assert article.id == "meldung" and article.text == GERMAN


def test_latin1_text_is_decoded_not_rejected(tmp_path: Path) -> None:
    path = tmp_path / "alt.txt"
    path.write_bytes("Die Außenministerin traf in München ein. Größere Gespräche folgen.".encode("latin-1"))
    (article,) = items(path)
    assert "Außenministerin" in article.text and "München" in article.text


def test_utf8_bom_is_dropped(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeffBerlin – Ein Test.".encode())
    (article,) = items(path)
    assert article.text == "Berlin – Ein Test."


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("leer.txt", b"", ErrorCode.E002),
        ("nur-leerzeichen.txt", b"  \n\n\t ", ErrorCode.E002),
        ("bild.txt", bytes(range(256)) * 40, ErrorCode.E003),
        ("kaputt.json", b'{"id": "x", "text": ', ErrorCode.E006),
        ("ohne-text.json", b'{"id": "x", "title": "nur Titel"}', ErrorCode.E007),
        ("kaputt.html", b"<html><body><div><p></div></span>", ErrorCode.E005),
        ("tabelle.csv", b"a,b\n1,2\n", ErrorCode.E008),
    ],
)
def test_bad_input_gets_a_coded_error(tmp_path: Path, name: str, content: bytes, code: ErrorCode) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    (item,) = items(path)
    assert error_code(item) == code
    assert name in str(item)


def test_missing_path(tmp_path: Path) -> None:
    (item,) = items(tmp_path / "gibt-es-nicht.txt")
    assert error_code(item) == ErrorCode.E001


def test_huge_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "riesig.txt"
    with path.open("wb") as file:
        file.truncate(50 * 1024 * 1024)  # sparse: 50 MB on paper, nothing written
    (item,) = items(path)
    assert error_code(item) == ErrorCode.E004
    assert "50 MB" in str(item)


def test_html_through_trafilatura_and_htmldate(tmp_path: Path) -> None:
    path = tmp_path / "seite.html"
    path.write_text(HTML, encoding="utf-8")
    (article,) = items(path)
    assert "neue Hilfen für die Landwirtschaft" in article.text
    assert "Impressum" not in article.text
    assert str(article.published) == "2023-03-06"
    assert article.title == "Hilfen für Bauern"


def test_json_article_ignores_gold_events_and_keeps_fields(tmp_path: Path) -> None:
    record = {"id": "a1", "text": GERMAN, "published": "2023-03-06", "outlet": "Testblatt", "events": [{"x": 1}]}
    path = tmp_path / "a.json"
    path.write_text(json.dumps(record), encoding="utf-8")
    (article,) = items(path)
    assert (article.id, article.outlet, str(article.published)) == ("a1", "Testblatt", "2023-03-06")
    assert article.events == [] and "events" not in article.extra


def test_jsonl_reports_a_bad_line_and_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "stapel.jsonl"
    lines = [json.dumps({"id": "eins", "text": GERMAN}), "{kaputt", "", json.dumps({"text": GERMAN})]
    path.write_text("\n".join(lines), encoding="utf-8")
    results = items(path)
    assert [getattr(r, "id", None) for r in results] == ["eins", None, "stapel-4"]
    assert error_code(results[1]) == ErrorCode.E006 and "stapel.jsonl:2" in str(results[1])


def test_overrides_win_over_the_input(tmp_path: Path) -> None:
    from datetime import date

    path = tmp_path / "a.json"
    path.write_text(json.dumps({"text": GERMAN, "published": "2020-01-01", "outlet": "Alt"}), encoding="utf-8")
    (article,) = items(path, published=date(2023, 1, 2), outlet="Neu")
    assert (str(article.published), article.outlet) == ("2023-01-02", "Neu")


def test_directories_are_read_recursively_and_in_order(tmp_path: Path) -> None:
    (tmp_path / "f").mkdir()
    (tmp_path / "f" / "zwei.txt").write_text(GERMAN, encoding="utf-8")
    (tmp_path / "eins.txt").write_text(GERMAN, encoding="utf-8")
    (tmp_path / "notizen.md").write_text("keine Eingabe", encoding="utf-8")
    assert [a.id for a in items(tmp_path)] == ["eins", "zwei"]


def test_cli_batch_goes_on_past_failures_and_summarises(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "gut.txt").write_text(GERMAN, encoding="utf-8")
    (inputs / "leer.txt").write_text("", encoding="utf-8")
    (inputs / "englisch.txt").write_text(ENGLISH, encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(app, ["extract", str(inputs), str(tmp_path / "fehlt.txt"), "-o", str(out)])
    assert result.exit_code == 1
    assert "leer.txt: E002 file is empty" in result.stderr
    assert "fehlt.txt: E001" in result.stderr
    assert "englisch: E014 not German (detected language: en)" in result.stderr
    assert "2 written, 2 failed" in result.stderr
    written = json.loads((out / "gut.json").read_text(encoding="utf-8"))
    assert written["text"] == GERMAN and written["lang"] == "de" and isinstance(written["events"], list)
    english = json.loads((out / "englisch.json").read_text(encoding="utf-8"))
    assert english["lang"] == "en" and english["events"] == []
    assert not list(out.glob(".*.tmp")), "temporary files must be renamed or removed"


def test_cli_writes_jsonl_to_stdout(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(GERMAN, encoding="utf-8")
    result = runner.invoke(app, ["extract", str(path), "-o", "-", "--quiet"])
    assert result.exit_code == 0
    (line,) = result.stdout.strip().splitlines()
    assert json.loads(line)["text"] == GERMAN


def test_cli_rejects_a_bad_date_option(tmp_path: Path) -> None:
    result = runner.invoke(app, ["extract", str(tmp_path), "-o", "-", "--published", "5.9.2023"])
    assert result.exit_code == 2
    assert "invalid date" in result.stderr
