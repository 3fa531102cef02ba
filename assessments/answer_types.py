"""The answer types: one table, read by every part that handles answers.

Per type: its fixed values and their labels, the condition operators it
accepts and the answer sets a rule may test (monotonicity), its JSON Schema
fragment, how an answer is checked and cleaned, the widget that shows it on
the page (``overrides/partials/rs-widgets/<widget>.html``, read and written
by ``site_src/assessment-form.mjs`` and ``tests/support/ui.py`` by the same name),
and an example answer. The policy validator, :func:`assessments.answer_schema`,
the engine, the questionnaire template and the tests all read this table;
nothing else switches on a type name.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from ._errors import AnswerError
from ._model import Option, Policy, Question
from .limits import DEFAULT_TEXT_LENGTH, MAX_NAMES, MAX_PARTNERS

YES_NO_UNSURE_OPTIONS = (Option("yes", "Yes"), Option("no", "No"), Option("unsure", "Not sure"))
"""The values of a yes/no/unsure question and their labels on the page (the only copy)."""
YES_NO_OPTIONS = YES_NO_UNSURE_OPTIONS[:2]

WIDGETS = ("radio", "checkboxes", "country", "countries", "names", "text", "partners")
"""The widget kinds: each has a template ``overrides/partials/rs-widgets/<widget>.html``,
a reader/writer/clearer in ``site_src/assessment-form.mjs`` (``WIDGETS``) and a filler in
``tests/support/ui.py`` (``_FILL``)."""


@dataclass(frozen=True)
class AnswerType:
    name: str
    widget: str
    """The widget kind that shows and reads the answer (one of :data:`WIDGETS`)."""
    operators: frozenset[str]
    """The condition operators a rule or ``ask_if`` may apply to a question of this type."""
    clean: Callable[[Question, Any, Policy], Any]
    """Check an answer (raise :class:`AnswerError`) and return it cleaned."""
    schema: Callable[[Question, Policy], dict[str, Any]]
    """The JSON Schema of an answer, without its description."""
    example: Callable[[Question], Any]
    """A valid answer that exercises the question (asks its follow-ups where it can)."""
    options: tuple[Option, ...] | None = None
    """Fixed values and labels; ``None`` when the question lists its own or takes open input."""
    takes_options: bool = False
    """The question lists its ``options`` (value and label each)."""
    monotone_sets: tuple[frozenset[str], ...] = ()
    """If not empty, the only answer sets an eq/in condition may test: each is upward closed,
    so a riskier answer can only make the condition true."""
    is_list: bool = False
    """An answer is a list of values."""
    countries: bool = False
    """Values are ISO 3166-1 alpha-2 country codes from the policy's country table."""
    max_items: int = 0
    """Largest number of items in an answer (0: no limit beyond the choices)."""
    default_max_length: int = 0
    """Characters of free text (per item) when the question sets no ``max_length``; 0: no free text."""
    unsure: str = ""
    """The value that means "not sure" (empty: the type has none). The question must say what to find
    out then (``unsure_todo``); the answer adds that to-do, and a rule that would fire if the answer
    were ``unsure_reads_as`` fires at its unsure tier."""
    unsure_reads_as: str = ""
    """The value "not sure" is read as when a rule is tested at its unsure tier (the riskier answer)."""
    screens_names: bool = False
    """Each value is a name screened against the restricted-party lists."""
    negatable: bool = False
    """``not`` may negate an eq/in condition on it: its options are alternatives, not a scale."""
    per_partner: bool = False
    """An answer is a list of partners (``{"names": [...], "country": "XX"}`` each). A condition on it
    (``answered``, ``in_country_list`` on the partner's country) and a screening outcome of a partner's
    names are tested one partner at a time: a rule holds if it holds for at least one partner, and its
    reason names those partners. At most one question of the policy has such a type."""
    reads_old: tuple[tuple[Question, str], ...] = ()
    """Questions of an earlier questionnaire, each with the type its answers had, whose answers are read
    together as one item of an answer of this type, each into the item key given (``assessments._legacy``:
    old answers files and old tabs keep loading)."""

    def values(self, q: Question) -> list[str] | None:
        """The answers a condition may name, in display order; ``None`` if open."""
        if self.options is not None:
            return [o.value for o in self.options]
        if self.takes_options:
            return [o.value for o in q.options]
        return None

    def is_unsure(self, value: Any) -> bool:
        """Whether ``value`` is this type's "not sure" answer."""
        return bool(self.unsure) and value == self.unsure

    def read_unsure(self, value: Any) -> Any:
        """``value``, with "not sure" read as the riskier answer (``unsure_reads_as``)."""
        return self.unsure_reads_as if self.is_unsure(value) else value

    def choices(self, q: Question, policy: Policy) -> list[str] | None:
        """Every value an answer (or an item of a list answer) may take; ``None`` for free text."""
        if self.countries:
            return sorted(policy.country_names)
        return self.values(q)


# --- checks and cleaning (the messages are part of the answers contract) ------


