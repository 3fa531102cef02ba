"""Precision and recall rules for problems reported by the people adding aliases (2026-12-07): an honorific
read too far, a Chinese short form read one character away, initials typed as a word, a listed
three-letter short form of a name's first words."""

from __future__ import annotations

import assessments
from assessments.screening import screen_name

CONFIG = assessments.default_config()
MATCH = ("high", "prohibited")


def _flagged(result: dict) -> dict[str, dict]:
    return {c["name"]: c for c in result["candidates"] if c["match"] or c["possible"]}


def test_a_name_after_another_person_is_a_possible_match_at_most() -> None:
    # The Gromov Flight Research Institute is listed by its Russian name, named after M. M. Gromov.
    result = screen_name("Лётно-исследовательский институт имени Чкалова", CONFIG)
    found = _flagged(result)["Joint Stock Company Flight Research Institute N.A. M.M. Gromov"]
    assert result["outcome"] == "possible_match" and not found["match"]
    assert found["possible_reason"] == ("the same words, named after another person: you typed chkalov, "
                                        "the list has gromov")
    # A plant named after someone else is not the listed Zavod imeni Kulakova or Degtyaryov Plant.
    assert screen_name("Завод имени Ленина", CONFIG)["outcome"] == "possible_match"
    # The same honorific still matches.
    assert screen_name("Лётно-исследовательский институт имени Громова", CONFIG)["outcome"] in MATCH


def test_an_honorific_left_out_of_words_other_listed_bodies_share_is_no_match() -> None:
    # "Fiziko-tekhnicheskiy institut imeni A.F.Ioffe" (SDN): "Физико-технический институт" names many institutes.
    assert screen_name("Физико-технический институт", CONFIG)["outcome"] not in MATCH
    # Nor "Завод" alone (the listed Zavod imeni Kulakova, Zavod imeni Degtyareva): a possible match.
    result = screen_name("Завод", CONFIG)
    assert result["outcome"] == "possible_match"
    assert "the listed name without the person it is named after" in result["candidates"][0]["possible_reason"]
    assert screen_name("Физико-технический институт им. А.Ф. Иоффе", CONFIG)["outcome"] in MATCH  # noqa: RUF001


def test_a_name_read_from_chinese_characters_is_matched_character_for_character() -> None:
    # 宇视科技 (Uniview) is not 宇树科技 (Unitree, listed as Hangzhou Yushu Technology): yushi / yushu.
    result = screen_name("宇视科技", CONFIG)
    assert "Hangzhou Yushu Technology Co., Ltd." not in _flagged(result)
    assert "Hangzhou Yushu Technology Co., Ltd." in _flagged(screen_name("宇树科技", CONFIG))


def test_derived_initials_must_be_typed_as_initials() -> None:
    # "Face++" and "ZTE Corporation" are no initials typed alone: no possible match on the firms whose initials
    # happen to be FACE or ZTE.
    assert screen_name("Face++", CONFIG)["outcome"] == "none"
    result = screen_name("ZTE Corporation", CONFIG)
    assert list(_flagged(result)) == ["ZTE Corporation"]
    assert screen_name("Kia Corporation", CONFIG)["outcome"] == "none"


def test_a_listed_three_letter_short_form_of_a_names_first_words_matches() -> None:
    # "CGN" is China General Nuclear (Power Corporation)'s own short name, an alias on the list.
    result = screen_name("CGN", CONFIG)
    assert result["outcome"] in MATCH
    assert result["candidates"][0]["name"] == "China General Nuclear Power Corporation"
    # A parent's initials before a unit's name are not the unit's ("CAS" of the National Time Service Center).
    cas = screen_name("CAS", CONFIG)
    assert "Chinese Academy of Sciences, National Time Service Center" not in [
        c["name"] for c in cas["candidates"] if c["match"]]


def test_cyrillic_capitals_that_are_the_initials_of_one_listed_russian_name_are_a_possible_match() -> None:
    # OSK in Cyrillic: Obyedinennaya Sudostroitelnaya Korporatsiya (United Shipbuilding Corporation), whose
    # lists carry no Cyrillic short form. (ОДК, the first example, is now a sourced alias of United Engine.)
    result = screen_name("\u041e\u0421\u041a", CONFIG)  # OSK in Cyrillic
    assert result["outcome"] == "possible_match"
    assert result["candidates"][0]["name"] == "United Shipbuilding Corporation"
    assert result["candidates"][0]["possible_reason"] == (
        "the initials of the listed name's Russian words; initials alone can stand for other organisations too: type "
        "the full name to check")
    # Typed as a sourced alias carries it, it stays a possible match (a short form), never a match.
    odk = screen_name("ОДК", CONFIG)
    assert odk["outcome"] == "possible_match" and odk["candidates"][0]["name"] == "United Engine Corporation"
    # Not lower case, and not initials typed in Latin letters under the rule for Cyrillic ones.
    assert screen_name("одк", CONFIG)["outcome"] == "none"
    # МГТУ is Murmansk's too: the listed one is "МГТУ им. Баумана", whose initials fit, but never as a match.
    assert screen_name("МГТУ", CONFIG)["outcome"] == "possible_match"


def test_a_russian_bodys_short_form_typed_in_the_other_alphabet_is_a_possible_match() -> None:
    # The list writes Promsvyazbank's short form ПСБ, and the United Aircraft Corporation's OAK.
    psb = screen_name("PSB", CONFIG)
    assert psb["outcome"] == "possible_match"
    assert psb["candidates"][0]["name"] == "PROMSVYAZBANK PUBLIC JOINT STOCK COMPANY"
    assert psb["candidates"][0]["possible_reason"] == "a short form this entry carries, written \u041f\u0421\u0411"
    assert screen_name("\u041e\u0410\u041a", CONFIG)["outcome"] == "possible_match"  # OAK in Cyrillic
    # Not a Latin short form of a body of another country: "CAS" is no short form of the Chinese Academy centre that
    # carries it (it is the listed Chinese Academy of Sciences' initials: a possible match of that record only).
    assert "Chinese Academy of Sciences, National Time Service Center" not in [
        c["name"] for c in screen_name("CAS", CONFIG)["candidates"] if c["possible"] or c["match"]]


