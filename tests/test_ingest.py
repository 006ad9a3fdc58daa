"""Ingest: every input kind, and every kind of bad input, one clear line each."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lagebild.cli import app
from lagebild.errors import ErrorCode, LagebildError, LagebildWarning
from lagebild.ingest import MAX_ARTICLE_CHARS, IngestOptions, read_inputs

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
    assert [a.id for a in items(tmp_path)] == ["eins", "f/zwei"]


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


def test_utf8_with_a_stray_windows_byte_stays_utf8_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "gemischt.txt"
    path.write_bytes("Die Außenministerin traf in München ein. Größere ".encode() + b"Gespr\xe4che folgen.")
    with pytest.warns(LagebildWarning, match="W001") as warned:
        (article,) = items(path)
    assert "Außenministerin" in article.text and "München" in article.text and "Gespr\ufffdche" in article.text
    assert "gemischt.txt" in str(warned[0].message)


def test_utf16_with_bom_is_read(tmp_path: Path) -> None:
    path = tmp_path / "utf16.txt"
    path.write_bytes("Die Außenministerin traf in München ein.".encode("utf-16"))
    (article,) = items(path)
    assert article.text == "Die Außenministerin traf in München ein."


def test_html_nested_deeper_than_the_parser_allows_is_extracted(tmp_path: Path) -> None:
    path = tmp_path / "tief.html"
    body = f"<p>{GERMAN}</p><p>Die Hilfen sollen im Sommer ausgezahlt werden, sagte der Sprecher weiter.</p>"
    path.write_text(f"<html><body>{'<div>' * 3000}{body}{'</div>' * 3000}</body></html>", encoding="utf-8")
    (article,) = items(path)
    assert "neue Hilfen für die Landwirtschaft" in article.text


def test_deep_html_without_text_says_how_deep(tmp_path: Path) -> None:
    path = tmp_path / "leer-tief.html"
    path.write_text("<html><body>" + "<div>" * 3000 + "</div>" * 3000 + "</body></html>", encoding="utf-8")
    (item,) = items(path)
    assert error_code(item) == ErrorCode.E022 and "nested 3002 elements deep" in str(item)


@pytest.mark.parametrize(
    ("record", "code"),
    [
        ({"text": GERMAN, "title": 5}, ErrorCode.E018),
        ({"text": GERMAN, "id": {"a": 1}}, ErrorCode.E018),
        ({"text": GERMAN, "published": 20230101}, ErrorCode.E018),
        ({"text": GERMAN, "id": "x" * 300}, ErrorCode.E019),
        ([], ErrorCode.E021),
    ],
)
def test_odd_json_fields_are_refused_as_the_web_api_does(tmp_path: Path, record: object, code: ErrorCode) -> None:
    path = tmp_path / "seltsam.json"
    path.write_text(json.dumps(record), encoding="utf-8")
    (item,) = items(path)
    assert error_code(item) == code


def test_a_text_over_the_article_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "buch.txt"
    path.write_text("Ein Satz. " * (MAX_ARTICLE_CHARS // 10 + 1), encoding="utf-8")
    (item,) = items(path)
    assert error_code(item) == ErrorCode.E017


def test_symlink_loops_are_reported(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "text.txt").write_text(GERMAN, encoding="utf-8")
    (tmp_path / "a" / "zurueck").symlink_to(tmp_path)
    (tmp_path / "kreis.txt").symlink_to(tmp_path / "kreis.txt")
    results = items(tmp_path)
    assert [r.id for r in results if not isinstance(r, LagebildError)] == ["a/text"]
    errors = sorted(str(r) for r in results if isinstance(r, LagebildError))
    assert len(errors) == 2 and all("E020" in e for e in errors)
    assert "zurueck" in errors[0] and "kreis.txt" in errors[1]


def test_linked_folders_are_read(tmp_path: Path) -> None:
    (tmp_path / "archiv").mkdir()
    (tmp_path / "archiv" / "alt.txt").write_text(GERMAN, encoding="utf-8")
    (tmp_path / "eingang").mkdir()
    (tmp_path / "eingang" / "archiv").symlink_to(tmp_path / "archiv")
    assert [a.id for a in items(tmp_path / "eingang")] == ["archiv/alt"]


def test_the_same_name_in_two_folders_gives_two_ids(tmp_path: Path) -> None:
    for folder, text in (("a", GERMAN), ("b", GERMAN.replace("Montag", "Dienstag"))):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "same.txt").write_text(text, encoding="utf-8")
    assert [a.id for a in items(tmp_path)] == ["a/same", "b/same"]
    assert [a.id for a in items(tmp_path / "a" / "same.txt")] == ["same"]  # a file given itself keeps its stem


def test_two_different_texts_never_share_an_id(tmp_path: Path) -> None:
    records = [{"id": "x", "text": GERMAN}, {"id": "x", "text": ENGLISH}, {"id": "x", "text": GERMAN}]
    path = tmp_path / "stapel.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    ids = [a.id for a in items(path)]
    assert ids[0] == ids[2] == "x" and ids[1].startswith("x-") and len(set(ids)) == 2


def test_extract_writes_same_named_files_of_two_folders_apart(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    for folder, text in (("a", GERMAN), ("b", GERMAN.replace("Montag", "Dienstag"))):
        (inputs / folder).mkdir(parents=True)
        (inputs / folder / "same.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(app, ["extract", str(inputs), "-o", str(out), "-q"])
    assert result.exit_code == 0, result.stderr
    written = {json.loads(p.read_text(encoding="utf-8"))["id"]: p for p in out.glob("*.json")}
    assert set(written) == {"a/same", "b/same"}
    assert all(p.stat().st_mode & 0o777 == 0o644 for p in written.values())


def test_html_with_control_characters_is_read(tmp_path: Path) -> None:
    # found by the fuzzing campaign: htmldate raised ValueError on a control character
    path = tmp_path / "steuerzeichen.html"
    path.write_text(HTML.replace("Impressum", "Impressum\x1f<script></script>"), encoding="utf-8")
    (article,) = items(path)
    assert "neue Hilfen für die Landwirtschaft" in article.text


def test_cli_shows_a_repaired_encoding_as_a_notice(tmp_path: Path) -> None:
    path = tmp_path / "gemischt.txt"
    path.write_bytes(GERMAN.encode() + " Gespr\xe4che".encode("cp1252"))
    result = runner.invoke(app, ["extract", str(path), "-o", str(tmp_path / "out")])
    assert result.exit_code == 0
    assert "notice: " in result.stderr and "gemischt.txt: W001 not valid UTF-8: 1 invalid byte" in result.stderr


def test_ingest_stores_same_named_files_of_two_folders(tmp_path: Path) -> None:
    import duckdb

    inputs = tmp_path / "in"
    for folder, text in (("a", GERMAN), ("b", GERMAN.replace("Montag", "Dienstag"))):
        (inputs / folder).mkdir(parents=True)
        (inputs / folder / "index.txt").write_text(text, encoding="utf-8")
    db = tmp_path / "lage.duckdb"
    result = runner.invoke(app, ["ingest", str(inputs), "--db", str(db), "--workers", "1", "-q"])
    assert result.exit_code == 0, result.stderr
    with duckdb.connect(str(db), read_only=True) as connection:
        ids = [row[0] for row in connection.execute("SELECT id FROM articles ORDER BY id").fetchall()]
    assert ids == ["a/index", "b/index"]
