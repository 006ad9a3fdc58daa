"""The temporal stage: German temporal expressions resolved to day intervals.

`find_time_expressions(text, anchor, tense)` for any text; `TemporalStage` for an Article.
"""

from lagebild.temporal.expressions import find_time_expressions, find_timexes
from lagebild.temporal.intervals import DayInterval, Tense
from lagebild.temporal.stage import TemporalStage

__all__ = ["DayInterval", "TemporalStage", "Tense", "find_time_expressions", "find_timexes"]
