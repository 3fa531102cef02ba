"""The seams ARCHITECTURE.md promises, checked on the code (one table of answer types, no import circle), and
the map itself checked against the code (the rule recipe, the public names, the ownership of site_src)."""

from __future__ import annotations

import ast
import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

import assessments
from assessments.browser_package import PARSED_FILE, parsed_policy_json
from tests.support.paths import ROOT

ANSWER_TYPE_NAMES = set(assessments.ANSWER_TYPES)
# Code that may not switch on an answer type's name or a question's id: all of it but the table itself.
PRODUCTION = ("assessments", "hooks", "tools", "benchmarks")


def _python_files(*folders: str) -> Iterator[Path]:
    for folder in folders:
        yield from sorted((ROOT / folder).rglob("*.py"))


def _constants(node: ast.expr) -> Iterator[object]:
    """The literal values of an operand: a constant, or the items of a tuple, list or set of constants."""
    if isinstance(node, ast.Constant):
        yield node.value
    elif isinstance(node, ast.Tuple | ast.List | ast.Set):
        for item in node.elts:
            if isinstance(item, ast.Constant):
                yield item.value


def _type_names_used(tree: ast.AST) -> Iterator[tuple[int, str]]:
    """Where code compares with an answer type's name, builds a question of a named type or looks one up."""
    for node in ast.walk(tree):
        found: list[object] = []
        if isinstance(node, ast.Compare):
            for operand in (node.left, *node.comparators):
                found += _constants(operand)
        elif isinstance(node, ast.keyword) and node.arg == "type":
            found += _constants(node.value)
        elif isinstance(node, ast.Subscript) and "TYPES" in ast.unparse(node.value):
            found += _constants(node.slice)
        for value in found:
            if value in ANSWER_TYPE_NAMES:
                yield getattr(node, "lineno", 0), str(value)


def test_no_code_switches_on_an_answer_type_name() -> None:
    """Every behaviour that depends on an answer type is a field of assessments/answer_types.py's table."""
    table = ROOT / "assessments" / "answer_types.py"
    found = [f"{path.relative_to(ROOT)}:{line}: {name!r}"
             for path in _python_files(*PRODUCTION) if path != table
             for line, name in _type_names_used(ast.parse(path.read_text(encoding="utf-8")))]
    assert not found, "answer type names outside the answer-type table (make it a field of AnswerType):\n" + \
        "\n".join(found)


def test_the_engine_never_looks_up_a_particular_question() -> None:
    """Which question plays which part is data (a type's flag, policy.toml's sponsor_question), not code."""
    ids = set(assessments.load_policy().question_index)
    found = []
    for path in _python_files("assessments", "hooks"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            key = None
            if isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Constant):
                key = node.slice.value
            elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "get" \
                    and node.args and isinstance(node.args[0], ast.Constant):
                key = node.args[0].value
            elif isinstance(node, ast.Compare) and isinstance(node.left, ast.Constant) \
                    and isinstance(node.ops[0], ast.In | ast.NotIn):
                key = node.left.value
            if key in ids:
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {ast.unparse(node)[:80]}")
    assert not found, "question ids in code:\n" + "\n".join(found)


