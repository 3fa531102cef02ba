"""Place names for the matcher: the cities and provinces where ROR places the organisations of the screened countries.

Usage:
    python tools/screening_places.py --ror PATH [--out assessments/data/scripts/places.json] [--check]

PATH is a folder of ROR records (a checkout of https://github.com/ror-community/ror-records) or a ROR
dump (.json or .zip), read as tools/ror_aliases.py reads it. ROR (the Research Organization Registry) is
CC0 1.0; the place names in its records come from GeoNames (https://www.geonames.org; the records'
addresses carry "Data from geonames.org under a CC-BY 3.0 license"). The tool keeps the one-word names
(after the screening normaliser) of the cities and first-level divisions of the records located in the
countries below, five letters or more (shorter words are matched exactly anyway).

Why: a place name spelled right is not a typing error of another place name one letter away ("Henan"
and "Hunan", "Changshu" and "Changsha", "Nanchang" and "Nanhang"): the matcher reads a typed word that is
a known place name exactly (assessments/screening/index.py).

--check: exit 1 when the output differs from what the data gives (nothing written).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
for folder in (ROOT, ROOT / "tools"):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))

import assessments  # noqa: E402
from assessments.screening.normalize import GENERIC, tokens  # noqa: E402

OUT = ROOT / "assessments" / "data" / "scripts" / "places.json"
COUNTRIES = ("BY", "CN", "HK", "IR", "KP", "RU")
MIN_LEN = 5
# GeoNames writes some divisions with their kind ("Jinan Shi", "Moskovskaya Oblast'"): the name without it.
_KIND_WORDS = frozenset({"shi", "sheng", "xian", "qu", "oblast", "oblast'", "krai", "kray", "respublika", "ostan",
                         "province", "city", "municipality", "autonomous", "region", "okrug", "zizhiqu"})


def _read(path: Path) -> list[dict[str, Any]]:
    from ror_aliases import read_ror_raw  # noqa: PLC0415 - the one ROR reader (tools/ is on sys.path)

    return list(read_ror_raw(path).values())


def places_of(rec: dict[str, Any]) -> tuple[set[str], list[str]]:
    """(country codes, place names) of one raw ROR record, either schema."""
    countries: set[str] = set()
    names: list[str] = []
    for loc in rec.get("locations") or []:  # schema 2
        geo = loc.get("geonames_details") or {}
        if geo.get("country_code"):
            countries.add(geo["country_code"])
        names += [geo.get("name") or "", geo.get("country_subdivision_name") or ""]
    if rec.get("country") is not None:  # schema 1
        code = (rec.get("country") or {}).get("country_code")
        if code:
            countries.add(code)
        for addr in rec.get("addresses") or []:
            city = addr.get("geonames_city") or {}
            names += [addr.get("city") or "", city.get("city") or "",
                      (city.get("geonames_admin1") or {}).get("ascii_name") or "",
                      (city.get("geonames_admin2") or {}).get("ascii_name") or ""]
    return countries, [n for n in names if n]


def place_words(raw: list[dict[str, Any]], countries: set[str]) -> list[str]:
    found: set[str] = set()
    for rec in raw:
        where, names = places_of(rec)
        if not where & countries:
            continue
        for name in names:
            words = [w for w in name.split() if w.casefold().strip("'") not in _KIND_WORDS]
            toks = tokens(" ".join(words)) if words else ()
            if len(toks) == 1 and len(toks[0]) >= MIN_LEN and toks[0].isalpha() and toks[0] not in GENERIC:
                found.add(toks[0])
    return sorted(found)


# One-word country names that are also the name of a US state or a surname in organisations' names: no evidence
# of another country ("Georgia Institute of Technology", an honorific "Jordan").
# "Salvador" is also a Brazilian city; Macao, like Hong Kong, is read with China (the lists place its bodies there).
NOT_COUNTRY_WORDS = frozenset({"georgia", "jordan", "chad", "jersey", "guernsey", "salvador", "macao"})


def country_words() -> dict[str, str]:
    """The one-word English country names of the policy (ISO 3166-1, as the questionnaire names them),
    normalised as the matcher reads them -> their ISO code."""
    found = {}
    for code, name in sorted(assessments.load_policy().country_names.items()):
        toks = tokens(name)
        if len(code) == 2 and code.isalpha() and code.isupper() and not code.startswith("X") and \
                len(toks) == 1 and toks[0].isalpha() and toks[0] not in NOT_COUNTRY_WORDS:
            found[toks[0]] = code
    return found


def render(words: list[str], countries: dict[str, str]) -> str:
    doc = {"meta": {"about": "One-word names of the cities and first-level divisions of the organisations ROR "
                             "places in " + ", ".join(COUNTRIES) + " (normalised; written by "
                             "tools/screening_places.py from ROR, CC0 1.0, whose place names come from GeoNames, "
                             "CC BY 3.0 as the records' addresses say). The matcher reads a typed place name exactly. "
                             "countries: the one-word English country names (ISO 3166-1, from the questionnaire's "
                             "country names) and their codes: a typed name that places itself in another country "
                             "than a listed entry's is not that entry.",
                    "source": "ROR ror-community/ror-records (https://ror.org); GeoNames (https://www.geonames.org); "
                              "ISO 3166-1 through assessments/policy/countries/_names.toml",
                    "checked": "2026-12-07"},
           "places": words,
           "countries": countries}
    return json.dumps(doc, ensure_ascii=False, indent=0) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ror", type=Path, required=True)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args(argv)
    if not args.ror.exists():
        print(f"error: {args.ror}: not found", file=sys.stderr)
        return 2
    words = place_words(_read(args.ror), set(COUNTRIES))
    text = render(words, country_words())
    from ror_aliases import write_or_check  # noqa: PLC0415 - tools/ is on sys.path

    return write_or_check(args.out, text, check=args.check, wrote=f": {len(words)} place names")


if __name__ == "__main__":
    sys.exit(main())
