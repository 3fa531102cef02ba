"""Partner-name screening against restricted-party and research-security lists.

Runs entirely on the user's device (CPython or Pyodide): the lists ship with
the package and the matcher is pure Python. A result is a screening aid: a
miss is not a clearance, and every result names the lists and their dates.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Callable
from functools import lru_cache
from itertools import chain, pairwise
from typing import Any

from anyascii import anyascii

from .._errors import AnswerError
from ..config import Config, default_config
from ..limits import (
    MATCH_THRESHOLD,
    MAX_AFFILIATION_PARTS,
    MAX_CANDIDATES,
    MAX_SCREEN_NAME_LENGTH,
    PERSON_MATCH_THRESHOLD,
    POSSIBLE_BAND,
    THRESHOLD_RANGE,
)
from .dataset import (
    DatasetError,
    check_disabled,
    is_stale,
    list_currency,
    list_info,
    list_metadata,
    people,
    people_present,
    records,
)
from .index import (
    ACADEMY_ABBREVIATIONS,
    BODY_NOUNS,
    CYRILLIC_COUNTRIES,
    DERIVED_ACRONYM_SCORE,
    KIND_WORDS,
    RARE_NAME,
    SAME_ORGANISATION_OWNERS,
    SURE_ACRONYM_LEN,
    Comparison,
    CrossScript,
    Hit,
    Index,
    best_comparison,
    compare,
    is_own_word,
    is_place,
    ordinal_forms,
    place_country,
    run_at,
    word_forms,
)
from .normalize import _HAN as HAN
from .normalize import (
    CANONICAL,
    COMMON_WORDS,
    DISTINGUISHING,
    GENERIC,
    HANGUL,
    LEGAL_FORMS,
    OPTIONAL,
    ORG_WORDS,
    SUBUNIT_WORDS,
    TYPE_WORDS,
    acronym,
    acronym_variants,
    affiliation_parts,
    fold,
    names_company,
    normalized,
    surname_stem,
    tokens,
)
from .scripts import SOUND_SCORE, country_words, korean_prefix, places, script_of, sound_fits, sound_reading

__all__ = ["DISCLAIMER", "OUTCOMES", "PERSON_OUTCOMES", "POSSIBLE_NAME_MATCH", "DatasetError", "get_index",
           "list_metadata", "not_screened_result", "screen_for_assessment", "screen_name", "screen_person",
           "stale_warnings"]

DISCLAIMER = (
    "Screening is an aid, not a clearance or a legal determination: no match does not mean a partner is "
    "cleared, and a match must be confirmed by your research security office. Lists are as of the dates shown."
)
OUTCOMES = ("none", "formerly_listed", "not_screened", "related", "possible_match", "stale_match", "high",
            "prohibited")
"""Every value of a result's ``outcome``, least to most serious (see docs/screening.md)."""
_RANK = {o: i for i, o in enumerate(OUTCOMES)}
STALE_MATCH = "a possible match on an out-of-date list: the office confirms"
POSSIBLE_MATCH = "possible match: check this with the office"
_INDEX: Index | None = None
_PEOPLE_INDEX: Index | None = None
PERSON_OUTCOMES = ("none", "not_screened", "possible_match")
"""Every value of a person screening result's ``outcome``, least to most serious."""
POSSIBLE_NAME_MATCH = "possible name match: the office confirms with date of birth and nationality"
PEOPLE_OFF = "people screening is off in this configuration ([screening] screen_people = false)"
PEOPLE_ABSENT = ("the listed individuals are not part of this copy of the engine (it was built with "
                 "[screening] screen_people = false)")


def get_index() -> Index:
    """The index over every shipped record, built on first use and kept for the process."""
    global _INDEX  # noqa: PLW0603 - a per-process cache: the browser worker builds the index once
    if _INDEX is None:
        _INDEX = Index(records())
    return _INDEX


def _check_name(name: Any, threshold: float) -> str:
    if not isinstance(name, str):
        raise AnswerError("screening", "name", f"must be text, not {type(name).__name__}", "pass the name as a string")
    name = " ".join(name.split())
    if not name:
        raise AnswerError("screening", "name", "empty", "give the name of an organisation or person")
    if len(name) > MAX_SCREEN_NAME_LENGTH:
        raise AnswerError("screening", "name", f"longer than {MAX_SCREEN_NAME_LENGTH} characters", "shorten the name")
    low, high = THRESHOLD_RANGE
    if not low <= threshold <= high:
        raise AnswerError("screening", "threshold", f"{threshold} is outside [{low:g}, {high:g}]",
                          f"use a value such as {MATCH_THRESHOLD}")
    return name


def _unscreened(lists: dict[str, Any], disabled: set[str], index: Index) -> list[dict[str, Any]]:
    """Enabled lists the name cannot be screened against (no entries in the shipped data), and
    a whole-screening reason when no list is enabled at all."""
    enabled = [lid for lid in lists if lid not in disabled]
    if not enabled:
        return [{"list": None, "reason": "every list is switched off in this configuration "
                                         "([screening] disabled_lists)"}]
    present = index.list_counts()
    return [{"list": lid, "reason": f"{lists[lid]['label']} holds no entries in this copy of the data"}
            for lid in enabled if not present.get(lid)]


def screen_name(name: str, config: Config | None = None, *, threshold: float | None = None,
                today: _dt.date | None = None) -> dict[str, Any]:
    """Screen one name; candidates best first (at most ``limits.MAX_CANDIDATES``), with the outcome for the engine.

    Three outcomes for a listed entry: a match (at or above the threshold), a possible match (a
    candidate in the band below it, a listed name found whole inside the typed one, one letter away
    in one word, or found in one part of a pasted affiliation line: the office checks it), or none.
    Raises DatasetError when the shipped list data cannot be read (the command line and the
    build stop on it; screen_for_assessment() turns it into "not_screened" results).
    """
    config = config or default_config()
    threshold = config.threshold if threshold is None else threshold
    name = _check_name(name, threshold)
    check_disabled(config.disabled_lists, config.source)
    disabled = set(config.disabled_lists)
    meta_lists = list_metadata()["lists"]
    index = get_index()
    unscreened = _unscreened(meta_lists, disabled, index)
    usable = {lid for lid in meta_lists if lid not in disabled} - {u["list"] for u in unscreened}
    allowed = None
    if disabled:
        allowed = {i for i, r in enumerate(index.records)
                   if any(lid not in disabled for lid in r.lists) or any(f[0] not in disabled for f in r.former)}
    found: dict[int, dict[str, Any]] = {}
    if usable:
        _, hits = index.search(name, limit=SEARCH_DEPTH, allowed=allowed, threshold=threshold)
        cyrillic_short = bool(_CYRILLIC_ONLY.fullmatch(name.strip())) and name.strip().isupper() and \
            len(name.strip()) <= _SHORT_INITIALS
        for hit in hits:
            cand = _candidate(index, name, hit, threshold, "", config, disabled, meta_lists, today)
            if cyrillic_short and cand["kind"] in MATCH_KINDS and not CYRILLIC_COUNTRIES & set(cand["countries"]):
                # Capitals typed in Cyrillic ("IPM" in Cyrillic, a Russian institute's short form) that spell a
                # listed name of a body of no Cyrillic-writing country ("IPM Limited") in Latin letters: a possible
                # match at most.
                cand = _as_possible(cand, f"the same letters as the listed name, typed in Cyrillic: the listed "
                                          f"{cand['name']} is a body of {', '.join(cand['countries']) or 'no country'}")
            _keep(found, cand)
        # Across scripts (Korean, Persian, Chinese, Russian): guesses, so possible matches at most.
        across = _cross_script(index)
        # A Korean name often leaves out the country the lists' English names of North Korean bodies open with.
        implied = _KOREA if HANGUL.search(name) else ()
        implied += across.other_words(name)
        rest, before = _after_korean_country(name)
        if rest:
            # "북한 정찰총국": the country's name before a body's own, which the lists' Korean names leave out (or
            # a parent body's: "인민해방군 국방과학기술대학"). The rest is screened as a name of its own; what it
            # matches or possibly matches is a possible match at most.
            for cand in screen_name(rest, config, threshold=threshold, today=today)["candidates"]:
                if cand["match"] or cand["possible"]:
                    why = f"the Korean name without {before} before it, \u201c{rest}\u201d"
                    if cand["possible_reason"]:
                        why += f": {cand['possible_reason']}"
                    _keep(found, _as_possible(cand, why))
        if HANGUL.search(name):
            # A Korean name with spaces put elsewhere than in the listed Korean name, or none ("이란 항공우주산업공사"
            # for the listed "이란 항공우주 산업 공사"): the same syllables, the same name.
            for aid in index.korean_unspaced(name):
                rid = index.alias_record[aid]
                if allowed is None or rid in allowed:
                    hit = Hit(rid, index.alias_text[aid], 1.0, "same", "exact", aid)
                    _keep(found, _candidate(index, name, hit, threshold, "", config, disabled, meta_lists, today))
        # (The Korean name read back into Chinese first: of two readings that find a listed name as well, it is
        # the one shown.)
        for han in _korean_as_chinese(name):
            for hit in index.search(han, limit=PART_DEPTH, allowed=allowed, threshold=threshold)[1]:
                cand = _candidate(index, han, hit, threshold, "", config, disabled, meta_lists, today)
                _keep_across(found, cand, f"the Korean name read in Chinese characters: \u201c{han}\u201d", threshold)
        # (Words read from Chinese characters are matched exactly, as the characters are: exact_words().)
        han_name = bool(HAN.search(name))
        for variant in across.variants(name):
            for hit in index.search(variant, limit=PART_DEPTH, allowed=allowed, threshold=threshold,
                                    implied=implied, spelled=han_name)[1]:
                cand = _candidate(index, variant, hit, threshold, "", config, disabled, meta_lists, today)
                _keep_across(found, cand, f"the institutional words read in English: \u201c{variant}\u201d", threshold)
        for variant, words in across.name_variants(name):
            for hit in index.search(variant, limit=PART_DEPTH, allowed=allowed, threshold=threshold,
                                    implied=(*implied, *words))[1]:
                cand = _candidate(index, variant, hit, threshold, "", config, disabled, meta_lists, today)
                _keep_across(found, cand, f"the names read in Latin letters: \u201c{variant}\u201d, with the "
                                          f"institutional words in any of their English words", threshold)
        for hit in across.skeleton_hits(name, PART_DEPTH, romanised=bool(_PERSIAN_EZAFE.search(name))):
            if allowed is None or hit.record in allowed:
                cand = _candidate(index, name, hit, threshold, "", config, disabled, meta_lists, today)
                _keep_across(found, cand, "the consonants of the words match the listed name's", threshold)
        for variant in across.loanword_variants(name):
            for hit in index.search(variant, limit=PART_DEPTH, allowed=allowed, threshold=threshold,
                                    implied=implied)[1]:
                cand = _candidate(index, variant, hit, threshold, "", config, disabled, meta_lists, today)
                _keep_across(found, cand, f"the foreign name as Korean writes it, read as \u201c{variant}\u201d",
                             threshold)
        for fit in sound_fits(name, index):
            # A foreign name as Korean writes it by its sound ("카스퍼스키": Kaspersky): a possible match at most.
            if allowed is None or fit.record in allowed:
                hit = Hit(fit.record, index.alias_text[fit.aid], SOUND_SCORE, "same", "sound", fit.aid)
                cand = _candidate(index, fit.reading, hit, threshold, "", config, disabled, meta_lists, today)
                if cand["lists"]:
                    _keep(found, _as_possible(cand, fit.reason))
        if latin := sound_reading(name, index):
            # "로스텍": the Korean name read in Latin letters ("rostec") and screened as typed so, for the records the
            # sound reading above did not find (a word many listed names carry, a brand inside a longer name): a
            # possible match at most, with the score of a name read by its sound.
            for cand in screen_name(latin, config, threshold=threshold, today=today)["candidates"]:
                old = found.get(cand["record_id"])
                if (cand["match"] or cand["possible"]) and not (old and (old["match"] or old["possible"])):
                    why = f"the Korean name read in Latin letters, as Korean writes a foreign name: \u201c{latin}\u201d"
                    if cand["possible_reason"]:
                        why += f": {cand['possible_reason']}"
                    _keep(found, {**_as_possible(cand, why), "score": min(cand["score"], SOUND_SCORE)})
        abbreviated = index.han_abbreviation_hits(name)
        if len({h.record for h in abbreviated}) <= _HAN_ABBREVIATION_OWNERS:
            for hit in abbreviated:
                if allowed is None or hit.record in allowed:
                    _keep(found, _candidate(index, name, hit, threshold, "", config, disabled, meta_lists, today))
        for variant in _spelled_out(name):
            for hit in index.search(variant, limit=PART_DEPTH, allowed=allowed, threshold=threshold)[1]:
                _keep(found, _candidate(index, variant, hit, threshold, "", config, disabled, meta_lists, today))
        if (concern := _CONCERN.match(name)) and len(word := name[concern.end():].strip(_QUOTES).split()) == 1:
            # "JSC Concern Gidropribor": the holding's own word alone, which another listed company may carry as its
            # whole name ("Star"): a possible match at most.
            for hit in index.search(word[0], limit=PART_DEPTH, allowed=allowed, threshold=threshold)[1]:
                cand = _candidate(index, word[0], hit, threshold, "", config, disabled, meta_lists, today)
                if cand["kind"] in MATCH_KINDS:
                    cand = _as_possible(cand, f"the holding\u2019s own word, without \u201cConcern\u201d: {word[0]}")
                _keep(found, cand)
        parts = affiliation_parts(name)[:MAX_AFFILIATION_PARTS]
        short, country = _without_country(name)
        if short:
            # "Huawei Germany": the name before the country, when it matches a listed name by itself. Placed in
            # another country than the listed entry's, a branch there or another body: a possible match.
            for hit in index.search(short, limit=PART_DEPTH, allowed=allowed, threshold=threshold)[1]:
                cand = _candidate(index, short, hit, threshold, "", config, disabled, meta_lists, today)
                if cand["kind"] in MATCH_KINDS:
                    elsewhere = _placed_elsewhere(index, hit, cand, {country}, f"found as \u201c{short}\u201d")
                    _keep(found, elsewhere or cand)
        rest, words, code = _after_country(name)
        if rest:
            # "North Korean Ministry of Rocket Industry": the country's adjective before a listed body's name, which
            # the list leaves out. A match of the rest, for a body of that country, is a possible match.
            for hit in index.search(rest, limit=PART_DEPTH, allowed=allowed, threshold=threshold)[1]:
                cand = _candidate(index, rest, hit, threshold, "", config, disabled, meta_lists, today)
                if cand["kind"] in MATCH_KINDS and code in cand["countries"]:
                    old = found.get(cand["record_id"])
                    if old is None or old["kind"] not in (*MATCH_KINDS, "possible_match"):
                        _keep(found, _as_possible(cand, f"the listed name after \u201c{words}\u201d, the country the "
                                                        f"list leaves out: \u201c{rest}\u201d"))
        # The countries the line places itself in ("..., Paris, France"): its one-word country names.
        line_countries = {c for t in tokens(name) if (c := place_country(t))}
        for part in parts:
            _, part_hits = index.search(part, limit=PART_DEPTH, allowed=allowed, threshold=threshold)
            for hit in part_hits:
                cand = _candidate(index, part, hit, threshold, part, config, disabled, meta_lists, today)
                if _unit_of_another(part, parts):
                    continue  # "Institute of Solid State Physics, University of Latvia": that university's unit
                # "Institut Pasteur, Paris, France" against the listed Pasteur Institute of Iran: the line places the
                # organisation in another country.
                if elsewhere := _placed_elsewhere(index, hit, cand, line_countries,
                                                  f"found in one part of what you typed, \u201c{part}\u201d"):
                    cand = elsewhere
                elif cand["kind"] in MATCH_KINDS and not _only_units_besides(part, parts):
                    cand = _as_possible(cand, f"found in one part of what you typed: \u201c{part}\u201d")
                if cand["kind"] in MATCH_KINDS or cand["kind"] == "possible_match":
                    _keep(found, cand)
        def keep_initials(fits: dict[int, int], reason: Callable[[str, list[str]], str], *,
                          by_alias: bool = False) -> None:
            """Each listed name (record -> alias) the typed initials fit, as a possible match saying why, then the
            organisation's records on other lists (Index.same_organisation): a person sees every list carrying it.
            ``by_alias``: the reason quotes the names the initials fit, not the records' names."""
            why = reason(name, [index.alias_text[aid] if by_alias else index.records[rid].name
                                for rid, aid in fits.items()])
            shown: set[str] = set()

            def keep(rid: int, aid: int, org: int | None = None) -> None:
                hit = Hit(rid, index.alias_text[aid], DERIVED_ACRONYM_SCORE, "same", "initials", aid)
                cand = _candidate(index, name, hit, threshold, "", config, disabled, meta_lists, today)
                if cand["lists"]:
                    if org is None:
                        _keep(found, _as_possible(cand, why))
                    else:
                        # (ranked with the organisation's record the initials fit, just after it)
                        listed = index.records[org]
                        shown_as = found.get(listed.id)
                        score = min(cand["score"], shown_as["score"]) if shown_as else cand["score"]
                        _keep(found, {**_as_possible(cand, _same_organisation_reason(why, listed.name)),
                                      "score": score, _SAME_AS: listed.id})
                    shown.update(index.records[rid].lists)

            for rid, aid in fits.items():
                keep(rid, aid)
            for org in fits:
                for rid, aid in index.same_organisation(org, shown):
                    if rid not in fits and (allowed is None or rid in allowed):
                        keep(rid, aid, org)

        # A unit's initials with its academy's ("IOP CAS", "IITP RAS"): the listed institutes of that academy.
        keep_initials(_academy_initials_fits(index, name, allowed), _academy_reason)
        if not any(c["kind"] in MATCH_KINDS for c in found.values()):
            # Capitals typed alone that can be the initials of a few listed names: never silently nothing.
            fits = _initials_fits(index, name, allowed)
            words = name.split()
            if not fits and 2 <= len(words) <= 3 and all(w.isalpha() and w.isupper() for w in words):
                # Initials typed in groups ("NITs KI" in Cyrillic: the National Research Centre "Kurchatov Institute").
                fits = _initials_fits(index, "".join(words), allowed)
            if not fits and len(words) > 1 and _honorific_initials(name):
                # Initials with the honorific and the Academy ("IRE im. V.A. Kotelnikova RAN" in Cyrillic), when the
                # Academy's records carrying that surname have no such initials (Index._honorific_acronym_hits).
                fits = _initials_fits(index, words[0], allowed)
            if not fits:
                fits = _mixed_case_fits(index, name, allowed)  # "UrFU": Ural Federal University
            keep_initials(fits, _initials_reason)
            if not fits:
                # The initials of a Russian name as Russian forms them ("TsNIIKhM", "ЦНИИХМ"), which the English
                # names' initials are not.
                keep_initials(_russian_initials_fits(index, name, allowed), _russian_initials_reason, by_alias=True)
        for variant, word, parent in _initials_spelled_out(index, name, allowed):
            # "Shenyang Institute of Automation CAS": the initials read as the one listed name they fit (the Chinese
            # Academy of Sciences). Only a match that way counts, and as a possible match.
            for hit in index.search(variant, limit=PART_DEPTH, allowed=allowed, threshold=threshold)[1]:
                cand = _candidate(index, variant, hit, threshold, "", config, disabled, meta_lists, today)
                old = found.get(cand["record_id"])
                if cand["kind"] in MATCH_KINDS and (old is None or old["kind"] not in (*MATCH_KINDS, "possible_match")):
                    _keep(found, _as_possible(cand, f"with \u201c{word}\u201d read as the initials of the listed "
                                                    f"{parent}: \u201c{variant}\u201d"))
    if not any(c["kind"] in MATCH_KINDS for c in found.values()):
        for rid, aid, reason in _numbered_units(index, name, allowed, threshold):
            hit = Hit(rid, index.alias_text[aid], threshold, "same", "numbered_unit", aid)
            cand = _candidate(index, name, hit, threshold, "", config, disabled, meta_lists, today)
            if cand["lists"]:
                _keep(found, _as_possible(cand, reason))
    _other_entries(index, found, name, threshold, config, disabled, meta_lists, today, allowed)
    ranked = sorted(found.values(), key=lambda c: (-_ORDER[c["kind"]], -c["score"], bool(c.get(_SAME_AS))))
    ranked = ranked[:MAX_CANDIDATES]
    outcome = "none"
    for cand in ranked:
        if _RANK[cand["kind"]] > _RANK[outcome]:
            outcome = cand["kind"]
    # The words that matched are normal forms: for a name typed in another script they are a transliteration (a
    # Persian name's consonants, a Chinese name's pinyin pairs) that tells a reader nothing, so none are given.
    readable = script_of(name) == "latin"
    candidates = [{k: v if readable or k != "matched_words" else [] for k, v in c.items()
                   if k not in {"kind", _SAME_AS, _HIT}} for c in ranked]
    if unscreened and _RANK[outcome] < _RANK["not_screened"]:
        outcome = "not_screened"
    stale = [lid for lid in meta_lists if lid in usable and is_stale(lid, config.max_list_age_days, today)]
    return {
        "query": name,
        "normalized": normalized(name),
        "threshold": threshold,
        "candidates": candidates,
        "outcome": outcome,
        "screened": bool(usable),
        "not_screened": unscreened,
        "stale_lists": stale,
        "summary": _summary(outcome, ranked, unscreened),
        "todo": _todo(name, outcome, candidates),
        "currency": [{"id": lid, "label": meta_lists[lid]["label"], "as_of": meta_lists[lid]["as_of"],
                      "url": meta_lists[lid]["url"], "stale": is_stale(lid, config.max_list_age_days, today),
                      **list_currency(lid, config.max_list_age_days, today)} for lid in meta_lists if lid in usable],
        "warnings": stale_warnings(config, today),
        "disclaimer": DISCLAIMER,
    }


