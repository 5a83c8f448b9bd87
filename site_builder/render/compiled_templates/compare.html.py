# compiled by jinja2 3.1.6 from a source of sha1 a8334496a52f072bf30dc6196e5954522b02ef11
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'compare.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    parent_template = None
    l_0_breadcrumb = l_0_document_links = l_0_compare_form = missing
    pass
    parent_template = environment.get_template('base.html', 'compare.html')
    for name, parent_block in parent_template.blocks.items():
        context.blocks.setdefault(name, []).append(parent_block)
    included_template = environment.get_template('_macros.html', 'compare.html')._get_default_module(context)
    l_0_breadcrumb = getattr(included_template, 'breadcrumb', missing)
    if l_0_breadcrumb is missing:
        l_0_breadcrumb = undefined(f"the template {included_template.__name__!r} (imported on line 3 in 'compare.html') does not export the requested name 'breadcrumb'", name='breadcrumb')
    l_0_document_links = getattr(included_template, 'document_links', missing)
    if l_0_document_links is missing:
        l_0_document_links = undefined(f"the template {included_template.__name__!r} (imported on line 3 in 'compare.html') does not export the requested name 'document_links'", name='document_links')
    context.vars.update({'breadcrumb': l_0_breadcrumb, 'document_links': l_0_document_links})
    context.exported_vars.difference_update(('breadcrumb', 'document_links'))
    included_template = environment.get_template('_compare_form.html', 'compare.html')._get_default_module(context)
    l_0_compare_form = getattr(included_template, 'compare_form', missing)
    if l_0_compare_form is missing:
        l_0_compare_form = undefined(f"the template {included_template.__name__!r} (imported on line 4 in 'compare.html') does not export the requested name 'compare_form'", name='compare_form')
    context.vars['compare_form'] = l_0_compare_form
    context.exported_vars.discard('compare_form')
    yield from parent_template.root_render_func(context)

def block_body_class(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    pass
    yield 'page-wide'

def block_main(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_breadcrumb = resolve('breadcrumb')
    l_0_t = resolve('t')
    l_0_url = resolve('url')
    l_0_site = resolve('site')
    l_0_document = resolve('document')
    l_0_page_title = resolve('page_title')
    l_0_compare_form = resolve('compare_form')
    l_0_js_strings = resolve('js_strings')
    l_0_js_versions = resolve('js_versions')
    l_0_document_links = resolve('document_links')
    pass
    yield escape(context.call((undefined(name='breadcrumb') if l_0_breadcrumb is missing else l_0_breadcrumb), (undefined(name='t') if l_0_t is missing else l_0_t), (undefined(name='url') if l_0_url is missing else l_0_url), (undefined(name='site') if l_0_site is missing else l_0_site), (undefined(name='document') if l_0_document is missing else l_0_document), _block_vars=_block_vars))
    yield '\n<h1>'
    yield escape((undefined(name='page_title') if l_0_page_title is missing else l_0_page_title))
    yield '</h1>\n'
    yield escape(context.call((undefined(name='compare_form') if l_0_compare_form is missing else l_0_compare_form), (undefined(name='t') if l_0_t is missing else l_0_t), (undefined(name='url') if l_0_url is missing else l_0_url), (undefined(name='document') if l_0_document is missing else l_0_document), context.call((undefined(name='url') if l_0_url is missing else l_0_url), environment.getattr((undefined(name='document') if l_0_document is missing else l_0_document), 'compare_url'), _block_vars=_block_vars), environment.getattr(environment.getitem(environment.getattr((undefined(name='document') if l_0_document is missing else l_0_document), 'comparable'), 1), 'effective'), environment.getattr(environment.getitem(environment.getattr((undefined(name='document') if l_0_document is missing else l_0_document), 'comparable'), 0), 'effective'), _block_vars=_block_vars))
    yield '\n<div id="comparison-result" aria-live="polite" data-strings="'
    yield escape((undefined(name='js_strings') if l_0_js_strings is missing else l_0_js_strings))
    yield '" data-versions="'
    yield escape((undefined(name='js_versions') if l_0_js_versions is missing else l_0_js_versions))
    yield '"></div>\n<noscript>\n  <p>'
    yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'compare_needs_script'))
    yield '</p>\n  <ul class="changes-links">\n'
    def t_1(fiter):
        for l_1_v in fiter:
            if environment.getattr(l_1_v, 'changes_url'):
                yield l_1_v
    for l_1_v in t_1(environment.getattr((undefined(name='document') if l_0_document is missing else l_0_document), 'versions')):
        _loop_vars = {}
        pass
        yield '    <li><a href="'
        yield escape(context.call((undefined(name='url') if l_0_url is missing else l_0_url), environment.getattr(l_1_v, 'changes_url'), _loop_vars=_loop_vars))
        yield '">'
        yield escape(context.call(environment.getattr(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'changes_title'), 'format'), title=environment.getattr(l_1_v, 'title'), date=environment.getattr(l_1_v, 'effective_text'), _loop_vars=_loop_vars))
        yield '</a></li>\n'
    l_1_v = missing
    yield '  </ul>\n</noscript>\n'
    def macro():
        t_2 = []
        pass
        return concat(t_2)
    caller = Macro(environment, macro, None, (), False, False, False, context.eval_ctx.autoescape)
    yield context.call((undefined(name='document_links') if l_0_document_links is missing else l_0_document_links), (undefined(name='t') if l_0_t is missing else l_0_t), (undefined(name='url') if l_0_url is missing else l_0_url), (undefined(name='document') if l_0_document is missing else l_0_document), environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'archive'), caller=caller, _block_vars=_block_vars)

def block_scripts(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_asset = resolve('asset')
    pass
    yield '<script src="'
    yield escape(context.call((undefined(name='asset') if l_0_asset is missing else l_0_asset), 'compare.js', _block_vars=_block_vars))
    yield '"></script>\n'

def block_footer(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    pass

blocks = {'body_class': block_body_class, 'main': block_main, 'scripts': block_scripts, 'footer': block_footer}
debug_info = '1=13&3=16&4=25&2=33&5=43&6=61&7=63&8=65&9=67&11=71&13=73&14=81&18=87&20=94&21=104&23=107'