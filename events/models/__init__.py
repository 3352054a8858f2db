from .pages import EventIndexPage, EventPage, RegistrationTerms
from .registrations import Registration, RegistrationQuerySet, new_ticket_token

__all__ = [
    "EventIndexPage",
    "EventPage",
    "Registration",
    "RegistrationQuerySet",
    "RegistrationTerms",
    "new_ticket_token",
]
