"""The browser form of the package: what the site build changes in the wheel, and how the package reads it.

The wheel the site ships differs from the source tree in form only:

- the policy's TOML files are replaced by one file of pre-parsed tables
  (:data:`POLICY_ENTRY`, read by the policy loader), so the browser never loads
  a TOML parser;
- anyascii's ~640 block files are packed into one xz-compressed JSON file
  (:data:`ANYASCII_PACK_ENTRY`), a third of the download; the screening
  normaliser reads blocks from it through :func:`use_anyascii_pack`.

The site build (hooks/_engine_wheels.py) writes both with :func:`browser_entries` and
:func:`pack_anyascii`; a source tree or installed package has neither and reads
its own files.
"""

from __future__ import annotations

import json
import lzma
from collections.abc import Iterable

from ._anyascii_pack import (
    ANYASCII_GLOBALS,
    ANYASCII_PACK,
    NOT_TRANSLITERATED,
    PackedBlocks,
    transliterated_block,
    unpack_anyascii,
    use_anyascii_pack,
)
from ._policy import PARSED_FILE, parsed_policy_json

Entry = tuple[str, bytes]
"""A wheel entry: the path inside the wheel and the file's bytes."""

__all__ = [
    "ANYASCII_GLOBALS",
    "ANYASCII_PACK",
    "ANYASCII_PACK_ENTRY",
    "NOT_TRANSLITERATED",
    "PARSED_FILE",
    "POLICY_ENTRY",
    "PackedBlocks",
    "browser_entries",
    "pack_anyascii",
    "parsed_policy_json",
    "unpack_anyascii",
    "use_anyascii_pack",
]

POLICY_ENTRY = f"assessments/policy/{PARSED_FILE}"
"""Where the pre-parsed policy sits in the browser wheel."""
ANYASCII_PACK_ENTRY = "assessments/" + "/".join(ANYASCII_PACK)
"""Where the packed anyascii table sits in the browser wheel."""
_ANYASCII_BLOCKS = "anyascii/_data"
_MIN_BLOCKS = 100  # anyascii 0.3 has ~640 block files: far fewer means its layout changed


# --- writing (the site build) ----------------------------------------------

def browser_entries(entries: Iterable[Entry]) -> list[Entry]:
    """The package's source entries in their browser form: the policy TOML files replaced by the parsed tables."""
    kept = [(path, data) for path, data in entries
            if not (path.startswith("assessments/policy/") and path.endswith(".toml"))]
    kept.append((POLICY_ENTRY, parsed_policy_json().encode()))
    return kept


def pack_anyascii(version: str, entries: Iterable[Entry]) -> tuple[list[Entry], Entry]:
    """anyascii's wheel entries without its block files, and the entry of those blocks packed into one file.

    Raises ValueError when anyascii's layout is not the one this function knows.
    """
    import re  # noqa: PLC0415 - the browser only reads the pack
    import zlib  # noqa: PLC0415

    blocks, kept, seen = {}, [], 0
    for path, data in entries:
        folder, _, block = path.rpartition("/")
        if folder == _ANYASCII_BLOCKS and re.fullmatch(r"[0-9a-f]{3,4}", block):
            # Each block file is raw deflate (anyascii decompresses with wbits=-15). The blocks of code
            # points the normaliser drops (NOT_TRANSLITERATED) are left out.
            if transliterated_block(int(block, 16)):
                blocks[block] = zlib.decompressobj(-zlib.MAX_WBITS).decompress(data).decode("ascii")
            seen += 1
        else:
            kept.append((path, data))
    if seen < _MIN_BLOCKS:
        raise ValueError(f"anyascii {version}: found {seen} block files in {_ANYASCII_BLOCKS} (expected ~640); "
                         "its layout changed: update pack_anyascii in assessments/browser_package.py")
    text = json.dumps({"anyascii": version, "blocks": blocks}, sort_keys=True, separators=(",", ":"))
    return kept, (ANYASCII_PACK_ENTRY, lzma.compress(text.encode("ascii"), preset=9 | lzma.PRESET_EXTREME))
