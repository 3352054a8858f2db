"""With the site shell cached (FRAGMENT_CACHE_SECONDS), the cards of the events index, the news index and the
home page are rendered once per state they can show, and never show an old one: seats, a cancellation, the
members-only flag, a new publication and the event passing all show at once."""

import datetime

import pytest
import time_machine

from community.factories import UserFactory
from events.models import Event
from events.services.registration import cancel_event
from home.factories import NewsIndexPageFactory, NewsPageFactory
from tests.events.pages.conftest import add_event, register

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fragments_on")]


def _page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_an_event_card_follows_seats_flags_publication_and_time(client, event_index):
    event = add_event(event_index, "Meetup", capacity=30, days=1)
    assert "30 ledige pladser" in _page(client, event_index.url)

    register(event, UserFactory(email="ada@example.com"))
    assert "29 ledige pladser" in _page(client, event_index.url)

    Event.objects.filter(pk=event.event_id).update(members_only=True)
    assert "Kun for medlemmer" in _page(client, event_index.url)

    event.title = "Meetup om data"
    event.save_revision().publish()
    assert "Meetup om data" in _page(client, event_index.url)

    cancel_event(event, by=None)
    assert "Annulleret" in _page(client, event_index.url)

    with time_machine.travel(event.end + datetime.timedelta(minutes=1)):
        past = _page(client, event_index.url + "?past=1")
    assert "Meetup om data" in past and "ledige pladser" not in past


def test_a_news_card_follows_a_new_publication(client, home_page):
    news_index = NewsIndexPageFactory(parent=home_page, title="Nyheder", slug="nyheder")
    news = NewsPageFactory(parent=news_index, title="Gammel overskrift", slug="nyhed", image=None)
    assert "Gammel overskrift" in _page(client, news_index.url)
    assert "Gammel overskrift" in _page(client, "/da/")

    news.title = "Ny overskrift"
    news.save_revision().publish()
    assert "Ny overskrift" in _page(client, news_index.url)
    assert "Ny overskrift" in _page(client, "/da/")
