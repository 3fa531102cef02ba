"""Korean names of listed bodies as Korean sources write them: the institutional words of the glossary
(assessments/data/scripts/glossary.json) they need (공과: technical, 중공업: heavy industry, 혁명: revolutionary,
수비대: guard, 이슬람: Islamic, 원자력: atomic energy, 국영: state-run, 해운: shipping, 항공: air as airlines write
it), and a parent body's name before a body's own read past ("인민해방군 국방과학기술대학"). A name read that way
is a guess across scripts: a possible match with its reason, never a match; South Korean bodies with the same words
are not raised."""

from __future__ import annotations

import pytest

import assessments
from assessments.screening import get_index, screen_name
from assessments.screening.scripts import (
    SOUND_SCORE,
    _closest,
    _without_epenthesis,
    glossary,
    hangul_sound,
    korean_prefix,
    latin_sound,
    sound_reading,
    sounds_alike,
)

CONFIG = assessments.default_config()


def _possible(hangul: str) -> dict[str, dict]:
    result = screen_name(hangul, CONFIG)
    assert not any(c["match"] for c in result["candidates"])
    return {c["name"]: c for c in result["candidates"] if c["possible"]}


@pytest.mark.parametrize(("hangul", "listed", "read"), [
    # Korean Wikipedia's and the Korean press's spellings
    # 바우만 모스크바 국립 공과대학
    ("\ubc14\uc6b0\ub9cc \ubaa8\uc2a4\ud06c\ubc14 \uad6d\ub9bd \uacf5\uacfc\ub300\ud559",
     "Bauman Moscow State Technical University", "bauman moscow state technical university"),
    ("\uc774\uc2ac\ub78c\ud601\uba85\uc218\ube44\ub300",  # 이슬람혁명수비대
     "Islamic Revolutionary Guard Corps", "islamic revolution guards"),
    ("\uc774\ub780 \uc6d0\uc790\ub825\uae30\uad6c",  # 이란 원자력기구
     "Atomic Energy Organization of Iran", "iranian atomic organization"),
    ("\uc911\uad6d\uc120\ubc15\uc911\uacf5\uc5c5\uc9d1\ub2e8",  # 중국선박중공업집단
     "CHINA SHIPBUILDING INDUSTRY COMPANY LIMITED", "china shipbuilding industry group"),
    ("\uc774\ub780 \uad6d\uc601\uc11d\uc720\ud68c\uc0ac",  # 이란 국영석유회사
     "NATIONAL IRANIAN OIL COMPANY", "iran national oil company"),
    ("\ub9c8\ud55c \ud56d\uacf5", "MAHAN AIR", "mahan"),  # 마한 항공
    # 전술미사일공사: 전술 (tactical) and 미사일 (missile)
    ("\uc804\uc220\ubbf8\uc0ac\uc77c\uacf5\uc0ac", "Tactical Missiles Corporation JSC", "tactical missiles company"),
    # 중국이동통신, 중국전신, 중국해양석유총공사, 중국원양해운, 중국항천과공집단: Sino-Korean readings of Chinese names
    # (read in Chinese characters since the group's pre-2017 name 中国移动通信集团公司 is a curated alias)
    ("\uc911\uad6d\uc774\ub3d9\ud1b5\uc2e0", "China Mobile Communications Group Co., Ltd.",
     "\u4e2d\u56fd\u79fb\u52a8\u901a\u4fe1"),
    ("\uc911\uad6d\uc804\uc2e0", "China Telecom Corporation Limited", "\u4e2d\u56fd\u7535\u4fe1"),
    ("\uc911\uad6d\ud574\uc591\uc11d\uc720\ucd1d\uacf5\uc0ac", "China National Offshore Oil Corporation",
     "\u4e2d\u56fd\u6d77\u6d0b\u77f3\u6cb9\u603b\u516c\u53f8"),
    ("\uc911\uad6d\uc6d0\uc591\ud574\uc6b4", "China Ocean Shipping Company Ltd.", "china ocean shipping"),
    ("\uc911\uad6d\ud56d\ucc9c\uacfc\uacf5\uc9d1\ub2e8", "China Aerospace Science and Industry Corporation Limited",
     "\u4e2d\u56fd\u822a\u5929\u79d1\u5de5\u96c6\u56e2"),
])
def test_a_listed_body_read_through_its_institutional_words_is_a_possible_match(hangul: str, listed: str,
                                                                               read: str) -> None:
    found = _possible(hangul)
    assert listed in found
    assert read in found[listed]["possible_reason"]