def _wrong(q: Question, value: Any, expected: str) -> AnswerError:
    return AnswerError("answers", q.id, f"wrong type: expected {expected}, got {type(value).__name__}",
                       f"give {expected}")


def tidy_text(value: str, qid: str, max_length: int) -> str:
    """Unicode NFC, no control characters (ZWJ kept), single spaces; at most ``max_length`` characters."""
    text = unicodedata.normalize("NFC", value)
    # Control characters other than ordinary whitespace are never meaningful here.
    text = "".join(ch for ch in text if ch in "\t\n" or unicodedata.category(ch)[0] != "C" or ch == "\u200d")
    text = " ".join(text.split())
    if len(text) > max_length:
        raise AnswerError("answers", qid, f"longer than {max_length} characters ({len(text)})",
                          "shorten the text")
    return text


def _clean_one_of(q: Question, value: Any, policy: Policy) -> str:
    allowed = TYPES[q.type].values(q) or []
    if not isinstance(value, str):
        raise _wrong(q, value, "one of " + ", ".join(allowed))
    if value not in allowed:
        raise AnswerError("answers", q.id, f"{value[:40]!r} is not an option", f"use one of: {', '.join(allowed)}")
    return value


def _clean_multi(q: Question, value: Any, policy: Policy) -> list[str]:
    allowed = TYPES[q.type].values(q) or []
    if not isinstance(value, list):
        raise _wrong(q, value, "a list of options")
    for v in value:
        if not isinstance(v, str) or v not in allowed:
            raise AnswerError("answers", q.id, f"{str(v)[:40]!r} is not an option", f"use: {', '.join(allowed)}")
    return sorted(set(value), key=allowed.index)


def _clean_country(q: Question, value: Any, policy: Policy) -> str:
    if not isinstance(value, str):
        raise _wrong(q, value, "an ISO country code")
    code = value.strip().upper()
    if code not in policy.country_names:
        raise AnswerError("answers", q.id, f"{value[:20]!r} is not an ISO 3166-1 alpha-2 code", "e.g. DE, CN, RU")
    return code


def _clean_countries(q: Question, value: Any, policy: Policy) -> list[str]:
    if not isinstance(value, list):
        raise _wrong(q, value, "a list of ISO country codes")
    codes = []
    for v in value:
        if not isinstance(v, str) or v.strip().upper() not in policy.country_names:
            raise AnswerError("answers", q.id, f"{str(v)[:20]!r} is not an ISO 3166-1 alpha-2 code", "e.g. DE, CN")
        codes.append(v.strip().upper())
    return sorted(set(codes))


def _clean_names(q: Question, value: Any, policy: Policy) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        raise _wrong(q, value, "a list of names")
    if len(value) > MAX_NAMES:
        raise AnswerError("answers", q.id, f"more than {MAX_NAMES} names", "screen large batches from the command line")
    names = []
    for v in value:
        if not isinstance(v, str):
            raise _wrong(q, value, "a list of names (text)")
        text = tidy_text(v, q.id, q.max_length)
        if text and text not in names:
            names.append(text)
    return names


def _clean_partners(q: Question, value: Any, policy: Policy) -> list[dict[str, Any]]:
    """A list of ``{"names": [...], "country": "XX"}`` (country optional); each partner needs a name or a
    country. Names are cleaned like a names answer; all partners together hold at most MAX_NAMES names."""
    if not isinstance(value, list):
        raise _wrong(q, value, "a list of partners ({names, country} each)")
    if len(value) > MAX_PARTNERS:
        raise AnswerError("answers", q.id, f"more than {MAX_PARTNERS} partners",
                          "assess larger consortia with the research security office")
    partners: list[dict[str, Any]] = []
    total = 0
    for i, item in enumerate(value):
        where = f"partner {i + 1}"
        if not isinstance(item, dict):
            raise AnswerError("answers", q.id, f"{where}: wrong type: expected an object {{names, country}}, "
                              f"got {type(item).__name__}", 'give {"names": [...], "country": "XX"}')
        unknown = sorted(str(k)[:20] for k in item if k not in ("names", "country"))
        if unknown:
            raise AnswerError("answers", q.id, f"{where}: unknown key {unknown[0]!r}", "use names and country")
        names = item.get("names")
        names = [] if names is None else [names] if isinstance(names, str) else names
        if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
            raise AnswerError("answers", q.id, f"{where}: wrong type: expected a list of names (text)",
                              "give names as a list of text")
        clean_names: list[str] = []
        for n in names:
            text = tidy_text(n, q.id, q.max_length)
            if text and text not in clean_names:
                clean_names.append(text)
        partner: dict[str, Any] = {"names": clean_names}
        country = item.get("country")
        if country not in (None, ""):
            if not isinstance(country, str) or country.strip().upper() not in policy.country_names:
                raise AnswerError("answers", q.id, f"{where}: {str(country)[:20]!r} is not an ISO 3166-1 alpha-2 "
                                  "code", "e.g. DE, CN, RU")
            partner["country"] = country.strip().upper()
        if not clean_names and "country" not in partner:
            raise AnswerError("answers", q.id, f"{where}: needs at least a name or a country",
                              "give the partner's name, its country, or both; or remove the partner")
        total += len(clean_names)
        if total > MAX_NAMES:
            raise AnswerError("answers", q.id, f"more than {MAX_NAMES} names over all partners",
                              "screen large batches from the command line")
        partners.append(partner)
    return partners


