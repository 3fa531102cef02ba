"""Fingerprints of the seed documents, for the "no copied sentences" test.

The guidance is written from five public university pages (the seeds). Facts
carry over, sentences must not: no page may share a run of twelve or more words
with a seed. The seeds themselves are not committed (they name real people and
are someone else's text); only a fingerprint of every twelve-word run is, in
``tests/data/seed_fingerprints.txt``. Regenerate it from the seed texts with::

    .venv/bin/python -m tests.support.content_seeds /path/to/seeds/*.txt

(In the original workspace the seeds are ``/work/shared/seeds/*.txt``.)
"""

from __future__ import annotations

import hashlib
import re
import sys
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path

from tests.support.paths import TEST_DATA

RUN_LENGTH = 12
FINGERPRINTS = TEST_DATA / "seed_fingerprints.txt"


def words(text: str) -> list[str]:
    """Lower-case words, with accents, curly quotes and punctuation folded away."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    return re.findall(r"[a-z0-9]+", text.replace("'", ""))


def runs(text: str, length: int = RUN_LENGTH) -> Iterator[tuple[str, str]]:
    """Every run of `length` consecutive words, as (fingerprint, the words)."""
    tokens = words(text)
    for start in range(len(tokens) - length + 1):
        run = " ".join(tokens[start:start + length])
        yield fingerprint(run), run


def fingerprint(run: str) -> str:
    return hashlib.sha256(run.encode("utf-8")).hexdigest()[:20]


def load_fingerprints(path: Path = FINGERPRINTS) -> set[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return {line for line in lines if line and not line.startswith("#")}


def write_fingerprints(seed_texts: Iterable[tuple[str, str]], path: Path = FINGERPRINTS) -> int:
    found: set[str] = set()
    names = []
    for name, text in seed_texts:
        names.append(name)
        found.update(fp for fp, _ in runs(text))
    header = [
        f"# sha256[:20] of every {RUN_LENGTH}-word run in the seed documents (see tests/support/content_seeds.py).",
        f"# Seeds: {', '.join(sorted(names))}",
    ]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(header + sorted(found)) + "\n", encoding="utf-8")
    return len(found)


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit("usage: content_seeds.py SEED.txt [SEED.txt ...]")
    seeds = [(Path(p).name, Path(p).read_text(encoding="utf-8")) for p in sys.argv[1:]]
    print(f"{write_fingerprints(seeds)} fingerprints from {len(seeds)} seeds -> {FINGERPRINTS}")
