"""The matcher: a token index built once, soft token matching, explained scores.

A name and a list alias are compared as bags of normalised tokens (word order
does not matter). Each token weighs its inverse document frequency over all
aliases, generic words ("university", "institute") count for a fraction, and a
token can match a token one edit away (typos on either side). The score is a
weighted Dice coefficient in [0, 1]:

    score = (matched weight of the query + matched weight of the alias)
            / (total weight of the query + total weight of the alias)

When one side is (almost) entirely contained in the other and the other has
substantial extra words, the pair is "related" rather than the same entity: a
listed centre inside an unlisted university, or a department of a listed one.

Blocking: only aliases sharing a reasonably rare token with the query (exactly
or one edit away) are scored, found through an inverted index; acronyms are
looked up in their own table.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import NamedTuple

from anyascii import anyascii

from ..limits import MATCH_THRESHOLD, MAX_CANDIDATES
from .dataset import Record
from .normalize import _HAN as HAN
from .normalize import (
    ACRONYM_OPTIONAL,
    COMMON_WORDS,
    DISTINGUISHING,
    FIELD_INITIALS,
    GENERIC,
    HANGUL,
    LEGAL_FORMS,
    OPTIONAL,
    ROMAN_FIRST,
    ROMAN_KEY_MIN,
    RU_KIND_WORDS,
    SUBUNIT_WORDS,
    TRADE_WORDS,
    TYPE_WORDS,
    _initial_choices,
    acronym,
    acronym_variants,
    has_initials,
    loose_initials,
    mixed_case_pieces,
    names_company,
    pinyin_pairs,
    pinyin_syllables,
    prefixes_fit,
    roman_spelling,
    romanised_key,
    russian_initials,
    shortened_initials,
    tokens,
    without_name_initials,
)
from .russian_initials import GENERIC_INITIALS
from .russian_initials import russian_initials as russian_spellings
from .scripts import country_words, glossary, places, romanize, romanize_hangul, romanize_mr, script_of, skeleton

# Words that end the name of a body that is no school or institute: an army, a ministry, a bank.
BODY_NOUNS = frozenset({"force", "forces", "army", "navy", "corps", "ministry", "bank", "agency", "committee",
                        "commission", "administration", "command", "police", "guard"})
# The Russian Academy of Sciences and its branches as normalize.tokens() abbreviates them: no part of an
# institute's own initials ("IK SO RAN" in Cyrillic: ik).
ACADEMY_ABBREVIATIONS = frozenset({"ras", "ran", "sb", "so", "ub", "uro", "feb", "dvo"})
GENERIC_FACTOR = 0.45
TYPO_SIM = 0.85           # similarity of a token one edit away from another
TYPO2_SIM = 0.75          # two edits away ("hangzhou" / "hangzhao"), only for long tokens
ROMAN_SIM = 0.95          # the same Russian word in another romanisation ("obyedineniye" / "obedinenie")
LONG_TYPO_LEN = 7
LOOSE_STEP = 5000         # aliases whose loose initials one idle step of the browser's worker reads (prepare_next)
SHORT_ALIAS = 3           # an alias that is one token this short ("MIT") is too ambiguous to match alone
MIN_TYPO_LEN = 5          # shorter tokens must match exactly (1 edit turns "tsu" into "tpu")
BLOCK_MAX_POSTINGS = 400  # tokens in more aliases than this do not select candidates
BLOCK_MAX_CANDIDATES = 600  # when only common words overlap, score at most this many aliases
CONTAINED = 0.9           # share of one side that must be matched for a "related" pair
EXTRA_MIN = 0.25          # share of the other side that must be extra for a "related" pair
DERIVED_ACRONYM_SCORE = 0.8  # initials the matcher derived itself: shown, never a match on its own
SURE_ACRONYM_SCORE = 0.9  # derived initials typed in capitals, 5+ letters, fitting one record only
SURE_ACRONYM_LEN = 5
_WORD_SCRIPTS = frozenset({"latin", "cyrillic"})  # scripts whose names entries_holding() reads word by word
_HOLDING_OWNERS = 6  # records at most carrying a word of a matched name for entries_holding() to look at them
SAME_ORGANISATION_OWNERS = 3  # records at most carrying a name for it to be one organisation's (same_organisation)
# Initials with the surname of the name's honorific or the Academy's branch (in Cyrillic, "MGTU im. Baumana", "IK SO
# RAN"): more than initials alone, still a guess.
HONORIFIC_ACRONYM_SCORE = 0.85
RELATED_FACTOR = 0.85     # score of a fully contained related entry, before the cap below the threshold
COMMON_WORD_SCORE = 0.6  # a one-word listed name that is a common word, found among other typed words
# Shown below the threshold, never a match.
CAPPED = frozenset({"extends_listed_name", "different_kind", "common_word", "different_generic", "other_country",
                    "other_place",
                    "honorific_acronym", "other_honorific", "honorific_left_out"})
PLACE_COUNTRY = {"china": "CN", "chinese": "CN", "beijing": "CN", "shanghai": "CN", "russia": "RU", "russian": "RU",
                 "moscow": "RU", "iran": "IR", "iranian": "IR"}
"""The place words among the generic words, and the country each is in."""
RESPACED_FACTOR = 0.9     # a respaced query ("jiao tong" for "jiaotong") is a guess: it ranks a little lower
# A respaced query may only match a name as a whole: a guessed split ("phys ics") or join ("so ran" ->
# "soran") that merely contains a listed short name is no evidence of a part or a unit of it.
RESPACED_DETAILS = frozenset({"exact", "tokens"})


# The countries that scripts.country_words() lacks, which the questionnaire names in two words ("Russian Federation",
# "North Korea"), by the word their bodies' names open with as tokens() reads it ("Russian ...", "Korea Computer
# Center"): a country's name left out of initials (normalize.shortened_initials).
_COUNTRY_OPENERS = frozenset({"russia", "korea", "korean"})
# A group's short form in capitals opening a unit's name, before at least three words of its own ("AVIC Chengdu
# Aircraft Design Institute"), in a name not written all in capitals: the unit's own initials leave it out.
_PARENT_SHORT = re.compile(r"^[A-Z]{3,6}\s+(?=\S+\s+\S+\s+\S)")
# Words that may or may not give a letter to a name's initials (normalize.acronym_variants), as written.
_MAY_VARY = re.compile(r"(?i)\b(?:" + "|".join(sorted(ACRONYM_OPTIONAL)) + r")\b")


class Hit(NamedTuple):
    """One scored alias (a tuple: the matcher makes some ten thousand a second)."""
    record: int
    alias: str
    score: float
    relation: str  # "same" or "related"
    # why: "exact", "tokens", "acronym", "honorific_acronym", "official_acronym", "short_alias", "listed_is_part",
    # "query_is_part", "unit_of_listed", "extends_listed_name", "different_kind", "common_word",
    # "different_generic", "unchecked_alias" (a match only through an alias whose source is not yet checked)
    detail: str
    aid: int = -1  # the alias scored (-1: none in particular)


class _Query:
    """What scoring a typed name against each candidate alias needs, worked out once per name."""

    __slots__ = ("company", "distinctive", "han", "implied", "near", "optional", "places", "places_exact", "qtoks",
                 "respaced", "reverse", "typed_as_acronym", "weights")

    def __init__(self, index: Index, qtoks: tuple[str, ...], near: dict[str, dict[str, float]],  # noqa: PLR0917
                 typed_as_acronym: bool, han: bool, company: bool, optional: frozenset[str]) -> None:
        self.qtoks, self.near, self.optional = qtoks, near, optional
        self.implied: frozenset[str] = frozenset()  # words added to the typed ones (not an honorific of its own)
        self.respaced = False  # words split or joined by the matcher ("lianyungang zhiyuan"): a guess
        self.typed_as_acronym, self.han, self.company = typed_as_acronym, han, company
        self.weights = [index.weight(q) for q in qtoks]
        # Vocabulary word -> (typed word's position, similarity, rank among that word's neighbours).
        reverse: dict[str, list[tuple[int, float, int]]] = {}
        for qi, q in enumerate(qtoks):
            for rank, (t, s) in enumerate(near[q].items()):
                reverse.setdefault(t, []).append((qi, s, rank))
        self.reverse = reverse
        # A related entry needs a real name in the query: "KTH" inside "KTH Group Spol" proves nothing.
        self.distinctive = any(q not in GENERIC and len(q) >= MIN_TYPO_LEN - 1 for q in qtoks)
        # Whether a typed word names a country or a city in one (most names have none: nothing to check).
        self.places = any(place_country(q) for q in qtoks)
        # The typed words that are place names (a city after a name is no other body's word).
        self.places_exact = frozenset(q for q in qtoks if is_place(q))


class Index:
    def __init__(self, records: Iterable[Record]) -> None:
        self.records = list(records)
        self.alias_text: list[str] = []
        self.alias_record: list[int] = []
        self.alias_tokens: list[tuple[str, ...]] = []
        # Tokens of an alias that count only when the query has them (an honorific's surname).
        self.alias_optional: dict[int, frozenset[str]] = {}
        self.record_aliases: dict[int, list[int]] = {}
        postings: dict[str, list[int]] = {}
        # (The loop is written for speed: the browser builds the index while the engine starts.)
        add_text, add_record, add_tokens = self.alias_text.append, self.alias_record.append, self.alias_tokens.append
        singles: list[int] = []  # aliases of one short token ("HIT")
        # Aliases that rest only on a source not yet checked: a match through one is a possible match at most.
        self.unchecked: set[int] = set()
        aid = 0
        for rid, rec in enumerate(self.records):
            seen: set[tuple[str, ...]] = set()
            names = (rec.name, *rec.aliases)
            forms = rec.forms or tuple(" ".join(tokens(a)) for a in names)
            first = aid
            unchecked = {n + 1 for n in rec.unchecked} if rec.unchecked else None
            for pos, (alias, stored) in enumerate(zip(names, forms, strict=True)):
                toks = tuple(stored.split())
                form = stored
                if rec.forms and (marked := without_name_initials(toks)) != toks and has_initials(alias):
                    # (a stored form keeps a body's honorific initials as words: read them as tokens() does now)
                    toks, form = marked, " ".join(marked)
                if not toks or toks in seen or (pos and all(t in LEGAL_FORMS for t in toks)):
                    # (an alias made only of a legal form, "LIMITED" among a group's aliases, names nobody)
                    continue
                seen.add(toks)
                if unchecked and pos in unchecked:
                    self.unchecked.add(aid)
                if OPTIONAL in form:
                    self.alias_optional[aid] = frozenset(t[1:] for t in toks if t.startswith(OPTIONAL))
                    toks = tuple(t.lstrip(OPTIONAL) for t in toks)
                add_text(alias)
                add_record(rid)
                add_tokens(toks)
                for t in toks:
                    found = postings.get(t)
                    if found is None:
                        postings[t] = [aid]
                    else:
                        found.append(aid)
                if len(toks) == 1 and len(toks[0]) <= SHORT_ALIAS:
                    singles.append(aid)
                aid += 1
            if aid > first:
                self.record_aliases[rid] = list(range(first, aid))
        self.postings = postings
        # Short aliases (HIT) that spell their record's name and belong to that record only.
        short: dict[str, set[int]] = {}
        for aid in singles:
            short.setdefault(self.alias_text[aid].strip(), set()).add(self.alias_record[aid])
        self.official_acronyms = {
            aid for aid in singles
            if self.alias_text[aid].strip().isupper() and len(short[self.alias_text[aid].strip()]) == 1
            and _spells(self.alias_tokens[aid][0], self.records[self.alias_record[aid]].name)}
        # How many records carry each short alias, as written ("ВТБ" -> 1).
        self.short_alias_owners = {text: len(owners) for text, owners in short.items()}
        n = len(self.alias_text) or 1
        self.max_idf = math.log(n + 1)
        self.idf = {t: math.log((n + 1) / (len(p) + 0.5)) for t, p in postings.items()}
        # Each vocabulary token's weight, as weight() gives it (the scoring loop reads it from here).
        self._weights = {t: w * GENERIC_FACTOR if t in GENERIC else w for t, w in self.idf.items()}
        # Built on first use (so that the index is ready sooner): the one-deletion neighbourhoods of the
        # vocabulary by token length (deletes_of_length), and the initials of long names (derived_acronyms).
        self._deletes: dict[int, dict[str, list[str]]] = {}
        self._roman: dict[str, dict[str, list[str]]] = {}
        self._derived: dict[str, set[int]] | None = None
        self._derived_other: dict[str, set[int]] = {}
        self._derived_russian: dict[str, set[int]] = {}
        self._russian_spelled: dict[str, tuple[int, ...]] | None = None  # (russian_initials_fit)
        self._hangul_unspaced: dict[str, tuple[int, ...]] | None = None  # (korean_unspaced)
        self._one_word: dict[str, set[int]] | None = None
        # loose_initials() of the aliases read so far -> those aliases (tuples of ints: untracked by the collector)
        self._loose: dict[str, tuple[int, ...]] = {}
        self._loose_done = 0  # aliases read into _loose (it is built in steps: prepare_next())
        # shortened_initials() of the aliases read into _loose -> those aliases (built with _loose)
        self._shortened: dict[str, tuple[int, ...]] = {}
        self._chinese: set[int] = set()  # records of Chinese bodies (their names' five-letter pinyin words count)
        self._han_names: list[tuple[str, int]] | None = None  # (a Chinese alias's characters, alias)
        self._body: dict[int, bool] = {}  # alias -> whether it reads as a body's name (_names_a_body)
        self._spec: dict[int, bool] = {}  # alias -> whether its own words name one body (_specific)
        self._place_cc: dict[str, frozenset[str]] = {}  # place name -> its countries (place_countries)
        self._hon: dict[int, bool] = {}  # alias -> whether its words without the honorific name others too

    @property
    def derived_acronyms(self) -> dict[str, set[int]]:
        """Initials of the aliases of three or more words ("nudt") -> those aliases."""
        if self._derived is None:
            derived: dict[str, set[int]] = {}
            other: dict[str, set[int]] = {}
            for aid, toks in enumerate(self.alias_tokens):
                if len(toks) < 2:
                    continue
                text = self.alias_text[aid]
                initials = acronym(text)
                if len(initials) >= 3 and len(toks) >= 3:
                    derived.setdefault(initials, set()).add(aid)
                if (parent := _PARENT_SHORT.match(text)) and len(toks) >= 4 and not text.isupper():
                    # A unit named after its group's short form ("AVIC Chengdu Aircraft Design Institute"): its own
                    # initials leave the group out ("CADI").
                    rest = text[parent.end():]
                    for more in {acronym(rest), *acronym_variants(rest)}:
                        if len(more) >= 3:
                            other.setdefault(more, set()).add(aid)
                if not (_MAY_VARY.search(text) or any(len(_initial_choices(t)) > 1 for t in toks)):
                    continue  # no word that could give its initials another way
                for more in acronym_variants(text, initials):
                    other.setdefault(more, set()).add(aid)
            # Initials typed in Cyrillic: those of the names of Russian and Belarusian bodies, as Russian writes them.
            russian: dict[str, set[int]] = {}
            for aid, toks in enumerate(self.alias_tokens):
                if len(toks) >= 2 and CYRILLIC_COUNTRIES & set(self.records[self.alias_record[aid]].countries):
                    initials = russian_initials(self.alias_text[aid])
                    if len(initials) >= 3:
                        russian.setdefault(initials, set()).add(aid)
            self._derived, self._derived_other, self._derived_russian = derived, other, russian
        return self._derived

    @property
    def derived_other(self) -> dict[str, set[int]]:
        """Other initials of the aliases (``normalize.acronym_variants``: "njust", "cetc") -> those aliases."""
        _ = self.derived_acronyms
        return self._derived_other

    def deletes_of_length(self, length: int) -> dict[str, list[str]]:
        """One-deletion neighbourhoods (SymSpell) of the vocabulary's tokens of ``length`` letters: each
        string one letter shorter -> the tokens it comes from, in vocabulary order. Built per length on
        first use: a query word of n letters needs lengths n and n + 1 only."""
        found = self._deletes.get(length)
        if found is None:
            found = {}
            if length >= MIN_TYPO_LEN:
                for t in self.postings:
                    if len(t) == length and not t.isdigit():
                        for i in range(length):
                            found.setdefault(t[:i] + t[i + 1:], []).append(t)
            self._deletes[length] = found
        return found

    def romanised(self, first: str) -> dict[str, list[str]]:
        """The vocabulary's words that open with the letter ``first``, by their romanisation key (normalize.
        roman_spelling): a key -> the words that give it. Built per letter on first use (and by prepare_next)."""
        found = self._roman.get(first)
        if found is None:
            found = {}
            for t in self.postings:
                if t[:1] == first and len(t) >= ROMAN_KEY_MIN and t.isascii() and t.isalpha():
                    found.setdefault(roman_spelling(t), []).append(t)
            self._roman[first] = found
        return found

    def romanised_words(self, key: str) -> list[str]:
        """The vocabulary's words, other than pinyin ones, whose romanisation key is ``key``."""
        words = [w for first in ROMAN_FIRST.get(key[0], key[0]) for w in self.romanised(first).get(key, ())]
        return [w for w in words if not pinyin_syllables(w)]

    def prepare_next(self) -> bool:
        """Build one of the parts kept for later (a length's deletion neighbourhoods, the derived initials);
        False once none is left. The browser's worker calls it while no request waits, so that no
        screening pays for them; a screening that needs a part first builds it itself."""
        for length in sorted({len(t) for t in self.postings}):
            if length >= MIN_TYPO_LEN and length not in self._deletes:
                self.deletes_of_length(length)
                return True
        if self._derived is None:
            _ = self.derived_acronyms
            return True
        if self._russian_spelled is None:
            self.russian_spelled()
            return True
        for first in sorted({t[:1] for t in self.postings if t[:1].isalpha() and t[:1].isascii()}):
            if first not in self._roman:
                self.romanised(first)
                return True
        if self._han_names is None:
            self.han_names()
            return True
        if self._loose_done < len(self.alias_tokens):
            self._read_loose(LOOSE_STEP)
            return True
        return False

    def prepare(self) -> None:
        """Build every part kept for later now."""
        while self.prepare_next():
            pass

    def list_counts(self) -> dict[str, int]:
        """Records per list id (current listings only)."""
        if not hasattr(self, "_list_counts"):
            counts: dict[str, int] = {}
            for rec in self.records:
                for lid in rec.lists:
                    counts[lid] = counts.get(lid, 0) + 1
            self._list_counts = counts
        return self._list_counts

    # --- weights and token matching --------------------------------------

    def weight(self, token: str) -> float:
        w = self.idf.get(token, self.max_idf)
        return w * GENERIC_FACTOR if token in GENERIC else w

    def neighbours(self, token: str) -> dict[str, float]:
        """Vocabulary tokens matching ``token``: itself (1.0) and those one edit away."""
        found = {token: 1.0} if token in self.postings else {}
        if len(token) < MIN_TYPO_LEN or token.isdigit():
            return found
        keys = {token} | {token[:i] + token[i + 1:] for i in range(len(token))}
        for key in keys:
            # The tokens that ``key`` is a one-letter deletion of are one letter longer than it.
            for cand in self.deletes_of_length(len(key) + 1).get(key, ()):
                if cand == token or cand in found:
                    continue
                # A shared one-deletion key means at most two edits apart; two edits only count in long words.
                if one_edit(token, cand):
                    found[cand] = TYPO_SIM
                elif min(len(token), len(cand)) >= LONG_TYPO_LEN:
                    found[cand] = TYPO2_SIM
            if key in self.postings and key != token and len(key) >= MIN_TYPO_LEN:
                found.setdefault(key, TYPO_SIM)
        # The same word in another romanisation of Russian ("Moskovskoye", "Moskovskoe"): nearer than a typing error.
        roman = romanised_key(token)
        for cand in self.romanised_words(roman) if roman else ():
            if cand != token and found.get(cand, 0.0) < ROMAN_SIM:
                found[cand] = ROMAN_SIM
        return found

    # --- search ----------------------------------------------------------

    def search(self, query: str, limit: int = MAX_CANDIDATES, allowed: set[int] | None = None,
               threshold: float = MATCH_THRESHOLD, *, implied: tuple[str, ...] = (),
               spelled: bool = False) -> tuple[tuple[str, ...], list[Hit]]:
        """The best hits for ``query``; ``implied``: words the typed name may leave out (the country in a
        name read across scripts), added to it as words that count only where a listed name has them;
        ``spelled``: every word must match exactly (a name read from Chinese characters: 宇视, "yushi", is not 宇树,
        "yushu")."""
        qtoks = tokens(query)
        if len(qtoks) > 1:
            # A legal form with a typing error ("Corportion") is a legal form, not a word of the name.
            qtoks = tuple(t for t in qtoks if t in self.postings or not _mistyped_form(t)) or qtoks
        if not qtoks:
            return qtoks, []
        extra = tuple(t for t in implied if t not in qtoks)
        optional = frozenset(t[1:] for t in qtoks if t.startswith(OPTIONAL)) | frozenset(extra)
        if optional:
            qtoks = tuple(t.lstrip(OPTIONAL) for t in qtoks)
        hits: list[Hit | None] = []
        exact = frozenset(qtoks) if spelled else exact_words(query, qtoks)
        if not spelled and (caps := _CAPITALS.findall(query)):
            # Capitals that are a word of the lists themselves ("VNIITF") are that short form, not a typing error
            # of another one ("VNIIEF": another institute, a letter apart).
            exact |= {w for w in map(str.casefold, caps) if w in self.postings and w in qtoks}
        front = first_letter_words(query)
        typed_as_acronym = query.strip().isupper() and len(qtoks) == 1
        # A typed legal form ("Corp.") names a kind of body, as a type word ("University") does.
        company = names_company(query)
        for n, variant in enumerate(self._spacing_variants(qtoks)):
            # Implied words are scored, never respaced or used to select candidates.
            found = self._search_tokens(variant + extra, typed_as_acronym, bool(HAN.search(query)), company,
                                        optional, typed=len(variant), exact=exact, front=front,
                                        cyrillic=bool(front), respaced=bool(n))
            if n:
                found = [h._replace(score=round(h.score * RESPACED_FACTOR, 4))
                         if h and h.detail in RESPACED_DETAILS else None for h in found]
            hits += found
        return qtoks, self._best(hits, allowed, threshold)[:limit]

    def _spacing_variants(self, qtoks: tuple[str, ...]) -> list[tuple[str, ...]]:
        """The query as typed, plus one respacing: "jiaotong" <-> "jiao tong", "sun yat sen" <-> "yatsen"."""
        variants = [qtoks]
        for i, t in enumerate(qtoks):
            for cut in range(3, len(t) - 2):
                if t[:cut] in self.postings and t[cut:] in self.postings:
                    variants.append((*qtoks[:i], t[:cut], t[cut:], *qtoks[i + 1:]))
                    break
            if i + 1 < len(qtoks) and t + qtoks[i + 1] in self.postings:
                variants.append((*qtoks[:i], t + qtoks[i + 1], *qtoks[i + 2:]))
        variants = variants[:3]
        # A name typed in pinyin ("Beijing Ligong Daxue") meets the lists' names in Han characters.
        pairs = pinyin_pairs(qtoks)
        if pairs and pairs not in variants:
            variants.append(pairs)
        return variants

    def _search_tokens(self, qtoks: tuple[str, ...], typed_as_acronym: bool = False,
                       han: bool = False, company: bool = False,
                       optional: frozenset[str] = frozenset(), *, typed: int | None = None,
                       exact: frozenset[str] = frozenset(), front: frozenset[str] = frozenset(),
                       cyrillic: bool = False, respaced: bool = False) -> list[Hit | None]:
        # Generic and common words must be spelled right: "state" one edit from "estate", or "ocean"
        # from "ozean", is another word, not a typo; so must the words of exact_words() (a place name, a
        # syllable pair read from Chinese characters).
        near = {q: ({q: 1.0} if q in self.postings else {}) if q in GENERIC or q in COMMON_WORDS or q in exact
                else self.neighbours(q) for q in qtoks}
        for q in front & near.keys():
            near[q] = {t: v for t, v in near[q].items() if t[:1] == q[:1]}
        for q in qtoks:
            if q[:1].isdigit():
                # A number and its ordinal are one word ("33 TsNIII", the listed "33rd TsNIII").
                near[q] = {**near[q], **{t: 1.0 for t in ordinal_forms(q) if t in self.postings}}
            elif q not in GENERIC and q not in COMMON_WORDS and q not in exact:
                # The singular of a plural and "-ic" of "-ical" ("Post and Telecommunication", "Polytechnical"): as near
                # as a typing error.
                forms = {t: TYPO_SIM for t in word_forms(q) if t in self.postings and t not in near[q]}
                if forms:
                    near[q] = {**near[q], **forms}
        # ``typed``: the first words are the typed ones, the rest implied words, which select no candidates.
        candidates = self._candidates(qtoks[:typed], near)
        query = _Query(self, qtoks, near, typed_as_acronym, han, company, optional)
        query.respaced = respaced
        if typed is not None and typed < len(qtoks):
            query.implied = frozenset(qtoks[typed:])
        hits = [self._score(query, aid) for aid in candidates]
        hits += self._acronym_hits(qtoks, typed_as_acronym, cyrillic=cyrillic)
        if len(qtoks) > 1 and (optional or ACADEMY_ABBREVIATIONS.intersection(qtoks)):
            hits += self._honorific_acronym_hits(qtoks, optional)
        return hits

    def _best(self, hits: list[Hit | None], allowed: set[int] | None, threshold: float) -> list[Hit]:
        same: dict[int, Hit] = {}
        related: dict[int, Hit] = {}
        for raw in hits:
            if raw is None or (allowed is not None and raw.record not in allowed):
                continue
            hit = raw
            if hit.detail == "opening_words" and hit.score < threshold:
                hit = hit._replace(score=threshold)
            if hit.detail in CAPPED and hit.score >= threshold:
                hit = hit._replace(score=round(max(threshold - 0.02, 0.0), 4))
            if hit.relation == "related" and hit.score >= threshold:
                hit = hit._replace(score=round(max(threshold - 0.01, 0.0), 4))
            elif hit.score >= threshold and hit.aid in self.unchecked:
                # Only through an alias whose source is not yet checked: below the threshold, where the
                # caller shows it as a possible match; another alias of the record reaching the threshold
                # still makes the record a match.
                hit = hit._replace(score=round(max(threshold - 0.01, 0.0), 4), detail="unchecked_alias")
            pool = same if hit.relation == "same" else related
            if hit.record not in pool or hit.score > pool[hit.record].score:
                pool[hit.record] = hit
        best: dict[int, Hit] = {}
        for rid in same.keys() | related.keys():
            s, r = same.get(rid), related.get(rid)
            # A record is the same entity when one alias says so clearly; otherwise a related
            # alias (a listed sub-unit) explains the overlap better than a weak partial one.
            best[rid] = s if s and (r is None or s.score >= threshold) else r  # type: ignore[assignment]
        # Ties: the entity on more lists first (the parent company rather than one of its subsidiaries).
        ranked = sorted(best.values(), key=lambda h: (-h.score, h.relation != "same",
                                                      -len(self.records[h.record].lists), self.records[h.record].name))
        return ranked

    def _candidates(self, qtoks: tuple[str, ...], near: dict[str, dict[str, float]]) -> set[int]:
        vocab = {t for n in near.values() for t in n}
        usable = sorted(vocab, key=lambda t: len(self.postings[t]))
        selective = [t for t in usable if len(self.postings[t]) <= BLOCK_MAX_POSTINGS]
        # Generic words cannot make a match on their own: when a distinctive word overlaps, it alone selects.
        distinctive = {t for q in qtoks if q not in GENERIC for t in near[q]}
        selective = [t for t in selective if t in distinctive] or selective
        out: set[int] = set()
        for t in selective:
            out.update(self.postings[t])
        # Names made of common words ("University of Electronic Science and Technology of China"):
        # the aliases sharing the most of the query's exact words, narrowed word by word, bounded.
        exact = [q for q in qtoks if q in self.postings]
        # A typo in a generic word ("Techology") is read as the word, to find the names made of such words.
        typos = {q: t for q in qtoks if q not in GENERIC for t in near[q] if t in GENERIC and t != q}
        fixed = [t for t in dict.fromkeys(typos.get(q, q) for q in qtoks) if t in self.postings]
        for group in (exact, fixed) if typos else (exact,):
            words = sorted(group, key=lambda t: len(self.postings[t]))
            if words:
                common = set(self.postings[words[0]])
                for t in words[1:]:
                    narrowed = common & set(self.postings[t])
                    if narrowed:
                        common = narrowed
                out.update(sorted(common)[:BLOCK_MAX_CANDIDATES])
        return out

    def _score(self, query: _Query, aid: int) -> Hit | None:
        qtoks, near, optional = query.qtoks, query.near, query.optional
        atoks = self.alias_tokens[aid]
        # For each typed word (by position), the best alias word among its neighbours: the highest
        # similarity, and of equal ones the first in the neighbours' order.
        best: dict[int, tuple[float, int, str]] = {}
        reverse = query.reverse
        for t in atoks:
            for qi, s, rank in reverse.get(t, ()):
                b = best.get(qi)
                if b is None or s > b[0] or (s == b[0] and rank < b[1]):
                    best[qi] = (s, rank, t)
        if not best:
            return None
        typed_as_acronym, han, company = query.typed_as_acronym, query.han, query.company
        a_optional = self.alias_optional.get(aid, frozenset())
        wq_total = wq_matched = 0.0
        matched_alias: dict[str, float] = {}
        weights = query.weights
        for qi, q in enumerate(qtoks):
            b = best.get(qi)
            if b is None:
                if q in optional:
                    continue  # an honorific's surname the listed name leaves out: neither for nor against
                wq_total += weights[qi]
                continue
            wq = weights[qi]
            wq_total += wq
            best_s, _, best_t = b
            wq_matched += wq * best_s
            matched_alias[best_t] = max(matched_alias.get(best_t, 0.0), best_s)
        if not matched_alias:
            return None
        wa_total = wa_matched = 0.0
        extra_subunit = False
        vocab_weights = self._weights
        for t in atoks:
            if t in a_optional and t not in matched_alias:
                continue
            w = vocab_weights[t]
            wa_total += w
            if t in matched_alias:
                wa_matched += w * matched_alias[t]
            elif t in SUBUNIT_WORDS:
                extra_subunit = True
        score = (wq_matched + wa_matched) / (wq_total + wa_total)
        cover_q = wq_matched / wq_total
        cover_a = wa_matched / wa_total
        relation, detail = "same", ("exact" if score >= 0.999 else "tokens")
        distinctive_q = query.distinctive
        rid = self.alias_record[aid]
        short_alias = len(atoks) == 1 and len(atoks[0]) <= SHORT_ALIAS and \
            self.alias_text[aid] != self.records[rid].name
        if short_alias:
            # An acronym the list gives, typed exactly as the list writes it, that spells the listed
            # name and belongs to one record only ("HIT"): an exact match. Otherwise only a candidate.
            if typed_as_acronym and score >= 0.999 and aid in self.official_acronyms:
                return Hit(rid, self.alias_text[aid], 1.0, "same", "official_acronym", aid)
            return Hit(rid, self.alias_text[aid], round(min(score, DERIVED_ACRONYM_SCORE), 4), "same", "short_alias",
                       aid)
        if len(matched_alias) == 1 and len(next(iter(matched_alias))) <= SHORT_ALIAS + 1 and \
                ((optional and not optional & set(matched_alias)) or
                 (a_optional and not a_optional & set(matched_alias))):
            # Initials alone in common, and an honorific's surname on one side only ("IPM im. Keldysha" against
            # "IPM Limited", "MGTU" against "MGTU im. Baumana" in Cyrillic: Murmansk's MGTU too): never a match.
            return Hit(rid, self.alias_text[aid], round(min(score, DERIVED_ACRONYM_SCORE - 0.1), 4), "same",
                       "short_alias", aid)
        q_extra = [q for qi, q in enumerate(qtoks) if qi not in best and q not in optional]
        a_extra = [t for t in atoks if t not in matched_alias and t not in a_optional]
        typed_places = query.places and {code for q in q_extra if (code := place_country(q))}
        if typed_places and self.records[rid].countries and not typed_places & set(self.records[rid].countries):
            # The typed name adds a place of another country than the listed entry's: "Institut Pasteur of
            # Shanghai" is not the listed "Pasteur Institute" of Iran. Shown below the threshold.
            return Hit(rid, self.alias_text[aid], round(score, 4), "same", "other_country", aid)
        if q_extra and query.places_exact and not han and not query.respaced and len(q_extra) < len(qtoks) and \
                all(q in query.places_exact for q in q_extra) and all(b[0] == 1.0 for b in best.values()) and \
                self._place_in_own_country(qtoks, best, aid, rid):
            # A place typed before or after a listed name that has none, in the listed body's own country ("Hefei
            # iFlytek" for the listed IFLYTEK): it says where the body is, not which body; no evidence against it.
            # (A place of another country still is: "other_country" above.)
            wq_total -= sum(weights[qi] for qi in range(len(qtoks)) if qi not in best and qtoks[qi] not in optional)
            score = (wq_matched + wa_matched) / (wq_total + wa_total)
            cover_q = wq_matched / wq_total
            q_extra = []
        if han and q_extra and a_extra and any(q in query.places_exact for q in q_extra) and \
                any(is_place(t) for t in a_extra):
            # A name typed in Chinese characters with another place where the listed name has its own: 南京邮电大学
            # (of Nanjing) against the listed 北京邮电大学 (of Beijing), whose other syllable pairs are the same
            # ("jingyou youdian dianda daxue"). Another institution: shown below the threshold.
            return Hit(rid, self.alias_text[aid], round(score, 4), "same", "other_place", aid)
        if len(atoks) == 1 and q_extra and (atoks[0] in COMMON_WORDS or atoks[0] in GENERIC):
            # A listed name that is one common word ("OOO PARTNER") found among other typed words
            # ("Example Partner Institute"): a word in common, not the listed entity. Only a low candidate.
            return Hit(rid, self.alias_text[aid], round(min(score, COMMON_WORD_SCORE), 4), "same", "common_word", aid)
        if cover_q >= CONTAINED and cover_a <= 1 - EXTRA_MIN and distinctive_q and extra_subunit and \
                _is_part(qtoks, atoks, lambda q, t: t in near[q], unit_last=han):
            # The listed name is the typed name plus a unit ("Tsinghua University Center for X"): a listed
            # part of the partner. Not when the typed words are scattered over the listed name ("Tianjin
            # University, Zhejiang Research Institute" for Zhejiang University) or merely extended by
            # other words ("Nanjing University of Science and Technology" for Nanjing University).
            relation, detail = "related", "listed_is_part"
        elif cover_a >= CONTAINED and cover_q <= 1 - EXTRA_MIN and any(t not in GENERIC for t in matched_alias) \
                and any(q in SUBUNIT_WORDS for q in q_extra) and self._names_a_body(aid) and \
                (len(atoks) > 1 or atoks[0] in near[qtoks[0]]):
            # (A one-word listed name owns a unit only when it opens the typed name, "Huawei Noah's Ark Lab":
            # "International Research Centre on Karst" is a centre on a subject, "A.P. Ershov Institute of
            # Informatics Systems" named after a person.)
            if _is_part(atoks, qtoks, lambda t, q: t in near[q]):
                # A school or laboratory of a listed organisation: the listing covers the whole organisation.
                relation, detail = "same", "unit_of_listed"
                score = max(score, cover_a * min(matched_alias.values()))
            elif min(matched_alias.values()) == 1.0 and _has_run(atoks, qtoks, lambda t, q: t in near[q]):
                # Only a listed name spelled out, in order, in the typed one: "Solid State Physics" does
                # not contain a listed "Olid" one edit away, and "Korea Advanced Institute of Science and
                # Technology" does not contain a listed "Advanced Technologies".
                relation, detail = "related", "query_is_part"
        elif cover_a >= CONTAINED and q_extra and any(t in TYPE_WORDS for t in atoks) and \
                not any(q in SUBUNIT_WORDS for q in q_extra) and _is_part(atoks, qtoks, lambda t, q: t in near[q]):
            # The typed name extends a listed one with more words: "X University of Technology" is
            # another institution than the listed "X University".
            detail = "extends_listed_name"
        elif cover_a >= CONTAINED and any(q in DISTINGUISHING for q in q_extra) and \
                not any(q in SUBUNIT_WORDS for q in q_extra):
            # A word that names another institution added to a listed name, anywhere: "Tianjin University
            # of Technology" or "Tianjin Medical University" is not the listed Tianjin University.
            detail = "extends_listed_name"
        elif not q_extra and qtoks[-1] in BODY_NOUNS and any(t in TYPE_WORDS for t in a_extra) and \
                not any(q in TYPE_WORDS for q in qtoks):
            # The typed name is a body of its own ("Air Force", "Chinese People's Armed Police Force") and the
            # listed one is a school or institute of it ("Air Force Research Institute", "... Armed Police
            # Forces Academy"): another body.
            detail = "different_kind"
        elif any(q in TYPE_WORDS for q in q_extra) and any(t in TYPE_WORDS for t in a_extra):
            # Different kinds of body ("Applied Physics Laboratory" against "Institute of Applied Physics").
            detail = "different_kind"
        elif detail == "tokens" and a_extra and all(t in GENERIC for t in a_extra) and \
                (all(q in GENERIC for q in q_extra) if q_extra else
                 (len(qtoks) > 1 or (company and qtoks[0] in COMMON_WORDS)) and sum(
                    t not in GENERIC and t not in COMMON_WORDS for t in matched_alias) <= 1 and
                 (company or any(q in TYPE_WORDS for q in qtoks) or any(t not in TYPE_WORDS for t in a_extra))):
            # The names differ only in generic words, and those words tell them apart: another word on
            # each side ("Air Force Institute of Technology" against "Air Force Research Institute"), or
            # a listed name that adds one to a typed name with a single distinctive word, when that word
            # is not merely the kind of body left out of a short form ("Sharif Tech"): "Nanjing Tech
            # University" against "Nanjing University of Science and Technology", "United
            # Microelectronics Corporation" against "United Microelectronics Center", "Golden Corp."
            # against "Golden International".
            detail = "different_generic"
        if detail == "tokens" and relation == "same" and cover_a >= CONTAINED and len(atoks) > 1 and any(
                q not in GENERIC and q not in COMMON_WORDS and len(q) >= 4 and q.isalpha()
                and q not in query.places_exact for q in q_extra):
            # The whole listed name and a word of another name added to it ("China Railway Construction Investment"
            # against the listed China Railway Construction Corporation): a subsidiary or another body, a possible
            # match at most (the listed name opens what was typed).
            detail = "extends_listed_name"
        elif detail == "tokens" and q_extra and relation == "same" and any(t in TYPE_WORDS for t in atoks) and \
                not self._specific(aid):
            # A listed institution named by words many names share ("Institute of Engineering Physics",
            # "Institute of Electric Power"), and the typed name adds words of its own ("Moscow Engineering
            # Physics Institute", "China Electric Power Research Institute"): the words in common name no one
            # body. (Not a company: "China State Shipbuilding Corporation" names one whatever its words.)
            detail = "extends_listed_name"
        # (An honorific's initials, optional too, name no person: "A.A." before "Kharkevich".)
        a_surnames = frozenset(t for t in a_optional if len(t) > 1) if a_optional else a_optional
        if a_surnames and relation == "same" and detail in ("exact", "tokens") and not a_surnames & set(matched_alias):
            if any(q in optional and len(q) > 1 and q not in query.implied
                   for qi, q in enumerate(qtoks) if qi not in best):
                # Named after another person ("Letno-issledovatelskiy institut imeni Chkalova" against the listed
                # "... imeni M. M. Gromova", "Zavod imeni Lenina" against "Zavod im. A.A. Kulakova"): another
                # organisation, or the same one renamed; a possible match at most.
                detail = "other_honorific"
            elif self._honorific_needed(aid):
                # The honorific left out, and the other words of the listed name name other listed bodies too
                # ("Физико-технический институт" against "Fiziko-tekhnicheskiy institut imeni A.F.Ioffe"; "Zavod"):
                # the surname is what tells the listed one apart.
                detail = "honorific_left_out"
        if detail in ("tokens", "different_generic") and relation == "same" and not q_extra and a_extra and \
                not query.implied and \
                not optional and a_extra[-1] == atoks[-1] and self.trade_words_left_out(qtoks, aid) == 2:
            # The listed company's name up to its trade and general words ("Hangzhou Hikvision" for the listed
            # "Hangzhou Hikvision Digital Technology Co., Ltd."), as the press writes it, and the typed words name
            # that company only: a match (_best() raises it to the threshold). (Words that differ only in general
            # ones, "Beijing X" for "Beijing X Scientific": not another body when the typed words name one company.)
            detail = "opening_words"
        if relation == "related":
            # Ranked by how fully the smaller name is contained, which says more than a partial
            # overlap; capped below the threshold in _best(), since a related entry is never a match.
            score = max(cover_q, cover_a) * RELATED_FACTOR
        return Hit(self.alias_record[aid], self.alias_text[aid], round(score, 4), relation, detail, aid)

    def han_abbreviation_hits(self, query: str) -> list[Hit]:
        """A name of three to six Chinese characters that takes, in order, characters of one listed Chinese name, from
        its first character to one of its last two (中海油: 中国海油; 火箭军工大: 火箭军工程大学): its abbreviation, as
        Chinese abbreviates names. A guess: the caller shows it as a possible match, and only when one record fits."""
        typed = "".join(query.split())
        if not (HAN_ABBREVIATION_MIN <= len(typed) <= HAN_ABBREVIATION_MAX) or not all(HAN.match(ch) for ch in typed) \
                or typed.endswith(_HAN_KINDS):
            return []  # (a name ending in its kind written whole, 南京大学, is a name of its own, not an abbreviation)
        found: dict[int, int] = {}
        for chars, aid in self.han_names():
            if chars[0] != typed[0] or typed[-1] not in chars[-2:] or len(chars) <= len(typed) or chars == typed:
                continue
            it = iter(chars)
            if all(ch in it for ch in typed):
                found.setdefault(self.alias_record[aid], aid)
        return [Hit(rid, self.alias_text[aid], DERIVED_ACRONYM_SCORE, "same", "han_abbreviation", aid)
                for rid, aid in found.items()]

    def han_names(self) -> list[tuple[str, int]]:
        """The Chinese aliases as their characters without the filler fold() drops, with their alias: built on first
        use (the browser's worker builds it while idle, prepare_next())."""
        if self._han_names is None:
            names: list[tuple[str, int]] = []
            for aid, text in enumerate(self.alias_text):
                if HAN.search(text):
                    chars = "".join(ch for ch in _HAN_FILLER.sub("", text) if HAN.match(ch))
                    if len(chars) > HAN_ABBREVIATION_MIN:
                        names.append((chars, aid))
            self._han_names = names
        return self._han_names

    def loose_acronyms(self) -> dict[str, tuple[int, ...]]:
        """Every spelling of the initials of the aliases of two or more words (``normalize.loose_initials``) ->
        those aliases; built on first use, or in steps while the browser's worker is idle (prepare_next())."""
        if self._loose_done < len(self.alias_tokens):
            self._read_loose(len(self.alias_tokens))
        return self._loose

    def _read_loose(self, count: int) -> None:
        """Read the loose and the shortened initials of the next ``count`` aliases into _loose and _shortened."""
        found, shortened = self._loose, self._shortened
        countries = country_words().keys() | _COUNTRY_OPENERS
        if not self._loose_done:
            self._chinese = {rid for rid, rec in enumerate(self.records) if _CHINESE_COUNTRIES & set(rec.countries)}
        end = min(len(self.alias_tokens), self._loose_done + count)
        for aid in range(self._loose_done, end):
            if len(self.alias_tokens[aid]) < 2:
                continue
            text = self.alias_text[aid]
            for initials in loose_initials(text, short_pinyin=self.alias_record[aid] in self._chinese):
                found[initials] = (*found.get(initials, ()), aid)
            toks = self.alias_tokens[aid]
            if len(toks) >= 3 and (toks[0] in countries or FIELD_INITIALS.intersection(toks)):
                for initials in shortened_initials(text, countries.__contains__):
                    shortened[initials] = (*shortened.get(initials, ()), aid)
        self._loose_done = end

    def initials_fit(self, typed: str,
                     accept: Callable[[int, int, str], bool] | None = None) -> dict[int, tuple[int, str]]:
        """The listed records whose names ``typed`` (capitals typed alone, three to eight letters) can be the
        initials of, each with the alias it fits and how: "short_form", a one-word alias of the record that is the
        initials of one of its names ("PJSC UAC"); "usual", the initials derived_acronyms() and derived_other()
        give (for capitals in Cyrillic, those of the Russian and Belarusian names as Russian writes them); "loose",
        any other spelling of them (loose_acronyms()); "shortened", for capitals in Latin letters, the initials with a
        word left out that short forms often leave out (normalize.shortened_initials: a field's word, a country's name
        that opens the name). ``accept(record, alias, how)`` says which fits count. Records
        carrying the same fitting name are one organisation on two lists: the first record of such a group is kept."""
        word = typed.strip()
        if not (3 <= len(word) <= 8 and word.isalpha() and word.isupper()):
            return {}
        low = tokens(word)
        if len(low) != 1:
            return {}
        key = low[0]
        cyrillic = bool(_CYRILLIC.search(word))
        usual = self.derived_acronyms.get(key, set()) | self.derived_other.get(key, set())
        if cyrillic:
            usual = {a for a in usual if CYRILLIC_COUNTRIES & set(self.records[self.alias_record[a]].countries)}
            usual |= self._derived_russian.get(key, set())
        loose = set(self.loose_acronyms().get(key, ()))
        spelled = {self.alias_record[a] for a in usual | loose}
        found: list[tuple[int, str]] = [(a, "short_form") for a in self.postings.get(key, ())
                                        if self.alias_tokens[a] == (key,) and self.alias_record[a] in spelled]
        found += [(a, "usual") for a in sorted(usual)] + [(a, "loose") for a in sorted(loose - usual)]
        if not cyrillic:
            found += [(a, "shortened") for a in sorted(set(self._shortened.get(key, ())) - usual - loose)]
        if cyrillic:
            found = [(a, how) for a, how in found
                     if CYRILLIC_COUNTRIES & set(self.records[self.alias_record[a]].countries)]
        out: dict[int, tuple[int, str]] = {}
        names: set[tuple[str, ...]] = set()
        for aid, how in sorted(found, key=lambda f: -len(self.records[self.alias_record[f[0]]].lists)):
            rid = self.alias_record[aid]
            if rid in out or (accept is not None and not accept(rid, aid, how)):
                continue
            own = {self.alias_tokens[a] for a in self.record_aliases.get(rid, ()) if len(self.alias_tokens[a]) > 1}
            if own & names:
                continue  # another record carrying one of this one's names: the same organisation on two lists
            out[rid] = (aid, how)
            names |= own
        return out

    def same_organisation(self, rid: int, shown: set[str]) -> list[tuple[int, int]]:
        """The other records of the organisation of record ``rid`` on lists not in ``shown`` (record, the alias they
        share), one per list: records carrying a name of several words that this record carries too, a name of its
        own (a word of it no generic word) that SAME_ORGANISATION_OWNERS records at most carry (a group's name that
        its subsidiaries carry as well names no one organisation). The lists carry one organisation as a record
        each ("IITP RAS": the Institute for Information Transmission Problems on three lists)."""
        found: dict[int, int] = {}
        for aid in self.record_aliases.get(rid, ()):
            toks = self.alias_tokens[aid]
            if len(toks) < 2 or all(t in GENERIC for t in toks):
                continue
            owners = self.carriers(toks)
            if len(owners) <= SAME_ORGANISATION_OWNERS:
                for other, a in owners.items():
                    found.setdefault(other, a)
        out: list[tuple[int, int]] = []
        lists = set(shown) | set(self.records[rid].lists)
        for other, a in sorted(found.items()):
            rec = self.records[other]
            if other != rid and rec.lists and not lists.issuperset(rec.lists) and \
                    set(rec.countries) == set(self.records[rid].countries):
                out.append((other, a))
                lists |= set(rec.lists)
        return out

    def carriers(self, toks: tuple[str, ...]) -> dict[int, int]:
        """The records that carry a name of exactly these words (record -> the last such alias of it)."""
        rarest = min(toks, key=lambda t: len(self.postings.get(t, ())))
        return {self.alias_record[a]: a for a in self.postings.get(rarest, ()) if self.alias_tokens[a] == toks}

    def korean_unspaced(self, query: str) -> tuple[int, ...]:
        """The aliases in Korean whose syllables, with spaces and punctuation left out, are the typed name's: Korean
        puts spaces between the words of a name at will ("이란 항공우주 산업 공사", "이란 항공우주산업공사"). Built on
        the first Korean name typed."""
        if self._hangul_unspaced is None:
            found: dict[str, tuple[int, ...]] = {}
            for aid, text in enumerate(self.alias_text):
                if HANGUL.search(text) and (key := _unspaced_hangul(text)):
                    found[key] = (*found.get(key, ()), aid)
            self._hangul_unspaced = found
        key = _unspaced_hangul(query)
        return self._hangul_unspaced.get(key, ()) if key else ()

    def entries_holding(self, rid: int, aid: int) -> list[tuple[int, int, bool]]:
        """Other listed records of record ``rid``'s countries (record, their alias, whether that alias holds the
        matched one) with a name that holds alias ``aid`` of ``rid`` whole, its words in order ("27th Scientific
        Center of the Russian Ministry of Defense" holds the listed "27th Scientific Center"), or that alias holds
        whole ("Uralvagonzavod" in "Scientific and Production Corporation Uralvagonzavod"): another entry of the same
        organisation, its parent or one of its parts. Only a name with a word of its own (no general or common word,
        no place) that few entries carry, and only when SAME_ORGANISATION_OWNERS records at most are found: a group's
        name that its many subsidiaries carry names no one of them."""
        toks = self.alias_tokens[aid]
        own = [t for t in toks if is_own_word(t) and len(t) > 1]
        if not own or script_of(self.alias_text[aid]) not in _WORD_SCRIPTS:
            return []  # (a Chinese name's words are its characters read in pairs: one name holds another by chance)
        person = self.alias_optional.get(aid, frozenset())
        countries = set(self.records[rid].countries)
        found: dict[int, tuple[int, bool]] = {}
        for word in own:
            posted = self.postings.get(word, ())
            if len(posted) > RARE_NAME and len({self.alias_record[a] for a in posted}) > _HOLDING_OWNERS:
                continue
            for a in posted:
                other = self.alias_record[a]
                if other == rid or other in found or not self.records[other].lists or \
                        set(self.records[other].countries) != countries:
                    continue
                theirs = self.alias_tokens[a]
                if script_of(self.alias_text[a]) not in _WORD_SCRIPTS:
                    continue
                if len(toks) >= 2 and len(theirs) >= len(toks) and (at := run_at(toks, theirs)) >= 0:
                    if not any(is_place(t) for t in theirs[:at]):
                        found[other] = (a, True)  # (not a place before it: a body of the same name elsewhere)
                elif 2 <= len(theirs) < len(toks) and run_at(theirs, toks) >= 0 and \
                        any(is_own_word(t) and t not in person for t in theirs):
                    found[other] = (a, False)  # (not the person the matched name is named after: "Tupolev")
        if len(found) > SAME_ORGANISATION_OWNERS:
            return []
        return [(other, a, holds) for other, (a, holds) in sorted(found.items())]

    def russian_spelled(self) -> dict[str, tuple[int, ...]]:
        """Every spelling of the initials of the Russian names of Russian and Belarusian bodies, as Russian forms
        them (russian_initials.russian_initials: in Cyrillic or romanised, "tsniikhm", "cniihm") -> those aliases:
        the names in Cyrillic and the romanised Russian ones (a word of a Russian form, _RU_LATIN_WORD). Built on
        first use, or while the browser's worker is idle (prepare_next())."""
        if self._russian_spelled is None:
            found: dict[str, tuple[int, ...]] = {}
            russian = {rid for rid, rec in enumerate(self.records) if CYRILLIC_COUNTRIES & set(rec.countries)}
            for aid, rid in enumerate(self.alias_record):
                if rid not in russian or len(self.alias_tokens[aid]) < 2:
                    continue
                text = self.alias_text[aid]
                if _CYRILLIC.search(text) or _RU_LATIN_WORD.search(text.lower()):
                    for key in russian_spellings(text):
                        found[key] = (*found.get(key, ()), aid)
            self._russian_spelled = found
        return self._russian_spelled

    def russian_initials_fit(self, typed: str) -> dict[int, int]:
        """The records (record -> alias) whose Russian name ``typed`` can be the initials of, as Russian forms them
        (russian_spelled(): "ЦНИИХМ", "TsNIIKhM", "CNIIHM", "ГосНИИАС", "TsNIIMash"): one word of capitals, or of
        capitals with the small letters that romanise one Russian letter ("Ts", "Kh") or the syllables Russian
        abbreviations keep ("Гос", "маш"). Records carrying the same name are one organisation: the first is kept
        (the one on more lists)."""
        word = typed.strip()
        if not _RU_TYPED_INITIALS.fullmatch(word) or sum(c.isupper() for c in word) < 2:
            return {}
        key = "".join(tokens(word))
        if not 3 <= len(key) <= 12 or not key.isalpha() or key in GENERIC_INITIALS:
            return {}  # (ОКБ, НПО, НИИ typed alone: a kind of body, no one body)
        out: dict[int, int] = {}
        names: set[tuple[str, ...]] = set()
        owners = sorted(self.russian_spelled().get(key, ()),
                        key=lambda a: (-len(self.records[self.alias_record[a]].lists), a))
        for aid in owners:
            rid = self.alias_record[aid]
            if rid in out or not self.records[rid].lists:
                continue
            own = {self.alias_tokens[a] for a in self.record_aliases.get(rid, ()) if len(self.alias_tokens[a]) > 1}
            if own & names:
                continue  # another record carrying one of this one's names: the same organisation on two lists
            out[rid] = aid
            names |= own
        return out

    def mixed_case_fit(self, typed: str) -> dict[int, int]:
        """The listed records (record -> alias) whose names a short form in capitals and small letters can be
        ("UrFU": Ural Federal University; "SibFU"): each capital opens a word of the name and the small letters after
        it continue that word, in the name's order ("of", "and", "the", "for" and a closing company word may be left
        out, legal forms are). ``typed``: one word of Latin letters, three capitals or more and a small letter or more
        (normalize.mixed_case_pieces). Records carrying the same name are one organisation: the first is kept."""
        pieces = mixed_case_pieces(typed)
        if not pieces:
            return {}
        key = "".join(p[0] for p in pieces)
        found: dict[int, int] = {}
        names: set[tuple[str, ...]] = set()
        for aid in sorted(self.loose_acronyms().get(key, ())):
            rid = self.alias_record[aid]
            if rid in found or self.alias_tokens[aid] in names or not prefixes_fit(pieces, self.alias_text[aid]):
                continue
            found[rid] = aid
            names.update(t for a in self.record_aliases.get(rid, ()) if len(t := self.alias_tokens[a]) > 1)
        return found

    def academy_initials_fit(self, unit: str, parent: str) -> dict[int, int]:
        """The listed records (record -> alias) that are a unit of a body whose initials are ``parent`` (an academy:
        "CAS", "RAS", "SB RAS" written solid) with initials ``unit`` ("IOP CAS", "CAS IOP", "IITP RAS", "IPM RAN" in
        Cyrillic): the initials of an alias are the two run together ("Institute of Physics, Chinese Academy of
        Sciences": iopcas), or the record has an alias naming it a part of that academy (its initials open or close with
        ``parent``, and a word of it is "academy" or the parent itself) and an alias whose initials are ``unit``
        ("Institute of Physics", with "Institute of Applied Physics of the Chinese Academy of Sciences")."""
        if unit in ACADEMY_ABBREVIATIONS:
            return {}  # the academy's branch itself ("FEB RAS"), not a unit of it
        loose = self.loose_acronyms()
        found: dict[int, int] = {}
        for key in (unit + parent, parent + unit):
            for aid in sorted(loose.get(key, ())):
                if "academy" in self.alias_tokens[aid] or parent in self.alias_tokens[aid] or \
                        ACADEMY_ABBREVIATIONS.intersection(self.alias_tokens[aid]):
                    found.setdefault(self.alias_record[aid], aid)
        # (Or the unit's initials as a word of an alias: "A.A. Kharkevich Institute for ..., IITP, Russian Academy".)
        words = [a for a in self.postings.get(unit, ()) if len(self.alias_tokens[a]) > 1] if len(unit) > 2 else []
        for aid in [*sorted(loose.get(unit, ())), *words]:
            rid = self.alias_record[aid]
            if rid not in found and self._part_of(rid, parent):
                found[rid] = aid
        return found

    def _part_of(self, rid: int, parent: str) -> bool:
        """True when an alias of a record names it a unit of the academy (or other body) whose initials are
        ``parent``: the alias's initials open or close with them, and a word of the alias is "academy" or
        ``parent`` itself."""
        for aid in self.record_aliases.get(rid, ()):
            toks = self.alias_tokens[aid]
            if "academy" not in toks and parent not in toks:
                continue
            if any(len(i) > len(parent) and (i.startswith(parent) or i.endswith(parent))
                   for i in loose_initials(self.alias_text[aid])):
                return True
        return False

    def one_word_owners(self) -> dict[str, set[int]]:
        """Aliases of one word of three to six capitals, as written ("HIT", "CETC") -> the records carrying them."""
        if self._one_word is None:
            found: dict[str, set[int]] = {}
            for aid, text in enumerate(self.alias_text):
                word = text.strip()
                if 3 <= len(word) <= 6 and word.isalpha() and word.isupper():
                    found.setdefault(word, set()).add(self.alias_record[aid])
            self._one_word = found
        return self._one_word

    def _honorific_needed(self, aid: int) -> bool:
        """True when the words of an alias named after a person, its honorific left out, are all found in an alias
        of another record: without the surname they name no one listed body."""
        known = self._hon.get(aid)
        if known is None:
            optional = self.alias_optional.get(aid, frozenset())
            words = [t for t in self.alias_tokens[aid] if t not in optional]
            rid = self.alias_record[aid]
            common: set[int] | None = None
            for t in sorted(words, key=lambda t: len(self.postings.get(t, ()))):
                found = self.postings.get(t, ())
                common = set(found) if common is None else common.intersection(found)
                if not common:
                    break
            known = self._hon[aid] = bool(words) and any(self.alias_record[a] != rid for a in common or ())
        return known

    def place_countries(self, word: str) -> frozenset[str]:
        """The countries a place name is in: the one PLACE_COUNTRY or a country's name gives, else as the lists write
        it, the countries of at least half the listed bodies whose names carry the word ("hefei": CN)."""
        known = self._place_cc.get(word)
        if known is None:
            if code := place_country(word):
                known = frozenset({code})
            else:
                owners = {self.alias_record[a] for a in self.postings.get(word, ())}
                counts: dict[str, int] = {}
                for rid in owners:
                    for code in set(self.records[rid].countries):
                        counts[code] = counts.get(code, 0) + 1
                known = frozenset(code for code, n in counts.items() if 2 * n >= len(owners))
            self._place_cc[word] = known
        return known

    def _own_rare_words(self, words: Iterable[str]) -> list[str]:
        """The words that are a name of their own few aliases carry (no general, common or trade word, no place)."""
        return [t for t in words if len(t) >= 4 and t.isalpha() and t not in GENERIC and t not in COMMON_WORDS and
                t not in TRADE_WORDS and 0 < len(self.postings.get(t, ())) <= RARE_NAME and not is_place(t)]

    def _place_in_own_country(self, qtoks: tuple[str, ...], best: dict[int, tuple[float, int, str]], aid: int,
                              rid: int) -> bool:
        """True when the typed words the alias lacks are places before or after the rest (which the alias is), in
        the listed body's own country, and the alias has no place of its own, names no school or other kind of body
        and has a word of its own few aliases carry ("Hefei" before the listed "IFLYTEK")."""
        inside = sorted(best)
        if inside != list(range(inside[0], inside[-1] + 1)) or (inside[0] and inside[-1] < len(qtoks) - 1):
            return False  # (the places around the name, not inside it)
        atoks = self.alias_tokens[aid]
        named = self.alias_tokens[self.record_aliases[rid][0]]  # (the record's name: a company's, not a school's)
        if any(t in TYPE_WORDS or t in SUBUNIT_WORDS or t in BODY_NOUNS for t in named) or \
                any(t in TYPE_WORDS or t in SUBUNIT_WORDS or t in BODY_NOUNS or is_place(t) for t in atoks) or \
                not self._own_rare_words(atoks) or HAN.search(self.alias_text[aid]):
            return False
        countries = set(self.records[rid].countries)
        return bool(countries) and all(self.place_countries(qtoks[qi]) & countries
                                       for qi in range(len(qtoks)) if qi not in best)

    def trade_words_left_out(self, qtoks: tuple[str, ...], aid: int) -> int:
        """How the typed words open a listed company's name and leave out only its trade and general words
        (TRADE_WORDS; its legal form, which tokens() drops): "Hangzhou Hikvision" for "Hangzhou Hikvision Digital
        Technology Co., Ltd.". 2 when a typed word is a name of its own few aliases carry and the aliases carrying
        every typed word are the one record's; 1 when they are two records' (a possible match); 0 otherwise."""
        atoks = self.alias_tokens[aid]
        n = len(qtoks)
        if n < 2 or len(atoks) <= n or atoks[:n] != qtoks or not all(t in TRADE_WORDS for t in atoks[n:]) or \
                any(q in TYPE_WORDS or q in SUBUNIT_WORDS or q in BODY_NOUNS for q in qtoks) or \
                not self._own_rare_words(qtoks) or HAN.search(self.alias_text[aid]):
            return 0
        common: set[int] | None = None
        for q in sorted(qtoks, key=lambda t: len(self.postings.get(t, ()))):
            found = self.postings.get(q, ())
            common = set(found) if common is None else common.intersection(found)
        owners = {self.alias_record[a] for a in common or ()}
        return 2 if len(owners) == 1 else 1 if len(owners) == 2 else 0

    def _names_a_body(self, aid: int) -> bool:
        """True when an alias reads as the name of an organisation that can have units: it has a word for a
        kind of body ("Shandong University"), or its own words are found together in few aliases ("Huawei").
        Not a field's name that a unit takes too: "Advanced Technologies" in "Institute of Advanced
        Technology", "Chemical Industry" in "Research Institute of Chemical Industry"."""
        known = self._body.get(aid)
        if known is not None:
            return known
        atoks = self.alias_tokens[aid]
        answer = any(t in TYPE_WORDS for t in atoks) or \
            self.carried_by_few([t for t in atoks if t not in GENERIC and t not in COMMON_WORDS])
        self._body[aid] = answer
        return answer

    def _specific(self, aid: int) -> bool:
        """True when an alias's own words (not generic, not common) are found together in few aliases: the
        name of one organisation, not one many share."""
        known = self._spec.get(aid)
        if known is None:
            own = [t for t in self.alias_tokens[aid] if t not in GENERIC and t not in COMMON_WORDS]
            known = self._spec[aid] = self.carried_by_few(own)
        return known

    def carried_by_few(self, words: Iterable[str]) -> bool:
        """True when some words are found together in few aliases (SPECIFIC_NAME at most): a name of one
        organisation with its units and spellings ("Harbin Institute of Technology"), not words many names
        share ("National Defense University"). False for no words."""
        common: set[int] | None = None
        for t in sorted(words, key=lambda t: len(self.postings.get(t, ()))):
            found = self.postings.get(t, ())
            common = set(found) if common is None else common.intersection(found)
        return common is not None and len(common) <= SPECIFIC_NAME

    def _honorific_acronym_hits(self, qtoks: tuple[str, ...], optional: frozenset[str]) -> list[Hit]:
        """Initials with the honorific's surname or the Academy's branch (in Cyrillic, "MGTU im. N. E. Baumana",
        "IPM im. Keldysha", "IK SO RAN"): the records carrying that surname or branch whose name has those initials
        (the words' first letters, the surname and the Academy's abbreviations left out) or carries them as a word.
        A derived guess: a possible match at most."""
        qualifiers = [q for q in qtoks if q in optional or q in ACADEMY_ABBREVIATIONS]
        rest = [q for q in qtoks if q not in qualifiers]
        if len(rest) != 1 or not qualifiers or not (2 <= len(rest[0]) <= 8 and rest[0].isalpha()):
            return []
        short = rest[0]
        common: set[int] | None = None
        for q in sorted(qualifiers, key=lambda t: len(self.postings.get(t, ()))):
            posted = self.postings.get(q, ())
            common = set(posted) if common is None else common & set(posted)
        found: dict[int, int] = {}
        for aid in sorted(common or ()):
            rid = self.alias_record[aid]
            if rid in found:
                continue
            for other in self.record_aliases.get(rid, ()):
                words = [t for t in self.alias_tokens[other] if t not in qualifiers and t not in ACADEMY_ABBREVIATIONS
                         and t not in self.alias_optional.get(other, ()) and not t.isdigit()]
                if (short in words and len(short) > 2) or (len(words) >= 2 and "".join(w[0] for w in words) == short):
                    found[rid] = other
                    break
        return [Hit(rid, self.alias_text[aid], HONORIFIC_ACRONYM_SCORE, "same", "honorific_acronym", aid)
                for rid, aid in found.items()]

    def _acronym_hits(self, qtoks: tuple[str, ...], typed_as_acronym: bool, *, cyrillic: bool = False) -> list[Hit]:
        """A one-word query may be an acronym: explicit ones are aliases already, derived ones are here.

        Derived initials are a guess, so they rank below the threshold, except when the
        query is typed in capitals, has at least five letters and fits one record only;
        shorter initials ("MIT", "NASA") collide far too often to decide anything.
        """
        if len(qtoks) != 1 or not (3 <= len(qtoks[0]) <= 8) or not qtoks[0].isalpha():
            return []
        usual = self.derived_acronyms.get(qtoks[0], set())
        aids = usual | self.derived_other.get(qtoks[0], set())
        if cyrillic:
            # Initials typed in Cyrillic ("ОДК") are those of a name in Russian (or Belarusian), in Cyrillic or
            # transliterated: the names of bodies of other countries are no evidence.
            aids = {a for a in aids if CYRILLIC_COUNTRIES & set(self.records[self.alias_record[a]].countries)}
            aids |= self._derived_russian.get(qtoks[0], set())
        records = {self.alias_record[a] for a in aids}
        # One name is one organisation, even where two records carry it (a body on two lists, imported
        # as two entries: "Beijing University of Aeronautics and Astronautics" as a name and as an alias).
        if len(records) == 1 or len({self.alias_tokens[a] for a in aids}) == 1:
            # Only the usual initials can make a match; the other spellings of them are a possible match at most.
            sure = typed_as_acronym and len(qtoks[0]) >= SURE_ACRONYM_LEN and aids == usual
            score = SURE_ACRONYM_SCORE if sure else DERIVED_ACRONYM_SCORE
        else:
            score = DERIVED_ACRONYM_SCORE - 0.1
        return [Hit(self.alias_record[aid], self.alias_text[aid], score, "same", "acronym", aid) for aid in aids]


