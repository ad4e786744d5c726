"""reportlab is imported by ``desktop_app/documents`` alone (its docstring says why): the
packet's report.pdf and the consolidated PDF draw through it, so the decree's furniture
and reportlab's quirks live in one place."""

import ast

import desktop_app
from tests.conftest import PROJECT

DOCUMENTS = PROJECT / "desktop_app" / "documents"


def _imports_reportlab(tree: ast.AST) -> list[int]:
    lines = []
    for node in ast.walk(tree):  # function bodies too: a lazy import is still an import
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            names = [node.module or ""]
        else:
            continue
        if any(name.split(".")[0] == "reportlab" for name in names):
            lines.append(node.lineno)
    return lines


def test_only_documents_imports_reportlab():
    package = PROJECT / "desktop_app"
    assert desktop_app.__file__.startswith(str(package))
    found = {}
    for path in sorted(package.rglob("*.py")):
        lines = _imports_reportlab(ast.parse(path.read_text(encoding="utf-8")))
        if lines:
            found[path.relative_to(package).as_posix()] = lines
    assert found, "the scan found no reportlab import at all"
    outside = {path: lines for path, lines in found.items() if not path.startswith("documents/")}
    assert outside == {}
    assert "documents/page.py" in found