SEARCH_DEPTH = 30  # candidates the structural tests look at before the best MAX_CANDIDATES are kept
PART_DEPTH = 5
MATCH_KINDS = frozenset({"prohibited", "high", "stale_match"})
# Candidate order: matches (on a list that prohibits all dealings first: the entry that sets the
# outcome is read first), then possible matches, related entries, and the rest by score.
_ORDER = {"prohibited": 7, "high": 6, "stale_match": 6, "possible_match": 5, "related": 4,
          "formerly_listed": 3, "none": 0}
# Details that are never more than a low candidate: a common word in common, initials the matcher derived.
_NEVER_POSSIBLE = frozenset({"common_word", "acronym", "short_alias", "initials"})
_RENAMED_KINDS = frozenset({"university", "institute", "college", "academy"})
# The words of the Russian Academy of Sciences and its branches, as normalize.tokens() leaves them when the list
# writes the Academy before the name.
_ACADEMY_WORDS = frozenset({"russia", "academy", "science", "siberian", "ural", "far", "eastern", "branch",
                           *ACADEMY_ABBREVIATIONS})
_UNIT_OF_A_COMPANY = frozenset({"research", "laboratory"})  # (typed after the name: "Megvii Research")
_DIFFERENCE = frozenset({"extends_listed_name", "different_kind", "different_generic"})


def _candidate(index: Index, query: str, hit: Any, threshold: float, part: str, config: Config,  # noqa: PLR0917
               disabled: set[str], meta_lists: dict[str, Any], today: _dt.date | None) -> dict[str, Any]:
    """One candidate, with its kind: a match kind, "possible_match", "related", "formerly_listed" or "none"."""
    rec = index.records[hit.record]
    lists = [_list_info(lid, config.max_list_age_days, today) for lid in rec.lists if lid not in disabled]
    former = [{"id": lid, "label": meta_lists[lid]["label"], "removed": date or None, "text": text}
              for lid, date, text in rec.former if lid not in disabled]
    same = hit.relation == "same" and hit.score >= threshold
    cmp = best_comparison(index, query, hit)
    if cmp is None and lists and hit.relation == "same" and hit.aid >= 0 and _may_be_cut_short(index, query, hit.aid):
        # (Words cut short weigh little against the listed words in full: "Aero-Astro" for Aeronautics and
        # Astronautics scores below the floor of best_comparison(); the words are compared all the same.)
        cmp = compare(index, query, hit.aid)
    other_kind = _typed_kind_not_a_company(index, query, hit, cmp) if same and lists else ""
    same = same and not other_kind and not (hit.detail == "unit_of_listed" and _after_and(index, query, hit.aid))
    possible, unit = "", ("", "")
    if same and lists:
        fresh = [i for i in lists if not i["stale"]]
        if fresh:
            kind = "prohibited" if any(i["outcome"] == "prohibited" for i in fresh) else "high"
        else:
            kind = "stale_match"  # only out-of-date lists: never prohibited on its own
    elif same and former:
        kind = "formerly_listed"
    elif lists and (possible := other_kind or
                    _possible_reason(hit, cmp, threshold, query, name=rec.name, index=index, whole=not part) or
                    _own_short_alias(index, query, hit) or _short_form_and_own_words(index, query, hit) or
                    _brand_word(index, query, hit) or _name_without_place(index, query, hit) or
                    _listed_short_name(index, query, hit) or (unit := _named_unit(index, query, hit))[0]):
        kind = "possible_match"
    elif hit.relation == "related" and lists:
        kind = "related"
    else:
        kind = "none"
    cand = {
        "name": rec.name,
        "matched_alias": index.alias_text[cmp.aid] if possible and cmp else unit[1] or hit.alias,
        "score": hit.score,
        "match": kind in MATCH_KINDS,
        "possible": kind == "possible_match",
        "relation": hit.relation,
        "why": hit.detail,
        "status": "listed" if lists else "formerly_listed",
        "verdict": _verdict(kind, former),
        "possible_reason": possible,
        "matched_words": list(cmp.matched) if cmp else [],
        "typed_only": list(cmp.typed_only) if cmp else [],
        "listed_only": list(cmp.listed_only) if cmp else [],
        "part": part,
        "difference": _difference(cmp) if kind not in MATCH_KINDS and not possible.startswith(WITHOUT_TRADE_WORDS)
        else "",
        "record_id": rec.id,
        "countries": list(rec.countries),
        "note": rec.note,
        "lists": [{k: v for k, v in info.items() if k != "outcome"} for info in lists],
        "former": former,
        "kind": kind,
        _HIT: (hit.record, hit.aid),
    }
    return cand


_LIST_INFO: dict[tuple[str, int, _dt.date], dict[str, Any]] = {}


def _list_info(lid: str, max_age_days: int, today: _dt.date | None) -> dict[str, Any]:
    """list_info() once per list, age and day (every candidate on a list says the same about it)."""
    key = (lid, max_age_days, today or _dt.date.today())
    if key not in _LIST_INFO:
        if len(_LIST_INFO) > 256:
            _LIST_INFO.clear()
        _LIST_INFO[key] = list_info(lid, max_age_days, key[2])
    return dict(_LIST_INFO[key])


