"""Load a hook module by path, as MkDocs does, for unit tests of the hooks."""

from __future__ import annotations

import importlib.util
import sys
from types import ModuleType

from tests.support.paths import HOOKS


def load_hook(name: str) -> ModuleType:
    """hooks/<name>.py as a fresh module (its siblings importable by bare name, as under MkDocs)."""
    if str(HOOKS) not in sys.path:
        sys.path.append(str(HOOKS))  # appended, so hook modules never shadow other imports
    spec = importlib.util.spec_from_file_location(f"{name}_hook", HOOKS / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # as MkDocs does (dataclasses look their module up)
    spec.loader.exec_module(module)
    return module
