"""Template tags for the translation admin: the review bar of wagtail-localize's editor."""

from django import template

from home.translations.review import review_state

register = template.Library()


@register.simple_tag
def translation_review(instance) -> dict:
    """Whether `instance` is moderated by a workflow, and the workflow state it is waiting in (if it is)."""
    get_workflow = getattr(instance, "get_workflow", None)
    workflow = get_workflow() if get_workflow else None
    return {"has_workflow": workflow is not None, "state": review_state(instance) if workflow else None}


@register.simple_tag
def source_language() -> str:
    """The site's default language, in which shared texts (image titles and descriptions) are written."""
    from django.conf import settings

    return settings.LANGUAGE_CODE
