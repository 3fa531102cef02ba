"""Real unlisted organisations that share a place, a word or a form with a listed one: what keeps them from a
match (found with benchmarks/screening_probe_unlisted.py on ROR's organisations), and the listed spellings
the same rules must still find."""

from __future__ import annotations

import pytest

import assessments
from assessments.screening import screen_name
from assessments.screening.normalize import affiliation_parts, tokens
from assessments.screening.scripts import places

CONFIG = assessments.default_config()
MATCH = ("high", "prohibited")


def _listed_names(result: dict) -> list[str]:
    return [c["name"] for c in result["candidates"] if c["match"] or c["possible"]]


def test_the_place_names_are_read_from_the_shipped_file() -> None:
    found = places()
    assert {"henan", "hunan", "changshu", "changsha", "nanchang"} <= found
    assert "huawai" not in found and "tianjing" not in found  # typing errors are no places


@pytest.mark.parametrize(("typed", "listed"), [
    ("Henan University", "Hunan University"),  # another province, one letter away
    ("Changshu Institute of Technology", "National University of Defense Technology"),  # "Changsha Institute ..."
    ("Nanchang University", "Nanjing University of Aeronautics and Astronautics"),  # "Nanhang University"
])
def test_a_place_name_spelled_right_is_no_typing_error_of_another_place(typed: str, listed: str) -> None:
    result = screen_name(typed, CONFIG)
    assert listed not in _listed_names(result)
    assert result["outcome"] not in MATCH


@pytest.mark.parametrize(("typed", "listed"), [
    ("Tianjing University", "Tianjin University"),  # no place: a typing error still matches
    ("Dailan University of Technology", "Dalian University of Technology"),
    ("Hunan University", "Hunan University"),
])
def test_a_typing_error_in_a_place_name_still_matches(typed: str, listed: str) -> None:
    result = screen_name(typed, CONFIG)
    assert result["outcome"] in MATCH and result["candidates"][0]["name"] == listed


def test_chinese_characters_are_matched_exactly_not_one_letter_of_pinyin_away() -> None:
    # 河南 (Henan) and 湖南 (Hunan) differ in a character; their syllables differ in one letter.
    assert "Hunan University" not in _listed_names(screen_name("河南大学", CONFIG))
    assert screen_name("湖南大学", CONFIG)["candidates"][0]["name"] == "Hunan University"
    # 燧原科技 (Enflame) is not 銳元科技 (suiyuan / ruiyuan).
    assert screen_name("燧原科技", CONFIG)["outcome"] not in MATCH


def test_a_name_in_chinese_characters_with_another_city_is_another_institution() -> None:
    # 南京邮电大学 (Nanjing University of Posts and Telecommunications, unlisted) shares four of its five syllable
    # pairs with the listed 北京邮电大学 (Beijing): the city in front is what tells them apart.
    result = screen_name("南京邮电大学", CONFIG)
    assert result["outcome"] == "none", result["candidates"][:1]
    assert not any(c["possible"] for c in result["candidates"])
    # The listed ones themselves, and a listed university of the same city as an unlisted one, still match.
    for typed, listed in (("北京邮电大学", "Beijing University of Posts and Telecommunications"),
                          ("南京航空航天大学", "Nanjing University of Aeronautics and Astronautics")):
        found = screen_name(typed, CONFIG)
        assert found["outcome"] in MATCH and found["candidates"][0]["name"] == listed


def test_a_legal_form_alone_is_no_name() -> None:
    # "LIMITED" is among the aliases of China Communications Construction Group; a company's "Co., Limited",
    # cut at the comma, is no evidence of it.
    result = screen_name("InventisBio Co., Limited", CONFIG)
    assert "China Communications Construction Group Limited" not in _listed_names(result)
    assert result["outcome"] not in MATCH
    assert screen_name("China Communications Construction Group Limited", CONFIG)["outcome"] in MATCH


@pytest.mark.parametrize(("typed", "listed"), [
    ("International Research Centre on Karst", "Karst, OOO"),  # a centre on a subject
    ("A.P. Ershov Institute of Informatics Systems", "Lev Anatolyevich Yershov"),  # named after a person
    ("Kazan Aviation Institute named after A.N. Tupolev", "Tupolev JSC"),
])
def test_a_one_word_listed_name_owns_a_unit_only_when_it_opens_the_typed_name(typed: str, listed: str) -> None:
    assert listed not in [c["name"] for c in screen_name(typed, CONFIG)["candidates"] if c["match"]]


