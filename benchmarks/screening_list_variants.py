"""Screening recall on spellings made from the lists' own names: a check of the matcher's rules that no one can tune
to by reading rows.

Usage:
    python benchmarks/screening_list_variants.py [--kinds K1,K2] [--misses] [--limit N]

The labelled evaluation (benchmarks/screening_quality_by_kind.py) holds a few hundred spellings written from papers,
filings and official sites. This script makes more, mechanically, from every listed name of the sets that matter most
(tools/screening_coverage.py's: DoD 1286 and 1260H whole; universities, research bodies and defence-industry
organisations on the Entity List and the SDN list), in the ways people rewrite a name:
- ``honorific_swap``: "named after" written "imeni" and back ("Moscow State Technical University imeni N.E. Bauman");
- ``person_first``: the person a body is named after put before its name, as English does ("Baranov Central Institute
  of Aviation Motors");
- ``status_dropped``: a Russian body's official status left out ("Federal State Budgetary Institution of Science");
- ``legal_form_dropped``: a company's legal form left out ("Co., Ltd.", "Joint Stock Company", "OAO");
- ``with_initials``: the name with its initials after it in brackets ("Harbin Institute of Technology (HIT)");
- ``affiliation_line``: a school's name inside a paper's affiliation line ("School of Physics, <name>, <country>");
- ``initials``: a school's initials typed alone, four letters or more ("NUDT"; three letters fit too many names);
- ``han_form_dropped``: a Chinese name without its company form (有限公司, 股份有限公司, 有限责任公司);
- ``cyrillic_status_dropped``: a Russian name in Cyrillic without its legal form or status (AO, PAO, FGUP,
  "Federalnoe gosudarstvennoe byudzhetnoe uchrezhdenie nauki") and its quotation marks;
- ``cyrillic_honorific_swap``: a Russian name's honorific written the other way (imeni or its abbreviation im.);
- ``punctuation``: the name without its apostrophes, hyphens, full stops and commas ("Xian Jiaotong University"), and
  with "and" for "&" or "&" for "and";
- ``typo``: one letter left out of the longest word of seven letters or more that is not a general word;
- ``academy_dropped``: an institute's name without the academy (or its branch) it belongs to ("... of the Russian
  Academy of Sciences", "..., Chinese Academy of Sciences", "RAS");
- ``place_added``: a name followed by its country, as an address ends ("<name>, Moscow, Russia" style: the country);
- ``city_dropped``: a Chinese company's name without the city or province it opens with and its legal form
  ("Hikvision Digital Technology" for "Hangzhou Hikvision Digital Technology Co., Ltd.");
- ``trade_words_dropped``: a Chinese company's name as the press and filings write it short, its place and its own
  words without its trade and general words and its legal form ("Hangzhou Hikvision" for "Hangzhou Hikvision Digital
  Technology Co., Ltd."; normalize.TRADE_WORDS);
- ``place_before``: a Chinese company's name that has no place, with a place before it that the record's own names
  give ("Anhui IFLYTEK" for the listed IFLYTEK, whose other listed name opens with Anhui);
- ``academy_abbreviated``: the academy a name ends or opens with written as its initials ("Institute of Physics, CAS",
  "... RAS"; in Chinese 中科院 for 中国科学院 and 所 for 研究所; in Russian RAN in Cyrillic);
- ``cyrillic_kind_abbreviated``: a Russian name's kind of body written as its usual initials in Cyrillic (NII for
  "nauchno-issledovatelskiy institut", TsNII, OKB, KB, NPO, NPP);
- ``romanised_kind_abbreviated``: the same in a romanised Russian name ("AO TsNII Avtomatiki i Gidravliki");
- ``honorific_abbreviated``: "named after" written "im.", "n.a." or "named for" ("Moscow State Technical University
  n.a. N.E. Bauman");
- ``person_initials_first``: the person's initials and surname before the name, without its status and legal form
  ("N.E. Bauman Moscow State Technical University");
- ``surname_in_brackets``: the surname alone in brackets after the name ("Moscow State Technical University (Bauman)");
- ``surname_after_comma``: the surname alone after a comma ("Moscow State Technical University, Bauman");
- ``status_added``: a Russian body's status written before or after its name, as the bodies write it in English
  ("Federal State Budgetary Educational Institution of Higher Education", "FSBEI HE", "(National Research
  University)"; for an institute or centre "Federal State Unitary Enterprise", "FSUE", "State Research Center of the
  Russian Federation", "Federal State Budgetary Institution of Science"), and a Chinese military school's "PLA" before
  it or "of the Chinese People's Liberation Army" after it;
- ``paper_abbreviated``: a school's or research body's name as the Web of Science writes it in a paper's address
  ("Natl Univ Def Technol", "Harbin Engn Univ", "Chinese Acad Engn Phys"): its words abbreviated as ISO 4 (the ISSN
  Centre's List of Title Word Abbreviations) or the Web of Science's address fields do, "of" and "the" left out,
  "&" for "and" (only names with at least two words it abbreviates);
- ``surname_and_kind``: the surname of the person a Russian body is named after with its kind of body alone, as papers
  and the press shorten it ("Tikhomirov Institute", "Nudelman Design Bureau", "Tupolev University");
- ``kind_named_after_surname``: the kind of body named after the surname, without initials ("Design Bureau named
  after Nudelman");
- ``short_name_imeni``: the kind of body (after its city when the name opens with one) with "imeni" or "im." and the
  surname in the genitive as the romanised names write it ("Kazan University imeni Tupoleva");
- ``romanised_kind_imeni``: the kind of body as romanised Russian writes it (KB, NII, NPO, NPP, Zavod) with "imeni"
  and the surname in the genitive ("KB imeni Nudelmana").
A spelling counts as flagged when its record is reported as a match or a possible match. A rule that fits the
evaluation's rows but not the way names are written shows here. Some spellings are ambiguous by nature (a body's
status left out of "Federal State Unitary Enterprise Plant No. 9"): the figures are for comparing one matcher with
the next, not a target. Nothing is written; the figures go to the standard output.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
for folder in (ROOT, ROOT / "tools"):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))

from screening_coverage import SETS, in_set  # noqa: E402 - tools/ is on sys.path

from assessments import default_config  # noqa: E402
from assessments.limits import MAX_SCREEN_NAME_LENGTH  # noqa: E402
from assessments.screening import get_index, screen_name  # noqa: E402
from assessments.screening.dataset import Record  # noqa: E402
from assessments.screening.index import is_place  # noqa: E402
from assessments.screening.normalize import (  # noqa: E402
    GENERIC,
    LEGAL_FORMS,
    SUBUNIT_WORDS,
    TRADE_WORDS,
    TYPE_WORDS,
    acronym,
    surname_stem,
    tokens,
)
from assessments.screening.scripts import places  # noqa: E402

_HONORIFIC = re.compile(r"^(?P<head>.+?)\s+(?P<mark>named after|imeni|im\.)\s+(?P<title>(?:academician|academic|"
                        r"professor|akademika|professora)\s+)?(?P<person>(?:[A-Z][a-z]?\.?\s?){0,3}[A-Z][\w'-]{2,})"
                        r"(?P<tail>.*)$", re.IGNORECASE)
_STATUS = re.compile(r"^(?:federal(?:noe)? (?:state|gosudarstvennoe)(?: \w+){0,4}? (?:institution|enterprise|"
                     r"uchrezhdenie|predpriyatie)(?: (?:of )?(?:higher (?:professional )?education|of science|nauki|"
                     r"vysshego obrazovaniya))?)\s+(?P<rest>.+)$", re.IGNORECASE)
_LEGAL_END = re.compile(r"^(?P<rest>.+?),?\s+(?:co\.?,?\s*ltd\.?|company limited|corporation limited|limited|"
                        r"corporation|corp\.?|inc\.?|llc|jsc|pjsc|oao|ao)$", re.IGNORECASE)
_LEGAL_START = re.compile(r"^(?:(?:public |open |closed )?joint[- ]stock company|jsc|pjsc|ojsc|oao|ao|zao|pao|ooo|"
                          r"aktsionernoe obshchestvo|publichnoe aktsionernoe obshchestvo)\s+(?P<rest>.+)$",
                          re.IGNORECASE)
_SCHOOL = re.compile(r"\b(?:university|institute|academy|college)\b", re.IGNORECASE)
COUNTRY = {"CN": "China", "RU": "Russia", "IR": "Iran", "KP": "North Korea", "BY": "Belarus", "HK": "Hong Kong"}


_RU_BODY = re.compile(r"\b(?:institute|center|centre|bureau|university|academy)\b", re.IGNORECASE)
_PLA_SCHOOL = re.compile(r"\b(?:military|army|naval|navy|air force|rocket force|armed police|strategic support|"
                         r"information engineering|logistics?|engineering university)\b", re.IGNORECASE)


def _status_added(name: str, rec: Record) -> Iterator[str]:
    """A Russian body's status written before or after its name as the bodies write it in English, in full and
    abbreviated; a Chinese military school's "PLA" before it or "of the Chinese People's Liberation Army" after it."""
    if not name.isascii() or _STATUS.match(name) or _LEGAL_START.match(name) or _LEGAL_END.match(name) or \
            len(name.split()) < 3 or "named after" in name.lower() or name.isupper():
        return
    if "RU" in rec.countries and _RU_BODY.search(name):
        if _SCHOOL.search(name) and re.search(r"\buniversity\b", name, re.IGNORECASE):
            yield f'Federal State Budgetary Educational Institution of Higher Education "{name}"'
            yield f"FSBEI HE \u00ab{name}\u00bb"
            yield f"{name} (National Research University)"
        else:
            yield f'Federal State Unitary Enterprise "{name}"'
            yield f"FSUE \u00ab{name}\u00bb"
            yield f"State Research Center of the Russian Federation {name}"
            if re.search(r"\binstitute\b", name, re.IGNORECASE):
                yield f"Federal State Budgetary Institution of Science {name}"
    elif "CN" in rec.countries and _SCHOOL.search(name) and _PLA_SCHOOL.search(name) and "PLA" not in name:
        yield f"PLA {name}"
        yield f"{name} of the Chinese People's Liberation Army"


