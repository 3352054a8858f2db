"""The events app's part of a person's data download: their registrations (with check-in) and volunteering."""

from events.models import EventVolunteer, Registration


def registrations(user) -> list[dict]:
    rows = Registration.objects.filter(user=user).select_related("event").order_by("created_at", "pk")
    return [
        {
            "event": registration.event.title,
            "event_start": registration.event.start,
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
    rows = EventVolunteer.objects.filter(user=user).select_related("event").order_by("assigned_at", "pk")
    return [{"event": row.event.title, "event_start": row.event.start, "assigned_at": row.assigned_at} for row in rows]
