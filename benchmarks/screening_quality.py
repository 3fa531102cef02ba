"""Screening quality on the labelled evaluation set: our matcher against two baselines.

Usage: python benchmarks/screening_quality.py [--threshold 0.86] [--sweep] [--misses]

This is the first set (evaluation.csv, which the matcher was tuned on). The figures by kind of
spelling, on the tune and the held-out split, with the possible-match band, come from
benchmarks/screening_quality_by_kind.py.

Every row of tests/data/screening/evaluation.csv has an expected relation:
``direct`` (a listed entity spelled another way: ``expected`` names it),
``related`` (an unlisted organisation one of whose parts is listed: ``expected``
names the listed part) or ``none`` (an unlisted organisation, most of them
look-alikes). Per method it prints:
- recall@1 / recall@3: share of direct rows whose listed entity is ranked first / in the top 3;
- direct precision and recall: a row's report is direct when some candidate is reported as a
  match, else related when some candidate is reported as related (what the result's outcome
  says). A report is right when the row has that relation and the expected entity is among the
  candidates reported so. Precision = right direct reports / direct reports; recall = direct
  rows with a right direct report / direct rows;
- related precision and recall, the same for related reports;
- false direct hits: rows not labelled direct that get a direct report.
Baselines (CPython only, benchmark dependency rapidfuzz): difflib's
SequenceMatcher ratio and rapidfuzz's token_set_ratio over the same aliases,
each best alias per record, with a match at the same threshold. They have no
notion of a part of an organisation; their related report is the usual review
band of a fuzzy screen: a best candidate scoring within RELATED_BAND below the
threshold ("check it").
"""

from __future__ import annotations

import argparse
import csv
import difflib
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assessments import default_config  # noqa: E402
from assessments.limits import MAX_CANDIDATES  # noqa: E402
from assessments.screening import get_index, screen_name  # noqa: E402
from assessments.screening.normalize import normalized  # noqa: E402

sys.path.insert(0, str(ROOT / "benchmarks"))
from screening_quality_by_kind import aliases, rapidfuzz_ranked  # noqa: E402 - one copy of the baselines' alias table

EVAL = ROOT / "tests" / "data" / "screening" / "evaluation.csv"
Ranking = list[tuple[int, float, str]]  # (record index, score, report: "direct", "related" or "")
RELATED_BAND = 0.10


def load_eval() -> list[dict[str, str]]:
    with EVAL.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def resolver() -> Callable[[str], set[int]]:
    """Record indexes whose name or an alias is the expected name (after normalisation)."""
    by_form: dict[str, set[int]] = {}
    for aid, rid in enumerate(get_index().alias_record):
        by_form.setdefault(" ".join(get_index().alias_tokens[aid]), set()).add(rid)
    return lambda expected: by_form.get(normalized(expected), set())


def ours(threshold: float) -> Callable[[str], Ranking]:
    index = get_index()
    by_id = {r.id: i for i, r in enumerate(index.records)}
    config = default_config()

    def rank(query: str) -> Ranking:
        res = screen_name(query, config, threshold=threshold)
        return [(by_id[c["record_id"]], c["score"],
                 "direct" if c["match"] else "related" if c["relation"] == "related" and c["lists"] else "")
                for c in res["candidates"]]
    return rank


def _report(score: float, threshold: float, first: bool) -> str:
    """A baseline's report: a match at the threshold; the best candidate in the band below it is "related"."""
    if score >= threshold:
        return "direct"
    return "related" if first and score >= threshold - RELATED_BAND else ""


def difflib_baseline(threshold: float) -> Callable[[str], Ranking]:
    texts, owners = aliases()
    lowered = [t.casefold() for t in texts]

    def rank(query: str) -> Ranking:
        q = query.casefold()
        best: dict[int, float] = {}
        sm = difflib.SequenceMatcher(autojunk=False)
        sm.set_seq2(q)
        for t, owner in zip(lowered, owners, strict=True):
            sm.set_seq1(t)
            if sm.real_quick_ratio() < 0.4 or sm.quick_ratio() < 0.4:
                continue
            s = sm.ratio()
            if s > best.get(owner, 0.0):
                best[owner] = s
        ranked = sorted(best.items(), key=lambda kv: -kv[1])[:MAX_CANDIDATES]
        return [(i, s, _report(s, threshold, n == 0)) for n, (i, s) in enumerate(ranked)]
    return rank


def rapidfuzz_baseline(threshold: float) -> Callable[[str], Ranking]:
    ranked = rapidfuzz_ranked()
    return lambda query: [(i, s, _report(s, threshold, n == 0)) for n, (i, s) in enumerate(ranked(query))]