def _possible_reason(hit: Any, cmp: Comparison | None, threshold: float, query: str = "", *, name: str = "",
                     index: Index | None = None, whole: bool = True) -> str:
    """Why a listed candidate below the threshold is a possible match, or "" when it is not one."""
    typed = query.strip()
    if hit.detail == "acronym" and hit.score >= DERIVED_ACRONYM_SCORE and hit.alias and \
            len(typed) >= SURE_ACRONYM_LEN - 1 and typed.isalpha() and typed.isupper():
        # Four or more initials typed as they are, fitting one listed name only ("KIAM").
        return f"the initials of the listed name; {ASK_FULL_NAME}"
    if hit.score >= DERIVED_ACRONYM_SCORE and _school_initials(query, name) and (
            (hit.detail == "acronym" and hit.alias == name) or
            (hit.detail == "short_alias" and hit.alias == typed and index is not None and
             index.short_alias_owners.get(hit.alias) == 1)):
        # Three capitals that are the usual initials of one listed school's name (its name on the list, not
        # another of its names: "DUT", Dalian University of Technology), as papers abbreviate universities; also
        # when they are a short form of that school's own ("XDU", a curated alias of Xidian University): an alias
        # never makes them less than the initials alone would be.
        return f"the initials of the listed name; {ASK_FULL_NAME}"
    if whole and hit.detail == "acronym" and hit.score >= DERIVED_ACRONYM_SCORE and 3 <= len(typed) <= 8 and \
            typed.isalpha() and typed.isupper() and _CYRILLIC_ONLY.fullmatch(typed):
        # Capitals typed in Cyrillic that are the initials of one listed Russian name ("ODK" in Cyrillic: Obyedinyonnaya
        # Dvigatelestroitelnaya Korporatsiya): three letters are enough, among the names of Russia and Belarus; typed
        # alone, not in brackets after a name (the initials of its former name, "(НПИ)").
        return f"the initials of the listed name's Russian words; {ASK_FULL_NAME}"
    if hit.detail == "han_abbreviation":
        return f"the characters you typed, in order, of the listed name \u201c{hit.alias}\u201d (an abbreviation of it)"
    if hit.detail == "honorific_acronym":
        return ("the initials of the listed name, with the surname of its honorific or its Academy branch; "
                f"{ASK_FULL_NAME}")
    if hit.detail in ("other_honorific", "honorific_left_out") and index is not None and \
            hit.score >= threshold - POSSIBLE_BAND / 2:
        listed = ", ".join(sorted(t for t in index.alias_optional.get(hit.aid, ()) if len(t) > 1))
        if hit.detail == "honorific_left_out":
            return (f"the listed name without the person it is named after ({listed}): the same words name other "
                    "listed bodies too")
        typed = ", ".join(t.lstrip("~") for t in tokens(query) if t.startswith("~") and len(t) > 2)
        return f"the same words, named after another person: you typed {typed}, the list has {listed}"
    if hit.detail in ("other_country", "other_place"):
        return ""  # the typed name places itself in another country or city than the listed entry
    if hit.detail == "unchecked_alias":
        return (f"found through another name of the listed entry, \u201c{hit.alias}\u201d, whose source is not yet "
                "checked")
    if cmp is None:
        return ""
    if cmp.typo:
        more = f" (and the list has also {', '.join(cmp.listed_only)})" if cmp.listed_only else ""
        return f"one letter differs: you typed \u201c{cmp.typo[0]}\u201d, the list has \u201c{cmp.typo[1]}\u201d{more}"
    if index is not None and hit.relation == "same" and (bare := _without_trade_words(index, query, hit, cmp)):
        return bare
    # A listed name made of words many names share ("National Defense University") opening a longer one
    # ("... Washington") is no evidence, unless the typed name also opens with its initials.
    if cmp.contains and (cmp.specific or cmp.led):
        return "the listed name opens what you typed, followed by: " + ", ".join(cmp.typed_only)
    if index is not None and _own_word_and_kind(cmp, index, hit.record):
        return ("the listed name's own word with the kind of body, as a short form: you typed "
                + ", ".join(cmp.matched) + "; the list has also " + ", ".join(cmp.listed_only))
    if index is not None and hit.relation == "same" and (opening := _opening_words(cmp, index, query)):
        return opening
    if hit.relation == "same" and (cut := _words_cut_short(cmp)):
        return cut
    if index is not None and hit.relation == "same" and (person := _person_left_out(cmp, index, hit.record)):
        return person
    if index is not None and hit.relation == "same" and (after := _up_to_the_person(cmp, index, query)):
        return after
    if index is not None and hit.relation == "same" and (short := _surname_and_kind(cmp, index, hit.record, query)):
        return short
    if hit.relation == "related" or hit.detail in _NEVER_POSSIBLE or hit.score < threshold - POSSIBLE_BAND:
        return ""
    differ = [*cmp.typed_only, *cmp.listed_only]
    if not cmp.typed_only and not cmp.edited and {"academy", "science"} <= set(cmp.listed_only) <= _ACADEMY_WORDS:
        # The Russian Academy of Sciences or its branch written out before the name on the list ("Russian Academy
        # of Sciences Siberian Branch Khristianovich Institute of ..."), left out of the typed name.
        return f"the same name but for the academy (or its branch) that the list names: {', '.join(cmp.listed_only)}"
    # In the band, only names that differ in generic words; where those words can name another kind of
    # body ("of Technology", "Medical"), only when the words in common name one organisation.
    # (The Russian Academy or its branch, "RAN", "SO RAN", named on one side only is as general a word as "State".)
    if not all(t in GENERIC or t in DISTINGUISHING or t in ACADEMY_ABBREVIATIONS for t in differ):
        return ""
    if any(t in DISTINGUISHING for t in cmp.typed_only):
        return ""  # "Astrakhan State Medical University" adds a word naming another body to a listed name
    if (renamed := _renamed_kind(cmp)):
        # The same name but for the kind of school (and a status word, "State", on one side or both), and a word of
        # it names few entries or its field is its own: often the body's former name ("Guilin Institute of
        # Electronic Technology", now a university of the same words; "Saint Petersburg State Mining Institute").
        return renamed
    first = tokens(query)[:1]
    if cmp.rare and not cmp.edited and cmp.typed_only and all(t in _UNIT_OF_A_COMPANY for t in cmp.typed_only) and \
            all(t in GENERIC and t not in TYPE_WORDS for t in cmp.listed_only) and \
            first and first[0] in cmp.matched and first[0] not in GENERIC:
        # A company's own name, its general words ("Technology") put for a research unit's after it ("Megvii
        # Research"): its research arm, or another body of the same name.
        return (f"the listed name's own words with the word of a research unit: you typed "
                f"{', '.join(cmp.typed_only)}; the list has {', '.join(cmp.listed_only) or 'nothing more'}")
    if any(t in KIND_WORDS for t in differ) and (not cmp.rare or (cmp.typed_only and cmp.listed_only)):
        return ""  # another kind of body, or words on both sides that tell two bodies apart
    if cmp.typed_only and cmp.listed_only:
        return ""  # one word put for another ("Beijing" for "Shanghai", "China" for "Iran"): another body
    if cmp.listed_only and any(t in DISTINGUISHING for t in cmp.listed_only) and \
            any(t in TYPE_WORDS for t in cmp.matched):
        # The listed name adds the words of another kind of institution to the typed one ("Changchun
        # University" against the listed "Changchun University of Science and Technology").
        return ""
    if cmp.edited:
        return ""  # a name spelled differently is the one-letter test's to find, not the band's ("KAIST", "Karst")
    if differ and all(t in ACADEMY_ABBREVIATIONS for t in differ):
        side = "the list names" if cmp.listed_only else "you typed"
        return f"the same name but for the academy (or its branch) that {side}: {', '.join(differ)}"
    if hit.detail in _DIFFERENCE or differ:
        typed = ", ".join(cmp.typed_only) or "nothing more"
        listed = ", ".join(cmp.listed_only) or "nothing more"
        return (f"close, but the names differ in words that can name another organisation "
                f"(you typed: {typed}; the list has: {listed})")
    return "close to the listed name, though not close enough to be a match"


def _named_unit(index: Index, query: str, hit: Any) -> tuple[str, str]:
    """The reason for a typed name that opens with a listed organisation's name, after a place at most, and names a
    unit of it ("ZTE Microelectronics Research Institute" for the listed ZTE Corporation, "Huawei Noah's Ark Lab":
    its last word a unit's, an institute, a laboratory, a centre), and the listed name it opens with, or two empty
    strings: a part of the listed organisation named after it, or a body of its own of the same name. Only a listed
    name of its own (a word no general, common or place word: "JSC Penza" is not the Penza Civil Engineering
    Institute), carried whole by few entries or by entries of one country (a group's brand, which 54 entries of
    Huawei's carry); the rest adds no place, no word naming another kind of school and no status of a body of its
    own; in Latin or Cyrillic letters (a Chinese name's words are its characters read in pairs: one name holds
    another by chance)."""
    script = script_of(query)
    if hit.relation not in ("same", "related") or hit.detail not in ("tokens", "query_is_part") or \
            script not in ("latin", "cyrillic"):
        return "", ""
    typed = tuple(t.lstrip("~") for t in tokens(query))
    if len(typed) < 2 or typed[-1] not in SUBUNIT_WORDS:
        return "", ""
    # (The record's names in the typed script first: the one shown is the one the person can read.)
    for aid in sorted(index.record_aliases.get(hit.record, ()), key=lambda a: script_of(index.alias_text[a]) != script):
        listed = index.alias_tokens[aid]
        at = run_at(listed, typed[:-1])  # (a word at least after it: the unit's)
        if at < 0 or not all(is_place(t) for t in typed[:at]) or not any(is_own_word(t) for t in listed):
            continue
        rest = typed[at + len(listed):]
        if any(is_place(t) or (t in DISTINGUISHING and t not in GENERIC) or t in _STATUS_WORDS for t in rest):
            continue
        owners = index.carriers(listed)
        if len(owners) > SAME_ORGANISATION_OWNERS and \
                not set.intersection(*(set(index.records[r].countries) for r in owners)):
            continue  # (a word that entries of several countries carry as a name of their own: no one group's)
        return (f"the listed name \u201c{index.alias_text[aid]}\u201d opens what you typed, which names a unit "
                f"({', '.join(rest)}): a part of the listed organisation, or a body of its own of the same name",
                index.alias_text[aid])
    return "", ""


# Status words a school's name gains or loses with its kind: "Saint Petersburg State Mining Institute", now the Saint
# Petersburg Mining University.
_STATUS_WORDS = frozenset({"state", "national", "federal"})
# The words of an armed service in a school's name ("Harbin Military Engineering Institute", "Naval Aviation
# Academy"): a field of its own, as "Mining" is. Armed services' schools are renamed with their kind (an institute
# made an academy, a college a university) in each reform of the services.
_ARMED_WORDS = frozenset({"military", "army", "naval", "navy", "force", "rocket", "police", "armed", "pla",
                          "artillery", "armored", "armoured"})


def _renamed_kind(cmp: Comparison) -> str:
    """The reason for a name that is the listed one with another kind of school (university, institute, college,
    academy), a status word ("State") left out or added besides, or "" when it is not that. The words in common must
    say which body: a word of them names few entries (cmp.rare), or a field of its own ("Mining", "Medical", an armed
    service's "Military": no general word such as "Technology") besides a place. "Beijing University of Technology"
    is not the listed Beijing Institute of Technology: a place many names share and general words."""
    if cmp.edited:
        return ""
    # ("PLA" before a military school's name, as its status: the lists' names and the schools' own leave it out.)
    typed = [t for t in cmp.typed_only if t not in _STATUS_WORDS and t != "pla"]
    listed = [t for t in cmp.listed_only if t not in _STATUS_WORDS and t != "pla"]
    if not (len(typed) == len(listed) == 1 and {*typed, *listed} <= _RENAMED_KINDS and typed != listed):
        return ""
    field = any(t in DISTINGUISHING and t not in GENERIC for t in cmp.matched) or \
        any(t in _ARMED_WORDS for t in (*cmp.matched, *cmp.typed_only, *cmp.listed_only))
    if not (cmp.rare or (field and any(t not in KIND_WORDS and t not in GENERIC for t in cmp.matched))):
        return ""
    return (f"the listed name with another kind of institution: you typed {', '.join(cmp.typed_only)}, the list has "
            f"{', '.join(cmp.listed_only)} (a former name of the listed body, or another one)")


INITIALS_OWNERS = 3  # listed organisations that capitals typed alone may fit for them to be a possible match of each
_SHORT_INITIALS = 4  # letters of initials that fit too many companies' names to count as theirs
ASK_FULL_NAME = "initials alone can stand for other organisations too: type the full name to check"


def _initials_fits(index: Index, name: str, allowed: set[int] | None, *, alone: bool = True) -> dict[int, int]:
    """The listed records (record -> alias) that capitals typed alone, three to eight letters in Latin or Cyrillic
    letters, can be the initials of (Index.initials_fit), when they are a few (INITIALS_OWNERS at most). Initials
    are short and collide: measured on the acronyms of ROR's organisations (benchmarks/screening_probe_unlisted.py
    --acronyms), the initials of companies' names ("XYZ International Trading Limited") and of every other name of a
    school fit too many to count at three letters. What counts: a one-word short form of the record that is the
    initials of one of its names ("PJSC UAC"); for three letters, also the initials of a school's name as the list
    writes it (a university, institute, academy or college that is no company), and the usual initials of a research
    centre's, a bureau's or an agency's name as the list writes it ("KCC": the Korea Computer Center; measured on
    ROR's acronyms, a few more of 1,292 raised, where ministries' and armed services' raised twice as many); for
    four, those of any of a school's names, the usual initials of any body's name that is no company's ("NADA":
    National Aerospace Development Administration), and a school's initials with a word left out that short forms
    often leave out (Index.initials_fit's "shortened": "KNTU"), as of a public body's names ("MOIS"); for five and
    more, any of those ways of writing the initials of any listed name ("CNPRI": China Nuclear Power Technology
    Research Institute Co. Ltd.). Measured on ROR's acronyms, the usual initials of companies' names fit too many at
    four letters (18 more of 1,292 acronyms of unrelated bodies raised, where those of other bodies' names raised
    3). Not ``alone`` (capitals among other words, _initials_spelled_out), only what counted before those ways were
    added: a one-word short form, a school's initials (its usual ones, any spelling from four letters), the usual
    initials of any name from five."""
    typed = name.strip()
    cyrillic = bool(_CYRILLIC_ONLY.fullmatch(typed))
    if not (typed.isascii() or cyrillic):
        return {}
    letters = len(typed)

    def accept(rid: int, aid: int, how: str) -> bool:
        if (allowed is not None and rid not in allowed) or not index.records[rid].lists:
            return False
        if how == "short_form" or (letters > _SHORT_INITIALS and (alone or how == "usual")):
            return True
        if how == "shortened":
            # (four letters: a school's or a public body's name, "MOIS": Iranian Ministry of Intelligence and Security)
            return alone and letters == _SHORT_INITIALS and (
                _names_a_school(index, rid, aid) or _names_a_body(index, rid, aid))
        if alone and how == "usual" and letters == _SHORT_INITIALS and not _names_a_company(index, rid, aid):
            return True  # (the usual initials of any body that is no company: "NADA", "IRGC")
        if letters < _SHORT_INITIALS and aid != index.record_aliases[rid][0] and not (
                cyrillic and _CYRILLIC_ONLY.search(index.alias_text[aid])):
            return False  # (in Cyrillic, the school's Russian name: "AGU", Astrakhanskiy gosudarstvennyy universitet)
        return _names_a_school(index, rid, aid) or (
            alone and letters < _SHORT_INITIALS and how == "usual" and _names_a_centre(index, rid, aid))

    fits = index.initials_fit(typed, accept)
    return {rid: aid for rid, (aid, _) in fits.items()} if len(fits) <= INITIALS_OWNERS else {}


