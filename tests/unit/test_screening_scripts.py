"""Cross-script data: the glossary of institutional words, Korean romanisation and consonant skeletons."""

from __future__ import annotations

import copy
import json

import pytest

from assessments._errors import ConfigError
from assessments._resources import package_root
from assessments.screening import scripts
from assessments.screening.scripts import (
    glossary,
    parse_glossary,
    romanize,
    romanize_hangul,
    romanize_mr,
    script_of,
    skeleton,
)


def _raw() -> dict:
    return json.loads(package_root().joinpath("data", "scripts", "glossary.json").read_text("utf-8"))


def test_the_shipped_glossary_loads_and_covers_the_institutional_words() -> None:
    g = glossary()
    english = {w for t in g.terms for w in t.en}
    for word in ("university", "institute", "academy", "group", "company", "bureau", "ministry", "army", "bank",
                 "aeronautics", "engineering", "science", "technology", "research", "national", "state"):
        assert word in english, word
    for key in ("zh_hans", "zh_hant", "ko", "fa", "ru"):
        assert sum(key in t.forms for t in g.terms) >= 15, key
    assert all(t.source for t in g.terms)


@pytest.mark.parametrize(("word", "english"), [
    ("大学", "university"), ("大學", "university"), ("대학교", "university"), ("دانشگاه", "university"),
    ("университет", "university"), ("Университет", "university"), ("银行", "bank"), ("은행", "bank"),
    ("بانک", "bank"), ("банк", "bank"), ("国防", "defense"), ("연구소", "institute"), ("집단", "group"),
])
def test_lookup_gives_the_english_word(word: str, english: str) -> None:
    assert english in glossary().lookup(word)


def test_lookup_of_an_unknown_word_is_empty() -> None:
    assert glossary().lookup("牡丹江") == ()
    assert glossary().lookup("") == ()


def test_segment_cuts_chinese_and_korean_anywhere_and_persian_and_russian_at_words() -> None:
    g = glossary()
    assert [(s.text, s.english[:1]) for s in g.segment("哈尔滨工业大学")] == [
        ("哈尔滨", ("harbin",)), ("工业", ("polytechnic",)), ("大学", ("university",))]
    assert [(s.text, s.english[:1]) for s in g.segment("牡丹江工业大学")] == [
        ("牡丹江", ()), ("工业", ("polytechnic",)), ("大学", ("university",))]
    assert g.english("하얼빈 공업대학") == ["harbin", "polytechnic", "university"]
    assert g.english("모란강 공업대학") == ["morangang", "polytechnic", "university"]
    assert g.english("조선중앙은행") == ["korea", "central", "bank"]
    assert g.english("بانک ملی ایران") == ["bank", "national", "iran"]
    # A Russian glossary word inside a longer word is not cut out of it.
    assert [s.english for s in g.segment("Банкир")] == [()]
    assert g.english("Томский политехнический университет") == ["tomskiy", "polytechnic", "university"]


def test_zero_width_non_joiner_and_arabic_letter_variants_fold_to_one_spelling() -> None:
    g = glossary()
    nuclear = "\u0647\u0633\u062a\u0647"  # the Persian for nuclear is written with a zero-width non-joiner
    assert g.lookup(nuclear + "\u200c\u0627\u06cc") == g.lookup(nuclear + " \u0627\u06cc") != ()
    assert g.lookup("بانك") == g.lookup("بانک") == ("bank",)


@pytest.mark.parametrize(("hangul", "latin"), [
    ("서울", "seoul"), ("부산", "busan"), ("한국", "hanguk"), ("조선", "joseon"), ("신라", "silla"),
    ("설날", "seollal"), ("정찰총국", "jeongchalchongguk"), ("하얼빈", "haeolbin"), ("값이", "gapsi"),
    ("좋아", "joa"), ("화웨이", "hwawei"), ("고려항공", "goryeohanggong"),
])
def test_revised_romanization_of_hangul(hangul: str, latin: str) -> None:
    assert romanize_hangul(hangul) == latin


# North Korean names as the lists write them (McCune-Reischauer without breves and apostrophes).
@pytest.mark.parametrize(("hangul", "latin"), [
    ("련봉", "ryonbong"), ("단천", "tanchon"), ("광선", "kwangson"), ("조선", "choson"), ("평양", "pyongyang"),
    ("대성", "taesong"), ("광업", "kwangop"), ("개발", "kaebal"), ("무역", "muyok"), ("회사", "hoesa"),
    ("정찰", "chongchal"), ("총국", "chongguk"), ("전략", "chollyak"), ("고려", "koryo"), ("금강", "kumgang"),
])
def test_mccune_reischauer_romanization_of_hangul(hangul: str, latin: str) -> None:
    assert romanize_mr(hangul) == latin


def test_a_north_korean_name_in_hangul_meets_the_lists_romanised_name() -> None:
    from assessments.screening import screen_name  # noqa: PLC0415

    # No Korean alias on the lists: the proper name read by McCune-Reischauer ("Kangbong", not the
    # Revised Romanization's "Gangbong"), the institutional words through the glossary.
    result = screen_name("강봉무역회사")
    best = result["candidates"][0]
    assert result["outcome"] == "possible_match" and not best["match"] and best["possible"]
    assert best["name"] == "KANGBONG TRADING CORPORATION" and "kangbong" in best["possible_reason"]


