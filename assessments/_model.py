"""The policy as typed, read-only values.

:mod:`._policy` parses and validates the TOML files and builds these; the
engine, the answer types and the build hooks read attributes, never raw
policy tables. Conditions (``ask_if``, ``when``) stay plain validated data:
nested tables as in the files (see :func:`._policy._check_condition`).
"""

from __future__ import annotations

import copy
import datetime as _dt
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


SOURCE_KINDS = ("law", "agency", "institutional", "secondary")
"""What a source is: ``law`` (statute, regulation, executive order, or a list with legal effect),
``agency`` (a federal agency's or sponsor's policy, notice, FAQ or guidance: binding through award
terms, not by itself law), ``institutional`` (a university's own policy or guidance) or ``secondary``
(a law firm's, university's or publisher's account of someone else's text)."""
CITATION_KINDS = SOURCE_KINDS
VERIFICATION = ("text", "summary", "unverified")
"""How a source was checked: its own text was read (``text``), only a secondary summary of it
(``summary``), or it could not be read here (``unverified``)."""


@dataclass(frozen=True)
class Citation:
    """A source as a result, the rules table and a page show it: what it is and when it was checked."""

    name: str
    url: str = ""
    kind: str = "law"
    checked: str = ""
    """ISO date on which the source was last checked."""
    id: str = ""
    """The source's id in policy/sources.toml."""
    ask_first: bool = False
    """The source could not be read here: a reason resting on it tells the researcher to ask the office
    before acting on it (what to do, not how far it was verified, which is for the office's review page)."""

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "name": self.name}
        if self.url:
            out["url"] = self.url
        out["kind"] = self.kind
        out["checked"] = self.checked
        if self.ask_first:
            out["ask_first"] = True
        return out


@dataclass(frozen=True)
class Source:
    """One entry of the registry (policy/sources.toml)."""

    id: str
    title: str
    url: str
    kind: str
    section: str
    """The section or paragraph relied on."""
    says: str
    """What it says, in one line (our paraphrase)."""
    checked: str
    verified: str
    """One of VERIFICATION."""
    how: str
    """How it was checked, and what was not verified."""
    review_days: int

    def citation(self) -> Citation:
        return Citation(name=self.title, url=self.url, kind=self.kind, checked=self.checked, id=self.id,
                        ask_first=self.verified == "unverified")

    def next_review(self) -> _dt.date:
        return _dt.date.fromisoformat(self.checked) + _dt.timedelta(days=self.review_days)

    def is_due(self, on: _dt.date) -> bool:
        return self.verified == "unverified" or self.next_review() <= on


@dataclass(frozen=True)
class Fact:
    """A legal fact stated in more than one place, written once (``{fact:ID}``, ``<!-- guide:fact ID -->``)."""

    id: str
    text: str
    sources: tuple[str, ...]


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
    sources: tuple[str, ...] = ()
    """Registry ids of the sources its text relies on."""
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
            elif key == "sources":
                value = list(value)
            out[key] = value
        return out


@dataclass(frozen=True)
class Action:
    id: str
    title: str
    why: str
    form: str
    guidance: str = ""
    sources: tuple[str, ...] = ()
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
    sources: tuple[str, ...] = ()


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
    activity_question: str = ""
    """The question whose answer lists what the plan involves (policy.toml ``activity_question``): a prefilled
    form's ``activities`` field shows its labels."""
    sources: dict[str, Source] = field(default_factory=dict)
    """The registry of sources (policy/sources.toml), by id."""
    facts: dict[str, Fact] = field(default_factory=dict)
    """Shared legal facts, by id."""
    cited: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Where the policy cites each source: source id to places (``rule:ID``, ``question:ID`` ...)."""

    def guidance_pages(self) -> set[str]:
        """Every guide page the policy links to: from its questions, rules, actions and measures."""
        linked = (*self.questions, *self.rules, *self.actions.values(), *self.measures.values())
        return {item.guidance for item in linked if item.guidance}
