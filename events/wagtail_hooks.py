"""Wagtail admin for events: the "Registrations" menu item and its views (events.admin_registrations)."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from events import admin_registrations, admin_series  # noqa: F401 - admin_series registers the Event series admin


class RegistrationsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(admin_registrations.VIEW_PERMISSION)


_urls = (
    [
        path("", admin_registrations.event_list, name="events"),
        path("<int:page_id>/", admin_registrations.event_registrations, name="registrations"),
        path("<int:page_id>/attendees.csv", admin_registrations.export_attendees, name="export"),
        path("cancel/<int:pk>/", admin_registrations.staff_cancel, name="cancel"),
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
