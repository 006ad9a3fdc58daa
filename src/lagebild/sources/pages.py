"""A fetched or archived web page as an `Article`, or the reason it is left out.

The text, title, date and outlet come from `lagebild.ingest.article_from_html` (trafilatura and
htmldate, as `lagebild extract` reads HTML); the URL names the article. A page that is not
German or has no article text raises `LagebildSkip` (E110, E111): counted, not failed.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from datetime import date
from urllib.parse import urlsplit

from lagebild.document import Article
from lagebild.errors import ErrorCode, LagebildError, LagebildSkip
from lagebild.ingest import Item, article_from_html, decode
from lagebild.language import identify_language

MIN_ARTICLE_WORDS = 40  # less text than a short news item: an index, a teaser or an error page
HTML_LANG = re.compile(rb"<html[^>]*?\slang\s*=\s*[\"']?([a-zA-Z]{2,3})", re.IGNORECASE)


def article_id(url: str) -> str:
    """A stable id for the article at a canonical URL: its host and a digest of the URL."""
    host = (urlsplit(url).hostname or "web").removeprefix("www.")
    return f"{host}-{hashlib.sha1(url.encode('utf-8')).hexdigest()[:16]}"


def article_from_page(body: bytes, url: str, published: date | None = None) -> Article:
    """The page's article; `published` (feed entry or archive date) when the page shows none."""
    declared = declared_language(body)
    if declared and declared != "de":
        raise LagebildSkip(ErrorCode.E110, url, lang=declared)
    try:
        article = article_from_html(decode(body, url), article_id(url), url)
    except LagebildError as error:
        if error.code is ErrorCode.E005:
            raise LagebildSkip(ErrorCode.E111, url, detail="no article text") from error
        raise
    words = len(article.text.split())
    if words < MIN_ARTICLE_WORDS:
        raise LagebildSkip(ErrorCode.E111, url, detail=f"{words} words of text")
    language = identify_language(article.text)
    if language != "de":
        raise LagebildSkip(ErrorCode.E110, url, lang=language)
    article.url = url
    article.published = article.published or published
    article.outlet = article.outlet or urlsplit(url).hostname
    return article


def declared_language(body: bytes) -> str | None:
    """The language the page declares on its <html> element, if any (cheap, before extraction)."""
    found = HTML_LANG.search(body[:4096])
    return found.group(1).decode("ascii").lower() if found else None


def without_left_out(items: Iterable[Item], left_out: Counter[str]) -> Iterator[Item]:
    """The items less the pages left out (LagebildSkip), which are counted by code in `left_out`."""
    for item in items:
        if isinstance(item, LagebildSkip):
            left_out[item.code.name] += 1
        else:
            yield item
