# compiled by jinja2 3.1.6 from a source of sha1 5ec4d9514c70d2a989ec0f2c852934d0c0eeac03
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = '_comparison_table.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_has_reasons = resolve('has_reasons')
    l_0_t = resolve('t')
    l_0_previous = resolve('previous')
    l_0_version = resolve('version')
    l_0_columns = resolve('columns')
    l_0_rows = resolve('rows')
    pass
    yield '<div class="comparison-wrap">\n<table class="comparison'
    if (undefined(name='has_reasons') if l_0_has_reasons is missing else l_0_has_reasons):
        pass
        yield ' with-reasons'
    yield '">\n  <caption class="visually-hidden">'
    yield escape(context.call(environment.getattr(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'changes_from'), 'format'), before=environment.getattr((undefined(name='previous') if l_0_previous is missing else l_0_previous), 'effective_text'), after=environment.getattr((undefined(name='version') if l_0_version is missing else l_0_version), 'effective_text')))
    yield '</caption>\n  <thead><tr>\n    <th scope="col" class="col-before">'
    yield escape(environment.getitem((undefined(name='t') if l_0_t is missing else l_0_t), environment.getitem((undefined(name='columns') if l_0_columns is missing else l_0_columns), 0)))
    yield ' <span class="col-date">('
    yield escape(environment.getattr((undefined(name='previous') if l_0_previous is missing else l_0_previous), 'effective_text'))
    yield ')</span></th>\n    <th scope="col" class="col-after">'
    yield escape(environment.getitem((undefined(name='t') if l_0_t is missing else l_0_t), environment.getitem((undefined(name='columns') if l_0_columns is missing else l_0_columns), 1)))
    yield ' <span class="col-date">('
    yield escape(environment.getattr((undefined(name='version') if l_0_version is missing else l_0_version), 'effective_text'))
    yield ')</span></th>\n'
    if (undefined(name='has_reasons') if l_0_has_reasons is missing else l_0_has_reasons):
        pass
        yield '<th scope="col" class="col-reason">'
        yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'reason'))
        yield '</th>'
    yield '  </tr></thead>\n  <tbody>\n'
    for l_1_row in (undefined(name='rows') if l_0_rows is missing else l_0_rows):
        _loop_vars = {}
        pass
        yield '    <tr class="row-'
        yield escape(environment.getattr(l_1_row, 'kind'))
        yield '" id="change-'
        yield escape(environment.getattr(l_1_row, 'key'))
        yield '">\n      <td class="before" data-label="'
        yield escape(environment.getitem((undefined(name='t') if l_0_t is missing else l_0_t), environment.getitem((undefined(name='columns') if l_0_columns is missing else l_0_columns), 0)))
        yield '">\n'
        if (environment.getattr(l_1_row, 'kind') == 'added'):
            pass
            yield '<p class="kind">‹'
            yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'added'))
            yield '›</p>'
        else:
            pass
            yield '<p class="article-heading">'
            yield escape(environment.getattr(l_1_row, 'heading_before'))
            yield '</p>\n'
            if (not environment.getattr(l_1_row, 'segments')):
                pass
                yield '<p class="same">'
                yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'heading_only'))
                yield '</p>'
            for l_2_segment in environment.getattr(l_1_row, 'segments'):
                _loop_vars = {}
                pass
                if environment.getattr(l_2_segment, 'same'):
                    pass
                    yield '<p class="same">'
                    yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'omitted_lines'))
                    yield '</p>'
                elif environment.getattr(l_2_segment, 'before'):
                    pass
                    yield '<p>'
                    yield escape(environment.getattr(l_2_segment, 'before'))
                    yield '</p>'
            l_2_segment = missing
        yield '      </td>\n      <td class="after" data-label="'
        yield escape(environment.getitem((undefined(name='t') if l_0_t is missing else l_0_t), environment.getitem((undefined(name='columns') if l_0_columns is missing else l_0_columns), 1)))
        yield '">\n'
        if (environment.getattr(l_1_row, 'kind') == 'removed'):
            pass
            yield '<p class="kind">‹'
            yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'removed'))
            yield '›</p>'
        else:
            pass
            yield '<p class="article-heading">'
            yield escape(environment.getattr(l_1_row, 'heading_after'))
            if environment.getattr(l_1_row, 'moved_from'):
                pass
                yield ' <span class="moved">'
                yield escape(context.call(environment.getattr(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'moved_from'), 'format'), label=environment.getattr(l_1_row, 'moved_from'), _loop_vars=_loop_vars))
                yield '</span>'
            yield '</p>\n'
            if (not environment.getattr(l_1_row, 'segments')):
                pass
                yield '<p class="same">'
                yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'heading_only'))
                yield '</p>'
            for l_2_segment in environment.getattr(l_1_row, 'segments'):
                _loop_vars = {}
                pass
                if environment.getattr(l_2_segment, 'same'):
                    pass
                    yield '<p class="same">'
                    yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'unchanged_lines'))
                    yield '</p>'
                elif environment.getattr(l_2_segment, 'after'):
                    pass
                    yield '<p>'
                    yield escape(environment.getattr(l_2_segment, 'after'))
                    yield '</p>'
            l_2_segment = missing
        yield '      </td>\n'
        if (undefined(name='has_reasons') if l_0_has_reasons is missing else l_0_has_reasons):
            pass
            yield '<td class="reason" data-label="'
            yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'reason'))
            yield '">'
            yield escape((environment.getattr(l_1_row, 'reason') or ''))
            yield '</td>'
        yield '    </tr>\n'
    l_1_row = missing
    yield '  </tbody>\n</table>\n</div>\n'

blocks = {}
debug_info = '5=18&6=22&8=24&9=28&10=32&13=38&14=42&15=46&16=48&17=58&18=63&21=78&22=80&23=95&24=100&27=115'