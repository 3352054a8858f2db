"""Wagtail admin for events: the "Registrations" menu item and its views (events.admin.registrations), and
each event's check-ins and volunteers (events.admin.checkins)."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.models import Page

from events.admin import checkins as admin_checkins
from events.admin import common as admin_common
from events.admin import registrations as admin_registrations
from events.admin import series as admin_series  # noqa: F401 - the Event series snippet
from events.models import EventPage


class RegistrationsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(admin_common.VIEW_PERMISSION)


_urls = (
    [
        path("", admin_registrations.event_list, name="events"),
        path("<row_id:event_id>/", admin_registrations.event_registrations, name="registrations"),
        path("<row_id:event_id>/attendees.csv", admin_registrations.export_attendees, name="export"),
        path("cancel/<row_id:pk>/", admin_registrations.staff_cancel, name="cancel"),
        path("<row_id:event_id>/cancel-event/", admin_registrations.cancel_event, name="cancel_event"),
        path("<row_id:event_id>/checkins/", admin_checkins.event_checkins, name="checkins"),
        path("<row_id:event_id>/checkins/log.csv", admin_checkins.export_checkin_log, name="checkins_export"),
        path(
            "<row_id:event_id>/checkins/attendees.csv",
            admin_checkins.export_checkin_attendees,
            name="checkins_attendees_export",
        ),
        path("<row_id:event_id>/checkins/<row_id:pk>/check-in/", admin_checkins.manual_check_in, name="checkin"),
        path("<row_id:event_id>/checkins/<row_id:pk>/undo/", admin_checkins.manual_undo, name="checkin_undo"),
        path("<row_id:event_id>/volunteers/", admin_checkins.event_volunteers, name="volunteers"),
        path(
            "<row_id:event_id>/volunteers/<row_id:user_id>/remove/",
            admin_checkins.remove_volunteer,
            name="volunteer_remove",
        ),
    ],
    "events_admin",
)


@hooks.register("register_admin_urls")
def register_registration_urls():
    return [path("event-registrations/", include(_urls))]


@hooks.register("register_admin_menu_item")
def register_registrations_menu_item():
    return RegistrationsMenuItem(
        _("Registrations"), reverse("events_admin:events"), icon_name="date", name="event-registrations", order=260
    )


def _refuse_orphaning(request, pages):
    """A redirect with the reason when deleting `pages` would leave an event with registrations without a page."""
    from events.services.lifecycle import events_orphaned_by_deleting

    pages = [page for page in pages if page.specific_class is not None]
    if not events_orphaned_by_deleting(pages):
        return None
    messages.error(
        request,
        _(
            "This event has registrations, so its last page cannot be deleted: the tickets, the waiting list and "
            "the check-ins would lose their event. Unpublish the page instead (the tickets are kept); a page in "
            "another language can be deleted while this one stays."
        ),
    )
    return redirect("wagtailadmin_pages:edit", pages[0].pk)


@hooks.register("before_delete_page")
def keep_events_with_registrations(request, page):
    return _refuse_orphaning(request, [page])


@hooks.register("before_bulk_action")
def keep_events_with_registrations_in_bulk(request, action_type, objects, action_class_instance):
    if action_type == "delete" and objects and isinstance(objects[0], Page):
        return _refuse_orphaning(request, list(objects))
    return None


@hooks.register("after_unpublish_page")
def say_unpublishing_keeps_tickets(request, page):
    if isinstance(page.specific_deferred, EventPage) and page.specific_deferred.event.registrations.exists():
        messages.info(
            request,
            _("The event's tickets and waiting list are kept: unpublishing hides the page, it does not cancel them."),
        )
