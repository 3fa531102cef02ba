"""Research-security self-assessment engine: policy as data, explained risk tiers.

The same code runs under CPython (command line, tests, build hooks) and Pyodide
(the browser). Public API only; the implementation lives in private modules.
"""

from os import PathLike

from ._engine import TIERS, assess, plan_markdown, validate_answers
from ._errors import AnswerError, AssessmentsError, ConfigError, PolicyError
from ._model import (
    Action,
    Citation,
    CountryList,
    Fact,
    Measure,
    Option,
    Policy,
    Question,
    Rule,
    Source,
    condition_leaves,
)
from ._policy import GUIDANCE_PAGES, answer_schema, example_answers, load_policy, questions, read_policy
from .answer_types import TYPES as ANSWER_TYPES
from .answer_types import AnswerType, example_answer
from .config import Config, default_config, load_config
from .sources import mentions_law
from .sources import report as sources_report

__all__ = [
    "ANSWER_TYPES",
    "GUIDANCE_PAGES",
    "TIERS",
    "Action",
    "AnswerError",
    "AnswerType",
    "AssessmentsError",
    "Citation",
    "Config",
    "ConfigError",
    "CountryList",
    "Fact",
    "Measure",
    "Option",
    "Policy",
    "PolicyError",
    "Question",
    "Rule",
    "Source",
    "answer_schema",
    "assess",
    "condition_leaves",
    "default_config",
    "example_answer",
    "example_answers",
    "load_config",
    "load_policy",
    "mentions_law",
    "plan_markdown",
    "questions",
    "reload_policy",
    "sources_report",
    "validate_answers",
]
__version__ = "0.1.0"


def reload_policy(folder: str | PathLike[str] | None = None) -> Policy:
    """Load and validate a policy afresh and keep nothing: ``folder`` (laid out like
    ``assessments/policy``), by default the shipped one. ``load_policy(folder)`` does the same for a folder."""
    return read_policy(folder)