def _honorific_swap(name: str, rec: Record) -> Iterator[str]:
    if not name.isascii():
        return
    if (m := _HONORIFIC.match(name)) and not m["tail"].strip():
        other = "imeni" if m["mark"].lower() == "named after" else "named after"
        yield f"{m['head']} {other} {m['title'] or ''}{m['person']}"


def _person_first(name: str, rec: Record) -> Iterator[str]:
    if not name.isascii():
        return
    if (m := _HONORIFIC.match(name)) and not m["tail"].strip():
        head = (s["rest"] if (s := _STATUS.match(m["head"])) else m["head"])
        head = (s["rest"] if (s := _LEGAL_START.match(head)) else head)
        surname = surname_stem(m["person"].replace(".", ". ").split()[-1].casefold()).title()  # Berga -> Berg
        if 2 <= len(head.split()) <= 8:
            yield f"{surname} {head}"


def _honorific_abbreviated(name: str, rec: Record) -> Iterator[str]:
    if not name.isascii():
        return
    if (m := _HONORIFIC.match(name)) and not m["tail"].strip():
        for other in ("im.", "n.a.", "named for"):
            if m["mark"].lower() != other:
                yield f"{m['head']} {other} {m['title'] or ''}{m['person']}"


def _named_after_parts(name: str) -> tuple[str, str, str] | None:
    """(the name before the honorific without its status and legal form, the person's initials, the surname in the
    nominative) of a name "named after" a person that ends with the person, else None."""
    if not name.isascii() or not (m := _HONORIFIC.match(name)) or m["tail"].strip():
        return None
    head = (s["rest"] if (s := _STATUS.match(m["head"])) else m["head"])
    head = (s["rest"] if (s := _LEGAL_START.match(head)) else head)
    person = m["person"].replace(".", ". ").split()
    last = person[-1].casefold()
    surname = (last if last.endswith(("sky", "skiy", "skii")) else surname_stem(last)).title()
    initials = "".join(f"{c}." for p in person[:-1] if len(p.strip(".")) <= 2 for c in p.strip("."))
    return (head, initials, surname) if 2 <= len(head.split()) <= 8 else None


