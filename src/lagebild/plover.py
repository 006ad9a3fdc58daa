"""The PLOVER event types: the one table (data/plover.tsv) with each type's modes, symmetry,
quad class, CAMEO code and labels. Events, store, web page, exports and benchmarks read it here.

    PLOVER_TYPES     the 16 type names in PLOVER's order (cooperation first)
    SYMMETRIC_TYPES  types whose source and target are interchangeable (unordered dyads)
    MODES            type -> its mode names
    OWN_ACT_MODES    type -> the modes that name an act of their own (see own_act in the table)
    plover_types()   type -> PloverType (labels, quad class, modes with their labels)
    cameo_code(type, mode) -> CameoCode for the GDELT export
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

TABLE = "data/plover.tsv"
TYPE_ROW = "*"
QUAD_CLASSES = (1, 2, 3, 4)
COOPERATION_QUAD_CLASSES = (1, 2)  # verbal and material cooperation; 3 and 4 are conflict
FLAGS = {"yes": True, "no": False}


class PloverTableError(ValueError):
    """data/plover.tsv breaks its own header's rules (names the line)."""


@dataclass(frozen=True)
class CameoCode:
    code: str
    goldstein: float

    @property
    def quad_class(self) -> int:
        """GDELT QuadClass from the CAMEO root: 01-05, 06-08, 09-13, 14-20."""
        root = int(self.code[:2])
        return 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4


@dataclass(frozen=True)
class Mode:
    name: str
    label_de: str
    label_en: str
    cameo: CameoCode | None  # None: the type's code
    own_act: bool  # names an act of its own: two mentions with different own-act modes are two events


@dataclass(frozen=True)
class PloverType:
    name: str
    quad_class: int
    symmetric: bool
    cameo: CameoCode
    label_de: str
    label_en: str
    modes: dict[str, Mode]

    @property
    def event_class(self) -> str:
        return "cooperation" if self.quad_class in COOPERATION_QUAD_CLASSES else "conflict"


def table_rows() -> list[tuple[int, dict[str, str]]]:
    """(line number, row) for every data line of the table."""
    text = resources.files("lagebild").joinpath(TABLE).read_text(encoding="utf-8")
    numbered = [(number, line) for number, line in enumerate(text.splitlines(), 1) if line and line[0] != "#"]
    header = numbered[0][1].split("\t")
    return [(number, dict(zip(header, line.split("\t"), strict=True))) for number, line in numbered[1:]]


def parse_cameo(row: dict[str, str], where: str) -> CameoCode | None:
    if not row["cameo_code"]:
        return None
    if not (len(row["cameo_code"]) == 3 and row["cameo_code"].isdigit()):
        raise PloverTableError(f"{where}: cameo_code must be three digits, not {row['cameo_code']!r}")
    return CameoCode(row["cameo_code"], float(row["goldstein"]))


def parse_type(row: dict[str, str], where: str) -> PloverType:
    cameo = parse_cameo(row, where)
    if cameo is None or row["symmetric"] not in FLAGS or int(row["quad_class"] or 0) not in QUAD_CLASSES:
        raise PloverTableError(f"{where}: a type row needs cameo_code, symmetric yes/no and quad_class 1-4")
    return PloverType(
        name=row["type"],
        quad_class=int(row["quad_class"]),
        symmetric=FLAGS[row["symmetric"]],
        cameo=cameo,
        label_de=row["label_de"],
        label_en=row["label_en"],
        modes={},
    )


@cache
def plover_types() -> dict[str, PloverType]:
    """Type name -> PloverType, in the table's order."""
    types: dict[str, PloverType] = {}
    for number, row in table_rows():
        where = f"{TABLE}:{number}"
        if row["mode"] == TYPE_ROW:
            types[row["type"]] = parse_type(row, where)
        elif row["type"] in types:
            if row["own_act"] not in FLAGS:
                raise PloverTableError(f"{where}: a mode row needs own_act yes/no")
            mode = Mode(row["mode"], row["label_de"], row["label_en"], parse_cameo(row, where), FLAGS[row["own_act"]])
            types[row["type"]].modes[mode.name] = mode
        else:
            raise PloverTableError(f"{where}: mode row before its type row {row['type']!r}")
    return types


def cameo_code(event_type: str, mode: str | None) -> CameoCode:
    """The mode's CAMEO code where it has its own, else the type's."""
    plover_type = plover_types()[event_type]
    found = plover_type.modes.get(mode or "")
    return found.cameo if found and found.cameo else plover_type.cameo


def event_class(event_type: str) -> str:
    """'cooperation' or 'conflict', by the type's quad class."""
    return plover_types()[event_type].event_class


PLOVER_TYPES: tuple[str, ...] = tuple(plover_types())
SYMMETRIC_TYPES: frozenset[str] = frozenset(name for name, kind in plover_types().items() if kind.symmetric)
MODES: dict[str, frozenset[str]] = {name: frozenset(kind.modes) for name, kind in plover_types().items()}
OWN_ACT_MODES: dict[str, frozenset[str]] = {
    name: frozenset(mode.name for mode in kind.modes.values() if mode.own_act) for name, kind in plover_types().items()
}
