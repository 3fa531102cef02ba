"""The KAIST transcription of the restricted-party lists (one JSON file, names packed with " - ")."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from assessments.screening.normalize import normalized

from .common import DATA, ImportError_

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


def korean_countries() -> dict[str, str]:
    return json.loads((DATA / "korean_country_names_to_iso2.json").read_text("utf-8"))


HANGUL = re.compile("[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]")
DASH = " - "
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
    if DASH not in name:
        return [{"name": name, "aliases": own, "note": ""}]
    parts = [p.strip() for p in name.split(DASH) if p.strip()]
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
        if HANGUL.search(native) or native == english:
            native = ""
        countries = kaist_countries(row.get("countries", []), where, names)
        if lid == "us_bis_meu" and DASH in english:
            # AECC and AVIC rows list a group's companies: one record per company.
            parts = [p.strip() for p in english.split(DASH) if p.strip()]
            out[lid] += [{"name": p, "aliases": [], "countries": countries, "note": ""} for p in parts]
            continue
        for rec in split_packed(english, aliases, native):
            rec["countries"] = countries
            out[lid].append(rec)
    return out


def kaist_natives(path: Path, list_id: str) -> dict[str, str]:
    """Native-script names the KAIST transcription gives for one list: {normal form of the English name: native}.

    Its English names are sometimes cut short, so a reader matches them as prefixes too.
    """
    out: dict[str, str] = {}
    for row in json.loads(path.read_text("utf-8")):
        native = " ".join(row["name"].get("native", "").split())
        if row["source"]["list_id"] == list_id and native and not HANGUL.search(native):
            out[normalized(row["name"]["english"])] = native
    return out


def native_for(name: str, natives: dict[str, str]) -> str:
    key = normalized(name)
    if key in natives:
        return natives[key]
    # A truncated English name in the KAIST copy: the longest one this name starts with (3+ words).
    best = max((k for k in natives if len(k.split()) >= 3 and key.startswith(k + " ")), key=len, default="")
    return natives.get(best, "")
