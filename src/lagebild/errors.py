"""One catalogue of coded errors, so that a batch report names each failure the same way."""

from __future__ import annotations

from enum import Enum


class ErrorCode(Enum):
    """Codes and message templates for failures on one input item."""

    E001 = "no such file or directory"
    E002 = "file is empty"
    E003 = "binary file (not text): {detail}"
    E004 = "file too large: {size_mb:.0f} MB > limit of {limit_mb} MB"
    E005 = "HTML without extractable article text"
    E006 = "malformed JSON: {detail}"
    E007 = "JSON article lacks a non-empty 'text' field"
    E008 = "unsupported file type '{suffix}' (expected .txt, .html, .htm, .json, .jsonl)"
    E009 = "cannot read file: {detail}"
    E010 = "text has no words"
    E011 = "invalid date '{value}' (expected YYYY-MM-DD)"
    E012 = "cannot write output: {detail}"
    E013 = "pipeline failed: {detail}"
    E014 = "not German (detected language: {lang}); written without events"
    E015 = "article too long: {chars:,} characters > limit of {limit:,}"
    E016 = "JSON field(s) must be strings: {fields}"
    E017 = "article id longer than {limit} characters"
    E018 = "symbolic link loop: {detail}"
    E019 = "JSON holds no article (an empty list)"
    E020 = "HTML nested {depth} elements deep, without article text even with its wrappers removed"


class LagebildError(Exception):
    """A failure on one item, with a code from the catalogue and the item's name."""

    def __init__(self, code: ErrorCode, item: str = "", **details: object) -> None:
        self.code = code
        self.item = item
        self.reason = code.value.format(**details)
        super().__init__(f"{item}: {code.name} {self.reason}" if item else f"{code.name} {self.reason}")


class WarningCode(Enum):
    """Codes and templates for what was repaired in an input item that was still read."""

    W001 = "not valid UTF-8: {count} invalid byte sequence(s) replaced by U+FFFD (first at byte {offset})"


class LagebildWarning(UserWarning):
    """A repaired input item (issued with `warnings.warn`; the CLI prints it as a notice)."""

    def __init__(self, code: WarningCode, item: str = "", **details: object) -> None:
        self.code = code
        self.item = item
        self.reason = code.value.format(**details)
        super().__init__(f"{item}: {code.name} {self.reason}" if item else f"{code.name} {self.reason}")