def test_three_capitals_with_a_letter_per_pinyin_syllable_are_a_schools_initials() -> None:
    # XDU: Xi-dian University, as the university abbreviates itself; a possible match, never a match.
    result = screen_name("XDU", CONFIG)
    assert result["outcome"] == "possible_match" and result["candidates"][0]["name"] == "Xidian University"
    assert result["candidates"][0]["possible_reason"] == (
        "the initials of the listed name; initials alone can stand for other organisations too: type the full name "
        "to check")
    # Not a company's ("CXMT"-like initials of a company stay out of this rule), not lower case.
    assert screen_name("xdu", CONFIG)["outcome"] == "none"


def test_a_russian_status_abbreviation_or_contraction_is_read_as_written_out() -> None:
    # "НИ" (national research) before a school's initials; "госуниверситет" for "государственный университет".
    assert screen_name("\u041d\u0418 \u0422\u041f\u0423", CONFIG)["candidates"][0]["name"] == \
        "Tomsk Polytechnic University"
    result = screen_name("Астраханский госуниверситет", CONFIG)
    assert result["outcome"] in MATCH and result["candidates"][0]["name"] == "Astrakhan State University"
    # Another city's state university is not it.
    assert "Astrakhan State University" not in _flagged(screen_name("Омский госуниверситет", CONFIG))


def test_cyrillic_initials_in_brackets_after_a_name_are_not_read_alone() -> None:
    # "(НПИ)": the initials of the Novocherkassk Polytechnic Institute, the university's former name, not the
    # listed NPP Plant Iskra's.
    result = screen_name("Южно-Российский государственный политехнический университет (НПИ) имени М.И. Платова",  # noqa: RUF001
                         CONFIG)
    assert result["outcome"] == "none"


def test_a_listed_short_form_followed_by_words_of_the_listed_name_is_a_possible_match() -> None:
    result = screen_name("HIT Harbin", CONFIG)
    assert result["outcome"] == "possible_match"
    assert result["candidates"][0]["name"] == "Harbin Institute of Technology"
    assert result["candidates"][0]["possible_reason"] == \
        "the listed short form HIT, with words of the listed name: harbin"
    # A word the listed names lack ("Group") says nothing about which body it is.
    assert screen_name("HIT Group", CONFIG)["outcome"] == "none"


def test_a_word_only_one_or_two_listed_companies_carry_typed_alone_is_a_possible_match() -> None:
    # "Hongdu": Jiangxi Hongdu Aviation Industry (and its group); "Westone": Cheng Du Westone Information Industry.
    result = screen_name("Hongdu", CONFIG)
    assert result["outcome"] == "possible_match"
    assert result["candidates"][0]["name"] == "Jiangxi Hongdu Aviation Industry Co., Ltd."
    assert result["candidates"][0]["possible_reason"] == \
        "the listed company's own word, typed alone as its brand: hongdu"
    # A Russian word as the lists transliterate it: Gidropribor, the naval weapons concern.
    gidropribor = screen_name("\u0413\u0438\u0434\u0440\u043e\u043f\u0440\u0438\u0431\u043e\u0440", CONFIG)
    assert gidropribor["outcome"] == "possible_match"
    assert "Gidropribor" in gidropribor["candidates"][0]["name"]
    # A word many names carry is no brand ("Continental"), nor a place ("Harbin").
    assert screen_name("Continental", CONFIG)["outcome"] == "none"
    assert screen_name("Harbin", CONFIG)["outcome"] not in (*MATCH, "possible_match")
    # Nor capitals of five letters or fewer, which are initials ("ZAAS": ZAAS Shipping & Trading is not
    # brought up as a brand).
    zaas = screen_name("ZAAS", CONFIG)
    assert not any("brand" in c["possible_reason"] for c in zaas["candidates"])
    # Nor a word joined to another in the listed name ("X-Face", a brand of another company than Face++'s).
    assert screen_name("Face++", CONFIG)["outcome"] == "none"


def test_chinese_characters_taken_in_order_from_a_listed_chinese_name_are_a_possible_match() -> None:
    # 火箭军工大: 火箭军工程大学 (the Rocket Force University of Engineering), as Chinese abbreviates names.
    result = screen_name("火箭军工大", CONFIG)
    assert result["outcome"] == "possible_match"
    assert result["candidates"][0]["name"].startswith("Rocket Force")
    assert result["candidates"][0]["possible_reason"].startswith(
        "the characters you typed, in order, of the listed name")
    # A name that ends with its kind written whole is a name of its own: 南京大学 (Nanjing University) takes
    # characters of 南京航空航天大学 in order, and is not that university.
    assert screen_name("南京大学", CONFIG)["outcome"] == "none"
    # Two characters fit too many names.
    assert not any(c["why"] == "han_abbreviation" for c in screen_name("山大", CONFIG)["candidates"])


def test_the_chinese_names_table_is_built_while_idle_not_by_a_query() -> None:
    from assessments.screening import dataset  # noqa: PLC0415
    from assessments.screening.index import Index  # noqa: PLC0415

    fresh = Index(dataset.records()[:500])
    assert fresh._han_names is None
    fresh.prepare()
    assert fresh._han_names is not None and fresh.prepare_next() is False
    assert all(len(chars) > 3 for chars, _ in fresh.han_names())