@pytest.mark.parametrize(("hangul", "listed", "read"), [
    ("단천상업은행", "Tanchon Commercial Bank", "tanchon commercial"),  # 상업: glossary, 단천: McCune-Reischauer
    ("청송련합", "Green Pine Associated Corporation", "chongsong ryonhap"),  # a name written solid, cut in words
    ("모스크바 물리기술대학", "Moscow Institute of Physics and Technology", "institute"),  # 대학: an institute too
])
def test_a_north_korean_name_written_solid_meets_its_listed_name(hangul: str, listed: str, read: str) -> None:
    from assessments.screening import screen_name  # noqa: PLC0415

    result = screen_name(hangul)
    best = next(c for c in result["candidates"] if c["possible"])
    assert result["outcome"] == "possible_match" and best["name"] == listed and read in best["possible_reason"]


def test_romanize_keeps_other_characters_and_uses_anyascii_for_other_scripts() -> None:
    assert romanize_hangul("KAIST 대학") == "KAIST daehak"
    assert romanize("北京").lower().replace(" ", "") == "beijing"
    assert romanize("Москва") == "Moskva"


@pytest.mark.parametrize(("persian", "latin"), [
    ("بانک ملی ایران", "Bank Melli Iran"), ("بانک کشاورزی", "Bank Keshavarzi"), ("بانک قوامین", "Bank Qavamin"),
    ("بانک اقتصاد نوین", "Bank Eghtesad Novin"), ("بانک توسعه تعاون", "Bank Tosee Taavon"),
    ("دانشگاه صنعتی شریف", "Daneshgah-e Sanati-ye Sharif"), ("بانک خاورمیانه", "Bank Khavarmianeh"),
    ("سپاه پاسداران", "Sepah Pasdaran"), ("بانک آینده", "Bank Ayandeh"), ("شهید همت", "Shahid Hemmat"),
])
def test_persian_script_and_its_romanisation_share_a_skeleton(persian: str, latin: str) -> None:
    assert skeleton(persian) == skeleton(latin)


def test_different_names_have_different_skeletons() -> None:
    assert skeleton("بانک ملت") != skeleton("Bank Melli")
    assert skeleton("Bank Sepah") != skeleton("Bank Saderat")


def test_script_of() -> None:
    assert [script_of(t) for t in ("大学", "대학", "دانشگاه", "университет", "MIT", "MIT 大学")] == [
        "han", "hangul", "arabic", "cyrillic", "latin", "han"]


def _broken(change) -> str:
    data = copy.deepcopy(_raw())
    change(data)
    with pytest.raises(ConfigError) as exc:
        parse_glossary(data)
    return str(exc.value)


def test_a_malformed_glossary_names_the_file_the_key_and_the_reason() -> None:
    msg = _broken(lambda d: d["term"][2].pop("source"))
    assert scripts.GLOSSARY_FILE in msg and "term[2].source" in msg and "missing" in msg
    msg = _broken(lambda d: d["term"][0].__setitem__("ko", ["大学"]))
    assert "term[0].ko" in msg and "hangul" in msg
    msg = _broken(lambda d: d["term"][1].__setitem__("en", ["Research Institute"]))
    assert "term[1].en" in msg
    msg = _broken(lambda d: d["term"][0].__setitem__("jp", ["大学"]))
    assert "term[0].jp" in msg and "unknown key" in msg
    msg = _broken(lambda d: d["term"][3].__setitem__("fa", []))
    assert "term[3].fa" in msg
    msg = _broken(lambda d: d.pop("meta"))
    assert "meta.checked" in msg
    msg = _broken(lambda d: d["term"][0].__setitem__("ru", ["университет", "университет"]))
    assert "twice" in msg


def test_a_term_with_no_native_form_is_refused() -> None:
    msg = _broken(lambda d: d["term"].append({"en": ["office"], "source": "a source of some length"}))
    assert f"term[{len(_raw()['term'])}]" in msg and "no native form" in msg


def test_the_glossary_is_small_enough_for_the_page() -> None:
    size = len(package_root().joinpath("data", "scripts", "glossary.json").read_bytes())
    assert size < 44_000


def test_a_korean_name_of_a_chinese_institution_reads_back_into_chinese() -> None:
    g = glossary()
    assert g.chinese("하얼빈 공업대학") == "哈尔滨工业大学"
    assert g.chinese("하얼빈공업대학교") == "哈尔滨工业大学"
    assert g.chinese("중국공정물리연구원") == "中国工程物理研究院"
    assert g.chinese("다롄 이공대학") == "大连理工大学"
    assert g.chinese("하얼빈 군사공정학원") == "哈尔滨军事工程学院"  # Sino-Korean readings: 군사 军事, 학원 学院
    # A word with no glossary reading (a DPRK body's name, Korean words) gives no reading at all.
    assert g.chinese("조선무역은행") == ""  # 무역 is 贸易 and 外贸 in the glossary: no one reading
    assert g.chinese("선전선동부") == ""
    assert g.chinese("哈尔滨工业大学") == "" and g.chinese("Harbin") == ""


def test_a_korean_reading_is_a_possible_match_never_a_match() -> None:
    from assessments.screening import screen_name  # noqa: PLC0415

    result = screen_name("하얼빈 공업대학")
    best = result["candidates"][0]
    assert result["outcome"] == "possible_match" and not best["match"]
    assert best["name"] == "Harbin Institute of Technology" and "哈尔滨工业大学" in best["possible_reason"]


def test_a_romanised_persian_name_is_compared_on_consonant_skeletons() -> None:
    from assessments.screening import screen_name  # noqa: PLC0415

    result = screen_name("Bank-e Tejarat")
    assert result["outcome"] == "possible_match"
    best = result["candidates"][0]
    assert best["name"] == "BANK TEJARAT" and "consonants" in best["possible_reason"]
    # Without the ezafe a Latin name is not read as Persian: its consonants alone are no evidence.
    assert all("consonants" not in c["possible_reason"] for c in screen_name("Dnshgh Snt Shrf")["candidates"])
