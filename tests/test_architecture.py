"""The architecture holds by machine (docs/dev/architecture.md, ADR 0500): the import
contracts of .importlinter, and no import of our own code hidden inside a function (that is
how cycles used to be dodged). Allowed inside functions: ``AppConfig.ready`` (Django loads
apps before their models may be imported) and ``if TYPE_CHECKING:`` blocks."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "familiennetz"


def _own(node: ast.AST) -> bool:
    if isinstance(node, ast.ImportFrom):
        return node.level > 0 or (node.module or "").startswith("familiennetz")
    if isinstance(node, ast.Import):
        return any(alias.name.startswith("familiennetz") for alias in node.names)
    return False


def _hidden_imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []

    def visit(node: ast.AST, function: str | None) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and "TYPE_CHECKING" in ast.unparse(child.test):
                continue
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)):
                visit(child, child.name)
                continue
            if function and function != "ready" and _own(child):
                found.append(f"{path.relative_to(ROOT)}:{child.lineno} in {function}()")
            visit(child, function)

    visit(tree, None)
    return found


def test_no_import_of_our_own_code_is_hidden_inside_a_function():
    hidden = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if "tests" in path.parts or "migrations" in path.parts:
            continue
        hidden += _hidden_imports(path)
    assert not hidden, "imports inside functions (move them up, or fix the cycle):\n" + "\n".join(
        hidden
    )


def test_the_import_contracts_hold():
    command = [str(Path(sys.executable).parent / "lint-imports"), "--no-cache"]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
