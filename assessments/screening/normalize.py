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
from itertools import pairwise

import anyascii as _anyascii_module
from anyascii import anyascii

from .._anyascii_pack import use_anyascii_pack

# The browser's copy of anyascii comes without its 640 block files: the site
# build packs them into one file in this package (see assessments/_anyascii_pack.py).
use_anyascii_pack(_anyascii_module)

# Bump when the output of tokens() changes: the dataset records which version built it.
NORMALIZATION_VERSION = 4


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
    "federal state budgetary educational institution of higher education",
    "federal state autonomous educational institution of higher education",
    "obshchestvo s ogranichennoi otvetstvennostiu", "obshchestvo s ogranichennoy otvetstvennostyu",
    "aktsionernoe obshchestvo", "publichnoe aktsionernoe obshchestvo",
    "co ltd", "company limited", "pte ltd", "pvt ltd", "sdn bhd",
]
_LEGAL_PHRASE_RE = re.compile(r"\b(?:" + "|".join(re.escape(p) for p in
                                                 sorted(_LEGAL_PHRASES, key=len, reverse=True)) + r")\b")

# Native-script filler removed before transliteration: the PLA prefix that
# Chinese military names carry, and Chinese company suffixes.
_NATIVE_FILLER = re.compile("中国人民解放军|股份有限公司|有限责任公司|有限公司|集团|公司|株式会社")

# Abbreviations and spelling variants mapped to one canonical token.
CANONICAL = {
    "univ": "university", "universitet": "university", "universitat": "university", "universite": "university",
    "universidad": "university", "universita": "university",
    "inst": "institute", "institut": "institute", "instituto": "institute", "institutes": "institute",
    "tech": "technology", "techn": "technology", "technol": "technology", "technologies": "technology",
    "technological": "technology", "tekhnologii": "technology", "tekhnologiy": "technology",
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
}

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

_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_HAN_MARK = "\x01"  # marks a syllable transliterated from Han: never a filler word
_NON_ALNUM = re.compile(r"[^a-z0-9\x01]+")
_PAREN = re.compile(r"\(([^()]*)\)")
_NAMED_AFTER = re.compile(r"\b(?:named after|imeni)\b.*$")


def fold(text: str) -> str:
    """NFKC, case folding and transliteration to lowercase ASCII (punctuation kept)."""
    if text.isascii():
        return text.casefold()
    text = unicodedata.normalize("NFKC", text)
    text = _NATIVE_FILLER.sub(" ", text)
    out = []
    for ch in text:
        if ch.isascii():
            out.append(ch)
        elif _HAN.match(ch):
            out.append(" " + _HAN_MARK + anyascii(ch).lower() + " ")
        else:
            out.append(anyascii(ch))
    return "".join(out).casefold()


def tokens(text: str) -> tuple[str, ...]:
    """Comparable tokens of a name, in their original order, without repeats."""
    folded = fold(text)
    folded = folded.replace("'", "").replace("`", "").replace("\u2019", "")
    folded = _NON_ALNUM.sub(" ", folded)
    folded = _LEGAL_PHRASE_RE.sub(" ", folded)
    # "... named after B.N. Yeltsin, the First President of Russia": an honorific, not the name.
    folded = _NAMED_AFTER.sub(" ", folded) if _NAMED_AFTER.search(folded) and \
        _NAMED_AFTER.sub(" ", folded).strip() else folded
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
            raw.append(CANONICAL.get(word, word))
    kept = [t for t in raw if t in han or t not in LEGAL_FORMS]
    if not kept:  # a name made only of filler ("The Company") still needs tokens
        kept = raw
    seen: dict[str, None] = {}
    for t in kept:
        seen.setdefault(t, None)
    return tuple(seen)


def names_company(text: str) -> bool:
    """True when a name carries a company's legal form ("Corporation", "Co., Ltd.", "OOO")."""
    folded = _NON_ALNUM.sub(" ", fold(text).replace(_HAN_MARK, ""))
    return bool(_LEGAL_PHRASE_RE.search(folded)) or any(w in COMPANY_FORMS for w in folded.split())


def normalized(text: str) -> str:
    """A readable normal form: the tokens joined by spaces."""
    return " ".join(tokens(text))


def acronym(text: str) -> str:
    """Initials of the content words ("National University of Defense Technology" -> "nudt").

    Empty when the name has fewer than three content words (shorter initials
    collide too often to be useful) or is written in Han characters.
    """
    if _HAN.search(text):
        return ""
    folded = _NON_ALNUM.sub(" ", fold(_PAREN.sub(" ", text)).replace("'", "").replace(_HAN_MARK, ""))
    words = [w for w in folded.split() if w not in LEGAL_FORMS and not w.isdigit() and len(w) > 1]
    return "".join(w[0] for w in words) if len(words) >= 3 else ""