def _spells(short: str, name: str) -> bool:
    """True when a short alias is a name's initials, or (three letters) the initials of its first words: "HIT",
    Harbin Institute of Technology; "CGN", China General Nuclear (Power Corporation). Not a parent's initials
    before a unit's name ("CAS" of "Chinese Academy of Sciences, National Time Service Center")."""
    initials = acronym(name)
    return short == initials or (len(short) == SHORT_ALIAS and len(initials) > SHORT_ALIAS and
                                 initials.startswith(short) and not any(t in SUBUNIT_WORDS for t in tokens(name)))


def _is_part(small: tuple[str, ...], big: tuple[str, ...], same: Callable[[str, str], bool],
             unit_last: bool = False) -> bool:
    """True when the words of ``small`` appear in ``big`` as one run, in order, that ends ``big`` or is
    followed by a word naming a unit ("School of X, Harbin Institute of Technology"; "Harbin Institute of
    Technology School of X"). ``same(s, b)`` says whether a word of small matches a word of big."""
    n = len(small)
    for start in range(len(big) - n + 1):
        if all(same(small[i], big[start + i]) for i in range(n)):
            end = start + n
            # ... or (``unit_last``: names in Chinese characters) the run opens a name whose last word
            # names a unit ("清华大学...中心").
            if end == len(big) or big[end] in SUBUNIT_WORDS or (unit_last and start == 0 and big[-1] in SUBUNIT_WORDS):
                return True
    return False


