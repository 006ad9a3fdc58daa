"""Names found by rules alone: capitalisation, HanTa's tags and the lexicon marks.

Used as a baseline for the statistical model and to fill its gaps (see `merge_labels`):
1. a run of words in a known place, organisation or person name is a LOC, ORG or PER;
2. a country, region or city adjective (ADJ, CITYADJ) is a LOCderiv;
3. a first name (FIRST) with the capitalised proper nouns after it is a PER;
4. a run of capitalised words closed by a company form ("AG", "GmbH") or a word ending like a
   party or ministry ("-partei", "-ministerium") is an ORG;
5. any other run of proper nouns (HanTa 'NE') not at the sentence start is a PER if it has two
   words, else left alone (single unknown names are too often products or works).
"""

from __future__ import annotations

from collections.abc import Callable

from lagebild.entities.germeval import bio_spans, span_labels

KNOWN_NAME_CLASSES = {"PLACE": "LOC", "ORG": "ORG", "PERSON": "PER"}
ORG_ENDINGS = ("AG", "GmbH", "SE", "KG", "e.V.", "Inc.", "Ltd.", "Corp.", "Co.")
ORG_WORD_SUFFIXES = ("partei", "ministerium", "verband", "gewerkschaft", "bank", "konzern", "gericht")


def rule_labels(words: list[str], tags: list[str], marks: list[str]) -> list[str]:
    labels = ["O"] * len(words)
    index = 0
    while index < len(words):
        kind, length = rule_span(words, tags, marks, index)
        if kind:
            labels[index : index + length] = span_labels(kind, length)
            index += length
        else:
            index += 1
    return labels


def rule_span(words: list[str], tags: list[str], marks: list[str], index: int) -> tuple[str | None, int]:
    """The class and length of the name starting at `index`, or (None, 0)."""
    mark = marks[index]
    if mark in KNOWN_NAME_CLASSES:
        return KNOWN_NAME_CLASSES[mark], run_length(marks, index, lambda i: marks[i] == mark)
    if mark in ("ADJ", "CITYADJ"):
        return "LOCderiv", 1
    proper = run_length(marks, index, lambda i: tags[i] == "NE" and words[i][:1].isupper())
    if mark == "FIRST":
        return "PER", max(proper, 1 + run_length(marks, index + 1, lambda i: words[i][:1].isupper()))
    capitalised = run_length(marks, index, lambda i: words[i][:1].isupper() or words[i] in ORG_ENDINGS)
    if capitalised > 1 and ends_organisation(words[index + capitalised - 1]):
        return "ORG", capitalised
    if proper and ends_organisation(words[index + proper - 1]):
        return "ORG", proper
    if proper == 2 and index > 0:
        return "PER", 2
    return None, 0


def run_length(marks: list[str], index: int, belongs: Callable[[int], bool]) -> int:
    length = 0
    while index + length < len(marks) and belongs(index + length):
        length += 1
    return length


def ends_organisation(word: str) -> bool:
    return word in ORG_ENDINGS or (word[:1].isupper() and word.lower().endswith(ORG_WORD_SUFFIXES))


def merge_labels(model: list[str], rules: list[str], kinds: tuple[str, ...]) -> list[str]:
    """The model's labels, plus rule spans of the given classes where the model found nothing."""
    merged = list(model)
    for start, end, kind in sorted(bio_spans(rules)):
        if kind in kinds and all(label == "O" for label in model[start:end]):
            merged[start:end] = span_labels(kind, end - start)
    return merged


def relabel_known_names(labels: list[str], marks: list[str]) -> list[str]:
    """Give a span exactly covering one known name (lexicon mark) the class of that name."""
    relabelled = list(labels)
    for start, end, kind in sorted(bio_spans(labels)):
        span_marks = set(marks[start:end])
        mark = span_marks.pop() if len(span_marks) == 1 else None
        if mark not in KNOWN_NAME_CLASSES or KNOWN_NAME_CLASSES[mark] == kind:
            continue
        before = marks[start - 1] if start > 0 else None
        after = marks[end] if end < len(marks) else None
        if mark not in (before, after):
            relabelled[start:end] = span_labels(KNOWN_NAME_CLASSES[mark], end - start)
    return relabelled
