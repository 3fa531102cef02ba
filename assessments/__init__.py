"""Research-security self-assessment engine: policy as data, explained risk tiers.

The same code runs under CPython (command line, tests, build hooks) and Pyodide
(the browser). Public API only; the implementation lives in private modules.
"""

from ._engine import TIERS, assess, validate_answers
from ._errors import AnswerError, AssessmentsError, ConfigError, PolicyError
from ._policy import Policy, answer_schema, load_policy, questions
from .config import Config, default_config, load_config

__all__ = [
    "TIERS",
    "AnswerError",
    "AssessmentsError",
    "Config",
    "ConfigError",
    "Policy",
    "PolicyError",
    "answer_schema",
    "assess",
    "default_config",
    "load_config",
    "load_policy",
    "questions",
    "validate_answers",
]
__version__ = "0.1.0"
