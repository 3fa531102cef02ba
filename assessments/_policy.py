"""Load and validate the policy data shipped inside the package.

Policy is data: questions, rules, actions, form ids and country lists are TOML
files under ``assessments/policy``. Everything is checked on load; an error
names the file, the key and the reason.

The browser's copy of the package also carries ``policy/_parsed.json``, the
same files already parsed (written by the site build with :func:`parsed_policy_json`):
Python's TOML parser is pure Python and parsing sixty files is the largest part
of the engine's start in the browser. Only the parsing is skipped; validation
is the same either way.
"""

from __future__ import annotations

import datetime as _dt
import functools
import json
import re
from os import PathLike
from pathlib import Path
from typing import Any

from . import _sources
from ._errors import PolicyError
from ._model import (
    Action,
    Citation,
    CountryList,
    Measure,
    Option,
    Policy,
    Question,
    Rule,
    condition_leaves,
)
from ._resources import package_root
from .answer_types import TYPES, example_answer

__all__ = ["Policy", "answer_schema", "example_answers", "load_policy", "parsed_policy_json", "questions",
           "read_policy"]

TIERS = ("low", "moderate", "high", "prohibited")
QUESTION_TYPES = tuple(TYPES)
_ID = re.compile(r"^[a-z][a-z0-9_]*$")
# The guidance pages the engine may link to (page level: the pages are written
# separately, so anchors inside them are not relied on).
GUIDANCE_PAGES = frozenset({
    "index.md", "key-points.md", "planning-international-activities.md", "know-your-collaborator.md",
    "visitors.md", "red-flags.md", "what-you-provide.md", "travel.md", "money-and-roles.md", "sanctions.md",
    "screening.md", "contacts.md", "glossary.md", "self-assessment.md", "how-the-assessment-decides.md",
    "privacy.md", "checklists/index.md", "checklists/informal-collaboration.md", "checklists/visitor.md",
    "checklists/travel.md", "checklists/shipping.md", "checklists/international-engagements.md",
    "talent-programs.md", "federal-sponsors.md", "worked-examples.md", "research-group.md", "changes.md",
})
_GUIDANCE_FIX = "use one of the guide's pages, e.g. sanctions.md (no #anchor)"
# Country lists that the institution configuration supplies rather than the policy.
CONFIG_COUNTRY_LISTS = ("elevated_risk",)


def _shipped_root() -> Any:
    """The policy folder inside the package (a Traversable, so it works from a wheel too)."""
    return package_root().joinpath("policy")


PARSED_FILE = "_parsed.json"
_DATE_TAG = "$toml-date"  # JSON has no dates: TOML dates and date-times travel as tagged strings
_DATE_TYPES = {"date": _dt.date, "datetime": _dt.datetime, "time": _dt.time}


def _untag(obj: dict[str, Any]) -> Any:
    if len(obj) == 1 and _DATE_TAG in obj:
        type_name, text = obj[_DATE_TAG]
        return _DATE_TYPES[type_name].fromisoformat(text)
    return obj


