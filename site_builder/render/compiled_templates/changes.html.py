# compiled by jinja2 3.1.6 from a source of sha1 b1c1d382f65ec0a58d21a2b4047670f67b405c02
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'changes.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    parent_template = None
    l_0_breadcrumb = l_0_document_links = missing
    pass
    parent_template = environment.get_template('base.html', 'changes.html')
    for name, parent_block in parent_template.blocks.items():
        context.blocks.setdefault(name, []).append(parent_block)
    included_template = environment.get_template('_macros.html', 'changes.html')._get_default_module(context)
    l_0_breadcrumb = getattr(included_template, 'breadcrumb', missing)
    if l_0_breadcrumb is missing:
        l_0_breadcrumb = undefined(f"the template {included_template.__name__!r} (imported on line 3 in 'changes.html') does not export the requested name 'breadcrumb'", name='breadcrumb')
    l_0_document_links = getattr(included_template, 'document_links', missing)
    if l_0_document_links is missing:
        l_0_document_links = undefined(f"the template {included_template.__name__!r} (imported on line 3 in 'changes.html') does not export the requested name 'document_links'", name='document_links')
    context.vars.update({'breadcrumb': l_0_breadcrumb, 'document_links': l_0_document_links})
    context.exported_vars.difference_update(('breadcrumb', 'document_links'))
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
    l_0_version = resolve('version')
    l_0_previous = resolve('previous')
    l_0_rows = resolve('rows')
    l_0_unchanged = resolve('unchanged')
    l_0_document_links = resolve('document_links')
    pass
    yield '<article class="changes">\n  <header class="policy-header">\n'
    yield escape(context.call((undefined(name='breadcrumb') if l_0_breadcrumb is missing else l_0_breadcrumb), (undefined(name='t') if l_0_t is missing else l_0_t), (undefined(name='url') if l_0_url is missing else l_0_url), (undefined(name='site') if l_0_site is missing else l_0_site), (undefined(name='document') if l_0_document is missing else l_0_document), _block_vars=_block_vars))
    yield '\n    <h1>'
    yield escape((undefined(name='page_title') if l_0_page_title is missing else l_0_page_title))
    yield '</h1>\n    <dl class="policy-meta">\n'
    if environment.getattr((undefined(name='version') if l_0_version is missing else l_0_version), 'announced'):
        pass
        yield '<div><dt>'
        yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'announced_date'))
        yield '</dt><dd><time datetime="'
        yield escape(environment.getattr((undefined(name='version') if l_0_version is missing else l_0_version), 'announced'))
        yield '">'
        yield escape(environment.getattr((undefined(name='version') if l_0_version is missing else l_0_version), 'announced_text'))
        yield '</time></dd></div>'
    yield '      <div><dt>'
    yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'effective_date'))
    yield '</dt><dd><time datetime="'
    yield escape(environment.getattr((undefined(name='version') if l_0_version is missing else l_0_version), 'effective'))
    yield '">'
    yield escape(environment.getattr((undefined(name='version') if l_0_version is missing else l_0_version), 'effective_text'))
    yield '</time></dd></div>\n    </dl>\n    <p class="meta">'
    yield escape(context.call(environment.getattr(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'changes_from'), 'format'), before=environment.getattr((undefined(name='previous') if l_0_previous is missing else l_0_previous), 'effective_text'), after=environment.getattr((undefined(name='version') if l_0_version is missing else l_0_version), 'effective_text'), _block_vars=_block_vars))
    yield '</p>\n  </header>\n'
    if environment.getattr((undefined(name='version') if l_0_version is missing else l_0_version), 'summary'):
        pass
        yield '  <section class="summary" aria-labelledby="summary-title">\n    <h2 id="summary-title">'
        yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'summary'))
        if environment.getattr((undefined(name='version') if l_0_version is missing else l_0_version), 'material'):
            pass
            yield ' <span class="status status-material">'
            yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'material'))
            yield '</span>'
        yield '</h2>\n    <p'
        if environment.getattr((undefined(name='version') if l_0_version is missing else l_0_version), 'summary_lang'):
            pass
            yield ' lang="'
            yield escape(environment.getattr((undefined(name='version') if l_0_version is missing else l_0_version), 'summary_lang'))
            yield '"'
        yield '>'
        yield escape(environment.getattr((undefined(name='version') if l_0_version is missing else l_0_version), 'summary'))
        yield '</p>\n  </section>\n'
    yield '\n'
    if (undefined(name='rows') if l_0_rows is missing else l_0_rows):
        pass
        template = environment.get_template('_comparison_table.html', 'changes.html')
        gen = template.root_render_func(template.new_context(context.get_all(), True, {}))
        try:
            for event in gen:
                yield event
        finally: gen.close()
    else:
        pass
        yield '  <p>'
        yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'no_changes'))
        yield '</p>\n'
    if (undefined(name='unchanged') if l_0_unchanged is missing else l_0_unchanged):
        pass
        yield '<p class="unchanged">'
        yield escape(context.call(environment.getattr(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'unchanged_count'), 'format'), count=(undefined(name='unchanged') if l_0_unchanged is missing else l_0_unchanged), _block_vars=_block_vars))
        yield '</p>'
    yield '\n'
    def macro():
        t_1 = []
        l_1_pdf_url = resolve('pdf_url')
        pass
        if (undefined(name='pdf_url') if l_1_pdf_url is missing else l_1_pdf_url):
            pass
            t_1.extend((
                '<li><a href="',
                escape(context.call((undefined(name='url') if l_0_url is missing else l_0_url), (undefined(name='pdf_url') if l_1_pdf_url is missing else l_1_pdf_url))),
                '" type="application/pdf" download>',
                escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'pdf_comparison')),
                '</a></li>',
            ))
        t_1.extend((
            '    <li><a href="',
            escape(context.call((undefined(name='url') if l_0_url is missing else l_0_url), environment.getattr((undefined(name='previous') if l_0_previous is missing else l_0_previous), 'url'))),
            '">',
            escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'before')),
            ': ',
            escape(environment.getattr((undefined(name='previous') if l_0_previous is missing else l_0_previous), 'effective_text')),
            '</a></li>\n    <li><a href="',
            escape(context.call((undefined(name='url') if l_0_url is missing else l_0_url), environment.getattr((undefined(name='version') if l_0_version is missing else l_0_version), 'url'))),
            '">',
            escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'after')),
            ': ',
            escape(environment.getattr((undefined(name='version') if l_0_version is missing else l_0_version), 'effective_text')),
            '</a></li>\n',
        ))
        return concat(t_1)
    caller = Macro(environment, macro, None, (), False, False, False, context.eval_ctx.autoescape)
    yield context.call((undefined(name='document_links') if l_0_document_links is missing else l_0_document_links), (undefined(name='t') if l_0_t is missing else l_0_t), (undefined(name='url') if l_0_url is missing else l_0_url), (undefined(name='document') if l_0_document is missing else l_0_document), environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'archive'), caller=caller, _block_vars=_block_vars)
    yield '</article>\n'

def block_footer(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    pass

blocks = {'body_class': block_body_class, 'main': block_main, 'footer': block_footer}
debug_info = '1=13&3=16&2=27&4=37&7=57&8=59&10=61&11=71&13=77&15=79&17=82&18=89&22=98&23=100&25=109&27=111&29=117&30=121&31=132&32=138&29=147&36=150'