"""Which listed universities and defence-industry records have no native-script or brand alias yet.

Usage:
    python tools/screening_coverage.py [--list us_dod_1286 ...] [--missing] [--json | --csv]

A researcher often types a partner's name in its own script (哈尔滨工业大学, МФТИ, بانک ملی,
조선무역은행) or by its brand (Hikvision, Sugon). The matcher finds such a name only when the
record carries an alias of that kind (from the list or from tools/data/curated_aliases.toml).
This tool reports, for the sets where that matters most, how many records have one, so that
coverage can grow deliberately:
- DoD Section 1286 (every record: universities and research institutes);
- DoD Section 1260H (every record: Chinese military companies);
- the BIS Entity List and the OFAC SDN list: records whose name marks a university, research
  body or defence-industry organisation (the words in SET_WORDS).

A record has a native-script alias when an alias is written in the script of one of its
countries (China, Hong Kong, Macao, Taiwan: Chinese characters; Russia and Belarus: Cyrillic; Iran:
Persian script; North Korea: Hangul); for other countries any non-Latin alias counts. It has a
brand alias when an alias is a curated alias, or one or two words naming neither a kind of body
nor a legal form and not an acronym in capitals (as "Hikvision", "Sugon", "Face++").
The figures go to the standard output; nothing is written.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assessments.screening.dataset import Record, records  # noqa: E402
from assessments.screening.normalize import COMPANY_FORMS, GENERIC, TYPE_WORDS, tokens  # noqa: E402
from assessments.screening.scripts import script_of  # noqa: E402

CURATED = ROOT / "tools" / "data" / "curated_aliases.toml"
WHOLE_LISTS = ("us_dod_1286", "us_dod_1260h")
FILTERED_LISTS = ("us_bis_entity_list", "us_ofac_sdn")
SETS = WHOLE_LISTS + FILTERED_LISTS
SET_WORDS = re.compile(
    r"\b(universit\w*|institut\w*|academ\w*|college|laborator\w*|research|scientific|polytechnic|school|"
    r"aerospace|aviation|aeronautic\w*|aircraft|missile\w*|rocket|defen[cs]e|military|army|navy|naval|ordnance|"
    r"munitions?|shipbuilding|shipyard|nuclear|atomic|radar|weapons?|armament|space|satellite|"
    r"electronics technology|design bureau|concern|industries organi[sz]ation)\b", re.IGNORECASE)
COUNTRY_SCRIPT = {"CN": "han", "HK": "han", "MO": "han", "TW": "han", "RU": "cyrillic", "BY": "cyrillic",
                  "IR": "arabic", "KP": "hangul"}
SCRIPT_LABEL = {"han": "Chinese characters", "cyrillic": "Cyrillic", "arabic": "Persian script", "hangul": "Hangul",
                "latin": "Latin", "any": "any non-Latin script"}


def curated_aliases(path: Path = CURATED) -> set[str]:
    """Every alias in the curated file (tools/data/curated_aliases.toml), as written."""
    import tomllib  # noqa: PLC0415

    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return {a for entry in data.get("alias", []) for a in entry.get("aliases", [])}


def in_set(rec: Record, lid: str) -> bool:
    if lid not in rec.lists:
        return False
    return lid in WHOLE_LISTS or any(SET_WORDS.search(n) for n in (rec.name, *rec.aliases))


def wanted_scripts(rec: Record) -> set[str]:
    """The scripts a native alias of this record would be written in (empty: any non-Latin one)."""
    return {COUNTRY_SCRIPT[c] for c in rec.countries if c in COUNTRY_SCRIPT}


def native_aliases(rec: Record) -> list[str]:
    want = wanted_scripts(rec)
    found = []
    for a in rec.aliases:
        s = script_of(a)
        if s != "latin" and (not want or s in want):
            found.append(a)
    return found


def is_brand(alias: str, rec: Record, curated: set[str]) -> bool:
    if alias in curated and script_of(alias) == "latin":
        return True
    if script_of(alias) != "latin" or alias == rec.name:
        return False
    words = alias.split()
    if not 1 <= len(words) <= 2 or (alias.isupper() and len(alias.replace(" ", "")) <= 6):
        return False
    toks = tokens(alias)
    return bool(toks) and not any(t in GENERIC or t in TYPE_WORDS or t in COMPANY_FORMS for t in toks) and \
        not any(w.lower().strip(".,") in COMPANY_FORMS for w in words)


def coverage(lists: tuple[str, ...] = SETS) -> dict[str, Any]:
    """Per set: records, with a native alias, with a brand alias, and the records with neither."""
    curated = curated_aliases()
    out: dict[str, Any] = {}
    for lid in lists:
        rows = []
        for rec in records():
            if not in_set(rec, lid):
                continue
            native = native_aliases(rec)
            brands = [a for a in rec.aliases if is_brand(a, rec, curated)]
            want = wanted_scripts(rec)
            rows.append({"id": rec.id, "name": rec.name, "countries": list(rec.countries),
                         "native_script": " or ".join(SCRIPT_LABEL[s] for s in sorted(want)) if want
                         else SCRIPT_LABEL["any"],
                         "native_aliases": native, "brand_aliases": brands})
        out[lid] = {
            "records": len(rows),
            "with_native_alias": sum(bool(r["native_aliases"]) for r in rows),
            "with_brand_alias": sum(bool(r["brand_aliases"]) for r in rows),
            "with_neither": sum(not r["native_aliases"] and not r["brand_aliases"] for r in rows),
            "rows": rows,
        }
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--list", action="append", choices=SETS, help="only these lists (repeatable)")
    parser.add_argument("--missing", action="store_true", help="name the records without a native-script alias")
    out_format = parser.add_mutually_exclusive_group()
    out_format.add_argument("--json", action="store_true", help="everything as JSON")
    out_format.add_argument("--csv", action="store_true", help="one row per record without a native-script alias")
    args = parser.parse_args(argv)
    report = coverage(tuple(args.list) if args.list else SETS)
    if args.json:
        json.dump(report, sys.stdout, ensure_ascii=False, indent=1)
        print()
        return 0
    if args.csv:
        out = csv.writer(sys.stdout, lineterminator="\n")
        out.writerow(["list", "record_id", "name", "countries", "native_script_wanted", "brand_aliases"])
        for lid, fig in report.items():
            for r in fig["rows"]:
                if not r["native_aliases"]:
                    out.writerow([lid, r["id"], r["name"], " ".join(r["countries"]), r["native_script"],
                                  "; ".join(r["brand_aliases"])])
        return 0
    print(f"{'list':22} {'records':>7} {'native alias':>13} {'brand alias':>12} {'neither':>8}")
    for lid, fig in report.items():
        n = fig["records"] or 1
        print(f"{lid:22} {fig['records']:7} {fig['with_native_alias']:6} ({fig['with_native_alias'] / n:4.0%}) "
              f"{fig['with_brand_alias']:5} ({fig['with_brand_alias'] / n:4.0%}) {fig['with_neither']:8}")
    if args.missing:
        for lid, fig in report.items():
            print(f"\n{lid}: no alias in {'the country' + chr(39) + 's script'}:")
            for r in fig["rows"]:
                if not r["native_aliases"]:
                    brand = f" (brand: {', '.join(r['brand_aliases'])})" if r["brand_aliases"] else ""
                    print(f"  {r['name']} [{' '.join(r['countries']) or '?'}; wants {r['native_script']}]{brand}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
