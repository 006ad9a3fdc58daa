"""HTML in, the article's text and metadata out (trafilatura, htmldate).

libxml2, under trafilatura, stops building the tree 256 elements deep, so a page nested deeper
(generated wrappers, a broken template) loses its text. Such a page is read again with its
wrapper elements below MAX_DEPTH removed (their text kept); only if that finds no text either
is it refused, saying how deep it was.
"""

from __future__ import annotations

import re
from datetime import date
from html import escape
from html.parser import HTMLParser

from lagebild.document import Article
from lagebild.errors import ErrorCode, LagebildError

MAX_DEPTH = 200  # below libxml2's limit of 256, with room for the elements trafilatura adds
VOID_ELEMENTS = frozenset(
    ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"]
)
# control characters are not allowed in HTML, and lxml refuses them in a tree (htmldate failed on one)
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")
# elements that carry the text's own structure: kept at any depth, the wrappers around them dropped
TEXT_ELEMENTS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "title", "br"})


def article_from_html(html: str, article_id: str, name: str) -> Article:
    import htmldate
    import trafilatura

    html = CONTROL_CHARACTERS.sub("", html)
    text = extract_text(html)
    depth = None
    if not text:
        flat, depth = flatten(html)
        if depth > MAX_DEPTH:
            html = flat
            text = extract_text(html)
    if not text and depth is not None and depth > MAX_DEPTH:
        raise LagebildError(ErrorCode.E022, name, depth=depth)
    if not text:
        raise LagebildError(ErrorCode.E005, name)
    metadata = trafilatura.extract_metadata(html)
    found = htmldate.find_date(html, original_date=True, extensive_search=False)
    return Article(
        id=article_id,
        text=text,
        title=metadata.title if metadata else None,
        url=metadata.url if metadata else None,
        outlet=metadata.sitename if metadata else None,
        published=date.fromisoformat(found) if found else None,
    )


def extract_text(html: str) -> str | None:
    import trafilatura

    text = trafilatura.extract(html, include_comments=False, include_tables=False, favor_precision=True)
    return text if text and text.strip() else None


def flatten(html: str) -> tuple[str, int]:
    """The page with the wrapper elements deeper than MAX_DEPTH removed, and its deepest nesting."""
    parser = Flattener()
    parser.feed(html)
    parser.close()
    return "".join(parser.out), parser.deepest


class Flattener(HTMLParser):
    """Copies a page, dropping the tags (not the text) of wrappers nested deeper than MAX_DEPTH."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.depth = 0
        self.deepest = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in VOID_ELEMENTS:
            self.depth += 1
            self.deepest = max(self.deepest, self.depth)
        if self.depth <= MAX_DEPTH or tag in TEXT_ELEMENTS:
            self.out.append(self.get_starttag_text() or "")

    def handle_endtag(self, tag: str) -> None:
        if self.depth <= MAX_DEPTH or tag in TEXT_ELEMENTS:
            self.out.append(f"</{tag}>")
        if tag not in VOID_ELEMENTS:
            self.depth = max(0, self.depth - 1)

    def handle_data(self, data: str) -> None:
        self.out.append(escape(data, quote=False))

    def handle_decl(self, decl: str) -> None:
        self.out.append(f"<!{decl}>")
