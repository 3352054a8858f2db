"""Event pages and the events index in the page cache (home.page_cache): the seats left a visitor reads are
never more than PAGE_CACHE_LIVE_SECONDS old, while a logged-in member always reads them live."""

import datetime

import pytest
import time_machine
from django.utils import timezone

from community.factories import UserFactory
from home.page_cache import HIT_HEADER
from tests.events.pages.conftest import add_event, register

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_on")]


def _read(client, url: str) -> tuple[str, bool]:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode(), response.get(HIT_HEADER) == "hit"


def test_seats_left_are_at_most_a_few_seconds_old_on_the_event_page_and_the_index(client, event_index):
    with time_machine.travel(timezone.now(), tick=False) as clock:
        event = add_event(event_index, "Meetup", capacity=30)
        assert "30 ledige pladser" in _read(client, event.url)[0]
        _read(client, event_index.url)
        register(event, UserFactory(email="ada@example.com"))

        clock.shift(datetime.timedelta(seconds=4))
        page, hit = _read(client, event.url)
        assert hit and "30 ledige pladser" in page  # still within the few seconds allowed

        clock.shift(datetime.timedelta(seconds=2))
        page, hit = _read(client, event.url)
        assert not hit and "29 ledige pladser" in page
        page, hit = _read(client, event_index.url)
        assert not hit


def test_a_logged_in_member_reads_the_seats_live(client, event_index):
    event = add_event(event_index, "Meetup", capacity=30)
    _read(client, event.url)
    member = UserFactory(email="ada@example.com")
    register(event, UserFactory(email="bob@example.com"))
    client.force_login(member)
    page, hit = _read(client, event.url)
    assert not hit and "29 ledige pladser" in page
