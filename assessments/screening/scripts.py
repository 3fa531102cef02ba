"""Shared script data for matching names across scripts: a glossary of institutional words and two romanisations.

The lists write most names in English (or a romanisation); researchers paste them in
Chinese, Korean, Persian or Russian too. This module gives the matcher what both sides
can share, as data and small pure functions (the same in CPython and Pyodide):

Glossary (``assessments/data/scripts/glossary.json``, every entry with its source; JSON, since the
browser's trimmed standard library need not carry a TOML parser):
    ``glossary() -> Glossary``: loaded and checked once per process; a malformed file raises
        ConfigError naming the file, the key (``term[3].ko``) and the reason.
    ``Glossary.lookup(word) -> tuple[str, ...]``: the English words a native institutional word
        stands for, the usual ones first ("大學" -> ("university",)); empty when it is not in the glossary.
        Simplified and traditional Chinese forms are both looked up, whatever the text's script.
    ``Glossary.segment(text) -> list[Segment]``: the text cut into glossary words and the runs
        between them, longest glossary word first: "哈尔滨工业大学" -> 哈尔滨 | 工业 (industry, ...) |
        大学 (university). Chinese and Korean words may start anywhere; Persian and Russian ones
        only at a word start and end at a word end.
    ``Glossary.chinese(text) -> str``: a Korean name read back into Chinese characters when every word of
        it has one Chinese reading in the glossary ("하얼빈 공업대학" -> "哈尔滨工业大学"), else "".
    ``Glossary.english(text) -> list[str]``: the glossary words as their usual English word and the
        other runs romanised (``romanize``), in order: "하얼빈 공업대학" -> ["haeolbin", "polytechnic", "university"].
    ``parse_glossary(data, where)``: the checks, on an already parsed document (for tests).

Places (``assessments/data/scripts/places.json``, written by tools/screening_places.py from ROR):
    ``places() -> frozenset[str]``: one-word names of cities and provinces, normalised; the matcher reads
        a typed place name exactly ("Henan" is no typing error of "Hunan").

Romanisation:
    ``romanize_hangul(text)``: Revised Romanization of Korean, computed from the syllables
        (the standard's tables for initial, vowel and final; a final consonant moves to a
        following silent ㅇ; ㄹㄹ, ㄴㄹ and ㄹㄴ read "ll"; other sound changes are not applied):
        "정찰총국" -> "jeongchalchongguk".
    ``skeleton(text)``: the consonant skeleton of each word, in letter classes both Persian/Arabic
        script and a Latin romanisation map to, so that "بانک ملی" and "Bank Melli" both give "bnk ml".
        Vowels and the letters that mostly write vowels (alef, vav and ye, except vav after or before
        alef and initial vav) are dropped, doubled consonants merge, a final h (heh) is dropped;
        classes: t (te, tah), s (theh, seen, sad), z (thal, zain, dad, zah), h (hah, heh), x (khah, kh),
        G (ghain, qaf, gh, q), S (sheen, sh), C (tcheh, ch), Z (jeh, zh), k (keheh, kaf, c), v (vav, v, w).
    ``romanize_mr(text)``: McCune-Reischauer romanisation of Korean in plain letters, as the lists write North
        Korean names: "련봉" -> "ryonbong", "단천" -> "tanchon".
    ``romanize(text)``: Hangul by ``romanize_hangul``, everything else by anyascii (pinyin for Chinese).
    ``script_of(text)``: "han", "hangul", "arabic", "cyrillic" or "latin": the first non-Latin script in the text.

Foreign names written in Hangul by their sound (the loanword spelling: 카스퍼스키 is Kaspersky):
    ``hangul_sound(word)``, ``latin_sound(word, pinyin=False)``: a word's Sound, its consonant classes with a mark
        for each vowel and the letters each vowel may stand for; ``sounds_alike(hangul, latin)``: whether they agree.
    ``sound_fits(query, index) -> list[SoundFit]``: the listed records a Korean query's foreign words may be, read by
        their sound (SoundTable, built once per index on the first Korean query): a word that is no institutional
        word, long enough, and sounds like one or two listed words of a few records only. The caller shows each as a
        possible match, never a match, with ``SoundFit.reason`` ("read by its sound, ... “카스퍼스키” can be
        “Kaspersky”").
    ``sound_reading(query, index) -> str``: the whole query in Latin letters when every word of it is read and one is
        a foreign name ("로스텍" -> "rostec", "말레크 아슈타르 공과대학교" -> "malek ashtar technology university"), for
        the matcher to screen as typed so (a possible match at most); "" otherwise.
    ``korean_prefix(word) -> str``: the English of a first word that names a parent body or its kind ("인민해방군"),
        which the matcher reads past as it does a country's name.
    ``Glossary.chinese_forms(text)``: ``chinese(text)`` and that reading with 科学技术 contracted to 科技.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from anyascii import anyascii

from .._errors import ConfigError
from .._resources import package_root

GLOSSARY_FILE = "assessments/data/scripts/glossary.json"
FORM_KEYS = {"zh_hans": "han", "zh_hant": "han", "ko": "hangul", "fa": "arabic", "ru": "cyrillic"}
"""The glossary's keys for native forms, and the script each must be written in."""
_TERM_KEYS = {"en", "source", *FORM_KEYS}
_FIX = f"correct {GLOSSARY_FILE} (each term has en, source and at least one of {', '.join(FORM_KEYS)})"
_EN_WORD = re.compile(r"^[a-z]+$")


def script_of(text: str) -> str:
    """The first non-Latin script a text uses: "han", "hangul", "arabic", "cyrillic", else "latin"."""
    for ch in text:
        if ch.isascii():
            continue
        s = _char_script(ch)
        if s:
            return s
    return "latin"


def _char_script(ch: str) -> str:
    o = ord(ch)
    if 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0xF900 <= o <= 0xFAFF:
        return "han"
    if 0xAC00 <= o <= 0xD7A3 or 0x1100 <= o <= 0x11FF or 0x3130 <= o <= 0x318F:
        return "hangul"
    if 0x0600 <= o <= 0x06FF or 0xFB50 <= o <= 0xFDFF or 0xFE70 <= o <= 0xFEFF:
        return "arabic"
    if 0x0400 <= o <= 0x04FF:
        return "cyrillic"
    return ""


# --- normalisation shared by the glossary and the text --------------------------------------------

# Arabic yeh and alef maksura as Persian ye, Arabic kaf as keheh, teh marbuta and heh with yeh as heh,
# alefs with hamza or wasla as alef.
_ARABIC_FOLD = str.maketrans("\u064a\u0649\u0643\u0629"
                              "\u06c0\u0623\u0625\u0671",
                              "\u06cc\u06cc\u06a9\u0647"
                              "\u0647\u0627\u0627\u0627")
_ARABIC_FOLD.update({0x200C: " ", 0x200D: None, 0x0640: None})  # ZWNJ as a space; ZWJ and tatweel dropped
_ARABIC_MARKS = re.compile("[\u064b-\u065f\u0670]")
_SPACES = re.compile(r"\s+")


def fold_text(text: str) -> str:
    """The form both the glossary and a query are compared in: NFKC, lower case, yo as ye, one Persian
    spelling of the Arabic letters that vary (Arabic yeh and kaf, teh marbuta), no short-vowel marks,
    a zero-width non-joiner read as a space, single spaces."""
    text = unicodedata.normalize("NFKC", text).casefold().replace("\u0451", "\u0435")
    text = _ARABIC_MARKS.sub("", text.translate(_ARABIC_FOLD))
    return _SPACES.sub(" ", text).strip()


# --- the glossary ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Term:
    """One institutional word: its English words (the usual one first) and its native forms by key."""

    en: tuple[str, ...]
    forms: dict[str, tuple[str, ...]]
    source: str


