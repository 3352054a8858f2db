"""Admin pieces of membership that Wagtail has no generic view for: the approve/reject bulk actions and the
newsletter subscriber export. A user without the permission gets a 403 page, not Wagtail's redirect."""

from functools import wraps

from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.defaults import permission_denied
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction

from community.models import Member, User
from community.services import membership
from community.services.membership import MembershipError
from home.exports import csv_response

APPROVE_PERMISSION = "community.approve_member"
EXPORT_PERMISSION = "community.export_members"


def forbidden(request):
    return permission_denied(request, PermissionDenied())


def requires(permission: str):
    """A view decorator: the 403 page for anyone without `permission` (Wagtail's admin would turn a raised
    PermissionDenied into a redirect)."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not request.user.has_perm(permission):
                return forbidden(request)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def newsletter_export(request):
    """CSV of every active account that opted in to the newsletter."""
    if not request.user.has_perm(EXPORT_PERMISSION):
        return forbidden(request)
    subscribers = User.objects.filter(newsletter_opt_in=True, is_active=True).order_by("email")
    rows = (
        (user.email, user.first_name, user.last_name, user.language, _iso(user.newsletter_changed_at))
        for user in subscribers.iterator()
    )
    return csv_response(
        f"newsletter-subscribers-{timezone.localdate().isoformat()}.csv",
        ["email", "first_name", "last_name", "language", "opted_in_at"],
        rows,
    )


def _iso(moment) -> str:
    return moment.isoformat() if moment else ""


class DecideMembersBulkAction(SnippetBulkAction):
    """Approve or reject the selected applications, each through the membership service (so each gets its mail);
    members that are not Pending are left as they are and counted as skipped."""

    models = [Member]
    template_name = "community/admin/confirm_bulk_decision.html"
    decide = None  # the service function

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(APPROVE_PERMISSION):
            return forbidden(request)
        return super().dispatch(request, *args, **kwargs)

    def check_perm(self, obj):
        return self.request.user.has_perm(APPROVE_PERMISSION)

    def get_execution_context(self):
        return {**super().get_execution_context(), "user": self.request.user}

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        done = skipped = 0
        for member in objects:
            try:
                cls.decide(member, user)
            except MembershipError:
                skipped += 1
            else:
                done += 1
        return done, skipped

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "action_label": self.display_name}


class ApproveMembersBulkAction(DecideMembersBulkAction):
    display_name = _("Approve")
    action_type = "approve"
    aria_label = _("Approve the selected applications")
    action_priority = 10
    decide = staticmethod(membership.approve)

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext("%(count)d application approved.", "%(count)d applications approved.", num_parent_objects) % {
            "count": num_parent_objects
        } + _skipped(num_child_objects)


class RejectMembersBulkAction(DecideMembersBulkAction):
    display_name = _("Reject")
    action_type = "reject"
    aria_label = _("Reject the selected applications")
    action_priority = 20
    classes = {"serious"}
    decide = staticmethod(membership.reject)

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext("%(count)d application rejected.", "%(count)d applications rejected.", num_parent_objects) % {
            "count": num_parent_objects
        } + _skipped(num_child_objects)


def _skipped(count: int) -> str:
    if not count:
        return ""
    return " " + ngettext(
        "%(count)d was not pending and is unchanged.", "%(count)d were not pending and are unchanged.", count
    ) % {"count": count}
