"""The screening evaluation split: tune and held-out rows, fixed before the matcher is tuned.

Usage:
    python benchmarks/screening_eval_split.py --check          # the committed split is valid and unchanged
    python benchmarks/screening_eval_split.py --add rows.csv   # add new rows (query,expected,relation,kind,source)

The rows live in tests/data/screening/eval_tune.csv and eval_heldout.csv (columns
query, expected, relation, kind, source, origin; see tests/data/screening/README.md).
Rule of the split, deterministic and stratified by kind:
- every row of the older evaluation.csv (origin ``evaluation-2026-11``) is a tune row: the
  matcher was tuned on it before the split existed;
- the newer rows come in batches (``origin``); within each batch and kind the rows are ranked by
  SHA-256 of ``SALT + query``: even ranks are held out, odd ranks are tune rows. A later batch
  never moves a row of an earlier one (a held-out row seen while tuning is no longer held out).

The matcher is never tuned on the held-out rows: its author does not open eval_heldout.csv;
benchmarks/screening_quality.py prints only aggregate figures for it.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DATA = ROOT / "tests" / "data" / "screening"
LEGACY = DATA / "evaluation.csv"
TUNE = DATA / "eval_tune.csv"
HELDOUT = DATA / "eval_heldout.csv"
FIELDS = ("query", "expected", "relation", "kind", "source", "origin")
SALT = "screening-eval-2026-12:"
LEGACY_ORIGIN = "evaluation-2026-11"

# Kinds of spelling of a listed name (relation "direct").
DIRECT_KINDS = {
    "exact": "the listed name as the list writes it",
    "word_order": "the listed words in another order",
    "abbreviation": "abbreviated words (Univ., Inst., Tech.)",
    "spelling_variant": "spacing or spelling variants (Jiaotong / Jiao Tong)",
    "other_name": "another English name in use",
    "company_name": "a company's name without or with another legal form",
    "extra_words": "the name with extra words (campus, acronym in brackets, a lab or research arm)",
    "affiliation_line": "an affiliation line as printed in a paper (unit, institution, city, postcode, country)",
    "department": "a department, key laboratory or institute of the listed organisation",
    "school_of": "\"School of X, <listed university>\"",
    "status_affix": "official status prefixes and suffixes (National Research University, FSBEI HE, PLA, PJSC)",
    "named_after": "\"named after\" / \"имени\" / \"im.\" honorific forms",
    "former_name": "a former official name",
    "list_2026_only": "an entry as written in the 2026 edition of a list that first listed it then",
    "russian_full": "the full name in Russian (Cyrillic)",
    "russian_short": "a Russian short form or acronym (Cyrillic)",
    "transliteration": "a romanisation of the Russian, Persian or Korean name",
    "pinyin": "the Chinese name in pinyin",
    "chinese_simplified": "the full Chinese name in simplified characters",
    "chinese_traditional": "the Chinese name in traditional characters",
    "chinese_abbreviation": "a Chinese abbreviation (简称)",
    "chinese_brand": "a company brand written in Chinese",
    "korean_script": "the name in Korean Hangul",
    "persian_script": "the name in Persian script",
    "short_form": "an English short form",
    "acronym": "an acronym",
    "brand_name": "a brand or trading name in Latin script",
    "typo": "a typing error of the name",
}
# Kinds of unlisted names (relation "none") and of unlisted parents of a listed part ("related").
NONE_KINDS = {
    "unlisted_lookalike": "an unlisted organisation whose name resembles a listed one",
    "unlisted_university": "an unlisted university",
    "unlisted_well_known": "a well-known unlisted organisation",
    "unlisted_acronym_collision": "an unlisted organisation sharing a listed acronym",
    "unlisted_distinguishing_word": "\"X University of Technology / Normal\" beside a listed \"X University\"",
    "unlisted_shared_city": "an unlisted university in the same city as listed ones",
    "unlisted_shared_word": "an unlisted organisation sharing a distinctive word with listed ones",
    "unlisted_native": "an unlisted organisation written in Chinese, Russian, Persian or Korean script",
    "unlisted_company": "an unlisted company",
}
RELATED_KINDS = {"parent_of_listed": "an unlisted organisation one of whose parts is listed"}
KINDS = {**DIRECT_KINDS, **NONE_KINDS, **RELATED_KINDS}

_LEGACY_VARIANTS = {
    "exact": "exact", "acronym": "acronym", "abbreviation": "abbreviation", "typo": "typo",
    "word_order": "word_order", "english_short": "short_form", "alias": "other_name", "spacing": "spelling_variant",
    "spelling": "spelling_variant", "transliteration": "transliteration", "pinyin": "pinyin",
    "pinyin_short": "pinyin", "company": "company_name", "lookalike": "unlisted_lookalike",
    "unlisted_university": "unlisted_university", "well_known": "unlisted_well_known",
    "acronym_collision": "unlisted_acronym_collision", "parent_of_listed": "parent_of_listed",
    "unlisted_university_chinese": "unlisted_native", "unlisted_university_cyrillic": "unlisted_native",
    "unlisted_university_persian": "unlisted_native", "lookalike_chinese": "unlisted_native",
    "lookalike_persian": "unlisted_native",
}


def script_of(text: str) -> str:
    """The non-Latin script a name is written in, or "latin"."""
    for ch in text:
        o = ord(ch)
        if 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0xF900 <= o <= 0xFAFF:
            return "han"
        if 0xAC00 <= o <= 0xD7A3 or 0x1100 <= o <= 0x11FF or 0x3130 <= o <= 0x318F:
            return "hangul"
        if 0x0400 <= o <= 0x04FF:
            return "cyrillic"
        if 0x0600 <= o <= 0x06FF or 0xFB50 <= o <= 0xFEFF:
            return "arabic"
    return "latin"


def legacy_kind(variant: str, query: str, relation: str) -> str:
    """The kind of a row of evaluation.csv, from its variant (and script, for native forms)."""
    script = script_of(query)
    if variant == "company" and relation == "none":
        return "unlisted_company"
    if variant == "native":
        return {"han": "chinese_simplified", "cyrillic": "russian_full", "arabic": "persian_script",
                "hangul": "korean_script"}.get(script, "other_name")
    if variant == "native_short":
        return {"han": "chinese_abbreviation", "cyrillic": "russian_short"}.get(script, "short_form")
    return _LEGACY_VARIANTS[variant]


def read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def write(path: Path, rows: Iterable[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        out = csv.DictWriter(fh, fieldnames=FIELDS, lineterminator="\n")
        out.writeheader()
        for row in rows:
            out.writerow({k: row[k] for k in FIELDS})


def legacy_rows() -> list[dict[str, str]]:
    return [{"query": r["query"], "expected": r["expected"], "relation": r["relation"],
             "kind": legacy_kind(r["variant"], r["query"], r["relation"]),
             "source": f"evaluation.csv (2026-11-26), variant {r['variant']}", "origin": LEGACY_ORIGIN}
            for r in read(LEGACY)]


def rank_key(query: str) -> str:
    return hashlib.sha256((SALT + query).encode("utf-8")).hexdigest()


def split(rows: list[dict[str, str]]) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    """(tune, held-out): legacy rows are tune rows; the rows of each later batch (``origin``) alternate
    within each kind by hash rank, even ranks held out. A new batch never moves an earlier row."""
    tune = [r for r in rows if r["origin"] == LEGACY_ORIGIN]
    heldout: list[dict[str, str]] = []
    groups: dict[tuple[str, str], list[dict[str, str]]] = defaultdict(list)
    for r in rows:
        if r["origin"] != LEGACY_ORIGIN:
            groups[r["origin"], r["kind"]].append(r)
    for key in sorted(groups):
        ranked = sorted(groups[key], key=lambda r: rank_key(r["query"]))
        for n, r in enumerate(ranked):
            (heldout if n % 2 == 0 else tune).append(r)
    order = {id(r): i for i, r in enumerate(rows)}
    return sorted(tune, key=lambda r: order[id(r)]), sorted(heldout, key=lambda r: order[id(r)])


def problems(rows: list[dict[str, str]], listed: Callable[[str], bool]) -> list[str]:
    """What is wrong with the rows: unknown kinds, duplicates, expected names that are not listed,
    unlisted names that are listed. ``listed(name)`` says whether a name is a listed name or alias."""
    out = []
    seen: Counter[str] = Counter(" ".join(r["query"].split()) for r in rows)
    out += [f"duplicate query {q!r}" for q, n in seen.items() if n > 1]
    for r in rows:
        where = f"{r['query']!r} ({r['kind']})"
        if r["kind"] not in KINDS:
            out.append(f"{where}: unknown kind")
            continue
        want = "direct" if r["kind"] in DIRECT_KINDS else "related" if r["kind"] in RELATED_KINDS else "none"
        if r["relation"] != want:
            out.append(f"{where}: relation {r['relation']!r}, expected {want!r} for this kind")
        if not r["source"].strip():
            out.append(f"{where}: no source")
        if r["relation"] == "none":
            if r["expected"]:
                out.append(f"{where}: an unlisted name names an expected entity")
            if r["kind"] != "unlisted_acronym_collision" and listed(r["query"]):
                out.append(f"{where}: this name is listed: not an unlisted name")
        elif not listed(r["expected"]):
            out.append(f"{where}: expected {r['expected']!r} is not a listed name or alias")
    return out


def listed_names() -> Callable[[str], bool]:
    """True for a name whose normal form is the normal form of a listed record's name or alias."""
    from assessments.screening import get_index  # noqa: PLC0415 - only the checks need the dataset
    from assessments.screening.normalize import normalized  # noqa: PLC0415

    index = get_index()
    forms = {" ".join(index.alias_tokens[aid]) for aid, rid in enumerate(index.alias_record)
             if index.records[rid].lists}
    return lambda name: normalized(name) in forms


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="check the committed split (the default)")
    parser.add_argument("--add", type=Path, help="a CSV of new rows: query,expected,relation,kind,source")
    parser.add_argument("--origin", default="2026-12", help="the batch name of the added rows")
    args = parser.parse_args()
    current = read(TUNE) + read(HELDOUT) if TUNE.exists() and HELDOUT.exists() else legacy_rows()
    if args.add:
        new = [{**r, "origin": r.get("origin") or args.origin} for r in read(args.add)]
        rows = current + new
    else:
        rows = current
    found = problems(rows, listed_names())
    if found:
        print("\n".join(found), file=sys.stderr)
        print(f"{len(found)} problems: nothing written", file=sys.stderr)
        return 1
    tune, heldout = split(rows)
    if args.add:
        write(TUNE, tune)
        write(HELDOUT, heldout)
    else:
        same = [r["query"] for r in tune] == [r["query"] for r in read(TUNE)] and \
            [r["query"] for r in heldout] == [r["query"] for r in read(HELDOUT)]
        if not same:
            print("the committed split is not the split of its rows: regenerate it with --add", file=sys.stderr)
            return 1
    counts = Counter((("held-out" if r in heldout else "tune"), r["relation"]) for r in rows)
    print(f"{len(rows)} rows: tune {len(tune)} (direct {counts['tune', 'direct']}, none {counts['tune', 'none']}, "
          f"related {counts['tune', 'related']}); held-out {len(heldout)} (direct {counts['held-out', 'direct']}, "
          f"none {counts['held-out', 'none']}, related {counts['held-out', 'related']})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