@dataclass(frozen=True)
class Segment:
    """A run of a text: a glossary word (``english`` not empty) or the text between glossary words."""

    text: str
    english: tuple[str, ...] = ()


@dataclass(frozen=True)
class Glossary:
    terms: tuple[Term, ...]
    checked: str
    # folded native form -> English words (all terms that give the form, usual words first)
    _index: dict[str, tuple[str, ...]] = field(default_factory=dict, repr=False, compare=False)
    _longest: int = field(default=0, repr=False, compare=False)
    # folded Korean form -> its Chinese reading: from the terms with one simplified Chinese form only,
    # and only where every such term agrees (총국 is 总公司 and 局: no reading)
    _han: dict[str, str] = field(default_factory=dict, repr=False, compare=False)
    # (a compound of two-character Chinese words, its contraction) where one term gives both: (科学技术, 科技)
    _contractions: tuple[tuple[str, str], ...] = field(default=(), repr=False, compare=False)

    def lookup(self, word: str) -> tuple[str, ...]:
        """The English words a native institutional word stands for; () when it is not in the glossary."""
        return self._index.get(fold_text(word), ())

    def segment(self, text: str) -> list[Segment]:
        """``text`` cut into glossary words and the runs between them, each glossary word the longest
        one starting there (Persian and Russian words only whole, Chinese and Korean anywhere)."""
        folded = fold_text(text)
        out: list[Segment] = []
        rest = ""
        i = 0
        while i < len(folded):
            found = self._match_at(folded, i)
            if found:
                if rest.strip():
                    out.append(Segment(rest.strip()))
                rest = ""
                out.append(Segment(found, self._index[found]))
                i += len(found)
            else:
                rest += folded[i]
                i += 1
        if rest.strip():
            out.append(Segment(rest.strip()))
        return out

    def _match_at(self, text: str, i: int) -> str:
        spaced = _char_script(text[i]) in ("arabic", "cyrillic")
        if spaced and i and text[i - 1].isalnum():
            return ""  # Persian and Russian glossary words start at a word start only
        for size in range(min(self._longest, len(text) - i), 0, -1):
            piece = text[i:i + size]
            if piece in self._index:
                end = i + size
                if spaced and end < len(text) and text[end].isalnum():
                    continue
                return piece
        return ""

    def chinese(self, text: str) -> str:
        """A Korean name read back into Chinese characters, when every word of it is a glossary word with
        one Chinese reading: "하얼빈 공업대학" -> "哈尔滨工业大学" (the Korean name of a Chinese institution is
        its Chinese name read in Korean). "" for any other text, or when a word has no reading."""
        if script_of(text) != "hangul":
            return ""
        out = []
        for seg in self.segment(text):
            reading = self._han.get(seg.text) if seg.english else None
            if reading is None:
                return ""
            out.append(reading)
        return "".join(out)

    def chinese_forms(self, text: str) -> list[str]:
        """``chinese(text)``, and that reading with each compound the glossary also gives in its contracted form
        contracted: Chinese shortens a compound of two-character words to the first character of each, and names
        use either (科学技术 and 科技: "전자과학기술대학" -> "电子科学技术大学", "电子科技大学"). [] without a
        reading."""
        full = self.chinese(text)
        if not full:
            return []
        short = full
        for long_form, contracted in self._contractions:
            short = short.replace(long_form, contracted)
        return [full] if short == full else [full, short]

    def english(self, text: str, north: bool = False) -> list[str]:
        """The text as English glossary words (the usual word of each) and romanised runs, in order;
        ``north``: Hangul runs by McCune-Reischauer (``romanize_mr``), as the lists write North Korean names."""
        words: list[str] = []
        for seg in self.segment(text):
            if seg.english:
                words.append(seg.english[0])
            else:
                latin = romanize(romanize_mr(seg.text)) if north else romanize(seg.text)
                words += [w for w in re.split(r"[^a-z0-9]+", latin.lower()) if w]
        return words


def _error(key: str, reason: str, where: str) -> ConfigError:
    return ConfigError(where, key, reason, _FIX)