def test_the_new_words_read_in_english() -> None:
    g = glossary()
    assert g.english("\uc774\uc2ac\ub78c\ud601\uba85\uc218\ube44\ub300") == ["islamic", "revolutionary", "guard"]
    assert "technical" in g.lookup("\uacf5\uacfc") and "energy" in g.lookup("\uc6d0\uc790\ub825")
    assert "air" in g.lookup("\ud56d\uacf5")
    # 중공업 is 重工 in Chinese company names: the Korean name reads back into the Chinese one.
    chinese = "\u4e2d\u56fd\u8239\u8236\u91cd\u5de5\u96c6\u56e2"  # 中国船舶重工集团
    assert g.chinese("\uc911\uad6d\uc120\ubc15\uc911\uacf5\uc5c5\uc9d1\ub2e8") == chinese


@pytest.mark.parametrize("before", [
    "\uc778\ubbfc\ud574\ubc29\uad70",  # 인민해방군 (PLA)
    "\uc911\uad6d \uc778\ubbfc\ud574\ubc29\uad70",  # 중국 인민해방군: the country's name, then the parent's
    "\uc911\uad6d\uc778\ubbfc\ud574\ubc29\uad70",  # 중국인민해방군
])
def test_a_parent_body_before_a_body_is_read_past(before: str) -> None:
    found = _possible(f"{before} \uad6d\ubc29\uacfc\ud559\uae30\uc220\ub300\ud559")  # ... 국방과학기술대학 (NUDT)
    best = found["National University of Defense Technology"]
    assert "before it, \u201c\uad6d\ubc29\uacfc\ud559\uae30\uc220\ub300\ud559\u201d" in best["possible_reason"]


@pytest.mark.parametrize(("word", "english"), [
    ("\uc778\ubbfc\ud574\ubc29\uad70", "pla"), ("\uad6d\ub9bd", "national"),  # 인민해방군, 국립
    # Places, countries, foreign names by their sound and Korean words that are no glossary word: no parent body.
    ("\ubaa8\uc2a4\ud06c\ubc14", ""), ("\ud558\uc5bc\ube48", ""), ("\uc911\uad6d", ""), ("\ud55c\uad6d", ""),
    ("\ubc14\uc6b0\ub9cc", ""), ("\uc11c\uc6b8", ""), ("\uc0bc\uc131", ""), ("Beijing", ""),
])
def test_only_institutional_words_are_read_past(word: str, english: str) -> None:
    # 모스크바, 하얼빈, 중국, 한국, 바우만, 서울, 삼성
    assert korean_prefix(word) == english


