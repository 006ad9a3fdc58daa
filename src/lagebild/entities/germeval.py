"""GermEval 2014 NER files: reading, writing, and exact-span scoring.

The format: one `#` comment line per sentence, then rows
`index<TAB>token<TAB>outer-label<TAB>inner-label`, a blank line between sentences.
We keep the outer labels PER, LOC, ORG and LOCderiv; every other label becomes O.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

KEPT_LABELS = ("PER", "LOC", "ORG", "LOCderiv")


@dataclass
class GermEvalSentence:
    comment: str
    rows: list[list[str]]  # the file's columns, unchanged

    @property
    def words(self) -> list[str]:
        return [row[1] for row in self.rows]

    @property
    def labels(self) -> list[str]:
        """Outer BIO labels reduced to the four kept classes."""
        return [keep_label(row[2]) for row in self.rows]


def keep_label(label: str) -> str:
    """'B-LOCderiv' stays, 'I-OTH' or 'B-ORGpart' become 'O'."""
    if label == "O" or "-" not in label:
        return "O"
    prefix, kind = label.split("-", 1)
    return label if kind in KEPT_LABELS and prefix in ("B", "I") else "O"


def read_germeval(path: Path) -> list[GermEvalSentence]:
    return list(parse_germeval(path.read_text(encoding="utf-8").splitlines()))


def parse_germeval(lines: Iterable[str]) -> Iterator[GermEvalSentence]:
    comment, rows = "", []
    for line in lines:
        if line.startswith("#") and not rows:
            comment = line
        elif not line.strip():
            if rows:
                yield GermEvalSentence(comment, rows)
            comment, rows = "", []
        else:
            rows.append(line.split("\t"))
    if rows:
        yield GermEvalSentence(comment, rows)


def format_germeval(sentences: Iterable[GermEvalSentence], labels: Iterable[list[str]]) -> str:
    """The sentences with column 3 replaced by the given labels; comments and blank lines kept."""
    blocks = []
    for sentence, sentence_labels in zip(sentences, labels, strict=True):
        lines = [sentence.comment] if sentence.comment else []
        for row, label in zip(sentence.rows, sentence_labels, strict=True):
            lines.append("\t".join([*row[:2], label, *row[3:]]))
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n" if blocks else ""


def bio_spans(labels: list[str]) -> set[tuple[int, int, str]]:
    """(first, last-exclusive, class) of each entity; an I- without its B- opens a span too."""
    spans, start, kind = set(), None, None
    for index, label in enumerate([*labels, "O"]):
        prefix, _, label_kind = label.partition("-")
        continues = prefix == "I" and label_kind == kind
        if start is not None and not continues:
            spans.add((start, index, kind))
            start, kind = None, None
        if prefix == "B" or (prefix == "I" and not continues):
            start, kind = index, label_kind
    return spans


def span_labels(kind: str, length: int) -> list[str]:
    """The BIO labels of one span: ['B-ORG', 'I-ORG', 'I-ORG'] for ('ORG', 3)."""
    return [f"B-{kind}"] + [f"I-{kind}"] * (length - 1)


@dataclass
class SpanScores:
    """Exact-span counts per class."""

    true_positives: Counter[str] = field(default_factory=Counter)
    predicted: Counter[str] = field(default_factory=Counter)
    gold: Counter[str] = field(default_factory=Counter)

    def add(self, gold_labels: list[str], predicted_labels: list[str]) -> None:
        gold, predicted = bio_spans(gold_labels), bio_spans(predicted_labels)
        self.gold.update(kind for _, _, kind in gold)
        self.predicted.update(kind for _, _, kind in predicted)
        self.true_positives.update(kind for _, _, kind in gold & predicted)

    def prf(self, kinds: Iterable[str] = KEPT_LABELS) -> tuple[float, float, float]:
        kinds = list(kinds)
        correct = sum(self.true_positives[k] for k in kinds)
        precision = safe_ratio(correct, sum(self.predicted[k] for k in kinds))
        recall = safe_ratio(correct, sum(self.gold[k] for k in kinds))
        return precision, recall, safe_ratio(2 * precision * recall, precision + recall)

    def report(self) -> dict[str, dict[str, float]]:
        """Precision, recall, F1 and support per class and 'micro' over the four."""
        rows = {kind: [kind] for kind in KEPT_LABELS} | {"micro": list(KEPT_LABELS)}
        report = {}
        for name, kinds in rows.items():
            precision, recall, f1 = self.prf(kinds)
            support = sum(self.gold[kind] for kind in kinds)
            report[name] = {"precision": precision, "recall": recall, "f1": f1, "support": support}
        return report


def safe_ratio(numerator: float, denominator: float) -> float:
    return numerator / denominator if denominator else 0.0


def score_labels(gold: Iterable[list[str]], predicted: Iterable[list[str]]) -> SpanScores:
    scores = SpanScores()
    for gold_labels, predicted_labels in zip(gold, predicted, strict=True):
        scores.add(gold_labels, predicted_labels)
    return scores
