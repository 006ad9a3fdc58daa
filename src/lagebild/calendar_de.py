"""German calendar words shared by the structure and temporal stages."""

from __future__ import annotations

import re
from datetime import date

MONTHS = {
    "januar": 1, "jänner": 1, "jan": 1, "februar": 2, "feber": 2, "feb": 2, "märz": 3, "mär": 3, "mrz": 3,
    "april": 4, "apr": 4, "mai": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "oktober": 10, "okt": 10, "november": 11, "nov": 11,
    "dezember": 12, "dez": 12,
}  # fmt: skip

WEEKDAYS = {
    "montag": 0, "dienstag": 1, "mittwoch": 2, "donnerstag": 3, "freitag": 4, "samstag": 5,
    "sonnabend": 5, "sonntag": 6,
}  # fmt: skip

MONTH_PATTERN = "|".join(sorted(MONTHS, key=len, reverse=True))

# "4. September 2023", "4. Sept.", "04.09.2023", "4.9.23"
DAY_MONTH_NAME = re.compile(rf"\b(?P<day>\d{{1,2}})\.\s*(?P<month>{MONTH_PATTERN})\.?(?:\s+(?P<year>\d{{4}}))?\b", re.I)
NUMERIC_DATE = re.compile(r"\b(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>\d{4}|\d{2})\b")


def make_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def find_full_date(text: str) -> tuple[re.Match[str], date] | None:
    """The first date in `text` that names its year ("5. september 2023", "19.06.2013")."""
    candidates = []
    for pattern in (DAY_MONTH_NAME, NUMERIC_DATE):
        for match in pattern.finditer(text):
            if match["year"]:
                candidates.append(match)
    for match in sorted(candidates, key=lambda m: m.start()):
        resolved = date_from_match(match, default_year=None)
        if resolved:
            return match, resolved
    return None


def date_from_match(match: re.Match[str], default_year: int | None) -> date | None:
    """A date from a DAY_MONTH_NAME or NUMERIC_DATE match; two-digit years are 20xx."""
    month_text = match["month"].lower()
    month = int(month_text) if month_text.isdigit() else MONTHS[month_text]
    year_text = match["year"]
    if year_text:
        year = int(year_text) + (2000 if len(year_text) == 2 else 0)
    elif default_year is not None:
        year = default_year
    else:
        return None
    return make_date(year, month, int(match["day"]))
