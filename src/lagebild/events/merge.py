"""One record per real-world event per article, with every mention as evidence.

Mentions merge when they have the same type and the same dyad (country pair, in either
order for symmetric types) and their times do not contradict each other ("Ende Mai" and "im
August" are two launches). A mention that lacks an actor joins the one event it is
compatible with; one that lacks both actors and has no such event is dropped. The most
explicit mention (most fields known, earliest on ties) speaks for the record.
"""

from __future__ import annotations

from lagebild.document import Event, Evidence
from lagebild.events.mentions import SYMMETRIC_TYPES, EventMention


def country(ref) -> str | None:
    return ref.actor.country if ref is not None else None


def dyad(mention: EventMention) -> tuple[str | None, str | None]:
    return country(mention.source), country(mention.target)


def same_dyad(a: EventMention, b: EventMention) -> bool:
    if dyad(a) == dyad(b):
        return True
    return a.type in SYMMETRIC_TYPES and dyad(a) == dyad(b)[::-1]


def times_compatible(a: EventMention, b: EventMention) -> bool:
    if a.time is None or b.time is None:
        return True
    return a.time.first_day <= b.time.last_day and b.time.first_day <= a.time.last_day


def partially_matches(partial: EventMention, full: EventMention) -> bool:
    """A mention missing the source or the target fits an event whose known side agrees."""
    known = partial.source if partial.source is not None else partial.target
    if known is None:
        return True
    same_side = full.source if partial.source is not None else full.target
    other_side = full.target if partial.source is not None else full.source
    sides = [same_side, other_side] if full.type in SYMMETRIC_TYPES else [same_side]
    return country(known) in {country(side) for side in sides}


def conflicting_actors(a: EventMention, b: EventMention) -> bool:
    """Two different actors of one country: 'die AfD' and 'die Union' both accuse, as two events."""
    pairs = [(a.source, b.source), (a.target, b.target)]
    if a.type in SYMMETRIC_TYPES and dyad(a) != dyad(b):
        pairs = [(a.source, b.target), (a.target, b.source)]
    for x, y in pairs:
        if x is None or y is None:
            continue
        if x.actor.name and y.actor.name and x.actor.name != y.actor.name:
            return True
        if x.actor.sector and y.actor.sector and x.actor.sector != y.actor.sector:
            return True
    return False


def merge_mentions(mentions: list[EventMention]) -> list[Event]:
    groups: list[list[EventMention]] = []
    complete = [m for m in mentions if m.source is not None and m.target is not None]
    partial = [m for m in mentions if m not in complete]
    for mention in complete + [m for m in partial if m.source is not None or m.target is not None]:
        group = next((g for g in groups if fits_group(mention, g)), None)
        if group is None:
            groups.append([mention])
        else:
            group.append(mention)
    for mention in (m for m in partial if m.source is None and m.target is None):
        candidates = [g for g in groups if g[0].type == mention.type and times_compatible(mention, g[0])]
        if len(candidates) == 1:
            candidates[0].append(mention)
    events = [record(group) for group in groups]
    return sorted(events, key=lambda e: e.evidence[0].start)


def fits_group(mention: EventMention, group: list[EventMention]) -> bool:
    head = group[0]
    if mention.type != head.type or not all(times_compatible(mention, m) for m in group):
        return False
    if same_dyad(mention, head):
        return not any(conflicting_actors(mention, m) for m in group)
    fully_known = [m for m in group if m.source is not None and m.target is not None]
    if mention.source is None or mention.target is None:
        return len(fully_known) > 0 and partially_matches(mention, fully_known[0])
    return not fully_known and partially_matches(head, mention)


def record(group: list[EventMention]) -> Event:
    best = max(group, key=lambda m: (m.completeness, -m.order))
    ordered = [best, *sorted((m for m in group if m is not best), key=lambda m: m.order)]
    return Event(
        type=best.type,
        modality=best.modality,
        mode=best.mode,
        context=list(best.context),
        source=best.source or next((m.source for m in ordered if m.source), None),
        target=best.target or next((m.target for m in ordered if m.target), None),
        location=best.location or next((m.location for m in ordered if m.location), None),
        time=best.time or next((m.time for m in ordered if m.time), None),
        attribution=best.attribution,
        evidence=unique_evidence(m.evidence for m in ordered),
    )


def unique_evidence(spans) -> list[Evidence]:
    seen: set[tuple[int, int]] = set()
    unique = []
    for span in spans:
        if (span.start, span.end) not in seen:
            seen.add((span.start, span.end))
            unique.append(span)
    return unique