def _unspaced_hangul(text: str) -> str:
    """A name's Hangul syllables and other letters and digits, run together ("" for a name with no Hangul)."""
    return "".join(ch for ch in text if ch.isalnum()).casefold() if HANGUL.search(text) else ""


def run_at(small: tuple[str, ...], big: tuple[str, ...]) -> int:
    """Where the words of ``small`` first appear in ``big`` as one run, in order (-1: nowhere)."""
    n = len(small)
    return next((start for start in range(len(big) - n + 1) if big[start:start + n] == small), -1)


def _has_run(small: tuple[str, ...], big: tuple[str, ...], same: Callable[[str, str], bool]) -> bool:
    """True when the words of ``small`` appear in ``big`` as one run, in order."""
    n = len(small)
    return any(all(same(small[i], big[start + i]) for i in range(n)) for start in range(len(big) - n + 1))


def one_edit(a: str, b: str) -> bool:
    """True when a and b differ by one insertion, deletion, substitution or adjacent swap."""
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    if la == lb:
        diff = [i for i in range(la) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
    if la > lb:
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i:] == b[i + 1:]


@dataclass(frozen=True)
class Comparison:
    """How a typed name and one listed alias line up, word by word (normalised words)."""
    matched: tuple[str, ...]      # words of the listed alias found in the typed name (exactly or nearly)
    typed_only: tuple[str, ...]   # typed words the alias lacks
    listed_only: tuple[str, ...]  # alias words the typed name lacks
    typo: tuple[str, str] | None  # (typed word, listed word) when the only difference is one edit in one word
    contains: bool                # the alias opens the typed name, which adds words naming no other body
    rare: bool                    # a matched word is rare on the lists (a name of its own, not a city)
    edited: bool                  # a distinctive word matched only nearly (spelled differently)
    aid: int                      # the alias compared
    led: bool = False             # the typed name opens with the alias's initials ("MAI Moscow Aviation Institute")
    specific: bool = False        # few aliases carry all the alias's own words (a name, not "National Defense ...")


