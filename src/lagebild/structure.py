"""Structure: split the article into blocks and recognise their roles.

Steps, in order:
1. blocks: every non-blank line, with character offsets;
2. roles: headline, date line, photo caption (by wording, or by the credit line after
   it), boilerplate, rights notices (whole blocks, or spans inside a block);
3. duplicates: a block whose text repeats an earlier one is marked, never deleted;
4. dateline: place, date and agency at the start of one of the first paragraphs;
5. article date: kept if given, else from a date line, the dateline or boilerplate;
6. title: kept if given, else the headline's text.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from importlib import resources

from lagebild.calendar_de import DAY_MONTH_NAME, date_from_match, find_full_date
from lagebild.document import Article, Block, BlockKind, Dateline
from lagebild.lang import DEFAULT_LANGUAGE, parse_yaml

HEADLINE_MAX_WORDS = 30
DATELINE_SEARCH_BLOCKS = 4  # a dateline opens one of the first body paragraphs


@dataclass(frozen=True)
class StructurePatterns:
    caption: tuple[re.Pattern[str], ...]
    photo_credit: tuple[re.Pattern[str], ...]
    rights: tuple[re.Pattern[str], ...]
    boilerplate: tuple[re.Pattern[str], ...]
    dateline: tuple[re.Pattern[str], ...]
    leading_stamp: re.Pattern[str]
    photo_label: re.Pattern[str]
    credit_words: frozenset[str]


@cache
def load_patterns(language: str = DEFAULT_LANGUAGE) -> StructurePatterns:
    raw = parse_yaml(resources.files("lagebild").joinpath(f"data/{language}/structure.yaml").read_text("utf-8"))

    def compile_all(key: str, flags: int = re.I) -> tuple[re.Pattern[str], ...]:
        return tuple(re.compile(pattern, flags) for pattern in raw[key])

    return StructurePatterns(
        caption=compile_all("caption"),
        photo_credit=compile_all("photo_credit"),
        rights=compile_all("rights"),
        boilerplate=compile_all("boilerplate"),
        dateline=compile_all("dateline", flags=0),
        leading_stamp=re.compile(raw["leading_stamp"]),
        photo_label=re.compile(raw["photo_label"], re.I),
        credit_words=frozenset(raw["credit_words"]),
    )


class StructureStage:
    name = "structure"
    requires = ("text",)
    assigns = ("blocks", "dateline", "notices", "published", "title")  # published: detected when the input lacks it

    def __init__(self, language: str = DEFAULT_LANGUAGE) -> None:
        self.patterns = load_patterns(language)

    def __call__(self, article: Article) -> Article:
        article.blocks = split_blocks(article.text)
        classify_blocks(article, self.patterns)
        mark_duplicates(article)
        article.notices = find_rights_notices(article, self.patterns)
        article.dateline = find_dateline(article, self.patterns)
        if article.published is None:
            article.published = detect_article_date(article)
        if article.dateline and article.dateline.date is None:
            article.dateline.date = dateline_date(article)
        if article.title is None:
            article.title = headline_text(article)
        return article


def headline_text(article: Article) -> str | None:
    for block in article.blocks:
        if block.kind == BlockKind.HEADLINE:
            return article.text[block.start : block.end]
    return None


def split_blocks(text: str) -> list[Block]:
    blocks = []
    for match in re.finditer(r"[^\n]+", text):
        stripped = match.group().strip()
        if not stripped:
            continue
        start = match.start() + (len(match.group()) - len(match.group().lstrip()))
        blocks.append(Block(BlockKind.PARAGRAPH, start, start + len(stripped)))
    return blocks


def classify_blocks(article: Article, patterns: StructurePatterns) -> None:
    texts = [article.text[block.start : block.end] for block in article.blocks]
    for index, (block, text) in enumerate(zip(article.blocks, texts, strict=True)):
        caption_start = labelled_caption_start(text, patterns)
        if caption_start is not None:
            block.kind = BlockKind.CAPTION
            block.start += caption_start  # the caption's text, without its label
        elif any(p.search(text) for p in patterns.photo_credit) or is_boilerplate(text, patterns):
            block.kind = BlockKind.BOILERPLATE
            if index > 0 and any(p.search(text) for p in patterns.photo_credit):
                previous = article.blocks[index - 1]
                if previous.kind == BlockKind.PARAGRAPH:
                    previous.kind = BlockKind.CAPTION
        elif is_date_line(text):
            block.kind = BlockKind.DATE
        elif any(p.search(text) for p in patterns.caption):
            block.kind = BlockKind.CAPTION
        elif is_rights_only(text, patterns):
            block.kind = BlockKind.RIGHTS
    headline = first_content_block(article.blocks)
    if headline is not None and is_headline(texts[headline], article.blocks, headline):
        article.blocks[headline].kind = BlockKind.HEADLINE


CAPTION_END = re.compile(r"[.!?][\"“”»«')]*$")


def labelled_caption_start(text: str, patterns: StructurePatterns) -> int | None:
    """Where the caption starts in a block opened by a photo label ("Foto: Demonstranten in Minsk am
    Sonntag."); None when there is no label or a credit follows it ("Foto: dpa", "Bild: Keystone / Peter
    Klaunzer"). A caption is a sentence: it ends with a sentence mark and has a lowercase word that is no
    agency or credit connector."""
    label = patterns.photo_label.match(text)
    if label is None:
        return None
    rest = text[label.end() :]
    words = re.findall(r"[^\W\d_]+", rest)
    own_words = [word for word in words if word.islower() and word not in patterns.credit_words]
    return label.end() if own_words and CAPTION_END.search(rest) else None


def is_boilerplate(text: str, patterns: StructurePatterns) -> bool:
    return any(p.search(text) for p in patterns.boilerplate)


def is_rights_only(text: str, patterns: StructurePatterns) -> bool:
    remainder = text
    for pattern in patterns.rights:
        remainder = pattern.sub("", remainder)
    return bool(remainder != text and not re.search(r"\w{3,}", re.sub(r"[().,;]", "", remainder)))


def is_date_line(text: str) -> bool:
    found = find_full_date(text)
    if not found:
        return False
    match, _ = found
    rest = (text[: match.start()] + text[match.end() :]).strip(" ,.-–")
    return len(rest.split()) <= 2


def first_content_block(blocks: list[Block]) -> int | None:
    for index, block in enumerate(blocks):
        if block.kind == BlockKind.PARAGRAPH:
            return index
    return None


def is_headline(text: str, blocks: list[Block], index: int) -> bool:
    """A short first block followed by more text, not itself a dateline paragraph."""
    if index == len(blocks) - 1 or len(text.split()) > HEADLINE_MAX_WORDS:
        return False
    return not (text.endswith(".") and len(text.split()) > 12)


def mark_duplicates(article: Article) -> None:
    seen: dict[str, int] = {}
    for index, block in enumerate(article.blocks):
        key = normalise_for_comparison(article.text[block.start : block.end])
        if len(key) < 20:
            continue  # short lines ("(Yonhap)") repeat without being duplicated paragraphs
        if key in seen:
            block.duplicate_of = seen[key]
        else:
            seen[key] = index


def normalise_for_comparison(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).lower()
    text = re.sub(r"[\"„“”‚‘’'«»]", "", text)
    return re.sub(r"\s+", " ", text).strip()


def find_rights_notices(article: Article, patterns: StructurePatterns) -> list[Block]:
    notices = []
    for block in article.blocks:
        text = article.text[block.start : block.end]
        for pattern in patterns.rights:
            for match in pattern.finditer(text):
                notices.append(Block(BlockKind.RIGHTS, block.start + match.start(), block.start + match.end()))
    return sorted(notices, key=lambda n: n.start)


def find_dateline(article: Article, patterns: StructurePatterns) -> Dateline | None:
    paragraphs = [b for b in article.blocks if b.kind == BlockKind.PARAGRAPH][:DATELINE_SEARCH_BLOCKS]
    for block in paragraphs:
        stamp = patterns.leading_stamp.match(article.text[block.start : block.end])
        start = block.start + (stamp.end() if stamp else 0)
        text = article.text[start : block.end]
        for pattern in patterns.dateline:
            match = pattern.match(text)
            if match:
                groups = match.groupdict()
                return Dateline(
                    start=start,
                    end=start + match.end(),
                    place=groups.get("place"),
                    date=None,
                    agency=(groups.get("agency") or "").strip() or None,
                )
    return None


def dateline_date(article: Article) -> date | None:
    """The dateline's day; a date without a year takes the year that puts it just before publication."""
    assert article.dateline is not None
    text = article.text[article.dateline.start : article.dateline.end]
    match = DAY_MONTH_NAME.search(text)
    if not match:
        return None
    if match["year"] or article.published is None:
        return date_from_match(match, default_year=None)
    for year in (article.published.year, article.published.year - 1):
        candidate = date_from_match(match, default_year=year)
        if candidate and candidate <= article.published + timedelta(days=1):
            return candidate
    return None


def detect_article_date(article: Article) -> date | None:
    """Publication date from a date line, the dateline, or a dated sign-off, in that order."""
    for kinds in ((BlockKind.DATE,), (BlockKind.BOILERPLATE,)):
        for block in article.blocks:
            if block.kind in kinds:
                found = find_full_date(article.text[block.start : block.end])
                if found:
                    return found[1]
    if article.dateline:
        found = find_full_date(article.text[article.dateline.start : article.dateline.end])
        if found:
            return found[1]
    return None