@pytest.mark.parametrize("hangul", [
    "\ub300\ud55c\ud56d\uacf5", "\uc544\uc2dc\uc544\ub098\ud56d\uacf5", "\uc81c\uc8fc\ud56d\uacf5",  # airlines
    "\ud604\ub300\uc911\uacf5\uc5c5", "\uc0bc\uc131\uc911\uacf5\uc5c5",  # 현대중공업, 삼성중공업
    "\ud55c\uad6d\uc6d0\uc790\ub825\uc5f0\uad6c\uc6d0", "\ud55c\uad6d\uc6d0\uc790\ub825\uc548\uc804\uae30\uc220\uc6d0",
    "\ud55c\uad6d\uc218\ub825\uc6d0\uc790\ub825",  # 한국원자력연구원, 한국원자력안전기술원, 한국수력원자력
    # 국립 부경대학교, 국립 창원대학교
    "\uad6d\ub9bd \ubd80\uacbd\ub300\ud559\uad50", "\uad6d\ub9bd \ucc3d\uc6d0\ub300\ud559\uad50",
    "\ub300\ud55c\ud574\uc6b4", "\uad6d\ubc29 \uacfc\ud559 \uc5f0\uad6c\uc18c",  # 대한해운, 국방 과학 연구소
    "\uc774\uc2ac\ub78c \ubb38\ud654\uc6d0",  # 이슬람 문화원
    "\ud55c\uad6d \ubbf8\uc0ac\uc77c", "\ubbf8\uc0ac\uc77c \ubc29\uc5b4",  # 한국 미사일, 미사일 방어
    # 한국이동통신, 한국전신, 현대상선
    "\ud55c\uad6d\uc774\ub3d9\ud1b5\uc2e0", "\ud55c\uad6d\uc804\uc2e0", "\ud604\ub300\uc0c1\uc120",
])
def test_south_korean_bodies_with_the_same_words_are_not_raised(hangul: str) -> None:
    result = screen_name(hangul, CONFIG)
    assert result["outcome"] == "none"
    assert not any(c["match"] or c["possible"] for c in result["candidates"])


@pytest.mark.parametrize(("hangul", "forms", "listed"), [
    # 전자과학기술대학: 电子科技大学, the University of Electronic Science and Technology of China
    ("\uc804\uc790\uacfc\ud559\uae30\uc220\ub300\ud559",
     ["\u7535\u5b50\u79d1\u5b66\u6280\u672f\u5927\u5b66", "\u7535\u5b50\u79d1\u6280\u5927\u5b66"],
     "University of Electronic Science and Technology of China"),
    # 중국항천과학기술집단: 中国航天科技集团, the China Aerospace Science and Technology Corporation
    ("\uc911\uad6d\ud56d\ucc9c\uacfc\ud559\uae30\uc220\uc9d1\ub2e8",
     ["\u4e2d\u56fd\u822a\u5929\u79d1\u5b66\u6280\u672f\u96c6\u56e2",
      "\u4e2d\u56fd\u822a\u5929\u79d1\u6280\u96c6\u56e2"],
     "China Aerospace Science and Technology Corporation"),
])
def test_a_chinese_reading_is_also_tried_with_its_compounds_contracted(hangul: str, forms: list[str],
                                                                         listed: str) -> None:
    assert glossary().chinese_forms(hangul) == forms
    found = _possible(hangul)
    assert listed in found
    assert f"\u201c{forms[1]}\u201d" in found[listed]["possible_reason"]


def test_a_reading_without_a_contractible_compound_is_tried_once() -> None:
    # 하얼빈 공업대학: 哈尔滨工业大学 only; a name with a word of no Chinese reading: none.
    assert glossary().chinese_forms("\ud558\uc5bc\ube48 \uacf5\uc5c5\ub300\ud559") == [
        "\u54c8\u5c14\u6ee8\u5de5\u4e1a\u5927\u5b66"]
    assert glossary().chinese_forms("\uc0bc\uc131\uc804\uc790") == []  # 삼성전자


@pytest.mark.parametrize(("hangul", "latin", "listed"), [
    # 로스텍: a word many listed names carry (too many for a reading by sound alone), read as its one closest word
    ("\ub85c\uc2a4\ud14d", "rostec", "STATE CORPORATION ROSTEC"),
    # 칼라시니코프: a glossary word Korean writes by its sound, the brand inside the listed holding's name
    ("\uce7c\ub77c\uc2dc\ub2c8\ucf54\ud504", "kalashnikov", "Kalashnikov Concern"),
])
def test_a_foreign_name_read_in_latin_letters_is_screened_as_typed_so(hangul: str, latin: str, listed: str) -> None:
    assert sound_reading(hangul, get_index()) == latin
    found = _possible(hangul)
    assert listed in found
    why = found[listed]["possible_reason"]
    assert f"read in Latin letters, as Korean writes a foreign name: \u201c{latin}\u201d" in why
    assert found[listed]["score"] <= SOUND_SCORE