def _mixed_case_fits(index: Index, name: str, allowed: set[int] | None) -> dict[int, int]:
    """The listed records (record -> alias) whose names a short form in capitals and small letters typed alone can be
    (Index.mixed_case_fit: "UrFU", Ural Federal University), when they are a few (INITIALS_OWNERS at most). The small
    letters say where each word starts, so any listed name counts."""
    fits = {rid: aid for rid, aid in index.mixed_case_fit(name).items()
            if (allowed is None or rid in allowed) and index.records[rid].lists}
    return fits if len(fits) <= INITIALS_OWNERS else {}


_RUSSIAN_LATIN_SHORT = 3  # letters of Russian initials in Latin letters that collide with too many other bodies'


def _russian_initials_fits(index: Index, name: str, allowed: set[int] | None) -> dict[int, int]:
    """The listed records (record -> alias) whose Russian name (in Cyrillic, or romanised) capitals typed alone can be
    the initials of as Russian forms them (Index.russian_initials_fit: "TsNIIKhM", "ЦНИИХМ", "CNIIHM"), when they
    are a few (INITIALS_OWNERS at most). In Latin letters, four letters at least: three Latin capitals are too many
    other bodies' initials ("MIT", the Moscow Institute of Thermal Technology in Russian)."""
    words = tokens(name)
    if name.strip().isascii() and len(words[0] if words else "") <= _RUSSIAN_LATIN_SHORT:
        return {}
    fits = {rid: aid for rid, aid in index.russian_initials_fit(name).items() if allowed is None or rid in allowed}
    return fits if len(fits) <= INITIALS_OWNERS else {}


def _russian_initials_reason(typed: str, names: list[str]) -> str:
    """What a person reads for capitals that can be the initials of one or a few listed Russian names."""
    typed = typed.strip()
    if len(names) == 1:
        return (f"\u201c{typed}\u201d can be the initials of this listed name as Russian writes it, "
                f"\u201c{names[0]}\u201d; {ASK_FULL_NAME}")
    listed = "; ".join(f"\u201c{n}\u201d" for n in names)
    return (f"\u201c{typed}\u201d can be the initials of {len(names)} listed names as Russian writes them ({listed}): "
            "initials alone cannot tell which organisation you mean; type the full name to check")


# The Russian Academy of Sciences and its branches in English and in Russian, run together as typed initials are.
_ACADEMY_SAME = {"ras": "ran", "ran": "ras", "sbras": "soran", "soran": "sbras", "ubras": "uroran",
                 "uroran": "ubras", "febras": "dvoran", "dvoran": "febras"}


def _academy_initials_fits(index: Index, name: str, allowed: set[int] | None) -> dict[int, int]:
    """The listed records (record -> alias) that a unit's initials typed with those of the academy (or other body)
    it belongs to can be ("IOP CAS", "CAS IOP", "IITP RAS", "IMKB SO RAN" in Cyrillic: two or three words of
    capitals), when they are a few (INITIALS_OWNERS at most): Index.academy_initials_fit, the Russian Academy's
    initials in English or Russian alike."""
    words = name.split()
    if not 2 <= len(words) <= 3 or not all(
            w.isalpha() and len(w) <= 8 and sum(c.isupper() for c in w) >= 2 for w in words):
        return {}
    toks = [t.lstrip("~") for t in tokens(name)]
    if len(toks) != len(words):
        return {}
    fits: dict[int, int] = {}
    for i, unit in enumerate(toks):
        parent = "".join(toks[:i] + toks[i + 1:])
        for p in dict.fromkeys((parent, _ACADEMY_SAME.get(parent, parent))):
            for rid, aid in index.academy_initials_fit(unit, p).items():
                if (allowed is None or rid in allowed) and index.records[rid].lists:
                    fits.setdefault(rid, aid)
    return fits if len(fits) <= INITIALS_OWNERS else {}


def _initials_spelled_out(index: Index, name: str, allowed: set[int] | None) -> list[tuple[str, str, str]]:
    """A name of several words, one of them capitals that fit one listed name only (_initials_fits: "CAS", the
    Chinese Academy of Sciences), with that word spelled out as the listed name: (the name so spelled, the word, the
    listed name). Not when every word is in capitals (initials in groups, a unit's and its academy's)."""
    words = name.split()
    short = [w for w in words if 3 <= len(w) <= 5 and w.isalpha() and w.isupper()]
    if len(words) < 2 or len(short) != 1 or len(short) == len(words):
        return []
    rest = tokens(" ".join(w for w in words if w != short[0]))
    if not any(t.lstrip("~") not in GENERIC and t.lstrip("~") not in COMMON_WORDS for t in rest):
        return []  # "HIT Group": the other words name no body
    fits = _initials_fits(index, short[0], allowed, alone=False)
    if len(fits) != 1:
        return []
    parent = index.records[next(iter(fits))].name
    return [(" ".join(parent if w == short[0] else w for w in words), short[0], parent)]


def _honorific_initials(name: str) -> bool:
    """True when a name is initials in capitals followed only by an honorific ("im. N. E. Baumana") and the Academy
    or its branch."""
    first = name.split(maxsplit=1)[0]
    if not (3 <= len(first) <= 8 and first.isalpha() and first.isupper()):
        return False
    toks = tokens(name)
    rest = [t for t in toks[1:] if not t.startswith("~") and t not in ACADEMY_ABBREVIATIONS]
    return toks[:1] == tokens(first) and not rest and any(t.startswith("~") for t in toks)


def _academy_reason(typed: str, names: list[str]) -> str:
    """What a person reads for a unit's initials with its academy's."""
    typed = typed.strip()
    if len(names) == 1:
        return (f"\u201c{typed}\u201d can be the initials of this listed institute with those of the academy or body "
                f"it belongs to; {ASK_FULL_NAME}")
    return (f"\u201c{typed}\u201d can be the initials of {len(names)} listed institutes with those of the academy or "
            f"body they belong to ({'; '.join(names)}); {ASK_FULL_NAME}")


def _names_a_company(index: Index, rid: int, aid: int) -> bool:
    """True when a record's name or the alias names a company (normalize.names_company)."""
    return names_company(index.records[rid].name) or names_company(index.alias_text[aid])


def _names_a_school(index: Index, rid: int, aid: int) -> bool:
    """True when an alias names a university, institute, academy or college, of a record that is no company."""
    return any(t in _SCHOOL_INITIALS for t in index.alias_tokens[aid]) and not _names_a_company(index, rid, aid)


def _names_a_body(index: Index, rid: int, aid: int) -> bool:
    """True when an alias names a public body (a ministry, an army, an agency: index.BODY_NOUNS), of a record that is
    no company."""
    return any(t in BODY_NOUNS for t in index.alias_tokens[aid]) and not _names_a_company(index, rid, aid)


# Kinds of body whose usual initials, three letters typed alone, are read as a school's are: a research centre, a
# bureau, an agency ("KCC": the Korea Computer Center). Not a ministry, a bank or an armed service: the initials of
# "Ministry of Defence" are every country's.
_CENTRE_WORDS = frozenset({"center", "bureau", "agency", "committee", "commission", "administration"})


def _names_a_centre(index: Index, rid: int, aid: int) -> bool:
    """True when an alias names a research centre, a bureau or an agency (_CENTRE_WORDS), of a record that is no
    company."""
    return any(t in _CENTRE_WORDS for t in index.alias_tokens[aid]) and not _names_a_company(index, rid, aid)


_SAME_AS = "_same_as"  # (a candidate's key, not shown: the record of the organisation it is another list's record of)
OTHER_ENTRY = "another entry of the same organisation, or its parent or one of its parts"
_HIT = "_hit"  # (a candidate's key, not shown: the record and the alias it was found through, as index numbers)


def _other_entries(index: Index, found: dict[str, dict[str, Any]], name: str, threshold: float,  # noqa: PLR0917
                   config: Config, disabled: set[str], meta_lists: dict[str, Any], today: _dt.date | None,
                   allowed: set[int] | None) -> None:
    """The other entries of an organisation a typed name matches, as possible matches ranked after it: a person sees
    every list and every entry that carries it. The lists often carry one organisation as several entries, under
    names that hold one another ("27th Scientific Center" on one list, "27th Scientific Center of the Russian
    Ministry of Defense" on another; "Uralvagonzavod" and "Scientific and Production Corporation Uralvagonzavod"):
    Index.entries_holding()."""
    for cand in [c for c in found.values() if c["kind"] in MATCH_KINDS and c.get(_HIT)]:
        rid, aid = cand[_HIT]
        if aid < 0:
            continue
        matched = index.alias_text[aid]
        for other, oaid, holds in index.entries_holding(rid, aid):
            if allowed is not None and other not in allowed:
                continue
            text = index.alias_text[oaid]
            hit = Hit(other, text, 0.0, "same", "other_entry", oaid)
            entry = _candidate(index, name, hit, threshold, "", config, disabled, meta_lists, today)
            if not entry["lists"] or entry["kind"] in MATCH_KINDS:
                continue
            why = (f"its name holds the name matched above, \u201c{matched}\u201d" if holds else
                   f"its name, \u201c{text}\u201d, is part of the name matched above, \u201c{matched}\u201d")
            old = found.get(entry["record_id"])
            if old is None or old["kind"] not in ("possible_match", *MATCH_KINDS):
                score = old["score"] if old else min(cand["score"], threshold - POSSIBLE_BAND / 2)
                found[entry["record_id"]] = {**_as_possible(entry, f"{why}: {OTHER_ENTRY}"),
                                             "score": score, _SAME_AS: cand["record_id"]}


def _same_organisation_reason(why: str, name: str) -> str:
    """What a person reads for the record of an organisation on another list, shown with the one initials fit."""
    return f"the same organisation as the listed {name}, on another list: {why}"


def _initials_reason(typed: str, names: list[str]) -> str:
    """What a person reads for capitals that can be the initials of one or a few listed names."""
    typed = typed.strip()
    if len(names) == 1:
        return f"\u201c{typed}\u201d can be the initials of this listed name; {ASK_FULL_NAME}"
    listed = "; ".join(names)
    return (f"\u201c{typed}\u201d can be the initials of {len(names)} listed names ({listed}): initials alone "
            "cannot tell which organisation you mean; type the full name to check")


def _after_and(index: Index, query: str, aid: int) -> bool:
    """True when the listed name's first word follows "and" in the typed name: the second half of a unit's field
    ("Institute of Theoretical and Applied Mechanics"), not the body the unit belongs to (a listed "Applied
    Mechanics" company)."""
    first = index.alias_tokens[aid][:1]
    words = _FOLDED_WORDS.findall(fold(query))
    return bool(first) and any(a in _AND and CANONICAL.get(w, w) == first[0] for a, w in pairwise(words))


_FOLDED_WORDS = re.compile(r"[a-z0-9&]+")
_AND = frozenset({"and", "&", "i", "und", "et"})  # (Russian "и" folded: "i")


def _own_word_and_kind(cmp: Comparison, index: Index, record: int) -> bool:
    """True for a short form made of the surname a listed institution is named after and its kind, every typed
    word in the listed name ("Keldysh Institute": the Keldysh Institute of Applied Mathematics, named after M. V.
    Keldysh; "Rzhanov Institute"). Not another word of a name ("Northwestern University" is not the listed
    Northwestern Polytechnical University), not a place, not when the listed name adds words naming another kind
    of school, and not a word spelled differently."""
    if cmp.typed_only or not cmp.listed_only or not cmp.rare or cmp.edited:
        return False
    own = [t for t in cmp.matched if t not in GENERIC and t not in TYPE_WORDS]
    if len(own) != 1 or not any(t in TYPE_WORDS for t in cmp.matched) or own[0] in places() or \
            any(t in DISTINGUISHING for t in cmp.listed_only):
        return False
    return any(_named_after(index, aid, own[0]) for aid in index.record_aliases.get(record, ()))


# Listed records at most named after one person for the person's surname with a kind of body to say which body is
# meant: a person many bodies are named after ("Ordzhonikidze": a plant, a shipyard, an institute) says none.
_NAMED_AFTER_OWNERS = 4
# A kind of body as romanised Russian names and their initials write it -> the English word (normalize.tokens() has
# already made "institut", "tsentr", "universitet" English): "KB", "OKB" a design bureau, "NPO" a research and
# production association, "NPP" a research and production enterprise, "NII" a research institute.
_KIND_AS = {"byuro": "bureau", "buro": "bureau", "kb": "bureau", "okb": "bureau", "skb": "bureau",
            "zavod": "plant", "factory": "plant", "obedinenie": "association", "npo": "association",
            "predpriyatie": "enterprise", "npp": "enterprise", "kompleks": "complex", "nii": "institute",
            "tsnii": "institute"}
