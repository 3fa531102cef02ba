"""Foreign names written in Hangul by their sound (the loanword spelling: 외래어 표기법), read back against the lists'
Latin names: a possible match at most, with a reason a person can read; and a Korean country name before a body's
name read past.

Most lists here are made up (screen_name() reads them instead of the shipped ones); the Hangul spellings follow the
loanword rules (ㅡ added to a consonant that stands alone, an English r after a vowel left out, x as ㄱ + ㅅ, a Chinese
name by its Mandarin sound, its syllables written solid)."""

from __future__ import annotations

import pytest

import assessments
from assessments.screening import get_index, screen_name
from assessments.screening.dataset import Record
from assessments.screening.index import Index
from assessments.screening.scripts import (
    SOUND_RECORDS,
    SoundTable,
    hangul_sound,
    latin_sound,
    sound_fits,
    sounds_alike,
)
from tests.support.made_up_lists import use_made_up_lists

CONFIG = assessments.default_config()
MATCH = ("high", "prohibited")
LIST = "us_dod_1286"

MADE_UP = [
    Record("t1", "Travoxen Systems Ltd", (), ("RU",), (LIST,), ""),
    Record("t2", "Kelmard Instruments", (), ("IR",), (LIST,), ""),
    Record("t3", "Zhoutian Xinke Co., Ltd.", (), ("CN",), (LIST,), ""),
    # 青岚云图 as its Chinese name
    Record("t4", "Bluepeak Imaging Technology Co., Ltd.", ("\u9752\u5c9a\u4e91\u56fe",), ("CN",), (LIST,), ""),
    Record("t5", "Mikrosan OOO", (), ("RU",), (LIST,), ""),
    Record("t6", "Hangbok Trading LLC", (), ("AE",), (LIST,), ""),
    Record("t7", "TED Teknoloji Sanayi", (), ("TR",), (LIST,), ""),
    Record("t8", "Kalmudong Shipping Company", (), ("KP",), (LIST,), ""),  # romanised Korean
    Record("t10", "Nexora Gulf Trading", (), ("AE",), (LIST,), ""),
    Record("t9", "Ramaba Institute", ("\ub77c\ub9c8\ubc14\uc5f0\uad6c\uc18c",), ("CN",), (LIST,), ""),  # 라마바연구소
    # A word many listed names share: no name of its own.
    *[Record(f"d{n}", f"Dravonex Logistics {n}", (), ("CN",), (LIST,), "") for n in range(SOUND_RECORDS + 1)],
]


@pytest.fixture
def made_up_lists(monkeypatch: pytest.MonkeyPatch) -> Index:
    return use_made_up_lists(monkeypatch, MADE_UP, LIST)


# --- the sound of a word, in Hangul and in Latin letters ------------------------------------------------------------

@pytest.mark.parametrize(("hangul", "latin"), [
    ("\ud2b8\ub77c\ubcf5\uc13c", "Travoxen"),            # 트라복센: ㅡ added to t, x as ㄱ + ㅅ
    ("\ucf08\ub9c8\ub4dc", "Kelmard"),                   # 켈마드: the English r after a vowel left out
    ("\ucf08\ub9c8\ub974\ub4dc", "Kelmard"),             # 켈마르드: the same r written 르, as from Russian
    ("\uc2a4\ubca0\ub974\ubc29\ud06c", "Sberbank"),      # 스베르방크: n before k written ㅇ
    ("\ub9c8\ud06c\ub85c\uc820", "Makrogen"),            # 마크로젠: g before e as j
    ("\ud14c\ud06c\ub180\ub85c\uc9c0\uc2a4", "technologies"),  # 테크놀로지스: ch as k, g before i as j
])
def test_a_loanword_and_its_latin_name_sound_alike(hangul: str, latin: str) -> None:
    # (A g before e or i is read both as a g and as the English j: Makrogen, technologies.)
    sounds = [latin_sound(latin), latin_sound(latin.replace("ge", "je").replace("gi", "ji"))]
    assert any(sounds_alike(hangul_sound(hangul), s) for s in sounds), (hangul_sound(hangul), sounds)


def test_a_chinese_name_sounds_alike_read_as_pinyin_only() -> None:
    korean = hangul_sound("\uc800\uc6b0\ud188\uc2e0\ucee4")  # 저우톈신커: Zhoutian Xinke by its Mandarin sound
    assert sounds_alike(korean, latin_sound("zhoutianxinke", pinyin=True))
    assert not sounds_alike(korean, latin_sound("zhoutianxinke"))  # x read as in English: ks


