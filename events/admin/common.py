"""What the events admin views share: the permissions, the 403 answer, the events they list and their CSV files.

Every admin view checks its own permission (`requires`), so a URL typed by hand is refused like a hidden link."""

from django.shortcuts import get_object_or_404
from django.utils.translation import get_language

from community.admin_views import forbidden  # the admin's 403 page, one for every app
from events.models import Event
from home.exports import csv_response

VIEW_PERMISSION = "events.view_registrations"
EXPORT_PERMISSION = "events.export_registrations"


def admin_events():
    """The events with their counts (EventQuerySet.with_counts) and their page's title and dates in the admin's
    language; events whose pages are all gone are left out."""
    return Event.objects.with_counts().with_page(get_language())


def admin_event(event_id: int) -> Event:
    return get_object_or_404(admin_events(), pk=event_id)


def iso(moment) -> str:
    """A moment in a CSV cell: ISO 8601, or empty."""
    return moment.isoformat() if moment else ""


def event_csv(request, event_id: int, name: str, header: list[str], rows):
    """The CSV file `name`-<event slug>.csv of `rows(event)` for those who may export registrations."""
    if not request.user.has_perm(EXPORT_PERMISSION):
        return forbidden(request)
    event = admin_event(event_id)
    return csv_response(f"{name}-{event.slug}.csv", header, rows(event))
