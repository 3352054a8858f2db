"""The tickets and waiting places one person holds, split into upcoming and past, in a fixed number of queries."""

from django.utils import timezone
from django.utils.translation import get_language

from events.listing import pages_in_language
from events.models import Registration


def tickets_for(user) -> dict:
    """`upcoming`, `past` (tickets) and `waiting` (waiting places), each registration carrying `page`: the
    event's page in the active language when it has one (events.listing.pages_in_language)."""
    registrations = list(Registration.objects.active().filter(user=user).order_by("pk"))
    pages = pages_in_language([registration.event_id for registration in registrations], get_language())
    now = timezone.now()
    upcoming, past, waiting = [], [], []
    registrations = [registration for registration in registrations if registration.event_id in pages]
    for registration in registrations:
        registration.page = pages[registration.event_id]
    registrations.sort(key=lambda registration: (registration.page.start, registration.pk))
    for registration in registrations:
        if registration.status == Registration.Status.WAITING:
            if registration.page.end > now:
                waiting.append(registration)
        elif registration.page.end > now:
            upcoming.append(registration)
        else:
            past.append(registration)
    past.reverse()  # most recent first
    return {"upcoming": upcoming, "past": past, "waiting": waiting, "now": now}
