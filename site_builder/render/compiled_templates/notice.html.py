# compiled by jinja2 3.1.6 from a source of sha1 40b89fe75200b56c2ffe0ea8e835ca5f7f3807a2
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'notice.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_notice = resolve('notice')
    l_0_t = resolve('t')
    pass
    yield '<!DOCTYPE html>\n<html lang="'
    yield escape(environment.getattr((undefined(name='notice') if l_0_notice is missing else l_0_notice), 'language'))
    yield '">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>'
    yield escape(environment.getattr((undefined(name='notice') if l_0_notice is missing else l_0_notice), 'subject'))
    yield '</title>\n</head>\n<body style="margin:0;padding:24px;background:#ffffff;color:#1a1a1a;font-family:\'Apple SD Gothic Neo\',\'Malgun Gothic\',\'Noto Sans KR\',sans-serif;font-size:15px;line-height:1.6;">\n<div style="max-width:640px;margin:0 auto;">\n<h1 style="font-size:20px;margin:0 0 16px;">'
    yield escape(environment.getattr((undefined(name='notice') if l_0_notice is missing else l_0_notice), 'subject'))
    yield '</h1>\n'
    if environment.getattr((undefined(name='notice') if l_0_notice is missing else l_0_notice), 'original_only'):
        pass
        yield '<p style="margin:0 0 16px;">'
        yield escape(environment.getattr((undefined(name='notice') if l_0_notice is missing else l_0_notice), 'original_only'))
        yield '</p>'
    if environment.getattr((undefined(name='notice') if l_0_notice is missing else l_0_notice), 'withdrawn'):
        pass
        yield '<p style="margin:0 0 16px;padding:12px;border:1px solid #8a1111;color:#8a1111;">'
        yield escape(context.call(environment.getattr(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'notice_withdrawn'), 'format'), date=environment.getattr((undefined(name='notice') if l_0_notice is missing else l_0_notice), 'effective_text')))
        yield '<br>'
        yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'withdrawn_reason'))
        yield ': '
        yield escape(environment.getattr((undefined(name='notice') if l_0_notice is missing else l_0_notice), 'withdrawn_reason'))
        yield '</p>'
    yield '<p style="margin:0 0 16px;"><strong>'
    yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'effective_date'))
    yield '</strong>: '
    yield escape(environment.getattr((undefined(name='notice') if l_0_notice is missing else l_0_notice), 'effective_text'))
    yield '<br><strong>'
    yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'announced_date'))
    yield '</strong>: '
    yield escape(environment.getattr((undefined(name='notice') if l_0_notice is missing else l_0_notice), 'announced_text'))
    yield '</p>\n'
    if environment.getattr((undefined(name='notice') if l_0_notice is missing else l_0_notice), 'summary'):
        pass
        yield '<p style="margin:0 0 16px;"><strong>'
        yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'summary'))
        yield '</strong>: <span lang="'
        yield escape(environment.getattr((undefined(name='notice') if l_0_notice is missing else l_0_notice), 'summary_language'))
        yield '">'
        yield escape(environment.getattr((undefined(name='notice') if l_0_notice is missing else l_0_notice), 'summary'))
        yield '</span></p>'
    if environment.getattr((undefined(name='notice') if l_0_notice is missing else l_0_notice), 'changed_articles'):
        pass
        yield '<p style="margin:0 0 4px;"><strong>'
        yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'notice_changed_articles'))
        yield '</strong></p>\n<ul style="margin:0 0 16px;padding-left:20px;">'
        for l_1_row in environment.getattr((undefined(name='notice') if l_0_notice is missing else l_0_notice), 'changed_articles'):
            _loop_vars = {}
            pass
            yield '<li>'
            yield escape(environment.getattr(l_1_row, 'heading'))
            yield '</li>'
        l_1_row = missing
        yield '</ul>'
    if environment.getattr((undefined(name='notice') if l_0_notice is missing else l_0_notice), 'reasons'):
        pass
        yield '<p style="margin:0 0 4px;"><strong>'
        yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'reason'))
        yield '</strong></p>\n<ul style="margin:0 0 16px;padding-left:20px;">'
        for l_1_row in environment.getattr((undefined(name='notice') if l_0_notice is missing else l_0_notice), 'reasons'):
            _loop_vars = {}
            pass
            yield '<li>'
            yield escape(environment.getattr(l_1_row, 'article'))
            yield ': '
            yield escape(environment.getattr(l_1_row, 'reason'))
            yield '</li>'
        l_1_row = missing
        yield '</ul>'
    if (environment.getattr((undefined(name='notice') if l_0_notice is missing else l_0_notice), 'material') and (not environment.getattr((undefined(name='notice') if l_0_notice is missing else l_0_notice), 'withdrawn'))):
        pass
        yield '<p style="margin:0 0 16px;padding:12px;background:#fff4e5;border-left:4px solid #8a4b00;">'
        yield escape(context.call(environment.getattr(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'notice_material'), 'format'), date=environment.getattr((undefined(name='notice') if l_0_notice is missing else l_0_notice), 'effective_text')))
        yield '</p>'
    yield '<p style="margin:0 0 8px;"><a href="'
    yield escape(environment.getattr(environment.getattr((undefined(name='notice') if l_0_notice is missing else l_0_notice), 'links'), 'changes'))
    yield '" style="color:#0b57d0;">'
    yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'changes'))
    yield '</a> · <a href="'
    yield escape(environment.getattr(environment.getattr((undefined(name='notice') if l_0_notice is missing else l_0_notice), 'links'), 'version'))
    yield '" style="color:#0b57d0;">'
    yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'notice_full_text'))
    yield '</a>'
    if environment.getattr(environment.getattr((undefined(name='notice') if l_0_notice is missing else l_0_notice), 'links'), 'pdf'):
        pass
        yield ' · <a href="'
        yield escape(environment.getattr(environment.getattr((undefined(name='notice') if l_0_notice is missing else l_0_notice), 'links'), 'pdf'))
        yield '" style="color:#0b57d0;">PDF</a>'
    yield '</p>\n</div>\n</body>\n</html>\n'

blocks = {}
debug_info = '5=14&9=16&13=18&14=20&15=25&16=35&17=43&18=52&19=57&20=65&21=70&22=80&23=86'