# compiled by jinja2 3.1.6 from a source of sha1 20014b260a7f6d04df8bf2c2a99f53b625032d2a
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'error.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_language = resolve('language')
    l_0_t = resolve('t')
    l_0_problems = resolve('problems')
    l_0_live_reload = resolve('live_reload')
    pass
    yield '<!DOCTYPE html>\n<html lang="'
    yield escape((undefined(name='language') if l_0_language is missing else l_0_language))
    yield '">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>'
    yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'error_title'))
    yield '</title>\n<style>\n:root { color-scheme: light dark; }\nbody { font-family: "NanumGothic", system-ui, sans-serif; margin: 0 auto; max-width: 60rem; padding: 1.5rem; line-height: 1.6; color: #1b1f24; background: #fff; word-break: keep-all; overflow-wrap: anywhere; }\n@media (prefers-color-scheme: dark) {\n  body { color: #e6e8eb; background: #15181c; }\n  .errors li { background: #3a2a12 !important; border-color: #ffb454 !important; }\n  .errors .warning { background: #1f242a !important; border-color: #b4bcc6 !important; }\n}\nh1 { font-size: 1.4rem; }\n.errors { list-style: none; padding: 0; }\n.errors li { background: #fff4e5; border-left: 4px solid #b35900; padding: 0.5rem 0.75rem; margin: 0.5rem 0; font-family: ui-monospace, monospace; white-space: pre-wrap; overflow-wrap: anywhere; }\n.errors .warning { background: #f4f6f8; border-color: #4a535e; }\n</style>\n</head>\n<body>\n<main>\n<h1>'
    yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'error_title'))
    yield '</h1>\n<p>'
    yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'error_intro'))
    yield '</p>\n<ul class="errors">\n'
    for l_1_problem in (undefined(name='problems') if l_0_problems is missing else l_0_problems):
        _loop_vars = {}
        pass
        yield '  <li class="'
        yield escape(environment.getattr(l_1_problem, 'severity'))
        yield '">'
        yield escape(environment.getattr(l_1_problem, 'text'))
        yield '</li>\n'
    l_1_problem = missing
    yield '</ul>\n</main>\n'
    yield escape((undefined(name='live_reload') if l_0_live_reload is missing else l_0_live_reload))
    yield '\n</body>\n</html>\n'

blocks = {}
debug_info = '2=16&6=18&23=20&24=22&26=24&27=28&31=34'