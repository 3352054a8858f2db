"""The "Membership" admin menu: members (list, filters, search, CSV export, approve/reject in bulk) and the
newsletter subscriber export."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet, SnippetViewSetGroup

from community import admin_views
from community.models import Member


class MemberIndexView(IndexView):
    """The member list; its CSV/XLSX export needs the export permission, not just the right to see the list."""

    def dispatch(self, request, *args, **kwargs):
        if self.is_export and not request.user.has_perm(admin_views.EXPORT_PERMISSION):
            return admin_views.forbidden(request)
        return super().dispatch(request, *args, **kwargs)

    @property
    def show_export_buttons(self):
        return bool(self.list_export) and self.request.user.has_perm(admin_views.EXPORT_PERMISSION)


class MemberViewSet(SnippetViewSet):
    model = Member
    index_view_class = MemberIndexView
    icon = "group"
    menu_label = _("Members")
    list_display = [
        Column("name", label=_("Name"), accessor=lambda member: member.user.get_full_name()),
        Column("email", label=_("Email"), accessor=lambda member: member.user.email),
        "status",
        "role",
        DateColumn("applied_at", label=_("Applied")),
        DateColumn("expires_on", label=_("Ends")),
    ]
    list_filter = ["status", "role"]
    # Plain database search (no search index for members): user name, e-mail and city.
    search_backend_name = None
    search_fields = ["user__first_name", "user__last_name", "user__email", "city", "job_title"]
    ordering = ["-applied_at"]
    inspect_view_enabled = True
    list_export = [
        "user.first_name",
        "user.last_name",
        "user.email",
        "status",
        "role",
        "job_title",
        "street",
        "postal_code",
        "city",
        "applied_at",
        "expires_on",
    ]
    export_headings = {
        "user.first_name": _("First name"),
        "user.last_name": _("Last name"),
        "user.email": _("Email"),
    }
    export_filename = "members"
    # Status changes go through the Approve/Reject actions (which mail the member), not through this form.
    panels = [
        FieldPanel("role"),
        FieldPanel("job_title"),
        MultiFieldPanel(
            [FieldPanel("street"), FieldRowPanel([FieldPanel("postal_code"), FieldPanel("city")])],
            heading=_("Address"),
        ),
        FieldPanel("expires_on"),
        MultiFieldPanel(
            [FieldPanel("public_profile"), FieldPanel("website"), FieldPanel("linkedin"), FieldPanel("github")],
            heading=_("Members page"),
        ),
    ]

    def get_queryset(self, request):
        return Member.objects.select_related("user")


class NewsletterExportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(admin_views.EXPORT_PERMISSION)


class MembershipGroup(SnippetViewSetGroup):
    menu_label = _("Membership")
    menu_icon = "group"
    menu_order = 250
    items = (MemberViewSet,)

    def get_submenu_items(self):
        return [
            *super().get_submenu_items(),
            NewsletterExportMenuItem(
                _("Newsletter subscribers (CSV)"),
                reverse("community_newsletter_export"),
                name="newsletter-subscribers",
                icon_name="download",
                order=100,
            ),
        ]


register_snippet(MembershipGroup)


@hooks.register("register_admin_urls")
def register_newsletter_export_url():
    return [
        path(
            "community/newsletter-subscribers.csv",
            admin_views.newsletter_export,
            name="community_newsletter_export",
        )
    ]


# Wagtail's hook here takes the action classes themselves.
hooks.register("register_bulk_action", admin_views.ApproveMembersBulkAction)
hooks.register("register_bulk_action", admin_views.RejectMembersBulkAction)
