"""OFAC's SDN list: the official sdn.csv, alt.csv and add.csv, a JSON transcription, its individuals, and the
entries removed between two copies."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any

from assessments.screening.normalize import normalized

from .common import ImportError_, country_names

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
        code = names.get(ofac_value(row[4]).casefold())
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
            aliases.setdefault(row[0].strip(), []).append(ofac_value(row[3]))
    by_uid = ofac_add_countries(add) if add is not None else None
    recs = []
    for n, row in enumerate(csv.reader(io.StringIO(text))):
        if not row or row[0].strip() in ("\x1a", ""):
            continue
        if len(row) != _OFAC_COLUMNS:
            raise ImportError_(f"{sdn} line {n + 1}: expected 12 columns, found {len(row)}; is this OFAC's sdn.csv?")
        if ofac_value(row[2]) != "":
            continue  # individual, vessel or aircraft
        uid = row[0].strip()
        remarks = ofac_value(row[11])
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
        recs.append({"name": ofac_value(row[1]), "aliases": names, "countries": codes,
                     "note": f"Linked to {linked.group(1).strip()}" if linked else "",
                     "programs": ofac_value(row[3]), "uid": uid})
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
        if ofac_value(e["type"]) not in ("", "entity"):
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
            for e in entries if isinstance(e, dict) and ofac_value(str(e.get("type", ""))) == "individual"]


def read_ofac_people(sdn: Path, alt: Path | None) -> list[dict[str, Any]]:
    """The individuals of OFAC's legacy sdn.csv (SDN_Type "individual"), aliases from alt.csv."""
    aliases: dict[str, list[str]] = {}
    if alt is not None:
        for row in csv.reader(io.StringIO(_read_latin1(alt))):
            if len(row) >= 4 and row[0].strip() != "\x1a":
                aliases.setdefault(row[0].strip(), []).append(ofac_value(row[3]))
    out = []
    for row in csv.reader(io.StringIO(_read_latin1(sdn))):
        if len(row) == _OFAC_COLUMNS and ofac_value(row[2]).lower() == "individual":
            uid = row[0].strip()
            out.append({"uid": uid, "name": " ".join(ofac_value(row[1]).split()),
                        "aliases": [a for a in aliases.get(uid, []) if a], "programs": ofac_value(row[3])})
    return out


def ofac_value(value: str) -> str:
    value = value.strip()
    return "" if value == "-0-" else value


# The Syria sanctions program ended on 2025-06-30 (Executive Order 14312): OFAC removed its
# designations (among them the Central Bank of Syria) from the SDN list that day.
SYRIA_REMOVAL = ("SYRIA", "2025-06-30")


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
