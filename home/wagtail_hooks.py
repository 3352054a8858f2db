"""Wagtail admin for the home app: the outgoing mail outbox under a "Mail" menu, read-only but for one action:
staff with the permission send a given-up mail again with one click."""

import django_filters
from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.middleware.csrf import get_token
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from home import page_cache
from home.mail import send_again
from home.models import OutboxMail

RESEND_PERMISSION = "home.resend_outboxmail"


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


class SendAgainColumn(Column):
    """A "Send again" button on given-up rows, for staff who may (a POST form: it changes something)."""

    def render_cell_html(self, instance, parent_context):
        request = parent_context.get("request")
        if instance.gave_up_at is None or instance.sent_at or not request.user.has_perm(RESEND_PERMISSION):
            return format_html("<td>{}</td>", instance.get_gave_up_reason_display())
        return format_html(
            '<td>{}<form method="post" action="{}"><input type="hidden" name="csrfmiddlewaretoken" value="{}">'
            '<button type="submit" class="button button-small button-secondary">{}</button></form></td>',
            instance.get_gave_up_reason_display(),
            reverse("home_outbox_send_again", args=[instance.pk]),
            get_token(request),
            _("Send again"),
        )


@require_POST
def send_again_view(request, pk: int):
    if not request.user.has_perm(RESEND_PERMISSION):
        raise PermissionDenied
    if send_again(pk):
        messages.success(request, _("The mail is on its way again."))
    else:
        messages.warning(request, _("That mail was not given up, so there is nothing to send again."))
    return redirect(reverse("wagtailsnippets_home_outboxmail:list") + "?state=given_up")


@hooks.register("register_admin_urls")
def outbox_admin_urls():
    return [path("mail/outbox/<row_id:pk>/send-again/", send_again_view, name="home_outbox_send_again")]


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
        "gave_up_reason",
        "unconfirmed_at",
    ]
    list_display = [
        "recipient",
        "template",
        "language",
        "created_at",
        "sent_at",
        "attempts",
        "last_error",
        SendAgainColumn("gave_up_reason", label=_("Given up")),
    ]
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


@hooks.register("before_serve_page")
def note_page_for_the_page_cache(page, request, serve_args, serve_kwargs):
    # Before Wagtail renders: the page's cache generations are read now (home.page_cache).
    page_cache.note_page(page, request)
