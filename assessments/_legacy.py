"""Answers written for an earlier questionnaire, read into the current one (old answer files, old tabs).

An answer type may declare questions it replaced (``AnswerType.reads_old``):
up to policy 2026.x the partner was one country (``partner_country``) and a
list of names (``partner_names``); both are now one answer of the partners
type, a list of partners, each with names and a country. An answers object that
still uses the old keys is read as one item of the question of that type, and
the result says so (``result["notices"]``). Each old value is checked with its
old type first, so an error still names the key the file used.
"""

from __future__ import annotations

from typing import Any

from ._errors import AnswerError
from ._model import Policy, Question
from .answer_types import TYPES


def replaced(policy: Policy) -> tuple[str, tuple[tuple[Question, str], ...]] | None:
    """The question that reads old keys (its id) and the old questions with the item key each fills."""
    for q in policy.questions:
        if TYPES[q.type].reads_old:
            return q.id, TYPES[q.type].reads_old
    return None


def notice(keys: list[str], target: str) -> str:
    """What the result says when old keys were read into ``target``."""
    return (f"These answers use {' and '.join(keys)} from an earlier version of the questionnaire. "
            f"They were read as one partner in {target} (a list of partners, each with names and a country). "
            "Save the answers again to keep them in the current form.")


def migrate(answers: Any, policy: Policy) -> tuple[Any, list[dict[str, Any]]]:
    """``answers`` with the old keys read into the question that replaced them, and the notices saying so.

    Returns ``answers`` itself when it uses no old key (or is not an object: validation reports that).
    """
    found = replaced(policy)
    if not isinstance(answers, dict) or found is None:
        return answers, []
    target, olds = found
    keys = tuple(old.id for old, _ in olds)
    if not any(k in answers for k in keys):
        return answers, []
    old = {k: answers[k] for k in keys if answers.get(k) is not None}
    rest = {k: v for k, v in answers.items() if k not in keys}
    if not old:
        return rest, []
    if rest.get(target) not in (None, []):
        key = next(iter(old))
        raise AnswerError("answers", key, f"replaced by {target}, which is also given",
                          f"give the partners only (each with names and country) in {target}")
    item: dict[str, Any] = {}
    for q, item_key in olds:
        if q.id in old:
            value = TYPES[q.type].clean(q, old[q.id], policy)
            if value:
                item[item_key] = value
    if item:
        rest[target] = [item]
    return rest, [{"keys": sorted(old), "replaced_by": target, "text": notice(list(keys), target)}]

