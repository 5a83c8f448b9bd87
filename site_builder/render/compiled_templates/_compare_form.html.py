# compiled by jinja2 3.1.6 from a source of sha1 2ce9abb73c05e5ed4e193bde374583bcb3cabf7a
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = '_compare_form.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_compare_form = missing
    pass
    def macro(l_1_t, l_1_url, l_1_document, l_1_action, l_1_selected_from, l_1_selected_to):
        t_1 = []
        if l_1_t is missing:
            l_1_t = undefined("parameter 't' was not provided", name='t')
        if l_1_url is missing:
            l_1_url = undefined("parameter 'url' was not provided", name='url')
        if l_1_document is missing:
            l_1_document = undefined("parameter 'document' was not provided", name='document')
        if l_1_action is missing:
            l_1_action = undefined("parameter 'action' was not provided", name='action')
        if l_1_selected_from is missing:
            l_1_selected_from = undefined("parameter 'selected_from' was not provided", name='selected_from')
        if l_1_selected_to is missing:
            l_1_selected_to = undefined("parameter 'selected_to' was not provided", name='selected_to')
        pass
        t_1.extend((
            '<form id="compare-form" class="compare-form" method="get" action="',
            escape(l_1_action),
            '">\n  <fieldset>\n    <legend>',
            escape(environment.getattr(l_1_t, 'compare_title')),
            '</legend>\n    <div class="compare-fields">\n      <label for="compare-from">',
            escape(environment.getattr(l_1_t, 'compare_from')),
            '</label>\n      <select id="compare-from" name="from">\n',
        ))
        for l_2_v in environment.getattr(l_1_document, 'comparable'):
            _loop_vars = {}
            pass
            t_1.extend((
                '<option value="',
                escape(environment.getattr(l_2_v, 'effective')),
                '"',
            ))
            if (environment.getattr(l_2_v, 'effective') == l_1_selected_from):
                pass
                t_1.append(
                    ' selected',
                )
            t_1.extend((
                '>',
                escape(environment.getattr(l_2_v, 'effective_text')),
                '</option>',
            ))
        l_2_v = missing
        t_1.extend((
            '      </select>\n      <label for="compare-to">',
            escape(environment.getattr(l_1_t, 'compare_to')),
            '</label>\n      <select id="compare-to" name="to">\n',
        ))
        for l_2_v in environment.getattr(l_1_document, 'comparable'):
            _loop_vars = {}
            pass
            t_1.extend((
                '<option value="',
                escape(environment.getattr(l_2_v, 'effective')),
                '"',
            ))
            if (environment.getattr(l_2_v, 'effective') == l_1_selected_to):
                pass
                t_1.append(
                    ' selected',
                )
            t_1.extend((
                '>',
                escape(environment.getattr(l_2_v, 'effective_text')),
                '</option>',
            ))
        l_2_v = missing
        t_1.extend((
            '      </select>\n      <button type="submit">',
            escape(environment.getattr(l_1_t, 'compare')),
            '</button>\n    </div>\n  </fieldset>\n</form>',
        ))
        return concat(t_1)
    context.exported_vars.add('compare_form')
    context.vars['compare_form'] = l_0_compare_form = Macro(environment, macro, 'compare_form', ('t', 'url', 'document', 'action', 'selected_from', 'selected_to'), False, False, False, context.eval_ctx.autoescape)

blocks = {}
debug_info = '1=12&2=29&4=31&6=33&8=36&10=57&12=60&14=81'