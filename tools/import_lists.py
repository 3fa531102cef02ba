"""Build the screening dataset shipped with the engine (assessments/data/lists/).

Inputs, either or both:
- the list snapshots in /work/shared/data/lists (or --shared DIR): the KAIST
  transcription, OpenSanctions source files, the OFAC SDN list of 2026-07-11
  (raw/ofac_2026/: JSON of SDN.CSV + ALT.CSV, countries from OFAC's add.csv),
  the OFAC sdn.csv of 2024-05-03 (only to find the entries removed since), and
  the Canadian Named Research Organizations page (see PROVENANCE.md there);
- official files an office downloads itself: trade.gov's Consolidated
  Screening List (--csl-csv or --csl-json) and OFAC's sdn.csv with alt.csv and
  add.csv (--ofac-sdn, --ofac-alt, --ofac-add). A list read from an official
  file replaces the same list from the snapshots.
- tools/data/curated_aliases.toml: widely used short forms of listed
  institutions (acronyms, Chinese and Russian abbreviations), each with its source.

Every list records its publication date (when the authority published the
version copied, if the copy says), its retrieval date (when the copy was
taken) and ``as_of`` (the date the copy is known current to, used for the
staleness check).

Usage:
  python tools/import_lists.py                       # snapshots -> dataset
  python tools/import_lists.py --csl-json consolidated.json --csl-date 2026-11-20
  python tools/import_lists.py --ofac-sdn sdn.csv --ofac-alt alt.csv --ofac-add add.csv --ofac-date 2026-11-20

The importer stops (exit 2, nothing written) when a list's record count drops
by more than 20% (assessments/limits.py MAX_RECORD_DROP) against the committed dataset, unless --accept-drop LIST_ID
is given after checking the source.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import hashlib
import html
import io
import json
import lzma
import re
import sys
import tomllib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from assessments.limits import MAX_RECORD_DROP  # noqa: E402
from assessments.screening.dataset import RECORD_FIELDS  # noqa: E402
from assessments.screening.normalize import NORMALIZATION_VERSION, form, normalized  # noqa: E402

DATA = Path(__file__).resolve().parent / "data"
OUT = ROOT / "assessments" / "data" / "lists"
SHARED = Path("/work/shared/data/lists")
SCHEMA_VERSION = 1
RECORDS_FILE = "records.json.xz"

# The KAIST transcription's list ids -> ours. Its Section 1260H copy truncates
# 45 names, so that list comes from the OpenSanctions file instead.
KAIST_LISTS = {
    "us-bis-entity-list": "us_bis_entity_list",
    "us-bis-military-end-user-list": "us_bis_meu",
    "us-dhs-uflpa": "us_dhs_uflpa",
    "us-ofac-ns-cmic": "us_ofac_ns_cmic",
    "us-dod-section-1286": "us_dod_1286",
    "jp-meti-end-user-list": "jp_meti_end_user_list",
}
KAIST_SOURCE = ("casslab-kaist/restricted-parties-db, public/data/restricted_parties.json at commit "
                "fcfe36f448058b38c66f833a4dc13e4ebb4e8d7a (ingested 2026-08-18)")
OPENSANCTIONS_SOURCE = "opensanctions/opensanctions, {path} at f33cff23 (CC BY-NC 4.0)"

# trade.gov CSL "source" values -> our list ids (matched on the abbreviation in parentheses).
CSL_SOURCES = {
    "SDN": "us_ofac_sdn", "EL": "us_bis_entity_list", "MEU": "us_bis_meu", "DPL": "us_bis_denied_persons",
    "UVL": "us_bis_unverified", "DTC": "us_state_itar_debarred", "ISN": "us_state_isn",
    "CMIC": "us_ofac_ns_cmic", "SSI": "us_ofac_other", "FSE": "us_ofac_other", "MBS": "us_ofac_other",
    "CAP": "us_ofac_other", "PLC": "us_ofac_other",
}

# Country names in OFAC remarks and OpenSanctions files that the ISO short names do not cover.
EXTRA_COUNTRIES = {
    "russia": "RU", "iran": "IR", "syria": "SY", "korea, north": "KP", "north korea": "KP",
    "korea, south": "KR", "south korea": "KR", "burma": "MM", "venezuela": "VE", "bolivia": "BO",
    "man, isle of": "IM", "vietnam": "VN", "laos": "LA", "moldova": "MD", "tanzania": "TZ",
    "taiwan": "TW", "congo, democratic republic of the": "CD", "congo, republic of the": "CG",
    "czech republic": "CZ", "turkey": "TR", "turkiye": "TR", "macau": "MO", "hong kong": "HK",
    "china": "CN", "west bank": "PS", "gaza": "PS", "palestinian": "PS", "kosovo": "XK",
    "region: crimea": "XC", "crimea": "XC", "bosnia and herzegovina": "BA", "cote d ivoire": "CI",
    "micronesia, federated states of": "FM", "st. kitts and nevis": "KN", "brunei": "BN",
}


class ImportError_(Exception):
    """A source file that cannot be read as its format: names the file and the fix."""


# --- entry points ----------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=SHARED, help="folder with PROVENANCE.md and raw/")
    parser.add_argument("--no-shared", action="store_true", help="use only the official files given")
    parser.add_argument("--csl-csv", type=Path, help="trade.gov consolidated.csv")
    parser.add_argument("--csl-json", type=Path, help="trade.gov consolidated.json")
    parser.add_argument("--csl-date", help="as-of date of the CSL file (YYYY-MM-DD)")
    parser.add_argument("--ofac-sdn", type=Path, help="OFAC sdn.csv")
    parser.add_argument("--ofac-alt", type=Path, help="OFAC alt.csv (aliases)")
    parser.add_argument("--ofac-add", type=Path, help="OFAC add.csv (addresses: the countries of entities)")
    parser.add_argument("--ofac-date", help="as-of date of the OFAC files (YYYY-MM-DD)")
    parser.add_argument("--retrieved", help="date the official files were downloaded (YYYY-MM-DD; default today)")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--accept-drop", action="append", default=[], metavar="LIST_ID",
                        help=f"accept a record-count drop of more than {int(MAX_RECORD_DROP * 100)}%% for this list")
    args = parser.parse_args(argv)
    try:
        lists = collect(args)
        previous = read_previous(args.out)
        lists_json, records_blob = build_dataset(lists, previous, accept_drop=set(args.accept_drop),
                                                 curated=read_curated(), strict_curated=not args.no_shared)
    except ImportError_ as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    sdn = lists.get("us_ofac_sdn", {})
    if sdn.get("people"):
        lists_json["people"], people_blob = build_people(sdn["people"], sdn["as_of"])
        write_people(args.out, people_blob)
    write_dataset(args.out, lists_json, records_blob)
    for lid, meta in lists_json["lists"].items():
        print(f"{lid:32} {meta['record_count']:6} records  as of {meta['as_of']}  "
              f"(published {meta['published'] or 'not stated'}, retrieved {meta['retrieved'] or 'not stated'})")
    print(f"wrote {args.out} ({len(records_blob):,} bytes of records)")
    return 0


def collect(args: argparse.Namespace) -> dict[str, dict[str, Any]]:
    """All lists from the chosen inputs: {list_id: {"as_of", "source", "records"}}."""
    lists: dict[str, dict[str, Any]] = {}
    retrieved = _date(args.retrieved, "--retrieved") if args.retrieved else dt.date.today().isoformat()
    previous_sdn = None
    if not args.no_shared:
        if not (args.shared / "raw").is_dir():
            raise ImportError_(f"{args.shared}/raw: not found; pass --shared DIR, or --no-shared with official files")
        lists.update(from_snapshots(args.shared))
    previous_sdn = lists.get("us_ofac_sdn")
    for path, reader in ((args.csl_csv, read_csl_csv), (args.csl_json, read_csl_json)):
        if path:
            official = group_official(reader(path), _date(args.csl_date, "--csl-date"),
                                      f"trade.gov Consolidated Screening List file {path.name}")
            for entry in official.values():
                entry.update(published=entry["as_of"], retrieved=retrieved)
            lists.update(official)
    if args.ofac_sdn:
        if not args.ofac_alt:
            raise ImportError_("--ofac-sdn needs --ofac-alt: OFAC publishes the aliases in alt.csv")
        as_of = _date(args.ofac_date, "--ofac-date")
        files = ", ".join(p.name for p in (args.ofac_sdn, args.ofac_alt, args.ofac_add) if p)
        lists["us_ofac_sdn"] = {
            "as_of": as_of, "published": as_of, "retrieved": retrieved,
            "source": f"OFAC official files {files}",
            "records": read_ofac(args.ofac_sdn, args.ofac_alt, args.ofac_add),
            "people": read_ofac_people(args.ofac_sdn, args.ofac_alt),
        }
    if not lists:
        raise ImportError_("no input: give --shared DIR or official files (--csl-csv/--csl-json/--ofac-sdn)")
    if previous_sdn:
        sdn = lists["us_ofac_sdn"]
        ids = {r["uid"] for r in sdn["records"] if r.get("uid")}
        sdn["former"] = sdn_removals(previous_sdn["previous_copy"], sdn["records"], ids,
                                     previous_sdn["previous_date"], sdn["as_of"])
    return lists


# --- snapshot readers (the committed dataset) -------------------------------

OFAC_2026 = "ofac_2026"
OFAC_SDN_2026 = "ofac_sdn_2026-07-11.json"
OFAC_ADD_2026 = "ofac_add_2026-06-02.csv"
OFAC_SDN_2024 = "ofac_sdn_2024-05-03.csv"
# The Syria sanctions program ended on 2025-06-30 (Executive Order 14312): OFAC removed its
# designations (among them the Central Bank of Syria) from the SDN list that day.
SYRIA_REMOVAL = ("SYRIA", "2025-06-30")


def from_snapshots(shared: Path) -> dict[str, dict[str, Any]]:
    """Every list from the snapshots. Dates: ``published`` by the authority (None when the copy does
    not say), ``retrieved`` when the copy was taken, ``as_of`` the date the copy is known current to."""
    raw = shared / "raw"
    os_dir = raw / "opensanctions"
    kaist = raw / "kaist_restricted_parties_2026-08-18.json"
    out: dict[str, dict[str, Any]] = {}
    for lid, recs in read_kaist(kaist).items():
        out[lid] = {"as_of": "2026-08-18", "published": None, "retrieved": "2026-08-18", "source": KAIST_SOURCE,
                    "records": recs}
    current_1286 = {normalized(r["name"]) for r in out["us_dod_1286"]["records"]}
    out["us_dod_1286"]["former"] = read_1286_removed(os_dir / "section_1286.csv", current_1286)
    recs_1260h, former_1260h = read_1260h(os_dir / "section_1260h.csv", kaist_natives(kaist, "us-dod-section-1260h"))
    out["us_dod_1260h"] = {
        "as_of": "2026-06-08", "published": "2026-06-08", "retrieved": None,
        "source": OPENSANCTIONS_SOURCE.format(path="datasets/us/dod_chinese_milcorps/sanctions.csv")
        + "; Chinese names from " + KAIST_SOURCE,
        "records": recs_1260h, "former": former_1260h,
    }
    out["us_bis_mieu"] = {
        "as_of": "2026-07-27", "published": "2026-07-27", "retrieved": None,
        "source": OPENSANCTIONS_SOURCE.format(path="datasets/us/bis_mieu/mieu.csv"),
        "records": read_mieu(os_dir / "bis_mieu.csv"),
    }
    # These two lists are fixed by statute: their as-of date is the enactment date.
    for lid, name, enacted in (("us_ndaa_889", "section_889.csv", "2018-08-13"),
                               ("us_ndaa_5949", "section_5949.csv", "2022-12-23")):
        out[lid] = {
            "as_of": enacted, "published": enacted, "retrieved": None,
            "source": OPENSANCTIONS_SOURCE.format(path=f"datasets/us/special_leg/source_files/{name}"),
            "records": read_special_leg(os_dir / name),
        }
    out["us_fcc_covered_list"] = {
        "as_of": "2026-07-28", "published": "2026-07-28", "retrieved": None,
        "source": "opensanctions/opensanctions, datasets/us/fcc_covered_list/table.csv at f33cff23 "
                  "(verbatim FCC table; names extracted by this importer)",
        "records": read_fcc(os_dir / "fcc_covered_list.csv"),
    }
    # The official page was last modified 2024-04-18 (its publication date) and saved 2024-09-09; the
    # KAIST copy retrieved 2026-08-18 has the same 103 organisations, so the entries are current to then.
    out["ca_named_research_organizations"] = {
        "as_of": "2026-08-18", "published": "2024-04-18", "retrieved": "2026-08-18",
        "source": "tdhock/tdhock.github.io, assets/2024-09-09-canada-list-of-risky-research-orgs.html "
                  "(the official page, last modified 2024-04-18, saved 2024-09-09; the same 103 entries "
                  "appear in the KAIST transcription retrieved 2026-08-18, which also supplies the native names)",
        "records": read_ca_nro(raw / "ca_nro_page_2024-04-18.html", kaist),
    }
    sdn_dir = raw / OFAC_2026
    out["us_ofac_sdn"] = {
        "as_of": "2026-07-11", "published": None, "retrieved": "2026-07-11",
        "source": "haumino2/LowTrans---Hackathon, data/ofac_sdn.json at 563ca071879b39e97dfdaaeaf1882a3adc8b652e "
                  "(OFAC Sanctions List Service SDN.CSV + ALT.CSV downloaded 2026-07-11; entities only); "
                  "countries from OFAC's add.csv of about 2026-06-02 (mino6225/eurasian-risk-screener at 77f0427); "
                  "removals found against the sdn.csv of 2024-05-03 (jackdwyer/specially-designated-nationals-list "
                  "at a5ec3c5ee4aae1b36ba24897a051787ea5429d30)",
        "records": read_ofac_json(sdn_dir / OFAC_SDN_2026, sdn_dir / OFAC_ADD_2026),
        "people": read_ofac_json_people(sdn_dir / OFAC_SDN_2026),
        "previous_copy": read_ofac(raw / OFAC_SDN_2024, None),
        "previous_date": "2024-05-03",
    }
    return out


def sdn_removals(previous: list[dict[str, Any]], current: list[dict[str, Any]], current_ids: set[str],
                 previous_date: str, current_date: str) -> list[dict[str, Any]]:
    """Entities of an older SDN copy whose entry number is no longer on the list: "formerly listed".

    The removal date is known for the Syria program (ended 2025-06-30); otherwise the entry was
    removed between the two copies.
    """
    current_names = {normalized(n) for r in current for n in (r["name"], *r["aliases"])}
    out = []
    for rec in previous:
        if rec.get("uid") in current_ids or rec.get("type"):
            continue
        if normalized(rec["name"]) in current_names:
            continue  # listed again under another entry number
        programs = [p.strip() for p in rec.get("programs", "").replace("]", "").split("[")]
        if SYRIA_REMOVAL[0] in programs:
            removed, text = SYRIA_REMOVAL[1], f"removed from the SDN list on {SYRIA_REMOVAL[1]} " \
                "(end of the Syria sanctions program, Executive Order 14312)"
        else:
            removed, text = "", f"removed from the SDN list between {previous_date} and {current_date} " \
                f"(in the copy of {previous_date}, not in that of {current_date})"
        out.append({"name": rec["name"], "aliases": rec["aliases"], "countries": rec["countries"],
                    "removed": removed, "text": text})
    return out


def korean_countries() -> dict[str, str]:
    return json.loads((DATA / "korean_country_names_to_iso2.json").read_text("utf-8"))


_HANGUL = re.compile("[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]")
_DASH = " - "
_GROUP_HEAD = re.compile(r"\s*(?:,\s*)?(?:and affiliates|select affiliates)\s*:?\s*$", re.I)
_SUBORDINATE = re.compile(r"^(.*?)\.?\s*Subordinate Institution$", re.I)
_FORMERLY = re.compile(r"^(?:formerly|previously|f\.?k\.?a\.?)\s+", re.I)


def kaist_countries(values: Iterable[str], where: str, names: dict[str, str]) -> list[str]:
    codes: list[str] = []
    for value in values:
        for raw in value.split("/"):
            part = raw.strip()
            if not part:
                continue
            if part not in names:
                raise ImportError_(f"{where}: Korean country name {part!r} is not in "
                                   "tools/data/korean_country_names_to_iso2.json; add its ISO code there")
            if names[part] not in codes:
                codes.append(names[part])
    return codes


def split_packed(name: str, aliases: list[str], native: str = "") -> list[dict[str, Any]]:
    """Unpack a KAIST name that joins several names with " - ".

    Returns one or more records (name, aliases, note). Three shapes occur:
    "Parent. Subordinate Institution - Unit" (the Entity List's sub-units),
    "Head and affiliates - A - B" (a group: one record per part), and
    "Name - Alias - Alias" (first part is the name, "Formerly X" an alias).
    """
    own = [*aliases, native] if native else list(aliases)
    if _DASH not in name:
        return [{"name": name, "aliases": own, "note": ""}]
    parts = [p.strip() for p in name.split(_DASH) if p.strip()]
    head, rest = parts[0], parts[1:]
    sub = _SUBORDINATE.match(head)
    if sub:
        parent, unit = sub.group(1).strip(), " ".join(rest)
        # The native name of these rows is the parent's, so it is left out here.
        return [{"name": unit, "aliases": [f"{parent} {unit}", *aliases],
                 "note": f"Subordinate institution of {parent}"}]
    if _GROUP_HEAD.search(head):
        parent = _GROUP_HEAD.sub("", head).strip()
        out = [{"name": parent, "aliases": own, "note": ""}]
        out += [{"name": p, "aliases": [], "note": f"Listed as an affiliate of {parent}"} for p in rest]
        return out
    if normalized(head) == "" or head.lower().startswith("federal state budgetary educational institution"):
        head, rest = rest[0], rest[1:]  # the first part is only a legal form
    return [{"name": head, "aliases": [_FORMERLY.sub("", p) for p in rest] + own, "note": ""}]


def read_kaist(path: Path) -> dict[str, list[dict[str, Any]]]:
    try:
        rows = json.loads(path.read_text("utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ImportError_(f"{path}: cannot read the KAIST JSON ({exc})") from None
    names = korean_countries()
    out: dict[str, list[dict[str, Any]]] = {lid: [] for lid in KAIST_LISTS.values()}
    for i, row in enumerate(rows):
        lid = KAIST_LISTS.get(row["source"]["list_id"])
        if lid is None:
            continue
        where = f"{path.name} record {i} ({row['id']})"
        english = " ".join(row["name"]["english"].split())
        native = " ".join(row["name"].get("native", "").split())
        aliases = [" ".join(a.split()) for a in row.get("aliases", []) if a.strip()]
        # "native" is sometimes the Korean rendering of the name, not the entity's own script.
        if _HANGUL.search(native) or native == english:
            native = ""
        countries = kaist_countries(row.get("countries", []), where, names)
        if lid == "us_bis_meu" and _DASH in english:
            # AECC and AVIC rows list a group's companies: one record per company.
            parts = [p.strip() for p in english.split(_DASH) if p.strip()]
            out[lid] += [{"name": p, "aliases": [], "countries": countries, "note": ""} for p in parts]
            continue
        for rec in split_packed(english, aliases, native):
            rec["countries"] = countries
            out[lid].append(rec)
    return out


def _csv_rows(path: Path, encoding: str = "utf-8") -> list[dict[str, str]]:
    try:
        with path.open(encoding=encoding, newline="") as fh:
            return list(csv.DictReader(fh))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise ImportError_(f"{path}: cannot read as CSV ({exc})") from None


def _split_aliases(value: str) -> list[str]:
    return [a.strip() for a in re.split(r"[;|]", value or "") if a.strip()]


def kaist_natives(path: Path, list_id: str) -> dict[str, str]:
    """Native-script names the KAIST transcription gives for one list: {normal form of the English name: native}.

    Its English names are sometimes cut short, so a reader matches them as prefixes too.
    """
    out: dict[str, str] = {}
    for row in json.loads(path.read_text("utf-8")):
        native = " ".join(row["name"].get("native", "").split())
        if row["source"]["list_id"] == list_id and native and not _HANGUL.search(native):
            out[normalized(row["name"]["english"])] = native
    return out


def _native_for(name: str, natives: dict[str, str]) -> str:
    key = normalized(name)
    if key in natives:
        return natives[key]
    # A truncated English name in the KAIST copy: the longest one this name starts with (3+ words).
    best = max((k for k in natives if len(k.split()) >= 3 and key.startswith(k + " ")), key=len, default="")
    return natives.get(best, "")


def read_1260h(path: Path, natives: dict[str, str] | None = None) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Current Section 1260H entries (with their Chinese names when known), and the removed ones."""
    recs, removed = [], []
    for row in _csv_rows(path):
        name = (row.get("Clean Name") or row["Name"]).strip().rstrip("*")
        aliases = _split_aliases(row.get("Alias", "")) + _split_aliases(row.get("Previous Name", ""))
        native = _native_for(name, natives or {})
        if native and native not in aliases:
            aliases.append(native)
        if row.get("End date"):
            removed.append({"name": name, "aliases": aliases, "countries": ["CN"], "removed": row["End date"],
                            "text": f"removed from the Section 1260H list on {row['End date']}"})
            continue
        parent = (row.get("Parent Name") or "").strip()
        note = f"Subsidiary of {parent}" if parent else (row.get("Note") or "").strip()
        recs.append({"name": name, "aliases": aliases, "countries": ["CN"], "note": note})
    current = {normalized(r["name"]) for r in recs}
    return recs, [r for r in removed if normalized(r["name"]) not in current]


def read_1286_removed(path: Path, current: set[str]) -> list[dict[str, Any]]:
    """Section 1286 entries that carry an end date (left the list) and are not on the current list."""
    out: dict[str, dict[str, Any]] = {}
    for row in _csv_rows(path):
        end = (row.get("end-date") or "").strip()
        name = " ".join(row["name"].split())
        if not end or normalized(name) in current:
            continue
        out.setdefault(normalized(name), {"name": name, "aliases": _split_aliases(row.get("aliases", "")),
                                          "countries": [], "removed": end,
                                          "text": f"removed from the Section 1286 list on {end}"})
    return list(out.values())


def read_mieu(path: Path) -> list[dict[str, Any]]:
    return [{"name": r["Name"].strip(), "aliases": _split_aliases(r.get("Alias", "")),
             "countries": [c.strip().upper() for c in r.get("Country", "").split(";") if c.strip()], "note": ""}
            for r in _csv_rows(path) if not r.get("End date")]


def read_special_leg(path: Path) -> list[dict[str, Any]]:
    return [{"name": r["name"].strip(), "aliases": _split_aliases(r.get("aliases", "")),
             "countries": ["CN"], "note": ""} for r in _csv_rows(path) if not r.get("end-date")]


_FCC_NAME = re.compile(r"(?:produced|provided|supplied)(?: or provided)?,?(?: directly or indirectly,)? by "
                       r"(.+?)(?:,| subject to| or any of| to the extent| including|$)")


def read_fcc(path: Path) -> list[dict[str, Any]]:
    """Company names out of the FCC's free-text entries (rows naming no company are skipped)."""
    recs = []
    for row in _csv_rows(path):
        text = " ".join(row["covered_equipment_or_services"].split())
        m = _FCC_NAME.search(text)
        if not m:
            continue  # a category of equipment (foreign drones, routers), not a company
        names = [n.strip().rstrip(".") for n in re.split(r" and its wholly-owned subsidiary ", m.group(1))]
        for n in names:
            recs.append({"name": n, "aliases": [], "countries": [], "note": ""})
    return recs


_CA_ITEM = re.compile(r"<li><strong>(.*?)</strong>\s*\(([^)]*)\)(.*?)</li>", re.S)
_CA_ALIASES = re.compile(r"Known alias\(es\):\s*(.*?)</p>", re.S)
_CA_COUNTRIES = {"Russia": "RU", "People's Republic of China": "CN", "Iran": "IR",
                 "Democratic People's Republic of Korea": "KP"}


def read_ca_nro(path: Path, kaist: Path | None) -> list[dict[str, Any]]:
    try:
        page = path.read_text("utf-8")
    except OSError as exc:
        raise ImportError_(f"{path}: cannot read ({exc.strerror})") from None
    natives: dict[str, str] = {}
    if kaist and kaist.exists():
        for row in json.loads(kaist.read_text("utf-8")):
            native = row["name"].get("native", "")
            if row["source"]["list_id"] == "ca-ised-named-research-organizations" and native \
                    and not _HANGUL.search(native):
                natives[normalized(row["name"]["english"])] = " ".join(native.split())
    recs = []
    for raw_name, country, rest in _CA_ITEM.findall(page):
        name = html.unescape(" ".join(raw_name.split()))
        code = _CA_COUNTRIES.get(html.unescape(country.strip()).replace("\u2019", "'"))
        if code is None:
            raise ImportError_(f"{path}: country {country!r} of {name!r} is unknown; add it to _CA_COUNTRIES")
        m = _CA_ALIASES.search(rest)
        aliases = [html.unescape(a.strip()) for a in m.group(1).split(";") if a.strip()] if m else []
        if normalized(name) in natives:
            aliases.append(natives[normalized(name)])
        recs.append({"name": name, "aliases": aliases, "countries": [code], "note": ""})
    if not recs:
        raise ImportError_(f"{path}: no <li><strong>Name</strong> (Country) entries found; is this the NRO page?")
    return recs


# --- official formats --------------------------------------------------------

def country_names() -> dict[str, str]:
    text = (ROOT / "assessments/policy/countries/_names.toml").read_text("utf-8")
    names = {v.casefold(): k for k, v in tomllib.loads(text)["names"].items()}
    names.update(EXTRA_COUNTRIES)
    return names


_OFAC_AKA = re.compile(r"\b(?:a\.k\.a\.|f\.k\.a\.|n\.k\.a\.)\s+'([^']+)'")
_OFAC_COUNTRY = re.compile(r"\(([A-Z][A-Za-z ,.'-]+)\)")
_OFAC_LINKED = re.compile(r"Linked To: ([^;.]+(?:\.[^;.]+)*?)(?:;|\.$|$)")
_OFAC_COLUMNS = 12


def _read_latin1(path: Path) -> str:
    try:
        return path.read_bytes().decode("latin-1")
    except OSError as exc:
        raise ImportError_(f"{path}: cannot read ({exc.strerror})") from None


def ofac_add_countries(add: Path) -> dict[str, list[str]]:
    """OFAC's add.csv (ent_num, add_num, address, city, country, remarks): ISO codes per entry number.

    Regions ("Region: Crimea") and names without an ISO code are left out.
    """
    names = country_names()
    out: dict[str, list[str]] = {}
    for n, row in enumerate(csv.reader(io.StringIO(_read_latin1(add)))):
        if not row or row[0].strip() in ("\x1a", ""):
            continue
        if len(row) < 5:
            raise ImportError_(f"{add} line {n + 1}: expected 6 columns (ent_num, add_num, address, city, country, "
                               "remarks); is this OFAC's add.csv?")
        code = names.get(_ofac_value(row[4]).casefold())
        codes = out.setdefault(row[0].strip(), [])
        if code and code not in codes:
            codes.append(code)
    return out


def read_ofac(sdn: Path, alt: Path | None, add: Path | None = None) -> list[dict[str, Any]]:
    """Entities of OFAC's legacy sdn.csv (no header, latin-1, "-0-" = empty), aliases from alt.csv.

    Individuals, vessels and aircraft are left out: the guide screens
    organisations. Without alt.csv the "a.k.a." names in the remarks are used;
    countries come from add.csv when given, otherwise from the remarks.
    """
    countries = country_names()
    text = _read_latin1(sdn)
    aliases: dict[str, list[str]] = {}
    if alt is not None:
        for n, row in enumerate(csv.reader(io.StringIO(_read_latin1(alt)))):
            if not row or row[0].strip() == "\x1a":
                continue
            if len(row) < 4:
                raise ImportError_(f"{alt} line {n + 1}: expected 5 columns (ent_num, alt_num, alt_type, "
                                   "alt_name, alt_remarks); is this OFAC's alt.csv?")
            aliases.setdefault(row[0].strip(), []).append(_ofac_value(row[3]))
    by_uid = ofac_add_countries(add) if add is not None else None
    recs = []
    for n, row in enumerate(csv.reader(io.StringIO(text))):
        if not row or row[0].strip() in ("\x1a", ""):
            continue
        if len(row) != _OFAC_COLUMNS:
            raise ImportError_(f"{sdn} line {n + 1}: expected 12 columns, found {len(row)}; is this OFAC's sdn.csv?")
        if _ofac_value(row[2]) != "":
            continue  # individual, vessel or aircraft
        uid = row[0].strip()
        remarks = _ofac_value(row[11])
        names = [a for a in aliases.get(uid, []) if a]
        if alt is None:
            names += _OFAC_AKA.findall(remarks)
        codes: list[str] = []
        if by_uid is not None:
            codes = list(by_uid.get(uid, []))
        else:
            for c in _OFAC_COUNTRY.findall(remarks):
                code = countries.get(c.strip().casefold())
                if code and code not in codes:
                    codes.append(code)
        linked = _OFAC_LINKED.search(remarks)
        recs.append({"name": _ofac_value(row[1]), "aliases": names, "countries": codes,
                     "note": f"Linked to {linked.group(1).strip()}" if linked else "",
                     "programs": _ofac_value(row[3]), "uid": uid})
    if not recs:
        raise ImportError_(f"{sdn}: no entity rows found; is this OFAC's sdn.csv?")
    return recs


def read_ofac_json(path: Path, add: Path | None) -> list[dict[str, Any]]:
    """Entities of a JSON transcription of OFAC's SDN.CSV + ALT.CSV ({entries: [{uid, name, aliases, program,
    type}]}; type "-0-" = entity), with countries from OFAC's add.csv where the entry number matches.

    Gives the same records as read_ofac() on the official sdn.csv, alt.csv and add.csv, except the
    "Linked to" notes, which only the official remarks column carries.
    """
    try:
        data = json.loads(path.read_text("utf-8"))
        entries = data["entries"]
    except (OSError, json.JSONDecodeError, KeyError, TypeError) as exc:
        raise ImportError_(f"{path}: cannot read the OFAC SDN JSON ({exc!r}); expected {{\"entries\": [...]}}") \
            from None
    by_uid = ofac_add_countries(add) if add is not None else {}
    recs = []
    for i, e in enumerate(entries):
        if not isinstance(e, dict) or not {"uid", "name", "type"} <= set(e):
            raise ImportError_(f"{path} entry {i}: missing uid, name or type")
        if _ofac_value(e["type"]) not in ("", "entity"):
            continue
        uid = str(e["uid"]).strip()
        recs.append({"name": " ".join(e["name"].split()),
                     "aliases": [" ".join(a.split()) for a in e.get("aliases") or [] if a and a.strip()],
                     "countries": list(by_uid.get(uid, [])), "note": "", "programs": e.get("program", ""),
                     "uid": uid})
    if not recs:
        raise ImportError_(f"{path}: no entity entries found")
    return recs


def read_ofac_json_people(path: Path) -> list[dict[str, Any]]:
    """The individuals of the JSON transcription of OFAC's SDN.CSV + ALT.CSV (type "individual"):
    kept apart from the organisations, for the optional people screening only."""
    try:
        entries = json.loads(path.read_text("utf-8"))["entries"]
    except (OSError, json.JSONDecodeError, KeyError, TypeError) as exc:
        raise ImportError_(f"{path}: cannot read the OFAC SDN JSON ({exc!r})") from None
    return [{"uid": str(e["uid"]).strip(), "name": " ".join(e["name"].split()),
             "aliases": [" ".join(a.split()) for a in e.get("aliases") or [] if a and a.strip()],
             "programs": e.get("program", "")}
            for e in entries if isinstance(e, dict) and _ofac_value(str(e.get("type", ""))) == "individual"]


def read_ofac_people(sdn: Path, alt: Path | None) -> list[dict[str, Any]]:
    """The individuals of OFAC's legacy sdn.csv (SDN_Type "individual"), aliases from alt.csv."""
    aliases: dict[str, list[str]] = {}
    if alt is not None:
        for row in csv.reader(io.StringIO(_read_latin1(alt))):
            if len(row) >= 4 and row[0].strip() != "\x1a":
                aliases.setdefault(row[0].strip(), []).append(_ofac_value(row[3]))
    out = []
    for row in csv.reader(io.StringIO(_read_latin1(sdn))):
        if len(row) == _OFAC_COLUMNS and _ofac_value(row[2]).lower() == "individual":
            uid = row[0].strip()
            out.append({"uid": uid, "name": " ".join(_ofac_value(row[1]).split()),
                        "aliases": [a for a in aliases.get(uid, []) if a], "programs": _ofac_value(row[3])})
    return out


PEOPLE_FILE = "people.json.xz"
PEOPLE_FIELDS = ("id", "name", "aliases", "programs", "normalized")


def build_people(people: list[dict[str, Any]], as_of: str) -> tuple[dict[str, Any], bytes]:
    """The individuals file (a separate record kind: organisation screening never reads it) and its
    metadata for lists.json ``people``."""
    rows = []
    for p in sorted(people, key=lambda p: (p["name"], p["uid"])):
        names = [p["name"], *[a for a in p["aliases"] if a != p["name"]]]
        rows.append([f"sdn-{p['uid']}", p["name"], names[1:], p["programs"], [normalized(n) for n in names]])
    payload = {"schema": SCHEMA_VERSION, "normalization": NORMALIZATION_VERSION, "kind": "individual",
               "list": "us_ofac_sdn", "fields": list(PEOPLE_FIELDS), "records": rows}
    raw = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode()
    blob = lzma.compress(raw, preset=9 | lzma.PRESET_EXTREME)
    meta = {"file": PEOPLE_FILE, "sha256": hashlib.sha256(blob).hexdigest(), "count": len(rows),
            "list": "us_ofac_sdn", "as_of": as_of}
    return meta, blob


def write_people(out: Path, blob: bytes) -> None:
    out.mkdir(parents=True, exist_ok=True)
    (out / PEOPLE_FILE).write_bytes(blob)


def _ofac_value(value: str) -> str:
    value = value.strip()
    return "" if value == "-0-" else value


def _csl_list(source: str, where: str) -> str:
    m = re.search(r"\(([A-Z-]+)(?: List)?\)", source)
    code = m.group(1).replace("NS-", "") if m else ""
    if code not in CSL_SOURCES:
        raise ImportError_(f"{where}: unknown CSL source {source!r}; add its abbreviation to CSL_SOURCES")
    return CSL_SOURCES[code]


def read_csl_csv(path: Path) -> list[dict[str, Any]]:
    """trade.gov consolidated.csv: one row per party; alt_names and addresses joined with "; "."""
    rows = _csv_rows(path, encoding="utf-8-sig")
    if rows and not {"source", "name", "alt_names"} <= set(rows[0]):
        raise ImportError_(f"{path}: missing columns source, name or alt_names; is this the CSL consolidated.csv?")
    recs = []
    for n, row in enumerate(rows):
        countries = []
        for addr in (row.get("addresses") or "").split(";"):
            tail = addr.rsplit(",", 1)[-1].strip()
            if re.fullmatch(r"[A-Z]{2}", tail) and tail not in countries:
                countries.append(tail)
        recs.append(_csl_record(row["source"], row["name"], _split_aliases(row.get("alt_names", "")),
                                countries, row.get("type", ""), f"{path} row {n + 2}"))
    return [r for r in recs if r]


def read_csl_json(path: Path) -> list[dict[str, Any]]:
    """trade.gov consolidated.json: {"results": [{source, name, alt_names[], addresses[{country}]...}]}."""
    try:
        data = json.loads(path.read_text("utf-8-sig"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ImportError_(f"{path}: cannot read as JSON ({exc})") from None
    results = data.get("results") if isinstance(data, dict) else None
    if not isinstance(results, list):
        raise ImportError_(f"{path}: no \"results\" array; is this the CSL consolidated.json?")
    recs = []
    for n, row in enumerate(results):
        countries = []
        for addr in row.get("addresses") or []:
            code = (addr.get("country") or "").strip().upper()
            if re.fullmatch(r"[A-Z]{2}", code) and code not in countries:
                countries.append(code)
        recs.append(_csl_record(row.get("source", ""), row.get("name", ""), list(row.get("alt_names") or []),
                                countries, row.get("type") or "", f"{path} result {n}"))
    return [r for r in recs if r]


def _csl_record(source: str, name: str, aliases: list[str], countries: list[str], kind: str,  # noqa: PLR0917
                where: str) -> dict[str, Any] | None:
    """One CSL party as an importer record; None for individuals, vessels and aircraft."""
    if not name.strip():
        raise ImportError_(f"{where}: empty name")
    if kind.strip().lower() in ("individual", "vessel", "aircraft"):
        return None
    return {"list": _csl_list(source, where), "name": " ".join(name.split()),
            "aliases": [" ".join(a.split()) for a in aliases if a.strip()],
            "countries": countries, "note": ""}


def group_official(records: list[dict[str, Any]], as_of: str, source: str) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for rec in records:
        lid = rec.pop("list")
        out.setdefault(lid, {"as_of": as_of, "source": source, "records": []})["records"].append(rec)
    return out


def _date(value: str | None, flag: str) -> str:
    if not value:
        raise ImportError_(f"{flag} is required with an official file: the date the file was published")
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise ImportError_(f"{flag} {value!r}: not a date (use YYYY-MM-DD)") from None


# --- dataset ----------------------------------------------------------------

def read_previous(out: Path) -> dict[str, Any]:
    path = out / "lists.json"
    return json.loads(path.read_text("utf-8")) if path.exists() else {}


def build_dataset(lists: dict[str, dict[str, Any]], previous: dict[str, Any],
                  accept_drop: set[str] = frozenset(),  # type: ignore[assignment]
                  curated: list[dict[str, Any]] | None = None,
                  strict_curated: bool = True) -> tuple[dict[str, Any], bytes]:
    """Deduplicate and merge, check counts against the previous dataset, return (lists.json, records.json.xz)."""
    sources = tomllib.loads((DATA / "list_sources.toml").read_text("utf-8"))["lists"]
    order = [lid for lid in sources if lid in lists]
    for lid in lists:
        if lid not in sources:
            raise ImportError_(f"list {lid!r} has no metadata; add [lists.{lid}] to tools/data/list_sources.toml")
    places = {normalized(n) for n in country_names()}
    merged: dict[str, dict[str, Any]] = {}
    counts: dict[str, int] = {lid: 0 for lid in order}
    for lid in order:
        seen_in_list: set[str] = set()
        for raw in lists[lid]["records"]:
            rec = unpack_name(raw)
            key = normalized(rec["name"])
            if not key:
                continue
            entry = merged.setdefault(key, {"name": rec["name"], "aliases": [], "countries": [], "lists": [],
                                            "notes": []})
            if lid not in entry["lists"]:
                entry["lists"].append(lid)
            if entry["name"].isupper() and not rec["name"].isupper():
                # OFAC writes names in capitals: show the list's mixed-case spelling instead.
                entry["aliases"].append(entry["name"])
                entry["name"] = rec["name"]
            for spelling in [rec["name"], *rec["aliases"]]:
                alias = " ".join(spelling.split())
                if normalized(alias) in places and spelling != rec["name"]:
                    continue  # a bare place name among the aliases (an address), not a name
                if alias and alias != entry["name"] and alias not in entry["aliases"]:
                    entry["aliases"].append(alias)
            for c in rec["countries"]:
                if c not in entry["countries"]:
                    entry["countries"].append(c)
            if rec.get("note") and rec["note"] not in entry["notes"]:
                entry["notes"].append(rec["note"])
            if key not in seen_in_list:  # the same entity listed under several countries counts once
                seen_in_list.add(key)
                counts[lid] += 1
    # Entries that left a list: findable, shown as formerly listed, never counted or matched as listed.
    for lid in order:
        for raw in lists[lid].get("former", []):
            rec = unpack_name({**raw, "note": ""})
            key = normalized(rec["name"])
            if not key or lid in merged.get(key, {}).get("lists", []):
                continue
            entry = merged.setdefault(key, {"name": rec["name"], "aliases": [], "countries": [], "lists": [],
                                            "notes": []})
            for spelling in rec["aliases"]:
                alias = " ".join(spelling.split())
                if alias and alias != entry["name"] and alias not in entry["aliases"]:
                    entry["aliases"].append(alias)
            for c in rec["countries"]:
                if c not in entry["countries"]:
                    entry["countries"].append(c)
            former = [order.index(lid), raw.get("removed", ""), raw["text"]]
            if former not in entry.setdefault("former", []):
                entry["former"].append(former)
    add_curated_aliases(merged, curated or [], strict_curated)
    prev_lists = previous.get("lists", {})
    for lid in order:
        before = prev_lists.get(lid, {}).get("record_count")
        if before and counts[lid] < before * (1 - MAX_RECORD_DROP) and lid not in accept_drop:
            raise ImportError_(f"list {lid}: {counts[lid]} records against {before} in the committed dataset "
                               f"(a drop of more than {int(MAX_RECORD_DROP * 100)}%); check the source file, "
                               f"then rerun with --accept-drop {lid} if the drop is real")
    records = []
    for key, entry in sorted(merged.items()):
        rid = hashlib.sha1(key.encode()).hexdigest()[:10]
        # The normal forms of the name and aliases, so the browser need not recompute them.
        forms = [form(a) for a in [entry["name"], *entry["aliases"]]]
        row = {"id": rid, "name": entry["name"], "aliases": entry["aliases"], "countries": entry["countries"],
               "lists": [order.index(lid) for lid in entry["lists"]], "note": "; ".join(entry["notes"]),
               "normalized": forms, "former": entry.get("former", [])}
        records.append([row[field] for field in RECORD_FIELDS])
    # Each record is a row of the columns "fields" names (read by name in assessments/screening/dataset.py).
    payload = {"schema": SCHEMA_VERSION, "normalization": NORMALIZATION_VERSION, "lists": order,
               "fields": list(RECORD_FIELDS), "records": records}
    raw = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode()
    # xz: a quarter smaller than gzip, and the browser downloads it on every visit (6 MB page budget).
    blob = lzma.compress(raw, preset=9 | lzma.PRESET_EXTREME)
    meta_lists = {}
    for lid in order:
        meta = dict(sources[lid])
        meta["label"] += lists[lid].get("label_note", "")
        meta.update(as_of=lists[lid]["as_of"], published=lists[lid].get("published"),
                    retrieved=lists[lid].get("retrieved"), transcription=lists[lid]["source"],
                    record_count=counts[lid], former_count=len(lists[lid].get("former", [])),
                    previous_count=prev_lists.get(lid, {}).get("record_count", counts[lid]))
        meta_lists[lid] = meta
    version = max(m["as_of"] for m in meta_lists.values())
    lists_json = {
        "schema": SCHEMA_VERSION,
        "dataset_version": f"{version}+{hashlib.sha256(raw).hexdigest()[:8]}",
        "generated_by": "tools/import_lists.py",
        "records_file": RECORDS_FILE,
        "records_sha256": hashlib.sha256(blob).hexdigest(),
        "record_total": len(records),
        "lists": meta_lists,
    }
    return lists_json, blob


CURATED_FILE = DATA / "curated_aliases.toml"


def read_curated(path: Path = CURATED_FILE) -> list[dict[str, Any]]:
    """The curated short forms: [[alias]] tables with ``listed`` (a listed name), ``aliases`` and ``source``."""
    try:
        entries = tomllib.loads(path.read_text("utf-8")).get("alias", [])
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ImportError_(f"{path}: cannot read ({exc})") from None
    for i, e in enumerate(entries):
        if not e.get("listed") or not e.get("aliases") or not e.get("source"):
            raise ImportError_(f"{path}: alias entry {i + 1} needs listed, aliases and source")
    return entries


def add_curated_aliases(merged: dict[str, dict[str, Any]], curated: list[dict[str, Any]],
                        strict: bool = True) -> None:
    """Add each curated short form to the listed record it names (by its name or one of its aliases).

    ``strict``: an entry naming no listed record stops the import (with the full snapshots); a
    partial import from official files only skips it with a note.
    """
    by_form: dict[str, str] = {}
    for key, entry in merged.items():
        if entry["lists"]:
            for spelling in [entry["name"], *entry["aliases"]]:
                by_form.setdefault(normalized(spelling), key)
    for e in curated:
        key = by_form.get(normalized(e["listed"]))
        if key is None:
            if not strict:
                print(f"note: {CURATED_FILE.name}: {e['listed']!r} is not in this import; skipped", file=sys.stderr)
                continue
            raise ImportError_(f"{CURATED_FILE.name}: {e['listed']!r} is not a listed name or alias; "
                               "fix the entry or remove it if the entity left the lists")
        entry = merged[key]
        for alias in e["aliases"]:
            if alias != entry["name"] and alias not in entry["aliases"]:
                entry["aliases"].append(alias)


_AKA_IN_NAME = re.compile(r"\s+(?:a\.k\.a\.|f\.k\.a\.|formerly known as|also known as)\s+", re.I)
_TRAILING_PAREN = re.compile(r"\s*\(([^()]*)\)\s*$")


def unpack_name(rec: dict[str, Any]) -> dict[str, Any]:
    """Move "X a.k.a. Y" and a trailing "(ACRONYM)" out of the name into the aliases.

    Without this, "National University of Defense Technology (NUDT)" and
    "National University of Defense Technology" would be two records.
    """
    name, aliases = rec["name"], list(rec["aliases"])
    parts = _AKA_IN_NAME.split(name)
    name, aliases = parts[0].strip(), [*parts[1:], *aliases]
    m = _TRAILING_PAREN.search(name)
    if m and _TRAILING_PAREN.sub("", name).strip():
        aliases = [name, m.group(1).strip(), *aliases]
        name = _TRAILING_PAREN.sub("", name).strip()
    return {**rec, "name": name, "aliases": aliases}


def write_dataset(out: Path, lists_json: dict[str, Any], blob: bytes) -> None:
    out.mkdir(parents=True, exist_ok=True)
    (out / RECORDS_FILE).write_bytes(blob)
    (out / "records.json.gz").unlink(missing_ok=True)  # the format before 2026-11
    (out / "lists.json").write_text(json.dumps(lists_json, indent=1, ensure_ascii=False) + "\n", "utf-8")


if __name__ == "__main__":
    sys.exit(main())
