"""countries.tsv is what scripts/build_countries.py makes, and it covers every UN member."""

from __future__ import annotations

import importlib.util
import re
import sys
from types import ModuleType

import pytest

from lagebild.entities.lexicon import read_tsv
from tests.conftest import REPO

# The 193 UN member states (ISO 3166-1 alpha-3), written out for this test.
UN_MEMBER_CODES = (
    "AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN BOL BIH BWA BRA "
    "BRN BGR BFA BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG COD CRI CIV HRV CUB CYP CZE DNK DJI "
    "DMA DOM ECU EGY SLV GNQ ERI EST SWZ ETH FJI FIN FRA GAB GMB GEO DEU GHA GRC GRD GTM GIN GNB GUY "
    "HTI HND HUN ISL IND IDN IRN IRQ IRL ISR ITA JAM JPN JOR KAZ KEN KIR PRK KOR KWT KGZ LAO LVA LBN "
    "LSO LBR LBY LIE LTU LUX MDG MWI MYS MDV MLI MLT MHL MRT MUS MEX FSM MDA MCO MNG MNE MAR MOZ MMR "
    "NAM NRU NPL NLD NZL NIC NER NGA MKD NOR OMN PAK PLW PAN PNG PRY PER PHL POL PRT QAT ROU RUS RWA "
    "KNA LCA VCT WSM SMR STP SAU SEN SRB SYC SLE SGP SVK SVN SLB SOM ZAF SSD ESP LKA SDN SUR SWE CHE "
    "SYR TJK THA TLS TGO TON TTO TUN TUR TKM TUV UGA UKR ARE GBR TZA USA URY UZB VUT VEN VNM YEM ZMB "
    "ZWE"
)
UN_MEMBERS = frozenset(re.findall(r"[A-Z]{3}", UN_MEMBER_CODES))


def load_build_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_countries", REPO / "scripts" / "build_countries.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_committed_countries_file_matches_the_build_script() -> None:
    build = load_build_script()
    assert build.OUTPUT_PATH.read_text(encoding="utf-8") == build.build_text()


def test_the_un_member_list_is_complete() -> None:
    assert len(UN_MEMBERS) == 193


@pytest.mark.parametrize("kind", ["name", "adjective", "capital"])
def test_every_un_member_has_a_name_an_adjective_and_a_capital(kind: str) -> None:
    covered = {row["iso3"] for row in read_tsv("countries.tsv") if row["kind"] == kind}
    missing = UN_MEMBERS - covered
    allowed_missing = {"KNA"} if kind == "adjective" else set()  # no German adjective in use
    assert missing <= allowed_missing, sorted(missing)


def test_most_newsworthy_states_have_curated_inhabitants() -> None:
    covered = {row["iso3"] for row in read_tsv("countries.tsv") if row["kind"] == "inhabitant"}
    assert len(covered & UN_MEMBERS) >= 120


def test_comma_names_are_skipped_and_parentheses_dropped() -> None:
    build = load_build_script()
    assert build.usable_name("Korea, Republik") is None
    assert build.usable_name("Falklandinseln (Malwinen)") == "Falklandinseln"
    assert build.usable_name("Nordkorea") == "Nordkorea"
