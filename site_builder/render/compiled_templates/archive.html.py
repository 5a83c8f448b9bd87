# compiled by jinja2 3.1.6 from a source of sha1 40b9111ee60e14df5bc9c5d7b2e59eac8cca4112
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'archive.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    parent_template = None
    l_0_period = l_0_breadcrumb = l_0_original_only = l_0_compare_form = missing
    pass
    parent_template = environment.get_template('base.html', 'archive.html')
    for name, parent_block in parent_template.blocks.items():
        context.blocks.setdefault(name, []).append(parent_block)
    included_template = environment.get_template('_macros.html', 'archive.html')._get_default_module(context)
    l_0_period = getattr(included_template, 'period', missing)
    if l_0_period is missing:
        l_0_period = undefined(f"the template {included_template.__name__!r} (imported on line 2 in 'archive.html') does not export the requested name 'period'", name='period')
    l_0_breadcrumb = getattr(included_template, 'breadcrumb', missing)
    if l_0_breadcrumb is missing:
        l_0_breadcrumb = undefined(f"the template {included_template.__name__!r} (imported on line 2 in 'archive.html') does not export the requested name 'breadcrumb'", name='breadcrumb')
    l_0_original_only = getattr(included_template, 'original_only', missing)
    if l_0_original_only is missing:
        l_0_original_only = undefined(f"the template {included_template.__name__!r} (imported on line 2 in 'archive.html') does not export the requested name 'original_only'", name='original_only')
    context.vars.update({'period': l_0_period, 'breadcrumb': l_0_breadcrumb, 'original_only': l_0_original_only})
    context.exported_vars.difference_update(('period', 'breadcrumb', 'original_only'))
    included_template = environment.get_template('_compare_form.html', 'archive.html')._get_default_module(context)
    l_0_compare_form = getattr(included_template, 'compare_form', missing)
    if l_0_compare_form is missing:
        l_0_compare_form = undefined(f"the template {included_template.__name__!r} (imported on line 3 in 'archive.html') does not export the requested name 'compare_form'", name='compare_form')
    context.vars['compare_form'] = l_0_compare_form
    context.exported_vars.discard('compare_form')
    yield from parent_template.root_render_func(context)

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
    pass
    yield escape(context.call((undefined(name='breadcrumb') if l_0_breadcrumb is missing else l_0_breadcrumb), (undefined(name='t') if l_0_t is missing else l_0_t), (undefined(name='url') if l_0_url is missing else l_0_url), (undefined(name='site') if l_0_site is missing else l_0_site), (undefined(name='document') if l_0_document is missing else l_0_document), _block_vars=_block_vars))
    yield '\n<h1>'
    yield escape((undefined(name='page_title') if l_0_page_title is missing else l_0_page_title))
    yield '</h1>\n'
    if environment.getattr((undefined(name='document') if l_0_document is missing else l_0_document), 'compare_url'):
        pass
        yield escape(context.call((undefined(name='compare_form') if l_0_compare_form is missing else l_0_compare_form), (undefined(name='t') if l_0_t is missing else l_0_t), (undefined(name='url') if l_0_url is missing else l_0_url), (undefined(name='document') if l_0_document is missing else l_0_document), context.call((undefined(name='url') if l_0_url is missing else l_0_url), environment.getattr((undefined(name='document') if l_0_document is missing else l_0_document), 'compare_url'), _block_vars=_block_vars), environment.getattr(environment.getitem(environment.getattr((undefined(name='document') if l_0_document is missing else l_0_document), 'comparable'), 1), 'effective'), environment.getattr(environment.getitem(environment.getattr((undefined(name='document') if l_0_document is missing else l_0_document), 'comparable'), 0), 'effective'), _block_vars=_block_vars))
        yield '\n'
    yield '<ol class="archive" reversed>\n'
    for l_1_v in environment.getattr((undefined(name='document') if l_0_document is missing else l_0_document), 'versions'):
        l_1_original_only = resolve('original_only')
        l_1_period = resolve('period')
        _loop_vars = {}
        pass
        yield '  <li class="archive-entry">\n    <h2><a href="'
        yield escape(context.call((undefined(name='url') if l_0_url is missing else l_0_url), environment.getattr(l_1_v, 'url'), _loop_vars=_loop_vars))
        yield '">'
        yield escape(context.call(environment.getattr(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'effective_on'), 'format'), date=environment.getattr(l_1_v, 'effective_text'), _loop_vars=_loop_vars))
        yield '</a>\n      <span class="status status-'
        yield escape(environment.getattr(l_1_v, 'status'))
        yield '">'
        yield escape(environment.getattr(l_1_v, 'status_text'))
        yield '</span>'
        yield escape(context.call((undefined(name='original_only') if l_1_original_only is missing else l_1_original_only), l_1_v, _loop_vars=_loop_vars))
        yield '</h2>\n    <dl class="policy-meta">\n      <div><dt>'
        yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'period'))
        yield '</dt><dd>'
        yield escape(context.call((undefined(name='period') if l_1_period is missing else l_1_period), (undefined(name='t') if l_0_t is missing else l_0_t), l_1_v, _loop_vars=_loop_vars))
        yield '</dd></div>\n'
        if environment.getattr(l_1_v, 'announced'):
            pass
            yield '<div><dt>'
            yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'announced_date'))
            yield '</dt><dd><time datetime="'
            yield escape(environment.getattr(l_1_v, 'announced'))
            yield '">'
            yield escape(environment.getattr(l_1_v, 'announced_text'))
            yield '</time></dd></div>'
        if environment.getattr(l_1_v, 'withdrawn'):
            pass
            yield '<div><dt>'
            yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'withdrawn_date'))
            yield '</dt><dd><time datetime="'
            yield escape(environment.getattr(l_1_v, 'withdrawn'))
            yield '">'
            yield escape(environment.getattr(l_1_v, 'withdrawn_text'))
            yield '</time> · '
            yield escape(environment.getattr(l_1_v, 'withdrawn_reason'))
            yield '</dd></div>'
        yield '    </dl>\n'
        if environment.getattr(l_1_v, 'summary'):
            pass
            yield '<p class="summary-text"'
            if environment.getattr(l_1_v, 'summary_lang'):
                pass
                yield ' lang="'
                yield escape(environment.getattr(l_1_v, 'summary_lang'))
                yield '"'
            yield '>'
            if environment.getattr(l_1_v, 'material'):
                pass
                yield '<span class="status status-material">'
                yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'material'))
                yield '</span> '
            yield escape(environment.getattr(l_1_v, 'summary'))
            yield '</p>'
        yield '    <p class="links"><a href="'
        yield escape(context.call((undefined(name='url') if l_0_url is missing else l_0_url), environment.getattr(l_1_v, 'url'), _loop_vars=_loop_vars))
        yield '">'
        yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'view_version'))
        yield '</a>'
        if environment.getattr(l_1_v, 'changes_url'):
            pass
            yield ' · <a href="'
            yield escape(context.call((undefined(name='url') if l_0_url is missing else l_0_url), environment.getattr(l_1_v, 'changes_url'), _loop_vars=_loop_vars))
            yield '">'
            yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'changes'))
            yield '</a>'
        yield '</p>\n  </li>\n'
    l_1_v = l_1_original_only = l_1_period = missing
    yield '</ol>\n'

blocks = {'main': block_main}
debug_info = '1=13&2=16&3=28&4=36&5=51&6=53&7=55&8=57&11=60&13=66&14=70&16=76&17=80&18=89&20=101&21=118'