def _str_list(value: Any, key: str, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not value or not all(isinstance(v, str) and v.strip() for v in value):
        raise _error(key, "must be a non-empty list of non-empty strings", where)
    if len(set(value)) != len(value):
        raise _error(key, "lists a form twice", where)
    return tuple(value)


def parse_glossary(data: Any, where: str = GLOSSARY_FILE) -> Glossary:
    """The glossary from a parsed document; raises ConfigError naming the file, key and reason."""
    if not isinstance(data, dict):
        raise _error("", "is not a JSON object", where)
    meta = data.get("meta")
    if not isinstance(meta, dict) or not isinstance(meta.get("checked"), str):
        raise _error("meta.checked", "missing: the date the glossary was last checked (YYYY-MM-DD)", where)
    unknown_meta = set(meta) - {"about", "checked"}
    if unknown_meta:
        raise _error(f"meta.{sorted(unknown_meta)[0]}", "unknown key", where)
    unknown_top = set(data) - {"meta", "term"}
    if unknown_top:
        raise _error(sorted(unknown_top)[0], "unknown key", where)
    raw_terms = data.get("term")
    if not isinstance(raw_terms, list) or not raw_terms:
        raise _error("term", "no terms", where)
    terms = []
    index: dict[str, list[str]] = {}
    for n, raw in enumerate(raw_terms):
        at = f"term[{n}]"
        if not isinstance(raw, dict):
            raise _error(at, "is not an object", where)
        unknown = set(raw) - _TERM_KEYS
        if unknown:
            raise _error(f"{at}.{sorted(unknown)[0]}", f"unknown key (known: {', '.join(sorted(_TERM_KEYS))})", where)
        en = _str_list(raw.get("en"), f"{at}.en", where)
        bad = [w for w in en if not _EN_WORD.match(w)]
        if bad:
            raise _error(f"{at}.en", f"{bad[0]!r} is not one lowercase English word", where)
        source = raw.get("source")
        if not isinstance(source, str) or len(source.strip()) < 10:
            raise _error(f"{at}.source", "missing: say where the equivalence is shown", where)
        forms: dict[str, tuple[str, ...]] = {}
        for key, script in FORM_KEYS.items():
            if key not in raw:
                continue
            values = _str_list(raw[key], f"{at}.{key}", where)
            for v in values:
                scripts = {_char_script(ch) for ch in v if not ch.isspace() and ch not in "-\u200c"}
                if scripts != {script}:
                    raise _error(f"{at}.{key}", f"{v!r} is not written in {script} script only", where)
            forms[key] = values
        if not forms:
            raise _error(at, f"has no native form ({', '.join(FORM_KEYS)})", where)
        terms.append(Term(en, forms, source.strip()))
        for values in forms.values():
            for v in values:
                words = index.setdefault(fold_text(v), [])
                words += [w for w in en if w not in words]
    longest = max(len(k) for k in index)
    han: dict[str, set[str]] = {}
    for term in terms:
        if len(term.forms.get("zh_hans", ())) == 1:
            for ko in term.forms.get("ko", ()):
                han.setdefault(fold_text(ko), set()).add(term.forms["zh_hans"][0])
    readings = {k: next(iter(v)) for k, v in han.items() if len(v) == 1}
    contractions = {(long, short) for term in terms for long in term.forms.get("zh_hans", ())
                    for short in term.forms.get("zh_hans", ())
                    if len(short) >= 2 and len(long) == 2 * len(short) and long[::2] == short}
    return Glossary(tuple(terms), meta["checked"], {k: tuple(v) for k, v in index.items()}, longest, readings,
                    tuple(sorted(contractions, key=lambda p: -len(p[0]))))


@lru_cache(maxsize=1)
def glossary() -> Glossary:
    """The shipped glossary, read and checked once per process (raises ConfigError when malformed)."""
    try:
        text = package_root().joinpath("data", "scripts", "glossary.json").read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(GLOSSARY_FILE, "", f"cannot be read ({exc})", "reinstall the package") from None
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise ConfigError(GLOSSARY_FILE, "", f"not valid JSON: {exc}", "correct the syntax") from None
    return parse_glossary(data)


def korean_prefix(word: str) -> str:
    """The English of a Korean word written before a body's name that names a parent body or its kind, not the body:
    a word made of glossary words only, each with a Chinese form (an institutional word, not a foreign name by its
    sound), none of them a place or a country ("인민해방군" -> "pla", "국립" -> "national"); "" for any other word.
    The matcher screens the rest of the name without it ("인민해방군 국방과학기술대학": 国防科技大学, the National
    University of Defense Technology)."""
    if script_of(word) != "hangul" or not HANGUL_WORD.fullmatch(word):
        return ""
    gloss = glossary()
    segments = gloss.segment(word)
    terms = {fold_text(v): t for t in gloss.terms if "zh_hans" in t.forms for v in t.forms.get("ko", ())}
    named = places() | set(country_words()) | {"korea"}  # (Korea: no one-word country name, North or South)
    if not segments or any(not seg.english or seg.text not in terms or set(seg.english) & named for seg in segments):
        return ""
    return " ".join(seg.english[0] for seg in segments)


PLACES_FILE = "assessments/data/scripts/places.json"


@lru_cache(maxsize=1)
def _places_file() -> dict[str, Any]:
    """The places file, read once. Raises ConfigError when unreadable."""
    try:
        data = json.loads(package_root().joinpath("data", "scripts", "places.json").read_text("utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise ConfigError(PLACES_FILE, "", f"cannot be read ({exc})", "reinstall the package") from None
    return data if isinstance(data, dict) else {}


@lru_cache(maxsize=1)
def places() -> frozenset[str]:
    """One-word place names (cities, provinces) of the screened countries, normalised (written by
    tools/screening_places.py from ROR and GeoNames): a typed place name is read exactly, never as a typing
    error of another place one letter away ("Henan" is not "Hunan"). Raises ConfigError when unreadable."""
    words = _places_file().get("places")
    if not isinstance(words, list) or not all(isinstance(w, str) and w.isalpha() for w in words):
        raise ConfigError(PLACES_FILE, "places", "must be a list of words",
                          "rerun python tools/screening_places.py --ror PATH")
    return frozenset(words)


@lru_cache(maxsize=1)
def country_words() -> dict[str, str]:
    """One-word English country names, normalised -> ISO code (``countries`` of the places file, from the
    questionnaire's country names): a typed name that places itself in another country than a listed entry's
    is not that entry ("Institut Pasteur, Paris, France" against the listed Pasteur Institute of Iran)."""
    found = _places_file().get("countries")
    if not isinstance(found, dict) or not all(isinstance(w, str) and w.isalpha() and isinstance(c, str) and
                                              len(c) == 2 for w, c in found.items()):
        raise ConfigError(PLACES_FILE, "countries", "must map words to two-letter country codes",
                          "rerun python tools/screening_places.py --ror PATH")
    return found


# --- Korean: Revised Romanization ------------------------------------------------------------------

_INITIALS = ("g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p", "h")
_VOWELS = ("a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we", "wi",
           "yu", "eu", "ui", "i")
# Each final as (the part that stays before a consonant or at the end, the part that moves to a
# following silent ㅇ as an initial, the part that stays when it moves).
_FINALS = (("", "", ""), ("k", "g", ""), ("k", "kk", ""), ("k", "s", "k"), ("n", "n", ""), ("n", "j", "n"),
           ("n", "", "n"), ("t", "d", ""), ("l", "r", ""), ("k", "g", "l"), ("m", "m", "l"), ("l", "b", "l"),
           ("l", "s", "l"), ("l", "t", "l"), ("p", "p", "l"), ("l", "", "l"), ("m", "m", ""), ("p", "b", ""),
           ("p", "s", "p"), ("t", "s", ""), ("t", "ss", ""), ("ng", "ng", "ng"), ("t", "j", ""), ("t", "ch", ""),
           ("k", "k", ""), ("t", "t", ""), ("p", "p", ""), ("t", "", ""))
_SILENT = 11  # ㅇ as an initial
_RIEUL = 5    # ㄹ as an initial
_NIEUN = 2    # ㄴ as an initial
_FINAL_RIEUL = 8
_FINAL_NIEUN = 4


def _syllable(ch: str) -> tuple[int, int, int] | None:
    o = ord(ch) - 0xAC00
    if not 0 <= o < 11172:
        return None
    return o // 588, (o % 588) // 28, o % 28


def romanize_hangul(text: str) -> str:
    """Revised Romanization of the Hangul syllables in ``text`` (other characters kept): see the module doc."""
    out: list[str] = []
    chars = unicodedata.normalize("NFC", text)
    parts = [_syllable(ch) for ch in chars]
    carried = ""  # a final consonant moved onto this syllable
    for n, ch in enumerate(chars):
        syl = parts[n]
        if syl is None:
            out.append(ch)
            carried = ""
            continue
        ini, vow, fin = syl
        nxt = parts[n + 1] if n + 1 < len(parts) else None
        initial = carried if carried else _INITIALS[ini]
        if out and out[-1] == "l" and ini in (_RIEUL, _NIEUN):
            initial = "l"  # ㄹㄹ, ㄴㄹ and ㄹㄴ read "ll"
        carried = ""
        out.append(initial + _VOWELS[vow])
        stay, move, keep = _FINALS[fin]
        if nxt is not None and nxt[0] == _SILENT and fin and move != "ng":
            out.append(keep)
            carried = move
        elif nxt is not None and nxt[0] == _RIEUL and fin in (_FINAL_RIEUL, _FINAL_NIEUN):
            out.append("l")
        else:
            out.append(stay)
    return "".join(out)


# --- Korean: McCune-Reischauer, as North Korean names are written on the lists ---------------------
# The tables of the McCune-Reischauer system (University of Chicago Library, East Asian collection,
# "McCune-Reischauer Romanization System"; BGN/PCGN, "Romanization of Korean for the Democratic People's
# Republic of Korea", 1945 agreement): an unaspirated consonant is voiced between voiced sounds (k/g,
# t/d, p/b, ch/j), ㄹ is r before a vowel and l elsewhere, ㅓ ŏ, ㅡ ŭ. Written as the lists write it, without
# breves and apostrophes: 련봉 -> "ryonbong", 단천 -> "tanchon", 광선 -> "kwangson", 조선 -> "choson".

_MR_INITIALS = (("k", "g"), ("kk", "kk"), ("n", "n"), ("t", "d"), ("tt", "tt"), ("r", "r"), ("m", "m"),
                ("p", "b"), ("pp", "pp"), ("s", "s"), ("ss", "ss"), ("", ""), ("ch", "j"), ("tch", "tch"),
                ("ch", "ch"), ("k", "k"), ("t", "t"), ("p", "p"), ("h", "h"))
"""Each initial as (voiceless: at a word start and after a voiceless final, voiced: after a vowel or m, n, ng, l)."""
_MR_VOWELS = ("a", "ae", "ya", "yae", "o", "e", "yo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we", "wi",
              "yu", "u", "ui", "i")
_MR_FINALS = ("", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p", "p", "t", "t",
              "ng", "t", "t", "k", "t", "p", "t")
_MR_VOICED_AFTER = frozenset({"", "n", "m", "ng", "l"})
# Finals that move onto a following silent ㅇ (as in the Revised Romanization above): the voiced reading.
_MR_MOVED = {1: "g", 2: "kk", 4: "n", 7: "d", 8: "r", 16: "m", 17: "b", 19: "s", 20: "ss", 22: "j", 23: "ch",
             24: "k", 25: "t", 26: "p"}


def romanize_mr(text: str) -> str:
    """McCune-Reischauer romanisation of the Hangul syllables in ``text`` (other characters kept), in
    plain letters as the lists write North Korean names: "조선련봉총회사" -> "chosonryonbongchonghoesa"."""
    out: list[str] = []
    chars = unicodedata.normalize("NFC", text)
    parts = [_syllable(ch) for ch in chars]
    prev_final: str | None = None  # the romanised final of the syllable before (None: a word start)
    carried = ""
    for n, ch in enumerate(chars):
        syl = parts[n]
        if syl is None:
            out.append(ch)
            prev_final, carried = None, ""
            continue
        ini, vow, fin = syl
        if carried:
            initial = carried
        elif prev_final is None:
            initial = _MR_INITIALS[ini][0]
        elif ini == _RIEUL:
            if prev_final == "n":
                out[-1] = out[-1][:-1] + "l"  # ㄴㄹ reads ll
            initial = "l" if prev_final in ("l", "n") else "r" if prev_final == "" else "n"
        else:
            initial = _MR_INITIALS[ini][1 if prev_final in _MR_VOICED_AFTER else 0]
        carried = ""
        nxt = parts[n + 1] if n + 1 < len(parts) else None
        final = _MR_FINALS[fin]
        if nxt is not None and nxt[0] == _SILENT and fin in _MR_MOVED:
            carried, final = _MR_MOVED[fin], ""
        out.append(initial + _MR_VOWELS[vow] + final)
        prev_final = final
    return "".join(out)


# --- Persian/Arabic and Latin: consonant skeletons -------------------------------------------------

# Persian letters (in alphabetical order, be to nun) and the consonant class of each.
_ARABIC_CLASS = dict(zip(
    "\u0628\u067e\u062a\u0637\u062b\u0633\u0635"
    "\u062c\u0686\u062d\u0647\u062e\u062f\u0630"
    "\u0632\u0636\u0638\u0631\u0698\u0634\u063a"
    "\u0642\u0641\u06a9\u06af\u0644\u0645\u0646",
    "bpttsssjChhxdzzzzrZSGGfkglmn", strict=True))
# In this order: a written x first, so that the x standing for kh is not split again.
_LATIN_DIGRAPHS = (("x", "ks"), ("kh", "x"), ("gh", "G"), ("sh", "S"), ("ch", "C"), ("zh", "Z"), ("q", "G"),
                   ("c", "k"), ("w", "v"))


def _skeleton_arabic_word(word: str) -> str:
    out = []
    for i, ch in enumerate(word):
        prev = word[i - 1] if i else ""
        nxt = word[i + 1] if i + 1 < len(word) else ""
        if ch == "\u0648":
            # A consonant v at the start, after or before alef; otherwise the vowel o/u.
            if i == 0 or prev in "\u0627\u0622" or nxt in ("\u0627", "\u06cc"):
                out.append("v")
        elif ch in _ARABIC_CLASS:
            out.append(_ARABIC_CLASS[ch])
    return _tidy(out)


def _skeleton_latin_word(word: str) -> str:
    word = anyascii(word).lower()
    word = re.sub(r"[^a-z]", "", word)
    for a, b in _LATIN_DIGRAPHS:
        word = word.replace(a, b)
    return _tidy([ch for ch in word if ch not in "aeiouy"])


def _tidy(letters: list[str]) -> str:
    merged: list[str] = []
    for ch in letters:
        if not merged or merged[-1] != ch:
            merged.append(ch)
    if len(merged) > 1 and merged[-1] == "h":
        merged.pop()  # a final h mostly writes the vowel e: "Tosee" / "Toseh" / توسعه
    return "".join(merged)


def skeleton(text: str) -> str:
    """The consonant skeleton of each word of a Persian/Arabic-script or Latin name, space-separated."""
    words = fold_text(text).replace("-", " ").split()
    out = []
    for w in words:
        sk = _skeleton_arabic_word(w) if script_of(w) == "arabic" else _skeleton_latin_word(w)
        if sk:
            out.append(sk)
    return " ".join(out)


def romanize(text: str) -> str:
    """Hangul by Revised Romanization, everything else by anyascii (pinyin syllables for Chinese)."""
    if script_of(text) == "hangul":
        text = romanize_hangul(text)
    return anyascii(text)


# --- Korean: foreign names written by their sound -----------------------------------------------------------------
# Korean writes a foreign name by its sound (the loanword spelling of the National Institute of Korean Language,
# 외래어 표기법: 카스퍼스키 is Kaspersky, 하이크비전 Hikvision, 아이플라이텍 iFlytek). A Hangul word and a listed Latin
# word both give a Sound: a skeleton of consonant classes the two writings share, with a mark for each vowel,
#   p: b, p, f, v (Korean has no f or v: ㅂ, ㅍ)   t: d, t, th   k: g, k, c, q, ck, and a final ㅇ's g (ng: n, k)
#   s: s, z, j, ch, sh, zh, ts, a g before e or i read as j (ㅅ, ㅈ, ㅊ: "vision" is 비전)   m   n   l: l, r   h
# after the rules of the loanword spelling read back: ㅡ is the vowel Korean adds to a consonant that stands
# without one (스, 크, 트, 프: no vowel); an r that no vowel follows is left out (English drops it: 카스퍼스키;
# Russian writes it 르: 스베르방크), and so is such an h; a final ㅅ is a t (인터넷); a Latin final e is silent; ch is
# a k in words of Greek origin (테크놀로지). Doubled classes and vowel runs merge, and each vowel keeps the letters
# it may stand for (sounds_alike(): ㅏ a or o, ㅣ i, e or y, ㅓ any). A Chinese name is read in pinyin too, whose x,
# q, c and z Korean writes ㅅ, ㅊ, ㅊ and ㅉ (read as s), and whose i after zh, ch, sh, z, c, s and r it does not write.

_SOUND_INITIALS = ("k", "k", "n", "t", "t", "l", "m", "p", "p", "s", "s", "", "s", "s", "s", "k", "t", "p", "h")
_SOUND_FINALS = ("", "k", "k", "ks", "n", "ns", "n", "t", "l", "lk", "lm", "lp", "ls", "lt", "lp", "l", "m", "p",
                 "ps", "t", "t", "nk", "t", "t", "k", "t", "p", "t")
# The Latin vowel letters each Korean vowel writes in a loanword (ㅏ: a, or the o of "hot"; ㅓ: any unstressed vowel,
# "er", "ur"; ㅣ: i, ee, y; ㅜ: u, oo, w ...); ㅡ writes none.
_EU = 18  # ㅡ
_SOUND_VOWELS = ("ao", "ae", "a", "ae", "aeiouy", "ea", "aeiouy", "ea", "oau", "aouw", "aeouw", "oeuw", "o", "uow",
                 "ouwae", "euwo", "iuwe", "ue", "", "ieu", "iey")
_LATIN_SOUND = (("shch", "s"), ("sch", "s"), ("tch", "s"), ("ch", "s"), ("sh", "s"), ("zh", "s"), ("kh", "h"),
                ("ph", "p"), ("th", "t"), ("gh", "k"), ("ck", "k"), ("ts", "s"), ("tz", "s"), ("dz", "s"),
                ("x", "ks"), ("q", "k"), ("tio", "sio"))
_ANY_DIGRAPH = re.compile("[xq]|[cszkptg]h|ck|t[sz]|dz|tio")  # (a word without one: no replacement to make)
# (Before the table above: ch as k in words of Greek origin, as Korean writes them: 테크놀로지, 케미컬.)
_LATIN_HARD_CH = (("tech", "tek"), ("chn", "kn"), ("chr", "kr"), ("chl", "kl"), ("chem", "kem"))
_PINYIN_SOUND = (("x", "s"), ("q", "s"), ("c", "s"), ("z", "s"))
# Pinyin's i after zh, ch, sh, z, c, s and r ending a syllable is no vowel Korean writes (知 zhi: 즈, 四 si: 쓰).
_PINYIN_SILENT_I = re.compile(r"(zh|ch|sh|[zcsr])i(?![aeioun])")
# A word written in pinyin syllables (initial and final): only such a word is read as pinyin ("Robotics" is none).
_PINYIN_WORD = re.compile(r"(?:(?:[bpmfdtnlgkhjqxrzcsyw]|zh|ch|sh)?(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai"
                          r"|uan|ai|ei|ao|ou|an|en|in|un|ia|ie|iu|ua|uo|ui|ue|er|a|o|e|i|u|v))+")
_SOUND_CLASS = dict(zip("bfvpdtgkcszjlrmnh", "ppppttkkkssslrmnh", strict=True))
_SOFT_C = re.compile(r"c(?=[eiy])")
_SILENT_E = re.compile(r"(?<=[a-z][^aeiouy])e$")
SOUND_MIN = 4         # consonant classes a word's skeleton needs to point to a listed name
SOUND_SYLLABLES = 3   # Hangul syllables of such a word (two syllables with four consonants: a Sino-Korean word)
SOUND_AMBIGUOUS = 2   # a reading that more listed words than this fit is no evidence of any
SOUND_RECORDS = 6     # records that carry the listed words a reading may point to: more, and the word is no name
SOUND_HAN = 6         # Chinese characters of a listed name Korean may write by their sound
SOUND_SCORE = 0.8     # the score shown for a name read by its sound: never a match on its own
SOUND_SKIPPED = frozenset({"KP", "KR"})
"""Countries whose listed Latin names are romanised Korean: read by the romanisations, not as foreign sounds."""
_PINYIN_COUNTRIES = frozenset({"CN", "HK", "MO", "TW"})

Sound = tuple[str, tuple[str, ...]]
"""A sound skeleton ("kaspaska": consonant classes, "a" for each vowel) and each vowel's letters."""
Reading = tuple[tuple[str, bool], ...]
"""How the table reads a listed word (or words written solid): each word, and whether as pinyin."""


def _merge(parts: list[tuple[str, str]]) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for cls, letters in parts:
        if out and out[-1][0] == cls:
            out[-1] = (cls, out[-1][1] + letters)
        else:
            out.append((cls, letters))
    return out


def _sound(parts: list[tuple[str, str]]) -> Sound:
    """(class, vowel letters) pairs tidied into a Sound: doubled classes and vowel runs merged, an r or h that no
    vowel follows left out (then r is l), a vowel after a final s (Korean's 이 after sh, ch, j: 보쉬, Bosch) left
    out."""
    merged = _merge(parts)
    kept = [("l", "") if p[0] == "r" else p for i, p in enumerate(merged)
            if p[0] not in "rh" or (i + 1 < len(merged) and merged[i + 1][0] == "a")]
    tidy = _merge(kept)
    if len(tidy) > 1 and tidy[-1][0] == "a" and tidy[-2][0] == "s":
        tidy.pop()
    return "".join(c for c, _ in tidy), tuple(v for c, v in tidy if c == "a")


def _consonants(sound: str) -> int:
    return len(sound.replace("a", ""))


def hangul_sound(word: str) -> Sound:
    """The Sound of a word written in Hangul (see above): "카스퍼스키" -> "kaspaska" with the Latin letters each vowel
    may write; ("", ()) when the word has a character that is no Hangul syllable."""
    parts: list[tuple[str, str]] = []
    for ch in unicodedata.normalize("NFC", word):
        syl = _syllable(ch)
        if syl is None:
            return "", ()
        ini, vow, fin = syl
        if _SOUND_INITIALS[ini]:
            # 르 writes an r that no vowel follows (스베르방크: Sberbank); ㄹ as a final writes an l (인텔: Intel).
            parts.append(("r" if ini == _RIEUL and vow == _EU else _SOUND_INITIALS[ini], ""))
        if _SOUND_VOWELS[vow]:
            parts.append(("a", _SOUND_VOWELS[vow]))
        parts += [(c, "") for c in _SOUND_FINALS[fin]]
    return _sound(parts)


def _pinyin_spelling(word: str) -> str:
    """A pinyin word spelled as latin_sound()'s English reading reads it as pinyin: x, q, c, z as s, no silent i."""
    w = _PINYIN_SILENT_I.sub(r"\1", word.lower())
    for a, b in _PINYIN_SOUND:
        w = w.replace(a, b)
    return w


def _latin_letters(word: str, pinyin: bool) -> str:
    """The word's letters after the spelling rules above: a digraph as the one letter of its class ("ch": s)."""
    w = word if word.isascii() and word.isalpha() and word.islower() else re.sub(r"[^a-z]", "", anyascii(word).lower())
    if pinyin:
        w = _pinyin_spelling(w)  # (a pinyin e is never silent)
    else:
        w = _SILENT_E.sub("", w)
        if "ch" in w:
            for a, b in _LATIN_HARD_CH:
                w = w.replace(a, b)
    if _ANY_DIGRAPH.search(w):
        for a, b in _LATIN_SOUND:
            w = w.replace(a, b)
    return _SOFT_C.sub("s", w) if "c" in w else w


def _latin_parts(word: str, pinyin: bool) -> list[tuple[str, str]]:
    return [(_SOUND_CLASS[ch], "") if ch in _SOUND_CLASS else ("a", ch) for ch in _latin_letters(word, pinyin)]


def latin_sound(word: str, pinyin: bool = False) -> Sound:
    """The Sound of a Latin word (see above): "Kaspersky" -> "kaspaska" with its vowels' letters; ``pinyin``: the word
    read as pinyin (x, q, c, z as s, no silent i: "Zhongxin" -> "sanksan")."""
    return _sound(_latin_parts(word, pinyin))


_CLASS_LETTERS = str.maketrans("bfvpdtgkcszjlrmnhqxaeiouyw", "ppppttkkkssslrmnhkkaaaaaaa")
_DOUBLED = re.compile(r"(.)\1+")
_NO_VOWELS = str.maketrans("", "", "aeiouyw")
_UNSOUNDED = re.compile(r"[rh](?!a)")


def _latin_skeleton(reading: Reading) -> str:
    """The skeleton of latin_sound() of the words of a Reading written solid, in string operations only (the table
    reads every listed word)."""
    letters = "".join(_latin_letters(word, pinyin) for word, pinyin in reading)
    classes = _DOUBLED.sub(r"\1", letters.translate(_CLASS_LETTERS))
    tidy = _DOUBLED.sub(r"\1", _UNSOUNDED.sub("", classes).replace("r", "l"))
    return tidy[:-1] if tidy.endswith("sa") else tidy


def sounds_alike(hangul: Sound, latin: Sound) -> bool:
    """A Hangul word's Sound and a Latin word's agree: the same skeleton, and each Latin vowel run has a letter the
    Korean vowel may write (a run's y or w counts only when it is the run's one letter)."""
    if hangul[0] != latin[0]:
        return False
    for korean, letters in zip(hangul[1], latin[1], strict=True):
        vowels = set(letters) & set("aeiou") or set(letters)
        if not vowels & set(korean):
            return False
    return True


@dataclass(frozen=True)
class SoundFit:
    """A listed record a Hangul word of the query may be, read by its sound."""

    record: int   # the record's index in the screening index
    aid: int      # its alias that carries the word
    hangul: str   # the word as typed
    latin: str    # the listed word, as the alias writes it
    reading: str  # the query with the word put back in Latin and the glossary's words in English

    @property
    def reason(self) -> str:
        return (f"read by its sound, as Korean writes a foreign name: \u201c{self.hangul}\u201d can be "
                f"\u201c{self.latin}\u201d")


class SoundTable:
    """The listed Latin words by their sound skeleton, with the (record, alias) pairs of each: every word of a name of
    its own (not the glossary's English words, nor the matcher's institutional, generic and common ones, nor place or
    country names), and a Chinese name's own words written solid, of the records of every country but Korea
    (SOUND_SKIPPED)."""

    def __init__(self, index: Any) -> None:
        self.index = index
        self.institutional_words = institutional = _institutional_words()
        gloss = glossary()
        records = index.records
        skipped = {rid for rid, rec in enumerate(records) if SOUND_SKIPPED & set(rec.countries)}
        chinese = {rid for rid, rec in enumerate(records) if _PINYIN_COUNTRIES & set(rec.countries)} - skipped
        # (listed word or words, how to read them: (word, as pinyin) pairs) -> (record, alias) pairs
        found: dict[tuple[str, Reading], list[tuple[int, int]]] = {}
        latin: dict[int, bool] = {}  # alias -> written in Latin letters

        def is_latin(aid: int) -> bool:
            if aid not in latin:
                text = index.alias_text[aid]
                latin[aid] = text.isascii() or script_of(text) == "latin"
            return latin[aid]

        # Each own word of the Latin names (a pinyin one of a Chinese record read as pinyin too; a g before e or i
        # read as a j too), found through the index's postings: each word is read once.
        # Words with two or three consonant letters, by their skeleton: each no evidence on its own, but two of them
        # written one after the other may be one listed name's (말레크 아슈타르: Malek Ashtar).
        self.short: dict[str, list[str]] = {}
        self.skipped = skipped
        for word, aids in index.postings.items():
            if not word.isalpha() or word in institutional:
                continue
            if 2 <= len(word.translate(_NO_VOWELS)) + word.count("x") < SOUND_MIN:
                self.short.setdefault(_latin_skeleton(((word, False),)), []).append(word)
            for reading in _word_readings(word, True):
                pinyin = reading[0][1]
                pairs = [(rid, aid) for aid in aids if (rid := index.alias_record[aid]) not in skipped and
                         (not pinyin or rid in chinese) and is_latin(aid)]
                if pairs:
                    found[word, reading] = pairs
        for rid in sorted(chinese | {index.alias_record[aid] for aid, text in enumerate(index.alias_text)
                                     if not text.isascii() and _HAN_CHARS.search(text)} - skipped):
            for aid in index.record_aliases.get(rid, ()):
                text = index.alias_text[aid]
                if not text.isascii() and script_of(text) == "han":
                    # A Chinese name's own characters (not the glossary's words) in pinyin, as Korean writes a Chinese
                    # name by its Mandarin sound (중신궈지: 中芯国际, Zhongxin Guoji): its runs between the glossary's
                    # words, and its opening words when it opens with a name of its own (中芯 and 中芯国际), up to
                    # SOUND_HAN characters.
                    segments = gloss.segment(text)
                    runs = {"".join(_HAN_CHARS.findall(seg.text)) for seg in segments if not seg.english}
                    if segments and not segments[0].english:
                        runs |= {"".join(_HAN_CHARS.findall("".join(seg.text for seg in segments[:k])))
                                 for k in range(2, len(segments) + 1)}
                    for run in runs:
                        if 2 <= len(run) <= SOUND_HAN:
                            found.setdefault((run, ((anyascii(run), True),)), []).append((rid, aid))
                elif rid in chinese and is_latin(aid):
                    # A Chinese name's own words written solid, as Korean writes its syllables (창신메모리: ChangXin
                    # Memory).
                    own = self.own_words(aid)
                    if len(own) > 1:
                        solid = tuple((w, bool(_PINYIN_WORD.fullmatch(w))) for w in own)
                        found.setdefault((" ".join(own), solid), []).append((rid, aid))
        # skeleton -> (listed word or words, their reading) -> (record, alias) pairs
        table: dict[str, dict[tuple[str, Reading], list[tuple[int, int]]]] = {}
        skeletons: dict[Reading, str] = {}
        for (shown, reading), pairs in found.items():
            skeleton_ = skeletons.get(reading)
            if skeleton_ is None:
                skeleton_ = _latin_skeleton(reading)
                if 2 <= _consonants(skeleton_) < SOUND_MIN and len(reading) == 1 and not reading[0][1]:
                    self.short.setdefault(skeleton_, []).append(shown)  # ("ashtar": four letters, two classes)
                skeletons[reading] = skeleton_ = skeleton_ if _consonants(skeleton_) >= SOUND_MIN else ""
            if skeleton_:
                table.setdefault(skeleton_, {})[shown, reading] = pairs
        self.table = table
        self._sounds: dict[Reading, Sound] = {}
        self._record_sounds: dict[int, set[Sound]] = {}
        # The institutional words as Korean writes them too (테크놀로지: technology, 랩: lab), and country names
        # (코리아): no evidence of a name, and read in English.
        # (Place names neither: a Korean word that sounds like one is no evidence of a listed name's word.)
        self.institutional: dict[str, list[tuple[str, str]]] = {}  # skeleton -> (spelling, English word or "")
        countries = set(country_words())
        accounted = _institutional_words(places_too=False)
        for word in sorted(institutional):
            plural = word[:-1] + "ies" if word.endswith("y") else word + "s"
            for form in (word,) if word in countries or word not in accounted else (word, plural):
                for spelling in {form, *_soft_g(form)}:
                    self.institutional.setdefault(_latin_skeleton(((spelling, False),)), []).append(
                        (spelling, form if word in accounted else ""))

    def _in_record(self, part: str, rid: int) -> bool:
        """Whether a Hangul part sounds like a word of a listed record's Latin names (or its Chinese name in pinyin)."""
        if rid not in self._record_sounds:
            index = self.index
            chinese = bool(_PINYIN_COUNTRIES & set(index.records[rid].countries))
            sounds = set()
            for aid in index.record_aliases.get(rid, ()):
                text = index.alias_text[aid]
                if not text.isascii() and script_of(text) == "han":
                    sounds |= {latin_sound(anyascii(run), pinyin=True) for run in _HAN_CHARS.findall(text)}
                elif text.isascii() or script_of(text) == "latin":
                    for word in index.alias_tokens[aid]:
                        sounds |= {latin_sound(word), *(latin_sound(w) for w in _soft_g(word))}
                        if chinese and _PINYIN_WORD.fullmatch(word):
                            sounds.add(latin_sound(word, pinyin=True))
            self._record_sounds[rid] = sounds
        sound = hangul_sound(part)
        return any(sounds_alike(sound, other) for other in self._record_sounds[rid])

    def _english(self, part: str) -> str | None:
        """The institutional English word a Hangul part is written for by its sound (테크놀로지: technology; 랩: lab),
        or "" when it is none; None when it sounds like a place or country name only (no evidence, nor accounted
        for)."""
        sound = hangul_sound(part)
        english = [w for spelling, w in self.institutional.get(sound[0], ())
                   if sounds_alike(sound, latin_sound(spelling))]
        return next((w for w in english if w), None) if english else ""

    def _fitting(self, part: str) -> dict[str, set[tuple[int, int]]]:
        """The listed words a Hangul part sounds like, each with its (record, alias) pairs: none for a part shorter
        than SOUND_SYLLABLES or with fewer than SOUND_MIN consonant classes."""
        sound = hangul_sound(part)
        fitting: dict[str, set[tuple[int, int]]] = {}
        if len(part) < SOUND_SYLLABLES or _consonants(sound[0]) < SOUND_MIN:
            return fitting
        for (latin, reading), pairs in self.table.get(sound[0], {}).items():
            if reading not in self._sounds:
                self._sounds[reading] = _sound([p for r in reading for p in _latin_parts(*r)])
            if sounds_alike(sound, self._sounds[reading]):
                fitting.setdefault(latin, set()).update(pairs)
        return fitting

    def reading(self, query: str) -> str:
        """A Korean query written in Latin letters when every word of it is read and one of them is a foreign name:
        the glossary's words in their usual English word (a glossary word Korean writes by its sound, 칼라시니코프:
        kalashnikov, is a name), and each other word by its sound, as the one listed word it sounds like (however many
        records carry that word: 로스텍, Rostec) or as the institutional word it is written for (테크놀로지). "" when a
        word is not read, or none is a name. The matcher screens the reading as a name typed in Latin letters."""
        if script_of(query) != "hangul" or not all(HANGUL_WORD.fullmatch(w) for w in query.split()):
            return ""
        from .normalize import COMMON_WORDS, DISTINGUISHING, GENERIC, LEGAL_FORMS, ORG_WORDS  # noqa: PLC0415

        # (no name: a place or country, or a word the matcher knows as an institutional or common one: 그룹, group)
        named_places = places() | set(country_words()) | GENERIC | ORG_WORDS | DISTINGUISHING | LEGAL_FORMS | \
            COMMON_WORDS
        words: list[str | None] = []   # the reading, None for a word not read yet
        names: list[bool] = []         # which words are foreign names
        unread: dict[int, str] = {}    # position -> the Hangul word not read alone
        anchors: list[set[str]] = []   # the English words of the query's institutional words
        anchored: list[int] = []       # and where each is in the reading
        for seg in glossary().segment(query):
            if seg.english:
                name = _consonants_alike(seg.text, seg.english[0]) and not set(seg.english) & named_places
                words.append(seg.english[0])
                names.append(name)
                if not name and not set(seg.english) & (places() | set(country_words())):
                    anchors.append(set(seg.english))
                    anchored.append(len(words) - 1)
                continue
            for part in seg.text.split():
                english = self._english(part)
                if english is None:
                    return ""
                if english:
                    anchors.append({english})
                    anchored.append(len(words))
                else:
                    english = _closest(part, list(self._fitting(part))) or None
                    if english is None:
                        unread[len(words)] = part
                words.append(english)
                names.append(not anchors or anchors[-1] != {english})
        if unread:
            # Words too short to be read alone: two or more one after the other as one listed name's words, or one
            # as the word of a listed name that has the query's institutional words too.
            positions = sorted(unread)
            if len(positions) > 1 and positions == list(range(positions[0], positions[0] + len(positions))):
                read = self._together([unread[i] for i in positions])
            elif len(positions) == 1 and anchors:
                # (the institutional words as that listed name writes them: 항공, "aviation" rather than "aeronautics")
                read, *as_listed = self._together([unread[positions[0]]], anchors, as_listed=True) or [[]]
                for i, word in zip(anchored, as_listed, strict=False):
                    words[i] = word or words[i]
            else:
                read = []
            if not read:
                return ""
            for i, word in zip(positions, read, strict=True):
                words[i] = word
        return " ".join(w for w in words if w) if any(names) else ""

    def _together(self, parts: list[str], anchors: list[set[str]] | None = None, as_listed: bool = False) -> Any:
        """Foreign words written one after the other, none long enough to be read alone (말레크 아슈타르), read as the
        words of one listed name: for each part, the one word of the listed records that carry a word sounding like
        every part, in one alias; [] unless each part has one such word, the parts have SOUND_MIN consonant classes
        together, and at most SOUND_RECORDS records carry them. With ``anchors`` (the English words of the query's
        institutional words, one set for each), one short word, read only in an alias that has a word of each set
        too (세파 은행: Bank Sepah; 다화 테크놀로지: Dahua Technology); ``as_listed``: a list of the words read, then
        for each set of anchors its one word those aliases carry ("" when they carry several or none)."""
        sounds = [hangul_sound(part) for part in parts]
        if any(len(p) < 2 or _consonants(sound[0]) < 2 for p, sound in zip(parts, sounds, strict=True)) or (
                anchors is None and sum(_consonants(sound[0]) for sound in sounds) < SOUND_MIN):
            return []
        index = self.index
        by_alias: list[dict[int, set[str]]] = []  # for each part: alias -> the listed words that sound like it
        for sound in sounds:
            aliases: dict[int, set[str]] = {}
            for heard in dict.fromkeys((sound, _without_epenthesis(sound))):
                words = {*self.short.get(heard[0], ()), *(latin for latin, _ in self.table.get(heard[0], {}))}
                for word in words:
                    if word in index.postings and _vowels_as_written(heard, latin_sound(word)):
                        for aid in index.postings[word]:
                            if index.alias_record[aid] not in self.skipped:
                                aliases.setdefault(aid, set()).add(word)
            by_alias.append(aliases)
        # The words one after the other in one alias, in the order typed.
        common = [aid for aid in set(by_alias[0]).intersection(*by_alias[1:])
                  if _in_order(index.alias_tokens[aid], [aliases[aid] for aliases in by_alias]) and
                  all(words & set(index.alias_tokens[aid]) for words in anchors or ())]
        read = [set().union(*(aliases[aid] for aid in common)) for aliases in by_alias]
        if not common or len({index.alias_record[aid] for aid in common}) > SOUND_RECORDS or \
                any(len(words) != 1 for words in read):
            return []
        found = [next(iter(words)) for words in read]
        if not as_listed:
            return found
        carried = [set().union(*(words & set(index.alias_tokens[aid]) for aid in common)) for words in anchors or ()]
        return [found, *(next(iter(words)) if len(words) == 1 else "" for words in carried)]

    def own_words(self, aid: int) -> tuple[str, ...]:
        """An alias's words of its own: not the institutional words."""
        return tuple(t for t in self.index.alias_tokens[aid] if t.isalpha() and t not in self.institutional_words)

    def fits(self, query: str) -> list[SoundFit]:
        """The records a Korean query's foreign words may be, read by their sound: a word of SOUND_SYLLABLES or more
        (or the part of it between the glossary's words) that is no institutional word, of the glossary or read as an
        English one, whose skeleton has SOUND_MIN consonant classes or more and sounds like SOUND_AMBIGUOUS listed
        words at most (sounds_alike()), carried by SOUND_RECORDS records at most; and a record only when the query's
        other words are institutional ones, part of a description with the glossary's words in it, or sound like
        words of that record's names. Empty for any other query."""
        if script_of(query) != "hangul":
            return []
        gloss = glossary()
        read: dict[str, str] = {}  # a Hangul part -> the Latin word it is read as
        found: list[tuple[str, list[tuple[int, int, str]]]] = []
        parts: list[str] = []
        described: set[str] = set()  # parts of a word with glossary words in it: an institutional description
        for word in dict.fromkeys(HANGUL_WORD.findall(query)):
            segments = gloss.segment(word)
            parts += [seg.text for seg in segments if not seg.english]
            if any(seg.english for seg in segments):
                described |= {seg.text for seg in segments if not seg.english}
        placed: set[str] = set()  # parts that sound like a place name: no evidence, nor accounted for
        for part in dict.fromkeys(parts):
            english = self._english(part)
            if english is None:
                placed.add(part)
            elif english:
                read[part] = english
        for part in dict.fromkeys(parts):
            if part not in read and part not in placed:
                fitting = self._fitting(part)
                fits = sorted(((rid, aid, latin) for latin, pairs in fitting.items() for rid, aid in pairs),
                              key=lambda p: (len(self.own_words(p[1])), p[1]))
                if 0 < len(fitting) <= SOUND_AMBIGUOUS and len({rid for rid, _, _ in fits}) <= SOUND_RECORDS:
                    found.append((part, fits))
        # Every other word of the query must be accounted for: an institutional word, part of a word with the
        # glossary's words in it (중앙항공모터개발연구소), or a word of the same listed name by its sound ("카스퍼스키
        # 랩": Kaspersky Lab), so that a Korean name with one foreign word in it ("넥스트 게임즈", a company named Next
        # Games) is not read as the listed name that has that word.
        unread = [part for part in dict.fromkeys(parts) if part not in read and part not in described]
        found = [(part, [f for f in fits if all(other == part or self._in_record(other, f[0]) for other in unread)])
                 for part, fits in found]
        found = [(part, fits) for part, fits in found if fits]
        read.update({part: fits[0][2] for part, fits in found})
        # The query as read: the glossary's words in English, the foreign words in Latin letters.
        segments = []
        for seg in gloss.segment(query):
            text = seg.english[0] if seg.english else seg.text
            for part, latin in read.items() if not seg.english else ():
                text = text.replace(part, latin)
            segments.append(text)
        out: dict[int, SoundFit] = {}
        for part, fits in found:
            for rid, aid, latin in fits:
                if rid not in out:
                    reading = " ".join(segments).replace(read[part], latin)
                    out[rid] = SoundFit(rid, aid, part, _as_written(self.index.alias_text[aid], latin), reading)
        return list(out.values())


_SOFT_G = re.compile(r"g(?=[eiy])")


def _word_readings(word: str, chinese: bool) -> tuple[Reading, ...]:
    """How the table reads a listed word: as written, with a g before e or i as j too, and (of a Chinese record) as
    pinyin when it is written in pinyin syllables, last; none when it has fewer consonant letters than a skeleton
    needs (a digraph is one class, x two)."""
    if len(word.translate(_NO_VOWELS)) + word.count("x") < SOUND_MIN:
        return ()
    out: list[Reading] = [((word, False),)]
    if _SOFT_G.search(word):
        out.append(((_SOFT_G.sub("j", word), False),))
    if chinese and _PINYIN_WORD.fullmatch(word):
        out.append(((word, True),))
    return tuple(out)


def _soft_g(word: str) -> set[str]:
    """A word with a g before e, i or y spelled with j as well: that g is a j in English (technologies: 테크놀로지스)
    and a g in other languages (Gidropribor: 기드로프리보르)."""
    return {_SOFT_G.sub("j", word)} if _SOFT_G.search(word) else set()


def _institutional_words(places_too: bool = True) -> frozenset[str]:
    """The English words no name of its own is read as: the glossary's, the matcher's institutional, generic,
    legal-form and common words (and their short forms: "lab"), country names, and (``places_too``) place names."""
    from .normalize import CANONICAL, COMMON_WORDS, DISTINGUISHING, GENERIC, LEGAL_FORMS, ORG_WORDS  # noqa: PLC0415

    words = {w for t in glossary().terms for w in t.en} | GENERIC | ORG_WORDS | DISTINGUISHING | LEGAL_FORMS | \
        COMMON_WORDS | set(country_words())
    words |= {short for short, full in CANONICAL.items() if full in words and short.isalpha()}
    return frozenset(words | places() if places_too else words)


HANGUL_WORD = re.compile("[\uac00-\ud7a3]+")
_HAN_CHARS = re.compile("[\u3400-\u9fff\uf900-\ufaff]")


def _as_written(alias: str, word: str) -> str:
    """The listed word as the alias writes it (its case), or the normalised word when the alias spells it otherwise."""
    found = re.search(re.escape(word), anyascii(alias), re.IGNORECASE) if word.isascii() else None
    return found.group(0) if found and len(anyascii(alias)) == len(alias) else word


_SOUNDS: list[SoundTable] = []


def _vowels_as_written(hangul: Sound, latin: Sound) -> bool:
    """sounds_alike(), and each Korean vowel the one a Latin vowel is usually written with (ㅏ a, ㅗ o, ㅔ e: 세파 is
    Sepah, 하나 no Honor): a short word must agree closely to be read as a listed one."""
    return sounds_alike(hangul, latin) and all(k and k[0] in letters for k, letters in zip(hangul[1], latin[1],
                                                                                               strict=True))


def _in_order(tokens: Any, choices: list[set[str]]) -> bool:
    """Whether the tokens have one word of each choice, one right after the other, in order."""
    tokens = list(tokens)
    return any(all(i + k < len(tokens) and tokens[i + k] in words for k, words in enumerate(choices))
               for i in range(len(tokens)))


def _without_epenthesis(sound: Sound) -> Sound:
    """A Hangul word's Sound without the vowel Korean writes after sh before another consonant (아슈타르: Ashtar, 슈 for
    the sh of a Persian or Russian name): the vowel of ㅠ or ㅣ between an s and a consonant left out."""
    skeleton, vowels = sound
    out, kept, n = [], [], 0
    for i, ch in enumerate(skeleton):
        if ch == "a":
            epenthetic = (i and skeleton[i - 1] == "s" and i + 1 < len(skeleton) and skeleton[i + 1] != "a" and
                          vowels[n] in (_SOUND_VOWELS[17], _SOUND_VOWELS[20]))
            if not epenthetic:
                out.append(ch)
                kept.append(vowels[n])
            n += 1
        elif not out or out[-1] != ch:
            out.append(ch)
    return "".join(out), tuple(kept)


def _consonants_alike(hangul: str, latin: str) -> bool:
    """Whether a Hangul word writes a Latin word by its sound, its consonant classes alone compared (칼라시니코프 and
    kalashnikov: Korean writes sh before a consonant as 시)."""
    return all(_consonants(hangul_sound(w)[0]) and hangul_sound(w)[0].replace("a", "") ==
               latin_sound(latin)[0].replace("a", "") for w in hangul.split())


def _closest(hangul: str, words: list[str]) -> str:
    """Of the listed words a Hangul word sounds like, the one whose vowels are the letters its Korean vowels usually
    write (the first letter each stands for: ㅗ o, ㅏ a; 로스텍 is Rostec rather than Rastek); "" when none, or when
    two are as close."""
    if len(words) <= 1:
        return words[0] if words else ""
    vowels = hangul_sound(hangul)[1]

    def closeness(word: str) -> int:
        latin = latin_sound(word.replace(" ", ""))[1]
        return sum(bool(k and k[0] in letters) for k, letters in zip(vowels, latin, strict=False))

    ranked = sorted(words, key=closeness, reverse=True)
    return ranked[0] if closeness(ranked[0]) > closeness(ranked[1]) else ""


def sound_reading(query: str, index: Any) -> str:
    """SoundTable(index).reading(query), the table built on the first Korean query that needs it (once per index)."""
    if script_of(query) != "hangul":
        return ""
    if not _SOUNDS or _SOUNDS[0].index is not index:
        _SOUNDS[:] = [SoundTable(index)]
    return _SOUNDS[0].reading(query)


def sound_fits(query: str, index: Any) -> list[SoundFit]:
    """SoundTable(index).fits(query), the table built on the first Korean query that needs it (once per index)."""
    if script_of(query) != "hangul":
        return []
    if not _SOUNDS or _SOUNDS[0].index is not index:
        _SOUNDS[:] = [SoundTable(index)]
    return _SOUNDS[0].fits(query)
