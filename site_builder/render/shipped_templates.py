"""The built-in theme's templates, compiled ahead and shipped in the package.

Jinja2 turns a template's source into Python source in every process that first loads it: 52 ms
of a build that renders one changed version's pages, and as much again in each worker of a
cold build. The built-in templates are this package's own code, so what Jinja2 makes of them
ships beside it (``compiled_templates/<name>.compiled``, written by
``python -m site_builder.render.shipped_templates``, checked by tests/test_theme.py). A
shipped form is used by the built-in environment only, only while the template's source is
the one it was made from (Jinja2's checksum) and only under the Jinja2 release that made it;
otherwise the template is compiled as before. What is left is Python's compile of it.
"""

from __future__ import annotations

import re
import sys
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
    try:
        header, _, code = (FOLDER / f"{name}.compiled").read_text(encoding="utf-8").partition("\n")
    except OSError:
        return None
    if header != _header(checksum):
        return None
    return compile(code, filename or name, "exec")


def compiled_forms(environment: jinja2.Environment) -> dict[str, str]:
    """What the files of FOLDER must hold, by file name, for the built-in templates as
    ``environment`` (a built-in one) compiles them."""
    forms = {}
    for path in sorted(BUILTIN_TEMPLATES.glob("*.html")):
        source = path.read_text(encoding="utf-8")
        checksum = environment.bytecode_cache.get_source_checksum(source)
        code = environment.compile(source, path.name, str(path), raw=True)
        forms[f"{path.name}.compiled"] = f"{_header(checksum)}\n{code}"
    return forms


def _header(checksum: str) -> str:
    return f"# compiled by jinja2 {jinja2.__version__} from a source of sha1 {checksum}"


def main() -> None:
    """Write FOLDER anew: run after editing a built-in template."""
    from site_builder.render.templates import environment

    forms = compiled_forms(environment([BUILTIN_TEMPLATES], sandboxed=False, rel=str))
    FOLDER.mkdir(exist_ok=True)
    for stale in FOLDER.glob("*.compiled"):
        if stale.name not in forms:
            stale.unlink()
    for name, text in forms.items():
        (FOLDER / name).write_text(text, encoding="utf-8")
    print(f"{len(forms)} templates compiled into {FOLDER}", file=sys.stderr)


if __name__ == "__main__":
    main()
