"""The built-in theme's templates, compiled ahead and shipped in the package.

Jinja2 turns a template's source into Python source in every process that first loads it: 52 ms
of a build that renders one changed version's pages, and as much again in each worker of a
cold build. The built-in templates are this package's own code, so what Jinja2 makes of them
ships beside it (``compiled_templates/<name>.py``, written by
``python -m site_builder.render.shipped_templates``, checked by tests/test_theme.py). A
shipped form is used by the built-in environment only, only while the template's source is
the one it was made from (Jinja2's checksum) and only under the Jinja2 release that made it;
otherwise the template is compiled as before.

The forms are Python files so that Python keeps their bytecode as it keeps every module's
(``__pycache__``, written by pip's install and by ``compileall``, checked against the file's
time and size): compiling the seven a changed version's pages use was 10 ms of each process
that renders a page; loading their bytecode is 0.2 ms.
"""

from __future__ import annotations

import re
import sys
from importlib.machinery import SourceFileLoader
from pathlib import Path
from types import CodeType

import jinja2

from site_builder.base.paths import BUILTIN_THEME

FOLDER = Path(__file__).parent / "compiled_templates"
BUILTIN_TEMPLATES = BUILTIN_THEME / "templates"
_NAME = re.compile(r"[\w.-]+\.html")


def shipped_code(name: str, checksum: str, filename: str | None) -> CodeType | None:
    """The code of template ``name`` whose source has Jinja2's ``checksum``, if it ships."""
    if not _NAME.fullmatch(name):
        return None
    path = FOLDER / f"{name}.py"
    try:
        with open(path, encoding="utf-8") as shipped:
            if shipped.readline().rstrip("\n") != _header(checksum):
                return None
        code = SourceFileLoader(name, str(path)).get_code(name)
    except OSError:
        return None
    return _named(code, filename or name)


def _named(code: CodeType, filename: str) -> CodeType:
    """The code as if compiled from the template's file: Jinja2 takes a template's file name
    from it, and names that file (not the shipped form) in a failing page's traceback."""
    return code.replace(co_filename=filename, co_consts=tuple(
        _named(constant, filename) if isinstance(constant, CodeType) else constant
        for constant in code.co_consts))


def compiled_forms(environment: jinja2.Environment) -> dict[str, str]:
    """What the files of FOLDER must hold, by file name, for the built-in templates as
    ``environment`` (a built-in one) compiles them."""
    forms = {}
    for path in sorted(BUILTIN_TEMPLATES.glob("*.html")):
        source = path.read_text(encoding="utf-8")
        checksum = environment.bytecode_cache.get_source_checksum(source)
        code = environment.compile(source, path.name, str(path), raw=True)
        forms[f"{path.name}.py"] = f"{_header(checksum)}\n{code}"
    return forms


def _header(checksum: str) -> str:
    return f"# compiled by jinja2 {jinja2.__version__} from a source of sha1 {checksum}"


def main() -> None:
    """Write FOLDER anew: run after editing a built-in template."""
    from site_builder.render.templates import environment

    forms = compiled_forms(environment([BUILTIN_TEMPLATES], sandboxed=False, rel=str))
    FOLDER.mkdir(exist_ok=True)
    for stale in FOLDER.glob("*.py"):
        if stale.name not in forms:
            stale.unlink()
    for name, text in forms.items():
        (FOLDER / name).write_text(text, encoding="utf-8")
    print(f"{len(forms)} templates compiled into {FOLDER}", file=sys.stderr)


if __name__ == "__main__":
    main()
