"""Every list from the committed snapshots' folder (``--shared DIR``: PROVENANCE.md and raw/)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from assessments.screening.normalize import normalized

from .canada import read_ca_nro
from .kaist import KAIST_SOURCE, kaist_natives, read_kaist
from .ofac import read_ofac, read_ofac_json, read_ofac_json_people
from .opensanctions import OPENSANCTIONS_SOURCE, read_1260h, read_1286_removed, read_fcc, read_mieu, read_special_leg

OFAC_2026 = "ofac_2026"
OFAC_SDN_2026 = "ofac_sdn_2026-07-11.json"
OFAC_ADD_2026 = "ofac_add_2026-06-02.csv"
OFAC_SDN_2024 = "ofac_sdn_2024-05-03.csv"


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