TYPO_WORD_LEN = 6  # a five-letter word one letter from a listed one is as often another name ("KAIST", "Karst")
EVIDENCE_FLOOR = 0.4  # below this score no alias can open the typed name or differ from it by one letter
RARE_WORD = 3      # a typed word in fewer aliases than this may be a typo (the lists have typos of their own)
RARE_NAME = 12     # a distinctive word in at most this many aliases names one organisation, not a place
SPECIFIC_NAME = 40  # aliases that may carry all the own words of a name that names one organisation (with its
# units and spellings): "Harbin Institute of Technology" (harbin: 30), not "National Defense University" (117)
_SCHOOL_WORDS = frozenset({"university", "college", "school", "hospital", "daxue", "xueyuan"})
_CYRILLIC = re.compile("[\u0400-\u04ff]")
# Initials typed for a Russian name (Index.russian_initials_fit): capitals, with the small letters that romanise one
# Russian letter after its capital ("Ts", "Kh", "Shch", "Yu") and the syllables abbreviations keep ("Гос", "маш").
_RU_TYPED_INITIALS = re.compile(
    "(?:Shch|Sch|Ts|Tz|Kh|Zh|Sh|Ch|Yu|Ya|Iu|Ia|Gos|[Mm]ash|[A-Z]|\u0413\u043e\u0441|[\u041c\u043c]\u0430\u0448|"
    "[\u0410-\u042f\u0401])+")