# Words of a kind of body's name that a short form may add or leave out ("Experimental Design Bureau", in romanised
# Russian "Opytno-Konstruktorskoe Byuro", "Nauchno-Issledovatelskiy Institut").
_KIND_PHRASE = frozenset({"design", "experimental", "research", "science", "production", "opytno", "konstruktorskoe",
                          "konstruktorskoye", "nauchno", "issledovatelskiy", "proizvodstvennoe"})


def _kind_of(word: str) -> str:
    """The kind of body a word names, in English ("zavod": plant), or ""."""
    return _KIND_AS.get(word, word if word in _NAMED_KINDS else "")


def _person_forms(index: Index, aliases: list[int], word: str) -> frozenset[str]:
    """The words of the record's names (``aliases``, those with an honorific or initials) that name the person it is
    named after and are ``word`` in another declension or romanisation ("Zhirmunskiy" and "Zhirmunsky", "Kapitza" and
    the "Kapitz" of "imeni Kapitzy"), or nothing when the typed word is no such person."""
    stem = surname_stem(word)
    return frozenset(t for aid in aliases for t in index.alias_tokens[aid]
                     if (t == word or surname_stem(t) == stem) and _named_after(index, aid, t))


def _surname_and_kind(cmp: Comparison, index: Index, record: int, query: str) -> str:
    """The reason for a short form made of the surname of the person a listed Russian body is named after and that
    body's kind, with or without "named after" and other words of the listed name ("Tikhomirov Institute" for the
    listed "V. Tikhomirov Scientific Research Institute of Instrument Design", "Nudelman Design Bureau", "Tupolev
    University", "Kazan University imeni Tupoleva", "KB imeni Nudelmana"), or "". Papers and the press shorten such
    names so, and the person says which body, though the listed name adds words that name another kind of school
    elsewhere ("Technical", "Scientific"). Only when every typed word but the words of a kind of body is in one listed
    name of the record (the one compared, or another carrying the surname: "Mints Institute" against "RTI named after
    A.L. Mints" is also against "Radio Technical Institute named after A. L. Mints"), the typed kind of body is that
    name's (the first in it: "Design Bureau of the ... Plant" is a bureau; "KB" and "Design Bureau" are one kind),
    the surname is no place and no common word, and few listed bodies are named after that person."""
    typed = [t.lstrip("~") for t in tokens(query)]
    kind = {k for t in typed if (k := _kind_of(t))}
    if len(kind) != 1:
        return ""
    aliases = index.record_aliases.get(record, ())
    # (A name is named after a person only with an honorific or the person's initials: Index.alias_optional.)
    named = [aid for aid in aliases if index.alias_optional.get(aid)]
    if not named:
        return ""
    people = {t: forms for t in typed if len(t) > 2 and t not in GENERIC and not _kind_of(t) and t not in _KIND_PHRASE
              and (forms := _person_forms(index, named, t))}
    if len(people) != 1:
        return ""
    person, forms = next(iter(people.items()))
    if is_place(person) or person in COMMON_WORDS or \
            len({index.alias_record[aid] for t in forms for aid in index.postings.get(t, ())
                 if _named_after(index, aid, t)}) > _NAMED_AFTER_OWNERS:
        return ""
    others = (compare(index, query, aid) for aid in aliases
              if aid != cmp.aid and forms & set(index.alias_tokens[aid]) and
              any(_kind_of(t) in kind for t in index.alias_tokens[aid]))
    for short in chain((cmp,), others):  # (the other names compared only when the first does not fit)
        kinds = [k for t in index.alias_tokens[short.aid] if (k := _kind_of(t))]
        # (A surname spelled as the other declension or romanisation writes it, "Zhirmunsky" for "Zhirmunskiy", is
        # the one word that may differ, and only when the typed words are all the listed name's: "Keldysh Research
        # Center" is not the listed "Federalny Issledovatelski Tsentr Institut ... Keldysha", another body.)
        nearly = {t for t in short.matched if t not in typed}
        if kinds and {kinds[0]} == kind and short.listed_only and forms & set(short.matched) and \
                (not short.edited or (nearly and nearly <= forms and not short.typed_only)) and \
                all(_kind_of(t) or t in _KIND_PHRASE for t in short.typed_only):
            more = [t for t in short.listed_only if len(t) > 1 and _kind_of(t) not in kind]  # (no initials)
            listed = max(forms & set(short.matched), key=lambda t: (len(t), t))  # (as the list spells it, in full)
            return (f"the surname of the person the listed name is named after ({listed}) with its kind of body "
                    f"({kinds[0]}), as a short form; the list has also {', '.join(more) or 'nothing more'}")
    return ""


def _opening_words(cmp: Comparison, index: Index, query: str) -> str:
    """The reason for a short form that is the opening words of a listed name up to its kind of body ("Baikov
    Institute": the Baikov Institute of Metallurgy and Materials Science; "X Y University" for the listed "X Y
    University of Aeronautical Engineering"), or "". Only when a word of it names few entries and none is a place:
    "Changchun University" is another body than the listed Changchun University of Science and Technology, a place
    and a kind of body. Not when the listed name goes on with a unit ("... University Hospital": a part of the typed
    body, not a longer name of it)."""
    if cmp.typed_only or not cmp.listed_only or not cmp.rare or cmp.edited:
        return ""
    typed = [t.lstrip("~") for t in tokens(query)]
    listed = index.alias_tokens[cmp.aid]
    if not 2 <= len(typed) < len(listed) or tuple(typed) != listed[:len(typed)] or typed[-1] not in TYPE_WORDS:
        return ""
    own = [t for t in typed if t not in GENERIC and t not in TYPE_WORDS]
    if not own or any(t in COMMON_WORDS or is_place(t) for t in own) or \
            any(t in SUBUNIT_WORDS for t in listed[len(typed):]):
        return ""
    return (f"the opening words of the listed name, as a short form: you typed {', '.join(typed)}; the list goes on: "
            f"{', '.join(cmp.listed_only)}")


def _person_left_out(cmp: Comparison, index: Index, record: int) -> str:
    """The reason for a listed institute's name without the person it is named after, written before it ("Institute
    of Applied Mathematics" for the listed Keldysh Institute of Applied Mathematics, named after M. V. Keldysh), with
    or without the Academy of Sciences it belongs to on either side (of the USSR, of Russia, a branch), or "": the
    same words may name other institutes, so a possible match that names the person."""
    if cmp.edited or not cmp.listed_only:
        return ""
    people = [t for t in cmp.listed_only if t not in _ACADEMY_WORDS]
    if len(people) != 1 or any(t not in _ACADEMY_WORDS and t != "ussr" for t in cmp.typed_only):
        return ""
    own = [t for t in cmp.matched if t not in GENERIC and t not in _ACADEMY_WORDS]
    if not own or not any(t in TYPE_WORDS for t in cmp.matched) or \
            not any(_named_after(index, aid, people[0]) for aid in index.record_aliases.get(record, ())):
        return ""
    typed = f"; you typed also {', '.join(cmp.typed_only)}" if cmp.typed_only else ""
    return (f"the listed name without the person it is named after ({people[0]}): the same words may name another "
            f"body{typed}")


_AFTER_PERSON_MAX = 3  # words a listed name may go on with after the person it is named after
# Kinds of body that Russian names are named after a person with, in English and romanised ("zavod": a plant).
_NAMED_KINDS = TYPE_WORDS | frozenset({"zavod", "kombinat", "association", "enterprise", "works", "complex"})


def _up_to_the_person(cmp: Comparison, index: Index, query: str) -> str:
    """The reason for a name typed as the list writes it up to the person it is named after, and no further
    ("Minsk Mechanical Plant named after S.I. Vavilov" for the listed "... named after S.I. Vavilov Management Company
    of BelOMO Holding"; "... Zavod imeni N.M. Ignatyeva" for "... Zavod im. N.M. Ignatyeva AKOM"), or "". The list
    goes on with a few words (its own initials, the holding it manages): the same body, or one of its parts."""
    if cmp.typed_only or not cmp.listed_only or cmp.edited:
        return ""
    typed = tokens(query)
    listed = index.alias_tokens[cmp.aid]
    if not 2 <= len(typed) < len(listed) <= len(typed) + _AFTER_PERSON_MAX or not typed[-1].startswith("~"):
        return ""
    words = [t.lstrip("~") for t in typed]
    if tuple(words) != listed[:len(words)] or words[-1] not in index.alias_optional.get(cmp.aid, ()):
        return ""
    if not cmp.rare or not any(t in _NAMED_KINDS for t in words):
        return ""  # the kind of body, and a word few listed names carry (the person's, often)
    return (f"the listed name up to the person it is named after ({words[-1]}); the list goes on: "
            f"{', '.join(listed[len(words):])}")


_CUT_MIN = 4  # letters of a word cut short ("Poly", "Aero"): shorter ones begin too many words
_CUT_LEFT = 3  # letters at least that the cut leaves out ("Telecom" of "Telecommunications")


def _may_be_cut_short(index: Index, query: str, aid: int) -> bool:
    """True when a typed word opens a longer word of the alias (a quick test before compare())."""
    cuts = _cut_candidates(query)
    return bool(cuts) and any(w.startswith(t) and len(w) >= len(t) + _CUT_LEFT
                              for w in index.alias_tokens[aid] for t in cuts)


@lru_cache(maxsize=64)
def _cut_candidates(query: str) -> tuple[str, ...]:
    """The typed words that may be cut short: four letters or more, no general word."""
    return tuple(t for t in tokens(query) if len(t) >= _CUT_MIN and t not in GENERIC)


def _words_cut_short(cmp: Comparison) -> str:
    """The reason for a name whose extra words are the opening letters of the listed name's own words ("Northwestern
    Poly" for Northwestern Polytechnical University, "Aero-Astro" for Aeronautics and Astronautics), every other word
    in common, or "" when it is not that. The listed name may have general words more ("University")."""
    if not cmp.typed_only or cmp.edited:
        return ""
    left = list(cmp.listed_only)
    pairs = []
    for typed in cmp.typed_only:
        if len(typed) < _CUT_MIN or not typed.isalpha() or typed in GENERIC or typed in COMMON_WORDS:
            return ""
        full = next((t for t in left if t.startswith(typed) and len(t) >= len(typed) + _CUT_LEFT), None)
        if full is None:
            return ""
        left.remove(full)
        pairs.append(f"{typed} for {full}")
    if any(t not in GENERIC for t in left) or not any(t not in GENERIC for t in cmp.matched):
        return ""
    return "the listed name with words cut short: you typed " + ", ".join(pairs)


def _named_after(index: Index, aid: int, word: str) -> bool:
    """True when ``word`` is the surname alias ``aid`` is named after: an honorific's ("imeni Keldysha"), or the
    word after the person's initials ("P.L. Kapitza Institute for Physical Problems")."""
    optional = index.alias_optional.get(aid, ())
    if word in optional:
        return True
    toks = index.alias_tokens[aid]
    at = toks.index(word) if optional and word in toks else 0
    return at > 0 and len(toks[at - 1]) == 1 and toks[at - 1] in optional


def _school_initials(query: str, alias: str) -> bool:
    """True when ``query`` is three capital letters that are the usual initials of ``alias``, the name of a
    university, institute, academy or college (not of a company: three letters fit too many of those), or its
    initials with a letter for each syllable of a two-syllable pinyin word ("XDU": Xidian University)."""
    typed = query.strip()
    return len(typed) == 3 and typed.isalpha() and typed.isupper() and typed.isascii() and \
        typed.casefold() in {acronym(alias), *acronym_variants(alias)} and \
        any(t in _SCHOOL_INITIALS for t in tokens(alias)) and not names_company(alias)


_SCHOOL_INITIALS = frozenset({"university", "institute", "academy", "college"})
_SCHOOL_WORDS = frozenset({"university", "college", "school", "hospital"})


def _typed_kind_not_a_company(index: Index, query: str, hit: Any, cmp: Comparison | None) -> str:
    """A typed university or institute close to a listed company's name ("Beijing Institute of Aerospace
    Technology", "Beijing Aerospace Technology Co."): another kind of body, so a possible match at most."""
    if cmp is None or hit.detail != "tokens" or names_company(query):
        return ""
    kinds = [t for t in cmp.typed_only if t in TYPE_WORDS]
    listed = index.alias_text[cmp.aid]
    # (A brand alone, "BAIKAL" of a JSC: the company's name says what it is, when a school is typed; "Hikvision
    # Research Institute" is the listed company's institute.)
    if not kinds or not (names_company(listed) or (names_company(index.records[hit.record].name) and
                                                   any(t in _SCHOOL_WORDS for t in kinds))):
        return ""
    return f"close, but you typed {', '.join(kinds)}: the listed entry is a company ({listed})"


_CYRILLIC_ONLY = re.compile("[\u0400-\u04ff]+")