@pytest.mark.parametrize(("hangul", "latin"), [
    ("\ub9c8\ud06c\ub85c\uc820", "Mikrosan"),      # 마크로젠: the same consonants, but ㅏ does not write an i
    ("\ud06c\ub798\ud504\ud1a4", "Clifton"),       # 크래프톤: ㅐ does not write an i
    ("\uc580\ub371\uc2a4", "Index"),               # 얀덱스: ㅑ does not write an i
    ("\ud2b8\ub77c\ubcf5\uc13c", "Travixen"),      # 트라복센: ㅗ does not write an i
    ("\ud2b8\ub77c\ubcf5\uc13c", "Trapoksan"),     # other vowels and consonants in the same classes: still alike
])
def test_vowels_are_loosened_not_ignored(hangul: str, latin: str) -> None:
    alike = sounds_alike(hangul_sound(hangul), latin_sound(latin))
    assert alike == (latin == "Trapoksan"), (hangul_sound(hangul), latin_sound(latin))


def test_a_word_with_other_characters_has_no_sound() -> None:
    assert hangul_sound("\uce74\uc2a4A") == ("", ())
    assert hangul_sound("") == ("", ())


# --- records read by sound, on made-up lists -------------------------------------------------------------------------

def _fits(query: str, index: Index) -> dict[str, str]:
    return {index.records[f.record].name: f.latin for f in SoundTable(index).fits(query)}


def test_a_loanword_points_to_the_listed_name_it_sounds_like(made_up_lists: Index) -> None:
    assert _fits("\ud2b8\ub77c\ubcf5\uc13c", made_up_lists) == {"Travoxen Systems Ltd": "Travoxen"}
    assert _fits("\ucf08\ub9c8\ub974\ub4dc \uc5f0\uad6c\uc18c", made_up_lists) == {  # 켈마르드 연구소
        "Kelmard Instruments": "Kelmard"}
    # A Chinese name's pinyin words written solid (저우톈신커), and a Chinese alias read in pinyin (칭란윈투: 青岚云图).
    assert _fits("\uc800\uc6b0\ud188\uc2e0\ucee4", made_up_lists) == {"Zhoutian Xinke Co., Ltd.": "Zhoutian Xinke"}
    assert _fits("\uce6d\ub780\uc708\ud22c", made_up_lists) == {
        "Bluepeak Imaging Technology Co., Ltd.": "\u9752\u5c9a\u4e91\u56fe"}


@pytest.mark.parametrize(("query", "found"), [
    ("\ub125\uc18c\ub77c", True),  # 넥소라: Nexora typed alone
    ("\ub125\uc18c\ub77c \ucf54\ub9ac\uc544", True),  # 넥소라 코리아: with a country's name
    ("\ub125\uc18c\ub77c \ub7a9", True),  # 넥소라 랩: with an institutional word (lab)
    # 넥소라 모터개발연구소: with a description the glossary's words are in
    ("\ub125\uc18c\ub77c \ubaa8\ud130\uac1c\ubc1c\uc5f0\uad6c\uc18c", True),
    # 넥소라 게임즈: with a word of its own the listed name lacks
    ("\ub125\uc18c\ub77c \uac8c\uc784\uc988", False),
])
def test_the_other_words_of_the_name_must_be_accounted_for(made_up_lists: Index, query: str, found: bool) -> None:
    assert _fits(query, made_up_lists) == ({"Nexora Gulf Trading": "Nexora"} if found else {})


@pytest.mark.parametrize("query", [
    "\ud56d\ubcf5",                      # 항복 (surrender): two syllables, four consonants: Sino-Korean (Hangbok)
    "\ud14c\ud06c\ub180\ub85c\uc9c0",    # 테크놀로지: "technology", an institutional word, not TED Teknoloji's name
    "\uce7c\ubb34\ub3d9",                # 칼무동: a Korean name; the listed Kalmudong is romanised Korean
    "\ub4dc\ub77c\ubcf4\ub125\uc2a4",    # 드라보넥스: Dravonex, a word more listed names carry than a name does
    "\ub77c\ub9c8\ubc14\uc5f0\uad6c\uc18c",  # 라마바연구소: the glossary's 연구소; 라마바 (3 consonants): too short
])
def test_words_that_are_no_foreign_name_point_to_nothing(made_up_lists: Index, query: str) -> None:
    assert _fits(query, made_up_lists) == {}


