"""Fixtures for the ticket, mail, calendar and series tests: an event index and events in both languages."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from events.models import EventIndexPage, EventPage
from tests.home.tree import english_locale, ensure_home_page, publish_translation

COPENHAGEN = ZoneInfo("Europe/Copenhagen")


def local(*args) -> datetime:
    return datetime(*args, tzinfo=COPENHAGEN)


@pytest.fixture
def event_index(db) -> EventIndexPage:
    home = ensure_home_page()
    index = EventIndexPage(title="Arrangementer", slug="arrangementer")
    home.add_child(instance=index)
    index.save_revision().publish()
    return EventIndexPage.objects.get(pk=index.pk)


def make_event(index: EventIndexPage, **fields) -> EventPage:
    defaults = {
        "title": "Meetup om sprogmodeller",
        "slug": "meetup",
        "start": local(2030, 7, 2, 17, 0),
        "end": local(2030, 7, 2, 19, 0),
        "summary": "Foredrag, pizza; og snak",
        "location_name": "ITU",
        "street": "Rued Langgaards Vej 7",
        "postal_code": "2300",
        "city": "København S",
        "capacity": 10,
    }
    page = EventPage.with_new_event(**{**defaults, **fields})
    index.add_child(instance=page)
    page.save_revision().publish()
    return EventPage.objects.get(pk=page.pk)


@pytest.fixture
def event(event_index) -> EventPage:
    return make_event(event_index)


@pytest.fixture
def english_event(event, event_index) -> EventPage:
    english = english_locale()
    publish_translation(event_index.get_parent().specific, english, title="DDSC")
    publish_translation(event_index, english, title="Events", slug="events")
    return publish_translation(event, english, title="Meetup on language models", slug="meetup")


def make_registration(event: EventPage, user, status: str = "confirmed"):
    from events.models import Registration

    return Registration.objects.create(event=event.event, user=user, status=status, language=user.language)
