"""Load a hook module by path, as MkDocs does, and a script of tools/ or benchmarks/ by path, for unit tests."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
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


def load_script(name: str, path: Path) -> ModuleType:
    """A script that is not a package module (tools/*.py, benchmarks/*.py) loaded by path as ``name``."""
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses in the script look their module up
    spec.loader.exec_module(module)
    return module
