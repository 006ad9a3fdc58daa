"""Strategies for fuzzing ingest and the whole pipeline, shared by tests/test_fuzz.py (a bounded
campaign in CI) and bench/fuzz_campaign.py (the long one).

An input is a file: its suffix and its bytes. The property: `read_inputs` yields, for every
input, articles or coded `LagebildError`s, and every article runs through the pipeline into a
JSON record; no other exception escapes. Texts are short, so that each input is cheap.
"""

from __future__ import annotations

import json
import string
import tempfile
import warnings
from pathlib import Path

from hypothesis import strategies as st

from lagebild.errors import LagebildError, LagebildWarning
from lagebild.ingest import read_inputs
from lagebild.output import to_json
from lagebild.pipeline import Pipeline

GERMAN_SAMPLE = (
    "Die Regierung in Berlin hat am Montag neue Sanktionen gegen Russland verhängt . Der Außenminister "
    "traf seinen Amtskollegen in Paris , sagte ein Sprecher laut dpa . Demonstranten protestierten gestern "
    "vor dem Parlament in Kiew „ gegen den Krieg “ ; die Polizei nahm 12 Personen fest ! 4. September 2023"
)
GERMAN_WORDS = tuple(GERMAN_SAMPLE.split())
TAGS = ["p", "div", "span", "article", "h1", "title", "script", "style", "a", "br", "table", "td", "nav"]

unicode_text = st.text(max_size=300)
german_like = st.lists(
    st.sampled_from(GERMAN_WORDS) | st.text(string.ascii_letters + "äöüßÄÖÜ-", max_size=12), max_size=60
).map(" ".join)
line_breaks = st.lists(german_like | unicode_text, max_size=5).map("\n\n".join)
article_text = german_like | unicode_text | line_breaks


@st.composite
def html_documents(draw: st.DrawFn) -> str:
    """Random element trees (some deep) with article-like text, and random tag soup."""
    depth = draw(st.integers(0, 300) | st.just(0))
    parts = []
    for _ in range(draw(st.integers(0, 6))):
        tag = draw(st.sampled_from(TAGS))
        attributes = draw(st.sampled_from(["", ' class="content"', " id=x", ' href="http://a"', " <"]))
        closing = draw(st.sampled_from([f"</{tag}>", "", "</p>"]))
        parts.append(f"<{tag}{attributes}>{draw(article_text)}{closing}")
    soup = draw(st.text(alphabet="<>/=\"' abcdiv&;#x0123", max_size=80))
    body = "<div>" * depth + "".join(parts) + soup + "</div>" * draw(st.integers(0, depth))
    return draw(st.sampled_from(["<!DOCTYPE html><html><head><title>T</title></head><body>", "", "<html>"])) + body


json_scalars = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | unicode_text
json_values = st.recursive(
    json_scalars,
    lambda children: st.lists(children, max_size=3) | st.dictionaries(unicode_text, children, max_size=3),
    max_leaves=8,
)


@st.composite
def json_records(draw: st.DrawFn) -> object:
    """Article records with fields of any type and shape, or any JSON value at all."""
    fields = {
        "id": json_values | st.text(max_size=300),
        "text": article_text | json_values,
        "published": st.sampled_from(["2023-09-04", "2023-02-30", "gestern", ""]) | json_values,
        "title": json_values,
        "outlet": json_values,
        "url": json_values,
        "events": json_values,
    }
    record = draw(st.fixed_dictionaries({}, optional=fields))
    return draw(st.just(record) | st.lists(st.just(record), max_size=3) | json_values)


def encoded(text: str, draw: st.DrawFn) -> bytes:
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252", "latin-1", "mixed"]))
    if encoding == "mixed":  # UTF-8 with stray Windows-1252 bytes
        return text.encode("utf-8", "surrogatepass") + "Straße".encode("cp1252")
    return text.encode(encoding, errors="replace")


@st.composite
def input_files(draw: st.DrawFn) -> tuple[str, bytes]:
    """(suffix, bytes) of one input file of any supported kind, or of random bytes."""
    kind = draw(st.sampled_from(["txt", "html", "json", "jsonl", "bytes"]))
    if kind == "txt":
        return ".txt", encoded(draw(article_text), draw)
    if kind == "html":
        return draw(st.sampled_from([".html", ".htm"])), encoded(draw(html_documents()), draw)
    if kind == "json":
        return ".json", json.dumps(draw(json_records())).encode()
    if kind == "jsonl":
        lines = draw(st.lists(json_records().map(json.dumps) | st.text(max_size=40), max_size=3))
        return ".jsonl", "\n".join(lines).encode("utf-8", "surrogatepass")
    return draw(st.sampled_from([".txt", ".json", ".html"])), draw(st.binary(max_size=300))


def check_input(pipeline: Pipeline, suffix: str, content: bytes) -> int:
    """Run one input file through ingest and the pipeline; how many records it gave.

    Raises (fails) on anything but an article that becomes a JSON record or a coded error."""
    with tempfile.TemporaryDirectory(prefix="lagebild-fuzz-") as folder:
        path = Path(folder) / f"eingabe{suffix}"
        path.write_bytes(content)
        records = 0
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", LagebildWarning)
            for item in read_inputs([path]):
                if isinstance(item, LagebildError):
                    assert item.code.name.startswith("E"), item
                    continue
                json.loads(to_json(pipeline(item)))
                records += 1
        return records