def test_a_one_word_listed_name_opening_a_unit_still_matches() -> None:
    result = screen_name("Huawei Technologies Co., Ltd., Shenzhen, Guangdong", CONFIG)
    assert result["outcome"] in MATCH and result["candidates"][0]["name"] == "Huawei Technologies Co., Ltd."


@pytest.mark.parametrize(("typed", "listed"), [
    ("Shāndōng Kējì Dàxué", "Shandong University"),  # 山东科技大学, Shandong University of Science and Technology
    ("山东科技大学", "Shandong University"),
])
def test_a_pinyin_word_naming_another_kind_of_school_keeps_it_apart(typed: str, listed: str) -> None:
    assert listed not in _listed_names(screen_name(typed, CONFIG))


def test_a_listed_institute_named_by_common_words_extended_by_other_words_is_no_match() -> None:
    # The listed "Institute of Engineering Physics" (ANO, Serpukhov) is not the Moscow Engineering Physics Institute.
    result = screen_name("Moscow Engineering Physics Institute", CONFIG)
    assert "AUTONOMOUS NON PROFIT ORGANIZATION INSTITUTE OF ENGINEERING PHYSICS" not in [
        c["name"] for c in result["candidates"] if c["match"]]
    # A company named by its trade stays one: the former name of a listed group still matches it.
    listed = screen_name("China Shipbuilding Industry Corporation", CONFIG)
    assert "China State Shipbuilding Corporation Limited" in [c["name"] for c in listed["candidates"] if c["match"]]


def test_the_pla_after_a_name_is_left_out_as_before_it() -> None:
    assert tokens("The 988th Hospital of the Joint Service Support Force of the Chinese People's Liberation Army") \
        == ("988th", "hospital", "joint", "service", "support", "force")
    assert tokens("Army Engineering University of the PLA") == tokens("Army Engineering University")
    assert tokens("People's Liberation Army") == ("peoples", "liberation", "army")  # nothing else: kept
    # "People's Liberation Army" is also an alias of a Peruvian group on the SDN list: a PLA hospital is not its unit.
    result = screen_name("General Hospital of Central Theater Command of People's Liberation Army", CONFIG)
    assert "SHINING PATH" not in _listed_names(result)


@pytest.mark.parametrize(("typed", "listed"), [
    ("Chinese People's Armed Police Force", "People's Armed Police Command College"),  # the force, not its academy
    ("People's Liberation Army Air Force", "Air Force Research Institute"),
])
def test_a_body_of_its_own_is_not_its_school_or_institute(typed: str, listed: str) -> None:
    result = screen_name(typed, CONFIG)
    assert listed not in [c["name"] for c in result["candidates"] if c["match"]]


def test_the_subject_of_an_institute_is_not_the_organisation_it_belongs_to() -> None:
    # "Institute of Information Engineering" (of the Chinese Academy of Sciences): "Information Engineering" is its
    # subject, not the listed Information Engineering University.
    assert affiliation_parts("Institute of Information Engineering") == []
    assert screen_name("Institute of Information Engineering", CONFIG)["outcome"] not in MATCH
    # What follows "of" that names a body is still read as the organisation, and a school of it is its unit.
    parts = affiliation_parts("School of Physics of Harbin Institute of Technology")
    assert parts[-1] == "Harbin Institute of Technology"
    line = screen_name("School of Mechanical Engineering, Dalian University of Technology, Dalian 116024, China",
                       CONFIG)
    assert line["outcome"] in MATCH and line["candidates"][0]["name"] == "Dalian University of Technology"


def test_an_abbreviated_honorific_without_initials_is_still_an_honorific() -> None:
    assert tokens("ИПМ им. Келдыша") == ("ipm", "~keldysh")
    assert tokens("ИПМ им. М.В. Келдыша РАН") == ("ipm", "~keldysh", "ran")  # noqa: RUF001


