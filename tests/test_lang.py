"""The language object: grammar data loaded, every key read by some stage, unknown languages refused."""

from __future__ import annotations

import ast
import dataclasses
import re
from pathlib import Path

import pytest
import yaml

from lagebild.errors import ErrorCode, LagebildError
from lagebild.lang import (
    DEFAULT_LANGUAGE,
    Language,
    LanguageDataError,
    known_languages,
    load_language,
    parse_grammar,
    read_grammar_text,
)
from lagebild.pipeline import Pipeline, default_pipeline

SOURCE = Path(__file__).resolve().parents[1] / "src" / "lagebild"
GRAMMAR = SOURCE / "data" / DEFAULT_LANGUAGE / "grammar.yaml"
KEYS = [field.name for field in dataclasses.fields(Language) if field.name != "code"]


def test_german_loads_once_with_its_words() -> None:
    german = load_language("de")
    assert german is load_language() and german.code == "de" == DEFAULT_LANGUAGE
    assert "dem" in german.dative_articles and "NN" in german.noun_tags
    assert german.contractions["zum"] == "zu"
    assert "des Landes".startswith(german.genitive_openers) and not "Dessau".startswith(german.genitive_openers)
    assert "de" in known_languages()


def test_every_key_of_the_grammar_file_is_read_by_a_module() -> None:
    code = "\n".join(path.read_text("utf-8") for path in SOURCE.rglob("*.py") if "lang" not in path.parts)
    unread = [key for key in KEYS if not re.search(rf"\.{key}\b", code)]
    assert unread == []


def test_the_grammar_file_has_exactly_the_language_fields() -> None:
    raw = yaml.safe_load(GRAMMAR.read_text("utf-8"))
    assert sorted(raw) == sorted(KEYS)


def test_malformed_grammar_is_refused_with_the_key() -> None:
    raw = yaml.safe_load(GRAMMAR.read_text("utf-8"))
    with pytest.raises(LanguageDataError, match=r"missing keys \['both_words'\]"):
        parse_grammar("xx", {k: v for k, v in raw.items() if k != "both_words"}, "grammar.yaml")
    with pytest.raises(LanguageDataError, match=r"unknown keys \['articles'\]"):
        parse_grammar("xx", {**raw, "articles": ["der"]}, "grammar.yaml")
    with pytest.raises(LanguageDataError, match="noun_tags must be a non-empty list"):
        parse_grammar("xx", {**raw, "noun_tags": "NN"}, "grammar.yaml")
    with pytest.raises(LanguageDataError, match="contractions must map"):
        parse_grammar("xx", {**raw, "contractions": ["zum"]}, "grammar.yaml")


def test_a_key_given_twice_is_refused() -> None:
    text = GRAMMAR.read_text("utf-8")
    assert read_grammar_text(text)  # the shipped file gives each key once
    with pytest.raises(LanguageDataError, match=r"keys given twice: \['perfect_infinitives'\]"):
        read_grammar_text(text + "\nperfect_infinitives: [haben]\n")


@pytest.mark.parametrize("build", [lambda: Pipeline([], language="en"), lambda: default_pipeline("en")])
def test_a_pipeline_for_a_language_without_data_is_refused(build) -> None:
    with pytest.raises(LagebildError) as raised:
        build()
    assert raised.value.code is ErrorCode.E023 and "'en'" in str(raised.value)


def language_modules_imports() -> dict[str, set[str]]:
    graph = {}
    paths = [SOURCE / "clauses.py", SOURCE / "document.py"]
    paths += [path for package in ("events", "entities", "lang") for path in (SOURCE / package).glob("*.py")]
    for path in paths:
        module = ".".join(("lagebild", *path.relative_to(SOURCE).with_suffix("").parts)).removesuffix(".__init__")
        tree = ast.parse(path.read_text("utf-8"))
        graph[module] = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module}
    return graph


def test_the_clause_layer_sits_below_the_stages_that_read_it() -> None:
    """The temporal and event stages read clauses; the clause layer reads only the model and the language."""
    imported = language_modules_imports()["lagebild.clauses"]
    assert {module for module in imported if module.startswith("lagebild")} == {"lagebild.document", "lagebild.lang"}


def test_event_and_entity_modules_import_each_other_without_a_cycle() -> None:
    graph = language_modules_imports()
    done: set[str] = set()

    def visit(module: str, path: tuple[str, ...]) -> None:
        assert module not in path, f"import cycle: {' -> '.join((*path, module))}"
        if module in done or module not in graph:
            return
        for imported in graph[module]:
            visit(imported, (*path, module))
        done.add(module)

    for module in graph:
        visit(module, ())
