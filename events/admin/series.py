"""Admin for recurring meetups: the Event series snippet; saving a series creates its missing event pages."""

from django.contrib import messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from events.models import EventSeries
from events.series import create_series_events


class EventSeriesViewSet(SnippetViewSet):
    model = EventSeries
    icon = "date"
    menu_label = _("Event series")
    add_to_admin_menu = True
    menu_order = 310
    list_display = ["title", "rule", "start_time", "index"]


register_snippet(EventSeriesViewSet)


@hooks.register("after_create_snippet")
@hooks.register("after_edit_snippet")
def create_pages_for_saved_series(request, instance):
    if not isinstance(instance, EventSeries):
        return
    created = create_series_events(instance)
    if created:
        messages.success(
            request,
            ngettext(
                "Created %(count)d event page for the series.",
                "Created %(count)d event pages for the series.",
                len(created),
            )
            % {"count": len(created)},
        )
    else:
        messages.info(request, _("Every date of the series already has its event page."))
