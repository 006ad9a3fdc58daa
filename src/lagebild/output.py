"""Output: an `Article` as the spec's JSON record (../shared/spec/events.md), written atomically.

Fields beyond the spec (title, url, timexes, structure) are added; the scorer ignores them.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

from lagebild.document import ActorRef, Article, Block, Claimant, Event, PlaceRef, TimeExpression, Timex
from lagebild.temporal.timex import tagged_in_order


def article_record(article: Article) -> dict[str, Any]:
    return {
        "id": article.id,
        "lang": article.lang,
        "published": article.published.isoformat() if article.published else None,
        "outlet": article.outlet,
        "url": article.url,
        "title": article.title,
        "text": article.text,
        "events": [event_record(event, article) for event in article.events],
        "timexes": [timex_record(timex, tid) for tid, timex in enumerate(tagged_in_order(article.timexes), start=1)],
        "structure": structure_record(article),
        **article.extra,
    }


def event_record(event: Event, article: Article) -> dict[str, Any]:
    return {
        "type": event.type,
        "mode": event.mode,
        "context": list(event.context),
        "source": actor_record(event.source),
        "target": actor_record(event.target),
        "location": place_record(event.location),
        "time": time_record(event.time),
        "modality": event.modality,
        "attribution": chain_record(event.attribution),
        "evidence": [article.text[e.start : e.end] for e in event.evidence],
        "evidence_spans": [[e.start, e.end] for e in event.evidence],
        "evidence_attribution": [chain_record(e.attribution) for e in event.evidence],
    }


def chain_record(chain: list[Claimant]) -> list[dict[str, Any]]:
    return [{"text": c.text, "country": c.country} for c in chain]


def actor_record(ref: ActorRef | None) -> dict[str, Any] | None:
    if ref is None:
        return None
    actor = ref.actor
    return {"text": ref.text, "name": actor.name, "country": actor.country, "sector": actor.sector}


def place_record(ref: PlaceRef | None) -> dict[str, Any] | None:
    if ref is None:
        return None
    return {"text": ref.text, "name": ref.place.name, "country": ref.place.country}


def time_record(expression: TimeExpression | None) -> dict[str, Any] | None:
    if expression is None:
        return None
    return {
        "text": expression.text,
        "start": expression.first_day.isoformat(),
        "end": expression.last_day.isoformat(),
    }


def timex_record(timex: Timex, tid: int) -> dict[str, Any]:
    """A TIMEX3 with the tid `lagebild time --timeml` gives it, and the day interval its value denotes."""
    return {
        "tid": f"t{tid}",
        "type": timex.type,
        "value": timex.value,
        "mod": timex.mod,
        "start": timex.start,
        "end": timex.end,
        "text": timex.text,
        "first": timex.first_day.isoformat() if timex.first_day else None,
        "last": timex.last_day.isoformat() if timex.last_day else None,
    }


def structure_record(article: Article) -> dict[str, Any]:
    dateline = article.dateline
    return {
        "blocks": [block_record(block) for block in article.blocks],
        "dateline": None
        if dateline is None
        else {
            "start": dateline.start,
            "end": dateline.end,
            "place": dateline.place,
            "date": dateline.date.isoformat() if dateline.date else None,
            "agency": dateline.agency,
        },
        "notices": [block_record(notice) for notice in article.notices],
    }


def block_record(block: Block) -> dict[str, Any]:
    record: dict[str, Any] = {"kind": str(block.kind), "start": block.start, "end": block.end}
    if block.duplicate_of is not None:
        record["duplicate_of"] = block.duplicate_of
    return record


def to_json(article: Article, indent: int | None = 1) -> str:
    return record_json(article_record(article), indent)


def record_json(record: dict[str, Any], indent: int | None = 1) -> str:
    return json.dumps(record, ensure_ascii=False, indent=indent)


def write_atomically(path: Path, content: str) -> None:
    """Write to a temporary file beside `path`, then rename: readers never see half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(handle, 0o666 & ~current_umask())  # as an ordinary file (mkstemp makes it private)
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(content)
            file.write("\n")
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def current_umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def safe_file_name(article_id: str) -> str:
    """An id as a file name: path separators and control characters replaced."""
    cleaned = "".join("_" if ch in '/\\:*?"<>|' or ord(ch) < 32 else ch for ch in article_id).strip(". ")
    return cleaned or "article"