def _person_initials_first(name: str, rec: Record) -> Iterator[str]:
    if (parts := _named_after_parts(name)) and parts[1]:
        yield f"{parts[1]} {parts[2]} {parts[0]}"


def _surname_in_brackets(name: str, rec: Record) -> Iterator[str]:
    if parts := _named_after_parts(name):
        yield f"{parts[0]} ({parts[2]})"


def _surname_after_comma(name: str, rec: Record) -> Iterator[str]:
    if parts := _named_after_parts(name):
        yield f"{parts[0]}, {parts[2]}"


# The kind of body a Russian name is, as its English name writes it: the first of these words in it ("Scientific
# Research Institute of Instrument Design": Institute; "Precision Engineering Design Bureau": Design Bureau).
_BODY_KIND = re.compile(r"\b(?:design bureau|bureau|institute|university|academy|center|centre|association|plant|"
                        r"factory|enterprise|works|complex|laboratory|college|school|shipyard|arsenal)\b",
                        re.IGNORECASE)
_INITIALS_FIRST = re.compile(r"^(?:(?:academician|academic)\s+)?(?:[A-Z]\.\s?){1,3}(?P<surname>[A-Z][A-Za-z'-]{2,})\s+"
                             r"(?P<rest>.+)$", re.IGNORECASE)
_OPENING_STATUS = re.compile(r"^federal (?:\w+ ){1,2}?(?:enterprise|institution) (?:the )?", re.IGNORECASE)


