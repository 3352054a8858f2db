"""Admin hooks of the home app: the translation status view and the translators' limits on source pages."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.models import Page, TranslatableMixin

from home.translations.guard import refuse_source_change
from home.translations.review import ReviewError, submit_for_review, translation_for

SUBMIT_FOR_REVIEW = "localize-submit-for-review"


def _submit_translation(request, instance):
    """The translation editor's "Submit for review" button (home/templates/wagtail_localize/...), before
    wagtail-localize's own hook takes the request over."""
    if request.method != "POST" or SUBMIT_FOR_REVIEW not in request.POST:
        return None
    if not isinstance(instance, TranslatableMixin):
        return None
    translation = translation_for(instance)
    if translation is None:
        return None
    try:
        submit_for_review(translation, instance, request.user)
    except ReviewError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Submitted for review: a moderator will approve and publish it."))
    return redirect(request.get_full_path())


@hooks.register("before_edit_page", order=-10)
def submit_page_translation_for_review(request, page):
    return _submit_translation(request, page.specific)


@hooks.register("before_edit_snippet", order=-10)
def submit_snippet_translation_for_review(request, instance):
    return _submit_translation(request, instance)


@hooks.register("before_delete_page")
def keep_source_pages_from_translators_delete(request, page):
    return refuse_source_change(request, [page], "delete")


@hooks.register("before_move_page")
def keep_source_pages_from_translators_move(request, page, destination):
    return refuse_source_change(request, [page], "move")


@hooks.register("before_bulk_action")
def keep_source_pages_from_translators_bulk(request, action_type, objects, action_class_instance):
    if action_type in {"delete", "move"} and objects and isinstance(objects[0], Page):
        return refuse_source_change(request, list(objects), action_type)
    return None
