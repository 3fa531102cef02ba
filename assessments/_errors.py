"""A small exception hierarchy; every message carries where the problem is."""

from __future__ import annotations


class AssessmentsError(Exception):
    """Base class. ``where`` is a file (or "answers"), ``key`` a dotted key path."""

    def __init__(self, where: str, key: str, reason: str, fix: str = "") -> None:
        self.where = where
        self.key = key
        self.reason = reason
        self.fix = fix
        message = f"{where}: {key}: {reason}" if key else f"{where}: {reason}"
        if fix:
            message += f" (fix: {fix})"
        super().__init__(message)

    def as_dict(self) -> dict[str, str]:
        return {"where": self.where, "key": self.key, "reason": self.reason, "fix": self.fix}


class PolicyError(AssessmentsError):
    """A policy data file inside the package is malformed."""


class ConfigError(AssessmentsError):
    """The institution configuration file is malformed."""


class AnswerError(AssessmentsError):
    """An answers object does not fit the question set."""