def _surname_and_kind_parts(name: str, rec: Record) -> tuple[str, str, str] | None:
    """(the surname a listed name is named after in the nominative, the kind of body it is, its place when its name
    opens with one) for a name written "... named after" a person ("Kazan National Research Technical University named
    after A.N. Tupolev") or with the person's initials first ("A.E. Nudelman Precision Engineering Design Bureau"),
    without its status and legal form, else None."""
    if parts := _named_after_parts(name):
        head, surname = parts[0], parts[2]
    else:
        if not name.isascii():
            return None
        rest = (s["rest"] if (s := _STATUS.match(name)) else name)
        rest = (s["rest"] if (s := _LEGAL_START.match(rest)) else rest)
        rest = (s["rest"] if (s := _LEGAL_END.match(rest)) else rest)
        if not (m := _INITIALS_FIRST.match(rest)) or not {"RU", "BY"} & set(rec.countries):
            return None
        head, surname = m["rest"], m["surname"].title()
    head = _OPENING_STATUS.sub("", head)
    if not (kind := _BODY_KIND.search(head)):
        return None
    first = head.split()[0].strip(",").casefold()
    place = head.split()[0].title() if kind.start() > 0 and is_place(first) else ""
    return surname, kind.group().title(), place


def _genitive(surname: str) -> str:
    """A Russian surname in the genitive as the romanised names write it after "imeni" ("Tupoleva", "Zhukovskogo"); a
    surname ending in a vowel as it is ("Ordzhonikidze")."""
    low = surname.casefold()
    if low.endswith("sky"):
        return surname[:-1] + "ogo"  # Zhukovsky: Zhukovskogo
    if low.endswith(("skiy", "skii", "skoy")):
        return surname[:-2] + "ogo"
    return surname if low[-1] in "aeiouy" else surname + "a"


def _surname_and_kind(name: str, rec: Record) -> Iterator[str]:
    if parts := _surname_and_kind_parts(name, rec):
        yield f"{parts[0]} {parts[1]}"


def _kind_named_after_surname(name: str, rec: Record) -> Iterator[str]:
    if parts := _surname_and_kind_parts(name, rec):
        yield f"{parts[1]} named after {parts[0]}"


def _short_name_imeni(name: str, rec: Record) -> Iterator[str]:
    if parts := _surname_and_kind_parts(name, rec):
        surname, kind, place = parts
        yield f"{place} {kind} imeni {_genitive(surname)}".strip()
        yield f"{place} {kind} im. {_genitive(surname)}".strip()


# A kind of body as the romanised Russian names write it, by its initials or its word (a research institute "NII", a
# design bureau "KB", a research and production association "NPO", a plant "Zavod").
_ROMANISED_KIND = {"Design Bureau": "KB", "Bureau": "KB", "Association": "NPO", "Enterprise": "NPP", "Plant": "Zavod",
                   "Factory": "Zavod", "Institute": "NII"}


def _romanised_kind_imeni(name: str, rec: Record) -> Iterator[str]:
    if (parts := _surname_and_kind_parts(name, rec)) and (kind := _ROMANISED_KIND.get(parts[1])) and \
            (kind != "NII" or re.search(r"\bresearch\b", name, re.IGNORECASE)):
        yield f"{kind} imeni {_genitive(parts[0])}"


def _status_dropped(name: str, rec: Record) -> Iterator[str]:
    if not name.isascii():
        return
    if (m := _STATUS.match(name)) and len(m["rest"].split()) >= 2:
        yield m["rest"]


def _legal_form_dropped(name: str, rec: Record) -> Iterator[str]:
    if not name.isascii():
        return
    rest = (m["rest"] if (m := _LEGAL_START.match(name)) else name)
    rest = (m["rest"] if (m := _LEGAL_END.match(rest)) else rest)
    if rest != name and len(rest.split()) >= 2:
        yield rest.strip(' "\u00ab\u00bb')


def _with_initials(name: str, rec: Record) -> Iterator[str]:
    if not name.isascii():
        return
    initials = acronym(name).upper()
    if 3 <= len(initials) <= 6 and len(name.split()) >= 3 and "(" not in name:
        yield f"{name} ({initials})"


def _affiliation_line(name: str, rec: Record) -> Iterator[str]:
    if not name.isascii():
        return
    country = next((COUNTRY[c] for c in rec.countries if c in COUNTRY), "")
    if country and _SCHOOL.search(name) and "," not in name and len(name.split()) <= 10:
        yield f"School of Physics, {name}, {country}"


