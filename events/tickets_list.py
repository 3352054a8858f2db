"""The tickets and waiting places one person holds, split into upcoming and past, in a fixed number of queries."""

from django.utils import timezone
from django.utils.translation import get_language

from events.listing import translations_by_key
from events.models import Registration


def tickets_for(user) -> dict:
    """`upcoming`, `past` (tickets) and `waiting` (waiting places), each registration carrying `page`: the
    event's page in the active language when it has one (registrations point at the default-language page)."""
    registrations = list(
        Registration.objects.active()
        .filter(user=user)
        .select_related("event", "event__locale")
        .order_by("event__start", "pk")
    )
    translated = translations_by_key([registration.event for registration in registrations], get_language())
    now = timezone.now()
    upcoming, past, waiting = [], [], []
    for registration in registrations:
        registration.page = translated.get(registration.event.translation_key, registration.event)
        if registration.status == Registration.Status.WAITING:
            if registration.event.end > now:
                waiting.append(registration)
        elif registration.event.end > now:
            upcoming.append(registration)
        else:
            past.append(registration)
    past.reverse()  # most recent first
    return {"upcoming": upcoming, "past": past, "waiting": waiting, "now": now}
