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
    return Glossary(tuple(terms), meta["checked"], {k: tuple(v) for k, v in index.items()}, longest, readings)


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
