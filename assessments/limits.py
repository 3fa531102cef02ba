"""Every threshold and size limit the engine, the build and the tools share, defined once.

Change a value here and the validator, the JSON Schema, the screening matcher,
the build checks and the documentation tables follow. The institution
configuration may override the screening values within the ranges below.
"""

from __future__ import annotations

# --- answers ---------------------------------------------------------------
MAX_NAMES = 20
"""Names one answer may hold (the browser screens each; larger batches belong on the command line)."""
DEFAULT_TEXT_LENGTH = 300
"""Characters a free-text answer or one name may have unless the question sets ``max_length``."""

# --- screening -------------------------------------------------------------
MATCH_THRESHOLD = 0.86
"""Default score from which a list entry counts as a match (``[screening] threshold`` overrides it)."""
THRESHOLD_RANGE = (0.5, 1.0)
"""The scores a configured threshold may take, both ends included."""
MAX_LIST_AGE_DAYS = 365
"""Default age after which a list counts as stale (``[screening] max_list_age_days``)."""
MAX_RECORD_DROP = 0.20
"""Largest share of a list's records that may disappear between two imports before the import and the build stop."""
MAX_SCREEN_NAME_LENGTH = 300
"""Characters of one name sent to the matcher."""
MAX_CANDIDATES = 10
"""Candidates returned per screened name, best first."""