class _Files:
    """One policy folder's files: its TOML files, or the pre-parsed tables that the browser's copy carries."""

    def __init__(self, root: Any) -> None:
        self.root = root
        path = root.joinpath(PARSED_FILE)
        self.parsed: dict[str, str] | None = json.loads(path.read_text("utf-8")) if path.is_file() else None

    def parse(self, rel: str) -> dict[str, Any]:
        # Imported here: the browser reads the pre-parsed policy and never loads the TOML parser.
        import tomllib  # noqa: PLC0415

        path = self.root.joinpath(*rel.split("/"))
        try:
            return tomllib.loads(path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as exc:
            raise PolicyError(f"policy/{rel}", "", f"not valid TOML: {exc}", "correct the syntax") from None

    def toml_files(self) -> list[str]:
        """Every .toml file under the folder, as paths relative to it."""
        found: list[str] = []

        def walk(node: Any, prefix: str) -> None:
            for child in node.iterdir():
                if child.is_dir():
                    walk(child, f"{prefix}{child.name}/")
                elif child.name.endswith(".toml"):
                    found.append(prefix + child.name)

        walk(self.root, "")
        return sorted(found)

    def read(self, rel: str) -> dict[str, Any]:
        if self.parsed is None:
            return self.parse(rel)
        if rel not in self.parsed:
            raise PolicyError(f"policy/{rel}", "", f"missing from policy/{PARSED_FILE}", "rebuild the site")
        return json.loads(self.parsed[rel], object_hook=_untag)

    def in_folder(self, folder: str) -> list[str]:
        """The .toml files directly inside ``folder``, as paths relative to the policy folder."""
        if self.parsed is not None:
            return sorted(rel for rel in self.parsed if rel.startswith(f"{folder}/") and rel.count("/") == 1)
        base = self.root.joinpath(folder)
        return sorted(f"{folder}/{p.name}" for p in base.iterdir() if p.name.endswith(".toml"))

    def names(self) -> set[str]:
        """The names of the files at the top of the folder."""
        if self.parsed is not None:
            return set(self.parsed)
        return {p.name for p in self.root.iterdir()}


def parsed_policy_json(root: str | PathLike[str] | None = None) -> str:
    """All policy files parsed, for the browser wheel: ``{relative path: JSON text of its table}``.

    Each table stays its own JSON text so that every load parses fresh objects
    (the conditions of the model are these tables).
    """

    def tag(value: Any) -> Any:
        if isinstance(value, _dt.date | _dt.datetime | _dt.time):
            return {_DATE_TAG: [type(value).__name__, value.isoformat()]}
        raise TypeError(f"cannot store {type(value).__name__} in {PARSED_FILE}")

    files = _files(root)
    tables = {rel: json.dumps(files.parse(rel), default=tag, ensure_ascii=False, sort_keys=True,
                              separators=(",", ":"))
              for rel in files.toml_files()}
    return json.dumps(tables, ensure_ascii=False, sort_keys=True, indent=0)


def _files(root: str | PathLike[str] | None) -> _Files:
    return _Files(_shipped_root() if root is None else Path(root))


def _require(table: dict[str, Any], key: str, expected: type | tuple[type, ...], where: str, path: str) -> Any:
    if key not in table:
        raise PolicyError(where, f"{path}{key}", "missing", f"add {key}")
    value = table[key]
    if not isinstance(value, expected) or (isinstance(value, bool) and expected is not bool):
        name = expected.__name__ if isinstance(expected, type) else "/".join(k.__name__ for k in expected)
        raise PolicyError(where, f"{path}{key}", f"must be {name}", f"give {key} as {name}")
    return value


def _allowed(table: dict[str, Any], keys: set[str], where: str, path: str) -> None:
    for key in table:
        if key not in keys:
            raise PolicyError(where, f"{path}{key}", "unknown key", f"use one of: {', '.join(sorted(keys))}")


def _optional(table: dict[str, Any], key: str, expected: type, where: str, path: str, *, default: Any) -> Any:
    return _require(table, key, expected, where, path) if key in table else default


def load_policy(root: str | PathLike[str] | None = None) -> Policy:
    """The validated policy: the package's own (read once and kept), or the policy folder ``root``.

    A folder given is read afresh on every call: tools and tests load edited copies.
    """
    return _shipped_policy() if root is None else read_policy(root)


@functools.cache
def _shipped_policy() -> Policy:
    return read_policy()


def read_policy(root: str | PathLike[str] | None = None) -> Policy:
    """Load and validate the policy folder ``root`` (default: the package's own), keeping nothing."""
    files = _files(root)
    meta = files.read("policy.toml")
    _allowed(meta, {"version", "as_of", "tiers", "sponsor_question", "activity_question"}, "policy/policy.toml", "")
    version = _require(meta, "version", str, "policy/policy.toml", "")
    as_of = _require(meta, "as_of", _dt.date, "policy/policy.toml", "")
    if tuple(_require(meta, "tiers", list, "policy/policy.toml", "")) != TIERS:
        raise PolicyError("policy/policy.toml", "tiers", "must be low, moderate, high, prohibited",
                          "the tier order is part of the public contract")

    registry = _Registry(*_sources.load_sources(files.read("sources.toml")))
    countries, names = _load_countries(files, registry)
    forms = _load_forms(files)
    actions = _load_actions(files, forms, registry)
    questions = _load_questions(files, registry)
    qindex = {q.id: q for q in questions}
    for q in questions:
        for key, cond in (("ask_if", q.ask_if), ("screen_if", q.screen_if)):
            if cond is None:
                continue
            _check_condition(cond, qindex, countries, "policy/questions.toml", f"question.{q.id}.{key}",
                             before=q.id)
            if _uses_screening(cond):
                raise PolicyError("policy/questions.toml", f"question.{q.id}.{key}",
                                  "a question cannot depend on screening results",
                                  "screening runs after the answers are in; use a rule instead")
    for action in actions.values():
        if action.unless is not None:
            _check_condition(action.unless, qindex, countries, "policy/actions.toml", f"actions.{action.id}.unless")
    per_partner = [q.id for q in questions if TYPES[q.type].per_partner]
    if len(per_partner) > 1:
        raise PolicyError("policy/questions.toml", f"question.{per_partner[1]}.type",
                          f"a second list of partners (after {per_partner[0]!r})",
                          "keep every partner in one partners question")
    sponsor_question = _options_question(meta, "sponsor_question", qindex, "the sponsors")
    activity_question = _options_question(meta, "activity_question", qindex, "what the plan involves")
    sponsors = {o.value: o.label for o in qindex[sponsor_question].options} if sponsor_question else {}
    measures = _load_measures(files, forms, registry)
    rules = _load_rules(files, qindex, countries, actions, measures, sponsor_ids=list(sponsors), registry=registry)
    return Policy(
        version=version,
        as_of=as_of.isoformat(),
        questions=tuple(questions),
        question_index=qindex,
        rules=tuple(rules),
        rule_index={r.id: r for r in rules},
        actions=actions,
        form_ids=tuple(sorted(forms)),
        form_purposes=forms,
        country_lists=countries,
        country_names=names,
        measures=measures,
        sponsors=sponsors,
        sponsor_question=sponsor_question,
        activity_question=activity_question,
        sources=registry.sources,
        facts=registry.facts,
        cited={sid: tuple(places) for sid, places in registry.cited.items()},
    )


class _Registry:
    """The sources and facts while the policy loads, and where each source is cited."""

    def __init__(self, sources: dict[str, Any], facts: dict[str, Any]) -> None:
        self.sources = sources
        self.facts = facts
        self.cited: dict[str, list[str]] = {sid: [] for sid in sources}

    def text(self, table: dict[str, Any], key: str, where: str, path: str, used: list[str], *,
             required: bool = True) -> str:
        """A text field with its ``{fact:ID}`` includes written out; the facts' sources go into ``used``."""
        raw = _require(table, key, str, where, path) if required or key in table else ""
        text, ids = _sources.expand(raw, self.facts, where, f"{path}{key}")
        used.extend(i for i in ids if i not in used)
        return text

    def cite(self, table: dict[str, Any], where: str, path: str, *, place: str, used: list[str],
             texts: tuple[str, ...]) -> tuple[str, ...]:
        """The ids under ``sources`` (optional), then those of included facts; legal text must cite one."""
        ids = list(_sources.cite(table.get("sources"), self.sources, where, f"{path}sources", required=False))
        ids += [i for i in used if i not in ids]
        _sources.check_cited(" ".join(texts), tuple(ids), where, f"{path}sources")
        for sid in ids:
            self.cited[sid].append(place)
        return tuple(ids)


def _options_question(meta: dict[str, Any], key: str, qindex: dict[str, Question], asks: str) -> str:
    """A question named in policy.toml whose answer must be a list of its own options ("" when not named)."""
    qid = _optional(meta, key, str, "policy/policy.toml", "", default="")
    qtype = TYPES[qindex[qid].type] if qid in qindex else None
    if qid and (qtype is None or not qtype.takes_options or not qtype.is_list):
        raise PolicyError("policy/policy.toml", key, f"{qid!r} is not a question whose answer is a list of its "
                          "own options", f"name the question that asks for {asks}")
    return qid


def _load_countries(files: _Files, registry: _Registry) -> tuple[dict[str, CountryList], dict[str, str]]:
    names_file = files.read("countries/_names.toml")
    names = names_file.get("names", {})
    if not names:
        raise PolicyError("policy/countries/_names.toml", "names", "missing", "add the ISO code table")
    lists: dict[str, CountryList] = {}
    for rel in files.in_folder("countries"):
        if rel.endswith("_names.toml"):
            continue
        where = f"policy/{rel}"
        data = files.read(rel)
        _allowed(data, {"id", "title", "as_of", "countries", "citations", "notes"}, where, "")
        lid = _require(data, "id", str, where, "")
        if lid in CONFIG_COUNTRY_LISTS:
            raise PolicyError(where, "id", f"{lid!r} comes from the institution configuration",
                              "choose another id")
        title = _require(data, "title", str, where, "")
        as_of = _require(data, "as_of", _dt.date, where, "")
        codes = _require(data, "countries", list, where, "")
        for i, code in enumerate(codes):
            if code not in names:
                raise PolicyError(where, f"countries[{i}]", f"{code!r} is not a known ISO code",
                                  "use an ISO 3166-1 alpha-2 code from _names.toml")
        citations = _check_citations(data, where, registry, f"list:{lid}")
        lists[lid] = CountryList(id=lid, title=title, as_of=as_of.isoformat(), countries=tuple(codes),
                                 citations=citations, notes=_optional(data, "notes", str, where, "", default=""))
    return lists, names


def _load_forms(files) -> dict[str, str]:
    data = files.read("forms.toml")
    out = {}
    for fid, entry in data.get("forms", {}).items():
        where = "policy/forms.toml"
        if not _ID.match(fid):
            raise PolicyError(where, f"forms.{fid}", "bad id", "use lower_snake_case")
        out[fid] = _require(entry, "purpose", str, where, f"forms.{fid}.")
    return out


def _load_actions(files: _Files, forms: dict[str, str], registry: _Registry) -> dict[str, Action]:
    data = files.read("actions.toml")
    where = "policy/actions.toml"
    out = {}
    for aid, entry in data.get("actions", {}).items():
        path = f"actions.{aid}."
        _allowed(entry, {"title", "why", "form", "guidance", "sources", "covered_by", "unless"}, where, path)
        title = _require(entry, "title", str, where, path)
        used: list[str] = []
        why = registry.text(entry, "why", where, path, used)
        cited = registry.cite(entry, where, path, place=f"action:{aid}", used=used, texts=(title, why))
        form = _require(entry, "form", str, where, path)
        if form not in forms:
            raise PolicyError(where, f"{path}form", f"unknown form {form!r}", "declare it in forms.toml")
        if "guidance" in entry and entry["guidance"] not in GUIDANCE_PAGES:
            raise PolicyError(where, f"{path}guidance", f"{entry['guidance']!r} is not a guide page", _GUIDANCE_FIX)
        covered_by = _optional(entry, "covered_by", str, where, path, default="")
        unless = _optional(entry, "unless", dict, where, path, default=None)
        out[aid] = Action(id=aid, title=title, why=why, form=form, guidance=entry.get("guidance", ""), sources=cited,
                          covered_by=covered_by, unless=unless)
    for aid, action in out.items():
        if action.covered_by and action.covered_by not in out:
            raise PolicyError(where, f"actions.{aid}.covered_by", f"unknown action {action.covered_by!r}",
                              "name an action of this file")
    return out


def _load_questions(files: _Files, registry: _Registry) -> list[Question]:
    data = files.read("questions.toml")
    where = "policy/questions.toml"
    questions = []
    seen: set[str] = set()
    keys = {"id", "section", "text", "type", "options", "help", "ask_if", "screen_if", "required", "unsure_todo",
            "placeholder", "max_length", "guidance", "sources"}
    for i, q in enumerate(data.get("question", [])):
        qid = _require(q, "id", str, where, f"question[{i}].")
        path = f"question.{qid}."
        _allowed(q, keys, where, path)
        if not _ID.match(qid) or qid in seen:
            raise PolicyError(where, f"{path}id", "duplicate or malformed id", "use a unique lower_snake_case id")
        seen.add(qid)
        used: list[str] = []
        text = registry.text(q, "text", where, path, used)
        help_text = registry.text(q, "help", where, path, used, required=False)
        unsure_todo = registry.text(q, "unsure_todo", where, path, used, required=False)
        section = _require(q, "section", str, where, path)
        qtype = _require(q, "type", str, where, path)
        if qtype not in TYPES:
            raise PolicyError(where, f"{path}type", f"unknown type {qtype!r}",
                              f"use one of: {', '.join(QUESTION_TYPES)}")
        atype = TYPES[qtype]
        options: list[Option] = []
        if atype.takes_options:
            for j, opt in enumerate(_require(q, "options", list, where, path)):
                if not isinstance(opt, dict) or not {"value", "label"} <= set(opt):
                    raise PolicyError(where, f"{path}options[{j}]", "needs value and label",
                                      "write {value=..., label=...}")
                _allowed(opt, {"value", "label"}, where, f"{path}options[{j}].")
                options.append(Option(value=_require(opt, "value", str, where, f"{path}options[{j}]."),
                                      label=registry.text(opt, "label", where, f"{path}options[{j}].", used)))
        elif "options" in q:
            raise PolicyError(where, f"{path}options", f"not used by type {qtype}", "remove it")
        if atype.unsure and not q.get("unsure_todo"):
            raise PolicyError(where, f"{path}unsure_todo", "missing",
                              "say what to find out, and how, when the answer is unsure")
        if "guidance" in q and q["guidance"] not in GUIDANCE_PAGES:
            raise PolicyError(where, f"{path}guidance", f"{q['guidance']!r} is not a guide page", _GUIDANCE_FIX)
        if not isinstance(q.get("required", False), bool):
            raise PolicyError(where, f"{path}required", "must be true or false", "write required = true")
        if "screen_if" in q and not atype.screens_names:
            raise PolicyError(where, f"{path}screen_if", f"not used by type {qtype}", "remove it")
        if "unsure_todo" in q and not atype.unsure:
            raise PolicyError(where, f"{path}unsure_todo", f"not used by type {qtype}", "remove it")
        # questions() prints the keys as written, then the defaults filled in (the published order).
        json_keys = [*q, *(k for k in ("required", "help", "max_length") if k not in q)]
        labels = tuple(o.label for o in options)
        cited = registry.cite(q, where, path, place=f"question:{qid}", used=used,
                              texts=(text, help_text, unsure_todo, *labels))
        if cited and "sources" not in json_keys:
            json_keys.append("sources")
        questions.append(Question(
            id=qid, section=section, text=text, type=qtype,
            help=help_text, sources=cited,
            options=tuple(options),
            ask_if=q.get("ask_if"),
            screen_if=q.get("screen_if"),
            required=q.get("required", False),
            unsure_todo=unsure_todo,
            placeholder=_optional(q, "placeholder", str, where, path, default=""),
            max_length=_optional(q, "max_length", int, where, path, default=atype.default_max_length),
            guidance=q.get("guidance", ""),
            json_keys=tuple(json_keys),
        ))
    if not questions:
        raise PolicyError(where, "question", "no questions", "add at least one [[question]]")
    return questions


def _load_measures(files: _Files, forms: dict[str, str], registry: _Registry) -> dict[str, Measure]:
    """Mitigation measures (policy/measures.toml), optional: without the file no rule lists measures."""
    if "measures.toml" not in files.names():
        return {}
    data = files.read("measures.toml")
    where = "policy/measures.toml"
    out = {}
    for mid, entry in data.get("measures", {}).items():
        path = f"measures.{mid}."
        if not _ID.match(mid):
            raise PolicyError(where, f"measures.{mid}", "bad id", "use lower_snake_case")
        _allowed(entry, {"title", "what", "guidance", "form", "sources"}, where, path)
        guidance = _optional(entry, "guidance", str, where, path, default="")
        if guidance and guidance not in GUIDANCE_PAGES:
            raise PolicyError(where, f"{path}guidance", f"{guidance!r} is not a guide page", _GUIDANCE_FIX)
        form = _optional(entry, "form", str, where, path, default="")
        if form and form not in forms:
            raise PolicyError(where, f"{path}form", f"unknown form {form!r}", "declare it in forms.toml")
        used: list[str] = []
        title = _require(entry, "title", str, where, path)
        what = registry.text(entry, "what", where, path, used)
        cited = registry.cite(entry, where, path, place=f"measure:{mid}", used=used, texts=(title, what))
        out[mid] = Measure(id=mid, title=title, what=what, guidance=guidance, form=form, sources=cited)
    return out


def _load_rules(files: _Files, qindex: dict[str, Question], countries: dict[str, CountryList],
                actions: dict[str, Action], measures: dict[str, Measure], *, sponsor_ids: list[str],
                registry: _Registry) -> list[Rule]:
    rules = []
    seen: set[str] = set()
    rels = files.in_folder("rules")
    if not rels:
        raise PolicyError("policy/rules", "", "no rule files", "add at least one rule")
    keys = {"id", "title", "explanation", "what_to_do", "tier", "when", "actions", "citations", "guidance",
            "unsure_tier", "unsure_why", "sponsor_notes", "measures"}
    for rel in rels:
        where = f"policy/{rel}"
        rule = files.read(rel)
        _allowed(rule, keys, where, "")
        rid = _require(rule, "id", str, where, "")
        if rid in seen or rel != f"rules/{rid}.toml":
            raise PolicyError(where, "id", "must be unique and match the file name", f"rename to rules/{rid}.toml")
        seen.add(rid)
        used: list[str] = []
        title, explanation, what_to_do = (registry.text(rule, key, where, "", used)
                                          for key in ("title", "explanation", "what_to_do"))
        tier = _require(rule, "tier", str, where, "")
        if tier not in TIERS:
            raise PolicyError(where, "tier", f"unknown tier {tier!r}", f"use one of: {', '.join(TIERS)}")
        guidance = _require(rule, "guidance", str, where, "")
        if guidance not in GUIDANCE_PAGES:
            raise PolicyError(where, "guidance", f"{guidance!r} is not a guide page", _GUIDANCE_FIX)
        when = _require(rule, "when", dict, where, "")
        _check_condition(when, qindex, countries, where, "when")
        action_ids = rule.get("actions", [])
        if not isinstance(action_ids, list):
            raise PolicyError(where, "actions", "must be a list", "write actions = [\"id\", ...]")
        for i, aid in enumerate(action_ids):
            if aid not in actions:
                raise PolicyError(where, f"actions[{i}]", f"unknown action {aid!r}", "declare it in actions.toml")
        citations = _check_citations(rule, where, registry, f"rule:{rid}", used)
        unsure_tier = _optional(rule, "unsure_tier", str, where, "", default="")
        unsure_why = _optional(rule, "unsure_why", str, where, "", default="")
        if unsure_tier and (unsure_tier not in (*TIERS, "none") or
                            (unsure_tier != "none" and TIERS.index(unsure_tier) > TIERS.index(tier))):
            raise PolicyError(where, "unsure_tier", f"{unsure_tier!r} is not a tier up to {tier!r}",
                              "use none, or a tier no higher than the rule's own")
        effective = unsure_tier or ("none" if tier == "low" else "moderate")
        if effective in ("none", "low") and tier != "low" and not unsure_why:
            raise PolicyError(where, "unsure_why", "missing",
                              '"not sure" must give at least moderate (the office checks first); '
                              "say why it does not here")
        notes = _optional(rule, "sponsor_notes", dict, where, "", default={})
        for sid, text in notes.items():
            if sid not in sponsor_ids:
                raise PolicyError(where, f"sponsor_notes.{sid}", "unknown sponsor",
                                  f"use one of: {', '.join(sponsor_ids)}")
            if not isinstance(text, str) or not text:
                raise PolicyError(where, f"sponsor_notes.{sid}", "must be text", "say what this sponsor requires")
        measure_ids = _optional(rule, "measures", list, where, "", default=[])
        for i, mid in enumerate(measure_ids):
            if mid not in measures:
                raise PolicyError(where, f"measures[{i}]", f"unknown measure {mid!r}", "declare it in measures.toml")
        if measures and not measure_ids:
            raise PolicyError(where, "measures", "missing", "list the measures that usually address this risk")
        rules.append(Rule(id=rid, title=title, explanation=explanation, what_to_do=what_to_do, tier=tier, when=when,
                          guidance=guidance, actions=tuple(action_ids), citations=citations,
                          unsure_tier=unsure_tier, unsure_why=unsure_why,
                          sponsor_notes=tuple(sorted(notes.items(), key=lambda kv: sponsor_ids.index(kv[0]))),
                          measures=tuple(measure_ids)))
    return rules


def _check_citations(table: dict[str, Any], where: str, registry: _Registry, place: str,
                     used: list[str] | None = None) -> tuple[Citation, ...]:
    """``citations``: at least one id from the registry (policy/sources.toml), each once."""
    ids = list(_sources.cite(table.get("citations"), registry.sources, where, "citations"))
    ids += [i for i in used or () if i not in ids]
    for sid in ids:
        registry.cited[sid].append(place)
    return _sources.citations(ids, registry.sources)


_LEAF_OPS = {"eq", "in", "any_in", "in_country_list", "answered"}
_SCREENING_OUTCOMES = ("prohibited", "high", "stale_match", "possible_match", "related", "not_screened")
# Which operators each question type accepts (answer_types.TYPES[...].operators).
# Together with the checks on the values below, this keeps every condition
# monotone: a riskier answer (yes over unsure over no, one more option ticked,
# one more country listed) can only make a condition true, never false.


def _check_condition(cond: Any, qindex: dict[str, Question], countries: dict[str, CountryList], where: str,
                     path: str, *, before: str | None = None) -> None:
    """A condition is {all=[...]}, {any=[...]}, {not=cond} or a leaf.

    Leaves: {q=ID, <op>=...} or {screening=OUTCOME}. ``before`` (for ask_if)
    is the asking question's id: a condition may only use earlier questions,
    which rules out cycles and keeps the questionnaire readable top to bottom.
    """
    if not isinstance(cond, dict) or not cond:
        raise PolicyError(where, path, "a condition must be a non-empty table", "see docs: how the assessment decides")
    for op in ("all", "any"):
        if op in cond:
            _allowed(cond, {op}, where, path + ".")
            items = cond[op]
            if not isinstance(items, list) or not items:
                raise PolicyError(where, f"{path}.{op}", "must be a non-empty list", "list the conditions")
            for i, sub in enumerate(items):
                _check_condition(sub, qindex, countries, where, f"{path}.{op}[{i}]", before=before)
            return
    if "not" in cond:
        _allowed(cond, {"not"}, where, path + ".")
        inner = cond["not"]
        # `not` would turn a riskier answer into a weaker result, except on a
        # choice question, whose options are alternatives rather than a scale.
        ok = (isinstance(inner, dict) and isinstance(inner.get("q"), str) and inner["q"] in qindex
              and TYPES[qindex[inner["q"]].type].negatable and set(inner) - {"q"} <= {"eq", "in"})
        if not ok:
            raise PolicyError(where, f"{path}.not", "`not` may only negate eq/in on a choice question",
                              "negating other conditions breaks monotonicity; list the options you mean with `in`")
        _check_condition(inner, qindex, countries, where, f"{path}.not", before=before)
        return
    if "screening" in cond:
        _allowed(cond, {"screening"}, where, path + ".")
        if cond["screening"] not in _SCREENING_OUTCOMES:
            raise PolicyError(where, f"{path}.screening", f"unknown screening outcome {cond['screening']!r}",
                              "use prohibited, high, stale_match, possible_match, related or not_screened")
        return
    _allowed(cond, {"q"} | _LEAF_OPS, where, path + ".")
    qid = cond.get("q")
    if qid not in qindex:
        raise PolicyError(where, f"{path}.q", f"unknown question {qid!r}", "use an id from questions.toml")
    if before is not None and list(qindex).index(qid) >= list(qindex).index(before):
        raise PolicyError(where, f"{path}.q", f"{qid!r} is not asked before {before!r}",
                          "a follow-up may only depend on earlier questions")
    ops = set(cond) - {"q"}
    if len(ops) != 1:
        raise PolicyError(where, path, "needs exactly one operator", f"use one of: {', '.join(sorted(_LEAF_OPS))}")
    (op,) = ops
    q = qindex[qid]
    atype = TYPES[q.type]
    if op not in atype.operators:
        raise PolicyError(where, f"{path}.{op}", f"operator {op!r} does not apply to a {q.type} question",
                          f"use one of: {', '.join(sorted(atype.operators))}")
    if op == "answered":
        if cond[op] is not True:
            raise PolicyError(where, f"{path}.answered", "must be true",
                              "`answered = false` would make giving an answer lower the result")
    elif op == "in_country_list":
        if cond[op] not in countries and cond[op] not in CONFIG_COUNTRY_LISTS:
            raise PolicyError(where, f"{path}.in_country_list", f"unknown country list {cond[op]!r}",
                              "use a list id from policy/countries/ or elevated_risk")
    else:
        if op == "eq":
            values = [cond[op]]
        elif isinstance(cond[op], list) and cond[op]:
            values = cond[op]
        else:
            raise PolicyError(where, f"{path}.{op}", "must be a non-empty list", "list the answers")
        allowed = atype.values(q)
        for v in values:
            if allowed is not None and v not in allowed:
                raise PolicyError(where, f"{path}.{op}", f"{v!r} is not an answer to {qid}",
                                  f"use one of: {', '.join(allowed)}")
        if atype.monotone_sets and set(values) not in atype.monotone_sets:
            raise PolicyError(where, f"{path}.{op}", f"tests {sorted(values)}: a riskier answer would not match",
                              'test "yes", or ["yes", "unsure"] (answers are ordered yes > unsure > no)')


def _uses_screening(cond: Any) -> bool:
    return any("screening" in leaf for leaf in condition_leaves(cond))


def questions() -> list[dict[str, Any]]:
    """The question set, JSON-ready, in display order."""
    return [q.to_json() for q in load_policy().questions]


def answer_schema() -> dict[str, Any]:
    """JSON Schema (2020-12) of an answers object."""
    policy = load_policy()
    props: dict[str, Any] = {}
    for q in policy.questions:
        schema = TYPES[q.type].schema(q, policy)
        schema["description"] = q.text
        props[q.id] = schema
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Answers to the research-security self-assessment",
        "type": "object",
        "properties": props,
        "additionalProperties": False,
        "required": [q.id for q in policy.questions if q.required],
    }


def example_answers(policy: Policy | None = None) -> dict[str, Any]:
    """An example answer to every question of the policy (default: the package's), keyed by question id."""
    return {q.id: example_answer(q) for q in (policy or load_policy()).questions}