@pytest.mark.parametrize("hangul", [
    # 넥스트 게임즈, 크래프톤, 삼성전자, 셀트리온, 카카오뱅크, 엔씨소프트, 넷마블, 한화에어로스페이스, 모스크바
    "\ub125\uc2a4\ud2b8 \uac8c\uc784\uc988", "\ud06c\ub798\ud504\ud1a4", "\uc0bc\uc131\uc804\uc790",
    "\uc140\ud2b8\ub9ac\uc628", "\uce74\uce74\uc624\ubc45\ud06c", "\uc5d4\uc528\uc18c\ud504\ud2b8",
    "\ub137\ub9c8\ube14", "\ud55c\ud654\uc5d0\uc5b4\ub85c\uc2a4\ud398\uc774\uc2a4", "\ubaa8\uc2a4\ud06c\ubc14",
    "\uccad\ub144",  # 청년: a glossary word that is no name
])
def test_a_korean_name_with_a_word_not_read_or_no_foreign_name_has_no_latin_reading(hangul: str) -> None:
    assert sound_reading(hangul, get_index()) == ""


def test_of_two_listed_words_a_word_sounds_like_the_closest_vowels_win() -> None:
    # 로스텍: ㅗ writes o first (Rostec), a or u only as well (Rastek); two as close: no reading.
    assert _closest("\ub85c\uc2a4\ud14d", ["rastek", "rostec", "lastech"]) == "rostec"
    assert _closest("\ub85c\uc2a4\ud14d", ["rastek", "lastech"]) == ""
    assert _closest("\ub85c\uc2a4\ud14d", []) == ""


@pytest.mark.parametrize(("hangul", "listed"), [
    # Curated aliases (tools/data/curated_aliases.toml, stop 36): Korean names that are neither a reading nor a
    # transliteration the matcher can make, each from a Korean-language source.
    ("\ucc3d\uc7a5\uba54\ubaa8\ub9ac", "Yangtze Memory Technologies Co., Ltd."),  # 창장메모리
    ("\uc911\uc2f1\ud1b5\uc2e0", "ZTE Corporation"),  # 중싱통신
    ("\ucf85\uc2a4\ucee4\uc9c0", "Megvii Technology"),  # 쾅스커지
    ("\ud1b5\ud569\ud56d\uacf5\uae30\uc81c\uc791\uc0ac",  # 통합항공기제작사
     "Public Joint Stock Company United Aircraft Corporation"),
    ("\uc640\uadf8\ub108 \uadf8\ub8f9", "Private Military Company 'Wagner'"),  # 와그너 그룹
])
def test_a_curated_korean_name_is_its_listed_record(hangul: str, listed: str) -> None:
    result = screen_name(hangul, CONFIG)
    assert result["outcome"] in ("high", "prohibited")
    assert result["candidates"][0]["name"] == listed and result["candidates"][0]["match"]


@pytest.mark.parametrize("hangul", [
    "\uc911\ud765\uac74\uc124", "\uc911\ud765",  # 중흥건설 (a South Korean builder), 중흥
    "\ud1b5\ud569\ud56d\uacf5", "\uba54\ubaa8\ub9ac",  # 통합항공, 메모리
])
def test_words_of_a_curated_korean_name_alone_are_not_raised(hangul: str) -> None:
    result = screen_name(hangul, CONFIG)
    assert not any(c["match"] for c in result["candidates"])


def test_foreign_words_too_short_alone_are_read_together_as_one_listed_name() -> None:
    # 말레크 아슈타르 공과대학교: Malek Ashtar University of Technology. Neither word is long enough to point to a
    # listed name by its sound; together, one after the other, they are the words of one listed name.
    hangul = "\ub9d0\ub808\ud06c \uc544\uc288\ud0c0\ub974 \uacf5\uacfc\ub300\ud559\uad50"
    assert sound_reading(hangul, get_index()) == "malek ashtar technology university"
    found = _possible(hangul)
    assert "MALEK ASHTAR UNIVERSITY OF TECHNOLOGY" in found
    assert "\u201cmalek ashtar technology university\u201d" in found["MALEK ASHTAR UNIVERSITY OF TECHNOLOGY"][
        "possible_reason"]


