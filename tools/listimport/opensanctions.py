"""Lists from OpenSanctions' source files: Section 1260H and 1286, the BIS MIEU list, NDAA 889 and 5949, the FCC
covered list."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from assessments.screening.normalize import normalized

from .common import csv_rows, split_aliases
from .kaist import native_for

OPENSANCTIONS_SOURCE = "opensanctions/opensanctions, {path} at f33cff23 (CC BY-NC 4.0)"


def read_1260h(path: Path, natives: dict[str, str] | None = None) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Current Section 1260H entries (with their Chinese names when known), and the removed ones."""
    recs, removed = [], []
    for row in csv_rows(path):
        name = (row.get("Clean Name") or row["Name"]).strip().rstrip("*")
        aliases = split_aliases(row.get("Alias", "")) + split_aliases(row.get("Previous Name", ""))
        native = native_for(name, natives or {})
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
    for row in csv_rows(path):
        end = (row.get("end-date") or "").strip()
        name = " ".join(row["name"].split())
        if not end or normalized(name) in current:
            continue
        out.setdefault(normalized(name), {"name": name, "aliases": split_aliases(row.get("aliases", "")),
                                          "countries": [], "removed": end,
                                          "text": f"removed from the Section 1286 list on {end}"})
    return list(out.values())


def read_mieu(path: Path) -> list[dict[str, Any]]:
    return [{"name": r["Name"].strip(), "aliases": split_aliases(r.get("Alias", "")),
             "countries": [c.strip().upper() for c in r.get("Country", "").split(";") if c.strip()], "note": ""}
            for r in csv_rows(path) if not r.get("End date")]


def read_special_leg(path: Path) -> list[dict[str, Any]]:
    return [{"name": r["name"].strip(), "aliases": split_aliases(r.get("aliases", "")),
             "countries": ["CN"], "note": ""} for r in csv_rows(path) if not r.get("end-date")]


_FCC_NAME = re.compile(r"(?:produced|provided|supplied)(?: or provided)?,?(?: directly or indirectly,)? by "
                       r"(.+?)(?:,| subject to| or any of| to the extent| including|$)")


def read_fcc(path: Path) -> list[dict[str, Any]]:
    """Company names out of the FCC's free-text entries (rows naming no company are skipped)."""
    recs = []
    for row in csv_rows(path):
        text = " ".join(row["covered_equipment_or_services"].split())
        m = _FCC_NAME.search(text)
        if not m:
            continue  # a category of equipment (foreign drones, routers), not a company
        names = [n.strip().rstrip(".") for n in re.split(r" and its wholly-owned subsidiary ", m.group(1))]
        for n in names:
            recs.append({"name": n, "aliases": [], "countries": [], "note": ""})
    return recs
