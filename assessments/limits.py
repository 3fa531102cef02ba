"""Every threshold and size limit the engine, the build and the tools share, defined once.

Change a value here and the validator, the JSON Schema, the screening matcher,
the build checks, the documentation tables and the browser page (through
:func:`for_the_page`) follow. The institution
configuration may override the screening values within the ranges below.
"""

from __future__ import annotations

# --- answers ---------------------------------------------------------------
MAX_NAMES = 20
"""Names one answer may hold (the browser screens each; larger batches belong on the command line).
For a ``partners`` answer: the names of all its partners together."""
MAX_PARTNERS = 10
"""Partners one ``partners`` answer may list (each with its names and country, each screened)."""
DEFAULT_TEXT_LENGTH = 300
"""Characters a free-text answer or one name may have unless the question sets ``max_length``."""

# --- screening -------------------------------------------------------------
MATCH_THRESHOLD = 0.86
"""Default score from which a list entry counts as a match (``[screening] threshold`` overrides it)."""
THRESHOLD_RANGE = (0.5, 1.0)
"""The scores a configured threshold may take, both ends included."""
POSSIBLE_BAND = 0.10
"""Width of the possible-match band: a same-entity candidate scoring this much below the threshold or less
(and not yet a match) is a possible match that the office checks. Chosen on the tuning part of the
evaluation set (docs/screening.md: the flagged rate on listed spellings against the rate on unlisted names).
Measured again there on 2026-12-07 (1,018 listed spellings, 404 unlisted names): a width of 0.05 to 0.10 flags 951
listed spellings, 0.15 and 0.20 one more (952), 0.30 also raises one unlisted name more (3 instead of 2). The band
alone decides few names (most possible matches have a reason of their own); no wider band raised many more listed
spellings, so the width stays 0.10."""
MAX_AFFILIATION_PARTS = 4
"""Parts of a pasted affiliation line screened on their own (beyond the whole line)."""
PERSON_MATCH_THRESHOLD = 0.93
"""Score from which a listed individual is a possible name match (people screening, ``[screening] screen_people``):
stricter than for organisations, since many people share a name and a person's name alone never identifies them."""
MAX_LIST_AGE_DAYS = 365
"""Default age after which a list counts as stale (``[screening] max_list_age_days``)."""
LIST_AGE_DAYS_RANGE = (1, 100 * 365)
"""The ages a configured ``max_list_age_days`` may take, both ends included."""
MAX_RECORD_DROP = 0.20
"""Largest share of a list's records that may disappear between two imports before the import and the build stop."""
MAX_SCREEN_NAME_LENGTH = 300
"""Characters of one name sent to the matcher."""
MAX_CANDIDATES = 10
"""Candidates returned per screened name, best first."""
CLOSEST_FLOOR = 0.75
"""Score from which a candidate below the match threshold may be shown, on request, as a "closest" entry:
below it the closest entry is noise (an unrelated company for an ordinary university)."""

# --- input files and configuration (sizes bounded so that no input can exhaust memory or the stack) ---
MAX_ANSWERS_FILE_BYTES = 1_000_000
"""Bytes an answers file (or stdin) may have; a real one is a few kilobytes."""
MAX_SCREEN_FILE_BYTES = 20_000_000
"""Bytes a CSV of names for ``screen --file`` may have (100,000 names of 200 characters)."""
MAX_SCREEN_FILE_ROWS = 100_000
"""Names in one CSV for ``screen --file``."""
MAX_SCREEN_ROW_CHARS = 10_000
"""Characters in one line of that CSV (a name is at most a few hundred)."""
MAX_ANSWERS_DEPTH = 32
"""Nesting of arrays and objects in an answers file (answers nest two levels)."""
MAX_NUMBER_DIGITS = 100
"""Characters of one number in an answers file."""
MAX_CONFIG_BYTES = 256_000
"""Bytes of the institution configuration file."""
MAX_CONFIG_TEXT = 200
"""Characters of a plain-text configuration value (a name, a label, a form title)."""
MAX_CONFIG_NOTE = 1_000
"""Characters of a longer configuration text (a form note, a source description)."""
MAX_CONFIG_URL = 2_000
"""Characters of a configuration URL or email address."""
MAX_CONFIG_ENTRIES = 100
"""Contacts, forms, elevated-risk countries or disabled lists in one configuration."""


def for_the_page() -> dict[str, int | float]:
    """The limits the browser page applies itself, by the names it reads them under.

    The site build writes them into the questionnaire's data (``limits`` in the page's
    ``rs-questionnaire-data`` JSON) and into ``assets/engine/manifest.json``, so the page
    never writes a limit of its own: refusing a file before reading it, the length of a name,
    which "closest" entries to offer.
    """
    return {
        "answers_file_bytes": MAX_ANSWERS_FILE_BYTES,
        "answers_depth": MAX_ANSWERS_DEPTH,
        "names_per_answer": MAX_NAMES,
        "partners_per_answer": MAX_PARTNERS,
        "text_length": DEFAULT_TEXT_LENGTH,
        "screen_name_length": MAX_SCREEN_NAME_LENGTH,
        "closest_floor": CLOSEST_FLOOR,
    }
