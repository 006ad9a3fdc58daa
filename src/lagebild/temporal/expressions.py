"""Placing found expressions in time: anchor, tense and the day last mentioned."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

from lagebild.document import TimeExpression
from lagebild.temporal.grammar import Mention, find_mentions
from lagebild.temporal.intervals import Tense, parse_tense
from lagebild.temporal.mentions import Context


def find_time_expressions(text: str, anchor: date, tense: str | Tense | None = None) -> list[TimeExpression]:
    """German temporal expressions in `text` as day intervals, sorted by offset.

    `anchor` is the date deictic words count from ("gestern", "nächste Woche"); `tense`
    ("past", "present", "future"/"planned" or None) picks which Monday or October is meant.
    Anaphoric words ("am Vortag") count from the last single day named earlier in the text.
    """
    fixed = parse_tense(tense)
    return resolve_mentions(text, find_mentions(text), anchor, lambda mention: fixed, lambda mention: 0)


def resolve_mentions(
    text: str,
    mentions: list[Mention],
    anchor: date,
    tense_for: Callable[[Mention], Tense | None],
    scope_start: Callable[[Mention], int],
) -> list[TimeExpression]:
    """Resolve mentions in text order; single days found become referents for later anaphora.

    `scope_start(mention)` is the earliest offset whose days may serve as its referent.
    """
    found: list[TimeExpression] = []
    for mention in mentions:
        referent = last_day_before(found, mention.start, scope_start(mention)) or anchor
        interval = mention.value.resolve(Context(anchor, tense_for(mention), referent))
        if interval is None:
            continue
        surface = text[mention.start : mention.end]
        found.append(TimeExpression(mention.start, mention.end, surface, interval.first, interval.last))
    return found


def last_day_before(found: list[TimeExpression], position: int, earliest: int) -> date | None:
    for expression in reversed(found):
        if expression.end <= position and expression.start >= earliest and expression.first_day == expression.last_day:
            return expression.first_day
    return None


def shifted(mentions: list[Mention], offset: int) -> list[Mention]:
    return [replace(mention, start=mention.start + offset, end=mention.end + offset) for mention in mentions]
