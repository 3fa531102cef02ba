# ruff: noqa: RUF001, RUF002, RUF003 - the module quotes Russian names and letters in Cyrillic
"""The initials of a Russian or Belarusian body's name as Russian forms them, in Cyrillic and in the romanisations
the lists and papers use: "ЦНИИХМ", "TsNIIKhM" and "CNIIHM" for the Центральный научно-исследовательский институт
химии и механики (Central Research Institute of Chemistry and Mechanics).

Read from a listed name in Cyrillic or a Russian name in Latin letters ("Tsentralnyi Nauchno-Issledovatelskii
Institut Khimii i Mekhaniki"), word by word, with the rules Russian abbreviations follow:

- each part of a hyphenated compound gives a letter ("научно-исследовательский": НИ, so НИИ for the institute);
- prepositions and conjunctions give none ("институт химии и механики": ИХМ);
- a proper name in quotes gives none ("ЦКБ «Рубин»": ЦКБ), nor does the honorific and what follows it ("имени",
  "им."); a proper name after the body's kind written without quotes ("... Byuro Almaz") gives a letter or none;
- the status and legal words that open or close an official name give none ("Федеральное государственное
  унитарное предприятие", "Акционерное общество", "ОАО");
- a word in capitals is an abbreviation already and is kept whole ("НИИ", "РАН");
- "государственный" may give "Гос" and "машиностроения" "маш", as in "ГосНИИАС" and "ЦНИИмаш".

A letter that Latin writes with two (Ц, Х, Ж, Ш, Ч, Щ, Ю, Я) gives each spelling the lists use: Ts or C, Kh or H,
Yu or Iu, Ya or Ia; Э, Е and Ё give E. Words are compared as anyascii reads them (Cyrillic or not), initials folded
as normalize.tokens() reads typed capitals ("ЦНИИХМ" and "TsNIIKhM" both "tsniikhm").
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import product

from anyascii import anyascii

# Prepositions and conjunctions (folded): no letter.
_SMALL_WORDS = frozenset(["i", "v", "vo", "na", "po", "pri", "dlya", "dlia", "s", "so", "k", "ko", "o", "ob", "ot",
                          "iz", "u", "za", "pod", "nad", "do"])
_HONORIFIC = frozenset({"imeni", "im"})  # nothing from it on
# Words of a body's status or legal form (folded stems): the adjectives, the nouns that end such a run ("Федеральное
# государственное унитарное предприятие", "Акционерное общество") and the words that may follow them ("учреждение
# науки", "высшего образования", "с ограниченной ответственностью"). Such a run opening or closing a name gives no
# letter; English legal words open some romanised names on the lists ("Joint Stock Company Tsentralnyi ...").
_STATUS_ADJECTIVES = ("federaln", "gosudarstven", "byudzhet", "biudzhet", "avtonom", "unitar", "kazen", "obrazovat",
                      "aktsioner", "akcioner", "aktsyoner", "otkryt", "otkrit", "zakryt", "zakrit", "publichn",
                      "nepublichn", "nekommerch", "joint", "stock", "open", "closed", "public", "limited", "liability",
                      "the", "federal", "state", "unitary", "budgetary")
_STATUS_NOUNS = ("uchrezhden", "predpriyat", "predpriiat", "obshchestv", "obshestv", "obschestv", "organizats",
                 "company", "enterprise", "institution")
_STATUS_AFTER = ("nauki", "vysshego", "professionaln", "obrazovani")
# Legal forms written as initials: no letter where they open or close the name.
_LEGAL_INITIALS = frozenset(["ao", "oao", "zao", "pao", "ooo", "nao", "fgup", "fgbu", "fgbou", "fgaou", "fgbun",
                             "fgu", "gup", "mup", "fku", "ano", "jsc", "ojsc", "cjsc", "pjsc", "llc"])
# A company of limited liability: its initials are no name papers or the press use, and collide with many bodies'.
_LIMITED_LIABILITY = re.compile(r"\b(?:ooo|llc|limited liability|obs?h?c?hestvo s o[gr][gr])")
# The kinds of body whose Russian initials papers and the press write (institutes, design bureaus, research and
# production associations, plants, universities, academies, concerns, federal centres), as folded stems.
_BODY_KINDS = re.compile(r"\b(?:institut|byuro|buro|nii|[ost]?kb|tskb|np[op]|universitet|akademi|laborator|zavod|"
                         r"kombinat|ob'?y?edinen|kon[ct]s?ern|korporat|nauchn|issledovat|konstruktor|federaln)")
# The kinds of body after which a Russian name puts its own proper name ("бюро «Алмаз»", "центр «Союз»"); an
# institute is followed by its field ("институт химии"), which gives a letter.
_KIND_NOUN = re.compile(r"(?:byuro|buro|biuro|bureau|tsentr|centr|zavod|kombinat|ob'?y?edineni\w*|kon[ct]s?ern|"
                        r"korporats\w*)")
# Words of the kind of body alone (folded stems): initials of such words only ("Опытное конструкторское бюро" with its
# name in quotes: ОКБ) name no one body.
_KIND_ONLY = ("opytn", "konstruktor", "byuro", "buro", "biuro", "nauchn", "issledovatel", "proizvodstven", "obedinen",
              "obyedinen", "institut", "predpriyat", "tsentr", "centr", "spetsialn", "okb", "kb", "skb", "tskb", "nii",
              "tsnii", "npo", "npp")
# Initials that are themselves the abbreviation of a kind of body (folded: ОКБ, НПО, НИИ, ЦКБ, ГНЦ ...): typed alone,
# they name no one body, whatever name they also fit.
GENERIC_INITIALS = frozenset(["okb", "kb", "skb", "tskb", "ckb", "npo", "npp", "npk", "nii", "tsnii", "cnii", "vnii",
                              "gnts", "gnc", "nits", "nic", "ntts", "ntc", "fgup", "oao", "zao", "pao", "ooo"])
# Abbreviations a name in capitals throughout may carry as words (elsewhere, any word in capitals is one).
_ABBREVIATIONS = frozenset(["nii", "ran", "so", "uro", "dvo", "okb", "kb", "tskb", "npo", "npp", "nits", "nic",
                            "ntts", "ntc", "tsnii", "vnii", "gnts", "sb", "nan"])
# Words that may give a syllable instead of a letter ("ГосНИИАС", "ЦНИИмаш"), by their folded opening.
_SYLLABLES = (("gosudarstv", "gos"), ("mashinostro", "mash"), ("mashynostro", "mash"))
# A letter Latin writes with two, as a folded word opens with it, and the ways initials in Latin letters write it.
_OPENINGS = (("shch", ("shch", "sch")), ("sch", ("shch", "sch")), ("ts", ("ts", "c")), ("tz", ("ts", "c")),
             ("kh", ("kh", "h")), ("zh", ("zh",)), ("sh", ("sh",)), ("ch", ("ch",)), ("yu", ("yu", "iu")),
             ("iu", ("yu", "iu")), ("ya", ("ya", "ia")), ("ia", ("ya", "ia")), ("ye", ("e",)), ("yo", ("e",)))
_QUOTED = re.compile("«[^»]*»|“[^”]*”|„[^“”]*[“”]|\"[^\"]*\"")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_CYRILLIC = re.compile("[\u0400-\u04ff]")
_SPELLINGS_MAX = 16  # spellings of one name's initials at most (each two-letter letter doubles them)
MIN_LETTERS = 3
MAX_LETTERS = 10


@lru_cache(maxsize=16384)  # (the words of the lists' Russian names repeat)
def _fold(word: str) -> str:
    return (anyascii(word) if _CYRILLIC.search(word) else word).lower().replace("'", "").replace("’", "")


@lru_cache(maxsize=16384)
def _status_kind(word: str) -> str:
    """"noun" for a word that ends a run of status words (or a legal form in initials), "adjective" for one that
    opens or continues it, "after" for one that may follow its noun, "" for any other word."""
    low = _fold(word)
    if low.startswith(_STATUS_NOUNS) or low in _LEGAL_INITIALS:
        return "noun"
    if low.startswith(_STATUS_AFTER):
        return "after"
    return "adjective" if low.startswith(_STATUS_ADJECTIVES) else ""


@lru_cache(maxsize=16384)
def _letters(word: str, capitals: bool) -> tuple[str, ...]:
    """How a word (as written) gives its part of the initials, folded: one choice or several. ``capitals``: the name
    is written in capitals throughout (its words in capitals are abbreviations only when known ones)."""
    low = _fold(word)
    if len(word) > 1 and word.isupper() and (not capitals or low in _ABBREVIATIONS):
        # An abbreviation already: whole ("НИИ", "РАН"; "ЦКБ" as TsKB or CKB).
        letters = [_letters(c, False)[:2] if _CYRILLIC.match(c) else (c.lower(),) for c in word]
        return tuple(dict.fromkeys("".join(p) for p in product(*letters)))[:4]
    first = next((spellings for opening, spellings in _OPENINGS if low.startswith(opening)), (low[:1],))
    if _CYRILLIC.match(word) and word[0] in "ЙйЫы":
        first = ("i", "y")
    syllable = next((s for opening, s in _SYLLABLES if low.startswith(opening)), None)
    return (*first, syllable) if syllable else first


def _opening_status(words: list[str]) -> int:
    """How many of ``words`` open the name with its status and legal form (0 when that run ends with no noun: the
    name itself may open with "Государственный")."""
    end, after_noun = 0, False
    for i, w in enumerate(words):
        kind = _status_kind(w)
        if kind == "noun" or (kind == "after" and after_noun):
            end, after_noun = i + 1, True
        elif kind == "adjective":
            after_noun = False
        else:
            break
    return end


def _name_words(text: str) -> list[str]:
    words = [w for w in _WORD.findall(text.replace("-", " ").replace("–", " ")) if len(w) > 1]
    words = words[_opening_status(words):]
    back = 0  # (the legal form closing it: "... Otkrytoe Aktsionernoe Obshchestvo")
    while back < len(words) and _status_kind(words[-1 - back]) in {"noun", "adjective"}:
        back += 1
    if not any(_status_kind(w) == "noun" for w in words[len(words) - back:]) or back == len(words):
        back = 0
    return words[:len(words) - back]


def _words(text: str) -> list[str]:
    """The words of a name that give it initials, as written: no quoted name (unless the name is only that), status
    or legal words opening or closing it, preposition or conjunction, nor anything from the honorific on."""
    words = _name_words(_QUOTED.sub(" ", text))
    if len(words) < 2 and (quoted := _QUOTED.search(text)):
        # The name is the quoted one ("ФГУП «Федеральный центр двойных технологий „Союз“»"), with a name quoted
        # inside it that gives no letter either.
        inner = quoted.group(0)[1:-1]
        words = _name_words(_QUOTED.sub(" ", inner))
        if len(words) < 2:
            words = _name_words(inner)
    capitals = text.isupper()
    out: list[str] = []
    for w in words:
        low = _fold(w)
        if low in _HONORIFIC:
            break
        if low not in _SMALL_WORDS or (w.isupper() and not capitals):
            out.append(w)
    return out


def _spellings(words: list[str], capitals: bool) -> set[str]:
    choices = [_letters(w, capitals) for w in words]
    count = 1
    for c in choices:
        count *= len(c)
    if count > _SPELLINGS_MAX:
        choices = [c[:1] for c in choices]
    return {"".join(p) for p in product(*choices)}


def russian_initials(text: str) -> frozenset[str]:
    """Every spelling of the initials of a Russian name (in Cyrillic, or romanised), folded: {"tsniikhm",
    "cniikhm", "tsniihm", "cniihm"} for "Центральный научно-исследовательский институт химии и механики". Empty for
    fewer than two words that give letters or only words of the kind of body (_KIND_ONLY), initials outside three to
    ten letters, a company of limited liability, or a name that names none of the kinds of body whose initials papers
    and the press write (_BODY_KINDS)."""
    folded = _fold(text)
    if _LIMITED_LIABILITY.search(folded) or not _BODY_KINDS.search(folded):
        return frozenset()
    words = _words(text)
    if len(words) < 2 or all(_fold(w).startswith(_KIND_ONLY) for w in words):
        return frozenset()
    capitals = text.isupper()
    found = _spellings(words, capitals)
    if len(words) > MIN_LETTERS + 1 and _KIND_NOUN.fullmatch(_fold(words[-2])) and \
            not _KIND_NOUN.fullmatch(_fold(words[-1])):
        # A proper name after the body's kind, without the quotes Russian writes around it ("Tsentralnoe Morskoe
        # Konstruktorskoe Byuro Almaz": ЦМКБ «Алмаз»): the initials without it too, of four words at least.
        found |= _spellings(words[:-1], capitals)
    return frozenset(a for a in found if MIN_LETTERS <= len(a) <= MAX_LETTERS)
