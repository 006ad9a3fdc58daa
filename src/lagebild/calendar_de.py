"""The German calendar (data/de/calendar.yaml), shared by the structure and temporal stages:
month and weekday names, holidays, and full dates in text."""

from __future__ import annotations

import re
from datetime import date, timedelta
from importlib import resources

from lagebild.lang import parse_yaml

CALENDAR = parse_yaml(resources.files("lagebild").joinpath("data/de/calendar.yaml").read_text("utf-8"))
MONTHS: dict[str, int] = dict(CALENDAR["months"])
WEEKDAYS: dict[str, int] = dict(CALENDAR["weekdays"])
FIXED_HOLIDAYS: dict[str, tuple[int, int]] = {k: (v[0], v[1]) for k, v in CALENDAR["fixed_holidays"].items()}
HOLIDAY_NIGHTS: dict[str, tuple[int, int]] = {k: (v[0], v[1]) for k, v in CALENDAR["holiday_nights"].items()}
EASTER_HOLIDAYS: dict[str, int] = dict(CALENDAR["easter_holidays"])
ADVENT_HOLIDAYS: dict[str, int] = dict(CALENDAR["advent_holidays"])
WEEKDAY_HOLIDAYS: dict[str, tuple[int, int, int]] = {
    k: (v[0], v[1], v[2]) for k, v in CALENDAR["weekday_holidays"].items()
}
COMMON_NOUN_HOLIDAYS = frozenset(CALENDAR["common_noun_holidays"])
FIRST_NAME_HOLIDAYS = frozenset(CALENDAR["first_name_holidays"])
SURNAME_AFTER = re.compile(r"\s+[A-ZÄÖÜ][a-zäöüß]")
BARE_HOLIDAY_OPENER = re.compile(rf"\b(?:{'|'.join(CALENDAR['bare_holiday_openers'])})\s+$", re.I)
NATIONAL_DAYS: dict[str, tuple[int, int]] = {k: (v[0], v[1]) for k, v in CALENDAR["national_days"].items()}
NATIONAL_DAY = "nationalfeiertag"
COUNTRY_STEM = re.compile(rf"\b({'|'.join(sorted(NATIONAL_DAYS, key=len, reverse=True))})", re.I)

MONTH_PATTERN = "|".join(sorted(MONTHS, key=len, reverse=True))

# "4. September 2023", "4. Sept.", "04.09.2023", "4.9.23"
DAY_MONTH_NAME = re.compile(rf"\b(?P<day>\d{{1,2}})\.\s*(?P<month>{MONTH_PATTERN})\.?(?:\s+(?P<year>\d{{4}}))?\b", re.I)
NUMERIC_DATE = re.compile(r"\b(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>\d{4}|\d{2})\b")


def make_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def easter_sunday(year: int) -> date:
    """Easter Sunday of the Gregorian calendar (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    weekday_shift = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * weekday_shift) // 451
    month, day = divmod(h + weekday_shift - 7 * m + 114, 31)
    return date(year, month, day + 1)


def national_day_country(text_before: str) -> str | None:
    """The country stem named last in `text_before` ("Österreich feiert seinen Nationalfeiertag")."""
    found = COUNTRY_STEM.findall(text_before)
    return found[-1].lower() if found else None


def holiday(name: str, year: int) -> date | None:
    """The day of a named holiday in `year` ("Pfingstmontag", "Tag der Deutschen Einheit"); a
    national day as "nationalfeiertag:<country stem>"."""
    key = " ".join(name.lower().split())
    if key.startswith(NATIONAL_DAY + ":"):
        return make_date(year, *NATIONAL_DAYS[key.split(":", 1)[1]])
    if key in FIXED_HOLIDAYS:
        return make_date(year, *FIXED_HOLIDAYS[key])
    if key in HOLIDAY_NIGHTS:
        return make_date(year, *HOLIDAY_NIGHTS[key])
    if key in EASTER_HOLIDAYS:
        return easter_sunday(year) + timedelta(days=EASTER_HOLIDAYS[key])
    if key in ADVENT_HOLIDAYS:
        return fourth_advent(year) + timedelta(days=ADVENT_HOLIDAYS[key])
    if key in WEEKDAY_HOLIDAYS:
        return nth_weekday(year, *WEEKDAY_HOLIDAYS[key])
    return None


def nth_weekday(year: int, month: int, nth: int, weekday: int) -> date | None:
    """The `nth` `weekday` (0 = Monday) of a month, -1 the last ("der dritte Sonntag im September")."""
    if nth < 0:
        last = date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
        return last - timedelta(days=(last.weekday() - weekday) % 7 + 7 * (-nth - 1))
    first = date(year, month, 1)
    day = first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
    return day if day.month == month else None


def is_holiday_reading(name: str, text_before: str, text_after: str = "") -> bool:
    """Is `name` the holiday here? One that is also a common noun only after a preposition that takes it
    bare ("an Auffahrt"; not "an der Auffahrt zur A1"); one that is also a first name not before its surname
    ("zu Nikolaus"; not "an Nikolaus Harnoncourt")."""
    folded = name.lower()
    if folded in FIRST_NAME_HOLIDAYS and SURNAME_AFTER.match(text_after):
        return False
    return folded not in COMMON_NOUN_HOLIDAYS or BARE_HOLIDAY_OPENER.search(text_before[-12:]) is not None


def fourth_advent(year: int) -> date:
    """The fourth Sunday of Advent: the last Sunday before Christmas Day."""
    christmas_eve = date(year, 12, 24)
    return christmas_eve - timedelta(days=(christmas_eve.weekday() + 1) % 7)


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
