"""Template tags for the translation admin: the review bar of wagtail-localize's editor."""

from django import template
from django.urls import reverse
from wagtail.models import Page

from home.translations.review import review_state

register = template.Library()


@register.simple_tag(takes_context=True)
def translation_review(context, instance) -> dict:
    """Whether `instance` is moderated by a workflow, the workflow state it is waiting in (if it is), and the
    actions (approve, request changes…) the current user may take on its task, each with the URL to POST to."""
    get_workflow = getattr(instance, "get_workflow", None)
    workflow = get_workflow() if get_workflow else None
    state = review_state(instance) if workflow else None
    actions = []
    task_state = state.current_task_state if state else None
    if task_state is not None:
        user = context["request"].user
        if isinstance(instance, Page):
            url_name = "wagtailadmin_pages:workflow_action"
        else:
            meta = instance._meta
            url_name = f"wagtailsnippets_{meta.app_label}_{meta.model_name}:workflow_action"
        # Actions that ask for a comment (request changes…) need Wagtail's modal; those stay on the dashboard.
        for name, label, needs_modal in task_state.task.specific.get_actions(instance, user):
            if not needs_modal:
                actions.append({"label": label, "url": reverse(url_name, args=[instance.pk, name, task_state.pk])})
    return {"has_workflow": workflow is not None, "state": state, "actions": actions}


@register.simple_tag
def source_language() -> str:
    """The site's default language, in which shared texts (image titles and descriptions) are written."""
    from django.conf import settings

    return settings.LANGUAGE_CODE