@pytest.mark.parametrize(("typed", "listed"), [
    ("ФТИ им. Иоффе", "FEDERAL STATE FINANCED INSTITUTION OF SCIENCE PHYSICS AND TECHNOLOGY INSTITUTE NAMED AFTER"),
    ("ИТПМ им. Христиановича", "RUSSIAN ACADEMY OF SCIENCES SIBERIAN BRANCH KHRISTIANOVICH INSTITUTE"),
    # (the Boreskov and Rzhanov Institutes' Cyrillic short forms were the examples until they became sourced aliases;
    # Bauman's and Keldysh's, until the importer gave a curated alias to the record its entry names, 2026-12-07)
    ("ИСЭ СО РАН", "ISE SO RAN Institute of High-Current Electronics"),  # noqa: RUF001
])
def test_russian_initials_with_the_honorific_or_the_academy_branch_are_a_possible_match(typed: str,
                                                                                          listed: str) -> None:
    result = screen_name(typed, CONFIG)
    # The institute's records on different lists tie; the one ranked first carries the reason.
    assert any(c["possible"] and "initials of the listed name" in c["possible_reason"]
               for c in result["candidates"] if c["name"].startswith(listed))


def test_initials_alone_never_meet_a_name_with_an_honorific_on_one_side_only() -> None:
    # МГТУ is also Murmansk State Technical University: the listed "МГТУ им. Баумана" needs the surname to be more than
    # initials that fit it (tests/unit/test_screening_acronyms.py): a possible match that asks for the full name.
    result = screen_name("МГТУ", CONFIG)
    assert result["outcome"] == "possible_match"
    # (the university's record on the SDN list shown with it: the same organisation on another list)
    assert [c["why"] for c in result["candidates"] if c["possible"]] == ["initials", "initials"]
    assert [c["name"] for c in result["candidates"] if c["possible"]] == [
        "Bauman Moscow State Technical University", "MOSCOW STATE TECHNICAL UNIVERSITY NAMED AFTER NE BAUMAN"]
    # A typed surname the one-word listed name lacks ("IPM Limited") makes it no match either.
    result = screen_name("ИПМ им. Келдыша", CONFIG)
    assert result["outcome"] == "possible_match" and "IPM LIMITED" not in _listed_names(result)


def test_three_capitals_that_are_a_listed_schools_initials_are_a_possible_match() -> None:
    result = screen_name("DUT", CONFIG)
    assert result["outcome"] == "possible_match"
    assert _listed_names(result) == ["Dalian University of Technology"]
    assert result["candidates"][0]["possible_reason"] == (
        "the initials of the listed name; initials alone can stand for other organisations too: type the full name "
        "to check")
    # Not a company's initials ("United Arctic Company": UAC; the list's own short form of the United Aircraft
    # Corporation is tests/unit/test_screening_acronyms.py's), and not lower case.
    assert "UNITED ARCTIC COMPANY LLC" not in _listed_names(screen_name("UAC", CONFIG))
    assert screen_name("dut", CONFIG)["outcome"] == "none"


def test_a_companys_one_word_name_opening_a_longer_one_is_a_possible_match() -> None:
    result = screen_name("Alibaba DAMO Academy", CONFIG)
    best = next(c for c in result["candidates"] if c["possible"])
    assert best["name"] == "Alibaba Group Holding Limited"
    assert best["possible_reason"] == "the listed name opens what you typed, followed by: damo, academy"


@pytest.mark.parametrize(("typed", "listed"), [
    ("Penza State Pedagogical University", "Joint Stock Company Penza Electrotechnical Research Institute"),  # a city
    ("Sukhoi State Technical University of Gomel", "Public Joint Stock Company United Aircraft Corporation"),
    ("天麻与真菌共生生物学重点实验室", "Tianma Microelectronics Co., Ltd."),  # syllables read from Chinese
])
def test_a_one_word_company_name_is_no_evidence_before_a_school_a_place_or_in_chinese(typed: str, listed: str) -> None:
    assert listed not in _listed_names(screen_name(typed, CONFIG))


def test_a_korean_name_is_read_with_the_other_english_word_of_its_institutional_words() -> None:
    # 항공 reads "aeronautics" first, "aviation" too: 모스크바 항공대학교 is the listed Moscow Aviation Institute.
    result = screen_name("모스크바 항공대학교", CONFIG)
    assert result["outcome"] == "possible_match" and _listed_names(result)[0] == "Moscow Aviation Institute"
    # Not a Chinese name: 大连工业大学 (Dalian Polytechnic University) is not Dalian University of Technology.
    assert "Dalian University of Technology" not in _listed_names(screen_name("大连工业大学", CONFIG))


