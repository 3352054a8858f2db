"""Finding an event's attendees by name, e-mail or typed ticket code: the one guest-list search (the door's and
the admin's lists)."""

import re
import unicodedata

from events.models import Event, EventPage, Registration
from events.models.event import event_of
from events.services.checkin.codes import parse_code

# Letters that Unicode does not split into a base letter and an accent, spelled the way people type them.
FOLDS = str.maketrans({"ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "ł": "l", "đ": "d", "ð": "d", "þ": "th"})
WORD = re.compile(r"[^\W_]+")


def fold(text: str) -> str:
    """Lower-case `text` without accents, so "Søren Ærø" and "soren aero" compare equal."""
    decomposed = unicodedata.normalize("NFKD", (text or "").casefold().translate(FOLDS))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def _matches(terms: list[str], registration: Registration) -> bool:
    user = registration.user
    words = WORD.findall(fold(f"{user.first_name} {user.last_name} {user.email}"))
    return all(any(word.startswith(term) for word in words) for term in terms)


def find_attendees(registrations, query: str, *, limit: int | None = None) -> list[Registration]:
    """The registrations (a queryset, kept in its order) whose holder's first name, last name or e-mail has a
    word starting with each word of `query`, ignoring case and accents ("soren" finds Søren, "alund" finds
    Ålund), or whose typed ticket code `query` is. The one attendee search: the door's and the admin's lists.
    One query: a guest list is small enough to match in Python, which also folds ø and æ as the database
    would not."""
    query = str(query or "")[:100]
    terms = WORD.findall(fold(query))
    if not terms:
        return []
    parsed = parse_code(query)
    code = parsed[1] if parsed and parsed[0] == "short" else None
    found = []
    for registration in registrations.select_related("user").iterator(chunk_size=500):
        if _matches(terms, registration) or (code and registration.short_code == code):
            found.append(registration)
            if limit is not None and len(found) >= limit:
                break
    return found


def search_attendees(event: Event | EventPage, query: str, *, limit: int = 20) -> list[Registration]:
    """The event's ticket holders matching `query` (find_attendees), by name, at most `limit`."""
    event = event_of(event)
    tickets = (
        Registration.objects.confirmed()
        .filter(event_id=event.pk)
        .select_related("user", "checked_in_by")
        .order_by("user__first_name", "user__last_name", "pk")
    )
    return find_attendees(tickets, query, limit=limit)