def _initials(name: str, rec: Record) -> Iterator[str]:
    if not name.isascii():
        return
    initials = acronym(name).upper()
    if 4 <= len(initials) <= 8 and _SCHOOL.search(name) and not re.search(r"\b(?:co|ltd|company|corporation|"
                                                                            r"jsc|llc)\b", name, re.IGNORECASE):
        yield initials


_HAN_FORM = re.compile("(?:\u80a1\u4efd)?\u6709\u9650(?:\u8d23\u4efb)?\u516c\u53f8$")  # (股份)有限(责任)公司
# (P)AO, OAO, ZAO, OOO, FGUP, FGBU(N), FGBOU VO, or "Federalnoe gosudarstvennoe ... uchrezhdenie|predpriyatie
# (nauki)", in Cyrillic, before the name.
_CYR_STATUS = re.compile(
    "^(?:(?:\u041f?\u0410\u041e|\u041e\u0410\u041e|\u0417\u0410\u041e|\u041e\u041e\u041e|\u0424\u0413\u0423\u041f"
    "|\u0424\u0413\u0411\u0423\u041d?|\u0424\u0413\u0411\u041e\u0423 \u0412\u041e)"
    "|\u0424\u0435\u0434\u0435\u0440\u0430\u043b\u044c\u043d\u043e\u0435 \u0433\u043e\u0441\u0443\u0434\u0430"
    "\u0440\u0441\u0442\u0432\u0435\u043d\u043d\u043e\u0435(?: \\w+){1,3}?"
    " (?:\u0443\u0447\u0440\u0435\u0436\u0434\u0435\u043d\u0438\u0435|\u043f\u0440\u0435\u0434\u043f\u0440\u0438"
    "\u044f\u0442\u0438\u0435)(?: \u043d\u0430\u0443\u043a\u0438)?)\\s+(?P<rest>.+)$")


def _han_form_dropped(name: str, rec: Record) -> Iterator[str]:
    if not name.isascii() and (m := _HAN_FORM.search(name)) and m.start() >= 2:
        yield name[:m.start()]


def _cyrillic_status_dropped(name: str, rec: Record) -> Iterator[str]:
    if (m := _CYR_STATUS.match(name)) and len(m["rest"]) > 4:
        yield m["rest"].replace("\u00ab", "").replace("\u00bb", "").replace('"', "").strip()


_CYR_HONORIFIC = re.compile("(?<!\\w)(?:\u0438\u043c\u0435\u043d\u0438|\u0438\u043c\\.)(?= )")  # imeni, im.


def _cyrillic_honorific_swap(name: str, rec: Record) -> Iterator[str]:
    if m := _CYR_HONORIFIC.search(name):
        other = "\u0438\u043c." if m.group().startswith("\u0438\u043c\u0435") else "\u0438\u043c\u0435\u043d\u0438"
        yield name[:m.start()] + other + name[m.end():]


def _punctuation(name: str, rec: Record) -> Iterator[str]:
    if not name.isascii():
        return
    bare = " ".join(re.sub(r"[.,'\u2019]", "", name).replace("-", " ").split())
    if bare != name:
        yield bare
    if " & " in name:
        yield name.replace(" & ", " and ")
    elif " and " in name:
        yield name.replace(" and ", " & ", 1)


def _typo(name: str, rec: Record) -> Iterator[str]:
    if not name.isascii():
        return
    words = [w for w in re.findall(r"[A-Za-z]+", name) if len(w) >= 7 and w.casefold() not in GENERIC]
    if words:
        word = max(words, key=len)
        cut = len(word) // 2
        yield name.replace(word, word[:cut] + word[cut + 1:], 1)


_ACADEMY_END = re.compile(r"^(?P<rest>.+?)[,\s]+(?:of\s+)?(?:the\s+)?(?:(?:siberian|ural|far eastern?)\s+branch\s+"
                          r"(?:of\s+)?(?:the\s+)?)?(?:russian|chinese)\s+academy\s+of\s+sciences?$|"
                          r"^(?P<rest2>.+?)\s+(?:SB\s+|UB\s+|FEB\s+)?RAS$", re.IGNORECASE)


def _academy_dropped(name: str, rec: Record) -> Iterator[str]:
    if not name.isascii():
        return
    if (m := _ACADEMY_END.match(name)) and len((rest := m["rest"] or m["rest2"]).split()) >= 2:
        yield rest.rstrip(" ,")


def _place_added(name: str, rec: Record) -> Iterator[str]:
    country = next((COUNTRY[c] for c in rec.countries if c in COUNTRY), "")
    if name.isascii() and country and "," not in name and len(name.split()) >= 2:
        yield f"{name}, {country}"


