"""Wagtail admin for events: the "Registrations" menu item and its views (events.admin_registrations), and
each event's check-ins and volunteers (events.admin_checkins)."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from events import admin_checkins, admin_registrations, admin_series  # noqa: F401 - admin_series: Event series admin


class RegistrationsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(admin_registrations.VIEW_PERMISSION)


_urls = (
    [
        path("", admin_registrations.event_list, name="events"),
        path("<row_id:page_id>/", admin_registrations.event_registrations, name="registrations"),
        path("<row_id:page_id>/attendees.csv", admin_registrations.export_attendees, name="export"),
        path("cancel/<row_id:pk>/", admin_registrations.staff_cancel, name="cancel"),
        path("<row_id:page_id>/checkins/", admin_checkins.event_checkins, name="checkins"),
        path("<row_id:page_id>/checkins/log.csv", admin_checkins.export_checkin_log, name="checkins_export"),
        path(
            "<row_id:page_id>/checkins/attendees.csv",
            admin_checkins.export_checkin_attendees,
            name="checkins_attendees_export",
        ),
        path("<row_id:page_id>/checkins/<row_id:pk>/check-in/", admin_checkins.manual_check_in, name="checkin"),
        path("<row_id:page_id>/checkins/<row_id:pk>/undo/", admin_checkins.manual_undo, name="checkin_undo"),
        path("<row_id:page_id>/volunteers/", admin_checkins.event_volunteers, name="volunteers"),
        path(
            "<row_id:page_id>/volunteers/<row_id:user_id>/remove/",
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
