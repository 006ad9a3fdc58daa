"""TimeML documents in the TempEval-3 form: read the creation time and text, write TIMEX3s inline.

Input: the document creation time as `<DCT><TIMEX3 ... value="YYYY-MM-DD">` and an untagged
`<TEXT>`. Output: the same document with `<TIMEX3 tid type value [mod] first last>` tags inside
`<TEXT>`, the text itself unchanged (as HeidelTime and the TempEval-3 systems write it).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from xml.sax.saxutils import quoteattr

from lagebild.document import Article, Timex
from lagebild.pipeline import Pipeline
from lagebild.temporal.timex import tagged_in_order

DCT = re.compile(r"<DCT>\s*<TIMEX3\b[^>]*\bvalue=\"(?P<value>\d{4}-\d{2}-\d{2})[^\"]*\"", re.S)
CREATION_TIME = re.compile(
    r"<TIMEX3\b(?=[^>]*functionInDocument=\"CREATION_TIME\")[^>]*\bvalue=\"(?P<value>\d{4}-\d{2}-\d{2})"
)
TEXT = re.compile(r"<TEXT>(?P<text>.*?)</TEXT>", re.S)
TAG = re.compile(r"<[^>]+>")
TIMEX_TAG = re.compile(r"</?TIMEX3\b[^>]*>")


@dataclass(frozen=True)
class TimeMLDocument:
    source: str  # the whole file
    text_start: int  # where the content of <TEXT> begins in `source`
    text_end: int
    creation_date: date | None

    @property
    def text(self) -> str:
        """The content of <TEXT>, any markup inside blanked so that offsets stay those of `source`."""
        return TAG.sub(lambda tag: " " * len(tag.group()), self.source[self.text_start : self.text_end])


def read_timeml(source: str) -> TimeMLDocument | None:
    """A TimeML document; None when it has no <TEXT>. TIMEX3s already in the text are dropped."""
    body = TEXT.search(source)
    if body is None:
        return None
    inner = TIMEX_TAG.sub("", body["text"])
    source = source[: body.start("text")] + inner + source[body.end("text") :]
    outside = source[: body.start("text")] + source[body.start("text") + len(inner) :]
    dct = DCT.search(outside) or CREATION_TIME.search(outside)  # <DCT>, else a TIMEX3 marked as the creation time
    return TimeMLDocument(
        source,
        body.start("text"),
        body.start("text") + len(inner),
        date.fromisoformat(dct["value"]) if dct else None,
    )


def plain_document(text: str, creation_date: date) -> TimeMLDocument:
    """A TimeML document around plain text."""
    head = (
        '<?xml version="1.0" ?>\n<TimeML>\n<DCT><TIMEX3 tid="t0" type="DATE" '
        f'value="{creation_date.isoformat()}" temporalFunction="false" functionInDocument="CREATION_TIME">'
        f"{creation_date.isoformat()}</TIMEX3></DCT>\n<TEXT>"
    )
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return TimeMLDocument(head + escaped + "</TEXT>\n</TimeML>\n", len(head), len(head) + len(escaped), creation_date)


def write_timeml(document: TimeMLDocument, timexes: Iterable[Timex], with_interval: bool = True) -> str:
    """The document with each TIMEX3 (offsets into `document.text`) tagged inline; overlaps are skipped."""
    parts, position = [], 0
    text = document.source[document.text_start : document.text_end]
    for tid, timex in enumerate(tagged_in_order(timexes), start=1):
        parts += [
            text[position : timex.start],
            opening_tag(timex, tid, with_interval),
            text[timex.start : timex.end],
            "</TIMEX3>",
        ]
        position = timex.end
    parts.append(text[position:])
    return document.source[: document.text_start] + "".join(parts) + document.source[document.text_end :]


def opening_tag(timex: Timex, tid: int, with_interval: bool) -> str:
    attributes = {"tid": f"t{tid}", "type": timex.type, "value": timex.value}
    if timex.mod:
        attributes["mod"] = timex.mod
    if with_interval and timex.first_day and timex.last_day:
        attributes["first"] = timex.first_day.isoformat()
        attributes["last"] = timex.last_day.isoformat()
    return "<TIMEX3 " + " ".join(f"{name}={quoteattr(value)}" for name, value in attributes.items()) + ">"


def temporal_pipeline() -> Pipeline:
    """Only the stages the temporal stage needs: structure, tokens and tags, clauses, time."""
    from lagebild.clauses import ClauseStage
    from lagebild.language import LanguageStage
    from lagebild.structure import StructureStage
    from lagebild.temporal.stage import TemporalStage

    return Pipeline([StructureStage(), LanguageStage(), ClauseStage(), TemporalStage()])


def tag_document(document: TimeMLDocument, pipeline: Pipeline, name: str, default_date: date | None) -> str:
    """The document with its TIMEX3s; the creation date in the file wins over `default_date`."""
    anchor = document.creation_date or default_date
    article = pipeline(Article(id=name, text=document.text, published=anchor))
    if article.dateline is not None and article.dateline.date not in (None, anchor) and anchor is not None:
        article.dateline.date = None  # the document creation time is the anchor, not a dateline
        article = pipeline.stages[-1](article)
    return write_timeml(document, article.timexes)
