from .checkins import CheckIn, EventVolunteer
from .pages import EventIndexPage, EventPage, RegistrationTerms
from .registrations import Registration, RegistrationQuerySet, new_ticket_token
from .series import EventSeries, EventSeriesDate

__all__ = [
    "CheckIn",
    "EventIndexPage",
    "EventPage",
    "EventSeries",
    "EventSeriesDate",
    "EventVolunteer",
    "Registration",
    "RegistrationQuerySet",
    "RegistrationTerms",
    "new_ticket_token",
]
