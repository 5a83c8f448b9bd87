"""The sandbox a theme's templates run in, with bounds on time and size.

Jinja2's immutable sandbox keeps a template from Python's internals; a theme from a pull request
could still make a build run for hours or take gigabytes with ordinary syntax (two nested
``range(100000)`` loops, ``'a' * 3000000000``, ``'{:>999999999}'.format(x)``). Here every way a
template can make something big is bounded (repetition, powers, padding, format widths, ranges,
and the range items one page walks through), each refusal a SandboxLimit; a page that still
runs past PAGE_SECONDS is stopped by the theme (base/deadline.py). The theme reports both with
the template's file and line.
"""

from __future__ import annotations

import re

from jinja2 import Environment, pass_environment
from markupsafe import Markup
from jinja2.filters import do_center, do_format, do_indent, do_truncate, do_wordwrap
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError

from site_builder.base.messages import say

PAGE_SECONDS = 10.0  # a page renders in milliseconds; this is for a theme that loops forever
MAX_MADE = 1_000_000  # characters or items one repetition, padding or format may produce
MAX_WALKED = 1_000_000  # range items one page may create, across all its loops
MAX_POWER_BITS = 100_000  # a power may not have more bits than this
_WIDTHS = re.compile(r"\d+")
_PERCENT_SPEC = re.compile(r"%(?:\([^)]*\))?[-#0 +]*(\*|\d+)?(?:\.(\*|\d+))?[a-zA-Z%]")
_PADDING_METHODS = ("center", "ljust", "rjust", "zfill", "expandtabs")
_DICT_ATTRIBUTES = frozenset(dir(dict))  # what getattr() finds on a dict: all it can find


class SandboxLimit(SecurityError):
    """Something a template made, or asked for, larger than the sandbox allows."""

    def __init__(self, message: str):
        super().__init__(message)
        self.reason = message


def _refuse(what: str, limit: int = MAX_MADE) -> SandboxLimit:
    return SandboxLimit(say("{what} is larger than a theme may make ({limit})", what=what,
                            limit=f"{limit:,}"))


def _bounded_width(*numbers) -> None:
    for number in numbers:
        if isinstance(number, int) and number > MAX_MADE:
            raise _refuse(say("a width of {width}", width=f"{number:,}"))


def _checked_format(text: str) -> str:
    """A format string (str.format) whose widths and precisions are within bounds."""
    for spec in re.findall(r"\{[^{}]*:([^{}]*)\}", text):
        _bounded_width(*(int(n) for n in _WIDTHS.findall(spec)))
    return text


def _checked_percent(text: str) -> str:
    """A %-format string whose widths are within bounds and never taken from the values."""
    for width, precision in _PERCENT_SPEC.findall(text):
        if "*" in (width, precision):
            raise SandboxLimit(say("a %-format width taken from the values ('*') is not "
                                   "allowed; write the width as a number"))
        _bounded_width(*(int(n) for n in (width, precision) if n))
    return text


def css_string(value) -> Markup:
    """A value as a quoted CSS string, safe inside a <style> element: everything but letters,
    digits and spaces written as a CSS escape, so no quote, backslash or "</style>" gets out."""
    escaped = "".join(c if c.isalnum() or c == " " else f"\\{ord(c):x} " for c in str(value))
    return Markup(f'"{escaped}"')


class ThemeSandbox(ImmutableSandboxedEnvironment):
    intercepted_binops = frozenset(("*", "**", "%"))

    def __init__(self, **options):
        super().__init__(**options)
        self.walked = 0
        self.globals["range"] = self._range
        self.globals.pop("lipsum", None)  # makes as many paragraphs as asked for
        self.filters.update(center=_center, indent=_indent, format=_format, truncate=_truncate,
                            wordwrap=_wordwrap, css_string=css_string)

    def _range(self, *args: int) -> range:
        made = range(*args)
        self.walked += len(made)
        if self.walked > MAX_WALKED:
            raise _refuse(say("the number of items this page's loops go through"), MAX_WALKED)
        return made

    def call_binop(self, context, operator: str, left, right):
        if operator == "*":
            for sized, count in ((left, right), (right, left)):
                if isinstance(sized, (str, list, tuple)) and isinstance(count, int):
                    if len(sized) * count > MAX_MADE:
                        raise _refuse(say("a repetition"))
        elif operator == "**" and isinstance(left, int) and isinstance(right, int):
            if right > 0 and max(abs(left).bit_length(), 1) * right > MAX_POWER_BITS:
                raise _refuse(say("the number of bits of a power"), MAX_POWER_BITS)
        elif operator == "%" and isinstance(left, str):
            _checked_percent(left)
        return super().call_binop(context, operator, left, right)

    def call(__self, __context, __obj, *args, **kwargs):  # noqa: N805 - Jinja's own signature
        """Calls of str's padding methods ('a'.ljust(n)) with a width in bounds (a check per
        call, not per attribute: pages look attributes up a million times)."""
        if getattr(__obj, "__name__", None) in _PADDING_METHODS and isinstance(
                getattr(__obj, "__self__", None), str):
            _bounded_width(*args, *kwargs.values())
        return super().call(__context, __obj, *args, **kwargs)

    def wrap_str_format(self, value):
        wrapped = super().wrap_str_format(value)
        if wrapped is None:
            return None
        _checked_format(value.__self__)
        return wrapped

    def page_started(self) -> None:
        self.walked = 0


class BuiltinEnvironment(Environment):
    """The built-in theme's templates are this package's own code: they run without the
    sandbox's check of every attribute (893,000 checks in a 1,000-version build), with the
    same filters. A site's own templates always run in ThemeSandbox."""

    def __init__(self, **options):
        super().__init__(**options)
        self.filters.update(css_string=css_string)

    def page_started(self) -> None:
        pass

    def getattr(self, obj, attribute: str):
        """``v.effective`` of a view (a dict), answered as Jinja answers it, without first
        asking for an attribute no dict has: that failed lookup raised an exception 600,000
        times in a 1,000-version build (0.54 s against 0.10 s)."""
        if type(obj) is dict and attribute not in _DICT_ATTRIBUTES:
            try:
                return obj[attribute]
            except KeyError:
                return self.undefined(obj=obj, name=attribute)
        return super().getattr(obj, attribute)


def _center(value, width: int = 80):
    _bounded_width(width)
    return do_center(value, width)


def _indent(value, width=4, *args, **kwargs):
    _bounded_width(width if isinstance(width, int) else len(str(width)))
    return do_indent(value, width, *args, **kwargs)


def _format(value, *args, **kwargs):
    _checked_percent(str(value))
    return do_format(value, *args, **kwargs)


@pass_environment
def _truncate(environment, value, length: int = 255, *args, **kwargs):
    _bounded_width(length)
    return do_truncate(environment, value, length, *args, **kwargs)


@pass_environment
def _wordwrap(environment, value, width: int = 79, *args, **kwargs):
    _bounded_width(width)
    return do_wordwrap(environment, value, width, *args, **kwargs)
