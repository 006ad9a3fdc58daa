"""The pipeline: built in order, checked once, stops annotating non-German articles."""

from __future__ import annotations

import atexit
import dataclasses
import gc

import pytest

from lagebild.document import Article
from lagebild.errors import ErrorCode, LagebildError
from lagebild.pipeline import Pipeline, PipelineError, settle_loaded_data


class Recorder:
    def __init__(self, name: str, requires: tuple[str, ...], assigns: tuple[str, ...]) -> None:
        self.name, self.requires, self.assigns = name, requires, assigns
        self.seen: list[str] = []

    def __call__(self, article: Article) -> Article:
        self.seen.append(article.id)
        return article


def test_a_stage_needing_what_no_earlier_stage_assigns_is_refused() -> None:
    with pytest.raises(PipelineError, match="requires \\['tokens'\\]"):
        Pipeline([Recorder("events", ("tokens",), ("events",)), Recorder("language", ("text",), ("tokens",))])


def test_stages_run_in_order_and_stop_for_other_languages() -> None:
    class EnglishDetector(Recorder):
        def __call__(self, article: Article) -> Article:
            article.lang = "en"
            return super().__call__(article)

    detector, later = EnglishDetector("language_id", ("text",), ("lang",)), Recorder("later", ("lang",), ())
    article = Pipeline([detector, later])(Article(id="x", text="Some English text."))
    assert article.lang == "en" and detector.seen == ["x"] and later.seen == []


def test_a_stage_must_return_the_article() -> None:
    class Broken(Recorder):
        def __call__(self, article: Article) -> Article:
            return None  # type: ignore[return-value]

    with pytest.raises(PipelineError, match="returned NoneType"):
        Pipeline([Broken("broken", ("text",), ())])(Article(id="x", text="Text"))


def test_default_pipeline_order(pipeline: Pipeline) -> None:
    assert pipeline.names[:3] == ["language_id", "structure", "language"]


def test_what_start_up_loaded_is_kept_out_of_the_collectors_reach(pipeline: Pipeline) -> None:
    """Lexicons and models are frozen for the garbage collector once the pipeline is built."""
    assert gc.get_freeze_count() > 100_000


def test_a_stage_naming_a_field_article_lacks_is_refused() -> None:
    with pytest.raises(PipelineError, match="names \\['headlines'\\], which are not fields of Article"):
        Pipeline([Recorder("structure", ("text",), ("headlines",))])


def test_every_stage_declares_every_field_it_writes(pipeline: Pipeline) -> None:
    """Run stage by stage over an undated article: what changed must be in the stage's `assigns`
    (lazy indexes, fields with compare=False, are caches, not annotations)."""
    annotations = [field.name for field in dataclasses.fields(Article) if field.compare]
    article = Article(id="x", text="Kanzler in Paris\nBerlin, 3. Mai 2024 (dpa) - Der Kanzler ist nach Paris gereist.")
    for stage in pipeline.stages:
        before = {name: repr(getattr(article, name)) for name in annotations}
        article = stage(article)
        changed = {name for name in annotations if repr(getattr(article, name)) != before[name]}
        assert changed <= set(stage.assigns), f"{stage.name} writes {sorted(changed - set(stage.assigns))}"
    assert article.published is not None  # the structure stage found the date (and declares it)


def test_an_exception_in_a_stage_becomes_a_coded_error_for_that_article() -> None:
    class Failing(Recorder):
        def __call__(self, article: Article) -> Article:
            raise ValueError("kaputt")

    result = Pipeline([Failing("failing", ("text",), ())]).process(Article(id="a1", text="Text"))
    assert isinstance(result, LagebildError) and result.code is ErrorCode.E013
    assert str(result) == "a1: E013 pipeline failed: failing: ValueError: kaputt"


def test_start_up_work_is_done_once_per_process(pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch) -> None:
    registered: list[object] = []
    monkeypatch.setattr(atexit, "register", registered.append)
    settle_loaded_data()
    settle_loaded_data()
    assert registered == []  # the session's pipeline did it already


def test_an_article_finds_the_tokens_around_an_offset(run) -> None:
    article = run("Die Armee zog ab. Danach kam Ruhe.")
    dot = article.text.index(".")
    assert [t.text for t in article.tokens_before(dot + 1, 2)] == ["ab", "."]
    assert [t.text for t in article.tokens_after(dot + 1, 2)] == ["Danach", "kam"]
    assert [t.text for t in article.tokens_after(dot - 1, 1)] == ["."]  # not the token the offset is inside
