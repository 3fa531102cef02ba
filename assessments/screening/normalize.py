"""Name normalisation shared by the importer, the index and the query.

One function turns any spelling of an organisation name into comparable
tokens: Unicode NFKC, case folding, transliteration of non-Latin scripts with
``anyascii`` (pure Python, also shipped to the browser), punctuation and
diacritics removed, common abbreviations expanded, legal forms and filler
words dropped. Han characters become overlapping syllable pairs ("清华大学" -> qinghua huada
daxue) so that a name typed in Chinese meets the native names on the lists
token by token, in order.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache
from itertools import pairwise, product

import anyascii as _anyascii_module
from anyascii import anyascii

from .._anyascii_pack import NOT_TRANSLITERATED, use_anyascii_pack

# The browser's copy of anyascii comes without its 640 block files: the site
# build packs them into one file in this package (see assessments/_anyascii_pack.py).
use_anyascii_pack(_anyascii_module)

# Bump when the output of tokens() changes: the dataset records which version built it.
NORMALIZATION_VERSION = 17


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Legal forms and filler words: dropped (unless nothing else is left).
COMPANY_FORMS = _words("""
co company companies ltd limited llc llp lp inc incorporated corp corporation plc jsc ojsc cjsc pjsc
ao oao zao pao ooo tov pp fsue fgup fgbu gup mup nao ano gmbh mbh ag kg sa sas sarl srl spa bv nv ab
as oy pte pvt pty bhd sdn kk ek fze fzco fzc fzllc wll ltda cia sl slu scs
""")
LEGAL_FORMS = COMPANY_FORMS | _words("""
the of and for in at on de des du la le el al del da di der und y et
""")

# Multi-word legal forms, removed before tokenising (longest first).
_LEGAL_PHRASES = [
    "limited liability company", "limited liability partnership", "joint stock company",
    "open joint stock company", "closed joint stock company", "public joint stock company",
    "joint-stock company", "federal state unitary enterprise", "federal state budgetary institution",
    "federal state budgetary institution of science",  # (else "of science" stays: "science" a word of the name)
    "federal state budgetary educational institution of higher education",
    "federal state autonomous educational institution of higher education",
    "obshchestvo s ogranichennoi otvetstvennostiu", "obshchestvo s ogranichennoy otvetstvennostyu",
    "aktsionernoe obshchestvo", "publichnoe aktsionernoe obshchestvo",
    "co ltd", "company limited", "pte ltd", "pvt ltd", "sdn bhd",
]
# The lists' other English words for the Russian "конструкторское бюро" (KB): "Engineering Office", "Design Office",
# "Construction Bureau" ("Machine-Building Engineering Office Fakel" is MKB Fakel, the Fakel Design Bureau).
_DESIGN_BUREAU = re.compile(r"\b(?:engineering office|design office|construction (?:bureau|office))\b")
_LEGAL_PHRASE_RE = re.compile(r"\b(?:" + "|".join(re.escape(p) for p in
                                                 sorted(_LEGAL_PHRASES, key=len, reverse=True)) + r")\b")

# Official status words that Russian institutions put before or after their name ("Federal State
# Budgetary Educational Institution of Higher Education", "National Research University", the Russian
# abbreviation fgbou vo), as the folded text reads them in English and in transliterated Russian (the lists'
# English has also "Federal State Financed Institution", "Federal State Governmental Institution", "Federal State
# Entity Unitary Enterprise"). They say what kind of public body it is, not which one, and people leave them out
# or keep them at will, so both sides drop them.
_STATUS = re.compile(r"\((?:national research university|natsionalnyy issledovatelskiy universitet)\)|\b(?:"
                     + "|".join([
    r"federal(?:noe)? (?:state|gosudarstvennoe)(?: (?:entity )?(?:budgetary|budget|autonomous|unitary|treasury|"
    r"financed|governmental|byudzhetnoe|avtonomnoe|unitarnoe|kazennoe))?"
    r"(?: (?:educational|scientific|science|obrazovatelnoe|nauchnoe))?"
    r" (?:institution|enterprise|uchrezhdenie|predpriyatie)(?: (?:of )?(?:higher (?:professional )?education|"
    r"of science|nauki|vysshego (?:professionalnogo )?obrazovaniya))?",
    r"federal(?:noe)? (?:budgetary|budget|autonomous|unitary|treasury|byudzhetnoe|avtonomnoe|unitarnoe|kazennoe)"
    r"(?: (?:educational|scientific|science|obrazovatelnoe|nauchnoe))? (?:institution|enterprise|uchrezhdenie|"
    r"predpriyatie)(?: of science| nauki)?",
    r"(?:fgbou|fgaou|fgou|fgbu|fgbun|fgbnu|fgup|fgau|fku) vo",
    # the status of a State Research Centre (ГНЦ РФ), spelled out, before or after the name
    r"state (?:research|scientific) cent(?:er|re) of (?:the )?russian? federation",
    r"fgbou|fgaou|fgbun|fgbnu",
    # (the longer status first: "national research" alone would leave "university" before the name; not before "of",
    # where it is the name itself: "National Research University of Electronic Technology")
    # (and as affiliation lines abbreviate it: "Natl Res Nucl Univ MEPhI", "Natl Res Univ")
    r"(?:national|natl) (?:research|res) (?:university|univ)(?= (?!of\b)\S)",
    r"natsionalnyy issledovatelskiy universitet(?= \S)",
    r"(?:national|natl) (?:research|res)(?! (?:university|univ) of\b)(?= \S+ \S)",
    r"natsionalnyy issledovatelskiy(?= \S+ \S)",
]) + r")")
# "named after N. E. Bauman", "imeni N. E. Baumana" (Cyrillic, folded), "im. N. I. Lobachevskogo": the
# honorific, its initials and the surname (kept, below), then any title that follows it ("the First
# President of Russia"). Initials may be run together, as the lists often write them ("NAMED AFTER NE BAUMAN",
# "IMENI AS POPOVA"), or be two letters ("Yu."); a title may stand before them ("im. akademika M. F. Reshetneva").
# The lists and the bodies' own English pages also write "named for", "named by" and the abbreviation "n.a." ("Flight
# Research Institute N.A. M.M. Gromov", "Design Bureau, Named by Academician A.A. Raspletin"); "n.a." and "im." only
# before initials, where they can be nothing else, and so also without full stops ("NA MM GROMOV", "IM GM BERIEVA").
_HONORIFIC_TITLE = (r"(?:the )?(?:first president of russia|academician|academic|akademika|akad|professora?|"
                    r"pervogo prezidenta rossii)")
_HONORIFIC = re.compile(
    r"\b(?:named after|named for|named by|by name|imeni|(?:im|(?<=\w )n a|(?<=\w )na)(?=(?: " + _HONORIFIC_TITLE +
    r")? (?:[a-z]{1,2} ){1,3}[a-z]{3,}))((?: " + _HONORIFIC_TITLE +
    r")?)((?: [a-z]{1,2}){0,3}) ([a-z]{3,})"
    r"((?: (?:the )?(?:first president of russia|pervogo prezidenta rossii))?)")
# "im." and "n.a." in Latin letters after a word and before a capital ("NPO im. Lavochkina", "Complex N.A.G.M. Beriev"):
# the honorific abbreviated, read as "imeni", with or without initials after it.
_LATIN_IM = re.compile(r"(?<=[\w\"'\u00bb\u201d] )(?:[Ii][Mm]|[Nn]\.\s?[Aa])\.\s*(?=[A-Z])")
# "им." before a surname written without initials ("ИПМ им. Келдыша"): the honorific "имени" abbreviated, read as
# "имени" so that the surname is the honorific's (the pattern above needs initials after a bare "im").
_CYRILLIC_IM = re.compile("(?<!\\w)\u0438\u043c\\.\\s*(?=[\u0410-\u042f])")
# "named after Sergo Ordzhonikidze" at the end of a name: a given name and the surname, both optional.
_HONORIFIC_FULL = re.compile(r"\b(?:named after|named for|named by|imeni) ([a-z]{3,}) ([a-z]{3,})(?= \(|$)")
OPTIONAL = "~"
"""Marks a token that counts when the other name has it and is ignored when not (an honorific's surname)."""
# A word in capitals in brackets after a name is its acronym ("Harbin Institute of Technology (HIT)"):
# the name says it already.
_PAREN_ACRONYM = re.compile(r"\s*\(\s*([A-Z][A-Z0-9&.-]{1,9})\s*\)")


def _abbreviates(short: str, before: str) -> bool:
    """True when ``short``'s letters are, in order, initials of the words before it ("HIT" after
    "Harbin Institute of Technology"), not a place ("(UK)") that tells a subsidiary apart."""
    letters = [c for c in short.casefold() if c.isalpha()]
    initials = iter(w[0] for w in re.findall(r"[A-Za-z]+", before.casefold()))
    return len(letters) >= 2 and all(c in initials for c in letters)

# Native-script filler removed before transliteration: the PLA prefix that
# Chinese military names carry, and Chinese company suffixes.
_NATIVE_FILLER = re.compile("中国人民解放军|中國人民解放軍|股份有限公司|有限责任公司|"
                            "有限責任公司|有限公司|集团|集團|公司|株式会社")

# Abbreviations and spelling variants mapped to one canonical token.
CANONICAL = {
    "univ": "university", "universitet": "university", "universitat": "university", "universite": "university",
    "universidad": "university", "universita": "university",
    "inst": "institute", "institut": "institute", "instituto": "institute", "institutes": "institute",
    "tech": "technology", "techn": "technology", "technol": "technology", "technologies": "technology",
    "tekhnologii": "technology", "tekhnologiy": "technology",
    "sci": "science", "sciences": "science", "scientific": "science",
    "centre": "center", "ctr": "center", "centers": "center", "centres": "center", "tsentr": "center",
    "lab": "laboratory", "labs": "laboratory", "laboratories": "laboratory", "lab.": "laboratory",
    "acad": "academy", "academia": "academy", "akademiya": "academy", "academie": "academy",
    "natl": "national", "nat": "national", "intl": "international", "int": "international",
    "dept": "department", "eng": "engineering", "engg": "engineering", "mfg": "manufacturing",
    "industries": "industry", "industrial": "industry", "grp": "group", "hldgs": "holdings",
    "assn": "association", "assoc": "association", "res": "research", "aeronautical": "aeronautics",
    "astronautical": "astronautics", "electronic": "electronics", "mach": "machinery",
    "chinese": "china", "russian": "russia", "iranian": "iran",
    "&": "and",
    # British spelling (NUDT writes its own name "Defence"), and the abbreviations of papers' affiliation lines:
    # ISO 4's (the ISSN Centre's List of Title Word Abbreviations: "defence;def.", "aeronauti-;aeronaut.",
    # "astronaut-;astronaut.", "nuclear-;nucl.", "college-;coll.") and the Web of Science's address form "Engn"
    # ("Dept Elect Power Engn" in its records; Clarivate's help page "Address Abbreviations" describes the mapping).
    # Not "Phys" (Physics or Physical) or "Elect" (Electronic or Electrical): left as typed, they are read as the
    # start of whichever word the listed name has. Checked 2026-12-07.
    "defence": "defense", "def": "defense", "engn": "engineering",
    "aeronaut": "aeronautics", "astronaut": "astronautics", "nucl": "nuclear", "coll": "college",
}

_NEAR_MIN = 7  # letters a word of CANONICAL must have for a misspelling of it to be read as it
# Countries' adjectives are too near names ("Russita Bank" is one letter from "Russian"): only as written.
_NOT_NEAR = frozenset({"russia", "china", "iran"})


def _one_deleted(word: str) -> set[str]:
    return {word[:i] + word[i + 1:] for i in range(len(word))}


@lru_cache(maxsize=1)
def _canonical_near() -> dict[str, str]:
    """Each long word of CANONICAL and every spelling of it with one letter left out -> its canonical token."""
    near: dict[str, str] = {}
    for word, canon in CANONICAL.items():
        if len(word) >= _NEAR_MIN and canon not in _NOT_NEAR:
            for variant in (word, *_one_deleted(word)):
                near.setdefault(variant, canon)
    return near


@lru_cache(maxsize=8192)
def _canonical_misspelt(word: str) -> str:
    """``word``, or the canonical token of a long word of CANONICAL it misspells by one letter left out, added, put
    for another or swapped with its neighbour ("Scienific", "Indusries", "Technoogies"): those words are folded into
    another token ("scientific" into "science"), so the matcher's own one-letter test, which compares tokens, cannot
    see how close the typed word is to them. Words of GENERIC and short words are left alone."""
    if len(word) < _NEAR_MIN or word in GENERIC or not word.isalpha():
        return word
    near = _canonical_near()
    if word in near:
        return near[word]
    for variant in _one_deleted(word):
        if variant in near:
            return near[variant]
    return word


# Generic words: kept, but count for little when names are compared.
GENERIC = _words("""
university institute technology science research academy center laboratory national state
international group holdings industry engineering trading development department school college
faculty key company enterprise factory plant bureau office branch division unit general central
federal china chinese russian russia iran iranian beijing shanghai moscow
daxue xueyuan yanjiu jiusuo keji zhongguo
""")

# Common English words that some list entries are named by alone ("OOO PARTNER", "Quantum", "Vector"):
# such a one-word listed name is no evidence when it is one word among others in a typed name
# ("Example Partner Institute"). Curated from the one-word names on the lists; extend it when a
# refresh brings new ones. Generic words (above) count as common too.
COMMON_WORDS = _words("""
partner partners alliance united global best star start status class name focus forum base area
auction argument dialog dialogue element equality excellence integral inter intersection invent
impulse import matrix monitoring navigator ocean opera orion pegasus phoenix plant plasma pointer
private prometheus proton quantum quorum radiant restart rotor saturn scan solid spark sparta
spectrum stork symphony terminal timber vector veteran wayside wheels wings zest lemon cherry mint
carbon citadel bastion arsenal apex cosmos evil limited october september offshore patriot legion
source sum sky magic pioneer harbor harbour summit delta alpha omega sigma gamma atlas titan
eagle falcon condor horizon zenith vertex nova stella aurora crystal diamond granite
silver golden gold iron steel union victory progress unity energy power signal future
sun moon green red blue black white city northern southern eastern western prime premier orbit
""")

# Words naming a part of an organisation: what makes a longer name a sub-unit.
SUBUNIT_WORDS = _words("""
center laboratory institute school college faculty department division branch key hospital bureau
zhongxin yanshi jiusuo jiuyuan xueyuan
""")  # the last line: Han pairs of 中心, 实验室, 研究所, 研究院 and 学院

# Words naming the kind of body: two names with different kinds left over are different bodies.
TYPE_WORDS = _words("""
university institute academy college laboratory center school factory plant bureau hospital
""")

# The Russian Academy of Sciences and its branches, written out or abbreviated, in English and in
# transliterated Russian: "X SB RAS" is "X of the Siberian Branch of the Russian Academy of Sciences",
# "X СО РАН" is "X Сибирского отделения Российской академии наук".  # noqa: RUF003
_ACADEMY_PHRASES = [  # after another word only: the Academy's own name stays as it is
    (re.compile(r"(?<=\w) (?:of )?(?:the )?russian academy of sciences?\b"), " ras "),
    (re.compile(r"(?<=\w) rossi[iy]sko[iy] akademii nauk\b"), " ran "),
    # The Academy of Sciences of the USSR, which the Russian Academy succeeded in 1991: its institutes' Soviet names
    # ("Lebedev Physical Institute of the USSR Academy of Sciences", "... AN SSSR").
    # (also as a paper's address abbreviates it: "USSR Acad Sci")
    (re.compile(r"(?<=\w) (?:of )?(?:the )?(?:ussr acad(?:emy)? (?:of )?sci(?:ences?)?|"
                r"acad(?:emy)? (?:of )?sci(?:ences?)? (?:of )?(?:the )?ussr)\b"), " ras "),
    (re.compile(r"(?<=\w) (?:akademii nauk sssr|an sssr)\b"), " ran "),
    (re.compile(r"(?<=\w) (?:of )?(?:the )?siberian branch\b(?: of)?"), " sb "),
    (re.compile(r"(?<=\w) sibirskogo otdeleniya\b"), " so "),
    (re.compile(r"(?<=\w) (?:of )?(?:the )?ural branch\b(?: of)?"), " ub "),
    (re.compile(r"(?<=\w) uralskogo otdeleniya\b"), " uro "),
    (re.compile(r"(?<=\w) (?:of )?(?:the )?far east(?:ern)? branch\b(?: of)?"), " feb "),
    (re.compile(r"(?<=\w) dalnevostochnogo otdeleniya\b"), " dvo "),
    # "Federal Research Center X": a status, as "National Research University" is (kept when nothing follows).
    (re.compile(r"\b(?:federal research cent(?:er|re)|federalnyy issledovatelskiy tsentr)(?= \S+ \S)"), " "),
]

# "(Chinese) People's Liberation Army" or "PLA" before the name of a Chinese military institution: written or
# left out at will ("PLA Rocket Force University of Engineering"), as 中国人民解放军 is in Chinese (fold() drops
# that). Dropped on both sides when the rest still has a word of its own (not "PLA General Hospital", "PLA
# Polytechnic University").
_PLA = re.compile(r"^(?:the )?(?:chinese )?(?:peoples liberation army|pla)(?: of china)? ")
# ... or after it, as English names of PLA hospitals and schools write it ("The 988th Hospital of the Joint Service
# Support Force of the Chinese People's Liberation Army").
_PLA_END = re.compile(r" (?:of )?(?:the )?(?:chinese )?(?:peoples liberation army|pla)(?: of china)?$")

_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_DROPPED = re.compile("[" + "".join(f"{chr(lo)}-{chr(hi)}" for lo, hi in NOT_TRANSLITERATED) + "]")
"""Pictographs, emoji and the rarer CJK extensions: a space, in both runtimes (the browser's anyascii
table leaves them out; see assessments/_anyascii_pack.py)."""
HANGUL = re.compile(r"[\uac00-\ud7a3]")
"""A Hangul syllable (a name written in Korean)."""
_HAN_MARK = "\x01"  # marks a syllable transliterated from Han: never a filler word
_NON_ALNUM = re.compile(r"[^a-z0-9\x01]+")
_NON_ALNUM_PAREN = re.compile(r"[^a-z0-9\x01()]+")
_NON_WORD = re.compile(r"[^a-z0-9\x01~]+")
_PAREN = re.compile(r"\(([^()]*)\)")


def _own_word(text: str, kind: bool = False) -> bool:
    """True when a text has a word of its own: not generic, no kind of body, no legal form, no distinguishing
    word (``kind``: a distinguishing word counts, "Railway Engineering Institute")."""
    return any(w.isalpha() and w not in GENERIC and w not in TYPE_WORDS and w not in LEGAL_FORMS and
               (kind or w not in DISTINGUISHING) for w in text.split())


# How the romanisation systems the lists and papers use write the same Russian letters differently (BGN/PCGN, the
# Library of Congress's, ISO 9 without marks, passports' and the lists' own looser spellings): shch/sch (щ), kh/h (х),  # noqa: RUF003
# ts/tc/c (ц), x/ks, j/y/i (й, ы), ye/ie/e (е after a vowel), yu/iu/u (ю), ya/ia/a (я), yo/io/o (ё), and the endings  # noqa: RUF003
# -iy/-ii/-yy/-yi/-ij/-y of adjectives ("Tsentralnyy", "Tsentralnyi", "Tsentralnyj"; "Moskovskoye", "Moskovskoe";
# "Obyedineniye", "Obedinenie"). Each pair of spellings is read as one key: the same Russian word however romanised.
_ROMAN_STEPS = ((re.compile(r"shch|sch"), "sh"), (re.compile(r"kh"), "h"), (re.compile(r"x"), "ks"),
                (re.compile(r"t[sc]"), "c"), (re.compile(r"[jy]"), "i"), (re.compile(r"i+"), "i"),
                (re.compile(r"i(?=[aeou])"), ""))
ROMAN_KEY_MIN = 5
"""Letters a word needs for its romanisation key to stand for it (shorter words are read as written)."""


@lru_cache(maxsize=8192)
def romanised_key(word: str) -> str:
    """One spelling for the ways romanisations of Russian write a word (``_ROMAN_STEPS``): "vserossiyskiy",
    "vserossiiskii", "vserossijskij" and "vserossiski" all give "vserossiski"; "" for a word shorter than
    ``ROMAN_KEY_MIN`` letters, with other characters than Latin letters, or made of pinyin syllables (pinyin writes
    each of those letters for a sound of its own: "Lijiang" is not "Liyang")."""
    if len(word) < ROMAN_KEY_MIN or not word.isascii() or not word.isalpha() or pinyin_syllables(word):
        return ""
    return roman_spelling(word)


# The first letters a word may have whose romanisation key opens with a given letter (_ROMAN_STEPS: ts and tc give
# c, kh gives h, x gives k, y and j give i, and ya, yu, ye, yo, ia ... give the vowel alone).
ROMAN_FIRST = {"c": "ct", "h": "hk", "k": "kx", "i": "iyj", "a": "ayji", "e": "eyji", "o": "oyji", "u": "uyji"}


def roman_spelling(word: str) -> str:
    """The romanisation key of a word of Latin letters of ``ROMAN_KEY_MIN`` letters or more, pinyin or not (the
    index keys its vocabulary so, and leaves pinyin words out when it reads them)."""
    for pattern, repl in _ROMAN_STEPS:
        word = pattern.sub(repl, word)
    return word


def surname_stem(word: str) -> str:
    """A Russian surname without its case ending, the same for "Baumana" and "Bauman", "Lobachevskogo" and
    "Lobachevsky": an honorific puts the surname in the genitive, an English name in the nominative."""
    for end in ("skogo", "skiy", "skii", "skoy", "sky", "ski"):
        if word.endswith(end) and len(word) > len(end) + 2:
            return word[: -len(end)] + "sk"
    if word.endswith(("ova", "eva", "ina", "yna")) or (word.endswith("a") and word[-2:-1] not in "aeiouy"):
        return word[:-1]
    return word


def fold(text: str) -> str:
    """NFKC, case folding and transliteration to lowercase ASCII (punctuation kept)."""
    if text.isascii():
        return text.casefold()
    text = unicodedata.normalize("NFKC", text)
    text = _DROPPED.sub(" ", _NATIVE_FILLER.sub(" ", text))
    out = []
    for ch in text:
        if ch.isascii():
            out.append(ch)
        elif _HAN.match(ch):
            out.append(" " + _HAN_MARK + anyascii(ch).lower() + " ")
        else:
            out.append(anyascii(ch))
    return "".join(out).casefold()


# Two capitals without full stops before a surname ("AE NUDELMAN", "MF Reshetnev", "AM Prokhorov"): a person's
# initials, as the lists' romanised names and papers often write them, in the name of a kind of body.
_UNDOTTED_INITIALS = re.compile(r"(?<![\w.&'-])([A-Z])([A-Z])(?= ([A-Z][A-Za-z]{3,})\b)")


# Two-letter words in capitals that are no initials: legal forms and filler ("AO", "OF", "DE") and English words.
# (Also the Russian honorific "im", and prepositions of the romanised names: "na", "po", French "au", "en".)
_NOT_INITIALS = LEGAL_FORMS | frozenset({"an", "by", "in", "is", "it", "no", "on", "or", "to", "up", "us", "we",
                                         "im", "na", "po", "au", "en", "il"})
# How the surnames of the people Russian (and other) bodies are named after end, romanised: initials stand before
# such a word, while two capitals before "Satellite" or "Microsystems" are an abbreviation (TV, MT).
_SURNAME_END = re.compile(r"(?:ov|ev|yov|in|yn|sky|skiy|skii|ski|ko|ich|vich|man|berg|stein|ffe|dze|yan|ian|"
                          r"ova|eva|ina|yna|skogo)$")  # (the last line: after imeni, in the genitive)


def _dotted(m: re.Match[str]) -> str:
    """Undotted initials before a surname written with full stops ("A. E. NUDELMAN"), or as they were when the two
    letters are a legal form or a word ("AO Sukhoi", "CENTER OF SPARC") or the next word is no surname ("AI Research
    Institute")."""
    after = m.group(3).casefold()
    if (m.group(1) + m.group(2)).casefold() in _NOT_INITIALS or after in GENERIC or after in TYPE_WORDS or \
            after in COMPANY_FORMS or CANONICAL.get(after, after) in GENERIC or not _SURNAME_END.search(after):
        return m.group(0)
    return f"{m.group(1)}. {m.group(2)}."


# The Chinese Academy of Sciences' usual short name, and its institutes' (中科院物理所 for 中国科学院物理研究所, as
# papers, its own pages and the press write them): read as the names in full, so that they meet the lists' names.
_CAS_SHORT = re.compile("\u4e2d\u79d1\u9662")  # 中科院
_CAS_FULL = "\u4e2d\u56fd\u79d1\u5b66\u9662"  # 中国科学院
_INSTITUTE_SHORT = re.compile("(?<!\u7814\u7a76)(?<!\u4e8b\u52a1)(?<!\u4e8b\u52d9)\u6240$")  # 所, not 研究所 or 事务所
_INSTITUTE_FULL = "\u7814\u7a76\u6240"  # 研究所


def _cas_in_full(text: str) -> str:
    """中科院 written 中国科学院, and a name of the Academy's that ends in 所 alone ending in 研究所."""
    text = _CAS_SHORT.sub(_CAS_FULL, text)
    return _INSTITUTE_SHORT.sub(_INSTITUTE_FULL, text) if text.startswith(_CAS_FULL) else text


# The usual initials of a kind of Russian body, written as a word of its name in capitals ("ЦНИИ химии и
# механики", "ОКБ Сухого"): read as the words they stand for, so that a name written either way meets the other.  # noqa: RUF003
_RU_KIND_INITIALS = {
    "\u0426\u041d\u0418\u0418": "\u0446\u0435\u043d\u0442\u0440\u0430\u043b\u044c\u043d\u044b\u0439 "
    "\u043d\u0430\u0443\u0447\u043d\u043e-\u0438\u0441\u0441\u043b\u0435\u0434\u043e\u0432\u0430\u0442\u0435"
    "\u043b\u044c\u0441\u043a\u0438\u0439 \u0438\u043d\u0441\u0442\u0438\u0442\u0443\u0442",  # ЦНИИ
    "\u041d\u0418\u0418": "\u043d\u0430\u0443\u0447\u043d\u043e-\u0438\u0441\u0441\u043b\u0435\u0434\u043e"
    "\u0432\u0430\u0442\u0435\u043b\u044c\u0441\u043a\u0438\u0439 \u0438\u043d\u0441\u0442\u0438\u0442\u0443"
    "\u0442",  # НИИ: научно-исследовательский институт
    "\u041e\u041a\u0411": "\u043e\u043f\u044b\u0442\u043d\u043e-\u043a\u043e\u043d\u0441\u0442\u0440\u0443"
    "\u043a\u0442\u043e\u0440\u0441\u043a\u043e\u0435 \u0431\u044e\u0440\u043e",  # ОКБ: опытно-конструкторское бюро
    "\u041a\u0411": "\u043a\u043e\u043d\u0441\u0442\u0440\u0443\u043a\u0442\u043e\u0440\u0441\u043a\u043e"
    "\u0435 \u0431\u044e\u0440\u043e",  # КБ: конструкторское бюро
    "\u041d\u041f\u041e": "\u043d\u0430\u0443\u0447\u043d\u043e-\u043f\u0440\u043e\u0438\u0437\u0432\u043e"
    "\u0434\u0441\u0442\u0432\u0435\u043d\u043d\u043e\u0435 \u043e\u0431\u044a\u0435\u0434\u0438\u043d\u0435"
    "\u043d\u0438\u0435",  # НПО: научно-производственное объединение
    "\u041d\u041f\u041f": "\u043d\u0430\u0443\u0447\u043d\u043e-\u043f\u0440\u043e\u0438\u0437\u0432\u043e"
    "\u0434\u0441\u0442\u0432\u0435\u043d\u043d\u043e\u0435 \u043f\u0440\u0435\u0434\u043f\u0440\u0438\u044f"
    "\u0442\u0438\u0435",  # НПП: научно-производственное предприятие
}
# The same initials romanised, as the lists and papers write Russian names in Latin letters ("AO TsNII Avtomatiki i
# Gidravliki", "NPO Mashinostroyeniya"); not KB (a Korean bank's) or NPP (a nuclear power plant's, in English).
for _latin, _cyrillic in (("TsNII", "\u0426\u041d\u0418\u0418"), ("TSNII", "\u0426\u041d\u0418\u0418"),
                          ("NII", "\u041d\u0418\u0418"), ("OKB", "\u041e\u041a\u0411"), ("NPO", "\u041d\u041f\u041e")):
    _RU_KIND_INITIALS[_latin] = _RU_KIND_INITIALS[_cyrillic]
# (A word of its own, between spaces, quotation marks or brackets; not alone: "НИИ" typed alone stays initials.)
# Not before a number: "OKB-156", "NII 88" are numbered bodies' names of their own.
_RU_KIND_WORD = re.compile("(?<![\\w-])(" + "|".join(_RU_KIND_INITIALS) + ")(?![\\w-])(?![\\s\u2116]*\\d)")


def _russian_kinds_in_full(text: str) -> str:
    """A Russian name's kind of body written as its initials, in the words they stand for, when the name has a word
    of its own besides (not only a legal form or the person it is named after: "NPO imeni Lavochkina" stays as it is,
    or every "NPO X" would open with all of its words)."""
    rest = tokens(_RU_KIND_WORD.sub(" ", text))
    if len(text.split()) < 2 or not any(not t.startswith(OPTIONAL) for t in rest):
        return text
    return _RU_KIND_WORD.sub(lambda m: _RU_KIND_INITIALS[m.group(1)], text)


@lru_cache(maxsize=4096)
def tokens(text: str) -> tuple[str, ...]:
    """Comparable tokens of a name, in their original order, without repeats (cached: the matcher asks
    for the same typed name and its parts several times)."""
    if "\u79d1" in text:  # 科
        text = _cas_in_full(text)
    if "им." in text:
        text = _CYRILLIC_IM.sub("имени ", text)
    if "." in text:
        text = _LATIN_IM.sub("imeni ", text)
    if _UNDOTTED_INITIALS.search(text) and any(
            CANONICAL.get(w, w) in TYPE_WORDS for w in _NON_ALNUM.sub(" ", text.casefold()).split()):
        text = _UNDOTTED_INITIALS.sub(_dotted, text)
    if "(" in text:
        text = _PAREN_ACRONYM.sub(lambda m: " " if _abbreviates(m.group(1), text[:m.start()]) else m.group(0), text)
    if _RU_KIND_WORD.search(text):  # (after the acronym in brackets, which the initials may spell)
        text = _russian_kinds_in_full(text)
    folded = fold(text)
    folded = folded.replace("'", "").replace("`", "").replace("\u2019", "")
    folded = " ".join(_NON_ALNUM_PAREN.sub(" ", folded).replace("(", " (").replace(")", ") ").split())
    folded = _LEGAL_PHRASE_RE.sub(" ", folded)
    if "st peter" in folded:
        folded = _ST_PETERSBURG.sub("saint ", folded)
    if "office" in folded or "construction" in folded:
        folded = _DESIGN_BUREAU.sub("design bureau", folded)
    if "academ" in folded or "akadem" in folded or "branch" in folded or "otdeleniya" in folded or "federal" in folded \
            or "ssr" in folded:
        for pattern, short in _ACADEMY_PHRASES:
            folded = pattern.sub(short, folded)
    stripped = " ".join(_STATUS.sub(" ", folded).split())
    folded = stripped if stripped.strip("() ") else folded
    if (pla := _PLA.match(folded)) and _own_word(folded[pla.end():]):
        folded = folded[pla.end():]
    if (pla := _PLA_END.search(folded)) and _own_word(folded[:pla.start()], kind=True):
        folded = folded[:pla.start()]
    # "... named after B.N. Yeltsin, the First President of Russia": the honorific is not the name, but its
    # surname often is part of the English name ("Bauman Moscow State Technical University"): an optional token.
    folded = _HONORIFIC_FULL.sub(lambda m: f" {OPTIONAL}{m.group(1)} {OPTIONAL}{surname_stem(m.group(2))} ", folded)
    folded = _HONORIFIC.sub(lambda m: f" {OPTIONAL}{surname_stem(m.group(3))} ", folded)
    folded = _NON_WORD.sub(" ", folded)
    raw: list[str] = []
    han: set[str] = set()
    run: list[str] = []  # consecutive Han syllables
    for part in [*folded.split(), ""]:
        if part.startswith(_HAN_MARK) and part.strip(_HAN_MARK):
            run.append(part[1:])
            continue
        if run:
            # Han syllables as overlapping pairs: "清华大学" -> qinghua huada daxue. Single
            # syllables are too common, and pairs keep the order ("华大" is not "大华").
            pairs = [a + b for a, b in pairwise(run)] or run
            raw += pairs
            han.update(pairs)
            run = []
        word = part.replace(_HAN_MARK, "")
        if word:
            raw.append(CANONICAL.get(word) or _canonical_misspelt(word))
    kept = [t for t in raw if t in han or t not in LEGAL_FORMS]
    if not kept:  # a name made only of filler ("The Company") still needs tokens
        kept = raw
    seen: dict[str, None] = {}
    for t in kept:
        seen.setdefault(t, None)
    return without_name_initials(tuple(seen)) if _DOTTED_INITIAL.search(text) else tuple(seen)


# "St." before Petersburg is "Saint" (as the lists and the bodies' own pages write the city), not "State", which a
# paper's address also abbreviates "St" ("Moscow St Univ").
_ST_PETERSBURG = re.compile(r"\bst (?=peter)")


def has_initials(text: str) -> bool:
    """True when a name has a single letter with a full stop: an initial."""
    return bool(_DOTTED_INITIAL.search(text))


# A single letter with a full stop: an initial ("N.E.", "А. Н."), not a one-letter word ("и", Russian "and").  # noqa: RUF003
_DOTTED_INITIAL = re.compile(r"(?<![^\W\d_])[^\W\d_]\.")


# Words that say a name is a body's besides TYPE_WORDS, as Russian bodies named after a person call themselves in
# English ("S.A. Lavochkin Research and Production Association", "G.M. Beriev Taganrog Aviation Scientific-Technical
# Complex", "A.I. Shokin Research and Production Corporation Istok").
_BODY_WORDS = frozenset({"association", "corporation", "enterprise", "complex", "concern", "office", "group"})


def without_name_initials(toks: tuple[str, ...]) -> tuple[str, ...]:
    """A body's name with the initials of the person it is named after, written before the surname ("N.E. Bauman
    Moscow State Technical University", "P.L. Kapitza Institute for Physical Problems"), as optional tokens: one to
    three single letters followed by a surname, in a name that says what kind of body it is. The English names on
    the lists often leave the initials out; the surname stays a word of the name, and the initials still show that
    the name opens with a person's name (the Ershov Institute is no unit of a listed Yershov). For a name whose
    initials are written with full stops (``has_initials``)."""
    if not any(len(t) == 1 for t in toks) or not any(t in TYPE_WORDS or t in _BODY_WORDS for t in toks):
        return toks
    out: list[str] = []
    run: list[str] = []
    for t in toks:
        if len(t) == 1 and t.isalpha():
            run.append(t)
            continue
        if run:
            honorific = len(run) <= 3 and len(t) >= 4 and t.isalpha() and t not in GENERIC and t not in TYPE_WORDS
            out += [OPTIONAL + r for r in run] if honorific else run
        run = []
        out.append(t)
    return tuple(out + run)


# A Russian holding's word for itself, not a legal form (the lists keep it in the name: "Kalashnikov Concern").
_COMPANY_WORDS = COMPANY_FORMS | {"concern", "kontsern"}


def names_company(text: str) -> bool:
    """True when a name carries a company's legal form ("Corporation", "Co., Ltd.", "OOO") or calls itself a concern."""
    folded = _NON_ALNUM.sub(" ", fold(text).replace(_HAN_MARK, ""))
    return bool(_LEGAL_PHRASE_RE.search(folded)) or any(w in _COMPANY_WORDS for w in folded.split())


def normalized(text: str) -> str:
    """A readable normal form: the tokens joined by spaces (an optional token without its mark)."""
    return unmarked(" ".join(tokens(text)))


def unmarked(stored: str) -> str:
    """A normal form as ``form`` gives it (the dataset stores that one) as ``normalized`` gives it: without the
    optional tokens' marks."""
    return " ".join(t.lstrip(OPTIONAL) for t in stored.split(" "))


def form(text: str) -> str:
    """The normal form the dataset stores and the index reads: the tokens, optional ones marked."""
    return " ".join(tokens(text))


def _initials_text(text: str) -> str:
    """The words a name's initials are read from: folded, without brackets."""
    return _NON_ALNUM.sub(" ", fold(_PAREN.sub(" ", text)).replace("'", "").replace(_HAN_MARK, ""))


# The multi-word legal forms with a word that is no legal form on its own ("joint stock company", "aktsionernoe
# obshchestvo"): no part of a Russian body's initials as Russian writes them (russian_initials).
_LEGAL_WORDS_RE = re.compile(r"\b(?:" + "|".join(re.escape(p) for p in sorted(
    (p for p in _LEGAL_PHRASES if not all(w in LEGAL_FORMS for w in p.split())), key=len, reverse=True)) + r")\b")


def _initials_words(text: str) -> str:
    """The words a name's initials are read from (``_initials_text``) without a legal form of several words: "Limited
    Liability Company X" is not "LLX"."""
    return _LEGAL_WORDS_RE.sub(" ", _initials_text(text))


def russian_initials(text: str) -> str:
    """The initials of a Russian body's name as Russian abbreviates it, without a multi-word legal form before it:
    the United Engine Corporation's Russian name after "Aktsionernoe obshchestvo" gives ODK. Empty for fewer
    than three words."""
    if _HAN.search(text):
        return ""
    words = [w for w in _initials_words(text).split() if w not in LEGAL_FORMS and not w.isdigit() and len(w) > 1]
    return "".join(w[0] for w in words) if len(words) >= 3 else ""


def acronym(text: str) -> str:
    """Initials of the content words ("National University of Defense Technology" -> "nudt").

    Empty when the name has fewer than three content words (shorter initials
    collide too often to be useful) or is written in Han characters.
    """
    if _HAN.search(text):
        return ""
    folded = _initials_words(text)
    words = [w for w in folded.split() if w not in LEGAL_FORMS and not w.isdigit() and len(w) > 1]
    return "".join(w[0] for w in words) if len(words) >= 3 else ""



# Words an acronym may or may not take a letter from ("CETC": China Electronics Technology Group Corporation).
ACRONYM_OPTIONAL = frozenset({"group", "corporation", "corp", "company", "co", "limited", "ltd", "holdings"})
_ACRONYM_MAX = 16  # spellings of a name's initials at most (a longer name keeps its usual initials only)


@lru_cache(maxsize=32768)  # the lists' vocabulary, about 15,000 words
def _initial_choices(w: str) -> tuple[str, ...]:
    """The letters a word can give to initials: none or its first for a closing company word, its first or
    one per syllable for a two-syllable pinyin word, its first for any other word; () for filler."""
    if w.isdigit() or len(w) <= 1:
        return ()
    if w in ACRONYM_OPTIONAL:
        return ("", w[0])
    if w in LEGAL_FORMS:
        return ()
    syllables = pinyin_syllables(w) if len(w) >= 6 else None
    return (w[0], syllables[0][0] + syllables[1][0]) if syllables and len(syllables) == 2 else (w[0],)


def acronym_variants(text: str, usual: str | None = None) -> frozenset[str]:
    """Other initials of a name, as organisations form their own, besides ``acronym``: with or without
    a letter for a closing "Group", "Corporation" or "Limited" ("CNNC", "CATL"), and a two-syllable pinyin
    word giving a letter for each syllable ("NJUST": Nanjing University of Science and Technology,
    "CXMT": ChangXin Memory Technologies). Empty when the name has fewer than three words."""
    if _HAN.search(text):
        return frozenset()
    folded = _initials_words(text)
    choices = [c for c in map(_initial_choices, folded.split()) if c]
    if sum(c[0] != "" for c in choices) < 2:
        return frozenset()
    count = 1
    for c in choices:
        count *= len(c)
    if count > _ACRONYM_MAX:
        return frozenset()
    found = {"".join(p) for p in product(*choices)}
    found.discard(acronym(text) if usual is None else usual)  # ``usual``: acronym(text), when known
    return frozenset(a for a in found if len(a) >= 3)



# Words that some initials take a letter from and others leave out ("IOP": Institute of Physics).
_FILLER_INITIALS = frozenset({"of", "and", "the", "for"})
_LOOSE_MAX = 64  # spellings of a name's loose initials at most (beyond, the filler words give no letter)
_LOOSE_LETTERS = 12  # letters of loose initials at most (a unit's and its academy's together: "iitpras")
# The Russian Academy of Sciences and its branches as tokens() abbreviates them (_ACADEMY_PHRASES).
_ACADEMY_SHORT = frozenset({"ras", "ran", "sb", "so", "ub", "uro", "feb", "dvo"})


# A compass point of two directions written as one word, which initials give one letter or two ("NWPU":
# Northwestern Polytechnical University; "NEU", "SWU").
_COMPASS = re.compile(r"(?:north|south)(east|west)(?:ern)?")


def _pinyin_splits(w: str) -> tuple[str, ...]:
    """The two letters of every cut of a word into two pinyin syllables ("xidian": xd). Not before a syllable that
    opens with a, o or e: pinyin writes an apostrophe there ("Xi'an"), so "hunan" is hu-nan, never hun-an."""
    return tuple(dict.fromkeys(w[0] + w[i] for i in range(1, len(w))
                               if w[i] not in "aoe" and w[:i] in PINYIN and w[i:] in PINYIN))


_CYRILLIC_WORD = re.compile("[\u0400-\u04ff]+")
# Russian words of a public body's status before its name ("Федеральное государственное бюджетное учреждение науки"),
# as stems: no part of the initials Russian writes for the body.
_RU_STATUS_STEMS = ("\u0444\u0435\u0434\u0435\u0440\u0430\u043b\u044c\u043d",  # federal'n-
                    "\u0433\u043e\u0441\u0443\u0434\u0430\u0440\u0441\u0442\u0432\u0435\u043d",  # gosudarstven-
                    "\u0431\u044e\u0434\u0436\u0435\u0442",  # byudzhet-
                    "\u0430\u0432\u0442\u043e\u043d\u043e\u043c",  # avtonom-
                    "\u0443\u043d\u0438\u0442\u0430\u0440",  # unitar-
                    "\u043a\u0430\u0437\u0435\u043d",  # kazen-
                    "\u0443\u0447\u0440\u0435\u0436\u0434\u0435\u043d",  # uchrezhden-
                    "\u043e\u0431\u0440\u0430\u0437\u043e\u0432\u0430\u0442",  # obrazovat-
                    "\u043d\u0430\u0443\u043a\u0438",  # nauki
                    "\u0432\u044b\u0441\u0448\u0435\u0433\u043e",  # vysshego
                    "\u043e\u0431\u0440\u0430\u0437\u043e\u0432\u0430\u043d\u0438\u044f")  # obrazovaniya
_RU_HONORIFIC = ("\u0438\u043c\u0435\u043d\u0438", "\u0438\u043c")  # imeni, im


def _cyrillic_initials(text: str) -> str:
    """The initials of a name in Cyrillic as Russian writes them, each word's first letter transliterated with the
    others (Национальный исследовательский центр: НИЦ, "nits", where the transliterated words give "nit"): without
    the status words before the name, one-letter words ("и") and legal forms; a word in capitals (РАН, СО) whole;
    nothing from the honorific ("имени ...") on."""  # noqa: RUF002
    words = _CYRILLIC_WORD.findall(unicodedata.normalize("NFKC", text))
    for i, w in enumerate(words):
        if w.lower() in _RU_HONORIFIC:
            words = words[:i]
            break
    while words and (words[0].lower().startswith(_RU_STATUS_STEMS) or anyascii(words[0]).lower() in LEGAL_FORMS):
        words = words[1:]
    letters = [w if w.isupper() and len(w) <= 4 else w[0] for w in words
               if len(w) > 1 and anyascii(w).lower() not in LEGAL_FORMS]
    return anyascii("".join(letters)).lower() if len(letters) >= 2 else ""


def loose_initials(text: str, *, short_pinyin: bool = False) -> frozenset[str]:
    """Every way of writing a name's initials that people use, beyond ``acronym`` and ``acronym_variants``: "of",
    "and", "the", "for" giving a letter or none ("IOP": Institute of Physics), a hyphenated word one letter or one
    per part ("Sun Yat-sen": SYSU, SYU), a two-syllable pinyin word a letter per syllable (``short_pinyin``: also a
    five-letter one, "Fudan": FDU; for the names of Chinese bodies), a closing company word a letter or none, a
    compass point of two directions in one word a letter or two ("Northwestern": N or NW), and the initials of the
    normalised words (official status words and the honorific left out: "Nizhny Novgorod
    National Research State University Named after N.I. Lobachevsky": NNSU). Three to eight letters; none for a
    name in Chinese characters."""
    if _HAN.search(text):
        return frozenset()
    raw = _LEGAL_WORDS_RE.sub(" ", fold(_PAREN.sub(" ", text)).replace("'", "").replace(_HAN_MARK, ""))
    found: set[str] = set()
    for joined in {raw, re.sub(r"(?<=[a-z])-(?=[a-z])", "", raw)}:
        choices: list[tuple[str, ...]] = []
        for w in _NON_ALNUM.sub(" ", joined).split():
            if w in _FILLER_INITIALS or w in ACRONYM_OPTIONAL:
                choices.append(("", w[0]))
            elif w in LEGAL_FORMS or w.isdigit() or len(w) <= 1:
                continue
            elif len(w) >= (5 if short_pinyin else 6) and w not in GENERIC and (two := _pinyin_splits(w)):
                choices.append((w[0], *two))
            elif compass := _COMPASS.fullmatch(w):
                choices.append((w[0], w[0] + compass.group(1)[0]))
            else:
                choices.append((w[0],))
        count = 1
        for c in choices:
            count *= len(c)
        if count > _LOOSE_MAX:
            choices = [("",) if c[0] == "" else c for c in choices]  # (filler and company words: no letter)
        found.update("".join(p) for p in product(*choices))
    if _CYRILLIC_WORD.search(text):
        found.add(_cyrillic_initials(text))
    words = [t for t in tokens(text) if not t.startswith(OPTIONAL) and not t.isdigit() and len(t) > 1]
    if len(words) >= 2:
        # (The Academy's abbreviations, "ras", "so ran", whole: "IPM RAN" in Cyrillic.)
        found.add("".join(t if t in _ACADEMY_SHORT else t[0] for t in words))
        found.add("".join(t[0] for t in words))
        unit = words[:-1] if words[-1] in _ACADEMY_SHORT else words
        while len(unit) > 2 and unit[-1] in _ACADEMY_SHORT:
            unit = unit[:-1]
        if len(unit) >= 3 and unit is not words:
            # A unit's initials without its Academy's, which the name gives after it ("Joint Institute for High
            # Temperatures of the Russian Academy of Sciences": JIHT).
            found.add("".join(t[0] for t in unit))
    return frozenset(a for a in found if 3 <= len(a) <= _LOOSE_LETTERS)


# Words that say what kind of work a body does, which its own short form often leaves out (as CANONICAL reads them):
# "KNTU", K. N. Toosi University of Technology; "CNPRI", China Nuclear Power Technology Research Institute.
FIELD_INITIALS = frozenset({"technology", "technical", "technological", "research", "science"})


def shortened_initials(text: str, is_country: Callable[[str], bool]) -> frozenset[str]:
    """The initials of a name with words left out that a body's own short form often leaves out, beyond
    ``loose_initials``: a word of its field ("Technology", "Research", "Science": each gives a letter or none), and a
    country's name or adjective that opens a name of four words or more (``is_country`` says which words are;
    "Iranian Ministry of Intelligence and Security": MOIS). "of", "and", "the", "for" and a closing company word give
    a letter or none, as in loose_initials. Three to eight letters, from three words at least; none for a name in
    Chinese characters or with neither such word (the spellings may include the name's loose initials)."""
    if _HAN.search(text):
        return frozenset()
    words = [CANONICAL.get(w, w) for w in _initials_text(_LEGAL_WORDS_RE.sub(" ", fold(text))).split()]
    starts = [0] if FIELD_INITIALS.intersection(words) else []
    if len(words) >= 4 and is_country(words[0]):
        starts.append(1)
    found: set[str] = set()
    for start in starts:
        choices: list[tuple[str, ...]] = []
        for w in words[start:]:
            if w in _FILLER_INITIALS or w in ACRONYM_OPTIONAL or w in FIELD_INITIALS:
                choices.append(("", w[0]))
            elif w not in LEGAL_FORMS and not w.isdigit() and len(w) > 1:
                choices.append((w[0],))
        count = 1
        for c in choices:
            count *= len(c)
        if len(choices) < 3 or count > _LOOSE_MAX:
            continue
        found.update("".join(p) for p in product(*choices))
    return frozenset(a for a in found if 3 <= len(a) <= 8)


_MIXED_CASE = re.compile(r"(?:[A-Z][a-z]*){3,}")


def mixed_case_pieces(typed: str) -> tuple[str, ...]:
    """A short form written in capitals and small letters, cut before each capital and lowered ("UrFU": ur, f, u):
    one word of Latin letters, three capitals or more, a small letter or more, eight letters at most. () for any
    other word ("Skoltech", "UNESCO")."""
    word = typed.strip()
    if len(word) > _LOOSE_LETTERS - 4 or not _MIXED_CASE.fullmatch(word) or word.isupper():
        return ()
    return tuple(p.lower() for p in re.findall(r"[A-Z][a-z]*", word))


def prefixes_fit(pieces: tuple[str, ...], name: str) -> bool:
    """True when ``pieces`` open the words of ``name`` one by one, in order (mixed_case_pieces: "ur", "f", "u" of Ural
    Federal University): "of", "and", "the", "for" and a closing company word may give no piece, legal forms,
    numbers and one-letter words never do, every other word gives one. A piece of two letters or more opens a word
    two letters longer at least: a short word is written whole ("KHK", itself a short form, is no "Kh...")."""
    words: list[tuple[str, bool]] = []
    for w in _initials_text(_LEGAL_WORDS_RE.sub(" ", fold(name))).split():
        if w in _FILLER_INITIALS or w in ACRONYM_OPTIONAL:
            words.append((w, True))
        elif w not in LEGAL_FORMS and not w.isdigit() and len(w) > 1:
            words.append((w, False))
    ends = {0}  # the numbers of words read, for the pieces read so far
    for piece in pieces:
        ends = {j + 1 for i in ends for j in range(i, len(words))
                if all(words[k][1] for k in range(i, j)) and words[j][0].startswith(piece) and (
                    len(piece) == 1 or len(words[j][0]) > len(piece) + 1)}
        if not ends:
            return False
    return any(all(skip for _, skip in words[i:]) for i in ends)


# Words that tell one institution from another of the same place or name ("Tianjin Medical University" is
# not Tianjin University, "X University of Technology" not X University): a listed name found inside a
# typed one with such a word added is no possible match. Han pairs: 医院 hospital, 附属 affiliated, 师范
# normal, 医科 medical; Persian: pezeshki (medical). Pinyin words, as a name typed in pinyin writes them and as
# Chinese characters give them: 科技 science and technology, 理工 (science and) technology, 农业 agriculture, 林业
# forestry, 财经 finance and economics, 政法 politics and law, 医药 medicine ("Shandong Keji Daxue", 山东科技大学, is
# not Shandong University).
DISTINGUISHING = _words("""
medical medicine normal agricultural agriculture forestry pharmaceutical pharmacy teachers finance financial
economics economic law political foreign languages language studies sports arts art music petroleum mining
maritime polytechnic traditional posts telecommunications railway nursing dental health pedagogical humanities
business commerce education textile chemical technology technical technological science engineering
aeronautics astronautics electronics hospital clinic
yiyuan fushu shifan yike pzshky
keji ligong nongye linye caijing zhengfa yiyao
""")

# Words that make a part of an affiliation line a candidate organisation rather than a place.
ORG_WORDS = TYPE_WORDS | SUBUNIT_WORDS | COMPANY_FORMS | _words("""
academy corporation group bank ministry agency organization organisation society council enterprise association
foundation holdings industry technology science research engineering polytechnic daxue xueyuan yanjiu jiusuo
""")
# Organisation words that name a field, not a body: what follows "Institute of" that is only these ("Institute
# of Information Engineering") is the unit's subject, not the organisation it belongs to.
FIELD_WORDS = _words("technology science research engineering industry")
# The words of a trade and the general words that close a company's name after its own words ("Hangzhou Hikvision
# Digital Technology Co., Ltd.", "Zhuhai Orbita Control Systems"), which the press and filings leave out with the legal
# form ("Hangzhou Hikvision"): never a kind of body (a school, an institute, a laboratory), normalised as tokens() gives
# them ("Technologies" and "Tech" are "technology", "Electronic" "electronics").
TRADE_WORDS = _words("""
technology hitech digital information informatics science electronics electrical electric intelligent intelligence
network networks group holdings holding industry development trading control controls systems system engineering
software communication communications telecom telecommunication equipment materials material optics optical
optoelectronics photonics photoelectric semiconductor semiconductors microelectronics instruments instrument aerospace
laser lasers fiber fibre automation robotics devices device machinery manufacturing products precision integrated
circuit circuits storage sensing innovation innovations
""")
ADDRESS_WORDS = _words("""
street st str road rd avenue ave boulevard blvd lane prospekt prospect pr ul ulitsa pereulok shosse highway
building bld bldg block floor room suite box district province oblast krai region po lu jie hao
""")
_COMMA_SPLIT = re.compile(r"\s*[,;|\n\uff0c\uff1b\u3001\u060c]\s*")
_DASH_SPLIT = re.compile(r"\s+-\s+")
# A country written out as a piece of a line ("People's Republic of China", "Russian Federation").
_COUNTRY_PIECE = re.compile(r"(?:the )?(?:(?:democratic |islamic |socialist )?peoples? |islamic )?republic of(?: the)? "
                            r"[a-z]+(?: [a-z]+)?|russian federation|p ?r ?china")
_PAREN_PART = re.compile(r"\(([^()]{3,})\)")
# A piece of a line that is an organisation's short form in capitals ("CAEP", "NUDT", "MEPhI"): kept though short;
# not a country's ("USA", "PRC"), not a status in brackets ("(National Research University)", "(NRU)"), and not an
# academy's after its unit's name ("Institute of Physics, CAS": read with the unit, as the academy's initials are).
_LINE_SHORT_FORM = re.compile(r"[A-Z][A-Za-z]{2,7}")
_LINE_NOT_SHORT_FORM = frozenset({"USA", "UK", "PRC", "UAE", "ROC", "ROK", "DPRK", "KSA", "USSR", "RF", "NRU", "SAR",
                                  "CAS", "RAS", "RAN", "NAS", "NASB", "NASU", "CASS", "CAAS", "CAMS"})


def _short_form_piece(text: str) -> bool:
    word = text.strip()
    return bool(_LINE_SHORT_FORM.fullmatch(word)) and sum(c.isupper() for c in word) >= 3 and \
        word not in _LINE_NOT_SHORT_FORM
_OF_AT = re.compile(r"\s(?:of|at|in)\s", re.IGNORECASE)
# Latin capitals in two groups or more joined by hyphens ("RFNC-VNIITF"). (Not Cyrillic: a group of three would be
# read as Latin letters, the short form of a body of another country.)
_CAPITAL_GROUPS = re.compile(r"[A-Z]{2,8}(?:-[A-Z]{2,8})+")
# A group this short is no part of its own: three capitals alone match no listed short form (index.SHORT_ALIAS), and
# their initials fit names of every kind ("GPA-IBM", "GRMH-GDL": measured on ROR's acronyms).
_SHORT_GROUP = 3


def affiliation_parts(text: str) -> list[str]:
    """The parts of an affiliation line that could name an organisation, in order, without the whole line.

    "School of Physics, Harbin Institute of Technology, Harbin 150001, China" gives "School of Physics"
    and "Harbin Institute of Technology" (a city, a postcode and a country are no organisation); a unit
    followed by "of" or "at" gives what follows ("College of Computing of X" gives "Computing of X" and
    "X"); a name in brackets gives the brackets' content and the rest.
    Latin capitals in groups joined by hyphens ("RFNC-VNIITF": a federal centre's and its institute's short forms) give
    each group of four letters or more, when there are two such groups or more.
    """
    if _CAPITAL_GROUPS.fullmatch(text.strip()):
        groups = [g for g in text.strip().split("-") if len(g) > _SHORT_GROUP]
        # (Two at least: a group's match is a possible match only when another group names something else too.)
        return groups if len(groups) > 1 else []
    pieces = []
    for piece in _COMMA_SPLIT.split(text):
        if piece.strip():
            dashed = [p for p in _DASH_SPLIT.split(piece) if p.strip()]
            # A name with " - " in it ("Russian Federal Nuclear Center - All-Russian Research Institute of ..."): the
            # whole piece, then each side.
            pieces += [piece, *dashed] if len(dashed) > 1 else dashed
    parts: list[str] = []
    for at, piece in enumerate(pieces):
        inner = _PAREN_PART.findall(piece)
        outer = " ".join(_PAREN_PART.sub(" ", piece).split())
        for cand in [outer, *inner]:
            toks = tokens(cand) if cand else ()
            if not toks or all(t.isdigit() or t in LEGAL_FORMS for t in toks):
                continue  # a postcode, or a legal form alone ("Co., Limited" cut at the comma)
            plain = " ".join(_NON_ALNUM.sub(" ", fold(cand).replace("'", "")).split())
            if _COUNTRY_PIECE.fullmatch(plain):
                continue
            if cand is not outer and not _STATUS.sub(" ", f"({plain})").strip():
                continue  # the status after a name ("MIPT (National Research University)"): no other organisation
            # (The line's first piece is the organisation's name whatever its words: "AO Plasma, Russia".)
            if len(pieces) > 1 and (at or cand is not outer) and not any(t in ORG_WORDS for t in toks) and (
                    sum(len(t) > 1 for t in toks) < 3 or any(t in ADDRESS_WORDS or t.isdigit() for t in toks)) and \
                    not (cand is outer and _short_form_piece(cand)):
                continue  # a city, a country, a street address
            parts.append(cand)
            if toks[0] in SUBUNIT_WORDS:
                # "School of Physics of X", "Laboratory of Y at X": what follows the unit may be the organisation.
                for m in _OF_AT.finditer(cand):
                    rest = cand[m.end():]
                    if any(t in ORG_WORDS and t not in FIELD_WORDS for t in tokens(rest)) and rest not in parts:
                        parts.append(rest)
    whole = " ".join(text.split())
    return [p for p in dict.fromkeys(parts) if p != whole]


# The syllables of Hanyu Pinyin without tones (the 410 of the standard syllable table, ü written v): a
# name typed in pinyin ("Haerbin Gongye Daxue") is cut into syllables and paired as Han characters are.
PINYIN = _words("""
a ai an ang ao ba bai ban bang bao bei ben beng bi bian biao bie bin bing bo bu ca cai can cang cao ce cen
ceng cha chai chan chang chao che chen cheng chi chong chou chu chua chuai chuan chuang chui chun chuo ci cong
cou cu cuan cui cun cuo da dai dan dang dao de dei den deng di dia dian diao die ding diu dong dou du duan dui
dun duo e ei en eng er fa fan fang fei fen feng fo fou fu ga gai gan gang gao ge gei gen geng gong gou gu gua
guai guan guang gui gun guo ha hai han hang hao he hei hen heng hong hou hu hua huai huan huang hui hun huo ji
jia jian jiang jiao jie jin jing jiong jiu ju juan jue jun ka kai kan kang kao ke kei ken keng kong kou ku kua
kuai kuan kuang kui kun kuo la lai lan lang lao le lei leng li lia lian liang liao lie lin ling liu lo long
lou lu luan lun luo lv lve ma mai man mang mao me mei men meng mi mian miao mie min ming miu mo mou mu na nai
nan nang nao ne nei nen neng ni nian niang niao nie nin ning niu nong nou nu nuan nuo nv nve o ou pa pai pan
pang pao pei pen peng pi pian piao pie pin ping po pou pu qi qia qian qiang qiao qie qin qing qiong qiu qu
quan que qun ran rang rao re ren reng ri rong rou ru rua ruan rui run ruo sa sai san sang sao se sen seng sha
shai shan shang shao she shei shen sheng shi shou shu shua shuai shuan shuang shui shun shuo si song sou su
suan sui sun suo ta tai tan tang tao te teng ti tian tiao tie ting tong tou tu tuan tui tun tuo wa wai wan
wang wei wen weng wo wu xi xia xian xiang xiao xie xin xing xiong xiu xu xuan xue xun ya yan yang yao ye yi
yin ying yo yong you yu yuan yue yun za zai zan zang zao ze zei zen zeng zha zhai zhan zhang zhao zhe zhei
zhen zheng zhi zhong zhou zhu zhua zhuai zhuan zhuang zhui zhun zhuo zi zong zou zu zuan zui zun zuo
""") | {"nu", "lu"}  # anyascii writes 女 and 绿 without the umlaut


def pinyin_syllables(word: str) -> list[str] | None:
    """``word`` cut into pinyin syllables (longest first, backtracking), or None when it is not pinyin."""
    if not word.isalpha():
        return None
    memo: dict[int, list[str] | None] = {len(word): []}

    def cut(i: int) -> list[str] | None:
        if i not in memo:
            memo[i] = None
            for j in range(min(len(word), i + 6), i, -1):
                if word[i:j] in PINYIN and (rest := cut(j)) is not None:
                    memo[i] = [word[i:j], *rest]
                    break
        return memo[i]
    return cut(0)


# The company suffixes that fold() drops from Han names, in pinyin: 集团, 公司, 有限, 股份, 责任, 有限公司.
_PINYIN_FILLER = _words("jituan gongsi youxian gufen zeren youxiangongsi gufenyouxiangongsi")


def pinyin_pairs(words: tuple[str, ...]) -> tuple[str, ...] | None:
    """A name typed in pinyin as the overlapping syllable pairs a name in Han characters gives, or None
    unless every word is pinyin and the name has at least two words and four syllables."""
    if len(words) < 2:
        return None
    syllables: list[str] = []
    for w in words:
        if w in _PINYIN_FILLER:
            continue
        cut = pinyin_syllables(w)
        if not cut:
            return None
        syllables += cut
    if len(syllables) < 4:
        return None
    return tuple(dict.fromkeys(a + b for a, b in pairwise(syllables)))


# The words Russian initials of a kind of body stand for (tokens of _RU_KIND_INITIALS' phrases: nauchno,
# issledovatelskiy, opytno, konstruktorskoe, byuro ...): a kind of body, no name of its own.
RU_KIND_WORDS = frozenset(t for phrase in set(_RU_KIND_INITIALS.values()) for t in tokens(phrase)) - TYPE_WORDS
