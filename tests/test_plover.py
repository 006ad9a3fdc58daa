"""The one PLOVER table (data/plover.tsv): complete, consistent with its CAMEO codes, and the only
source of the type lists the rest of the code uses."""

from __future__ import annotations

import pytest

from lagebild import plover
from lagebild.events import lexicon
from lagebild.store import clusters, query


def test_the_table_has_sixteen_types_with_labels_and_modes() -> None:
    types = plover.plover_types()
    assert len(types) == 16 and plover.PLOVER_TYPES[0] == "AGREE" and plover.PLOVER_TYPES[-1] == "ASSAULT"
    for kind in types.values():
        assert kind.label_de and kind.label_en and kind.modes
        assert all(mode.label_de and mode.label_en for mode in kind.modes.values())


def test_a_types_quad_class_is_that_of_its_cameo_root() -> None:
    for kind in plover.plover_types().values():
        assert kind.quad_class == kind.cameo.quad_class, kind.name


@pytest.mark.parametrize(
    ("event_type", "mode", "code"),
    [("CONSULT", "visit", "042"), ("CONSULT", "meet", "040"), ("CONSULT", None, "040"), ("ASSAULT", "drone", "195")],
)
def test_a_mode_selects_its_own_cameo_code_where_it_has_one(event_type: str, mode: str | None, code: str) -> None:
    assert plover.cameo_code(event_type, mode).code == code


def test_symmetric_types_and_classes() -> None:
    assert {"CONSULT", "COOPERATE", "AGREE"} == plover.SYMMETRIC_TYPES
    assert plover.event_class("AID") == "cooperation" and plover.event_class("PROTEST") == "conflict"


def test_every_module_reads_the_one_table() -> None:
    assert set(plover.PLOVER_TYPES) == lexicon.PLOVER_TYPES and lexicon.MODES is plover.MODES
    assert query.PLOVER_TYPES is plover.PLOVER_TYPES and clusters.SYMMETRIC_TYPES is plover.SYMMETRIC_TYPES


def test_only_modes_that_name_an_act_of_their_own_split_events() -> None:
    own_acts = plover.OWN_ACT_MODES
    assert {"expel", "embargo", "tariff"} <= own_acts["SANCTION"]
    assert "sanction" not in own_acts["SANCTION"] and "repress" not in own_acts["COERCE"]
    assert not own_acts["CONSULT"]  # a visit, its meeting and its talks are one event