_CYRILLIC_WORD = re.compile("[\u0400-\u04ff]+")
KIND_WORDS = TYPE_WORDS | DISTINGUISHING | frozenset({"daxue", "xueyuan", "yanjiu", "jiusuo"})


def best_comparison(index: Index, query: str, hit: Hit) -> Comparison | None:
    """The comparison with the record's alias that gives the strongest evidence: one edit away, then the
    listed name whole inside the typed one, else the alias the score came from."""
    if hit.aid < 0 or hit.score < EVIDENCE_FLOOR:
        return None
    first = compare(index, query, hit.aid)
    if first.typo or first.contains or hit.score >= MATCH_THRESHOLD:
        return first
    # Only aliases that can give evidence: no longer than the typed name, sharing its first or second word.
    qtoks = [t.lstrip(OPTIONAL) for t in tokens(query)]
    heads = set(qtoks[:2])
    found = [compare(index, query, aid) for aid in index.record_aliases.get(hit.record, ())
             if aid != hit.aid and len(index.alias_tokens[aid]) <= len(qtoks)
             and (index.alias_tokens[aid][0] in heads or len(index.alias_tokens[aid]) == len(qtoks))]
    return next((c for c in found if c.typo), None) or next((c for c in found if c.contains), None) or first


def _consecutive(positions: list[int]) -> bool:
    """The alias's words in the typed name one after another, in order ("X" in "X Shenzhen Campus",
    not scattered over "X University of Information Science and Technology")."""
    return positions == list(range(positions[0], positions[0] + len(positions))) if positions else False