def test_a_name_read_by_its_sound_is_a_possible_match_never_a_match(made_up_lists: Index) -> None:
    result = screen_name("\ud2b8\ub77c\ubcf5\uc13c", CONFIG)  # 트라복센
    assert result["outcome"] == "possible_match"
    best = result["candidates"][0]
    assert best["name"] == "Travoxen Systems Ltd" and not best["match"] and best["why"] == "sound"
    assert best["possible_reason"] == ("read by its sound, as Korean writes a foreign name: \u201c\ud2b8\ub77c\ubcf5"
                                       "\uc13c\u201d can be \u201cTravoxen\u201d")
    # A Latin query is never read this way.
    assert sound_fits("Travoxen", made_up_lists) == []


# --- a country's name before a body's name --------------------------------------------------------------------------

@pytest.mark.parametrize(("country", "english"), [
    ("\uc870\uc120", "North Korea"),
    ("\uc870\uc120\ubbfc\uc8fc\uc8fc\uc758\uc778\ubbfc\uacf5\ud654\uad6d", "North Korea"),
    ("\ubd81\ud55c", "North Korea"), ("\uc774\ub780", "Iran"), ("\uc911\uad6d", "China"),
    ("\ub7ec\uc2dc\uc544", "Russia"),
])
def test_a_korean_country_name_before_a_body_is_read_past(made_up_lists: Index, country: str, english: str) -> None:
    listed = "\ub77c\ub9c8\ubc14\uc5f0\uad6c\uc18c"  # 라마바연구소, the made-up body's Korean name
    assert screen_name(listed, CONFIG)["outcome"] in MATCH
    result = screen_name(f"{country} {listed}", CONFIG)
    assert result["outcome"] == "possible_match"
    best = next(c for c in result["candidates"] if c["possible"])
    assert best["name"] == "Ramaba Institute" and not best["match"]
    assert best["possible_reason"] == f"the Korean name without {english}'s name before it, \u201c{listed}\u201d"


# --- on the shipped lists ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", [
    "\uc11c\uc6b8\ub300\ud559\uad50", "\uc5f0\uc138\ub300\ud559\uad50", "\uace0\ub824\ub300\ud559\uad50",
    "\uc131\uade0\uad00\ub300\ud559\uad50", "\ud55c\uc591\ub300\ud559\uad50",
    "\ud3ec\ud56d\uacf5\uacfc\ub300\ud559\uad50",
    "\ud55c\uad6d\uacfc\ud559\uae30\uc220\uc6d0", "\uc6b8\uc0b0\uacfc\ud559\uae30\uc220\uc6d0",
    "\uc0bc\uc131\uc804\uc790", "\ud604\ub300\uc790\ub3d9\ucc28", "\uc5d8\uc9c0\ud654\ud559",  # companies
    "\ub124\uc774\ubc84", "\uce74\uce74\uc624", "\ud06c\ub798\ud504\ud1a4", "\uc544\ubaa8\ub808\ud37c\uc2dc\ud53d",
    "\ud55c\ud654\uc5d0\uc5b4\ub85c\uc2a4\ud398\uc774\uc2a4", "\ub9c8\ud06c\ub85c\uc820", "\uc194\ud2b8\ub8e9\uc2a4",
    "\ud55c\uad6d\uc804\uc790\ud1b5\uc2e0\uc5f0\uad6c\uc6d0", "\uc11c\uc6b8\ubc18\ub3c4\uccb4",
])
def test_ordinary_korean_names_are_not_read_as_a_listed_foreign_name(name: str) -> None:
    # 서울대학교 ... 한국전자통신연구원: South Korean universities, companies and institutes.
    assert [f.latin for f in sound_fits(name, get_index())] == []


def test_a_listed_brand_written_in_hangul_is_found_on_the_shipped_lists() -> None:
    # 텐센트: Tencent, whose Korean name the lists do not carry.
    result = screen_name("\ud150\uc13c\ud2b8", CONFIG)
    assert result["outcome"] == "possible_match"
    found = [c for c in result["candidates"] if c["possible"] and c["why"] == "sound"]
    assert found and all("Tencent" in c["name"] for c in found)
    assert "can be \u201cTencent\u201d" in found[0]["possible_reason"]


def test_the_tables_quick_skeleton_is_the_sounds_skeleton_for_every_listed_word() -> None:
    # The table reads every listed word with string operations (_latin_skeleton); a query compares full Sounds.
    from assessments.screening.scripts import _latin_skeleton  # noqa: PLC0415

    words = sorted({t for toks in get_index().alias_tokens for t in toks if t.isalpha()})
    assert len(words) > 1000
    differ = [(w, p) for w in words for p in (False, True) if _latin_skeleton(((w, p),)) != latin_sound(w, p)[0]]
    assert differ == []
    # Words written solid, one read as pinyin: Zhoutian ("satan") and Memory ("mamala").
    assert _latin_skeleton((("zhoutian", True), ("memory", False))) == "satanmamala"
