"""The package's data files, read through one cached importlib.resources root.

In the browser the package is imported straight from its wheel (a zip on
sys.path). Every ``importlib.resources.files()`` call there opens the zip and
reads its whole directory again; the engine reads some sixty policy files at
start, so it asks for the root once and reuses it. From a source tree or an
installed package the root is a plain directory and the cache costs nothing.
"""

from __future__ import annotations

import functools
from importlib import resources
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable


@functools.cache
def package_root(package: str = "assessments") -> Traversable:
    """The Traversable of ``package``'s folder (cached per package)."""
    return resources.files(package)


def read_binary(package: str, resource: str) -> bytes:
    """``anyascii``'s own reader, but on the cached root (its blocks are ~650 files in one wheel)."""
    return package_root(package).joinpath(resource).read_bytes()
