"""Wagtail admin for the home app: the outgoing mail outbox, read-only, under a "Mail" menu."""

import django_filters
from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from home.models import OutboxMail


class ViewOnlyPermissionPolicy(ModelPermissionPolicy):
    """Staff may look at the outbox but never add, edit or delete a row: only the mail path writes it, and an
    edited row could be sent twice or to someone else."""

    def user_has_permission(self, user, action):
        return action == "view" and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        if "view" not in actions:
            return get_user_model().objects.none()
        return super().users_with_any_permission(["view"])


register_permission_policy(OutboxMail, ViewOnlyPermissionPolicy(OutboxMail))


class OutboxMailFilterSet(WagtailFilterSet):
    state = django_filters.ChoiceFilter(
        label=_("State"),
        choices=[("owed", _("Owed")), ("sent", _("Sent")), ("given_up", _("Given up"))],
        method="filter_state",
        empty_label=_("All"),
        widget=forms.RadioSelect,
    )

    class Meta:
        model = OutboxMail
        fields = ["language"]

    def filter_state(self, queryset, name, value):
        return {"owed": queryset.owed, "sent": queryset.sent, "given_up": queryset.given_up}[value]()


class OutboxMailViewSet(SnippetViewSet):
    model = OutboxMail
    icon = "mail"
    menu_label = _("Outgoing mail")
    inspect_view_enabled = True
    inspect_view_fields = [
        "recipient",
        "template",
        "language",
        "context",
        "created_at",
        "sent_at",
        "attempts",
        "last_attempt_at",
        "last_error",
        "gave_up_at",
    ]
    list_display = ["recipient", "template", "language", "created_at", "sent_at", "attempts", "last_error"]
    list_per_page = 50
    search_fields = ["recipient", "template"]
    filterset_class = OutboxMailFilterSet
    ordering = ["-created_at"]


class MailViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Mail")
    menu_icon = "mail"
    menu_order = 800
    items = (OutboxMailViewSet,)


register_snippet(MailViewSetGroup)

# The translation admin (status view, submit for review, limits on source pages) registers its own hooks.
from home.translations import admin_hooks  # noqa: E402, F401
