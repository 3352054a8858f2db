from .pages import EventIndexPage, EventPage, RegistrationTerms
from .registrations import Registration, RegistrationQuerySet, new_ticket_token
from .series import EventSeries, EventSeriesDate

__all__ = [
    "EventIndexPage",
    "EventPage",
    "EventSeries",
    "EventSeriesDate",
    "Registration",
    "RegistrationQuerySet",
    "RegistrationTerms",
    "new_ticket_token",
]
