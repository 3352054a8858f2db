"""The events app's part of a person's data download: their registrations (with check-in) and volunteering."""

from django.utils.translation import get_language

from events.listing import pages_in_language
from events.models import EventVolunteer, Registration


def registrations(user) -> list[dict]:
    rows = list(Registration.objects.filter(user=user).order_by("created_at", "pk"))
    pages = pages_in_language([registration.event_id for registration in rows], get_language())
    return [
        {
            "event": pages[registration.event_id].title if registration.event_id in pages else "",
            "event_start": pages[registration.event_id].start if registration.event_id in pages else None,
            "status": registration.status,
            "registered_at": registration.created_at,
            "confirmed_at": registration.confirmed_at,
            "cancelled_at": registration.cancelled_at,
            "checked_in_at": registration.checked_in_at,
            "ticket_code": registration.display_code,
        }
        for registration in rows
    ]


def volunteering(user) -> list[dict]:
    rows = list(EventVolunteer.objects.filter(user=user).order_by("assigned_at", "pk"))
    pages = pages_in_language([row.event_id for row in rows], get_language())
    return [
        {
            "event": pages[row.event_id].title if row.event_id in pages else "",
            "event_start": pages[row.event_id].start if row.event_id in pages else None,
            "assigned_at": row.assigned_at,
        }
        for row in rows
    ]
