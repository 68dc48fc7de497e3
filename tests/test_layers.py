"""The core knows no exercise: the statics, the dynamics, the poses and the model import nothing
from :mod:`biomech.exercises`, directly or through another module of the package.

The import graph is read from the source (every ``import`` and ``from ... import`` at any depth
of the module, including the ones under ``TYPE_CHECKING``), so the test fails on the line that
would make the core depend on a lift.
"""

import ast
from pathlib import Path

import pytest

import biomech

PACKAGE = Path(biomech.__file__).parent
CORE = ["biomech.statics", "biomech.dynamics", "biomech.pose", "biomech.model"]


def module_file(name: str) -> Path:
    parts = name.split(".")[1:]
    path = PACKAGE.joinpath(*parts)
    return path / "__init__.py" if path.is_dir() else path.with_suffix(".py")


def imports(name: str) -> set[str]:
    """The modules of the package that ``name`` imports (absolute names)."""
    file = module_file(name)
    package = name if file.name == "__init__.py" else name.rsplit(".", 1)[0]
    found = set()
    for node in ast.walk(ast.parse(file.read_text())):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("biomech")}
        elif isinstance(node, ast.ImportFrom):
            base = package.split(".")
            if node.level:
                base = base[: len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if not target.startswith("biomech"):
                continue
            for a in node.names:  # `from . import x` may name a module
                sub = f"{target}.{a.name}"
                found.add(sub if module_file(sub).exists() else target)
    return found


def closure(name: str) -> set[str]:
    seen, todo = set(), [name]
    while todo:
        current = todo.pop()
        if current in seen or not module_file(current).exists():
            continue
        seen.add(current)
        todo.extend(imports(current))
        if module_file(current).name == "__init__.py":  # a package holds its modules
            todo.extend(f"{current}.{p.stem}" for p in module_file(current).parent.glob("*.py"))
    return seen


def test_the_reader_of_imports_sees_an_exercise_import():
    assert "biomech.exercises" in imports("biomech.simulate") or any(
        m.startswith("biomech.exercises") for m in closure("biomech.simulate")
    )


@pytest.mark.parametrize("core", CORE)
def test_the_core_imports_no_exercise(core):
    reached = sorted(m for m in closure(core) if m.startswith("biomech.exercises"))
    assert reached == [], f"{core} reaches {reached}"