def _ratio(a: int, b: int) -> float:
    return a / b if b else 1.0


def evaluate(rank: Callable[[str], Ranking], rows: list[dict[str, str]],
             targets: dict[str, set[int]]) -> dict[str, object]:
    direct = [r for r in rows if r["relation"] == "direct"]
    r1 = r3 = 0
    misses: list[str] = []
    false_hits: list[str] = []
    reported = {"direct": 0, "related": 0}   # rows with at least one report of the kind
    right = {"direct": 0, "related": 0}      # rows whose expected entity got the report of its relation
    for row in rows:
        ranking = rank(row["query"])
        want = targets.get(row["expected"], set())
        # The row's report is its outcome: direct when any candidate is a match, else related when any is.
        kinds = {k for _, _, k in ranking}
        kind = "direct" if "direct" in kinds else "related" if "related" in kinds else ""
        if kind:
            reported[kind] += 1
            if row["relation"] == kind and any(k == kind and i in want for i, _, k in ranking):
                right[kind] += 1
        if row["relation"] != "direct" and any(k == "direct" for _, _, k in ranking):
            false_hits.append(row["query"])
        if row["relation"] == "direct":
            ids = [i for i, _, _ in ranking]
            r1 += bool(ids[:1] and ids[0] in want)
            if want & set(ids[:3]):
                r3 += 1
            else:
                misses.append(f"{row['query']} ({row['variant']})")
    n = {kind: sum(r["relation"] == kind for r in rows) for kind in ("direct", "related")}
    return {"recall@1": r1 / len(direct), "recall@3": r3 / len(direct),
            "direct_precision": _ratio(right["direct"], reported["direct"]),
            "direct_recall": _ratio(right["direct"], n["direct"]),
            "related_precision": _ratio(right["related"], reported["related"]),
            "related_recall": _ratio(right["related"], n["related"]),
            "direct_hit_rate": right["direct"] / len(direct),
            "false_hits": len(false_hits), "negatives": len(rows) - len(direct), "positives": len(direct),
            "misses": misses, "false_hit_names": false_hits}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threshold", type=float, default=default_config().threshold)
    parser.add_argument("--sweep", action="store_true", help="our matcher at thresholds 0.70-0.95")
    parser.add_argument("--misses", action="store_true", help="list the missed positives and false hits")
    parser.add_argument("--ours-only", action="store_true", help="skip the (slow) baselines")
    args = parser.parse_args()
    rows = load_eval()
    resolve = resolver()
    targets = {r["expected"]: resolve(r["expected"]) for r in rows if r["expected"]}
    unresolved = [e for e, t in targets.items() if not t]
    if unresolved:
        print(f"error: expected names not in the dataset: {unresolved}", file=sys.stderr)
        return 1
    counts = {k: sum(r["relation"] == k for r in rows) for k in ("direct", "related", "none")}
    print(f"evaluation set: {len(rows)} rows: {counts['direct']} direct (spellings of listed entities), "
          f"{counts['related']} related and {counts['none']} none (unlisted); threshold {args.threshold}")
    print(f"{'method':34} {'recall@1':>8} {'recall@3':>8} {'direct P':>8} {'direct R':>8} "
          f"{'related P':>9} {'related R':>9} {'false direct':>12}")
    methods = [("ours (assessments.screening)", ours), ("difflib SequenceMatcher.ratio", difflib_baseline),
               ("rapidfuzz token_set_ratio", rapidfuzz_baseline)]
    for label, factory in methods[:1] if args.ours_only else methods:
        res = evaluate(factory(args.threshold), rows, targets)
        print(f"{label:34} {res['recall@1']:8.3f} {res['recall@3']:8.3f} {res['direct_precision']:8.3f} "
              f"{res['direct_recall']:8.3f} {res['related_precision']:9.3f} {res['related_recall']:9.3f} "
              f"{res['false_hits']:>6} / {res['negatives']}")
        if args.misses:
            print(f"    missed (not in top 3): {res['misses']}")
            print(f"    false direct hits: {res['false_hit_names']}")
    if args.sweep:
        print("\nours by threshold:")
        for t in (0.70, 0.75, 0.80, 0.83, 0.86, 0.88, 0.90, 0.95):
            res = evaluate(ours(t), rows, targets)
            print(f"  {t:.2f}: direct P {res['direct_precision']:.3f} R {res['direct_recall']:.3f}, "
                  f"related P {res['related_precision']:.3f} R {res['related_recall']:.3f}, "
                  f"false direct {res['false_hits']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
