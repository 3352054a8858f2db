"""Translators translate; they neither delete nor move a page in the site's default language (the source).

Without publish permission Wagtail already refuses them publishing, unpublishing and moving live pages; what
is left is a draft source page, which change permission alone would let them delete or move.
"""

from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from wagtail.models import Page

TRANSLATORS = "Translators"


def only_translates(user, page: Page) -> bool:
    """Whether `user` holds `page`'s rights only as a translator: in Translators and unable to publish it."""
    if user.is_superuser or not user.groups.filter(name=TRANSLATORS).exists():
        return False
    return not page.permissions_for_user(user).can_publish()


def is_source(page: Page) -> bool:
    return page.locale.language_code == settings.LANGUAGE_CODE


def refuse_source_change(request, pages: list[Page], action: str):
    """A redirect with an error when one of `pages` is a source page the user only translates, else None."""
    refused = [page for page in pages if is_source(page) and only_translates(request.user, page)]
    if not refused:
        return None
    if action == "delete":
        messages.error(request, _("Translators do not delete pages in the original language."))
    else:
        messages.error(request, _("Translators do not move pages in the original language."))
    parent = refused[0].get_parent()
    return redirect("wagtailadmin_explore", parent.pk if parent else refused[0].pk)
