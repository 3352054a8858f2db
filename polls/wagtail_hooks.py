"""Wagtail admin for polls: the "Poll results" menu item and its views (polls.admin_views). Poll pages themselves
are edited in the page tree like any page."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from polls import admin_views
from polls.services.results import RESULTS_PERMISSION


class PollResultsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(RESULTS_PERMISSION)


_urls = (
    [
        path("", admin_views.poll_list, name="polls"),
        path("<row_id:poll_id>/", admin_views.poll_results, name="results"),
        path("<row_id:poll_id>/results.csv", admin_views.export_results, name="export_results"),
        path("<row_id:poll_id>/voters.csv", admin_views.export_voters, name="export_voters"),
        path("<row_id:poll_id>/ballots.csv", admin_views.export_ballots, name="export_ballots"),
    ],
    "polls_admin",
)


@hooks.register("register_admin_urls")
def register_poll_results_urls():
    return [path("poll-results/", include(_urls))]


@hooks.register("register_admin_menu_item")
def register_poll_results_menu_item():
    return PollResultsMenuItem(
        _("Poll results"), reverse("polls_admin:polls"), icon_name="tasks", name="poll-results", order=270
    )