def _city_dropped(name: str, rec: Record) -> Iterator[str]:
    if not name.isascii() or "CN" not in rec.countries:
        return
    words = (m["rest"] if (m := _LEGAL_END.match(name)) else name).split()
    if len(words) >= 3 and is_place(words[0].casefold().strip(",")) and not words[1].startswith("("):
        rest = " ".join(words[1:])
        if not _SCHOOL.search(rest) and rest.casefold() != words[1].casefold():
            yield rest


def _trade_words_dropped(name: str, rec: Record) -> Iterator[str]:
    if not name.isascii() or "CN" not in rec.countries or _SCHOOL.search(name):
        return
    words = (m["rest"] if (m := _LEGAL_END.match(name)) else name).replace(",", " ").split()
    # (A city or a province, not the country: "China X" is a national company's name, not a short form.)
    if len(words) < 3 or _city(words[0]) == "" or words[1].startswith("("):
        return
    for cut in range(2, len(words)):
        head, tail = [t for w in words[1:cut] for t in tokens(w)], [t for w in words[cut:] for t in tokens(w)]
        if all(t in TRADE_WORDS or t in LEGAL_FORMS for t in tail) and any(t in TRADE_WORDS for t in tail) and \
                any(t not in TRADE_WORDS and t not in GENERIC for t in head) and \
                words[cut - 1].casefold() not in LEGAL_FORMS and \
                not any(t in TYPE_WORDS or t in SUBUNIT_WORDS or t == "research" for t in head):
            yield " ".join(words[:cut])
            return


def _city(word: str) -> str:
    """The word as a city or province of the places file (or Beijing, Shanghai), normalised, else ""."""
    toks = tokens(word)
    return toks[0] if len(toks) == 1 and (toks[0] in places() or toks[0] in ("beijing", "shanghai")) else ""


def _place_before(name: str, rec: Record) -> Iterator[str]:
    if not name.isascii() or "CN" not in rec.countries or _SCHOOL.search(name):
        return
    rest = m["rest"] if (m := _LEGAL_END.match(name)) else name
    own = tokens(rest)
    # (A company's name: no kind of body, no unit, no number of one: "CETC 38" is a research institute.)
    if not own or any(is_place(t) or t in TYPE_WORDS or t in SUBUNIT_WORDS or t == "research" or not t.isalpha()
                      for t in own) or any(t in TYPE_WORDS or t in SUBUNIT_WORDS for t in tokens(rec.name)):
        return
    # (The city or province another of the record's own names opens with: never a guessed one.)
    named = [c for other in (rec.name, *rec.aliases) if other.isascii() and other.split()
             if (c := _city(other.split()[0]))]
    if named:
        yield f"{named[0].capitalize()} {rest}"


_ACADEMY_LONG = re.compile(r"(?:,\s*|\s+of\s+(?:the\s+)?|\s+)(?P<which>Chinese|Russian)\s+Academy\s+of\s+Sciences?\b",
                           re.IGNORECASE)
_ZH_CAS = "\u4e2d\u56fd\u79d1\u5b66\u9662"  # 中国科学院
_ZH_CAS_SHORT = "\u4e2d\u79d1\u9662"  # 中科院
_ZH_INSTITUTE = "\u7814\u7a76\u6240"  # 研究所
_RU_ACADEMY = re.compile("\u0420\u043e\u0441\u0441\u0438\u0439\u0441\u043a\u043e\u0439 \u0430\u043a\u0430\u0434"
                         "\u0435\u043c\u0438\u0438 \u043d\u0430\u0443\u043a")  # Российской академии наук


def _academy_abbreviated(name: str, rec: Record) -> Iterator[str]:
    if name.isascii():
        if (m := _ACADEMY_LONG.search(name)) and m.start() > 0:
            short = "CAS" if m["which"].casefold() == "chinese" else "RAS"
            yield f"{name[:m.start()]}, {short}{name[m.end():]}".strip(" ,")
    elif _ZH_CAS in name and name.endswith(_ZH_INSTITUTE):
        yield name.replace(_ZH_CAS, _ZH_CAS_SHORT)[: -len(_ZH_INSTITUTE)] + name[-1]
    elif _RU_ACADEMY.search(name):
        yield _RU_ACADEMY.sub("\u0420\u0410\u041d", name)  # RAN in Cyrillic


