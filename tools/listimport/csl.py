"""trade.gov's Consolidated Screening List (consolidated.csv or consolidated.json)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from .common import ImportError_, csv_rows, split_aliases

# trade.gov CSL "source" values -> our list ids (matched on the abbreviation in parentheses).
CSL_SOURCES = {
    "SDN": "us_ofac_sdn", "EL": "us_bis_entity_list", "MEU": "us_bis_meu", "DPL": "us_bis_denied_persons",
    "UVL": "us_bis_unverified", "DTC": "us_state_itar_debarred", "ISN": "us_state_isn",
    "CMIC": "us_ofac_ns_cmic", "SSI": "us_ofac_other", "FSE": "us_ofac_other", "MBS": "us_ofac_other",
    "CAP": "us_ofac_other", "PLC": "us_ofac_other",
}


def _csl_list(source: str, where: str) -> str:
    m = re.search(r"\(([A-Z-]+)(?: List)?\)", source)
    code = m.group(1).replace("NS-", "") if m else ""
    if code not in CSL_SOURCES:
        raise ImportError_(f"{where}: unknown CSL source {source!r}; add its abbreviation to CSL_SOURCES")
    return CSL_SOURCES[code]


def read_csl_csv(path: Path) -> list[dict[str, Any]]:
    """trade.gov consolidated.csv: one row per party; alt_names and addresses joined with "; "."""
    rows = csv_rows(path, encoding="utf-8-sig")
    if rows and not {"source", "name", "alt_names"} <= set(rows[0]):
        raise ImportError_(f"{path}: missing columns source, name or alt_names; is this the CSL consolidated.csv?")
    recs = []
    for n, row in enumerate(rows):
        countries = []
        for addr in (row.get("addresses") or "").split(";"):
            tail = addr.rsplit(",", 1)[-1].strip()
            if re.fullmatch(r"[A-Z]{2}", tail) and tail not in countries:
                countries.append(tail)
        recs.append(_csl_record(row["source"], row["name"], split_aliases(row.get("alt_names", "")),
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


def _csl_record(source: str, name: str, aliases: list[str], countries: list[str], party_type: str,  # noqa: PLR0917
                where: str) -> dict[str, Any] | None:
    """One CSL party as an importer record; None for individuals, vessels and aircraft."""
    if not name.strip():
        raise ImportError_(f"{where}: empty name")
    if party_type.strip().lower() in ("individual", "vessel", "aircraft"):
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
