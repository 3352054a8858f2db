from .checkins import CheckIn, EventVolunteer
from .event import Event, EventQuerySet
from .pages import EventIndexPage, EventPage
from .registrations import Registration, RegistrationQuerySet, new_ticket_token
from .series import EventSeries, EventSeriesDate
from .terms import RegistrationTerms

__all__ = [
    "CheckIn",
    "Event",
    "EventIndexPage",
    "EventPage",
    "EventQuerySet",
    "EventSeries",
    "EventSeriesDate",
    "EventVolunteer",
    "Registration",
    "RegistrationQuerySet",
    "RegistrationTerms",
    "new_ticket_token",
]
