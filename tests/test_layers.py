"""The import contracts of setup.cfg hold: the core's layers, cms above the core, no plugin import;
and function-level imports in core/ stay few, each saying why."""
import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MAX_FUNCTION_LEVEL_IMPORTS = 10


def test_import_contracts_are_kept():
    lint_imports = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(lint_imports)], cwd=ROOT, capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr


def function_level_imports():
    """(path, line) of every import inside a function of core/, migrations aside."""
    found = set()
    for path in sorted((ROOT / "core").rglob("*.py")):
        if "migrations" in path.parts:
            continue
        source = path.read_text()
        lines = source.splitlines()
        for function in ast.walk(ast.parse(source)):
            if isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
                for node in ast.walk(function):
                    if isinstance(node, (ast.Import, ast.ImportFrom)):
                        found.add((path.relative_to(ROOT), node.lineno,
                                   lines[node.lineno - 1]))
    return sorted(found)


def test_few_function_level_imports_in_the_core_each_with_its_reason():
    found = function_level_imports()
    assert len(found) <= MAX_FUNCTION_LEVEL_IMPORTS, "\n".join(
        f"{path}:{line}: {text.strip()}" for path, line, text in found)
    without_reason = [f"{path}:{line}" for path, line, text in found if "#" not in text]
    assert not without_reason, "a function-level import says why in a comment: " + ", ".join(
        without_reason)
