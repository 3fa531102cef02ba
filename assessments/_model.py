"""The policy as typed, read-only values.

:mod:`._policy` parses and validates the TOML files and builds these; the
engine, the answer types and the build hooks read attributes, never raw
policy tables. Conditions (``ask_if``, ``when``) stay plain validated data:
nested tables as in the files (see :func:`._policy._check_condition`).
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

Condition = dict[str, Any]


def condition_leaves(cond: Condition | None) -> Iterator[Condition]:
    """Every leaf test of a condition, in order: ``{q=ID, <op>=...}`` or ``{screening=OUTCOME}``
    (``all``/``any`` lists and ``not`` are walked through)."""
    if not isinstance(cond, dict):
        return
    for op in ("all", "any"):
        if op in cond:
            for sub in cond[op]:
                yield from condition_leaves(sub)
            return
    if "not" in cond:
        yield from condition_leaves(cond["not"])
        return
    yield cond
"""A validated condition: ``{all=[...]}``, ``{any=[...]}``, ``{not=...}``, ``{screening=...}`` or a leaf."""


@dataclass(frozen=True)
class Option:
    value: str
    label: str

    def to_json(self) -> dict[str, str]:
        return {"value": self.value, "label": self.label}


CITATION_KINDS = ("law", "agency", "institutional")
"""What a source is: ``law`` (statute, regulation, executive order, or a list with legal effect),
``agency`` (a federal agency's or sponsor's policy, notice, FAQ or guidance: binding through award
terms, not by itself law) or ``institutional`` (a university's own policy or guidance)."""


@dataclass(frozen=True)
class Citation:
    name: str
    url: str = ""
    kind: str = "law"
    checked: str = ""
    """ISO date on which the citation was last checked against its source."""
    note: str = ""
    """What could not be verified, if anything (shown with the citation)."""

    def to_json(self) -> dict[str, str]:
        out = {"name": self.name}
        if self.url:
            out["url"] = self.url
        out["kind"] = self.kind
        out["checked"] = self.checked
        if self.note:
            out["note"] = self.note
        return out


@dataclass(frozen=True)
class Question:
    id: str
    section: str
    text: str
    type: str
    help: str = ""
    options: tuple[Option, ...] = ()
    ask_if: Condition | None = None
    screen_if: Condition | None = None
    """For a screened question: its names are screened only when this holds (``None``: always)."""
    required: bool = False
    unsure_todo: str = ""
    placeholder: str = ""
    max_length: int = 0
    guidance: str = ""
    # The keys of questions() JSON in their published order (as written in
    # questions.toml, then the defaults filled in): part of the contract.
    json_keys: tuple[str, ...] = field(default=(), compare=False, repr=False)

    def to_json(self) -> dict[str, Any]:
        """The question as ``python -m assessments questions`` prints it."""
        out: dict[str, Any] = {}
        for key in self.json_keys:
            value = getattr(self, key)
            if key == "options":
                value = [o.to_json() for o in value]
            elif key in ("ask_if", "screen_if"):
                value = copy.deepcopy(value)
            out[key] = value
        return out


@dataclass(frozen=True)
class Action:
    id: str
    title: str
    why: str
    form: str
    guidance: str = ""
    # Another action that does this one's job, offered in its place unless ``unless`` holds (a
    # visitor's screening covers the names of a plan without a collaboration): one form, not two.
    covered_by: str = ""
    unless: Any = None


@dataclass(frozen=True)
class Rule:
    id: str
    title: str
    explanation: str
    what_to_do: str
    tier: str
    when: Condition
    guidance: str
    actions: tuple[str, ...] = ()
    citations: tuple[Citation, ...] = ()
    unsure_tier: str = ""
    """The tier when the rule holds only if "not sure" answers are read as "yes" ("none": it does not
    fire then). Empty: moderate for rules of tier moderate or above, none for low rules."""
    unsure_why: str = ""
    """Why "not sure" does not call for at least moderate here (required for "low" and "none")."""
    sponsor_notes: tuple[tuple[str, str], ...] = ()
    """(sponsor id, what that federal sponsor requires or does) where sponsors differ."""
    measures: tuple[str, ...] = ()
    """Ids of the mitigation measures (policy/measures.toml) that usually address the risk."""

    @property
    def effective_unsure_tier(self) -> str:
        if self.unsure_tier:
            return self.unsure_tier
        return "none" if self.tier == "low" else "moderate"


@dataclass(frozen=True)
class Measure:
    id: str
    title: str
    what: str
    guidance: str = ""
    form: str = ""


@dataclass(frozen=True)
class CountryList:
    id: str
    title: str
    as_of: str
    countries: tuple[str, ...]
    citations: tuple[Citation, ...] = ()
    notes: str = ""


@dataclass(frozen=True)
class Policy:
    version: str
    as_of: str
    questions: tuple[Question, ...]
    question_index: dict[str, Question]
    rules: tuple[Rule, ...]
    rule_index: dict[str, Rule]
    actions: dict[str, Action]
    form_ids: tuple[str, ...]
    form_purposes: dict[str, str]
    country_lists: dict[str, CountryList]
    country_names: dict[str, str]
    measures: dict[str, Measure] = field(default_factory=dict)
    sponsors: dict[str, str] = field(default_factory=dict)
    """Sponsor ids a rule's sponsor_notes may use, with their names (the options of ``sponsor_question``)."""
    sponsor_question: str = ""
    """The question whose answer lists the researcher's sponsors (policy.toml ``sponsor_question``): a reason
    shows the sponsor notes of those sponsors only (of every sponsor when none is ticked)."""

    def guidance_pages(self) -> set[str]:
        """Every guide page the policy links to: from its questions, rules, actions and measures."""
        linked = (*self.questions, *self.rules, *self.actions.values(), *self.measures.values())
        return {item.guidance for item in linked if item.guidance}
