"""Screening quality on the labelled evaluation set: our matcher against two baselines.

Usage: python benchmarks/screening_quality.py [--threshold 0.86] [--sweep] [--misses]

For every query of tests/data/screening/evaluation.csv (positives: a listed
entity spelled another way; negatives: unlisted organisations, many of them
look-alikes) it prints, per method:
- recall@1 / recall@3: share of positives whose listed entity is ranked first / in the top 3;
- false direct hits: negatives for which some candidate is reported as a match;
- missed direct hits: positives whose entity is in the top 3 but not reported as a match.
Baselines (CPython only, benchmark dependency rapidfuzz): difflib's
SequenceMatcher ratio and rapidfuzz's token_set_ratio over the same aliases,
each best alias per record, with a match at the same threshold.
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

EVAL = ROOT / "tests" / "data" / "screening" / "evaluation.csv"
Ranking = list[tuple[int, float, bool]]  # (record index, score, reported as a match)


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
        return [(by_id[c["record_id"]], c["score"], c["match"]) for c in res["candidates"]]
    return rank


def _aliases() -> tuple[list[str], list[int]]:
    index = get_index()
    texts, owners = [], []
    for i, r in enumerate(index.records):
        for a in (r.name, *r.aliases):
            texts.append(a)
            owners.append(i)
    return texts, owners


def difflib_baseline(threshold: float) -> Callable[[str], Ranking]:
    texts, owners = _aliases()
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
        return [(i, s, s >= threshold) for i, s in ranked]
    return rank


def rapidfuzz_baseline(threshold: float) -> Callable[[str], Ranking]:
    from rapidfuzz import fuzz, process, utils  # noqa: PLC0415 - benchmark-only dependency

    texts, owners = _aliases()
    processed = [utils.default_process(t) for t in texts]

    def rank(query: str) -> Ranking:
        found = process.extract(utils.default_process(query), processed, scorer=fuzz.token_set_ratio,
                                processor=None, limit=60)
        best: dict[int, float] = {}
        for _, score, pos in found:
            owner = owners[pos]
            best[owner] = max(best.get(owner, 0.0), score / 100)
        ranked = sorted(best.items(), key=lambda kv: -kv[1])[:MAX_CANDIDATES]
        return [(i, s, s >= threshold) for i, s in ranked]
    return rank


def evaluate(rank: Callable[[str], Ranking], rows: list[dict[str, str]],
             targets: dict[str, set[int]]) -> dict[str, object]:
    pos = [r for r in rows if r["kind"] == "positive"]
    neg = [r for r in rows if r["kind"] == "negative"]
    r1 = r3 = hits = 0
    misses: list[str] = []
    false_hits: list[str] = []
    for row in pos:
        ranking = rank(row["query"])
        ids = [i for i, _, _ in ranking]
        want = targets[row["expected"]]
        if ids[:1] and ids[0] in want:
            r1 += 1
        if want & set(ids[:3]):
            r3 += 1
        else:
            misses.append(f"{row['query']} ({row['variant']})")
        if any(m and i in want for i, _, m in ranking):
            hits += 1
    for row in neg:
        if any(m for _, _, m in rank(row["query"])):
            false_hits.append(row["query"])
    return {"recall@1": r1 / len(pos), "recall@3": r3 / len(pos), "direct_hit_rate": hits / len(pos),
            "false_hits": len(false_hits), "negatives": len(neg), "positives": len(pos),
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
    targets = {r["expected"]: resolve(r["expected"]) for r in rows if r["kind"] == "positive"}
    unresolved = [e for e, t in targets.items() if not t]
    if unresolved:
        print(f"error: expected names not in the dataset: {unresolved}", file=sys.stderr)
        return 1
    print(f"evaluation set: {sum(r['kind'] == 'positive' for r in rows)} positives, "
          f"{sum(r['kind'] == 'negative' for r in rows)} negatives; threshold {args.threshold}")
    print(f"{'method':34} {'recall@1':>8} {'recall@3':>8} {'hit rate':>8} {'false hits':>10}")
    methods = [("ours (assessments.screening)", ours), ("difflib SequenceMatcher.ratio", difflib_baseline),
               ("rapidfuzz token_set_ratio", rapidfuzz_baseline)]
    for label, factory in methods[:1] if args.ours_only else methods:
        res = evaluate(factory(args.threshold), rows, targets)
        print(f"{label:34} {res['recall@1']:8.3f} {res['recall@3']:8.3f} {res['direct_hit_rate']:8.3f} "
              f"{res['false_hits']:>4} / {res['negatives']}")
        if args.misses:
            print(f"    missed (not in top 3): {res['misses']}")
            print(f"    false direct hits: {res['false_hit_names']}")
    if args.sweep:
        print("\nours by threshold:")
        for t in (0.70, 0.75, 0.80, 0.83, 0.86, 0.88, 0.90, 0.95):
            res = evaluate(ours(t), rows, targets)
            print(f"  {t:.2f}: direct-hit rate {res['direct_hit_rate']:.3f}, false hits {res['false_hits']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
