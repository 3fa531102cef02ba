"""tools/ror_aliases.py: listed institutions mapped to ROR records, their other names as sourced aliases."""

from __future__ import annotations

import json
import sys
import tomllib
from pathlib import Path
from typing import Any

from assessments.screening import dataset
from assessments.screening.dataset import Record
from tests.support.hooks import load_script
from tests.support.paths import ROOT

ror = load_script("ror_aliases", ROOT / "tools" / "ror_aliases.py")


def _v2(rid: str, names: list[tuple[str, str, list[str]]], country: str = "CN",
        relationships: list[dict[str, str]] | None = None) -> dict[str, Any]:
    return {"id": f"https://ror.org/{rid}", "status": "active",
            "names": [{"value": v, "lang": lang, "types": types} for v, lang, types in names],
            "locations": [{"geonames_details": {"country_code": country}}],
            "relationships": relationships or []}


def _listed(name: str, aliases: tuple[str, ...] = (), countries: tuple[str, ...] = ("CN",),
            lists: tuple[str, ...] = ("us_dod_1286",)) -> Record:
    return Record(given_id=name[:10], name=name, aliases=aliases, countries=countries, lists=lists, note="")


DUMP = [
    _v2("01harbin", [("Harbin Polar Institute", "en", ["ror_display", "label"]), ("哈尔滨极地学院", "zh", ["label"]),
                     ("HPI", None, ["acronym"]), ("HPIX", None, ["acronym"]), ("Harbin Ice College", "en", ["alias"]),
                     ("arbin Ice College", "en", ["alias"]), ("Hikpolar (China)", "en", ["alias"])],
        relationships=[{"id": "https://ror.org/09oldname", "type": "Predecessor"}]),
    _v2("09oldname", [("Harbin Snow School", "en", ["ror_display"])],
        relationships=[{"id": "https://ror.org/01harbin", "type": "Successor"}]),
    # Another organisation with the acronym HPI: that acronym names two organisations.
    _v2("02other", [("Hamburg Physics Institute", "en", ["ror_display"]), ("HPI", None, ["acronym"])], "DE"),
    # Two ROR records share a name: the listed record that carries it is left alone.
    _v2("03twin", [("Dalian Frost University", "en", ["ror_display"]), ("大连霜大学", "zh", ["label"])]),
    _v2("04twin", [("Dalian Frost University", "en", ["ror_display"]), ("大连霜學", "zh", ["label"])]),
    # Same name, other country.
    _v2("05far", [("Kazan Ice Academy", "en", ["ror_display"]), ("Казанская ледовая академия", "ru", ["label"])], "US"),
    # A label another listed record already carries.
    _v2("06taken", [("Tomsk Glacier University", "en", ["ror_display"]), ("Tomsk Glacier U", "en", ["alias"])], "RU"),
    _v2("07bank", [("Harbin Polar Bank", "en", ["ror_display"]), ("哈尔滨极地银行", "zh", ["label"])]),
]


def _orgs() -> dict[str, Any]:
    return {o.id: o for o in map(ror.parse_org, DUMP)}


def _entries(listed: list[Record]) -> dict[str, list[str]]:
    return {e["listed"]: e["aliases"] for e in ror.build(_orgs(), listed, release="test")}


def test_a_listed_institution_gains_its_other_names_with_the_ror_id_as_source() -> None:
    entries = ror.build(_orgs(), [_listed("Harbin Polar Institute")], release="v9.9")
    assert len(entries) == 1
    entry = entries[0]
    assert entry["ror"] == "https://ror.org/01harbin"
    assert "https://ror.org/01harbin" in entry["source"] and "CC0" in entry["source"] and "v9.9" in entry["source"]
    # The native label, an unambiguous acronym, an alias, the country tag dropped, the sole predecessor's name.
    assert entry["aliases"] == ["哈尔滨极地学院", "HPIX", "Harbin Ice College", "Hikpolar", "Harbin Snow School"]


def test_an_acronym_or_name_of_two_organisations_is_never_an_alias() -> None:
    aliases = _entries([_listed("Harbin Polar Institute")])["Harbin Polar Institute"]
    assert "HPI" not in aliases  # Hamburg Physics Institute has it too
    assert "arbin Ice College" not in aliases  # a damaged entry
    # A listed record meeting two ROR records is skipped whole.
    assert "Dalian Frost University" not in _entries([_listed("Dalian Frost University")])


def test_the_country_must_agree() -> None:
    assert _entries([_listed("Kazan Ice Academy", countries=("RU",))]) == {}
    assert "Kazan Ice Academy" in _entries([_listed("Kazan Ice Academy", countries=("US",))])


