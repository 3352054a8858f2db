"""Admin hooks for translations: the status view and its menu item, "Submit for review" in wagtail-localize's
editor, and the translators' limits on source pages. Registered by importing this module from home.wagtail_hooks."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.models import Page, TranslatableMixin

from home.translations import views as status_views
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


@hooks.register("register_admin_urls")
def translation_status_urls():
    return [
        path("translations/", status_views.overview, name="translation_status"),
        path("translations/<row_id:source_id>/changes/", status_views.changes, name="translation_changes"),
        path("translations/<row_id:source_id>/sync/", status_views.sync, name="translation_sync"),
        path("translations/sync/", status_views.sync_all, name="translation_sync_all"),
    ]


class TranslationStatusMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(status_views.PERMISSION)


@hooks.register("register_admin_menu_item")
def translation_status_menu_item():
    return TranslationStatusMenuItem(
        gettext_lazy("Translation status"), reverse("translation_status"), icon_name="globe", order=250
    )
