# compiled by jinja2 3.1.6 from a source of sha1 950f60fa54fc96d5713861dd38ac00f3449a2563
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = '_macros.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_period = l_0_selector = l_0_version_item = l_0_breadcrumb = l_0_document_links = l_0_original_only = l_0_language_switch = l_0_translation_banner = missing
    pass
    def macro(l_1_t, l_1_v):
        t_1 = []
        if l_1_t is missing:
            l_1_t = undefined("parameter 't' was not provided", name='t')
        if l_1_v is missing:
            l_1_v = undefined("parameter 'v' was not provided", name='v')
        pass
        if environment.getattr(l_1_v, 'withdrawn'):
            pass
            t_1.append(
                escape(environment.getattr(l_1_t, 'never_in_force')),
            )
        else:
            pass
            t_1.extend((
                '<time datetime="',
                escape(environment.getattr(l_1_v, 'effective')),
                '">',
                escape(environment.getattr(l_1_v, 'effective_text')),
                '</time> ',
                escape(environment.getattr(l_1_t, 'until')),
                '\n',
            ))
            if environment.getattr(l_1_v, 'last_day_text'):
                pass
                t_1.append(
                    escape(environment.getattr(l_1_v, 'last_day_text')),
                )
            elif (environment.getattr(l_1_v, 'status') == 'current'):
                pass
                t_1.append(
                    escape(environment.getattr(l_1_t, 'present')),
                )
        return concat(t_1)
    context.exported_vars.add('period')
    context.vars['period'] = l_0_period = Macro(environment, macro, 'period', ('t', 'v'), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_t, l_1_url, l_1_label, l_1_document, l_1_selected):
        t_2 = []
        l_1_version_items = resolve('version_items')
        if l_1_t is missing:
            l_1_t = undefined("parameter 't' was not provided", name='t')
        if l_1_url is missing:
            l_1_url = undefined("parameter 'url' was not provided", name='url')
        if l_1_label is missing:
            l_1_label = undefined("parameter 'label' was not provided", name='label')
        if l_1_document is missing:
            l_1_document = undefined("parameter 'document' was not provided", name='document')
        if l_1_selected is missing:
            l_1_selected = undefined("parameter 'selected' was not provided", name='selected')
        pass
        t_2.extend((
            '<nav class="version-selector" aria-label="',
            escape(l_1_label),
            '">\n  <form class="version-select" hidden>\n    <label for="version-select">',
            escape(l_1_label),
            '</label>\n    <select id="version-select" data-navigate></select>\n    <button type="submit">',
            escape(environment.getattr(l_1_t, 'go')),
            '</button>\n  </form>\n  <details class="version-list">\n    <summary>',
            escape(l_1_label),
            '</summary>\n    <ul>\n',
        ))
        for l_2_item in context.call((undefined(name='version_items') if l_1_version_items is missing else l_1_version_items), (undefined(name='version_item') if l_0_version_item is missing else l_0_version_item), environment.getattr(l_1_document, 'versions'), l_1_url, l_1_selected):
            _loop_vars = {}
            pass
            t_2.extend((
                '      ',
                escape(l_2_item),
                '\n',
            ))
        l_2_item = missing
        t_2.extend((
            '    </ul>\n    <p><a href="',
            escape(context.call(l_1_url, environment.getattr(l_1_document, 'archive_url'))),
            '">',
            escape(environment.getattr(l_1_t, 'archive')),
            '</a></p>\n  </details>\n</nav>',
        ))
        return concat(t_2)
    context.exported_vars.add('selector')
    context.vars['selector'] = l_0_selector = Macro(environment, macro, 'selector', ('t', 'url', 'label', 'document', 'selected'), False, False, False, context.eval_ctx.autoescape)
    yield '\n\n'
    def macro(l_1_v, l_1_link, l_1_current):
        t_3 = []
        if l_1_v is missing:
            l_1_v = undefined("parameter 'v' was not provided", name='v')
        if l_1_link is missing:
            l_1_link = undefined("parameter 'link' was not provided", name='link')
        if l_1_current is missing:
            l_1_current = undefined("parameter 'current' was not provided", name='current')
        pass
        t_3.append(
            '<li>',
        )
        if l_1_current:
            pass
            t_3.extend((
                '<strong aria-current="page">',
                escape(environment.getattr(l_1_v, 'effective_text')),
                '</strong>',
            ))
        else:
            pass
            t_3.extend((
                '<a href="',
                escape(l_1_link),
                '">',
                escape(environment.getattr(l_1_v, 'effective_text')),
                '</a>',
            ))
        t_3.extend((
            '        <span class="status status-',
            escape(environment.getattr(l_1_v, 'status')),
            '">',
            escape(environment.getattr(l_1_v, 'status_text')),
            '</span>',
        ))
        if environment.getattr(l_1_v, 'original_only'):
            pass
            t_3.append(
                escape(context.call((undefined(name='original_only') if l_0_original_only is missing else l_0_original_only), l_1_v)),
            )
        t_3.append(
            '</li>',
        )
        return concat(t_3)
    context.exported_vars.add('version_item')
    context.vars['version_item'] = l_0_version_item = Macro(environment, macro, 'version_item', ('v', 'link', 'current'), False, False, False, context.eval_ctx.autoescape)
    yield '\n\n'
    def macro(l_1_t, l_1_url, l_1_site, l_1_document):
        t_4 = []
        if l_1_t is missing:
            l_1_t = undefined("parameter 't' was not provided", name='t')
        if l_1_url is missing:
            l_1_url = undefined("parameter 'url' was not provided", name='url')
        if l_1_site is missing:
            l_1_site = undefined("parameter 'site' was not provided", name='site')
        if l_1_document is missing:
            l_1_document = undefined("parameter 'document' was not provided", name='document')
        pass
        t_4.extend((
            '<nav class="breadcrumb" aria-label="',
            escape(environment.getattr(l_1_t, 'breadcrumb')),
            '">\n  <a href="',
            escape(context.call(l_1_url, '')),
            '">',
            escape(environment.getattr(l_1_t, 'documents')),
            '</a> <span aria-hidden="true">›</span>\n  <a href="',
            escape(context.call(l_1_url, environment.getattr(l_1_document, 'url'))),
            '">',
            escape(environment.getattr(l_1_document, 'title')),
            '</a>\n</nav>',
        ))
        return concat(t_4)
    context.exported_vars.add('breadcrumb')
    context.vars['breadcrumb'] = l_0_breadcrumb = Macro(environment, macro, 'breadcrumb', ('t', 'url', 'site', 'document'), False, False, False, context.eval_ctx.autoescape)
    yield '\n\n'
    def macro(l_1_t, l_1_url, l_1_document, l_1_label, l_1_caller):
        t_5 = []
        if l_1_t is missing:
            l_1_t = undefined("parameter 't' was not provided", name='t')
        if l_1_url is missing:
            l_1_url = undefined("parameter 'url' was not provided", name='url')
        if l_1_document is missing:
            l_1_document = undefined("parameter 'document' was not provided", name='document')
        if l_1_label is missing:
            l_1_label = undefined("parameter 'label' was not provided", name='label')
        pass
        t_5.extend((
            '<nav class="policy-links" aria-label="',
            escape(l_1_label),
            '">\n  <ul>\n    ',
            escape(context.call(l_1_caller)),
            '\n    <li><a href="',
            escape(context.call(l_1_url, environment.getattr(l_1_document, 'archive_url'))),
            '">',
            escape(environment.getattr(l_1_t, 'archive')),
            '</a></li>\n    <li><a href="',
            escape(context.call(l_1_url, environment.getattr(l_1_document, 'feed_url'))),
            '">',
            escape(environment.getattr(l_1_t, 'feed')),
            '</a></li>\n  </ul>\n</nav>',
        ))
        return concat(t_5)
    context.exported_vars.add('document_links')
    context.vars['document_links'] = l_0_document_links = Macro(environment, macro, 'document_links', ('t', 'url', 'document', 'label'), False, False, True, context.eval_ctx.autoescape)
    yield '\n\n'
    def macro(l_1_v):
        t_6 = []
        if l_1_v is missing:
            l_1_v = undefined("parameter 'v' was not provided", name='v')
        pass
        if environment.getattr(l_1_v, 'original_only'):
            pass
            t_6.extend((
                ' <span class="original-only">',
                escape(environment.getattr(l_1_v, 'original_only')),
                '</span>',
            ))
        return concat(t_6)
    context.exported_vars.add('original_only')
    context.vars['original_only'] = l_0_original_only = Macro(environment, macro, 'original_only', ('v',), False, False, False, context.eval_ctx.autoescape)
    yield '\n\n'
    def macro(l_1_t, l_1_here, l_1_alternates):
        t_7 = []
        if l_1_t is missing:
            l_1_t = undefined("parameter 't' was not provided", name='t')
        if l_1_here is missing:
            l_1_here = undefined("parameter 'here' was not provided", name='here')
        if l_1_alternates is missing:
            l_1_alternates = undefined("parameter 'alternates' was not provided", name='alternates')
        pass
        if l_1_alternates:
            pass
            t_7.extend((
                '<nav class="language-switch" aria-label="',
                escape(environment.getattr(l_1_t, 'language_switch')),
                '">\n  <ul>\n',
            ))
            for l_2_alt in l_1_alternates:
                _loop_vars = {}
                pass
                t_7.append(
                    '    <li>',
                )
                if environment.getattr(l_2_alt, 'current'):
                    pass
                    t_7.extend((
                        '<strong aria-current="page" lang="',
                        escape(environment.getattr(l_2_alt, 'language')),
                        '">',
                        escape(environment.getattr(l_2_alt, 'name')),
                        '</strong>',
                    ))
                else:
                    pass
                    t_7.extend((
                        '<a href="',
                        escape(context.call(l_1_here, environment.getattr(l_2_alt, 'page'), _loop_vars=_loop_vars)),
                        '" hreflang="',
                        escape(environment.getattr(l_2_alt, 'language')),
                        '" lang="',
                        escape(environment.getattr(l_2_alt, 'language')),
                        '">',
                        escape(environment.getattr(l_2_alt, 'name')),
                        '</a>',
                    ))
                t_7.append(
                    '</li>\n',
                )
            l_2_alt = missing
            t_7.append(
                '  </ul>\n</nav>\n',
            )
        return concat(t_7)
    context.exported_vars.add('language_switch')
    context.vars['language_switch'] = l_0_language_switch = Macro(environment, macro, 'language_switch', ('t', 'here', 'alternates'), False, False, False, context.eval_ctx.autoescape)
    yield '\n\n'
    def macro(l_1_t, l_1_here, l_1_translation):
        t_8 = []
        if l_1_t is missing:
            l_1_t = undefined("parameter 't' was not provided", name='t')
        if l_1_here is missing:
            l_1_here = undefined("parameter 'here' was not provided", name='here')
        if l_1_translation is missing:
            l_1_translation = undefined("parameter 'translation' was not provided", name='translation')
        pass
        if l_1_translation:
            pass
            t_8.extend((
                '<div class="banner banner-translation" role="note">\n  <p>',
                escape(context.call(environment.getattr(environment.getattr(l_1_t, 'translation_banner'), 'format'), original=environment.getattr(l_1_translation, 'original'))),
                '\n    <a href="',
                escape(context.call(l_1_here, environment.getattr(l_1_translation, 'original_url'))),
                '" hreflang="',
                escape(environment.getattr(l_1_translation, 'original_language')),
                '">',
                escape(context.call(environment.getattr(environment.getattr(l_1_t, 'translation_original'), 'format'), original=environment.getattr(l_1_translation, 'original'))),
                '</a></p>\n',
            ))
            if environment.getattr(l_1_translation, 'outdated'):
                pass
                t_8.extend((
                    '<p class="translation-outdated"><strong>',
                    escape(context.call(environment.getattr(environment.getattr(l_1_t, 'translation_outdated'), 'format'), original=environment.getattr(l_1_translation, 'original'))),
                    '</strong></p>',
                ))
            t_8.append(
                '</div>\n',
            )
        return concat(t_8)
    context.exported_vars.add('translation_banner')
    context.vars['translation_banner'] = l_0_translation_banner = Macro(environment, macro, 'translation_banner', ('t', 'here', 'translation'), False, False, False, context.eval_ctx.autoescape)

blocks = {}
debug_info = '1=12&2=19&3=28&4=35&8=49&9=65&12=67&14=69&17=71&20=74&21=79&24=85&33=94&34=106&35=124&39=141&40=154&41=156&42=160&47=169&48=182&50=184&51=186&52=190&59=199&60=204&64=215&65=224&66=228&68=231&69=237&77=270&78=279&80=283&81=285&82=292'