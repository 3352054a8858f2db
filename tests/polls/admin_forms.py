"""The POST data the Wagtail admin's edit form sends for a page as it is now, nested formsets included, so a
test can change one thing (add a question, reorder choices, fix a typo) and post it like an editor would."""

from django.forms.formsets import ORDERING_FIELD_NAME


def _form_data(form) -> dict:
    data = {}
    for bound in form:
        value = bound.value()
        widget = bound.field.widget
        if widget.input_type == "checkbox" if hasattr(widget, "input_type") else False:
            if value:
                data[bound.html_name] = "on"
            continue
        if value is None:
            continue
        if isinstance(value, list | tuple):
            data[bound.html_name] = [str(item) for item in value]
            continue
        formatted = widget.format_value(value)
        data[bound.html_name] = "" if formatted is None else formatted
    for formset in getattr(form, "formsets", {}).values():
        data.update(_formset_data(formset))
    return data


def _formset_data(formset) -> dict:
    data = {}
    for bound in formset.management_form:
        data[bound.html_name] = bound.value()
    for number, child in enumerate(formset.forms):
        data.update(_form_data(child))
        data[child.add_prefix(ORDERING_FIELD_NAME)] = str(number + 1)
    return data


def edit_form_data(page, user) -> dict:
    """What the edit form of `page` posts unchanged (with action=publish)."""
    form_class = type(page).get_edit_handler().get_form_class()
    form = form_class(instance=page, for_user=user, parent_page=page.get_parent())
    return {**_form_data(form), "action-publish": "action-publish"}
