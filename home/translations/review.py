"""Translations go through the same moderation as their source: a translator submits the translation, as it
stands in wagtail-localize's editor, to the object's workflow; a moderator approves (and so publishes) it.

wagtail-localize's editor only offers "Publish", which translators no longer have; this adds the submit step.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail.models import DraftStateMixin, Page, WorkflowState
from wagtail_localize.models import Translation

from home.errors import DomainError


class ReviewError(DomainError):
    MESSAGES = {
        "no_workflow": _("This content has no moderation workflow; ask a moderator to publish it."),
        "in_review": _("This translation is already waiting for review."),
        "locked": _("This translation is locked by someone else."),
        "invalid": _("The translation is not complete or not valid yet; fix the marked fields and submit again."),
        "not_allowed": _("You may not edit this translation."),
    }


def translation_for(instance) -> Translation | None:
    """The enabled wagtail-localize translation whose target is `instance`, if any."""
    return (
        Translation.objects.filter(
            source__object_id=instance.translation_key, target_locale_id=instance.locale_id, enabled=True
        )
        .select_related("source", "target_locale")
        .first()
    )


def can_edit(user, instance) -> bool:
    if isinstance(instance, Page):
        return instance.permissions_for_user(user).can_edit()
    meta = instance._meta
    return user.has_perm(f"{meta.app_label}.change_{meta.model_name}")


def review_state(instance) -> WorkflowState | None:
    """The workflow the translation is waiting in, if it is."""
    if not isinstance(instance, DraftStateMixin):
        return None
    return instance.current_workflow_state


@transaction.atomic
def submit_for_review(translation: Translation, instance, user) -> WorkflowState:
    """Save the translation's current strings as a draft revision of `instance` and start its workflow."""
    if not can_edit(user, instance):
        raise ReviewError("not_allowed")
    workflow = instance.get_workflow()
    if workflow is None:
        raise ReviewError("no_workflow")
    # Lock the row: two submits at once must not start two workflows.
    instance = type(instance).objects.select_for_update().get(pk=instance.pk)
    if instance.workflow_in_progress:
        raise ReviewError("in_review")
    if getattr(instance, "locked", False) and instance.locked_by_id not in {None, user.pk}:
        raise ReviewError("locked")
    try:
        translation.save_target(user=user, publish=False)
    except ValidationError as error:
        raise ReviewError("invalid") from error
    instance.refresh_from_db()
    return workflow.start(instance, user)
