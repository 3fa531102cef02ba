"""Screening quality by kind of spelling, on the tune and the held-out split, for our matcher and two baselines.

Usage:
    python benchmarks/screening_quality_by_kind.py [--split heldout|tune|both] [--methods ours,rapidfuzz,difflib]
        [--write] [--json PATH] [--markdown PATH] [--misses]

Rows: tests/data/screening/eval_tune.csv and eval_heldout.csv (see the README there). Every
candidate of a result is reported as one of:
- ``direct``: a match (the candidate's ``match`` is true);
- ``possible``: a possible match: the candidate says so (``outcome``/``kind`` "possible" or
  "possible_match", ``possible`` true, or a verdict starting "possible"). A result without that
  field has no possible matches: a candidate below the threshold is then no match;
- ``related``: a listed part or parent of the name (``relation`` "related" on a listed entry);
- nothing.
Baselines (difflib SequenceMatcher.ratio, rapidfuzz token_set_ratio, best alias per record) report
``direct`` at the threshold and ``possible`` in the band of POSSIBLE_BAND below it, the usual review
band of a fuzzy screen.

Per kind of listed spelling (relation ``direct``):
- flagged: share whose expected entity is reported direct or possible;
- direct: share whose expected entity is reported direct;
- first 3: share whose expected entity is among the first three candidates;
- wrong direct: rows with a direct report that does not name the expected entity.
Per kind of unlisted name (relation ``none``): false direct (any direct report), possible (a
possible report and no direct one) and raised (any report at all, related included). Related
rows (an unlisted parent of a listed part): share whose listed part is reported at all.

Held-out rows are never listed one by one (``--misses`` lists the tune split's only): the
matcher's author reads the held-out figures, never the held-out names.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import hashlib
import json
import os
import platform
import sys
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import screening_eval_split as split_data  # noqa: E402 - benchmarks/ is on sys.path

from assessments import default_config  # noqa: E402
from assessments.limits import MAX_CANDIDATES, POSSIBLE_BAND  # noqa: E402 - the baselines' band is the matcher's

JSON_OUT = ROOT / "docs" / "data" / "screening_quality.json"
MARKDOWN_OUT = ROOT / "docs" / "includes" / "screening-quality.md"
REPORTS = ("direct", "possible", "related")
Ranking = list[tuple[int, float, str]]  # (record index, score, report: one of REPORTS or "")
METHOD_LABELS = {"ours": "this site's matcher", "rapidfuzz": "rapidfuzz token_set_ratio",
                 "difflib": "difflib SequenceMatcher"}
METHOD_SHORT = {"ours": "ours", "rapidfuzz": "rapidfuzz", "difflib": "difflib"}
KIND_SHORT = {
    "exact": "as listed", "word_order": "word order", "abbreviation": "abbreviated words",
    "spelling_variant": "spelling variant", "other_name": "other English name", "company_name": "company name",
    "extra_words": "extra words", "affiliation_line": "affiliation line (paper)", "department": "department or lab",
    "school_of": "School of X, (listed)", "status_affix": "status prefix or suffix",
    "named_after": "named after / имени",
    "former_name": "former name", "list_2026_only": "entry new in 2026", "russian_full": "Russian full name",
    "russian_short": "Russian short form", "transliteration": "romanised name", "pinyin": "pinyin",
    "chinese_simplified": "Chinese (simplified)", "chinese_traditional": "Chinese (traditional)",
    "chinese_abbreviation": "Chinese abbreviation", "chinese_brand": "brand in Chinese",
    "korean_script": "Korean (Hangul)",
    "persian_script": "Persian script", "short_form": "English short form", "acronym": "acronym",
    "brand_name": "brand (Latin script)", "typo": "typo",
}
SCRIPT_LABELS = {"latin": "Latin", "han": "Chinese characters", "cyrillic": "Cyrillic", "arabic": "Persian/Arabic",
                 "hangul": "Korean Hangul"}


def candidate_report(candidate: Mapping[str, Any]) -> str:
    """How a screening result reports one candidate: "direct", "possible", "related" or ""."""
    if candidate.get("match"):
        return "direct"
    marks = {str(candidate.get(k, "")).lower() for k in ("outcome", "kind", "band")}
    verdict = str(candidate.get("verdict", "")).lower()
    if candidate.get("possible") is True or marks & {"possible", "possible_match"} or verdict.startswith("possible"):
        return "possible"
    if candidate.get("relation") == "related" and candidate.get("lists"):
        return "related"
    return ""


def ours(threshold: float) -> Callable[[str], Ranking]:
    from assessments.screening import get_index, screen_name  # noqa: PLC0415 - loads the dataset

    index = get_index()
    by_id = {r.id: i for i, r in enumerate(index.records)}
    config = default_config()

    def rank(query: str) -> Ranking:
        res = screen_name(query, config, threshold=threshold)
        return [(by_id[c["record_id"]], float(c["score"]), candidate_report(c)) for c in res["candidates"]]
    return rank


def baseline_report(score: float, threshold: float) -> str:
    if score >= threshold:
        return "direct"
    return "possible" if score >= threshold - POSSIBLE_BAND else ""


def aliases() -> tuple[list[str], list[int]]:
    """Every name and alias of the dataset, and the index of the record each belongs to (also
    benchmarks/screening_quality.py's)."""
    from assessments.screening import get_index  # noqa: PLC0415

    texts, owners = [], []
    for i, r in enumerate(get_index().records):
        for a in (r.name, *r.aliases):
            texts.append(a)
            owners.append(i)
    return texts, owners


def difflib_baseline(threshold: float) -> Callable[[str], Ranking]:
    """difflib's ratio, the best alias per record. The top candidates are found exactly but fast:
    aliases in order of an upper bound of ratio (the characters in common, as quick_ratio counts
    them), stopping when the bound falls below the worst of the candidates kept."""
    import difflib  # noqa: PLC0415
    import heapq  # noqa: PLC0415
    from collections import Counter  # noqa: PLC0415

    texts, owners = aliases()
    lowered = [t.casefold() for t in texts]
    counts = [Counter(t) for t in lowered]

    def rank(query: str) -> Ranking:
        q = query.casefold()
        qc = Counter(q)
        bounds = []
        for pos, ac in enumerate(counts):
            common = sum(min(n, ac[ch]) for ch, n in qc.items() if ch in ac)
            if common:
                bounds.append((2.0 * common / (len(q) + len(lowered[pos])), pos))
        bounds.sort(reverse=True)
        sm = difflib.SequenceMatcher(autojunk=False)
        sm.set_seq2(q)
        best: dict[int, float] = {}
        worst = 0.0
        for n, (bound, pos) in enumerate(bounds):
            if n % 64 == 0 and len(best) >= MAX_CANDIDATES:
                # Recomputed now and then: the worst kept score only grows, so a late update stops late, never wrong.
                worst = heapq.nlargest(MAX_CANDIDATES, best.values())[-1]
            if bound < worst:
                break
            sm.set_seq1(lowered[pos])
            s = sm.ratio()
            owner = owners[pos]
            if s > best.get(owner, 0.0):
                best[owner] = s
        ranked = sorted(best.items(), key=lambda kv: -kv[1])[:MAX_CANDIDATES]
        return [(i, s, baseline_report(s, threshold)) for i, s in ranked]
    return rank


def rapidfuzz_ranked() -> Callable[[str], list[tuple[int, float]]]:
    """rapidfuzz's token_set_ratio, the best alias per record: the first MAX_CANDIDATES records and their
    scores (0-1). Also benchmarks/screening_quality.py's baseline."""
    from rapidfuzz import fuzz, process, utils  # noqa: PLC0415 - benchmark-only dependency

    texts, owners = aliases()
    processed = [utils.default_process(t) for t in texts]

    def ranked(query: str) -> list[tuple[int, float]]:
        found = process.extract(utils.default_process(query), processed, scorer=fuzz.token_set_ratio,
                                processor=None, limit=60)
        best: dict[int, float] = {}
        for _, score, pos in found:
            owner = owners[pos]
            best[owner] = max(best.get(owner, 0.0), score / 100)
        return sorted(best.items(), key=lambda kv: -kv[1])[:MAX_CANDIDATES]
    return ranked


def rapidfuzz_baseline(threshold: float) -> Callable[[str], Ranking]:
    ranked = rapidfuzz_ranked()
    return lambda query: [(i, s, baseline_report(s, threshold)) for i, s in ranked(query)]


METHODS: dict[str, Callable[[float], Callable[[str], Ranking]]] = {
    "ours": ours, "rapidfuzz": rapidfuzz_baseline, "difflib": difflib_baseline}


def expected_records(targets: Callable[[str], set[int]], expected: str, probe: str) -> set[int]:
    """The listed records a development probe's row expects: ``expected`` is a listed name, or several separated
    by "|" when the lists carry the organisation as more than one record (any of them counts). Stops, naming the
    probe's file, when one of them is no listed name."""
    want: set[int] = set()
    for name in expected.split("|"):
        found = targets(name)
        if not found:
            raise SystemExit(f"{probe}: {name!r} is no listed name")
        want |= found
    return want


def flagged_direct(ranking: Ranking, want: set[int]) -> tuple[bool, bool]:
    """Whether a ranking reports one of the expected records as a match or a possible match, and as a match."""
    return (any(i in want and k in ("direct", "possible") for i, _, k in ranking),
            any(i in want and k == "direct" for i, _, k in ranking))


def resolver() -> Callable[[str], set[int]]:
    """Record indexes of listed records whose name or an alias is the expected name (by normal form)."""
    from assessments.screening import get_index  # noqa: PLC0415
    from assessments.screening.normalize import normalized  # noqa: PLC0415

    index = get_index()
    by_form: dict[str, set[int]] = {}
    for aid, rid in enumerate(index.alias_record):
        if index.records[rid].lists:
            by_form.setdefault(" ".join(index.alias_tokens[aid]), set()).add(rid)
    return lambda expected: by_form.get(normalized(expected), set())


def _share(hits: int, n: int) -> float | None:
    return round(hits / n, 3) if n else None


def score_rows(rows: Iterable[dict[str, str]], rankings: Iterable[Ranking],
               targets: Callable[[str], set[int]]) -> dict[str, Any]:
    """The figures of one method on some rows, given each row's ranking: overall, by kind, by script."""
    groups: dict[tuple[str, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    misses: list[str] = []
    for row, ranking in zip(rows, rankings, strict=True):
        relation = row["relation"]
        reports = {k for _, _, k in ranking if k}
        for key in (("all", relation), ("kind", row["kind"]), ("script", split_data.script_of(row["query"]))):
            g = groups[key[0] + ":" + key[1], relation]
            g["n"] += 1
            if relation == "none":
                g["false_direct"] += "direct" in reports
                g["possible"] += "possible" in reports and "direct" not in reports
                g["raised"] += bool(reports)
                continue
            want = targets(row["expected"])
            flagged = {i for i, _, k in ranking if k}
            if relation == "related":
                g["reported"] += bool(want & flagged)
                continue
            direct = {i for i, _, k in ranking if k == "direct"}
            g["flagged"] += bool(want & {i for i, _, k in ranking if k in ("direct", "possible")})
            g["direct"] += bool(want & direct)
            g["top3"] += bool(want & {i for i, _, _ in ranking[:3]})
            g["wrong_direct"] += bool(direct) and not want & direct
        if relation == "direct" and not targets(row["expected"]) & {i for i, _, k in ranking if k in ("direct",
                                                                                                  "possible")}:
            misses.append(f"{row['query']} ({row['kind']})")
        elif relation == "none" and any(k == "direct" for _, _, k in ranking):
            misses.append(f"false direct: {row['query']} ({row['kind']})")
        elif relation == "none" and any(k == "possible" for _, _, k in ranking):
            misses.append(f"possible on unlisted: {row['query']} ({row['kind']})")
    out: dict[str, Any] = {"overall": {}, "by_kind": {}, "by_script": {}, "misses": misses}
    for (name, relation), g in sorted(groups.items()):
        level, key = name.split(":", 1)
        n = g["n"]
        if relation == "direct":
            fig = {"n": n, "flagged": _share(g["flagged"], n), "direct": _share(g["direct"], n),
                   "first3": _share(g["top3"], n), "wrong_direct": g["wrong_direct"]}
        elif relation == "none":
            fig = {"n": n, "false_direct": g["false_direct"], "false_direct_rate": _share(g["false_direct"], n),
                   "possible": g["possible"], "possible_rate": _share(g["possible"], n),
                   "raised": g["raised"], "raised_rate": _share(g["raised"], n)}
        else:
            fig = {"n": n, "reported": _share(g["reported"], n)}
        if level == "all":
            out["overall"][relation] = fig
        elif level == "kind":
            out["by_kind"][key] = fig
        else:
            out["by_script"].setdefault(key, {})[relation] = fig
    return out


def evaluate(method: str, rows: list[dict[str, str]], threshold: float,
             targets: Callable[[str], set[int]]) -> dict[str, Any]:
    rank = METHODS[method](threshold)
    return score_rows(rows, [rank(r["query"]) for r in rows], targets)


def _pct(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.2f}"


def _percent(value: float | None) -> str:
    """A rate on unlisted names as a percentage: 2 of 134 is 1.5 %, which two decimals would show as 0.01."""
    return "n/a" if value is None else f"{100 * value:.1f} %"


def markdown(report: dict[str, Any]) -> str:
    """The figures as Markdown tables (held-out first), for the Screening page to include."""
    lines = [f"<!-- generated by benchmarks/screening_quality_by_kind.py on {report['generated']}: do not edit -->", ""]
    for split_name in ("heldout", "tune"):
        split = report["splits"].get(split_name)
        if not split:
            continue
        methods = [m for m in METHOD_LABELS if m in split["methods"]]
        title = "Held-out split (never used to tune the matcher)" if split_name == "heldout" else "Tune split"
        res = split["methods"]
        lines += [f"**{title}**: {split['counts']['direct']} spellings of listed names, "
                  f"{split['counts']['none']} unlisted names, {split['counts']['related']} unlisted parents of "
                  f"listed parts; threshold {report['threshold']}.", ""]
        lines += ["Flagged: the listed entity is reported as a match or a possible match; direct: as a match; "
                  "first 3: among the first three candidates. "
                  + "; ".join(f"{METHOD_SHORT[m]}: {METHOD_LABELS[m]}" for m in methods) + ".", ""]
        head = "| how the name was written | names |" + "".join(
            f" {METHOD_SHORT[m]} flagged | {METHOD_SHORT[m]} direct | {METHOD_SHORT[m]} first 3 |" for m in methods)
        lines += [head, "|---|---:|" + "---:|---:|---:|" * len(methods)]
        kinds = sorted((k for k, f in res[methods[0]]["by_kind"].items() if "flagged" in f),
                       key=lambda k: KIND_SHORT.get(k, k).casefold())
        for kind in [*kinds, "all"]:
            figs = [res[m]["overall"]["direct"] if kind == "all" else res[m]["by_kind"][kind] for m in methods]
            label = "**all listed spellings**" if kind == "all" else KIND_SHORT.get(kind, kind)
            lines.append(f"| {label} | {figs[0]['n']} |" + "".join(
                f" {_pct(f['flagged'])} | {_pct(f['direct'])} | {_pct(f['first3'])} |" for f in figs))
        lines += ["", "| script | names |" + "".join(f" {METHOD_SHORT[m]} flagged | {METHOD_SHORT[m]} direct |"
                                                   for m in methods),
                  "|---|---:|" + "---:|---:|" * len(methods)]
        for script, label in SCRIPT_LABELS.items():
            figs = [res[m]["by_script"].get(script, {}).get("direct") for m in methods]
            if figs[0]:
                lines.append(f"| {label} | {figs[0]['n']} |" + "".join(
                    f" {_pct(f['flagged'])} | {_pct(f['direct'])} |" for f in figs))
        lines += ["", "| unlisted names: method | names | false direct match | possible match | raised at all |",
                  "|---|---:|---:|---:|---:|"]
        for m in methods:
            f = res[m]["overall"].get("none")
            if f:
                rates = [f"{f[k]} ({_percent(f[k + '_rate'])})" for k in ("false_direct", "possible", "raised")]
                lines.append(f"| {METHOD_LABELS[m]} | {f['n']} | " + " | ".join(rates) + " |")
        lines.append("")
    return "\n".join(lines)


def machine() -> dict[str, Any]:
    load = os.getloadavg() if hasattr(os, "getloadavg") else None
    return {"python": platform.python_version(), "system": f"{platform.system()} {platform.release()}",
            "cpus": os.cpu_count(), "load_average_1min": round(load[0], 2) if load else None}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threshold", type=float, default=default_config().threshold)
    parser.add_argument("--split", choices=("heldout", "tune", "both"), default="both")
    parser.add_argument("--methods", default="ours,rapidfuzz,difflib",
                        help="comma-separated: " + ", ".join(METHODS))
    parser.add_argument("--write", action="store_true", help=f"write {JSON_OUT.relative_to(ROOT)} and "
                                                             f"{MARKDOWN_OUT.relative_to(ROOT)} (with --json "
                                                             "or --markdown as well)")
    parser.add_argument("--json", type=Path, help="write the figures as JSON here")
    parser.add_argument("--markdown", type=Path, help="write the Markdown tables here")
    parser.add_argument("--misses", action="store_true", help="list the tune split's misses (never the held-out's)")
    parser.add_argument("--reuse", type=Path, help="an earlier JSON report: take the figures of the methods not "
                                                   "run now from it, where its rows and threshold are the same")
    parser.add_argument("--origins", help="only the rows of these batches (comma-separated `origin` values), to "
                                          "compare with a figure measured before a later batch was added")
    args = parser.parse_args()
    methods = [m.strip() for m in args.methods.split(",") if m.strip()]
    unknown = [m for m in methods if m not in METHODS]
    if unknown:
        parser.error(f"unknown methods {unknown}: use {', '.join(METHODS)}")
    splits = ("heldout", "tune") if args.split == "both" else (args.split,)
    targets = resolver()
    report: dict[str, Any] = {"generated": _dt.date.today().isoformat(), "threshold": args.threshold,
                              "possible_band_of_baselines": POSSIBLE_BAND, "machine": machine(), "splits": {}}
    earlier = json.loads(args.reuse.read_text(encoding="utf-8")) if args.reuse else {"splits": {}}
    for name in splits:
        path = split_data.HELDOUT if name == "heldout" else split_data.TUNE
        rows = split_data.read(path)
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        if args.origins:
            wanted = {o.strip() for o in args.origins.split(",")}
            rows = [r for r in rows if r["origin"] in wanted]
            digest = hashlib.sha256(f"{digest} {sorted(wanted)}".encode()).hexdigest()
        counts = {rel: sum(r["relation"] == rel for r in rows) for rel in ("direct", "none", "related")}
        res = {}
        before = earlier["splits"].get(name, {})
        if before.get("rows_sha256") == digest and earlier.get("threshold") == args.threshold:
            res.update({m: f for m, f in before["methods"].items() if m not in methods})
        elif args.reuse:
            print(f"{name}: {args.reuse} was made from other rows or another threshold: nothing reused",
                  file=sys.stderr)
        for m in methods:
            res[m] = evaluate(m, rows, args.threshold, targets)
            misses = res[m].pop("misses")
            overall = res[m]["overall"]
            d, u = overall.get("direct", {}), overall.get("none", {})
            print(f"{name:8} {METHOD_LABELS[m]:28} listed: flagged {_pct(d.get('flagged'))} direct "
                  f"{_pct(d.get('direct'))} first3 {_pct(d.get('first3'))} wrong direct {d.get('wrong_direct')}; "
                  f"unlisted: false direct {u.get('false_direct')}/{u.get('n')} possible {u.get('possible')} "
                  f"raised {u.get('raised')}")
            if args.misses and name == "tune":
                print("    " + "\n    ".join(misses))
        report["splits"][name] = {"counts": counts, "rows_sha256": digest,
                                  "methods": {m: res[m] for m in METHODS if m in res}}
    table = markdown(report)
    print()
    print(table)
    # --write always writes the committed pair (the page's tables are markdown() of that JSON, and a test checks
    # they agree); --json and --markdown write copies elsewhere as well.
    json_text = json.dumps(report, indent=1, ensure_ascii=False) + "\n"
    outputs = [(args.json, json_text), (args.markdown, table)]
    if args.write:
        outputs += [(JSON_OUT, json_text), (MARKDOWN_OUT, table)]
    for path, text in outputs:
        if path:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
