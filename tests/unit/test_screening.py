"""Partner-name screening: normalisation, the known cases, outcomes, configuration, the engine."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

import assessments
from assessments.screening import get_index, screen_for_assessment, screen_name
from assessments.screening.index import one_edit
from assessments.screening.normalize import acronym, fold, normalized, tokens

CONFIG = assessments.default_config()
TODAY = dt.date(2026, 11, 22)


def lists_of(candidate: dict) -> set[str]:
    return {entry["id"] for entry in candidate["lists"]}


# --- normalisation ------------------------------------------------------------

@pytest.mark.parametrize(("raw", "expected"), [
    ("\uff28\uff35\uff21\uff37\uff25\uff29  Technologies Co., Ltd.", "huawei technology"),  # NFKC (fullwidth)
    ("Université de Montréal", "university montreal"),                  # diacritics, filler word
    ("Harbin Inst. of Tech.", "harbin institute technology"),           # abbreviations
    ("OOO Sigma-Tekh", "sigma tekh"),                                   # Russian legal form, hyphen
    ("Limited Liability Company Example Plant", "example plant"),       # multi-word legal form
    ("The Company", "the company"),                                     # only filler: kept
    # An honorific's surname without its case ending (an optional token: see test_honorific_surname_is_optional).
    ("Ural Federal University named after B.N. Yeltsin", "ural federal university yeltsin"),
    ("Московский государственный технический университет имени Н. Э. Баумана",  # noqa: RUF001 - Cyrillic
     "moskovskiy gosudarstvennyy tekhnicheskiy university bauman"),
    ("МГТУ им. Н.Э. Баумана", "mgtu bauman"),  # noqa: RUF001 - Cyrillic on purpose
    # "им." with a title before the initials is the honorific too.
    ("Информационные спутниковые системы им. академика М. Ф. Решетнёва",  # noqa: RUF001 - Cyrillic
     "informatsionnye sputnikovye sistemy reshetnev"),
    # The Russian Academy written out in Russian is "ran", with a status before the name or without one.
    ("Физико-технический институт им. А.Ф. Иоффе Российской академии наук",  # noqa: RUF001 - Cyrillic
     "fiziko tekhnicheskiy institute ioffe ran"),
    # Official status words before or after the name, and an acronym in brackets, are dropped.
    ("Moscow Institute of Physics and Technology (National Research University)",
     "moscow institute physics technology"),
    ("Federal State Budgetary Educational Institution of Higher Education Moscow Aviation Institute",
     "moscow aviation institute"),
    ("Национальный исследовательский Томский политехнический университет", "tomskiy politekhnicheskiy university"),
    # The lists' own English for other public bodies' status.
    ("FEDERAL STATE FINANCED INSTITUTION OF SCIENCE PHYSICS AND TECHNOLOGY INSTITUTE", "physics technology institute"),
    ("FEDERAL STATE GOVERNMENTAL INSTITUTION 27 CENTRAL RESEARCH INSTITUTE", "27 central research institute"),
    ("FEDERAL STATE ENTITY UNITARY ENTERPRISE ROSTOV RESEARCH INSTITUTE", "rostov research institute"),
    ("Harbin Institute of Technology (HIT)", "harbin institute technology"),
    ("Huawei Technologies (UK) Co., Ltd.", "huawei technology uk"),  # a place, not an acronym
])
def test_normalisation(raw: str, expected: str) -> None:
    assert normalized(raw) == expected


@pytest.mark.parametrize(("typed", "meant"), [
    ("Scienific Research Institute of Hypersonic Systems", "Scientific Research Institute of Hypersonic Systems"),
    ("China North Indusries Group", "China North Industries Group"),
    ("Radio-Electronic Technoogies", "Radio-Electronic Technologies"),
    ("Russian Academy of Scieces", "Russian Academy of Sciences"),
    ("Central Research Laboratries", "Central Research Laboratories"),
])
def test_a_misspelt_word_that_folds_into_another_token_folds_all_the_same(typed: str, meant: str) -> None:
    # "Scientific" is read as "science": a one-letter slip in it would otherwise be far from every listed word.
    assert tokens(typed) == tokens(meant)


def test_short_or_general_words_are_not_read_as_misspellings() -> None:
    assert tokens("ICL Techno") == ("icl", "techno")      # six letters: too short to tell from a name
    assert tokens("Scientist") == ("scientist",)          # two letters from "scientific"


def test_scripts_are_transliterated() -> None:
    assert tokens("Московский") == ("moskovskiy",)
    # Han syllables in overlapping pairs; the PLA prefix and company suffixes are dropped first.
    assert tokens("中国人民解放军国防科技大学") == tokens("国防科技大学") == (
        "guofang", "fangke", "keji", "jida", "daxue")
    assert tokens("华为") == ("huawei",)
    assert fold("جامعة").isascii()


def test_the_chinese_academys_short_names_read_as_written_in_full() -> None:
    # 中科院物理所: the Academy's and its institute's usual short names, as papers and the press write them.
    assert tokens("中科院物理所") == tokens("中国科学院物理研究所")
    assert tokens("中科院") == tokens("中国科学院")
    # 所 alone closes no other name the same way: a law firm (事务所) stays as written.
    assert tokens("中科院律师事务所")[-1] == "wusuo"
    assert screen_name("中科院物理所", CONFIG)["outcome"] in ("high", "prohibited")


def test_a_russian_kind_of_body_written_as_its_initials_reads_as_its_words() -> None:
    assert tokens("ЦНИИ химии и механики") == \
        tokens("Центральный научно-исследовательский институт химии и механики")
    assert tokens("АО «КБ специального машиностроения»") == \
        tokens("Конструкторское бюро специального машиностроения")  # noqa: RUF001 - Cyrillic
    # Romanised too, as the lists write Russian names in Latin letters (not "KB" or "NPP", English words too).
    assert tokens("AO TsNII Avtomatiki i Gidravliki") == tokens("Центральный научно-исследовательский институт "
                                                              "автоматики и гидравлики")
    assert tokens("Kursk NPP") == ("kursk", "npp")
    assert tokens("OKB 156") == tokens("OKB-156") == ("okb", "156")  # a numbered bureau's name of its own
    assert tokens("Harbin Institute of Technology (HIT)") == tokens("Harbin Institute of Technology")
    # Alone, or inside a word of its own, the initials stay as they are.
    assert tokens("НИИ") == ("nii",) and tokens("ЦНИИмаш") == ("tsniimash",)


def test_han_pairs_keep_order_and_are_never_filler_words() -> None:
    assert tokens("大华") == ("dahua",) and tokens("华大") == ("huada",)
    # A single Han syllable stays itself, even when it spells a Latin-script filler word.
    assert tokens("大") == ("da",) and "da" not in tokens("Escola da Marinha")


def test_acronyms() -> None:
    assert acronym("National University of Defense Technology") == "nudt"
    assert acronym("Beijing University of Aeronautics and Astronautics") == "buaa"
    assert acronym("Harbin Engineering") == ""  # too short to be useful
    assert acronym("国防科技大学") == ""


@pytest.mark.parametrize(("a", "b", "expected"), [
    ("hangzhou", "hangzhau", True), ("science", "sceince", True), ("defense", "defence", True),
    ("institue", "institute", True), ("hangzhou", "hangzhao", False), ("abc", "abc", False),
])
def test_one_edit(a: str, b: str, expected: bool) -> None:
    assert one_edit(a, b) is expected


# --- the known cases ------------------------------------------------------------

def test_skoltech_is_a_prohibited_match_on_sdn_entity_list_and_1286() -> None:
    for query in ("Skolkovo Institute of Science and Technology", "Skoltech",
                  "Сколковский институт науки и технологий"):
        result = screen_name(query, CONFIG, today=TODAY)
        best = result["candidates"][0]
        assert best["match"] and best["relation"] == "same", query
        assert {"us_ofac_sdn", "us_bis_entity_list", "us_dod_1286"} <= lists_of(best)
        assert result["outcome"] == "prohibited"


def test_tsinghua_university_is_related_not_a_match() -> None:
    result = screen_name("Tsinghua University", CONFIG, today=TODAY)
    assert result["outcome"] == "related"
    assert not any(c["match"] for c in result["candidates"])
    related = [c for c in result["candidates"] if c["relation"] == "related"]
    assert any("Tsinghua" in c["name"] for c in related)


@pytest.mark.parametrize("query", ["National University of Defense Technology", "NUDT", "国防科技大学",
                                   "Natl. Univ. of Defense Tech.", "Defense Technology National University"])
def test_nudt_is_a_high_match_on_the_entity_list(query: str) -> None:
    result = screen_name(query, CONFIG, today=TODAY)
    best = result["candidates"][0]
    assert best["name"] == "National University of Defense Technology" and best["match"]
    assert "us_bis_entity_list" in lists_of(best)
    assert result["outcome"] == "high"


def test_harbin_institute_of_technology_is_a_match_and_so_is_its_school() -> None:
    assert screen_name("Harbin Institute of Technology", CONFIG)["outcome"] == "high"
    # The listing covers the whole organisation, so a school of a listed university is a
    # direct hit (this test used to expect "related", which under-reported it).
    for query in ("Harbin Institute of Technology School of Astronautics",
                  "School of Astronautics, Harbin Institute of Technology"):
        school = screen_name(query, CONFIG)
        assert school["outcome"] == "high", query
        assert school["candidates"][0]["why"] == "unit_of_listed" and school["candidates"][0]["match"]


@pytest.mark.parametrize("query", ["Massachusetts Institute of Technology", "University of Tokyo", "MIT",
                                   "Nanjing University", "University of Hong Kong"])
def test_unlisted_look_alikes_match_nothing(query: str) -> None:
    result = screen_name(query, CONFIG, today=TODAY)
    assert not any(c["match"] for c in result["candidates"]), result["candidates"][:2]
    assert result["outcome"] in ("none", "related")


def test_chinese_names() -> None:
    tsinghua = screen_name("清华大学", CONFIG)
    assert tsinghua["outcome"] == "related" and "Tsinghua" in tsinghua["candidates"][0]["name"]
    huawei = screen_name("华为", CONFIG)["candidates"]
    assert any(c["name"] == "Huawei Technologies Co., Ltd." and c["match"] for c in huawei)


@pytest.mark.parametrize("query", ["NASA", "KTH", "NTU", "UCLA"])
def test_short_acronyms_of_unlisted_bodies_decide_nothing(query: str) -> None:
    assert screen_name(query, CONFIG)["outcome"] == "none"


def test_cyrillic_partial_name_finds_moscow_entities() -> None:
    result = screen_name("Московский", CONFIG)
    assert any("Moscow" in c["name"] for c in result["candidates"][:3])


def test_typo_in_the_list_itself_is_matched() -> None:
    best = screen_name("Hangzhou Dianzi University", CONFIG)["candidates"][0]
    assert best["name"] == "Hangzhao Dianzi University" and best["match"]


# --- the result format ----------------------------------------------------------

def test_result_shape_and_order() -> None:
    result = screen_name("  Huawei   Technologies ", CONFIG, today=TODAY)
    assert result["query"] == "Huawei Technologies"
    assert result["normalized"] == "huawei technology"
    assert result["threshold"] == CONFIG.threshold
    assert 1 <= len(result["candidates"]) <= 10
    scores = [c["score"] for c in result["candidates"]]
    assert scores == sorted(scores, reverse=True)
    for c in result["candidates"]:
        assert set(c) >= {"name", "matched_alias", "score", "match", "relation", "record_id", "countries",
                          "note", "lists"}
        assert 0.0 <= c["score"] <= 1.0 and c["relation"] in ("same", "related")
        assert c["match"] == (c["relation"] == "same" and c["score"] >= CONFIG.threshold and bool(c["lists"]))
        assert c["status"] in ("listed", "formerly_listed") and isinstance(c["verdict"], str)
        for entry in c["lists"]:
            assert set(entry) == {"id", "label", "authority", "as_of", "published", "retrieved", "url", "stale",
                                  "age_days", "max_age_days", "stale_from"}
    assert "not a clearance" in result["disclaimer"]


def test_screen_for_assessment_returns_one_result_per_name() -> None:
    out = screen_for_assessment(["Skoltech", "University of Tokyo"], CONFIG)
    assert [r["query"] for r in out] == ["Skoltech", "University of Tokyo"]
    assert [r["outcome"] for r in out] == ["prohibited", "none"]


def test_index_is_built_once() -> None:
    assert get_index() is get_index()


# --- configuration ----------------------------------------------------------------

def test_threshold_decides_what_is_a_match() -> None:
    # "Aeronautic" for the list's "Aeronautics": a match at the default threshold, nothing at a strict one
    # (a respelled name is no possible match in the band, and "Aeronautic" is a word of its own, no typo).
    # ("Defence" for "Defense" was the example until the two spellings became one word, 2026-12-07.)
    name = "Nanjing University of Aeronautic and Astronautic"
    assert screen_name(name, CONFIG)["outcome"] == "high"
    assert screen_name(name, CONFIG, threshold=0.95)["outcome"] == "none"
    strict = dataclasses.replace(CONFIG, threshold=0.99)
    assert not screen_name(name, strict)["candidates"][0]["match"]


@pytest.mark.parametrize(("name", "threshold", "key"), [
    ("", None, "name"), ("   ", None, "name"), ("x" * 301, None, "name"), ("Skoltech", 0.2, "threshold"),
    ("Skoltech", 1.5, "threshold"),
])
def test_bad_input_is_refused_naming_the_field(name: str, threshold: float | None, key: str) -> None:
    with pytest.raises(assessments.AnswerError) as err:
        screen_name(name, CONFIG, threshold=threshold)
    assert err.value.key == key


def test_disabled_lists_are_skipped() -> None:
    no_sdn = dataclasses.replace(CONFIG, disabled_lists=("us_ofac_sdn",))
    result = screen_name("Skoltech", no_sdn, today=TODAY)
    assert result["outcome"] == "high"
    assert all("us_ofac_sdn" not in lists_of(c) for c in result["candidates"])
    assert not any("OFAC Specially Designated" in w for w in result["warnings"])
    # A record only on a disabled list disappears entirely.
    sdn_only = screen_name("Skolkovo Foundation", CONFIG)["candidates"][0]
    assert lists_of(sdn_only) >= {"us_ofac_sdn"}
    everything_off = dataclasses.replace(CONFIG, disabled_lists=tuple(lists_of(sdn_only)))
    ids = [c["record_id"] for c in screen_name("Skolkovo Foundation", everything_off)["candidates"]]
    assert sdn_only["record_id"] not in ids


def test_unknown_disabled_list_is_a_config_error() -> None:
    bad = dataclasses.replace(CONFIG, disabled_lists=("no_such_list",))
    with pytest.raises(assessments.ConfigError, match="no_such_list"):
        screen_name("Skoltech", bad)


def test_stale_lists_warn_and_are_flagged() -> None:
    # The SDN copy is of 2026-07-11: 134 days before TODAY, so stale at a maximum age of 100 days.
    strict = dataclasses.replace(CONFIG, max_list_age_days=100)
    result = screen_name("Skoltech", strict, today=TODAY)
    assert any("2026-07-11" in w for w in result["warnings"])
    sdn = next(e for e in result["candidates"][0]["lists"] if e["id"] == "us_ofac_sdn")
    assert sdn["stale"] is True
    assert "us_ofac_sdn" in result["stale_lists"] and "us_bis_entity_list" not in result["stale_lists"]
    assert len(result["warnings"]) == len(result["stale_lists"])  # one warning per stale list, once per result
    relaxed = dataclasses.replace(CONFIG, max_list_age_days=5000)
    result = screen_name("Skoltech", relaxed, today=TODAY)
    assert result["warnings"] == [] and not any(e["stale"] for e in result["candidates"][0]["lists"])


def test_statutory_lists_are_never_stale() -> None:
    result = screen_name("Huawei", dataclasses.replace(CONFIG, max_list_age_days=30), today=TODAY)
    entry = next(e for c in result["candidates"] for e in c["lists"] if e["id"] == "us_ndaa_889")
    assert entry["as_of"] == "2018-08-13" and entry["stale"] is False


# --- the engine ---------------------------------------------------------------------

def _assess_with_names(names: list[str]) -> dict:
    answers = {"activities": ["collaboration"], "collaboration_type": "informal", "partner_names": names}
    return assessments.assess(answers, partial=True)


def test_engine_raises_the_tier_for_direct_hits() -> None:
    result = _assess_with_names(["Skoltech"])
    assert result["tier"] == "prohibited"
    assert "screening_direct_prohibited" in [r["rule"] for r in result["reasons"]]
    result = _assess_with_names(["NUDT"])
    assert result["tier"] == "high"
    assert "screening_direct_high" in [r["rule"] for r in result["reasons"]]


def test_engine_adds_a_check_reason_for_related_entries() -> None:
    result = _assess_with_names(["Tsinghua University"])
    rules = [r["rule"] for r in result["reasons"]]
    assert "screening_related" in rules and "screening_direct_high" not in rules
    assert result["screening"][0]["outcome"] == "related"


def test_engine_ignores_unlisted_partners() -> None:
    result = _assess_with_names(["University of Tokyo"])
    assert not any(r["rule"].startswith("screening_") for r in result["reasons"])


# --- the 2026 SDN copy, staleness, formerly listed entries -----------------------------

def test_central_bank_of_syria_is_formerly_listed_not_a_hit() -> None:
    # The 2024 copy made this a direct SDN match (prohibited); OFAC removed it on 2025-06-30.
    result = screen_name("Central Bank of Syria", CONFIG, today=TODAY)
    assert result["outcome"] == "formerly_listed"
    best = result["candidates"][0]
    assert not best["match"] and best["status"] == "formerly_listed" and best["lists"] == []
    assert best["former"][0]["id"] == "us_ofac_sdn" and best["former"][0]["removed"] == "2025-06-30"
    assert "removed from the SDN list on 2025-06-30" in best["verdict"]
    assert not any(c["match"] and "us_ofac_sdn" in lists_of(c) for c in result["candidates"])


@pytest.mark.parametrize("query", ["Joint Stock Company Grozneftegaz", "Kirov Plant Mayak"])
def test_names_designated_after_may_2024_match(query: str) -> None:
    result = screen_name(query, CONFIG, today=TODAY)
    assert result["outcome"] == "prohibited"
    assert "us_ofac_sdn" in lists_of(result["candidates"][0])


def test_a_match_on_a_stale_list_only_is_a_possible_match_never_prohibited() -> None:
    strict = dataclasses.replace(CONFIG, max_list_age_days=100)  # the SDN copy (2026-07-11) is stale on TODAY
    result = screen_name("Joint Stock Company Grozneftegaz", strict, today=TODAY)
    assert result["outcome"] == "stale_match"
    assert result["candidates"][0]["verdict"] == "a possible match on an out-of-date list: the office confirms"
    assert sum("2026-07-11" in w for w in result["warnings"]) == 1  # once per result
    # On a stale and a current list: the current list decides (high), never prohibited from the stale one.
    both = screen_name("Skolkovo Foundation", strict, today=TODAY)
    assert both["outcome"] == "high"


def test_the_engine_gives_high_not_prohibited_for_a_stale_match() -> None:
    strict = dataclasses.replace(CONFIG, max_list_age_days=100)
    answers = {"activities": ["collaboration"], "collaboration_type": "informal",
               "partner_names": ["Joint Stock Company Grozneftegaz"]}
    screened = [screen_name("Joint Stock Company Grozneftegaz", strict, today=TODAY)]
    result = assessments.assess(answers, config=strict, partial=True, screening_results=screened)
    assert result["tier"] == "high"
    assert "screening_stale_match" in [r["rule"] for r in result["reasons"]]


def test_a_listed_common_word_is_no_match_among_other_words() -> None:
    # "OOO PARTNER" is on the SDN list; its only word, "partner", matched this at 1.00 (prohibited).
    result = screen_name("Example Partner Institute", CONFIG, today=TODAY)
    assert result["outcome"] == "none" and not any(c["match"] for c in result["candidates"])
    partner = next(c for c in result["candidates"] if c["name"] == "OOO PARTNER")
    assert partner["why"] == "common_word" and partner["score"] < 0.7
    # The listed name typed on its own is still a match.
    assert screen_name("OOO Partner", CONFIG, today=TODAY)["outcome"] == "prohibited"


@pytest.mark.parametrize("query", ["Nanjing Tech University", "Air Force Institute of Technology",
                                   "United Microelectronics Corporation", "Quantum Institute"])
def test_names_differing_in_generic_words_are_no_match(query: str) -> None:
    result = screen_name(query, CONFIG, today=TODAY)
    assert not any(c["match"] for c in result["candidates"]), result["candidates"][:1]
    assert result["candidates"][0]["why"] == "different_generic"


@pytest.mark.parametrize("query", ["Zhejiang University", "Nanjing University", "Sichuan University of Science and "
                                   "Engineering", "Applied Physics Laboratory", "Southwest Research Institute"])
def test_shared_place_names_and_extended_names_are_neither_related_nor_a_match(query: str) -> None:
    result = screen_name(query, CONFIG, today=TODAY)
    assert result["outcome"] == "none", result["candidates"][:1]


def test_an_acronym_the_list_gives_matches_exactly() -> None:
    result = screen_name("HIT", CONFIG, today=TODAY)
    best = result["candidates"][0]
    assert best["name"] == "Harbin Institute of Technology" and best["match"] and best["score"] == 1.0
    assert best["why"] == "official_acronym" and result["outcome"] == "high"
    # A short alias that does not spell its record's name decides nothing (CAS is given for a CAS centre): "CAS" is a
    # possible match of the listed Chinese Academy of Sciences, whose initials it is, never of the centre.
    cas = screen_name("CAS", CONFIG)
    assert cas["outcome"] == "possible_match"
    assert [c["name"] for c in cas["candidates"] if c["possible"] or c["match"]] == ["Chinese Academy of Sciences"]


@pytest.mark.parametrize(("query", "expected"), [
    # MIPT's SDN record carries МФТИ too (curated): the blocking list's record comes first.
    ("哈工大", "Harbin Institute of Technology"),
    ("МФТИ", "FEDERAL STATE INSTITUTION OF HIGHER VOCATIONAL EDUCATION MOSCOW INSTITUTE OF PHYSICS AND TECHNOLOGY"),
    ("Tehran Polytechnic", "Amirkabir University of Technology"), ("西工大", "Northwestern Polytechnical University"),
])
def test_curated_short_forms_match(query: str, expected: str) -> None:
    best = screen_name(query, CONFIG, today=TODAY)["candidates"][0]
    assert best["match"] and best["name"] == expected


def test_section_1260h_chinese_names_are_indexed() -> None:
    result = screen_name("中国电子科技集团公司第十四研究所", CONFIG, today=TODAY)
    assert any(c["match"] and "us_dod_1260h" in lists_of(c) for c in result["candidates"])


def test_a_pla_prefix_is_written_or_left_out_at_will() -> None:
    rocket = "Rocket Force University of Engineering"
    assert normalized(f"PLA {rocket}") == normalized(rocket)
    assert normalized("People's Liberation Army National University of Defense Technology") == \
        normalized("National University of Defense Technology")
    # Kept when what follows names no body of its own.
    assert normalized("Chinese PLA General Hospital") != normalized("General Hospital")
    assert "pla" in normalized("PLA Polytechnic University")
    result = screen_name("Second Artillery Engineering University", CONFIG)  # ROR: "PLA Second Artillery ..."
    assert result["candidates"][0]["name"] == "Rocket Force Engineering University" and result["outcome"] == "high"


def test_a_short_form_the_entry_alone_carries_typed_as_written_is_a_possible_match() -> None:
    # ПСБ: Promsvyazbank's brand (a curated alias). Three letters are too few for a match.
    result = screen_name("ПСБ", CONFIG)
    best = result["candidates"][0]
    assert result["outcome"] == "possible_match" and not best["match"]
    assert best["name"] == "PROMSVYAZBANK PUBLIC JOINT STOCK COMPANY" and "short form" in best["possible_reason"]
    lower = screen_name("псб", CONFIG)
    assert lower["outcome"] == "none", lower["candidates"][:2]  # not as written


@pytest.mark.parametrize(("short", "full"), [
    ("Boreskov Institute of Catalysis SB RAS",
     "Boreskov Institute of Catalysis of the Siberian Branch of the Russian Academy of Sciences"),
    ("Институт катализа им. Г. К. Борескова СО РАН",  # noqa: RUF001
     "Институт катализа им. Г.К. Борескова Сибирского отделения Российской академии наук"),  # noqa: RUF001
    ("Boreskov Institute of Catalysis", "Federal Research Center Boreskov Institute of Catalysis"),
])
def test_the_academy_of_sciences_written_out_or_abbreviated_is_one_name(short: str, full: str) -> None:
    assert normalized(short) == normalized(full)


def test_the_academy_stays_a_word_of_the_name() -> None:
    # Not dropped: "Institute of Applied Physics" elsewhere is not the Academy's institute of that name.
    assert normalized("Institute of Applied Physics RAS") != normalized("Institute of Applied Physics")
    assert normalized("Federal Research Center") == "federal research center"
    assert normalized("Russian Academy of Sciences") == "russia academy science"  # the Academy itself


@pytest.mark.parametrize(("written", "plain"), [
    ("中國人民解放軍國防科技大學", "国防科技大学"),  # the PLA prefix in traditional characters
    ('Federal Autonomous Institution "Central Institute of Aviation Motors"', "Central Institute of Aviation Motors"),
])
def test_status_words_and_honorifics_as_people_write_them(written: str, plain: str) -> None:
    assert normalized(written) == normalized(plain)


def test_a_typed_institute_near_a_listed_company_is_a_possible_match_at_most() -> None:
    # The list's "Beijing Aerospace Technology Limited Liability Company" (an alias of Beijing Tianhua).
    result = screen_name("Beijing Institute of Aerospace Technology", CONFIG)
    best = result["candidates"][0]
    assert result["outcome"] == "possible_match" and not best["match"]
    assert "institute" in best["possible_reason"] and "company" in best["possible_reason"]
    # "Technological University" is its own word, not "University of Technology" in another order.
    assert normalized("Harbin Technological University") != normalized("Harbin University of Technology")