# Kinds of Russian body in full (nominative, any case) -> their usual initials, both in Cyrillic.
_RU_KINDS = [(re.compile(full, re.IGNORECASE), short) for full, short in (
    ("\u0446\u0435\u043d\u0442\u0440\u0430\u043b\u044c\u043d\u044b\u0439 \u043d\u0430\u0443\u0447\u043d\u043e-"
     "\u0438\u0441\u0441\u043b\u0435\u0434\u043e\u0432\u0430\u0442\u0435\u043b\u044c\u0441\u043a\u0438\u0439 "
     "\u0438\u043d\u0441\u0442\u0438\u0442\u0443\u0442", "\u0426\u041d\u0418\u0418"),
    ("\u043d\u0430\u0443\u0447\u043d\u043e-\u0438\u0441\u0441\u043b\u0435\u0434\u043e\u0432\u0430\u0442\u0435"
     "\u043b\u044c\u0441\u043a\u0438\u0439 \u0438\u043d\u0441\u0442\u0438\u0442\u0443\u0442", "\u041d\u0418\u0418"),
    ("\u043e\u043f\u044b\u0442\u043d\u043e-\u043a\u043e\u043d\u0441\u0442\u0440\u0443\u043a\u0442\u043e\u0440"
     "\u0441\u043a\u043e\u0435 \u0431\u044e\u0440\u043e", "\u041e\u041a\u0411"),
    ("\u043a\u043e\u043d\u0441\u0442\u0440\u0443\u043a\u0442\u043e\u0440\u0441\u043a\u043e\u0435 "
     "\u0431\u044e\u0440\u043e", "\u041a\u0411"),
    ("\u043d\u0430\u0443\u0447\u043d\u043e-\u043f\u0440\u043e\u0438\u0437\u0432\u043e\u0434\u0441\u0442\u0432"
     "\u0435\u043d\u043d\u043e\u0435 \u043e\u0431\u044a\u0435\u0434\u0438\u043d\u0435\u043d\u0438\u0435",
     "\u041d\u041f\u041e"),
    ("\u043d\u0430\u0443\u0447\u043d\u043e-\u043f\u0440\u043e\u0438\u0437\u0432\u043e\u0434\u0441\u0442\u0432"
     "\u0435\u043d\u043d\u043e\u0435 \u043f\u0440\u0435\u0434\u043f\u0440\u0438\u044f\u0442\u0438\u0435",
     "\u041d\u041f\u041f"),
)]


def _cyrillic_kind_abbreviated(name: str, rec: Record) -> Iterator[str]:
    for full, short in _RU_KINDS:
        if full.search(name):
            yield full.sub(short, name, count=1)
            return


_RU_KINDS_LATIN = [(re.compile(full, re.IGNORECASE), short) for full, short in (
    (r"\btsentraln\w* nauchno[- ]issledovatel\w* institut\w*", "TsNII"),
    (r"\bnauchno[- ]issledovatel\w* institut\w*", "NII"),
    (r"\bopytno[- ]konstruktorsk\w* b[yi]?uro", "OKB"),
    (r"\bnauchno[- ]proizvodstvenn\w* ob\w*edinen\w*", "NPO"),
    (r"\bnauchno[- ]proizvodstvenn\w* predpri\w*", "NPP"),
    (r"\bkonstruktorsk\w* b[yi]?uro", "KB"),
)]


def _romanised_kind_abbreviated(name: str, rec: Record) -> Iterator[str]:
    if not name.isascii():
        return
    for full, short in _RU_KINDS_LATIN:
        if full.search(name):
            yield full.sub(short, name, count=1)
            return


# Words a paper's address abbreviates, as the Web of Science writes them ("Engn", "Technol", "Natl": its address
# fields) or ISO 4 does (the List of Title Word Abbreviations: "defence;def.", "physics;phys.", "nuclear-;nucl.",
# "aeronauti-;aeronaut.", "polytechni-;polytech."); checked 2026-12-07. Left out: words whose abbreviation stands
# for two words (WoS "Elect" is Electronic and Electrical), which no reader can expand alone.
_PAPER_WORDS = {
    "university": "Univ", "institute": "Inst", "technology": "Technol", "technological": "Technol",
    "science": "Sci", "sciences": "Sci", "national": "Natl", "engineering": "Engn", "defense": "Def",
    "defence": "Def", "physics": "Phys", "nuclear": "Nucl", "research": "Res", "academy": "Acad",
    "aeronautics": "Aeronaut", "astronautics": "Astronaut", "polytechnical": "Polytech", "polytechnic": "Polytech",
    "laboratory": "Lab", "center": "Ctr", "centre": "Ctr", "international": "Int", "department": "Dept",
}
_SCHOOL_WORDS = re.compile(r"\b(?:university|institute|academy|college|center|centre|laboratory)\b", re.IGNORECASE)