def _own_short_alias(index: Index, query: str, hit: Any) -> str:
    """A short alias of the record in Cyrillic or another non-Latin script ("ВТБ": too short to be a match)
    typed exactly as written, in capitals, and carried by this record only: a possible match. Not a Latin
    one: the lists give a parent's acronym to its units ("CAS" for a CAS centre); but a Russian or Belarusian
    body's short form in Cyrillic typed in Latin letters, or its Latin one in Cyrillic letters, is (VTB, PSB)."""
    typed = query.strip()
    if hit.detail == "short_alias" and len(typed.split()) >= 2 and hit.alias.casefold() == typed.casefold():
        # A listed name typed exactly as written whose own word is short ("CSR Corporation Limited": csr, once the
        # legal form is set aside): the words alone are too short for a match, the whole name is no chance likeness.
        own = " ".join(index.alias_tokens[hit.aid]) if hit.aid >= 0 else hit.alias
        return f"the listed name exactly as it is written; its own word ({own}) is short, so the office checks " \
            "which body you mean"
    # (Capitals, or a script without them: a Persian short form, "هسا", HESA.)
    caseless = not any(c.isupper() or c.islower() for c in typed)
    if hit.detail != "short_alias" or not (typed.isupper() or caseless) or len(typed) > 4 or \
            index.short_alias_owners.get(hit.alias) != 1:
        return ""
    if hit.alias == typed and not typed.isascii():
        return "a short form this entry carries, typed as it is written"
    if hit.alias == typed and len(typed) >= 3 and typed.isalpha() and typed.casefold() not in ACADEMY_ABBREVIATIONS \
            and not {index.alias_record[a] for a in index.derived_acronyms.get(typed.casefold(), ())} - {hit.record}:
        # A Latin short form that this record alone carries, typed exactly as the list or its curated source writes
        # it ("XMC", Wuhan Xinxin): initials can stand for other bodies too, so a possible match at most. Not the
        # initials of another listed name (a parent's, "CAS", that the lists give its units too), nor an academy's
        # ("RAS" among the aliases of an RAS institute).
        return f"a short form only this entry carries, typed as it is written; {ASK_FULL_NAME}"
    if hit.alias != typed and anyascii(hit.alias) == anyascii(typed) and \
            (_CYRILLIC_ONLY.fullmatch(typed) or _CYRILLIC_ONLY.fullmatch(hit.alias)) and \
            CYRILLIC_COUNTRIES & set(index.records[hit.record].countries):
        return f"a short form this entry carries, written {hit.alias}"
    return ""


def _short_form_and_own_words(index: Index, query: str, hit: Any) -> str:
    """A listed short form in capitals (an alias of one word, of this record only) followed by words that are all
    words of the record's names: "HIT Harbin", "CGN Power", "HSE Moscow". A possible match: the short form alone is
    too short to be a match, the words say which body it is."""
    words = query.split()
    first = words[0].strip(".,;:()") if words else ""
    if len(words) < 2 or not (3 <= len(first) <= 6 and first.isalpha() and first.isupper() and first.isascii()):
        return ""
    if index.one_word_owners().get(first) != {hit.record} and (
            len(first) < 3 or {index.alias_record[a] for a in index.postings.get(first.lower(), ())} != {hit.record}):
        return ""  # (a short form of one record only: an alias of its own, or a word of its aliases, "HSE University")
    rest = [t.lstrip("~") for t in tokens(" ".join(words[1:]))]
    own = {t for aid in index.record_aliases.get(hit.record, ()) for t in index.alias_tokens[aid]}
    if len(rest) == 1 and rest[0] in _ACADEMY_COUNTRY and rest[0] not in own and \
            _ACADEMY_COUNTRY[rest[0]] in index.records[hit.record].countries:
        # "NIAOT CAS": a listed institute's own short form with the initials of its country's academy of sciences,
        # which the listed name does not give.
        return (f"the listed short form {first}, with the initials of an academy of its country that the listed name "
                f"does not give: {rest[0]}; {ASK_FULL_NAME}")
    if not rest or not all(t in own or own.intersection(word_forms(t)) for t in rest):  # ("Moscow's": moscows)
        return ""
    return f"the listed short form {first}, with words of the listed name: {', '.join(rest)}"


# An academy of sciences' initials and its country: the Chinese Academy of Sciences, the Russian one (in English and
# in Russian), the National Academy of Sciences of Belarus.
_ACADEMY_COUNTRY = {"cas": "CN", "ras": "RU", "ran": "RU", "nasb": "BY"}


_HAN_ABBREVIATION_OWNERS = 2  # records a Chinese abbreviation may fit (a body and its listed parent or unit)
_BRAND_OWNERS = 2  # records that may carry a word typed alone for it to be read as their brand
_BRAND_ALIASES = 12  # aliases at most that carry it (a name's own word, not a word many names share)
_BRAND_MIN = 4  # letters of a brand typed alone (three-letter words are initials or common words: "Fox")


def _brand_word(index: Index, query: str, hit: Any) -> str:
    """One word typed alone that only one or two listed companies carry in their names ("Hongdu": Jiangxi Hongdu
    Aviation Industry; "Westone": Cheng Du Westone Information Industry): their brand, a possible match. Not a
    generic or common word, not a place, not a word in a name of a body that is no company."""
    qtoks = tokens(query)
    # (Latin, or a Russian word as the lists transliterate it: "Калашников", "Гидроприбор".)
    if len(qtoks) != 1 or not (query.isascii() or _CYRILLIC_ONLY.fullmatch(query.strip())):
        return ""
    word = qtoks[0]
    if len(word) < _BRAND_MIN or not word.isalpha() or word in GENERIC or word in COMMON_WORDS or word in places():
        return ""
    if query.strip().isupper() and len(word) <= SURE_ACRONYM_LEN:
        return ""  # typed as initials ("SISU", "ZAAS"): the initials' own rules, not a brand's
    posted = index.postings.get(word, ())
    owners = {index.alias_record[a] for a in posted}
    if not posted or len(posted) > _BRAND_ALIASES or len(owners) > _BRAND_OWNERS or hit.record not in owners:
        return ""
    if not all(names_company(index.records[r].name) or _own_and_company_words(index.records[r].name) for r in owners):
        return ""
    # Written as a word of its own in a name of the record, not joined to another ("X-Face" is no "Face").
    alone = re.compile(r"(?<![\w-])" + re.escape(word) + r"(?![\w-])", re.IGNORECASE)
    if not any(alone.search(index.alias_text[a]) for a in posted if index.alias_record[a] == hit.record):
        return ""
    return f"the listed company's own word, typed alone as its brand: {word}"


# General words that close a company's name without its legal form ("Loongson Technology", "X Holdings"), and never
# a school's, a body's or a person's.
_COMPANY_CLOSERS = frozenset({"technology", "industry", "group", "holdings", "trading", "development", "enterprise",
                              "international"})


# The words of a trade that close a listed company's name written with no legal form, after its place ("Hebei X
# Electronics", "Zhuhai X Control Systems"): with the place before them, a company's name.
_TRADE_CLOSERS = _COMPANY_CLOSERS | frozenset({
    "electronics", "systems", "system", "communication", "communications", "optics", "photonics", "semiconductor",
    "microelectronics", "instruments", "equipment", "materials", "software", "information"})


def _own_and_company_words(name: str, closers: frozenset[str] = _COMPANY_CLOSERS) -> bool:
    """True for a company's name written without its legal form: its own words, then a word that closes a company's
    name (``closers``: a general one, "Loongson Technology"; _TRADE_CLOSERS, the words of its trade too, "Hebei X
    Electronics", which may also name a school's field, so the closing word is not asked to be no kind of body), and
    no word of a school, an institute or another kind of body."""
    toks = [t.lstrip("~") for t in tokens(name)]
    return len(toks) >= 2 and toks[-1] in closers and not any(t in KIND_WORDS - GENERIC for t in toks[:-1]) and \
        not any(t in TYPE_WORDS or t in BODY_NOUNS for t in toks) and \
        any(is_own_word(t) for t in toks)


@lru_cache(maxsize=64)
def _typed_and_rare_word(index: Index, query: str) -> tuple[tuple[str, ...], str]:
    """The typed words, and one of them that is a name of its own few entries carry (no general or common word, no
    place), or "" when there is none or the name is one word or repeats one (what _name_without_place() needs)."""
    typed = tuple(t.lstrip("~") for t in tokens(query))  # (a tuple: the cached result is shared by every caller)
    if len(typed) < 2 or len(set(typed)) != len(typed):
        return typed, ""
    own = [t for t in typed if is_own_word(t)]
    return typed, next((t for t in own if 0 < len(index.postings.get(t, ())) <= RARE_NAME), "")


def _name_without_place(index: Index, query: str, hit: Any) -> str:
    """Two or more typed words that are a listed company's name without the place it opens with (Chinese companies
    put their city first: "X Technology" for the listed "Shenzhen X Technology Co., Ltd.", or "Hebei X Electronics"
    with no legal form), one of them a name of its own that few entries carry: a possible match that names the place
    left out."""
    typed, rare = _typed_and_rare_word(index, query)
    if not rare:
        return ""
    for aid in index.postings[rare]:
        if index.alias_record[aid] != hit.record:
            continue
        listed = index.alias_tokens[aid]
        lead = len(listed) - len(typed)
        if lead >= 1 and tuple(listed[lead:]) == typed and all(is_place(t) for t in listed[:lead]) and \
                (names_company(index.alias_text[aid]) or _own_and_company_words(index.alias_text[aid], _TRADE_CLOSERS)):
            return (f"the listed company's name without the place it opens with: you typed {', '.join(typed)}; the "
                    f"list has also {', '.join(listed[:lead])} (\u201c{index.alias_text[aid]}\u201d)")
    return ""


def _listed_short_name(index: Index, query: str, hit: Any) -> str:
    """Three to five capitals typed alone that a listed name writes as its own short form: apart after the name,
    between commas or in brackets ("X Institute for Y Problems, XIYP, Z Academy"), or, for a company, in capitals as
    the first word of its name or after the place it opens with, the other words general ones ("EVE Energy Co.,
    Ltd.", "Guangzhou GCI Science & Technology Co., Ltd."). A possible match. Not when a company's name has another
    word of its own after them (the capitals are then another body's, "X Guodun Quantum"), when more than two
    records carry the word, or in a name written all in capitals (where every word is)."""
    typed = query.strip()
    if not (3 <= len(typed) <= SURE_ACRONYM_LEN and typed.isalpha() and typed.isupper() and typed.isascii()):
        return ""
    word = typed.lower()
    posted = index.postings.get(word, ())
    if not posted or len({index.alias_record[a] for a in posted}) > _BRAND_OWNERS:
        return ""
    written = re.compile(r"(?<![\w-])" + re.escape(typed) + r"(?![\w-])")
    apart = re.compile(r"(?:,|\()\s*" + re.escape(typed) + r"\s*(?:,|\)|$)")
    for aid in index.record_aliases.get(hit.record, ()):
        text, toks = index.alias_text[aid], index.alias_tokens[aid]
        if word not in toks or text.isupper() or not written.search(text):
            continue
        if apart.search(text) and len(toks) > 2:
            # Written apart after the name, between commas or in brackets ("X Institute for Y Problems, XIYP, Z
            # Academy"): the short form the listed name gives itself.
            return f"the short form the listed name gives itself, written apart in it: {typed}"
        if not names_company(text):
            continue
        at = toks.index(word)
        if all(is_place(t) for t in toks[:at]) and all(t in GENERIC or t in COMMON_WORDS for t in toks[at + 1:]):
            return f"the listed company's own short name, written in capitals in its name: {typed}"
    return ""


WITHOUT_TRADE_WORDS = "the listed name without its industry words"


def _without_trade_words(index: Index, query: str, hit: Any, cmp: Comparison) -> str:
    """The typed words open a listed company's name that goes on with trade and general words only ("Zhuhai Orbita"
    for "Zhuhai Orbita Control Systems"; Index.trade_words_left_out), when they fit one or two records: a possible
    match that names the words left out. (Fitting one record only, the matcher makes it a match itself.)"""
    typed = tuple(t.lstrip("~") for t in tokens(query))
    for aid in dict.fromkeys((hit.aid, cmp.aid, *index.record_aliases.get(hit.record, ()))):
        if aid >= 0 and index.trade_words_left_out(typed, aid):
            left = index.alias_tokens[aid][len(typed):]
            return (f"{WITHOUT_TRADE_WORDS}: you typed {', '.join(typed)}; the list has also {', '.join(left)} "
                    f"(\u201c{index.alias_text[aid]}\u201d)")
    return ""


def _difference(cmp: Comparison | None) -> str:
    """The words that make a similar name another organisation ("Medical", "of Technology"), said plainly."""
    if cmp is None or not cmp.matched:
        return ""
    typed = [t for t in cmp.typed_only if t in KIND_WORDS]
    listed = [t for t in cmp.listed_only if t in KIND_WORDS]
    if not typed and not listed:
        return ""
    sides = [f"you typed {', '.join(typed)}"] if typed else []
    sides += [f"the list has {', '.join(listed)}"] if listed else []
    return f"probably another organisation: {' and '.join(sides)}"


def _as_possible(cand: dict[str, Any], reason: str) -> dict[str, Any]:
    return {**cand, "kind": "possible_match", "match": False, "possible": True,
            "verdict": _verdict("possible_match", []), "possible_reason": reason}


def _keep(found: dict[int, dict[str, Any]], cand: dict[str, Any]) -> None:
    """Keep the strongest candidate per listed record (a match over a possible match, then the score)."""
    key = cand["record_id"]
    old = found.get(key)
    if old is None or (_ORDER[cand["kind"]], cand["score"]) > (_ORDER[old["kind"]], old["score"]):
        found[key] = cand


_CROSS: CrossScript | None = None
_KOREA = ("korea",)
_ACROSS_DETAILS = frozenset({"exact", "tokens", "unit_of_listed", "skeleton", "unchecked_alias"})


def _cross_script(index: Index) -> CrossScript:
    global _CROSS  # noqa: PLW0603 - a per-process cache, as get_index()
    if _CROSS is None or _CROSS.index is not index:
        _CROSS = CrossScript(index)
    return _CROSS


def _keep_across(found: dict[int, dict[str, Any]], cand: dict[str, Any], reason: str, threshold: float) -> None:
    """A candidate found across scripts: a possible match when it scores near the threshold, never a match."""
    # The glossary's reading must reach the threshold on its own; a skeleton may fall a little short of it.
    floor = threshold - POSSIBLE_BAND / 2 if cand["why"] == "skeleton" else threshold
    if cand["lists"] and cand["relation"] == "same" and cand["why"] in _ACROSS_DETAILS and cand["score"] >= floor:
        _keep(found, _as_possible(cand, reason))


# A romanised Persian name joins its words with the ezafe ("Daneshgah-e Sanati-ye Sharif", "Bank-e Tejarat"):
# such a name is compared on consonant skeletons too, as the name in Persian script is.
_PERSIAN_EZAFE = re.compile(r"[a-z]-(?:e|ye)\b", re.IGNORECASE)


