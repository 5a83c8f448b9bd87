# compiled by jinja2 3.1.6 from a source of sha1 3eabc41dfe35c49f54f7eff9458fc3be291959c4
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'version.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    parent_template = None
    l_0_period = l_0_selector = l_0_breadcrumb = l_0_document_links = missing
    pass
    parent_template = environment.get_template('base.html', 'version.html')
    for name, parent_block in parent_template.blocks.items():
        context.blocks.setdefault(name, []).append(parent_block)
    included_template = environment.get_template('_macros.html', 'version.html')._get_default_module(context)
    l_0_period = getattr(included_template, 'period', missing)
    if l_0_period is missing:
        l_0_period = undefined(f"the template {included_template.__name__!r} (imported on line 2 in 'version.html') does not export the requested name 'period'", name='period')
    l_0_selector = getattr(included_template, 'selector', missing)
    if l_0_selector is missing:
        l_0_selector = undefined(f"the template {included_template.__name__!r} (imported on line 2 in 'version.html') does not export the requested name 'selector'", name='selector')
    l_0_breadcrumb = getattr(included_template, 'breadcrumb', missing)
    if l_0_breadcrumb is missing:
        l_0_breadcrumb = undefined(f"the template {included_template.__name__!r} (imported on line 2 in 'version.html') does not export the requested name 'breadcrumb'", name='breadcrumb')
    l_0_document_links = getattr(included_template, 'document_links', missing)
    if l_0_document_links is missing:
        l_0_document_links = undefined(f"the template {included_template.__name__!r} (imported on line 2 in 'version.html') does not export the requested name 'document_links'", name='document_links')
    context.vars.update({'period': l_0_period, 'selector': l_0_selector, 'breadcrumb': l_0_breadcrumb, 'document_links': l_0_document_links})
    context.exported_vars.difference_update(('period', 'selector', 'breadcrumb', 'document_links'))
    yield from parent_template.root_render_func(context)