def _clean_text(q: Question, value: Any, policy: Policy) -> str:
    if not isinstance(value, str):
        raise _wrong(q, value, "text")
    return tidy_text(value, q.id, q.max_length)


# --- JSON Schema fragments (key order is part of the schema contract) ---------


def _schema_enum(q: Question, policy: Policy) -> dict[str, Any]:
    return {"enum": TYPES[q.type].choices(q, policy)}


def _schema_set(q: Question, policy: Policy) -> dict[str, Any]:
    return {"type": "array", "items": {"enum": TYPES[q.type].choices(q, policy)}, "uniqueItems": True}


def _schema_names(q: Question, policy: Policy) -> dict[str, Any]:
    return {"type": "array", "items": {"type": "string", "maxLength": q.max_length}, "maxItems": MAX_NAMES}


def _schema_partners(q: Question, policy: Policy) -> dict[str, Any]:
    names = {"type": "array", "items": {"type": "string", "maxLength": q.max_length}, "maxItems": MAX_NAMES}
    partner = {"type": "object",
               "properties": {"names": names, "country": {"enum": sorted(policy.country_names)}},
               "additionalProperties": False,
               "anyOf": [{"required": ["country"]}, {"required": ["names"], "properties": {"names": {"minItems": 1}}}]}
    return {"type": "array", "items": partner, "maxItems": MAX_PARTNERS}


def _schema_text(q: Question, policy: Policy) -> dict[str, Any]:
    return {"type": "string", "maxLength": q.max_length}


# --- the table ----------------------------------------------------------------

_CHOICE_OPS = frozenset({"eq", "in", "answered"})
# Countries are tested against dated, cited lists only, never one by one.
_COUNTRY_OPS = frozenset({"in_country_list", "answered"})

TYPES: Mapping[str, AnswerType] = {t.name: t for t in (
    AnswerType("yes_no_unsure", "radio", _CHOICE_OPS, _clean_one_of, _schema_enum, lambda q: "yes",
               options=YES_NO_UNSURE_OPTIONS, unsure="unsure", unsure_reads_as="yes",
               monotone_sets=(frozenset({"yes"}), frozenset({"yes", "unsure"}))),
    AnswerType("yes_no", "radio", _CHOICE_OPS, _clean_one_of, _schema_enum, lambda q: "yes",
               options=YES_NO_OPTIONS, monotone_sets=(frozenset({"yes"}),)),
    AnswerType("choice", "radio", _CHOICE_OPS, _clean_one_of, _schema_enum, lambda q: q.options[-1].value,
               takes_options=True, negatable=True),
    AnswerType("multi", "checkboxes", frozenset({"any_in", "answered"}), _clean_multi, _schema_set,
               lambda q: [o.value for o in q.options], takes_options=True, is_list=True),
    AnswerType("country", "country", _COUNTRY_OPS, _clean_country, _schema_enum, lambda q: "RU", countries=True),
    AnswerType("countries", "countries", _COUNTRY_OPS, _clean_countries, _schema_set, lambda q: ["CN", "IR"],
               countries=True, is_list=True),
    AnswerType("text", "text", frozenset({"answered"}), _clean_text, _schema_text, lambda q: "text",
               default_max_length=DEFAULT_TEXT_LENGTH),
    AnswerType("names", "names", frozenset({"answered"}), _clean_names, _schema_names,
               lambda q: ["Skolkovo Institute of Science and Technology", "国防科技大学", "Tsinghua University"],
               is_list=True, max_items=MAX_NAMES, default_max_length=DEFAULT_TEXT_LENGTH, screens_names=True),
    AnswerType("partners", "partners", _COUNTRY_OPS, _clean_partners, _schema_partners,
               lambda q: [{"names": ["Technical University of Munich"], "country": "DE"},
                          {"names": ["Sharif University of Technology"], "country": "IR"},
                          {"names": ["Tsinghua University", "清华大学"], "country": "CN"}],
               is_list=True, max_items=MAX_PARTNERS, default_max_length=DEFAULT_TEXT_LENGTH, screens_names=True,
               per_partner=True,
               # Up to policy 2026.x the partner was one country and a list of names.
               reads_old=((Question(id="partner_country", section="The partner", type="country",
                                    text="In which country is the partner institution or company based?"),
                           "country"),
                          (Question(id="partner_names", section="The partner", type="names", max_length=300,
                                    text="Names of the partner institutions or companies"),
                           "names"))),
)}
"""Every answer type by name, in the order the documentation lists them."""


def answer_type(q: Question) -> AnswerType:
    return TYPES[q.type]


def example_answer(q: Question) -> Any:
    """A valid answer to ``q`` (yes, every option, a listed country, real partner names...)."""
    return TYPES[q.type].example(q)