# Russian: the status "national research (university)" abbreviated before a school's initials ("НИ ТПУ", "НИУ ВШЭ"),
# and the usual contraction of "state university" ("Астраханский госуниверситет").
_RU_STATUS_INITIALS = re.compile("^(?:\u041d\u0418\u0423?)\\s+(?=[\u0410-\u042f\u0401]{2,}\\b)")
_RU_GOSUNIVERSITET = re.compile("\u0433\u043e\u0441\u0443\u043d\u0438\u0432\u0435\u0440\u0441\u0438\u0442"
                                "\u0435\u0442\\w*", re.IGNORECASE)


# The English abbreviations of a Russian public body's status before its name, as the bodies' own English pages
# write them: "FSBEI HE" (federal state budgetary educational institution of higher education), "FSAEI HE"
# (autonomous), "FSBSI" or "FSBIS" (... scientific institution, ... institution of science), "FSBI", "FSUE" (unitary
# enterprise), and their transliterated Russian forms ("FGBOU VO"); "NRU" (national research university) before the
# school's initials ("NRU MIPT", as "НИУ" before Cyrillic ones). Folded in normalize.tokens() they would be words of
# the name.
_EN_STATUS = re.compile(r"^\s*(?:(?:FSBEI|FSAEI|FSFEI|FSEI|FSBSI|FSBIS|FSBI|FSAI|FSI|FSUE|FGBOU|FGAOU|FGOU|FGBUN|FGBNU|"
                        r"FGBU|FGUP|FGAU)(?:\s+(?:HE|HPE|VO|VPO))?\b|NRU\s+(?=[A-Z][A-Za-z]*[A-Z]\b))[\s,:]*")
_QUOTES = " \"'\u201c\u201d\u00ab\u00bb"
# "NRC" before a Russian body's name, after its status or not ("FSBI NRC Kurchatov Institute"): the National Research
# Centre it is, as its own English pages abbreviate it, spelled out as the lists write it.
_EN_NRC = re.compile(r"^\s*(?:(?:FSBEI|FSBSI|FSBI|FSUE|FGBU|FGUP)\s+)?NRC\s+(?=[\"'\u201c\u00ab]?[A-Z]\w+\W+\w)")
# "State Research Center of the Russian Federation" abbreviated before a body's name ("SRC RF", "SSC RF", in Cyrillic
# "ГНЦ РФ"): a status the lists' names mostly leave out.
_SRC_RF = re.compile("^\\s*(?:SRC|SSC|GNTs|\u0413\u041d\u0426)\\s+(?:RF|\u0420\u0424)\\s+(?=\\S)")
# "Concern" before a Russian holding's own word, after a legal form or not ("JSC Concern Gidropribor"): a kind of
# company, as "Group" is; the lists write the holding's longer name ("Concern Sea Underwater Weapons - Gidropribor").
_CONCERN = re.compile(r"^\s*(?:(?:JSC|PJSC|OJSC|CJSC|AO|OAO|PAO|ZAO)\s+)?(?:Concern|Kontsern)\s+", re.IGNORECASE)
# The Russian Ministry of Defence after a body's name, abbreviated ("33 TsNIII Minoborony", "27 NTs MO RF", in
# Cyrillic): the parent, which the lists' names leave out.
_RU_MOD = re.compile("\\s+(?:\u041c\u0438\u043d\u043e\u0431\u043e\u0440\u043e\u043d\u044b"
                     "(?:\\s+\u0420\u043e\u0441\u0441\u0438\u0438)?|\u041c\u041e\\s+(?:\u0420\u0424|"
                     "\u0420\u043e\u0441\u0441\u0438\u0438))\\s*$")


# KB and NPP, the initials of "konstruktorskoe byuro" (design bureau) and "nauchno-proizvodstvennoe predpriyatie"
# (research and production enterprise), as a word of a Russian name written in Latin letters ("AO KB Navigatsionnykh
# Sistem", "Uralskoe Proektno-KB Detal", "OOO NPP Inzhekt"); normalize.tokens() reads the other kinds' initials (TsNII,
# NII, OKB, NPO) wherever they stand, but these two are also a Korean bank's and a nuclear power plant's in English,
# so only in a name that is Russian by another word: a Russian legal form or a word with a Russian ending.
_RU_LATIN_KIND = re.compile(r"(?<![\w.&'])(KB|NPP)(?![\w&'-])(?![\s\u2116#-]*\d)")
_RU_LATIN_KIND_WORDS = {"KB": "Konstruktorskoe Byuro", "NPP": "Nauchno-Proizvodstvennoe Predpriyatie"}
_RU_LATIN_MARK = re.compile(
    r"\b(?:a?o|oao|zao|pao|ooo|fgup|aktsionernoe|aktcionernoe|aktsionernoye|obshchestvo|obshestvo|otkrytoe|zakrytoe|"
    r"publichnoe|[a-z]{2,}(?:sk|n|ov|ev|in|ch|sh|zh|st)(?:oe|oye|oi|oy|oj|ogo|ykh|ikh|iy|ii|yy|yi|ij|yj|aya|aia|yye|"
    r"iye|ye|ie)|[a-z]{3,}(?:en|ani|sti)(?:iya|iia|ija|ie|iye|ia))\b", re.IGNORECASE)


def _russian_latin_kinds(name: str) -> str:
    """A Russian name in Latin letters with KB or NPP written in the words they stand for (_RU_LATIN_KIND); "" when it
    has neither, no other Russian word, or no word of its own besides."""
    if not name.isascii() or not _RU_LATIN_KIND.search(name):
        return ""
    rest = _RU_LATIN_KIND.sub(" ", name)
    if not _RU_LATIN_MARK.search(rest) or all(t.startswith(OPTIONAL) or t in LEGAL_FORMS for t in tokens(rest)):
        return ""
    return _RU_LATIN_KIND.sub(lambda m: _RU_LATIN_KIND_WORDS[m.group(1)], name)


def _spelled_out(name: str) -> list[str]:
    """A Russian name with its abbreviated status left out or its contraction written out: the same name, screened
    as such."""
    out = []
    if (m := _RU_STATUS_INITIALS.match(name)) and name[m.end():].strip():
        out.append(name[m.end():])
    if (m := _EN_STATUS.match(name)) and name[m.end():].strip(_QUOTES):
        out.append(name[m.end():].strip(_QUOTES))
    if m := _EN_NRC.match(name):
        out.append("National Research Center " + name[m.end():].strip(_QUOTES))
    if (m := _SRC_RF.match(name)) and name[m.end():].strip(_QUOTES):
        out.append(name[m.end():].strip(_QUOTES))
    if (m := _CONCERN.match(name)) and len(name[m.end():].strip(_QUOTES).split()) > 1:
        out.append(name[m.end():].strip(_QUOTES))  # (one word: screen_name() reads it as a possible match at most)
    if (m := _RU_MOD.search(name)) and name[:m.start()].strip():
        out.append(name[:m.start()])
    if spelled := _russian_latin_kinds(name):
        out.append(spelled)
    if _RU_GOSUNIVERSITET.search(name):
        out.append(_RU_GOSUNIVERSITET.sub("\u0433\u043e\u0441\u0443\u0434\u0430\u0440\u0441\u0442\u0432\u0435\u043d"
                                          "\u043d\u044b\u0439 \u0443\u043d\u0438\u0432\u0435\u0440\u0441\u0438"
                                          "\u0442\u0435\u0442", name))
    return out


# A country's name in Korean as a word of its own before a body's name: North Korea's as South Korea names it
# (북한, 북조선) and as North Korea does (조선, 조선민주주의인민공화국), and the Korean names of China (중국), Iran
# (이란) and Russia (러시아), the countries of most listed bodies (as the KAIST list file's country field writes
# them). The lists' Korean names leave it out (정찰총국, the Reconnaissance General Bureau).
_KOREAN_COUNTRY = {"\ubd81\ud55c": "North Korea", "\ubd81\uc870\uc120": "North Korea", "\uc870\uc120": "North Korea",
                   "\uc870\uc120\ubbfc\uc8fc\uc8fc\uc758\uc778\ubbfc\uacf5\ud654\uad6d": "North Korea",
                   "\uc911\uad6d": "China", "\uc774\ub780": "Iran", "\ub7ec\uc2dc\uc544": "Russia"}


def _after_korean_country(name: str) -> tuple[str, str]:
    """A Korean name without a country's name before it, and that name as the reason says it ("북한 정찰총국" ->
    ("정찰총국", "North Korea's name")); or without a first word that is an institutional word of the glossary, a
    parent body's name (scripts.korean_prefix: "인민해방군 국방과학기술대학" -> ("국방과학기술대학", "“인민해방군”
    (PLA)")); ("", "") when it has neither."""
    first, _, rest = name.strip().partition(" ")
    if first in _KOREAN_COUNTRY and HANGUL.search(rest):
        return rest.strip(), f"{_KOREAN_COUNTRY[first]}'s name"
    if HANGUL.search(rest) and (english := korean_prefix(first)):
        return rest.strip(), f"\u201c{first}\u201d ({english})"
    return "", ""


def _korean_as_chinese(name: str) -> list[str]:
    """A Korean name of a Chinese institution read back into its Chinese name, and that name with its words
    contracted as Chinese names contract them (scripts.Glossary.chinese_forms); [] when it has no reading."""
    if not HANGUL.search(name):
        return []
    from .scripts import glossary  # noqa: PLC0415 - read only for a Korean query

    return glossary().chinese_forms(name)


def _placed_elsewhere(index: Index, hit: Any, cand: dict[str, Any], placed: set[str], found_as: str
                      ) -> dict[str, Any] | None:
    """A match whose typed name places it in another country than the listed entry's (``placed``: the countries
    the name gives), as a possible match naming both: perhaps another body, perhaps a listed one's branch there.
    None when the candidate is no match, the name gives no country, or a country of the listed entry's."""
    listed = set(index.records[hit.record].countries)
    if cand["kind"] not in MATCH_KINDS or not placed or not listed or placed & listed:
        return None
    return _as_possible(cand, f"{found_as}, which you placed in {_country_names(placed)}; the listed entry is in "
                              f"{_country_names(listed)}")


def _country_names(codes: set[str]) -> str:
    """Country codes as the one-word names a person types ("France", "Iran"), else as codes."""
    names = {code: word.title() for word, code in country_words().items()}
    names.setdefault("RU", "Russia")  # "Russian Federation" in ISO 3166-1: no one-word name there
    return " or ".join(sorted(names.get(c, c) for c in codes))


# Words before a country's name that make it part of the organisation's name ("Bank of China", "Academy of
# Sciences of Belarus", "Institut Pasteur de Tunisie"), not where a branch is.
_COUNTRY_JOINERS = frozenset(["of", "in", "for", "and", "the", "de", "du", "des", "la", "le", "del", "della", "di",
                              "da", "do", "dos", "das", "von", "fur", "f\u00fcr"])


# A country's adjective or name opening a body's name, as the press writes the bodies of the countries the lists name
# most ("North Korean Ministry of Rocket Industry", "DPRK ...", "Russia's ..."): the lists' names of those bodies
# leave their country out. -> the country's code.
_COUNTRY_BEFORE = (
    (re.compile(r"^\s*(?:north\s+korea(?:n|['\u2019]s)?|dprk|d\.\s?p\.\s?r\.\s?k\.|"
                r"democratic\s+people['\u2019]?s\s+republic\s+of\s+korea(?:['\u2019]s)?)\s+", re.IGNORECASE), "KP"),
    (re.compile(r"^\s*(?:russian(?:\s+federation(?:['\u2019]s)?)?|russia['\u2019]s)\s+", re.IGNORECASE), "RU"),
    (re.compile(r"^\s*(?:chinese|china['\u2019]s|prc)\s+", re.IGNORECASE), "CN"),
    (re.compile(r"^\s*(?:iranian|iran['\u2019]s)\s+", re.IGNORECASE), "IR"),
    (re.compile(r"^\s*(?:belarusian|belarus['\u2019]s)\s+", re.IGNORECASE), "BY"),
)


def _after_country(name: str) -> tuple[str, str, str]:
    """The name without the country's adjective or name it opens with (_COUNTRY_BEFORE), the words left out and the
    country's code; empty strings when it opens otherwise or too little is left (two words at least)."""
    for pattern, code in _COUNTRY_BEFORE:
        if (m := pattern.match(name)) and len(tokens(rest := name[m.end():].strip())) >= 2:
            return rest, m.group(0).strip(), code
    return "", "", ""


def _without_country(name: str) -> tuple[str, str]:
    """The name without the country's name it ends with, and that country's code, as a company's branch or
    office is written ("Huawei Germany", "Huawei Technologies Germany GmbH" give "Huawei", "Huawei
    Technologies" and DE); ("", "") when it ends otherwise, or when the country is part of the name ("Bank of
    China")."""
    words = name.split()
    while words and all(t in LEGAL_FORMS for t in tokens(words[-1])):
        words.pop()  # a legal form after the country ("GmbH"), or punctuation
    if len(words) < 2 or len(last := tokens(words[-1])) != 1 or not (code := country_words().get(last[0], "")):
        return "", ""
    short = " ".join(words[:-1]).strip(" ,;:-")
    if words[-2].strip(".,;:()").casefold() in _COUNTRY_JOINERS or not tokens(short):
        return "", ""
    return short, code


def _unit_of_another(part: str, parts: list[str]) -> bool:
    """True when ``part`` names a unit ("Institute of X", "Laboratory of Y") and the next part of the line
    is the organisation it belongs to: the unit's name alone is no evidence about a listed namesake."""
    toks = tokens(part)
    if not toks or toks[0] not in SUBUNIT_WORDS or part not in parts:
        return False
    later = parts[parts.index(part) + 1:]
    return any(not part.endswith(p) and any(t in ORG_WORDS for t in tokens(p)) for p in later)


def _only_units_besides(part: str, parts: list[str]) -> bool:
    """True when every other organisation-like part of a line is a unit (department, school, laboratory):
    the line names one organisation and its unit, so a match on the organisation's part is a match."""
    return all(p == part or not tokens(p) or tokens(p)[0] in SUBUNIT_WORDS or p in part or p.endswith(part)
               or _a_laboratory(p) for p in parts)


