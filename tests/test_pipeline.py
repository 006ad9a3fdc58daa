"""The pipeline: built in order, checked once, stops annotating non-German articles."""

from __future__ import annotations

import gc

import pytest

from lagebild.document import Article
from lagebild.pipeline import Pipeline, PipelineError


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
