"""A pipeline is a list of stages; each stage is a callable `stage(article) -> article`.

Stages declare what they need (`requires`) and what they add (`assigns`) as names of
`Article` fields, so a pipeline is checked once when it is built, not per article.
"""

from __future__ import annotations

import atexit
import gc
from collections.abc import Iterable, Sequence
from typing import Protocol

from lagebild.document import Article

ALWAYS_PRESENT = frozenset({"id", "text", "published", "outlet", "url", "title"})


class Stage(Protocol):
    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]

    def __call__(self, article: Article) -> Article: ...


class PipelineError(ValueError):
    pass


class Pipeline:
    """Runs stages in order over one article; validated when built."""

    def __init__(self, stages: Sequence[Stage]) -> None:
        check_order(stages)
        self.stages = list(stages)

    def __call__(self, article: Article) -> Article:
        for stage in self.stages:
            article = stage(article)
            if not isinstance(article, Article):
                raise PipelineError(f"stage {stage.name!r} returned {type(article).__name__}, not Article")
            if article.lang is not None and article.lang != "de":
                break  # a non-German article is kept with its language and no annotations
        return article

    def pipe(self, articles: Iterable[Article]) -> Iterable[Article]:
        for article in articles:
            yield self(article)

    @property
    def names(self) -> list[str]:
        return [stage.name for stage in self.stages]


def check_order(stages: Sequence[Stage]) -> None:
    """Refuse a pipeline in which a stage needs a field no earlier stage assigns."""
    available = set(ALWAYS_PRESENT)
    for stage in stages:
        missing = [field for field in stage.requires if field not in available]
        if missing:
            raise PipelineError(f"stage {stage.name!r} requires {missing}, assigned by no earlier stage")
        available.update(stage.assigns)


def default_pipeline() -> Pipeline:
    """The full German pipeline. Imports here so that loading one stage loads only its data."""
    from lagebild.entities.stage import EntityStage
    from lagebild.events.stage import EventStage
    from lagebild.language import LanguageIdStage, LanguageStage
    from lagebild.structure import StructureStage
    from lagebild.temporal import TemporalStage

    pipeline = Pipeline(
        [LanguageIdStage(), StructureStage(), LanguageStage(), TemporalStage(), EntityStage(), EventStage()]
    )
    settle_loaded_data()
    return pipeline


def settle_loaded_data() -> None:
    """Move what start-up loaded (lexicons, gazetteers, tagger model: millions of objects that live
    as long as the process) out of the garbage collector's reach. Otherwise every full collection
    rescans them (~10% of the per-article time), and forked workers copy the pages it touches."""
    gc.collect()
    gc.freeze()
    atexit.register(gc.unfreeze)  # at exit they may go: extension modules check that nothing leaked