# A word in capitals of three to eight Latin letters: a short form as typed.
_CAPITALS = re.compile(r"(?<![A-Za-z])[A-Z]{3,8}(?![A-Za-z])")


def exact_words(query: str, qtoks: tuple[str, ...]) -> frozenset[str]:
    """The typed words that only match themselves: a known place name (scripts.places(): "Henan" is another
    province than "Hunan", "Changshu" another city than "Changsha"), and the syllable pairs of a name typed in
    Chinese characters (河南 and 湖南 differ in a character, not by a typing error: "henan" / "hunan")."""
    found = {q for q in qtoks if q in places()}
    if HAN.search(query):
        found.update(t.lstrip(OPTIONAL) for t in tokens("".join(ch if HAN.match(ch) else " " for ch in query)))
    return frozenset(found)


def is_own_word(word: str) -> bool:
    """A word that can be a name of its own: no general or common word, no place."""
    return word not in GENERIC and word not in COMMON_WORDS and not is_place(word)


def is_place(word: str) -> bool:
    """A known place name: one of scripts.places() (cities and provinces), of PLACE_COUNTRY (Beijing, Shanghai,
    Moscow and the countries, which are generic words, not in places()), or a country's one-word name."""
    return bool(place_country(word)) or word in places()


def place_country(word: str) -> str:
    """The country a typed word places a name in (PLACE_COUNTRY, or a country's one-word name), or ""."""
    return PLACE_COUNTRY.get(word) or country_words().get(word, "")


def first_letter_words(query: str) -> frozenset[str]:
    """The words of a name written in Cyrillic: they meet a listed word spelled differently only when both start
    alike. Romanisations differ inside a word ("Sovkombank" / "Sovcombank"); a letter more or less in front makes
    another name ("Омский", of Omsk, is not "Томский", of Tomsk)."""
    if not _CYRILLIC.search(query):
        return frozenset()
    return frozenset(t.lstrip(OPTIONAL) for t in tokens(" ".join(_CYRILLIC_WORD.findall(query))))


_LONG_FORMS = tuple(f for f in LEGAL_FORMS if len(f) >= LONG_TYPO_LEN)  # corporation, incorporated, limited ...


def _mistyped_form(word: str) -> bool:
    """True when a word is one letter away from a long legal form ("corportion", "limted")."""
    return len(word) >= LONG_TYPO_LEN - 1 and any(one_edit(word, f) for f in _LONG_FORMS)


_ORDINAL = re.compile(r"^(\d+)(?:st|nd|rd|th)?$")


def ordinal_forms(word: str) -> tuple[str, ...]:
    """A number's other forms, with and without an ordinal ending: "33" -> "33rd", "33st" ...; "27th" -> "27"."""
    m = _ORDINAL.match(word)
    if not m:
        return ()
    n = m.group(1)
    return tuple(f for f in (n, n + "st", n + "nd", n + "rd", n + "th") if f != word)


def word_forms(word: str) -> tuple[str, ...]:
    """Other forms of an English word that name the same thing: its plural or singular ("post", "posts"), and "-ic"
    for "-ical" or the reverse ("polytechnical", "polytechnic"). Words of four letters or more."""
    if len(word) < 4 or not word.isalpha():
        return ()
    forms = [word[:-1]] if word.endswith("s") and not word.endswith("ss") else [word + "s"]
    if word.endswith("ical"):
        forms.append(word[:-2])
    elif word.endswith("ic"):
        forms.append(word + "al")
    return tuple(f for f in forms if len(f) >= 4)


def _near(q: str, t: str) -> bool:
    if q == t:
        return True
    # (Cheap tests first: compare() calls it for every pair of words.)
    if q[:1].isdigit() and t[:1] == q[:1] and t in ordinal_forms(q):
        return True
    if q[:4] == t[:4] and 0 < abs(len(q) - len(t)) <= 2 and q not in GENERIC and t in word_forms(q):
        return True
    if min(len(q), len(t)) < MIN_TYPO_LEN:
        return False
    # Two edits only in long words that start alike (transliterations: "lobachevskogo" / "lobachevsky").
    return one_edit(q, t) or (min(len(q), len(t)) >= LONG_TYPO_LEN and q[:2] == t[:2] and _within_two(q, t))


