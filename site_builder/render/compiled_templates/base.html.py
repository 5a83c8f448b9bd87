# compiled by jinja2 3.1.6 from a source of sha1 adc73017b532f439e28cb2889b7de95ab56abc18
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'base.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_site = resolve('site')
    l_0_page_title = resolve('page_title')
    l_0_canonical = resolve('canonical')
    l_0_feeds = resolve('feeds')
    l_0_asset = resolve('asset')
    l_0_alternates = resolve('alternates')
    l_0_absolute = resolve('absolute')
    l_0_t = resolve('t')
    l_0_here = resolve('here')
    l_0_translation = resolve('translation')
    l_0_live_reload = resolve('live_reload')
    l_0_language_switch = l_0_translation_banner = missing
    try:
        t_1 = environment.filters['css_string']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'css_string' found.")
    pass
    included_template = environment.get_template('_macros.html', 'base.html')._get_default_module(context)
    l_0_language_switch = getattr(included_template, 'language_switch', missing)
    if l_0_language_switch is missing:
        l_0_language_switch = undefined(f"the template {included_template.__name__!r} (imported on line 1 in 'base.html') does not export the requested name 'language_switch'", name='language_switch')
    l_0_translation_banner = getattr(included_template, 'translation_banner', missing)
    if l_0_translation_banner is missing:
        l_0_translation_banner = undefined(f"the template {included_template.__name__!r} (imported on line 1 in 'base.html') does not export the requested name 'translation_banner'", name='translation_banner')
    context.vars.update({'language_switch': l_0_language_switch, 'translation_banner': l_0_translation_banner})
    context.exported_vars.difference_update(('language_switch', 'translation_banner'))
    yield '<!DOCTYPE html>\n<html lang="'
    yield escape(environment.getattr((undefined(name='site') if l_0_site is missing else l_0_site), 'language'))
    yield '">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>'
    yield escape((undefined(name='page_title') if l_0_page_title is missing else l_0_page_title))
    if ((undefined(name='page_title') if l_0_page_title is missing else l_0_page_title) != environment.getattr((undefined(name='site') if l_0_site is missing else l_0_site), 'title')):
        pass
        yield ' · '
        yield escape(environment.getattr((undefined(name='site') if l_0_site is missing else l_0_site), 'title'))
    yield '</title>\n<link rel="canonical" href="'
    yield escape((undefined(name='canonical') if l_0_canonical is missing else l_0_canonical))
    yield '">\n'
    for l_1_feed in (undefined(name='feeds') if l_0_feeds is missing else l_0_feeds):
        l_1_url = resolve('url')
        _loop_vars = {}
        pass
        yield '<link rel="alternate" type="application/rss+xml" title="'
        yield escape(environment.getattr(l_1_feed, 'title'))
        yield '" href="'
        yield escape(context.call((undefined(name='url') if l_1_url is missing else l_1_url), environment.getattr(l_1_feed, 'url'), _loop_vars=_loop_vars))
        yield '">\n<link rel="alternate" type="application/atom+xml" title="'
        yield escape(environment.getattr(l_1_feed, 'title'))
        yield ' (Atom)" href="'
        yield escape(context.call((undefined(name='url') if l_1_url is missing else l_1_url), environment.getattr(l_1_feed, 'atom'), _loop_vars=_loop_vars))
        yield '">\n<link rel="alternate" type="application/feed+json" title="'
        yield escape(environment.getattr(l_1_feed, 'title'))
        yield ' (JSON Feed)" href="'
        yield escape(context.call((undefined(name='url') if l_1_url is missing else l_1_url), environment.getattr(l_1_feed, 'json'), _loop_vars=_loop_vars))
        yield '">\n'
    l_1_feed = l_1_url = missing
    yield '<link rel="stylesheet" href="'
    yield escape(context.call((undefined(name='asset') if l_0_asset is missing else l_0_asset), 'style.css'))
    yield '">\n<link rel="icon" href="'
    yield escape(context.call((undefined(name='asset') if l_0_asset is missing else l_0_asset), 'favicon.svg'))
    yield '" type="image/svg+xml">\n'
    for l_1_alt in (undefined(name='alternates') if l_0_alternates is missing else l_0_alternates):
        _loop_vars = {}
        pass
        yield '<link rel="alternate" hreflang="'
        yield escape(environment.getattr(l_1_alt, 'language'))
        yield '" href="'
        yield escape(context.call((undefined(name='absolute') if l_0_absolute is missing else l_0_absolute), environment.getattr(l_1_alt, 'page'), _loop_vars=_loop_vars))
        yield '">\n'
    l_1_alt = missing
    if (undefined(name='alternates') if l_0_alternates is missing else l_0_alternates):
        pass
        yield '<link rel="alternate" hreflang="x-default" href="'
        yield escape(context.call((undefined(name='absolute') if l_0_absolute is missing else l_0_absolute), environment.getattr(environment.getitem((undefined(name='alternates') if l_0_alternates is missing else l_0_alternates), 0), 'page')))
        yield '">'
    yield '<style media="print" id="print-page">@page { @top-left { content: '
    yield from context.blocks['print_title'][0](context)
    yield '; } @top-right { content: '
    yield from context.blocks['print_note'][0](context)
    yield '; } }</style>\n<style media="print" id="print-permalink">@page { @bottom-left { content: '
    yield escape(t_1((undefined(name='canonical') if l_0_canonical is missing else l_0_canonical)))
    yield '; } }</style>\n<style media="print" id="print-date" data-label="'
    yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'printed_on'))
    yield '"></style>\n'
    yield from context.blocks['head'][0](context)
    yield '</head>\n<body class="'
    yield from context.blocks['body_class'][0](context)
    yield '">\n<a class="skip-link" href="#content">'
    yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'skip_to_content'))
    yield '</a>\n'
    yield from context.blocks['header'][0](context)
    yield '<main id="content" class="wrap" tabindex="-1">\n'
    yield escape(context.call((undefined(name='translation_banner') if l_0_translation_banner is missing else l_0_translation_banner), (undefined(name='t') if l_0_t is missing else l_0_t), (undefined(name='here') if l_0_here is missing else l_0_here), (undefined(name='translation') if l_0_translation is missing else l_0_translation)))
    yield '\n'
    yield from context.blocks['main'][0](context)
    yield '</main>\n<footer class="site-footer">\n  <div class="wrap">\n'
    yield from context.blocks['footer'][0](context)
    yield '  </div>\n</footer>\n<script src="'
    yield escape(context.call((undefined(name='asset') if l_0_asset is missing else l_0_asset), 'print.js'))
    yield '"></script>\n'
    yield from context.blocks['scripts'][0](context)
    yield escape((undefined(name='live_reload') if l_0_live_reload is missing else l_0_live_reload))
    yield '\n</body>\n</html>\n'

