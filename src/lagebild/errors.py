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
    E011 = "invalid date '{value}' (expected YYYY-MM-DD)"
    E012 = "cannot write output: {detail}"
    E013 = "pipeline failed: {detail}"
    E014 = "not German (detected language: {lang}); written without events"
    E015 = "article took longer than the limit of {seconds:g} s; its worker was replaced"
    E016 = "worker process died ({detail}); it was replaced"
    E017 = "article too long: {chars:,} characters > limit of {limit:,}"
    E018 = "JSON field(s) must be strings: {fields}"
    E019 = "article id longer than {limit} characters"
    E020 = "symbolic link loop: {detail}"
    E021 = "JSON holds no article (an empty list)"
    E022 = "HTML nested {depth} elements deep, without article text even with its wrappers removed"
    E023 = "unknown language '{lang}' (languages with data: {known})"
    # fetching, feeds and web archives (lagebild.sources)
    E101 = "HTTP status {status}"
    E102 = "timed out ({detail})"
    E103 = "connection failed: {detail}"
    E104 = "response larger than {limit_kb} KB"
    E105 = "redirect loop back to {url}"
    E106 = "more than {limit} redirects"
    E107 = "forbidden by robots.txt; left out"
    E108 = "malformed feed: {detail}"
    E109 = "not a web address: {url}"
    E110 = "not German (detected language: {lang}); left out"
    E111 = "not a news page ({detail}); left out"
    E112 = "unreadable web archive: {detail}"


class LagebildError(Exception):
    """A failure on one item, with a code from the catalogue and the item's name."""

    def __init__(self, code: ErrorCode, item: str = "", **details: object) -> None:
        self.code = code
        self.item = item
        self.reason = code.value.format(**details)
        super().__init__(f"{item}: {code.name} {self.reason}" if item else f"{code.name} {self.reason}")

    def __reduce__(self) -> tuple:
        """Rebuilt from code, item and reason (a worker process sends it to its parent)."""
        return restore_error, (self.code, self.item, self.reason, type(self))


class LagebildSkip(LagebildError):
    """An item deliberately left out (not German, not a news page, forbidden by robots.txt):
    counted with its reason, not a failure."""


def restore_error(code: ErrorCode, item: str, reason: str, kind: type[LagebildError] = LagebildError) -> LagebildError:
    error = kind.__new__(kind)
    error.code, error.item, error.reason = code, item, reason
    Exception.__init__(error, f"{item}: {code.name} {reason}" if item else f"{code.name} {reason}")
    return error


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
