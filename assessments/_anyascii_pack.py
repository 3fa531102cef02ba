"""anyascii's transliteration table, read from the one packed file the browser's copy of the package carries.

The site build (:mod:`assessments.browser_package`) packs anyascii's ~640 block
files into ``data/anyascii_blocks.json.xz``; this module serves them to anyascii.
It imports nothing of the policy: the screening normaliser reads it at import.

anyascii has no API for its table, so this replaces two of its module globals,
``_blocks`` (its block cache) and ``read_binary`` (its block reader):
``tests/unit/test_architecture.py`` fails if a new anyascii stops using them.
"""

from __future__ import annotations

import json
import lzma
import sys

from ._resources import package_root, read_binary

ANYASCII_PACK = ("data", "anyascii_blocks.json.xz")
"""The packed anyascii table, relative to the package folder."""
ANYASCII_GLOBALS = ("_blocks", "read_binary")
"""The module globals of anyascii that :func:`use_anyascii_pack` replaces."""
NOT_TRANSLITERATED = ((0x1F300, 0x1FAFF), (0x20000, 0x3FFFF))
"""Code points the screening normaliser drops instead of transliterating, in both runtimes: pictographs and
emoji (anyascii writes them as words, ":grinning:", that no organisation's name carries), and the CJK
ideograph extensions B and later (no listed name uses one; their readings were 40 % of the packed table).
The pack leaves out their blocks (each range is whole 256-code-point blocks)."""


def transliterated_block(blocknum: int) -> bool:
    """Whether the pack carries anyascii's block ``blocknum`` (code points ``blocknum * 256`` onwards)."""
    return not any(lo >> 8 <= blocknum <= hi >> 8 for lo, hi in NOT_TRANSLITERATED)


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

    True when the pack is used; False (anyascii reads its own files) otherwise. Either way its files are
    read on the cached package root: anyascii's own reader, inside a zip (the browser imports the wheel
    from its zip file), re-reads the directory of ~650 entries for every block.
    """
    anyascii_module.read_binary = read_binary  # type: ignore[attr-defined]
    packed = package_root().joinpath(*ANYASCII_PACK)
    if not packed.is_file():
        return False
    version, blocks = unpack_anyascii(packed.read_bytes())
    if version != getattr(anyascii_module, "__version__", None):
        return False  # built for another anyascii: let it read its own files
    anyascii_module._blocks = PackedBlocks(blocks)  # type: ignore[attr-defined]
    return True