def _module_name(path: Path, top: Path) -> str:
    parts = list(path.relative_to(top.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path, name: str, modules: set[str]) -> Iterator[str]:
    """The modules of ``modules`` that ``name`` (the file ``path``) imports, at the top or inside a function."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from (a.name for a in node.names if a.name in modules)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[:len(base) - node.level + 1]
                target = ".".join([*base, *([node.module] if node.module else [])])
            else:
                target = node.module or ""
            for alias in node.names:
                if f"{target}.{alias.name}" in modules:
                    yield f"{target}.{alias.name}"
                elif target in modules:
                    yield target


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan), or of one that imports itself."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                component.append(w)
                if w == v:
                    break
            if len(component) > 1 or v in graph[v]:
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def _engine_graph() -> dict[str, set[str]]:
    top = ROOT / "assessments"
    files = {_module_name(p, top): p for p in _python_files("assessments")}
    modules = set(files)
    # A submodule imports its package's __init__ by being imported; only an explicit import back counts.
    return {name: set(_imports(path, name, modules)) - {name} for name, path in files.items()}


def test_no_import_circle_in_the_engine() -> None:
    """Also through imports inside functions: a circle there only hides the order modules load in."""
    graph = _engine_graph()
    assert not _cycles(graph), _cycles(graph)


def test_no_import_circle_in_the_hooks() -> None:
    """Hooks and their helpers import each other by bare name (MkDocs loads them by path)."""
    files = {p.stem: p for p in sorted((ROOT / "hooks").glob("*.py"))}
    graph = {name: set(_imports(path, name, set(files))) - {name} for name, path in files.items()}
    assert not _cycles(graph), _cycles(graph)


def test_screening_reaches_the_policy_only_through_the_configuration() -> None:
    graph = _engine_graph()
    graph["assessments.config"] -= {"assessments._policy"}
    seen: set[str] = set()
    todo = [m for m in graph if m.startswith("assessments.screening")]
    while todo:
        module = todo.pop()
        if module not in seen:
            seen.add(module)
            todo += graph[module]
    assert "assessments._policy" not in seen, "screening imports the policy loader other than through config"


def test_anyascii_still_reads_its_table_through_the_globals_the_package_replaces() -> None:
    """The normaliser serves anyascii's table from one packed file by replacing two of its module globals
    (anyascii has no API for it): a new anyascii that reads its table another way must fail here."""
    import anyascii  # noqa: PLC0415

    from assessments.browser_package import ANYASCII_GLOBALS  # noqa: PLC0415

    used = anyascii.anyascii.__code__.co_names
    for name in ANYASCII_GLOBALS:
        assert hasattr(anyascii, name) and name in used, f"anyascii {anyascii.__version__} no longer uses {name}"
    assert isinstance(anyascii._blocks, dict)


# --- ARCHITECTURE.md stays true -------------------------------------------------

MAP = (ROOT / "ARCHITECTURE.md").read_text(encoding="utf-8")


def _section(heading: str) -> str:
    start = MAP.index(heading)
    end = MAP.find("\n#", start + len(heading))
    return MAP[start:end if end != -1 else len(MAP)]


def _rule_recipe_fields() -> dict[str, set[str]]:
    """The keys "A new rule" lists (top-level bullets), each with the keys listed under it."""
    fields: dict[str, set[str]] = {}
    key = ""
    for line in _section("### A new rule").splitlines():
        names = re.findall(r"`(\w+)`", line.partition(": ")[0])  # a bullet may name several keys: `a`, `b`: ...
        if line.startswith("   - `"):
            fields.update({name: set() for name in names})
            key = names[-1]
        elif line.startswith("     - `") and key:
            fields[key].update(names)
    return fields


def _accepted_keys(tmp_path: Path, edit: Callable[[dict[str, Any]], None]) -> set[str]:
    """The keys the policy loader accepts where ``edit`` puts an unknown one (from its error's fix)."""
    tables = json.loads(parsed_policy_json())
    rel = "rules/military_end_use.toml"
    rule = json.loads(tables[rel])
    edit(rule)
    tables[rel] = json.dumps(rule)
    (tmp_path / PARSED_FILE).write_text(json.dumps(tables), encoding="utf-8")
    with pytest.raises(assessments.PolicyError) as info:
        assessments.load_policy(tmp_path)
    assert info.value.reason == "unknown key" and info.value.fix.startswith("use one of: "), info.value
    return set(info.value.fix.removeprefix("use one of: ").split(", "))


def test_the_rule_recipe_lists_exactly_the_keys_the_loader_accepts(tmp_path: Path) -> None:
    recipe = _rule_recipe_fields()
    assert set(recipe) == _accepted_keys(tmp_path, lambda rule: rule.update(not_a_key=1)), \
        "ARCHITECTURE.md 'A new rule' and the rule loader disagree: update the recipe"
    shipped = json.loads(json.loads(parsed_policy_json())["rules/military_end_use.toml"])
    for key, value in shipped.items():
        if isinstance(value, list) and value and isinstance(value[0], dict):  # a list of tables (citations)
            accepted = _accepted_keys(tmp_path, lambda rule, key=key: rule[key][0].update(not_a_key=1))
            assert recipe[key] == accepted, f"the recipe's keys of each {key} entry disagree with the loader"


def test_every_public_name_is_on_the_map() -> None:
    seams = _section("## Public seams")
    missing = [name for name in assessments.__all__
               if not re.search(rf"`(assessments\.)?{re.escape(name)}[`(]", seams)]
    assert not missing, f"public names ARCHITECTURE.md's 'Public seams' does not mention: {missing}"


def test_the_ownership_table_names_every_file_of_site_src() -> None:
    row = next(line for line in MAP.splitlines() if line.startswith("| `site_src/` |"))
    missing = [p.name for p in sorted((ROOT / "site_src").iterdir()) if p.is_file() and f"`{p.name}`" not in row]
    assert not missing, f"site_src files ARCHITECTURE.md's ownership table does not name: {missing}"


def test_the_map_draws_the_browser_half() -> None:
    flow = _section("## Data flow")
    for step in ("engine.mjs", "postMessage", "engine-worker.mjs", "assessments.browser.handle"):
        assert step in flow, step