def _paper_abbreviated(name: str, rec: Record) -> Iterator[str]:
    if not name.isascii() or not _SCHOOL_WORDS.search(name) or name.isupper():
        return
    words = [w for w in re.findall(r"[A-Za-z0-9&'-]+", name) if w.casefold() not in ("of", "the", "for")]
    short = [_PAPER_WORDS.get(w.casefold(), "&" if w.casefold() == "and" else w) for w in words]
    if sum(1 for a, b in zip(words, short, strict=True) if b not in (a, "&")) >= 2:
        yield " ".join(short)


KINDS: dict[str, Callable[[str, Record], Iterator[str]]] = {
    "honorific_swap": _honorific_swap, "person_first": _person_first, "status_dropped": _status_dropped,
    "legal_form_dropped": _legal_form_dropped, "with_initials": _with_initials, "affiliation_line": _affiliation_line,
    "initials": _initials, "han_form_dropped": _han_form_dropped, "cyrillic_status_dropped": _cyrillic_status_dropped,
    "cyrillic_honorific_swap": _cyrillic_honorific_swap, "punctuation": _punctuation, "typo": _typo,
    "academy_dropped": _academy_dropped, "place_added": _place_added, "city_dropped": _city_dropped,
    "trade_words_dropped": _trade_words_dropped, "place_before": _place_before,
    "academy_abbreviated": _academy_abbreviated, "cyrillic_kind_abbreviated": _cyrillic_kind_abbreviated,
    "romanised_kind_abbreviated": _romanised_kind_abbreviated, "honorific_abbreviated": _honorific_abbreviated,
    "person_initials_first": _person_initials_first, "surname_in_brackets": _surname_in_brackets,
    "surname_after_comma": _surname_after_comma, "status_added": _status_added,
    "paper_abbreviated": _paper_abbreviated, "surname_and_kind": _surname_and_kind,
    "kind_named_after_surname": _kind_named_after_surname, "short_name_imeni": _short_name_imeni,
    "romanised_kind_imeni": _romanised_kind_imeni,
}


def spellings(kinds: list[str]) -> Iterator[tuple[str, str, int]]:
    """(kind, spelling, record index) for every listed Latin name of the sets, each spelling once."""
    index = get_index()
    seen: set[str] = set()
    for rid, rec in enumerate(index.records):
        if not rec.lists or not any(in_set(rec, s) for s in SETS):
            continue
        for name in (rec.name, *rec.aliases):
            for kind in kinds:
                for spelled in KINDS[kind](name, rec):
                    if len(spelled) > MAX_SCREEN_NAME_LENGTH:
                        continue  # (a name the screen refuses: the lists have a few)
                    key = " ".join(spelled.casefold().split())
                    if key not in seen:
                        seen.add(key)
                        yield kind, spelled, rid


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kinds", default=",".join(KINDS), help="comma-separated: " + ", ".join(KINDS))
    parser.add_argument("--misses", action="store_true", help="list the spellings not flagged")
    parser.add_argument("--limit", type=int, default=0, help="at most this many spellings of each kind")
    args = parser.parse_args()
    kinds = [k.strip() for k in args.kinds.split(",") if k.strip()]
    if unknown := [k for k in kinds if k not in KINDS]:
        parser.error(f"unknown kinds {unknown}: use {', '.join(KINDS)}")
    index, config = get_index(), default_config()
    by_id = {r.id: i for i, r in enumerate(index.records)}
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])  # kind -> [spellings, flagged, direct]
    misses: list[str] = []
    started = time.perf_counter()
    for kind, spelled, rid in spellings(kinds):
        figures = counts[kind]
        if args.limit and figures[0] >= args.limit:
            continue
        res = screen_name(spelled, config)
        reported = {by_id[c["record_id"]]: bool(c.get("match")) for c in res["candidates"]
                    if c.get("match") or c.get("possible")}
        figures[0] += 1
        figures[1] += rid in reported
        figures[2] += reported.get(rid, False)
        if rid not in reported:
            misses.append(f"{kind}: {spelled}  [{index.records[rid].name}]")
    print("| kind | spellings | flagged | direct |\n|---|---:|---:|---:|")
    total = [0, 0, 0]
    for kind in kinds:
        n, flagged, direct = counts[kind]
        total = [a + b for a, b in zip(total, counts[kind], strict=True)]
        if n:
            print(f"| {kind} | {n} | {flagged / n:.3f} | {direct / n:.3f} |")
    if total[0]:
        print(f"| all | {total[0]} | {total[1] / total[0]:.3f} | {total[2] / total[0]:.3f} |")
    print(f"\n{total[0]} spellings screened in {time.perf_counter() - started:.0f} s")
    if args.misses:
        print("\n" + "\n".join(misses))
    return 0


if __name__ == "__main__":
    sys.exit(main())
