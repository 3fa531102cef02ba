"""The browser form of the package: what the site build changes in the wheel, and how the package reads it.

The wheel the site ships differs from the source tree in form only:

- the policy's TOML files are replaced by one file of pre-parsed tables
  (:data:`POLICY_ENTRY`, read by the policy loader), so the browser never loads
  a TOML parser;
- anyascii's ~640 block files are packed into one xz-compressed JSON file
  (:data:`ANYASCII_PACK_ENTRY`), a third of the download; the screening
  normaliser reads blocks from it through :func:`use_anyascii_pack`.

The site build (hooks/assets.py) writes both with :func:`browser_entries` and
:func:`pack_anyascii`; a source tree or installed package has neither and reads
its own files.
"""

from __future__ import annotations

import json
import lzma
import sys
from collections.abc import Iterable

from ._policy import PARSED_FILE, parsed_policy_json
from ._resources import package_root

Entry = tuple[str, bytes]
"""A wheel entry: the path inside the wheel and the file's bytes."""

__all__ = ["ANYASCII_PACK", "ANYASCII_PACK_ENTRY", "PARSED_FILE", "POLICY_ENTRY", "browser_entries", "pack_anyascii",
           "parsed_policy_json", "unpack_anyascii", "use_anyascii_pack"]

POLICY_ENTRY = f"assessments/policy/{PARSED_FILE}"
"""Where the pre-parsed policy sits in the browser wheel."""
ANYASCII_PACK = ("data", "anyascii_blocks.json.xz")
"""The packed anyascii table, relative to the package folder."""
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

    blocks, kept = {}, []
    for path, data in entries:
        folder, _, block = path.rpartition("/")
        if folder == _ANYASCII_BLOCKS and re.fullmatch(r"[0-9a-f]{3,4}", block):
            # Each block file is raw deflate (anyascii decompresses with wbits=-15).
            blocks[block] = zlib.decompressobj(-zlib.MAX_WBITS).decompress(data).decode("ascii")
        else:
            kept.append((path, data))
    if len(blocks) < _MIN_BLOCKS:
        raise ValueError(f"anyascii {version}: found {len(blocks)} block files in {_ANYASCII_BLOCKS} (expected ~640); "
                         "its layout changed: update pack_anyascii in assessments/browser_package.py")
    text = json.dumps({"anyascii": version, "blocks": blocks}, sort_keys=True, separators=(",", ":"))
    return kept, (ANYASCII_PACK_ENTRY, lzma.compress(text.encode("ascii"), preset=9 | lzma.PRESET_EXTREME))


# --- reading (the package, in the browser) ---------------------------------

def unpack_anyascii(pack: bytes) -> tuple[str, dict[str, str]]:
    """(anyascii version, {block number as 3-4 hex digits: tab-separated block}) of a packed table."""
    data = json.loads(lzma.decompress(pack))
    return data["anyascii"], data["blocks"]


class PackedBlocks(dict):  # type: ignore[type-arg]
    """anyascii's block cache (its module-level dict ``_blocks``), filled from a packed table on first use."""

    def __init__(self, texts: dict[str, str]) -> None:
        super().__init__()
        self._texts = texts

    def __missing__(self, blocknum: int) -> tuple[str, ...]:
        text = self._texts.get("%03x" % blocknum)  # noqa: UP031 - anyascii's own file naming
        block = tuple(map(sys.intern, text.split("\t"))) if text is not None else ()
        self[blocknum] = block
        return block


def use_anyascii_pack(anyascii_module: object) -> bool:
    """Serve anyascii's blocks from this package's pack, if it carries one built for this anyascii version.

    True when the pack is used; False (anyascii reads its own files) otherwise.
    """
    packed = package_root().joinpath(*ANYASCII_PACK)
    if not packed.is_file():
        return False
    version, blocks = unpack_anyascii(packed.read_bytes())
    if version != getattr(anyascii_module, "__version__", None):
        return False  # built for another anyascii: let it read its own files
    anyascii_module._blocks = PackedBlocks(blocks)  # type: ignore[attr-defined]
    return True