_NOT_A_LABS_PARENT = frozenset({"university", "academy", "institute", "college", "daxue"})


def _a_laboratory(part: str) -> bool:
    """A laboratory named by its field before or after its kind ("State Key Laboratory of High Performance
    Computing", "Science and Technology on Plasma Physics Laboratory"): a unit, unless the part names a school or an
    institute as well (its parent)."""
    toks = tokens(part)
    return "laboratory" in toks and not any(t in _NOT_A_LABS_PARENT for t in toks)


def _verdict(kind: str, former: list[dict[str, Any]]) -> str:
    if kind == "formerly_listed":
        return "formerly listed, not a hit: " + "; ".join(f["text"] for f in former)
    return {
        "prohibited": "match on a list that prohibits all dealings",
        "high": "match on an export-control or research-security list",
        "stale_match": STALE_MATCH,
        "possible_match": POSSIBLE_MATCH,
        "related": "a related entry is listed (a part or the parent of this name): check it",
    }.get(kind, "no match")


def _lists_text(cand: dict[str, Any]) -> str:
    return "; ".join(f"{i['label']}, as of {i['as_of']}" for i in cand["lists"])


def _summary(outcome: str, candidates: list[dict[str, Any]], unscreened: list[dict[str, Any]]) -> str:
    """One sentence for the whole result."""
    if outcome == "not_screened":
        why = "; ".join(u["reason"] for u in unscreened)
        return f"Not screened: {why}. This is not a clearance: ask the research security office."
    # The entry that set the outcome (a name on a high-tier list and on one that prohibits all
    # dealings is told as the latter), else the first that is more than no match.
    told = _verdict(outcome, [])
    best = next((c for c in candidates if c["verdict"] == told != "no match"), None) \
        or next((c for c in candidates if c["verdict"] != "no match"), None)
    if best is None:
        return "No listed entry matches this name on the lists screened."
    # (The records of one organisation on other lists, shown for initials, are told with it: _SAME_AS.)
    initials = [c for c in candidates if c["possible"] and c["why"] == "initials" and not c.get(_SAME_AS)]

    def lists(c: dict[str, Any]) -> str:
        same = [o for o in candidates if o.get(_SAME_AS) == c["record_id"]]
        return "; ".join([_lists_text(c), *(f"as {o['name']}: {_lists_text(o)}" for o in same)])

    if best["possible"] and len(initials) > 1 and best in initials:
        names = "; ".join(f"{c['name']} ({lists(c)})" for c in initials)
        return (f"Possible match: initials that fit {len(initials)} listed names: {names}. Type the full name to check "
                "which one, and check this with the research security office.")
    if best["possible"]:
        return f"Possible match: {best['name']} ({lists(best)}). Check this with the research security office."
    return f"{best['name']}: {best['verdict']}."


def _todo(name: str, outcome: str, candidates: list[dict[str, Any]]) -> str:
    """What the researcher does about a possible match (the engine lists it among the things to find out)."""
    if outcome != "possible_match":
        return ""
    best = next(c for c in candidates if c["possible"])
    return (f"Check with the research security office whether \u201c{name}\u201d is the listed {best['name']} "
            f"({_lists_text(best)}) before you share anything or sign an agreement.")


def not_screened_result(name: str, reason: str, config: Config | None = None) -> dict[str, Any]:
    """The result for a name that could not be screened at all (the list data is unreadable)."""
    config = config or default_config()
    unscreened = [{"list": None, "reason": reason}]
    return {"query": " ".join(str(name).split()), "normalized": "", "threshold": config.threshold,
            "candidates": [], "outcome": "not_screened", "screened": False, "not_screened": unscreened,
            "stale_lists": [], "summary": _summary("not_screened", [], unscreened), "todo": "", "currency": [],
            "warnings": [],
            "disclaimer": DISCLAIMER}


def screen_for_assessment(names: list[str], config: Config | None = None) -> list[dict[str, Any]]:
    """One screening result per name, for the engine's ``{screening = ...}`` conditions.

    When the list data cannot be read, every name gets a "not_screened" result saying why,
    so the assessment never reads a failed screening as "no match".
    """
    try:
        return [screen_name(n, config) for n in names]
    except DatasetError as exc:
        return [not_screened_result(n, f"the list data cannot be read ({exc})", config) for n in names]


def stale_warnings(config: Config, today: _dt.date | None = None) -> list[str]:
    """A warning for every enabled list older than ``config.max_list_age_days`` (each list once)."""
    out = []
    for lid, meta in list_metadata()["lists"].items():
        if lid in config.disabled_lists or not is_stale(lid, config.max_list_age_days, today):
            continue
        out.append(f"{meta['label']} is as of {meta['as_of']}, older than {config.max_list_age_days} days: "
                   f"entries added since then are missing, and a match on it is only {STALE_MATCH}. "
                   f"Check the current list at {meta['url']}.")
    return out


def _people_index() -> Index:
    """The index over the listed individuals (a separate record kind), built on first use."""
    global _PEOPLE_INDEX  # noqa: PLW0603 - a per-process cache, as get_index()
    if _PEOPLE_INDEX is None:
        _PEOPLE_INDEX = Index(people())
    return _PEOPLE_INDEX


def screen_person(name: str, config: Config | None = None, *, threshold: float | None = None,
                  today: _dt.date | None = None) -> dict[str, Any]:
    """Screen a person's name against the individuals on the OFAC SDN list (``[screening] screen_people``).

    Off by default: with ``screen_people = false`` the result is "not_screened" and says why. A
    candidate at or above ``limits.PERSON_MATCH_THRESHOLD`` (stricter than for organisations) is a
    "possible_match" only: a name alone never identifies a person, so the office confirms it with
    the date of birth and nationality. Individuals are never matched by organisation screening.
    """
    config = config or default_config()
    threshold = PERSON_MATCH_THRESHOLD if threshold is None else threshold
    name = _check_name(name, threshold)
    reason = ""
    if not config.screen_people:
        reason = PEOPLE_OFF
    elif "us_ofac_sdn" in config.disabled_lists:
        reason = "the OFAC SDN list is switched off in this configuration ([screening] disabled_lists)"
    elif not people_present():
        reason = PEOPLE_ABSENT
    else:
        try:
            _people_index()
        except DatasetError as exc:
            reason = f"the list of individuals cannot be read ({exc})"
    unscreened = [{"list": "us_ofac_sdn", "reason": reason}] if reason else []
    candidates: list[dict[str, Any]] = []
    if not reason:
        index = _people_index()
        _, hits = index.search(name, limit=MAX_CANDIDATES, threshold=threshold)
        for hit in hits:
            if hit.relation != "same" or hit.detail not in ("exact", "tokens"):
                continue  # initials and part-of relations mean nothing for a person's name
            rec = index.records[hit.record]
            match = hit.score >= threshold
            candidates.append({
                "name": rec.name, "matched_alias": hit.alias, "score": hit.score, "match": match,
                "verdict": POSSIBLE_NAME_MATCH if match else "no match", "record_id": rec.id,
                "programs": rec.note,
                "lists": [{k: v for k, v in list_info(lid, config.max_list_age_days, today).items() if k != "outcome"}
                          for lid in rec.lists],
            })
    outcome = "not_screened" if reason else "possible_match" if any(c["match"] for c in candidates) else "none"
    todo = ""
    if reason:
        summary = f"Not screened: {reason}. This is not a clearance: ask the research security office."
    elif outcome == "possible_match":
        best = next(c for c in candidates if c["match"])
        summary = f"{best['name']}: {POSSIBLE_NAME_MATCH}."
        todo = (f"Ask the research security office to check whether \u201c{name}\u201d is the listed "
                f"{best['name']}: a name alone does not identify a person; the office compares the date of birth "
                "and nationality before the visit is arranged.")
    else:
        summary = "No listed individual reached the match threshold for people."
    warnings = [] if reason else [w for w in stale_warnings(config, today) if w.startswith(
        list_metadata()["lists"]["us_ofac_sdn"]["label"])]
    return {"query": name, "kind": "person", "normalized": normalized(name), "threshold": threshold,
            "candidates": candidates, "outcome": outcome, "screened": not reason, "not_screened": unscreened,
            "summary": summary, "todo": todo, "warnings": warnings, "disclaimer": DISCLAIMER}


# A group's numbered unit, typed as the group's name (or short form) and the unit's number: in Chinese
# (中国电子科技集团公司第二十九研究所; 中国船舶重工集团公司第七〇二研究所) or in Latin letters ("CETC No. 29 Research
# Institute", "AVIC 612"). The lists name these units in English with the number ("China Electronics Technology Group
# Corporation 29th Research Institute", "CSSC 702nd Research Institute") and often carry the group's Chinese name as the
# unit's only Chinese alias, so the typed name is read as: a listed entry whose name carries that number, and which the
# rest of the typed name finds.
_HAN_DIGITS = {"\u3007": 0, "\u96f6": 0, "\u4e00": 1, "\u4e8c": 2, "\u4e09": 3, "\u56db": 4, "\u4e94": 5,
               "\u516d": 6, "\u4e03": 7, "\u516b": 8, "\u4e5d": 9}  # (ling) 零 一 二 三 四 五 六 七 八 九
_HAN_TEN, _HAN_HUNDRED = "\u5341", "\u767e"  # 十 百
_HAN_NUMBERED = re.compile("\u7b2c?([\u3007\u96f6\u4e00\u4e8c\u4e09\u56db\u4e94\u516d\u4e03\u516b\u4e5d"
                           "\u5341\u767e0-9]{1,6})(\u7814\u7a76\u6240|\u7814\u7a76\u9662|\u6240|\u9662|"
                           "\u5de5?\u5382)$")  # 第 N 研究所 / 研究院 / 所 / 院 / (工)厂
_LATIN_NUMBER = re.compile(r"(?:\bNo\.?\s*)?\b(\d{1,3})(?:st|nd|rd|th)?\b", re.IGNORECASE)
_LATIN_UNIT_KIND = re.compile(r"\b(?:(?:scientific\s+)?research\s+institute|institute|research\s+academy|academy|"
                              r"factory|plant)\b", re.IGNORECASE)
_FACTORY_WORDS = frozenset({"factory", "plant"})
_UNIT_WORDS = frozenset({"research", "institute", "academy", "factory", "plant", "no"})
_NUMBERED_GROUP_SCORE = 0.8  # how well the typed name without its number must find the listed unit


def _han_number(text: str) -> int | None:
    """A number written in Chinese characters, or digits: 二十九 -> 29, 七〇二 and 七百零二 -> 702, 14 -> 14."""
    if text.isdigit():
        return int(text)
    if _HAN_TEN not in text and _HAN_HUNDRED not in text:
        return int("".join(str(_HAN_DIGITS[c]) for c in text)) if all(c in _HAN_DIGITS for c in text) else None
    total = digit = 0
    for c in text:
        if c in _HAN_DIGITS:
            digit = _HAN_DIGITS[c]
        elif c in (_HAN_TEN, _HAN_HUNDRED):
            total += (digit or 1) * (10 if c == _HAN_TEN else 100)
            digit = 0
        else:
            return None
    return total + digit


def _numbered_units(index: Index, name: str, allowed: set[int] | None,
                    threshold: float) -> list[tuple[int, int, str]]:
    """(record, alias, reason) of the listed numbered units that ``name``, a group's name and a number, can be: a few at
    most (INITIALS_OWNERS). The reason says how it was read; the caller shows each as a possible match."""
    text = " ".join(name.split())
    if HAN.search(text):
        m = _HAN_NUMBERED.search(text)
        if not m:
            return []
        number, group, factory = _han_number(m.group(1)), text[:m.start()], m.group(2).endswith("\u5382")
    else:
        numbers = _LATIN_NUMBER.findall(text)
        if len(numbers) != 1:
            return []
        number = int(numbers[0])
        rest = _LATIN_NUMBER.sub(" ", text)
        factory = bool(_FACTORY_WORDS.intersection(tokens(rest)))
        group = " ".join(_LATIN_UNIT_KIND.sub(" ", rest).replace("(", " ").replace(")", " ").split()).strip(" ,.-")
    if not number or not tokens(group):
        return []
    keys = {str(number), *ordinal_forms(str(number))}
    numbered: dict[int, int] = {}  # record -> its alias carrying the number
    for key in keys:
        for aid in index.postings.get(key, ()):
            rid = index.alias_record[aid]
            if (allowed is None or rid in allowed) and (not factory or _FACTORY_WORDS & set(index.alias_tokens[aid])):
                numbered.setdefault(rid, aid)
    if not numbered:
        return []
    # The records the rest of the typed name finds (the group, or the unit by the group's name it carries), and those
    # whose initials or short form it is ("CASC", "AVIC").
    _, hits = index.search(group, limit=SEARCH_DEPTH, allowed=allowed, threshold=threshold)
    groups = {h.record for h in hits if h.score >= threshold - POSSIBLE_BAND}
    if group.isascii() and group.isupper() and group.isalpha():
        groups |= set(index.initials_fit(group))
    # The words of their Latin names, without numbers and the kind of unit (the group's name, where a unit was found).
    group_words = [words for g in groups for a in index.record_aliases.get(g, ()) if not HAN.search(index.alias_text[a])
                   and len(words := {t for t in index.alias_tokens[a] if not any(c.isdigit() for c in t)} -
                           _UNIT_WORDS) >= 2 and words - GENERIC]
    fits = {rid for rid, aid in numbered.items()
            if rid in groups or any(words <= set(index.alias_tokens[a]) for a in index.record_aliases.get(rid, ())
                                    for words in group_words)}
    if not fits or len(fits) > INITIALS_OWNERS:
        return []
    return [(rid, numbered[rid], f"read as the unit numbered {number} of the group you named (\u201c{group}\u201d), "
                                 f"which the list names \u201c{index.alias_text[numbered[rid]]}\u201d") for rid in fits]

