"""Answers written for an earlier questionnaire, read into the current one (old answer files, old tabs).

Up to policy 2026.x the partner was one country (``partner_country``) and a list of
names (``partner_names``). Both are now one ``partners`` answer: a list of
partners, each with names and a country. An answers object that still uses the
old keys is read as one partner, and the result says so (``result["notices"]``).
Each old value is checked with its old type first, so an error still names the
key the file used.
"""

from __future__ import annotations

from typing import Any

from ._errors import AnswerError
from ._model import Policy, Question
from .answer_types import TYPES

PARTNERS = "partners"
"""The question the old partner keys are read into."""
LEGACY_PARTNER = (
    Question(id="partner_country", section="The partner", type="country",
             text="In which country is the partner institution or company based?"),
    Question(id="partner_names", section="The partner", type="names", max_length=300,
             text="Names of the partner institutions or companies"),
)
"""The replaced questions, with the types their answers had."""
LEGACY_KEYS = tuple(q.id for q in LEGACY_PARTNER)
NOTICE = ("These answers use partner_country and partner_names from an earlier version of the questionnaire. "
          "They were read as one partner in partners (a list of partners, each with names and a country). "
          "Save the answers again to keep them in the current form.")


def migrate(answers: Any, policy: Policy) -> tuple[Any, list[dict[str, Any]]]:
    """``answers`` with the old partner keys read into ``partners``, and the notices saying so.

    Returns ``answers`` itself when it uses no old key (or is not an object: validation reports that).
    """
    if not isinstance(answers, dict) or PARTNERS not in policy.question_index \
            or not any(k in answers for k in LEGACY_KEYS):
        return answers, []
    old = {k: answers[k] for k in LEGACY_KEYS if answers.get(k) is not None}
    rest = {k: v for k, v in answers.items() if k not in LEGACY_KEYS}
    if not old:
        return rest, []
    if rest.get(PARTNERS) not in (None, []):
        key = next(iter(old))
        raise AnswerError("answers", key, f"replaced by {PARTNERS}, which is also given",
                          f"give the partners only (each with names and country) in {PARTNERS}")
    partner: dict[str, Any] = {}
    for q in LEGACY_PARTNER:
        if q.id in old:
            value = TYPES[q.type].clean(q, old[q.id], policy)
            if value:
                partner["names" if q.type == "names" else "country"] = value
    if partner:
        rest[PARTNERS] = [partner]
    return rest, [{"keys": sorted(old), "replaced_by": PARTNERS, "text": NOTICE}]