def block_print_note(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_record = resolve('record')
    try:
        t_1 = environment.filters['css_string']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'css_string' found.")
    pass
    if (undefined(name='record') if l_0_record is missing else l_0_record):
        pass
        yield escape(t_1(markup_join(('SHA-256 ', environment.getattr((undefined(name='record') if l_0_record is missing else l_0_record), 'sha256')[:16], '…', ))))
    else:
        pass
        yield '""'

def block_print_title(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_version = resolve('version')
    l_0_t = resolve('t')
    try:
        t_1 = environment.filters['css_string']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'css_string' found.")
    pass
    yield escape(t_1(markup_join((environment.getattr((undefined(name='version') if l_0_version is missing else l_0_version), 'title'), ' · ', environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'effective_date'), ' ', environment.getattr((undefined(name='version') if l_0_version is missing else l_0_version), 'effective_text'), ))))

def block_head(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_version_links = resolve('version_links')
    l_0_json_ld = resolve('json_ld')
    pass
    for l_1_link in (undefined(name='version_links') if l_0_version_links is missing else l_0_version_links):
        _loop_vars = {}
        pass
        yield '<link rel="'
        yield escape(environment.getattr(l_1_link, 'rel'))
        yield '" href="'
        yield escape(environment.getattr(l_1_link, 'href'))
        yield '"'
        if environment.getattr(l_1_link, 'type'):
            pass
            yield ' type="'
            yield escape(environment.getattr(l_1_link, 'type'))
            yield '"'
        yield '>\n'
    l_1_link = missing
    yield '<script type="application/ld+json">'
    yield escape((undefined(name='json_ld') if l_0_json_ld is missing else l_0_json_ld))
    yield '</script>\n'

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
    l_0_version = resolve('version')
    l_0_period = resolve('period')
    l_0_stands_in_for = resolve('stands_in_for')
    l_0_here = resolve('here')
    l_0_translation = resolve('translation')
    l_0_is_document_page = resolve('is_document_page')
    l_0_selector = resolve('selector')
    l_0_selector_label = resolve('selector_label')
    l_0_contents = resolve('contents')
    l_0_body = resolve('body')
    l_0_record = resolve('record')
    l_0_document_links = resolve('document_links')
    pass
    yield '<article class="policy">\n  <header class="policy-header">\n'
    yield escape(context.call((undefined(name='breadcrumb') if l_0_breadcrumb is missing else l_0_breadcrumb), (undefined(name='t') if l_0_t is missing else l_0_t), (undefined(name='url') if l_0_url is missing else l_0_url), (undefined(name='site') if l_0_site is missing else l_0_site), (undefined(name='document') if l_0_document is missing else l_0_document), _block_vars=_block_vars))
    yield '\n    <h1>'
    yield escape(environment.getattr((undefined(name='version') if l_0_version is missing else l_0_version), 'title'))
    yield '</h1>\n    <dl class="policy-meta">\n      <div><dt>'
    yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'effective_date'))
    yield '</dt><dd><time datetime="'
    yield escape(environment.getattr((undefined(name='version') if l_0_version is missing else l_0_version), 'effective'))
    yield '">'
    yield escape(environment.getattr((undefined(name='version') if l_0_version is missing else l_0_version), 'effective_text'))
    yield '</time>'
    if environment.getattr((undefined(name='version') if l_0_version is missing else l_0_version), 'changes_url'):
        pass
        yield ' <a class="changes-link" href="'
        yield escape(context.call((undefined(name='url') if l_0_url is missing else l_0_url), environment.getattr((undefined(name='version') if l_0_version is missing else l_0_version), 'changes_url'), _block_vars=_block_vars))
        yield '">'
        yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'see_changes'))
        yield '</a>'
    yield '</dd></div>\n      <div><dt>'
    yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'period'))
    yield '</dt><dd>'
    yield escape(context.call((undefined(name='period') if l_0_period is missing else l_0_period), (undefined(name='t') if l_0_t is missing else l_0_t), (undefined(name='version') if l_0_version is missing else l_0_version), _block_vars=_block_vars))
    yield ' <span class="status status-'
    yield escape(environment.getattr((undefined(name='version') if l_0_version is missing else l_0_version), 'status'))
    yield '">'
    yield escape(environment.getattr((undefined(name='version') if l_0_version is missing else l_0_version), 'status_text'))
    yield '</span></dd></div>\n    </dl>\n  </header>\n\n'
    if (undefined(name='stands_in_for') if l_0_stands_in_for is missing else l_0_stands_in_for):
        pass
        yield '  <div class="banner banner-past" role="note">\n    <p><strong>'
        yield escape(context.call(environment.getattr(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'translation_stand_in'), 'format'), date=environment.getattr((undefined(name='stands_in_for') if l_0_stands_in_for is missing else l_0_stands_in_for), 'effective_text'), noun=environment.getattr((undefined(name='document') if l_0_document is missing else l_0_document), 'noun'), _block_vars=_block_vars))
        yield '</strong>\n      <a href="'
        yield escape(context.call((undefined(name='here') if l_0_here is missing else l_0_here), environment.getattr((undefined(name='stands_in_for') if l_0_stands_in_for is missing else l_0_stands_in_for), 'url'), _block_vars=_block_vars))
        yield '" hreflang="'
        yield escape(environment.getattr((undefined(name='translation') if l_0_translation is missing else l_0_translation), 'original_language'))
        yield '">'
        yield escape(context.call(environment.getattr(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'translation_original'), 'format'), original=environment.getattr((undefined(name='translation') if l_0_translation is missing else l_0_translation), 'original'), _block_vars=_block_vars))
        yield '</a></p>\n  </div>\n'
    elif (environment.getattr((undefined(name='version') if l_0_version is missing else l_0_version), 'status') == 'draft'):
        pass
        yield '  <div class="banner banner-draft" role="note">\n    <p><strong>'
        yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'status_draft'))
        yield '</strong> · '
        yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'draft_banner'))
        yield '</p>\n  </div>\n'
    elif (environment.getattr((undefined(name='version') if l_0_version is missing else l_0_version), 'status') == 'withdrawn'):
        pass
        yield '  <div class="banner banner-withdrawn" role="note">\n    <p><strong>'
        yield escape(context.call(environment.getattr(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'withdrawn_banner'), 'format'), date=environment.getattr((undefined(name='version') if l_0_version is missing else l_0_version), 'withdrawn_text'), _block_vars=_block_vars))
        yield '</strong>\n      '
        yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'withdrawn_reason'))
        yield ': '
        yield escape(environment.getattr((undefined(name='version') if l_0_version is missing else l_0_version), 'withdrawn_reason'))
        yield '\n      <a href="'
        yield escape(context.call((undefined(name='url') if l_0_url is missing else l_0_url), environment.getattr((undefined(name='document') if l_0_document is missing else l_0_document), 'url'), _block_vars=_block_vars))
        yield '">'
        yield escape(context.call(environment.getattr(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'past_banner_link'), 'format'), noun=environment.getattr((undefined(name='document') if l_0_document is missing else l_0_document), 'noun'), _block_vars=_block_vars))
        yield '</a></p>\n  </div>\n'
    elif (environment.getattr((undefined(name='version') if l_0_version is missing else l_0_version), 'status') == 'past'):
        pass
        yield '  <div class="banner banner-past" role="note">\n    <p>'
        yield escape(context.call(environment.getattr(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'past_banner'), 'format'), noun=environment.getattr((undefined(name='document') if l_0_document is missing else l_0_document), 'noun'), _block_vars=_block_vars))
        yield ' <a href="'
        yield escape(context.call((undefined(name='url') if l_0_url is missing else l_0_url), environment.getattr((undefined(name='document') if l_0_document is missing else l_0_document), 'url'), _block_vars=_block_vars))
        yield '">'
        yield escape(context.call(environment.getattr(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'past_banner_link'), 'format'), noun=environment.getattr((undefined(name='document') if l_0_document is missing else l_0_document), 'noun'), _block_vars=_block_vars))
        yield '</a></p>\n  </div>\n'
    elif (environment.getattr((undefined(name='version') if l_0_version is missing else l_0_version), 'status') == 'upcoming'):
        pass
        yield '  <div class="banner banner-upcoming" role="note">\n    <p>'
        if environment.getattr((undefined(name='version') if l_0_version is missing else l_0_version), 'material'):
            pass
            yield '<span class="status status-material">'
            yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'material'))
            yield '</span> '
        yield escape(context.call(environment.getattr(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'upcoming_banner'), 'format'), date=environment.getattr((undefined(name='version') if l_0_version is missing else l_0_version), 'effective_text'), noun=environment.getattr((undefined(name='document') if l_0_document is missing else l_0_document), 'noun'), _block_vars=_block_vars))
        yield '\n'
        if environment.getattr((undefined(name='version') if l_0_version is missing else l_0_version), 'changes_url'):
            pass
            yield '<a href="'
            yield escape(context.call((undefined(name='url') if l_0_url is missing else l_0_url), environment.getattr((undefined(name='version') if l_0_version is missing else l_0_version), 'changes_url'), _block_vars=_block_vars))
            yield '">'
            yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'see_changes'))
            yield '</a>'
        yield '</p>\n  </div>\n'
    elif (undefined(name='is_document_page') if l_0_is_document_page is missing else l_0_is_document_page):
        pass
        for l_1_upcoming in environment.getattr((undefined(name='document') if l_0_document is missing else l_0_document), 'upcoming'):
            _loop_vars = {}
            pass
            yield '  <div class="banner banner-upcoming" role="note">\n    <p>'
            if environment.getattr(l_1_upcoming, 'material'):
                pass
                yield '<span class="status status-material">'
                yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'material'))
                yield '</span> '
            yield escape(context.call(environment.getattr(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'upcoming_notice'), 'format'), date=environment.getattr(l_1_upcoming, 'effective_text'), noun=environment.getattr((undefined(name='document') if l_0_document is missing else l_0_document), 'noun'), _loop_vars=_loop_vars))
            yield '\n'
            if environment.getattr(l_1_upcoming, 'changes_url'):
                pass
                yield '<a href="'
                yield escape(context.call((undefined(name='url') if l_0_url is missing else l_0_url), environment.getattr(l_1_upcoming, 'changes_url'), _loop_vars=_loop_vars))
                yield '">'
                yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'see_changes'))
                yield '</a> ·'
            yield '      <a href="'
            yield escape(context.call((undefined(name='url') if l_0_url is missing else l_0_url), environment.getattr(l_1_upcoming, 'url'), _loop_vars=_loop_vars))
            yield '">'
            yield escape(context.call(environment.getattr(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'see_new_version'), 'format'), noun=environment.getattr((undefined(name='document') if l_0_document is missing else l_0_document), 'noun'), _loop_vars=_loop_vars))
            yield '</a></p>\n  </div>\n'
        l_1_upcoming = missing
    yield '\n  '
    yield escape(context.call((undefined(name='selector') if l_0_selector is missing else l_0_selector), (undefined(name='t') if l_0_t is missing else l_0_t), (undefined(name='url') if l_0_url is missing else l_0_url), (undefined(name='selector_label') if l_0_selector_label is missing else l_0_selector_label), (undefined(name='document') if l_0_document is missing else l_0_document), environment.getattr((undefined(name='version') if l_0_version is missing else l_0_version), 'effective'), _block_vars=_block_vars))
    yield '\n\n'
    if (undefined(name='contents') if l_0_contents is missing else l_0_contents):
        pass
        yield '  <nav class="toc" aria-labelledby="toc-title">\n    <h2 id="toc-title">'
        yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'contents'))
        yield '</h2>\n    <ol>\n'
        for l_1_item in (undefined(name='contents') if l_0_contents is missing else l_0_contents):
            _loop_vars = {}
            pass
            yield '      <li><a href="#'
            yield escape(environment.getattr(l_1_item, 'id'))
            yield '">'
            yield escape(environment.getattr(l_1_item, 'text'))
            yield '</a></li>\n'
        l_1_item = missing
        yield '    </ol>\n  </nav>\n'
    yield '\n  <div class="policy-body">\n'
    yield escape((undefined(name='body') if l_0_body is missing else l_0_body))
    yield '\n  </div>\n\n'
    if (undefined(name='record') if l_0_record is missing else l_0_record):
        pass
        yield '  <details class="record">\n    <summary>'
        yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'record'))
        yield '</summary>\n    <p>'
        yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'record_intro'))
        yield '</p>\n    <p>SHA-256: <code class="source-sha256">'
        yield escape(environment.getattr((undefined(name='record') if l_0_record is missing else l_0_record), 'sha256'))
        yield '</code></p>\n    <p><a href="'
        yield escape(context.call((undefined(name='url') if l_0_url is missing else l_0_url), environment.getattr((undefined(name='record') if l_0_record is missing else l_0_record), 'source_url'), _block_vars=_block_vars))
        yield '">'
        yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'record_source'))
        yield '</a> · <a href="'
        yield escape(context.call((undefined(name='url') if l_0_url is missing else l_0_url), 'ledger.json', _block_vars=_block_vars))
        yield '">'
        yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'record_ledger'))
        yield '</a></p>\n  </details>\n'
    yield '\n'
    def macro():
        t_2 = []
        l_1_pdf_url = resolve('pdf_url')
        pass
        if environment.getattr((undefined(name='version') if l_0_version is missing else l_0_version), 'changes_url'):
            pass
            t_2.extend((
                '<li><a href="',
                escape(context.call((undefined(name='url') if l_0_url is missing else l_0_url), environment.getattr((undefined(name='version') if l_0_version is missing else l_0_version), 'changes_url'))),
                '">',
                escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'changes')),
                '</a></li>',
            ))
        if (undefined(name='pdf_url') if l_1_pdf_url is missing else l_1_pdf_url):
            pass
            t_2.extend((
                '<li><a href="',
                escape(context.call((undefined(name='url') if l_0_url is missing else l_0_url), (undefined(name='pdf_url') if l_1_pdf_url is missing else l_1_pdf_url))),
                '" type="application/pdf" download>',
                escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'pdf')),
                '</a></li>',
            ))
        return concat(t_2)
    caller = Macro(environment, macro, None, (), False, False, False, context.eval_ctx.autoescape)
    yield context.call((undefined(name='document_links') if l_0_document_links is missing else l_0_document_links), (undefined(name='t') if l_0_t is missing else l_0_t), (undefined(name='url') if l_0_url is missing else l_0_url), (undefined(name='document') if l_0_document is missing else l_0_document), environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'changes'), caller=caller, _block_vars=_block_vars)
    yield '</article>\n'

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
    yield escape(context.call((undefined(name='asset') if l_0_asset is missing else l_0_asset), 'selector.js', _block_vars=_block_vars))
    yield '"></script>'

def block_footer(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    pass

blocks = {'print_note': block_print_note, 'print_title': block_print_title, 'head': block_head, 'main': block_main, 'scripts': block_scripts, 'footer': block_footer}
debug_info = '1=13&2=16&3=33&4=55&5=73&6=83&7=99&9=102&12=128&13=130&15=132&16=146&20=154&22=157&23=159&25=165&27=168&29=172&31=175&32=177&33=181&35=185&37=188&39=194&41=197&42=204&44=212&45=214&47=218&48=225&49=233&54=239&56=241&58=244&60=246&61=250&68=257&71=259&73=262&74=264&75=266&76=268&80=277&81=281&82=290&80=301&86=304&87=317'