def _within_two(a: str, b: str) -> bool:
    """True when a and b are at most two edits apart (Levenshtein)."""
    if abs(len(a) - len(b)) > 2:
        return False
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        if min(cur) > 2:
            return False
        prev = cur
    return prev[-1] <= 2


def compare(index: Index, query: str, aid: int) -> Comparison:
    """Line up ``query`` with alias ``aid`` of the index: the evidence a possible match shows."""
    qtoks = tuple(t.lstrip(OPTIONAL) for t in tokens(query))
    atoks = index.alias_tokens[aid]
    optional = index.alias_optional.get(aid, frozenset())
    exact = exact_words(query, qtoks)
    front = first_letter_words(query)
    used: set[int] = set()
    pairs: dict[str, str] = {}  # alias word -> typed word
    for t in atoks:
        for i, q in enumerate(qtoks):
            if i not in used and (q == t if q in exact else _near(q, t) and (q not in front or q[:1] == t[:1])):
                used.add(i)
                pairs[t] = q
                break
    matched = tuple(t for t in atoks if t in pairs)
    typed_only = tuple(q for i, q in enumerate(qtoks) if i not in used)
    listed_only = tuple(t for t in atoks if t not in pairs and t not in optional)
    edits = [(q, t) for t, q in pairs.items() if q != t]
    # One edit in one word, and the typed word is no word of the lists (a typo, not another name).
    # The listed name may have more words, when they are general ones that say no other body ("Korea Kwangson" for the
    # listed Korea Kwangsong Trading Corporation: its own word, one letter off, without "Trading").
    # (Then another word must be typed as listed: one word typed alone, one letter off, is too little: "SINANO".)
    typo = edits[0] if len(edits) == 1 and not typed_only and (not listed_only or len(pairs) > 1) and \
        all(t in GENERIC and t not in DISTINGUISHING and t not in TYPE_WORDS for t in listed_only) and \
        one_edit(*edits[0]) and \
        len(edits[0][0]) >= TYPO_WORD_LEN and len(index.postings.get(edits[0][0], ())) < RARE_WORD else None
    han = bool(HAN.search(index.alias_text[aid]))
    own = [t for t in atoks if t not in GENERIC and t not in COMMON_WORDS and t not in RU_KIND_WORDS and len(t) >= 3
           and not t.isdigit()]
    # The alias opens the typed name, or follows its own initials ("MAI Moscow Aviation Institute").
    lead = 1 if len(qtoks) > 1 and qtoks[0] == acronym(index.alias_text[aid]) else 0
    # A company's one-word name of its own ("Alibaba") opening the typed name ("Alibaba DAMO Academy"): its unit or
    # its brand. Not a place ("JSC Penza": "Penza State Pedagogical University"), not read from Chinese characters
    # (a syllable pair is no brand), and not before a school's or a hospital's name (no company's unit).
    brand = len(atoks) == 1 and not han and not HAN.search(query) and len(atoks[0]) >= MIN_TYPO_LEN and \
        bool(own) and atoks[0] not in exact_words(query, (atoks[0],)) and \
        not any(q in _SCHOOL_WORDS for q in typed_only) and names_company(index.records[index.alias_record[aid]].name)
    contains = (not listed_only and bool(typed_only) and bool(qtoks) and bool(atoks)
                and pairs.get(atoks[0]) == qtoks[lead]
                and all(pairs[t] == t for t in matched) and (len(atoks) >= (3 if han else 2) or brand) and bool(own)
                and (brand or not any(q in KIND_WORDS for q in typed_only))
                and _consecutive([qtoks.index(pairs[t]) for t in matched]))
    rare = any(t not in GENERIC and pairs[t] == t and len(index.postings.get(t, ())) <= RARE_NAME for t in matched)
    edited = any(q != t and t not in GENERIC for t, q in pairs.items())
    if contains and _CYRILLIC.search(query):
        # Russian puts a school's field after its kind, in the genitive: "Московский государственный университет
        # экономики" is the Moscow State University of Economics, not the listed Moscow State University. What
        # follows the kind must be a place or a unit for the listed name to open the typed one.
        last = [t for t in atoks if t not in optional]
        after = qtoks.index(pairs[last[-1]]) + 1 if last and last[-1] in pairs else len(qtoks)
        honorific = {t[1:] for t in tokens(query) if t.startswith(OPTIONAL)}
        while after < len(qtoks) and (qtoks[after] in honorific or qtoks[after] in ACADEMY_ABBREVIATIONS):
            after += 1  # (the honorific and the Academy after the kind are no field: "imeni Lebedeva RAN")
        if last and last[-1] in TYPE_WORDS and after < len(qtoks) and \
                qtoks[after] not in exact_words(query, (qtoks[after],)) and qtoks[after] not in SUBUNIT_WORDS:
            contains = False
    # (The person a listed name is named after is no word of its own here: "NPO imeni Lavochkina" would otherwise be
    # specific, and open every "NPO X" typed.)
    specific = contains and index.carried_by_few([t for t in own if t not in optional])
    return Comparison(matched, typed_only, listed_only, typo, contains, rare, edited, aid, bool(lead), specific)


# --- across scripts ---------------------------------------------------------------------------------

HAN_ABBREVIATION_MIN = 3  # characters of a Chinese abbreviation read against the listed names (two fit too many)
HAN_ABBREVIATION_MAX = 6
# The PLA prefix and company suffixes that normalize.fold() drops from a Chinese name.
_HAN_FILLER = re.compile("中国人民解放军|中國人民解放軍|股份有限公司|有限责任公司|有限責任公司|有限公司|集团|集團|公司")
_HAN_KINDS = ("大学", "大學", "学院", "學院", "研究院", "研究所", "中心", "医院", "醫院", "科技", "银行", "銀行")
CYRILLIC_COUNTRIES = frozenset({"RU", "BY"})
_CHINESE_COUNTRIES = frozenset({"CN", "HK", "MO", "TW"})  # names in pinyin: five-letter words give two initials
"""Countries of the listed bodies whose names initials typed in Cyrillic are read against."""
CROSS_SCRIPT_COUNTRIES = frozenset({"IR", "IQ", "SY", "LB", "YE", "AF", "AE", "SA", "OM", "QA", "KW", "BH", "JO",
                                    "EG", "LY", "SD", "PS"})
"""Countries whose listed names are often written in Persian or Arabic script: their aliases get consonant
skeletons (built on the first Persian or Arabic query, so the other queries never pay for it)."""


class CrossScript:
    """Names typed in Korean, Persian/Arabic, Chinese or Russian script against the lists' romanised names,
    through the shared script data (assessments/screening/scripts.py): a glossary of institutional words
    turns "조선무역은행" into "korea trading bank", and Persian and Latin names both become consonant
    skeletons of their words ("بانک ملی ایران" and "Bank Melli Iran": "bnk ml rn"). A hit this way is a
    guess across scripts: the caller shows it as a possible match, never as a match."""
    def __init__(self, index: Index) -> None:
        self.index = index
        self._skeletons: Index | None = None
        self._owner: list[int] = []
        self._loans: dict[str, set[str]] | None = None

    def variants(self, query: str) -> list[str]:
        """Latin renderings of a non-Latin query: the glossary's English words with the other runs
        romanised, for Korean, Chinese and Russian; empty for a Latin query."""
        if script_of(query) not in ("hangul", "han", "cyrillic", "arabic"):
            # A Russian name in Latin letters: its institutional words in their usual English word, then in their
            # other one ("Aviatsionnyy": "aeronautics", then "aviation"), as for Korean below.
            readings = (romanised_russian_in_english(query), _russian_reading(query, 1))
            return list(dict.fromkeys(r for r in readings if r))
        out = []
        # Korean: the proper names in the Revised Romanization and in McCune-Reischauer, the system of the
        # lists' North Korean names ("Ryonbong", "Tanchon"), and the whole name in McCune-Reischauer, word
        # by word, as the lists also give them ("Choson Kwangop Kaebal Muyok Hoesa").
        korean = script_of(query) == "hangul"
        for north in (False, True) if korean else (False,):
            english = " ".join(glossary().english(query, north=north))
            if english and tokens(english) != tokens(query) and english not in out:
                out.append(english)
        # Korean: the institutional words in their other English word (항공: "aeronautics", then "aviation"): the
        # lists' names use either ("Moscow Aviation Institute"). (Not for Chinese: 工业 read as "technology" would
        # make Dalian Polytechnic University, 大连工业大学, the listed Dalian University of Technology.)
        other = _other_english(glossary().segment(query)) if korean else ""
        if other and out and other != out[0] and other not in out:
            out.append(other)
        if korean and out and "university" in out[0].split():
            # 대학 names universities and institutes alike: 모스크바 물리기술대학, the Moscow Institute of Physics
            # and Technology.
            for base in list(dict.fromkeys([out[0], other] if other else [out[0]])):
                swapped = " ".join("institute" if w == "university" else w for w in base.split())
                if swapped not in out:
                    out.append(swapped)
        if korean:
            words = " ".join(romanize_mr(seg.text) for seg in glossary().segment(query))
            if tokens(words) and words not in out:
                out.append(words)
        return out

    def name_variants(self, query: str) -> list[tuple[str, tuple[str, ...]]]:
        """A Korean query as its proper names alone, romanised (McCune-Reischauer, then the Revised
        Romanization), with every English word of its institutional words as words that count only where a
        listed name has them: "모스크바 항공대학교" -> ("moseukeuba"...) is not needed when the glossary knows
        Moscow, but "단천상업은행" -> "tanchon sangop" with bank implied. Empty when the query has no proper name
        outside the glossary (its institutional words alone are no evidence)."""
        if script_of(query) != "hangul":
            return []
        segments = glossary().segment(query)
        runs = [seg.text for seg in segments if not seg.english]
        if not runs:
            return []
        implied = tuple(dict.fromkeys(w for seg in segments for w in seg.english))
        out: list[tuple[str, tuple[str, ...]]] = []
        for read in (romanize_mr, romanize):
            text = " ".join(read(w) for r in runs for w in _korean_words(r))
            if any(len(t) >= 3 for t in tokens(text)) and text not in [o[0] for o in out]:
                out.append((text, implied))
        return out

    def other_words(self, query: str) -> tuple[str, ...]:
        """The glossary's other English words for the institutional words of a non-Latin query (무역: "foreign",
        "trade" beside the usual "trading"): words a listed name may use instead, counted only where it does."""
        if script_of(query) not in ("hangul", "han", "cyrillic", "arabic"):
            return romanised_russian_other_words(query)
        words = [w for seg in glossary().segment(query) for w in seg.english[1:]]
        return tuple(dict.fromkeys(words))

    def skeleton_hits(self, query: str, limit: int, romanised: bool = False) -> list[Hit]:
        """Records whose skeleton form meets the query's, for a Persian or Arabic query, or a romanised
        Persian one when the caller says so (``romanised``: "Bank-e Tejarat"); else none."""
        if script_of(query) != "arabic" and not romanised:
            return []
        index = self._skeleton_index()
        common = _glossary_english(glossary()) | _glossary_skeletons(glossary())
        found: list[tuple[str, Hit]] = []
        for form in dict.fromkeys(_skeleton_forms(query)):
            if form.strip():
                found += [(form, hit) for hit in index.search(form, limit=limit)[1]]
        best: dict[int, Hit] = {}
        for form, hit in found:
            rid = self._owner[hit.record]
            # A listed name met in part must be met in a name of its own, a word of three consonants or more besides
            # the glossary's: "دانشگاه علوم پزشکی ایلام" (Ilam University of Medical Sciences) meets Baqiyatallah
            # University of Medical Sciences in the glossary's words only, "دانشگاه یزد" (Yazd University) Islamic Azad
            # University in "zd" only; "بانک آینده" (Ayandeh Bank) meets the whole of AYANDEH BANK.
            cmp = compare(index, form, hit.aid)
            if cmp.listed_only and not any(len(w) >= 3 and w not in common for w in cmp.matched):
                continue
            if hit.relation == "same" and (rid not in best or hit.score > best[rid].score):
                aid = self.index.record_aliases[rid][0] if self.index.record_aliases.get(rid) else -1
                best[rid] = Hit(rid, self.index.alias_text[aid] if aid >= 0 else hit.alias, hit.score, "same",
                                "skeleton", aid)
        return sorted(best.values(), key=lambda h: -h.score)[:limit]

    def loanword_variants(self, query: str) -> list[str]:
        """A Korean query whose foreign names, as consonants (loan_skeleton()), are the consonants of one or two
        words of the lists' names only ("아이플라이텍": iFlytek; "중신궈지": 中芯国际, Zhongxin Guoji): the query
        with those names put back and the glossary's words in English. Only for a name of four consonants or more,
        among the names of the countries whose names Korean transliterates (LOANWORD_COUNTRIES)."""
        if script_of(query) != "hangul":
            return []
        choices: list[list[str]] = []
        found = False
        for seg in glossary().segment(query):
            if seg.english:
                choices.append([seg.english[0]])
                continue
            for word in seg.text.split():
                sk = loan_skeleton(romanize_hangul(word))
                names = self._loan_words().get(sk, ()) if len(sk) >= LOANWORD_MIN else ()
                if 0 < len(names) <= LOANWORD_AMBIGUOUS:
                    choices.append(sorted(names))
                    found = True
                else:
                    choices.append([word])
        if not found:
            return []
        out = [" ".join(c[0] for c in choices)]
        for i, c in enumerate(choices):
            out += [" ".join(other if j == i else choices[j][0] for j in range(len(choices))) for other in c[1:]]
        return list(dict.fromkeys(out))

    def _loan_words(self) -> dict[str, set[str]]:
        """Loan skeleton -> the lists' words (or names written solid, or runs of Chinese characters) that give it,
        for the records of LOANWORD_COUNTRIES; built on the first Korean query that needs it."""
        if self._loans is None:
            gloss = glossary()
            english_words = _glossary_english(gloss)
            found: dict[str, set[str]] = {}

            def add(skeleton: str, original: str) -> None:
                if len(skeleton) >= LOANWORD_MIN:
                    found.setdefault(skeleton, set()).add(original)

            for rid, rec in enumerate(self.index.records):
                if not LOANWORD_COUNTRIES & set(rec.countries):
                    continue
                for aid in self.index.record_aliases.get(rid, ()):
                    text = self.index.alias_text[aid]
                    kind = script_of(text)
                    if kind == "latin":
                        own = [t for t in self.index.alias_tokens[aid]
                               if t not in GENERIC and t not in english_words and t.isalpha()]
                        for t in own:
                            add(loan_skeleton(t), t)
                        if len(own) > 1:
                            add("".join(loan_skeleton(t) for t in own), " ".join(own))
                    elif kind == "han":
                        for seg in gloss.segment(text):
                            run = "".join(ch for ch in seg.text if HAN.match(ch))
                            if not seg.english and len(run) >= 2:
                                add(loan_skeleton(anyascii(run)), run)
            self._loans = found
        return self._loans

    def _skeleton_index(self) -> Index:
        if self._skeletons is None:
            records = []
            for rid, rec in enumerate(self.index.records):
                if not CROSS_SCRIPT_COUNTRIES & set(rec.countries):
                    continue
                forms = [f for a in (rec.name, *rec.aliases) for f in _skeleton_forms(a)]
                if forms:
                    records.append(Record(rec.id, forms[0], tuple(forms[1:]), rec.countries, rec.lists, ""))
                    self._owner.append(rid)
            self._skeletons = Index(records)
        return self._skeletons


