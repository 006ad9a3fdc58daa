"""A pipeline is a list of stages; each stage is a callable `stage(article) -> article`.

Stages declare what they need (`requires`) and what they add (`assigns`) as names of
`Article` fields, so a pipeline is checked once when it is built, not per article: every
name must be a field of `Article`, and every required one assigned by an earlier stage.

The pipeline owns the per-article error policy: `process` turns an exception in a stage into
a coded `LagebildError` (E013, naming the stage) for that article, so a batch goes on.
"""

from __future__ import annotations

import atexit
import dataclasses
import gc
from collections.abc import Iterable, Sequence
from functools import cache
from typing import Protocol

import lagebild
from lagebild.document import Article
from lagebild.errors import ErrorCode, LagebildError
from lagebild.lang import DEFAULT_LANGUAGE, load_language

ALWAYS_PRESENT = frozenset({"id", "text", "published", "outlet", "url", "title"})


class Stage(Protocol):
    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]

    def __call__(self, article: Article) -> Article: ...


class PipelineError(ValueError):
    pass


class Pipeline:
    """Runs stages in order over one article; validated when built. An article identified as
    written in another language than the pipeline's is kept with its language and no annotations."""

    def __init__(self, stages: Sequence[Stage], language: str = DEFAULT_LANGUAGE) -> None:
        check_order(stages)
        self.stages = list(stages)
        self.language = load_language(language).code  # E023 for a language without data

    def __call__(self, article: Article) -> Article:
        for stage in self.stages:
            article = stage(article)
            if not isinstance(article, Article):
                raise PipelineError(f"stage {stage.name!r} returned {type(article).__name__}, not Article")
            if article.lang is not None and article.lang != self.language:
                break
        return article

    def process(self, article: Article) -> Article | LagebildError:
        """The annotated article, or the coded error (E013) of the stage that failed on it."""
        stage_name = "pipeline"
        try:
            for stage in self.stages:
                stage_name = stage.name
                article = stage(article)
                if not isinstance(article, Article):
                    raise PipelineError(f"returned {type(article).__name__}, not Article")
                if article.lang is not None and article.lang != self.language:
                    break
        except Exception as error:  # one broken article must not stop the batch
            return LagebildError(ErrorCode.E013, article.id, detail=f"{stage_name}: {type(error).__name__}: {error}")
        return article

    def pipe(self, articles: Iterable[Article]) -> Iterable[Article]:
        for article in articles:
            yield self(article)

    @property
    def names(self) -> list[str]:
        return [stage.name for stage in self.stages]

    @property
    def version(self) -> str:
        """The package version and the stages (with their `version` where a stage declares one):
        what the store records per article, so `--reprocess` knows what is outdated."""
        stages = [f"{s.name}@{s.version}" if getattr(s, "version", None) else s.name for s in self.stages]
        return f"lagebild {lagebild.__version__} [{' '.join(stages)}]"


ARTICLE_FIELDS = frozenset(field.name for field in dataclasses.fields(Article))


def check_order(stages: Sequence[Stage]) -> None:
    """Refuse a pipeline in which a stage names a field `Article` lacks, or needs a field no
    earlier stage assigns."""
    available = set(ALWAYS_PRESENT)
    for stage in stages:
        unknown = sorted(set(stage.requires + stage.assigns) - ARTICLE_FIELDS)
        if unknown:
            raise PipelineError(f"stage {stage.name!r} names {unknown}, which are not fields of Article")
        missing = [field for field in stage.requires if field not in available]
        if missing:
            raise PipelineError(f"stage {stage.name!r} requires {missing}, assigned by no earlier stage")
        available.update(stage.assigns)


def default_pipeline(language: str = DEFAULT_LANGUAGE) -> Pipeline:
    """The full pipeline for one language (German: the one with data today); E023 for a language
    without data. Imports here so that loading one stage loads only its data."""
    from lagebild.clauses import ClauseStage
    from lagebild.entities.stage import EntityStage
    from lagebild.events.stage import EventStage
    from lagebild.language import LanguageIdStage, LanguageStage
    from lagebild.structure import StructureStage
    from lagebild.temporal import TemporalStage

    load_language(language)  # refused before any stage loads its data
    stages = [LanguageIdStage(language), StructureStage(language), LanguageStage(), ClauseStage(language)]
    pipeline = Pipeline([*stages, TemporalStage(language), EntityStage(language), EventStage(language)], language)
    settle_loaded_data()
    return pipeline


# Reference counting frees what an article leaves behind: over 150 bench articles the collector found 0-66
# objects of garbage, so the default young collection (every 700 allocations) mostly rescans live objects.
# Measured there: collection pauses ~0.4 s -> ~0.2 s CPU with this threshold.
YOUNG_COLLECTION_THRESHOLD = 10_000


@cache
def settle_loaded_data() -> None:
    """Move what start-up loaded (lexicons, gazetteers, tagger model: millions of objects that live
    as long as the process) out of the garbage collector's reach. Otherwise every full collection
    rescans them (~10% of the per-article time), and forked workers copy the pages it touches. Young
    collections then run less often (YOUNG_COLLECTION_THRESHOLD).
    Once per process (cached): the data is loaded once, whatever the number of pipelines."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(YOUNG_COLLECTION_THRESHOLD)
    atexit.register(gc.unfreeze)  # at exit they may go: extension modules check that nothing leaked