def test_a_name_another_listed_record_carries_is_left_out() -> None:
    other = _listed("Tomsk Snow Institute", aliases=("Tomsk Glacier U",), countries=("RU",), lists=("us_ofac_sdn",))
    found = _entries([_listed("Tomsk Glacier University", countries=("RU",)), other])
    assert "Tomsk Glacier University" not in found  # its only other name belongs to another listed record
    assert _entries([_listed("Tomsk Glacier University", countries=("RU",))]) == {
        "Tomsk Glacier University": ["Tomsk Glacier U"]}


def test_records_outside_the_sets_are_not_mapped() -> None:
    # An SDN record whose name marks no university, research body or defence industry.
    assert _entries([_listed("Harbin Polar Institute", lists=("us_ofac_sdn",))]) != {}
    assert _entries([_listed("Harbin Polar Bank", lists=("us_ofac_sdn",))]) == {}
    on_1260h = _entries([_listed("Harbin Polar Bank", lists=("us_dod_1260h",))])
    assert on_1260h == {"Harbin Polar Bank": ["哈尔滨极地银行"]}


def test_both_schemas_and_a_folder_of_releases(tmp_path: Path) -> None:
    v1 = {"id": "https://ror.org/01harbin", "name": "Harbin Polar Institute", "aliases": ["Harbin Old Name"],
          "acronyms": ["HPIX"], "labels": [{"label": "哈尔滨极地学院", "iso639": "zh"}],
          "country": {"country_code": "CN"}, "status": "active", "relationships": []}
    org = ror.parse_org(v1)
    assert org.countries == {"CN"} and ("HPIX", "acronym") in org.names and ("Harbin Old Name", "name") in org.names
    (tmp_path / "v1.9").mkdir()
    (tmp_path / "v1.10").mkdir()
    (tmp_path / "v1.9" / "01harbin.json").write_text(json.dumps(v1), "utf-8")
    later = DUMP[0]
    (tmp_path / "v1.10" / "01harbin.json").write_text(json.dumps(later), "utf-8")
    orgs = ror.read_ror(tmp_path)
    assert orgs["https://ror.org/01harbin"].names == ror.parse_org(later).names  # v1.10 is later than v1.9


def test_the_file_written_is_what_the_importer_reads(tmp_path: Path) -> None:
    dump = tmp_path / "dump.json"
    dump.write_text(json.dumps(DUMP, ensure_ascii=False), "utf-8")
    entries = ror.build(ror.read_ror(dump), [_listed("Harbin Polar Institute")])
    out = tmp_path / "ror_aliases.toml"
    out.write_text(ror.render(entries, ror.HEADER), "utf-8")
    sys.path.insert(0, str(ROOT / "tools"))
    from listimport.dataset import add_curated_aliases, read_curated  # noqa: PLC0415

    read = read_curated(out)
    assert read[0]["aliases"] == entries[0]["aliases"] and read[0]["file"] == "ror_aliases.toml"
    merged = {"harbin polar institute": {"name": "Harbin Polar Institute", "aliases": [], "lists": ["x"]}}
    add_curated_aliases(merged, read)
    assert "哈尔滨极地学院" in merged["harbin polar institute"]["aliases"]


def test_the_committed_aliases_are_sourced_and_in_the_dataset() -> None:
    data = tomllib.loads((ROOT / "tools" / "data" / "ror_aliases.toml").read_text("utf-8"))["alias"]
    assert len(data) >= 50
    carried = {a for rec in dataset.records() for a in (rec.name, *rec.aliases)}
    for entry in data:
        assert entry["ror"].startswith("https://ror.org/") and entry["ror"] in entry["source"]
        assert set(entry["aliases"]) <= carried, entry["listed"]


def test_a_parent_name_among_a_units_names_maps_nothing() -> None:
    unit = _v2("08unit", [("Arbuz Institute of Chemistry", "en", ["ror_display"]),
                          ("Arbuz Institute of Chemistry of Kazan Snow Center", "en", ["alias"]),
                          ("Kazan Snow Center", "en", ["alias"]), ("Институт химии Арбуза", "ru", ["label"])], "RU")
    orgs = {o.id: o for o in map(ror.parse_org, [*DUMP, unit])}
    assert ror.build(orgs, [_listed("Kazan Snow Center", countries=("RU",))]) == []
    assert ror.build(orgs, [_listed("Arbuz Institute of Chemistry", countries=("RU",))])[0]["aliases"][-1] == \
        "Институт химии Арбуза"