LOANWORD_COUNTRIES = frozenset({"CN", "HK", "RU", "BY", "IR"})
"""Countries whose names Korean writes by their sound (not by the Sino-Korean reading or a Korean name)."""
LOANWORD_MIN = 4  # consonants of a transliterated word that can select a listed name
LOANWORD_AMBIGUOUS = 2  # a skeleton that more words than this give is no evidence of any
_LOAN_STEPS = (("zh", "j"), ("ch", "j"), ("sh", "s"), ("kh", "k"), ("ph", "p"), ("ts", "j"), ("x", "s"), ("q", "j"),
               ("z", "j"), ("c", "k"), ("g", "k"), ("f", "p"), ("v", "p"), ("b", "p"), ("d", "t"), ("r", "l"))


def loan_skeleton(word: str) -> str:
    """The consonants of a romanised word in the classes Korean transliteration keeps apart: voiced and voiceless
    alike (b/p, d/t, g/k), f and v as p, z, zh, ch, j and q as j, r as l; vowels, w, y and h dropped, doubled
    letters merged. "aipeullaitek" (아이플라이텍) and "iFlytek" both give "pltk"; "jungsingwoji" (중신궈지) and
    "Zhongxin Guoji" written solid both give "jnksnkj"."""
    w = re.sub(r"[^a-z]", "", anyascii(word).lower())
    for a, b in _LOAN_STEPS:
        w = w.replace(a, b)
    out: list[str] = []
    for ch in w:
        if ch not in "aeiouywh" and (not out or out[-1] != ch):
            out.append(ch)
    return "".join(out)


def _other_english(segments: list) -> str:
    """The glossary's reading of a text with each institutional word in its second English word (the first
    where it has one only) and the other runs romanised; "" when no word has a second one."""
    words: list[str] = []
    changed = False
    for seg in segments:
        if seg.english:
            words.append(seg.english[1] if len(seg.english) > 1 else seg.english[0])
            changed = changed or len(seg.english) > 1
        else:
            words += [w for w in re.split(r"[^a-z0-9]+", romanize(seg.text).lower()) if w]
    return " ".join(words) if changed else ""


def _korean_words(run: str) -> list[str]:
    """A run of Hangul written solid cut into words of two syllables (most Sino-Korean words are), a last
    odd syllable joining the word before: "단천상업" -> ["단천", "상업"]; a run of three or fewer stays whole."""
    out = []
    for word in run.split():
        if len(word) < 4 or HANGUL.sub("", word):
            out.append(word)
            continue
        cut = [word[i:i + 2] for i in range(0, len(word) - len(word) % 2, 2)]
        if len(word) % 2:
            cut[-1] += word[-1]
        out += cut
    return out


def _skeleton_forms(text: str) -> list[str]:
    """Two forms of a name for the skeleton index: every word as its skeleton, and the glossary's English
    words kept with the other words as skeletons ("Sharif University of Technology": "srf university
    technology", as "دانشگاه صنعتی شریف" gives)."""
    gloss = glossary()
    english_words = _glossary_english(gloss)
    if script_of(text) == "latin":
        # The normalised words (no "of", "Co.", "Ltd."), so that filler leaves no skeleton behind.
        words = [t.lstrip(OPTIONAL) for t in tokens(text)]
        return [" ".join(skeleton(w) for w in words),
                " ".join(w if w in english_words else skeleton(w) for w in words)]
    whole = skeleton(text)
    mixed = []
    for seg in gloss.segment(text):
        if seg.english:
            mixed.append(seg.english[0])
        else:
            mixed += [w if w in english_words else skeleton(w) for w in seg.text.split()]
    return [whole, " ".join(w for w in mixed if w)]


_GLOSSARY_SKELETONS: dict[int, frozenset[str]] = {}


def _glossary_skeletons(gloss: object) -> frozenset[str]:
    """The consonant skeletons (as the skeleton index's words: lower case) of the glossary's Persian words."""
    key = id(gloss)
    if key not in _GLOSSARY_SKELETONS:
        _GLOSSARY_SKELETONS[key] = frozenset(
            w.casefold() for term in gloss.terms for form in term.forms.get("fa", ())  # type: ignore[attr-defined]
            for w in skeleton(form).split())
    return _GLOSSARY_SKELETONS[key]


_ENGLISH_WORDS: dict[int, frozenset[str]] = {}


# The kinds of Russian body and the words around them, as a Russian name in Latin letters writes them in any of the
# lists' romanisations, and the English the lists' own bilingual entries give them ("Aktsionernoe Obshchestvo
# Konstruktorskoe Byuro Navigatsionnykh Sistem" = "Joint Stock Company Design Bureau of Navigation Systems",
# "Nauchno-Proizvodstvennoe Obyedineniye" = "Research and Production Association", "Vserossiyskiy" = "All-Russian",
# "Zavod" = "Plant", "imeni" = "named after": SDN and Entity List entries, checked 2026-12-07). Read before the
# glossary's words (assessments/data/scripts/glossary.json: its Russian forms, romanised).
_RU_LATIN_PHRASES = tuple((re.compile(pattern), english) for pattern, english in (
    (r"\bnauchno[- ]?issledovatel\w*", "research"),
    (r"\bnauchno[- ]?proizvodstvenn\w*", "research and production"),
    (r"\b(?:opytno|opitno)[- ]?konstruktorsk\w*", "experimental design"),
    (r"\b(?:proektno|proyektno)[- ]?konstruktorsk\w*", "design"),
    (r"\bkonstruktorsk\w*", "design"),
    (r"\bb[iy]?[uj]?uro\b", "bureau"),
    (r"\bvseross?i\w*", "all russian"),
    (r"\bob\w?[ye]?edinen\w*", "association"),
    (r"\bpredpri[iy]?[ay]?t\w*", "enterprise"),
    (r"\bzavod\w*", "plant"),
    (r"\bkon[ct]s?ern\w*", "concern"),
    (r"\bkorporat[cs]i\w*", "corporation"),
    (r"\bimeni\b", "named after"),
    (r"\bkb\b", "design bureau"),  # (in a name with a Russian word: screen_name() reads KB and NPP so only there)
    (r"\bnpp\b", "research and production enterprise"),
))
# A Russian name in Latin letters: a Russian legal form, or a word with a Russian adjective or noun ending.
_RU_LATIN_WORD = re.compile(
    r"\b(?:oao|zao|pao|ooo|fgup|akt[sc]i?onern\w*|obsh\w*estvo|otkryt\w*|zakryt\w*|publichn\w*|"
    r"[a-z]{2,}(?:sk|n|ov|ev|in|ch|sh|zh|st)(?:oe|oye|oi|oy|oj|ogo|ykh|ikh|iy|ii|yy|yi|ij|yj|aya|aia|yye|iye|ye|ie)|"
    r"[a-z]{3,}(?:en|ani|sti)(?:iya|iia|ija|ie|iye|ia))\b")
_STEM_END = re.compile(r"[aeiouh]+$")
_RU_LATIN_STEMS: dict[int, dict[str, tuple[str, ...]]] = {}


def _russian_stems(gloss: object) -> dict[str, tuple[str, ...]]:
    """The glossary's one-word Russian forms, romanised and cut to their stems (``romanised_key`` without the case or
    gender ending) -> the term's English words, the usual one first; a stem of four letters at least, of one term."""
    key = id(gloss)
    if key not in _RU_LATIN_STEMS:
        found: dict[str, set[tuple[str, ...]]] = {}
        for term in gloss.terms:  # type: ignore[attr-defined]
            for form in term.forms.get("ru", ()):
                word = anyascii(form).lower().replace("'", "")
                if word.isalpha() and len(stem := _STEM_END.sub("", romanised_key(word))) >= 4:
                    found.setdefault(stem, set()).add(term.en)
        _RU_LATIN_STEMS[key] = {stem: next(iter(en)) for stem, en in found.items() if len(en) == 1}
    return _RU_LATIN_STEMS[key]


def _russian_glossary_words(words: list[str]) -> list[tuple[str, ...]]:
    """Each word's English words when it is a Russian word of the glossary (_russian_stems), else ()."""
    stems = _russian_stems(glossary())
    return [stems.get(_STEM_END.sub("", key), ()) if (key := romanised_key(w)) and w not in GENERIC else ()
            for w in words]


def _russian_latin_words(query: str) -> list[str]:
    """The words of a Russian name in Latin letters with its kinds of body and the words around them in English
    (_RU_LATIN_PHRASES); [] for a name with no Russian word (_RU_LATIN_WORD)."""
    if not query.isascii():
        return []
    # (TsNII, NII, OKB, NPO read in full by tokens(); the surname of an honorific kept, without its mark.)
    words = " ".join(t.lstrip(OPTIONAL) for t in tokens(query))
    if not _RU_LATIN_WORD.search(words) and not _RU_LATIN_WORD.search(query.casefold().replace("'", "")):
        return []
    for pattern, english in _RU_LATIN_PHRASES:
        words = pattern.sub(english, words)
    return words.split()


def romanised_russian_in_english(query: str) -> str:
    """A Russian name written in Latin letters with its institutional words in English, as the lists' English names
    write them ("Vserossiyskiy NII Signal": "all russian research institute signal"; NII and the other initials as
    normalize.tokens() reads them; the glossary's words in their usual English word), its other words as they are; ""
    for a name with no Russian word (_RU_LATIN_WORD) or one where no word changes. A reading across languages: the
    caller shows what it finds as a possible match."""
    return _russian_reading(query, 0)


def _russian_reading(query: str, which: int) -> str:
    words = _russian_latin_words(query)
    reading = " ".join(en[min(which, len(en) - 1)] if en else w
                       for w, en in zip(words, _russian_glossary_words(words), strict=True))
    return reading if reading and tokens(reading) != tokens(query) else ""


def romanised_russian_other_words(query: str) -> tuple[str, ...]:
    """The glossary's other English words for the Russian words of a name in Latin letters ("Aviatsionnyy":
    "aviation" beside the usual "aeronautics"), words a listed name may use instead."""
    words = _russian_latin_words(query)
    return tuple(dict.fromkeys(w for en in _russian_glossary_words(words) for w in en[1:]))


def _glossary_english(gloss: object) -> frozenset[str]:
    key = id(gloss)
    if key not in _ENGLISH_WORDS:
        _ENGLISH_WORDS[key] = frozenset(w for term in gloss.terms for w in term.en)  # type: ignore[attr-defined]
    return _ENGLISH_WORDS[key]
