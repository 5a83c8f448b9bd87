"""The package's folders are the pipeline (issue 21): a module imports only from its own stage
or an earlier one, no command imports another, and every module and class stays readable."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "site_builder"
# Earlier first: a module may import from its own folder and the folders before it.
STAGES = ("base", "model", "text", "cache", "sources", "rules", "render", "output", "commands")
COMMANDS = ("build", "check", "serve", "verify", "new", "init", "importer", "notify")
TOP_LEVEL = ("__init__", "__main__", "cli", "cli_arguments")
MAX_MODULE_LINES = 300
MAX_CLASS_LINES = 150


def modules() -> list[Path]:
    """The package's modules; not the built-in templates' shipped forms, which are Jinja2's
    output (render/shipped_templates.py), checked against the templates by tests/test_theme.py."""
    return sorted(p for p in PACKAGE.rglob("*.py") if p.parent.name != "compiled_templates")


def dotted(path: Path) -> str:
    return ".".join(("site_builder", *path.relative_to(PACKAGE).with_suffix("").parts))


def stage(name: str) -> int:
    """The position of a module (``site_builder.rules.notice``) in the pipeline; the command
    line and the package's own files come after every stage."""
    parts = name.split(".")
    return STAGES.index(parts[1]) if len(parts) > 2 else len(STAGES)


def imported(tree: ast.AST, package: str) -> list[tuple[int, str]]:
    """(line, module) of every import of policy-site's own modules, in functions too."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "site_builder" or node.module.split(".")[1:] in ([s] for s in STAGES):
                # from site_builder.render import urls: the module is site_builder.render.urls
                found += [(node.lineno, f"{node.module}.{a.name}") for a in node.names]
            elif node.module.startswith("site_builder."):
                found.append((node.lineno, node.module))
        elif isinstance(node, ast.ImportFrom) and node.level:
            raise AssertionError(f"{package}:{node.lineno}: relative import")
        elif isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names
                      if a.name.startswith("site_builder.")]
    return found


def is_command(name: str) -> bool:
    parts = name.split(".")
    return len(parts) > 2 and parts[1] == "commands" and parts[2] in COMMANDS


def test_every_module_lives_in_a_stage_folder():
    loose = [p.name for p in PACKAGE.glob("*.py") if p.stem not in TOP_LEVEL]
    assert not loose, f"modules outside the stage folders: {loose}"
    folders = {p.name for p in PACKAGE.iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    assert folders <= set(STAGES), folders - set(STAGES)


@pytest.mark.parametrize("path", modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_go_forward_only(path):
    name = dotted(path)
    for line, target in imported(ast.parse(path.read_text(encoding="utf-8")), name):
        if target in ("site_builder", "site_builder.__init__", "site_builder.__version__"):
            continue
        assert stage(target) <= stage(name), (
            f"{path.name}:{line}: {name} imports {target}, a later stage")
        if is_command(name) and is_command(target):
            assert target == name, f"{path.name}:{line}: command {name} imports command {target}"


@pytest.mark.parametrize("path", modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_modules_and_classes_stay_readable(path):
    text = path.read_text(encoding="utf-8")
    tree = ast.parse(text)
    assert ast.get_docstring(tree), f"{path.name} opens with no docstring"
    assert text.count("\n") <= MAX_MODULE_LINES, f"{path.name}: {text.count(chr(10))} lines"
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef):
            length = node.end_lineno - node.lineno + 1
            assert length <= MAX_CLASS_LINES, f"{path.name}: class {node.name}: {length} lines"


def test_a_stage_import_outside_the_rules_is_caught(tmp_path):
    """The test above can fail: a rule importing a renderer is reported."""
    tree = ast.parse("from site_builder.render.pages import PageJob\n")
    (line, target), = imported(tree, "site_builder.rules.notice")
    assert stage(target) > stage("site_builder.rules.notice")
    assert is_command("site_builder.commands.check") and not is_command("site_builder.commands.build_record")