@pytest.mark.parametrize(("typed", "listed"), [
    ("Keldysh Institute", "Keldysh Institute of Applied Mathematics"),
    ("Rzhanov Institute", "Rzhanov Institute of Semiconductor Physics of the Siberian Branch of the RAS"),
])
def test_the_surname_an_institute_is_named_after_with_its_kind_is_a_possible_match(typed: str, listed: str) -> None:
    result = screen_name(typed, CONFIG)
    found = next(c for c in result["candidates"] if c["possible"])
    assert result["outcome"] == "possible_match" and found["name"].startswith(listed.split(" of the ", maxsplit=1)[0])
    assert found["possible_reason"].startswith("the listed name's own word with the kind of body")


@pytest.mark.parametrize(("typed", "listed"), [
    ("Northwestern University", "Northwestern Polytechnical University"),  # another word of a name, no surname
    ("Jiangnan University", "Jiangnan Social University"),
])
def test_a_word_of_a_listed_name_with_its_kind_is_no_short_form_unless_a_surname(typed: str, listed: str) -> None:
    assert listed not in _listed_names(screen_name(typed, CONFIG))


def test_a_school_typed_against_a_companys_brand_is_a_possible_match_at_most() -> None:
    # "BAIKAL" is a brand of the listed Izhevsk Mechanical Plant (a JSC): Baikal University is no match of it.
    result = screen_name("Baikal University", CONFIG)
    assert result["outcome"] == "possible_match"
    assert "the listed entry is a company" in result["candidates"][0]["possible_reason"]
    # A company's research institute is still the listed company.
    assert screen_name("Hikvision Research Institute", CONFIG)["outcome"] in MATCH


def test_engineering_added_to_a_listed_institutes_name_names_another_institute() -> None:
    # The Institute of Biophysics and Cell Engineering (Minsk) is not the listed Institute of Cell Biophysics.
    result = screen_name("Institute of Biophysics and Cell Engineering", CONFIG)
    assert result["outcome"] not in MATCH
    assert screen_name("Harbin Engineering University", CONFIG)["outcome"] in MATCH


def test_loan_skeletons_keep_the_consonants_korean_keeps_apart() -> None:
    from assessments.screening.index import loan_skeleton  # noqa: PLC0415

    assert loan_skeleton("aipeullaitek") == loan_skeleton("iFlytek") == "pltk"  # 아이플라이텍
    assert loan_skeleton("jungsingwoji") == loan_skeleton("ZhongXinGuoJi") == "jnksnkj"  # 중신궈지, 中芯国际
    assert loan_skeleton("seukolkobo") == loan_skeleton("Skolkovo")  # 스콜코보


def test_a_korean_transliteration_of_a_foreign_name_is_read_back_when_one_listed_name_fits() -> None:
    # 중신궈지 is 中芯国际 (SMIC) as Korean writes its Chinese sound: a possible match, never a match.
    result = screen_name("중신궈지", CONFIG)
    assert result["outcome"] == "possible_match"
    assert all(name.startswith(("SMIC", "Semiconductor Manufacturing International")) for name in _listed_names(result))
    assert "中芯国际" in result["candidates"][0]["possible_reason"]
    # "pltk" (아이플라이텍, iFlytek) is also the consonants of other listed names, but with its vowels only iFlytek's
    # (scripts.sound_fits): a possible match of that one, read by its sound.
    result = screen_name("아이플라이텍", CONFIG)
    assert result["outcome"] == "possible_match" and _listed_names(result) == ["IFLYTEK"]
    assert "read by its sound" in result["candidates"][0]["possible_reason"]


def test_a_russian_school_of_a_field_is_not_the_listed_school_its_name_opens_with() -> None:
    # "... университет экономики, статистики и информатики": the university of economics, not Moscow State University.
    result = screen_name("Московский государственный университет экономики, статистики и информатики", CONFIG)
    assert "Moscow State University" not in _listed_names(result)
    # The honorific and the Academy after the kind are no field: the listed institute is still found.
    assert screen_name("Физический институт имени П. Н. Лебедева РАН", CONFIG)["outcome"] in (*MATCH, "possible_match")  # noqa: RUF001


