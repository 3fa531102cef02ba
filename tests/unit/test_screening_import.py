"""The list importers (tools/import_lists.py) on small fixture files, and the committed dataset."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import lzma
import re
import tomllib
from pathlib import Path
from typing import Any

import pytest

import assessments
from assessments.screening import dataset, normalize
from tests.support.hooks import load_script
from tests.support.paths import ROOT, TEST_DATA

FIXTURES = TEST_DATA / "screening"


imp = load_script("import_lists", ROOT / "tools" / "import_lists.py")


def _rec(name: str, aliases: list[str] | None = None, countries: list[str] | None = None) -> dict[str, Any]:
    return {"name": name, "aliases": aliases or [], "countries": countries or ["CN"], "note": ""}


# --- quirks of the KAIST transcription ---------------------------------------------

@pytest.mark.parametrize(("packed", "expected"), [
    ("Beihang University - Formerly Beijing University of Aeronautics and Astronautics",
     [("Beihang University", ["Beijing University of Aeronautics and Astronautics"], "")]),
    ("Moscow Institute of Physics and Technology - MFTI - Phys Tech",
     [("Moscow Institute of Physics and Technology", ["MFTI", "Phys Tech"], "")]),
    ("Example Corp Second Academy. Subordinate Institution - 201 Research Institute",
     [("201 Research Institute", ["Example Corp Second Academy 201 Research Institute"],
       "Subordinate institution of Example Corp Second Academy")]),
    ("Example Academy and affiliates - First Institute - Second Institute",
     [("Example Academy", [], ""), ("First Institute", [], "Listed as an affiliate of Example Academy"),
      ("Second Institute", [], "Listed as an affiliate of Example Academy")]),
    ("Federal State Budgetary Educational Institution of Higher Education - Russian Technological University - RTU",
     [("Russian Technological University", ["RTU"], "")]),
    ("Plain Name Without Dashes", [("Plain Name Without Dashes", [], "")]),
])
def test_names_packed_with_dashes_are_split(packed: str, expected: list[tuple[str, list[str], str]]) -> None:
    got = [(r["name"], r["aliases"], r["note"]) for r in imp.split_packed(packed, [])]
    assert got == expected


def test_korean_country_names_become_iso_codes() -> None:
    names = imp.korean_countries()
    assert imp.kaist_countries(["중국/홍콩", "러시아", "중국"], "test", names) == ["CN", "HK", "RU"]
    with pytest.raises(imp.ImportError_, match=r"korean_country_names_to_iso2\.json"):
        imp.kaist_countries(["없는나라"], "test", names)


def test_kaist_reader_fixes_the_quirks() -> None:
    lists = imp.read_kaist(FIXTURES / "kaist_sample.json")
    assert "us_dod_1260h" not in lists  # truncated names: that list comes from OpenSanctions
    el = {r["name"]: r for r in lists["us_bis_entity_list"]}
    # The Hangul "native" name is dropped; countries are ISO codes.
    first = lists["us_bis_entity_list"][0]
    assert first["name"] == "Sample Avionics Company" and first["aliases"] == ["Sample Avionics"]
    assert first["countries"] == ["CN", "HK"]
    # The sub-unit row keeps its own alias but not the parent's native name.
    unit = el["201 Research Institute"]
    assert "示例集团" not in unit["aliases"] and unit["note"].startswith("Subordinate institution of")
    s1286 = {r["name"]: r for r in lists["us_dod_1286"]}
    assert s1286["Example Institute of Technology"]["aliases"] == ["Example Polytechnic", "示例理工学院"]
    assert {"Example Sciences Academy", "First Example Institute"} <= set(s1286)
    # Military End-User group rows: one record per company.
    assert [r["name"] for r in lists["us_bis_meu"]] == [
        "Example Group", "Example Group Engines Co.", "Example Group Aircraft Co."]


def test_duplicates_under_several_countries_count_once() -> None:
    lists = imp.read_kaist(FIXTURES / "kaist_sample.json")
    meta, blob = imp.build_dataset({"us_bis_entity_list": {"as_of": "2026-08-18", "source": "fixture",
                                                           "records": lists["us_bis_entity_list"]}}, {})
    records = dataset.parse_records(json.loads(lzma.decompress(blob)))  # read as the engine reads it
    sample = [r for r in records if r.name == "Sample Avionics Company"]
    assert len(sample) == 1 and sample[0].countries == ("CN", "HK", "RU")
    assert meta["lists"]["us_bis_entity_list"]["record_count"] == len(records) == 2


def test_a_place_in_brackets_or_misspelled_is_no_alias() -> None:
    rows = [_rec("Example First Machinery Group Co., Ltd. (Inner Mongolia)", ["Inner Monoglia", "Example One Machine",
                                                                            "光启", "Sernia"])]
    _, blob = imp.build_dataset({"us_dod_1260h": {"as_of": "2026-08-18", "source": "fixture", "records": rows}}, {})
    (rec,) = dataset.parse_records(json.loads(lzma.decompress(blob)))
    assert rec.name == "Example First Machinery Group Co., Ltd."
    assert "Inner Mongolia" not in rec.aliases and "Inner Monoglia" not in rec.aliases
    # Names that are not places stay, short or Han ones too (光启 reads guangqi, a letter from Guangxi).
    assert {"Example One Machine", "光启", "Sernia"} <= set(rec.aliases)


def test_a_curated_alias_goes_to_the_record_its_entry_names() -> None:
    # The parent carries the subsidiary's name as an alias: an entry naming the subsidiary is for the subsidiary.
    rows = [_rec("Example Telecommunications Corporation", ["Example Telecom Corporation Limited"]),
            _rec("Example Telecom Corporation Limited"), _rec("Example Rocket University", ["Example RU"]),
            _rec("Example University of Rockets", ["Example RU"])]
    curated = [{"listed": "Example Telecom Corporation Limited", "aliases": ["示例电信"], "source": "filing"}]
    lists = {"us_dod_1260h": {"as_of": "2026-08-18", "source": "fixture", "records": rows}}
    _, blob = imp.build_dataset(lists, {}, curated=curated)
    by_name = {r.name: r for r in dataset.parse_records(json.loads(lzma.decompress(blob)))}
    assert "示例电信" in by_name["Example Telecom Corporation Limited"].aliases
    assert "示例电信" not in by_name["Example Telecommunications Corporation"].aliases
    # An alias two records carry names neither: the import stops and names both.
    ambiguous = [{"listed": "Example RU", "aliases": ["ERU"], "source": "site"}]
    with pytest.raises(imp.ImportError_, match=r"alias of 2 listed records .*Example Rocket University"):
        imp.build_dataset(lists, {}, curated=ambiguous)


def test_an_alias_from_a_source_not_yet_checked_is_marked_as_such() -> None:
    rows = [_rec("Example Institute of Physics", ["EIP Listed"]), _rec("Other Example Works")]
    curated = [
        {"listed": "Example Institute of Physics", "aliases": ["Example Phys Inst", "EIP Listed"],
         "source": "https://example.org/about", "checked": "not yet: source page not opened"},
        {"listed": "Example Institute of Physics", "aliases": ["Example Physics"],
         "source": "https://example.org/charter", "checked": "stored copy read 2026-12-01"},
        # The same alias from a checked source as well: it no longer rests on the unchecked one alone.
        {"listed": "Other Example Works", "aliases": ["OEW Plant"], "source": "https://example.org/a",
         "checked": "Not yet opened"},
        {"listed": "Other Example Works", "aliases": ["OEW Plant"], "source": "ROR https://ror.org/0example"},
    ]
    _, blob = imp.build_dataset({"us_dod_1260h": {"as_of": "2026-08-18", "source": "fixture", "records": rows}}, {},
                                curated=curated)
    by_name = {r.name: r for r in dataset.parse_records(json.loads(lzma.decompress(blob)))}
    inst = by_name["Example Institute of Physics"]
    # Only the alias the unchecked entry added; the list's own alias and the checked entry's stay plain.
    assert [inst.aliases[i] for i in inst.unchecked] == ["Example Phys Inst"]
    assert by_name["Other Example Works"].unchecked == ()


def test_records_are_read_by_their_field_names() -> None:
    lists = imp.read_kaist(FIXTURES / "kaist_sample.json")
    _, blob = imp.build_dataset({"us_bis_entity_list": {"as_of": "2026-08-18", "source": "fixture",
                                                        "records": lists["us_bis_entity_list"]}}, {})
    data = json.loads(lzma.decompress(blob))
    assert data["fields"] == list(dataset.STORED_FIELDS)
    expected = dataset.parse_records(data)
    assert expected and all(r.forms for r in expected) and expected[0].lists == ("us_bis_entity_list",)
    # No id is stored: each is computed from the record's name, as the importer keyed it, and stays as it was.
    assert all(r.id == hashlib.sha1(normalize.normalized(r.name).encode()).hexdigest()[:10] for r in expected)
    # A dataset written before ids were left out: its ids are read.
    with_ids = {**data, "fields": ["id", *data["fields"]],
                "records": [[f"old{i:07d}", *row] for i, row in enumerate(data["records"])]}
    assert [r.id for r in dataset.parse_records(with_ids)] == [f"old{i:07d}" for i in range(len(expected))]
    # A dataset of another normaliser: its forms are not read, but its ids are still those the importer made.
    older = dataset.parse_records({**data, "normalization": -1})
    assert [r.id for r in older] == [r.id for r in expected] and not any(r.forms for r in older)
    # Columns in another order: the same records.
    order = list(reversed(data["fields"]))
    shuffled = {**data, "fields": order,
                "records": [[row[data["fields"].index(f)] for f in order] for row in data["records"]]}
    assert dataset.parse_records(shuffled) == expected
    # A field the engine needs is missing, or one it does not know is there: an error naming the fields.
    at = data["fields"].index("note")
    without_note = {**data, "fields": [f for f in data["fields"] if f != "note"],
                    "records": [row[:at] + row[at + 1:] for row in data["records"]]}
    with pytest.raises(assessments.ConfigError, match="missing note"):
        dataset.parse_records(without_note)
    extra = {**data, "fields": [*data["fields"], "risk"], "records": [[*row, 1] for row in data["records"]]}
    with pytest.raises(assessments.ConfigError, match="unknown risk"):
        dataset.parse_records(extra)
    with pytest.raises(assessments.ConfigError, match="fields"):
        dataset.parse_records({k: v for k, v in data.items() if k != "fields"})
    # Without normal forms (optional), the matcher normalises the names itself.
    at = data["fields"].index("normalized")
    bare = {**data, "fields": data["fields"][:at], "records": [row[:at] for row in data["records"]]}
    assert [dataclasses.replace(r, forms=()) for r in expected] == list(dataset.parse_records(bare))


def test_1260h_reader_keeps_current_entries_with_parents() -> None:
    recs, removed = imp.read_1260h(FIXTURES / "section_1260h_sample.csv", {"example avionics": "示例航电"})
    assert [r["name"] for r in recs] == ["Example Aviation Industry Corporation", "Example Avionics Co. Ltd"]
    assert [(r["name"], r["removed"]) for r in removed] == [("Delisted Example Company", "2024-01-31")]
    assert recs[0]["aliases"] == ["EAIC"]
    assert recs[1]["note"] == "Subsidiary of Example Aviation Industry Corporation"
    assert recs[1]["aliases"] == ["Old Example Avionics", "示例航电"]  # the Chinese name from the KAIST copy


def test_trailing_acronym_and_aka_move_to_aliases() -> None:
    rec = imp.unpack_name(_rec("National Example University (NEU)"))
    assert rec["name"] == "National Example University" and "NEU" in rec["aliases"]
    rec = imp.unpack_name(_rec("Sample Skyworks Co. a.k.a. Sample Tianjiao Co."))
    assert rec["name"] == "Sample Skyworks Co." and rec["aliases"] == ["Sample Tianjiao Co."]


def test_a_persian_alias_with_its_short_form_in_brackets_gives_both_as_aliases() -> None:
    persian = "\u0635\u0646\u0627\u06cc\u0639 \u0646\u0645\u0648\u0646\u0647"  # a made-up Persian name
    short = "\u0635\u0646"
    rec = imp.unpack_name({**_rec("Example Industries"), "aliases": [f"{persian} ({short})", "Example (UK)"]})
    assert rec["aliases"] == [f"{persian} ({short})", "Example (UK)", persian, short]  # (a Latin one is left whole)


# --- official formats --------------------------------------------------------------

def test_csl_csv() -> None:
    recs = imp.read_csl_csv(FIXTURES / "csl_sample.csv")
    assert [(r["list"], r["name"]) for r in recs] == [
        ("us_bis_entity_list", "Example Aerospace Research Institute"),
        ("us_ofac_sdn", "FICTIONAL DEFENCE PLANT JSC"),
        ("us_bis_unverified", "Placeholder Trading Company Limited"),
    ]  # the individual is left out
    assert recs[0]["aliases"] == ["Example ARI", "EARI"] and recs[0]["countries"] == ["CN"]
    assert recs[2]["countries"] == ["HK", "CN"]


def test_csl_json() -> None:
    recs = imp.read_csl_json(FIXTURES / "csl_sample.json")
    assert [(r["list"], r["name"]) for r in recs] == [
        ("us_bis_entity_list", "Example Aerospace Research Institute"),
        ("us_bis_meu", "Sample Avionics Company"),
        ("us_ofac_ns_cmic", "Fictional Holdings Ltd."),
    ]
    assert recs[1]["countries"] == ["CN", "HK"]


def test_csl_formats_are_checked(tmp_path: Path) -> None:
    bad = tmp_path / "x.json"
    bad.write_text('{"items": []}', encoding="utf-8")
    with pytest.raises(imp.ImportError_, match="results"):
        imp.read_csl_json(bad)
    csv_bad = tmp_path / "x.csv"
    csv_bad.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(imp.ImportError_, match="missing columns"):
        imp.read_csl_csv(csv_bad)
    unknown = tmp_path / "u.json"
    unknown.write_text(json.dumps({"results": [{"source": "Some New List (SNL)", "name": "X", "type": "Entity"}]}),
                       encoding="utf-8")
    with pytest.raises(imp.ImportError_, match="CSL_SOURCES"):
        imp.read_csl_json(unknown)


def test_ofac_sdn_with_alt() -> None:
    recs = imp.read_ofac(FIXTURES / "ofac_sdn_sample.csv", FIXTURES / "ofac_alt_sample.csv")
    assert [r["name"] for r in recs] == ["EXAMPLE AIRLINES", "SAMPLE NATIONAL BANK"]  # no person, no vessel
    bank = recs[1]
    assert bank["aliases"] == ["BANCO EJEMPLO", "SAMPLE STATE BANK"]
    # The full stop closing OFAC's remark is not part of the linked name.
    assert bank["countries"] == ["RU"] and bank["note"] == "Linked to EXAMPLE HOLDING CO"


def test_ofac_sdn_without_alt_uses_the_remarks() -> None:
    recs = imp.read_ofac(FIXTURES / "ofac_sdn_sample.csv", None)
    assert recs[1]["aliases"] == ["SNB"]


def test_ofac_wrong_file_is_refused(tmp_path: Path) -> None:
    wrong = tmp_path / "sdn.csv"
    wrong.write_text("a,b,c\n", encoding="latin-1")
    with pytest.raises(imp.ImportError_, match="12 columns"):
        imp.read_ofac(wrong, None)


# --- the dataset build ----------------------------------------------------------------

def test_a_sudden_drop_stops_the_import() -> None:
    lists = {"us_dod_1286": {"as_of": "2026-08-18", "source": "fixture",
                             "records": [_rec(f"Example Institute {i}") for i in range(5)]}}
    previous = {"lists": {"us_dod_1286": {"record_count": 10}}}
    with pytest.raises(imp.ImportError_, match="--accept-drop us_dod_1286"):
        imp.build_dataset(lists, previous)
    meta, _ = imp.build_dataset(lists, previous, accept_drop={"us_dod_1286"})
    assert meta["lists"]["us_dod_1286"]["record_count"] == 5
    assert meta["lists"]["us_dod_1286"]["previous_count"] == 10


def test_unknown_list_needs_metadata() -> None:
    with pytest.raises(imp.ImportError_, match=r"list_sources\.toml"):
        imp.build_dataset({"made_up": {"as_of": "2026-01-01", "source": "x", "records": [_rec("A")]}}, {})


def test_importer_cli_refuses_missing_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert imp.main(["--shared", str(tmp_path), "--out", str(tmp_path / "out")]) == 2
    assert "not found" in capsys.readouterr().err
    assert imp.main(["--no-shared", "--ofac-sdn", str(FIXTURES / "ofac_sdn_sample.csv"),
                     "--ofac-date", "2026-11-20", "--out", str(tmp_path / "out")]) == 2
    assert "--ofac-alt" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_importer_cli_builds_from_official_files(tmp_path: Path) -> None:
    out = tmp_path / "out"
    code = imp.main(["--no-shared", "--csl-json", str(FIXTURES / "csl_sample.json"), "--csl-date", "2026-11-20",
                     "--ofac-sdn", str(FIXTURES / "ofac_sdn_sample.csv"), "--ofac-alt",
                     str(FIXTURES / "ofac_alt_sample.csv"), "--ofac-date", "2026-11-21", "--out", str(out)])
    assert code == 0
    meta = json.loads((out / "lists.json").read_text(encoding="utf-8"))
    assert meta["lists"]["us_ofac_sdn"]["as_of"] == "2026-11-21"
    assert meta["lists"]["us_ofac_sdn"]["record_count"] == 2  # the OFAC files replace the CSL's SDN part
    assert meta["lists"]["us_bis_meu"]["as_of"] == "2026-11-20"


# --- the committed dataset ----------------------------------------------------------------

def test_committed_dataset_is_consistent() -> None:
    assert dataset.dataset_problems() == []


def test_every_list_has_complete_metadata() -> None:
    meta = dataset.list_metadata()
    assert meta["lists"], "no lists"
    for lid, info in meta["lists"].items():
        assert re.fullmatch(r"[a-z][a-z0-9_]*", lid), lid
        for key in ("label", "authority", "url", "as_of", "licence", "transcription", "record_count", "outcome",
                    "outcome_reason"):
            assert info.get(key) not in (None, ""), f"{lid}: {key}"
        assert info["outcome"] in ("prohibited", "high")
        assert info["url"].startswith("https://")
        assert info["record_count"] > 0
    # The 2024-05-03 SDN copy was replaced by that of 2026-07-11.
    assert meta["lists"]["us_ofac_sdn"]["as_of"] == "2026-07-11"
    assert meta["lists"]["us_ofac_sdn"]["retrieved"] == "2026-07-11"
    assert meta["lists"]["us_ofac_sdn"]["outcome"] == "prohibited"
    # Publication and retrieval are different facts: the Canadian page was last modified 2024-04-18.
    nro = meta["lists"]["ca_named_research_organizations"]
    assert nro["published"] == "2024-04-18" and nro["retrieved"] == "2026-08-18"
    for info in meta["lists"].values():
        assert "published" in info and "retrieved" in info
        assert info["published"] or info["retrieved"], info["label"]


def test_committed_records_have_no_hangul_and_iso_countries() -> None:
    # Korean text from the KAIST transcription stays out; a sourced Korean alias (curated or from ROR) is in.
    hangul = re.compile("[\uac00-\ud7a3]")
    sourced = {a for f in ("curated_aliases.toml", "ror_aliases.toml")
               for e in tomllib.loads((ROOT / "tools" / "data" / f).read_text("utf-8"))["alias"] for a in e["aliases"]}
    assert any(hangul.search(a) for a in sourced)
    for rec in dataset.records():
        assert not hangul.search(rec.name), rec.name
        assert not any(hangul.search(a) and a not in sourced for a in rec.aliases), rec.name
        assert all(re.fullmatch(r"[A-Z]{2}", c) for c in rec.countries), (rec.name, rec.countries)
        assert rec.lists or rec.former  # listed now, or formerly listed


def test_no_truncated_1260h_names() -> None:
    names = [r.name for r in dataset.records() if "us_dod_1260h" in r.lists]
    assert len(names) > 150
    # The KAIST copy cuts 45 names short (e.g. "... Science & Technology Research"); the OpenSanctions copy is used.
    assert "Beijing Aeronautical Science & Technology Research Institute" in names
    assert "Beijing Aeronautical Science & Technology Research" not in names


def test_refresh_offline_changes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    import urllib.error  # noqa: PLC0415

    refresh = load_script("refresh_lists", ROOT / "tools" / "refresh_lists.py")
    assert all(url.startswith("https://") for url in refresh.SOURCES.values())

    def offline(url: str, dest: Path) -> None:
        raise urllib.error.URLError("Name or service not known")

    monkeypatch.setattr(refresh, "download", offline)
    out = tmp_path / "lists"
    out.mkdir()
    (out / "lists.json").write_text("{}", encoding="utf-8")
    assert refresh.main(["--out", str(out)]) == 1
    assert "Nothing was changed" in capsys.readouterr().err
    assert [p.name for p in out.iterdir()] == ["lists.json"]
    assert (out / "lists.json").read_text(encoding="utf-8") == "{}"


def test_a_bad_list_id_in_the_metadata_is_named_escaped_and_short() -> None:
    # (dataset.py's message key helper; a function of the same name later in the module had shadowed it)
    meta = {**dataset.list_metadata()}
    bad = "x\u200b\n" + "y" * 100
    meta["lists"] = {bad: next(iter(meta["lists"].values()))}
    with pytest.raises(assessments.ConfigError) as caught:
        dataset.check_metadata(meta)
    key = caught.value.key
    assert key.startswith("lists.x\\u200b\\n") and len(key) <= len("lists.") + 80 and "\n" not in key
