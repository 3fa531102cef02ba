"""Research-security self-assessment engine: policy as data, explained risk tiers.

The same code runs under CPython (command line, tests, build hooks) and Pyodide
(the browser). Public API only; the implementation lives in private modules.
"""

from ._engine import TIERS, assess, plan_markdown, validate_answers
from ._errors import AnswerError, AssessmentsError, ConfigError, PolicyError
from ._model import Action, Citation, CountryList, Measure, Option, Policy, Question, Rule
from ._policy import answer_schema, load_policy, questions
from .answer_types import TYPES as ANSWER_TYPES
from .answer_types import AnswerType, example_answer, example_answers
from .config import Config, default_config, load_config

__all__ = [
    "ANSWER_TYPES",
    "TIERS",
    "Action",
    "AnswerError",
    "AnswerType",
    "AssessmentsError",
    "Citation",
    "Config",
    "ConfigError",
    "CountryList",
    "Measure",
    "Option",
    "Policy",
    "PolicyError",
    "Question",
    "Rule",
    "answer_schema",
    "assess",
    "default_config",
    "example_answer",
    "example_answers",
    "load_config",
    "load_policy",
    "plan_markdown",
    "questions",
    "validate_answers",
]
__version__ = "0.1.0"