@pytest.mark.parametrize(("typed", "listed"), [
    ("دانشگاه یزد", "Islamic Azad University"),  # Yazd University: "zd", as Azad's
    ("دانشگاه علوم پزشکی ایلام", "Baghyatollah Medical Sciences University"),  # only the glossary's words in common
])
def test_a_persian_name_met_in_part_must_meet_a_name_of_its_own(typed: str, listed: str) -> None:
    assert listed not in _listed_names(screen_name(typed, CONFIG))


def test_a_persian_name_met_whole_by_a_short_name_is_still_a_possible_match() -> None:
    assert _listed_names(screen_name("بانک آینده", CONFIG)) == ["AYANDEH BANK"]  # Ayandeh: "nd"


def test_a_listed_company_name_with_a_word_of_another_added_is_a_possible_match() -> None:
    # China Railway Construction Investment is not the listed China Railway Construction Corporation itself.
    result = screen_name("China Railway Construction Investment Co.", CONFIG)
    assert result["outcome"] == "possible_match"
    assert result["candidates"][0]["possible_reason"] == "the listed name opens what you typed, followed by: investment"
    # A city after the name is no other body's word: a branch of the listed university still matches it.
    assert screen_name("Islamic Azad University, Babol", CONFIG)["outcome"] in MATCH


def test_a_cyrillic_word_meets_a_listed_one_spelled_differently_only_when_both_start_alike() -> None:
    # "Омский" (of Omsk) is one letter from "Томский" (of Tomsk): another city's university.
    result = screen_name("Омский политехнический университет", CONFIG)
    assert "Tomsk Polytechnic University" not in _listed_names(result)
    assert screen_name("Томский политехнический университет", CONFIG)["outcome"] in MATCH
    # A romanisation that differs inside the word still meets the list's ("Sovkombank" / "Sovcombank").
    assert "SOVCOMBANK OPEN JOINT STOCK COMPANY" in _listed_names(screen_name("ПАО «Совкомбанк»", CONFIG))


def test_the_place_names_come_from_the_ror_records_of_the_screened_countries() -> None:
    from tests.support.hooks import load_script  # noqa: PLC0415
    from tests.support.paths import ROOT  # noqa: PLC0415

    tool = load_script("screening_places", ROOT / "tools" / "screening_places.py")
    v2 = {"id": "a", "locations": [{"geonames_details": {"country_code": "CN", "name": "Changshu",
                                                         "country_subdivision_name": "Jiangsu"}}]}
    v1 = {"id": "b", "country": {"country_code": "RU"},
          "addresses": [{"city": "Tomsk", "geonames_city": {"city": "Tomsk", "geonames_admin1": {
              "ascii_name": "Tomskaya Oblast'"}, "geonames_admin2": {"ascii_name": None}}}]}
    elsewhere = {"id": "c", "locations": [{"geonames_details": {"country_code": "DE", "name": "Hamburg"}}]}
    assert tool.place_words([v2, v1, elsewhere], {"CN", "RU"}) == ["changshu", "jiangsu", "tomsk", "tomskaya"]
    # The shipped file is what the tool writes: a list of words the matcher reads.
    assert all(w.isalpha() and len(w) >= tool.MIN_LEN for w in places())


def test_a_listed_name_after_and_in_a_units_field_is_not_the_body_the_unit_belongs_to() -> None:
    # "Theoretical and Applied Mechanics" is the institute's field; the listed LLC APPLIED MECHANICS is a company.
    result = screen_name("Khristianovich Institute of Theoretical and Applied Mechanics", CONFIG)
    assert "LLC APPLIED MECHANICS" not in [c["name"] for c in result["candidates"] if c["match"] or c["possible"]]
    # The institute itself, listed with the Academy and its branch written out before its name: a possible match.
    assert result["outcome"] == "possible_match"
    found = result["candidates"][0]
    assert found["name"] == ("RUSSIAN ACADEMY OF SCIENCES SIBERIAN BRANCH KHRISTIANOVICH INSTITUTE OF THEORETICAL AND "
                             "APPLIED MECHANICS")
    assert found["possible_reason"] == ("the same name but for the academy (or its branch) that the list names: "
                                        "russia, academy, science, sb")
    # A unit of a listed body, with "and" in its own field, is still a match of that body.
    unit = screen_name("Harbin Institute of Technology School of Materials Science and Engineering", CONFIG)
    assert unit["outcome"] in MATCH and unit["candidates"][0]["name"] == "Harbin Institute of Technology"