def test_the_vowel_korean_writes_after_sh_before_a_consonant_may_be_left_out() -> None:
    # 아슈타르: the ㅠ of 슈 writes no vowel of Ashtar.
    ashtar = hangul_sound("\uc544\uc288\ud0c0\ub974")
    assert not sounds_alike(ashtar, latin_sound("ashtar"))
    assert sounds_alike(_without_epenthesis(ashtar), latin_sound("ashtar"))
    assert _without_epenthesis(hangul_sound("\uc2a4\ubca0\ub974\ubc29\ud06c")) == hangul_sound(
        "\uc2a4\ubca0\ub974\ubc29\ud06c")  # 스베르방크: no ㅠ or ㅣ after an s


@pytest.mark.parametrize("hangul", [
    # Korean company names written as two words, none of them read: no reading.
    "\uc2a4\ub9c8\uc77c \uac8c\uc774\ud2b8", "\ub86f\ub370 \ucf00\ubbf8\uce7c",  # 스마일 게이트, 롯데 케미칼
    "\uc544\ubaa8\ub808 \ud37c\uc2dc\ud53d", "\ud55c\ud654 \uc2dc\uc2a4\ud15c",  # 아모레 퍼시픽, 한화 시스템
    # 포스코 인터내셔널, 네이버 웹툰
    "\ud3ec\uc2a4\ucf54 \uc778\ud130\ub0b4\uc154\ub110", "\ub124\uc774\ubc84 \uc6f9\ud230",
    "\uc774\ub780 \ud56d\uacf5",  # 이란 항공: a country's name is no foreign name of a body
])
def test_two_korean_words_are_read_together_only_as_one_listed_names_words(hangul: str) -> None:
    assert sound_reading(hangul, get_index()) == ""


@pytest.mark.parametrize(("hangul", "latin", "listed"), [
    # 샤헤드 항공산업: a short foreign word read in a listed name that has the query's institutional words too, and
    # those words as that name writes them (항공: aviation)
    ("\uc0e4\ud5e4\ub4dc \ud56d\uacf5\uc0b0\uc5c5", "shahed aviation industry", "Shahed Aviation Industries"),
    # 다화 테크놀로지: a Chinese name by its Mandarin sound, with an institutional word written by its sound
    ("\ub2e4\ud654 \ud14c\ud06c\ub180\ub85c\uc9c0", "dahua technology", "Dahua Technology"),
])
def test_a_short_foreign_word_is_read_with_the_institutional_words_beside_it(hangul: str, latin: str,
                                                                              listed: str) -> None:
    assert sound_reading(hangul, get_index()) == latin
    assert listed in _possible(hangul)


@pytest.mark.parametrize("hangul", [
    # 하나 은행, 신한 은행, 국민 은행, 부영 그룹, 삼양 그룹, 한샘 디자인: South Korean banks and groups
    "\ud558\ub098 \uc740\ud589", "\uc2e0\ud55c \uc740\ud589", "\uad6d\ubbfc \uc740\ud589", "\ubd80\uc601 \uadf8\ub8f9",
    "\uc0bc\uc591 \uadf8\ub8f9", "\ud55c\uc0d8 \ub514\uc790\uc778",
])
def test_a_korean_company_name_with_an_institutional_word_has_no_latin_reading(hangul: str) -> None:
    assert sound_reading(hangul, get_index()) == ""
    assert screen_name(hangul, CONFIG)["outcome"] == "none"


def test_a_korean_name_a_curated_alias_carries_is_a_match() -> None:
    # 이란 혁명수비대 is a sourced Korean name of the IRGC (tools/data/curated_aliases.toml), so spaced otherwise
    # (이란 혁명 수비대) it is a match, not only a possible match read through the glossary.
    result = screen_name("\uc774\ub780 \ud601\uba85 \uc218\ube44\ub300", CONFIG)
    assert result["outcome"] in ("high", "prohibited")
    assert result["candidates"][0]["name"] == "Islamic Revolutionary Guard Corps"