def block_print_title(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_page_title = resolve('page_title')
    try:
        t_1 = environment.filters['css_string']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'css_string' found.")
    pass
    yield escape(t_1((undefined(name='page_title') if l_0_page_title is missing else l_0_page_title)))

def block_print_note(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    pass
    yield '""'

def block_head(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    pass

def block_body_class(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    pass

def block_header(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_url = resolve('url')
    l_0_site = resolve('site')
    l_0_language_switch = resolve('language_switch')
    l_0_t = resolve('t')
    l_0_here = resolve('here')
    l_0_alternates = resolve('alternates')
    pass
    yield '<header class="site-header">\n  <div class="wrap">\n    <a class="site-title" href="'
    yield escape(context.call((undefined(name='url') if l_0_url is missing else l_0_url), '', _block_vars=_block_vars))
    yield '">'
    yield escape(environment.getattr((undefined(name='site') if l_0_site is missing else l_0_site), 'title'))
    yield '</a>\n    '
    yield escape(context.call((undefined(name='language_switch') if l_0_language_switch is missing else l_0_language_switch), (undefined(name='t') if l_0_t is missing else l_0_t), (undefined(name='here') if l_0_here is missing else l_0_here), (undefined(name='alternates') if l_0_alternates is missing else l_0_alternates), _block_vars=_block_vars))
    yield '\n  </div>\n</header>\n'

def block_main(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    pass

def block_footer(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_url = resolve('url')
    l_0_feeds = resolve('feeds')
    l_0_t = resolve('t')
    pass
    yield '    <a href="'
    yield escape(context.call((undefined(name='url') if l_0_url is missing else l_0_url), environment.getattr(environment.getitem((undefined(name='feeds') if l_0_feeds is missing else l_0_feeds), 0), 'url'), _block_vars=_block_vars))
    yield '">'
    yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'feed'))
    yield '</a>\n'

def block_scripts(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    pass

blocks = {'print_title': block_print_title, 'print_note': block_print_note, 'head': block_head, 'body_class': block_body_class, 'header': block_header, 'main': block_main, 'footer': block_footer, 'scripts': block_scripts}
debug_info = '1=29&3=39&7=41&8=47&9=49&10=54&11=58&12=62&14=68&15=70&16=72&17=76&19=81&22=87&23=91&24=93&25=95&27=97&28=99&29=101&38=103&39=105&44=107&49=109&50=111&51=112&22=115&25=142&27=151&29=160&32=175&33=179&39=182&44=191&45=203&50=208'