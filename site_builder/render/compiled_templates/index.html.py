# compiled by jinja2 3.1.6 from a source of sha1 54a5e83686080899b8b4eebeabbebf6d2a531d2c
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'index.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    parent_template = None
    pass
    parent_template = environment.get_template('base.html', 'index.html')
    for name, parent_block in parent_template.blocks.items():
        context.blocks.setdefault(name, []).append(parent_block)
    yield from parent_template.root_render_func(context)

def block_header(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_alternates = resolve('alternates')
    l_0_t = resolve('t')
    l_0_here = resolve('here')
    l_0_language_switch = missing
    pass
    included_template = environment.get_template('_macros.html', 'index.html')._get_default_module(context)
    l_0_language_switch = getattr(included_template, 'language_switch', missing)
    if l_0_language_switch is missing:
        l_0_language_switch = undefined(f"the template {included_template.__name__!r} (imported on line 3 in 'index.html') does not export the requested name 'language_switch'", name='language_switch')
    if (undefined(name='alternates') if l_0_alternates is missing else l_0_alternates):
        pass
        yield '<header class="site-header">\n  <div class="wrap">'
        yield escape(context.call((undefined(name='language_switch') if l_0_language_switch is missing else l_0_language_switch), (undefined(name='t') if l_0_t is missing else l_0_t), (undefined(name='here') if l_0_here is missing else l_0_here), (undefined(name='alternates') if l_0_alternates is missing else l_0_alternates), _block_vars=_block_vars))
        yield '</div>\n</header>\n'

def block_main(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_site = resolve('site')
    l_0_documents = resolve('documents')
    l_0_t = resolve('t')
    pass
    yield '<h1>'
    yield escape(environment.getattr((undefined(name='site') if l_0_site is missing else l_0_site), 'title'))
    yield '</h1>\n'
    if (undefined(name='documents') if l_0_documents is missing else l_0_documents):
        pass
        yield '<ul class="document-list">\n'
        for l_1_document in (undefined(name='documents') if l_0_documents is missing else l_0_documents):
            l_1_url = resolve('url')
            _loop_vars = {}
            pass
            yield '  <li>\n    <h2><a href="'
            yield escape(context.call((undefined(name='url') if l_1_url is missing else l_1_url), environment.getattr(l_1_document, 'url'), _loop_vars=_loop_vars))
            yield '">'
            yield escape(environment.getattr(l_1_document, 'title'))
            yield '</a>'
            if (not environment.getattr(l_1_document, 'own')):
                pass
                yield ' <span class="original-only">'
                yield escape(environment.getattr(l_1_document, 'original_only'))
                yield '</span>'
            yield '</h2>\n'
            if environment.getattr(l_1_document, 'description'):
                pass
                yield '<p>'
                yield escape(environment.getattr(l_1_document, 'description'))
                yield '</p>'
            if environment.getattr(l_1_document, 'current'):
                pass
                yield '    <p class="meta">'
                yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'effective_date'))
                yield ': <time datetime="'
                yield escape(environment.getattr(environment.getattr(l_1_document, 'current'), 'effective'))
                yield '">'
                yield escape(environment.getattr(environment.getattr(l_1_document, 'current'), 'effective_text'))
                yield '</time>\n      · <a href="'
                yield escape(context.call((undefined(name='url') if l_1_url is missing else l_1_url), environment.getattr(l_1_document, 'archive_url'), _loop_vars=_loop_vars))
                yield '">'
                yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'archive'))
                yield '</a></p>\n'
            for l_2_upcoming in environment.getattr(l_1_document, 'upcoming'):
                _loop_vars = {}
                pass
                yield '    <p class="notice notice-upcoming">'
                yield escape(context.call(environment.getattr(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'upcoming_notice'), 'format'), date=environment.getattr(l_2_upcoming, 'effective_text'), noun=environment.getattr(l_1_document, 'noun'), _loop_vars=_loop_vars))
                yield '\n      <a href="'
                yield escape(context.call((undefined(name='url') if l_1_url is missing else l_1_url), (environment.getattr(l_2_upcoming, 'changes_url') or environment.getattr(l_2_upcoming, 'url')), _loop_vars=_loop_vars))
                yield '">'
                yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'see_changes'))
                yield '</a></p>\n'
            l_2_upcoming = missing
            yield '  </li>\n'
        l_1_document = l_1_url = missing
        yield '</ul>\n'
    else:
        pass
        yield '<p>'
        yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'no_documents'))
        yield '</p>\n'

blocks = {'header': block_header, 'main': block_main}
debug_info = '1=12&3=17&5=36&8=39&9=51&10=53&12=56&14=61&15=71&16=76&17=79&18=85&20=89&21=93&22=95&28=106'