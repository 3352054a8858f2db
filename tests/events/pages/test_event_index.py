"""The events index: upcoming events first and soonest first, past events on their own paginated list,
the month filter, and the seats-left badges."""

import pytest
from django.utils import timezone

from community.factories import UserFactory
from events.models.pages import EVENTS_PER_PAGE
from tests.events.pages.conftest import add_event, register, translate_event

pytestmark = pytest.mark.django_db


def _titles(response) -> list[str]:
    return [event.title for event in response.context["events_page"].object_list]


def test_upcoming_events_are_listed_soonest_first_without_past_ones(client, event_index):
    add_event(event_index, "Senere", days=20)
    add_event(event_index, "Snart", days=2)
    add_event(event_index, "Forbi", days=-10)
    # Started an hour ago and still running: still upcoming for the visitor.
    add_event(event_index, "I gang", days=-1 / 24, hours=3)

    response = client.get(event_index.url)

    assert response.status_code == 200
    assert _titles(response) == ["I gang", "Snart", "Senere"]
    assert "Forbi" not in response.content.decode()


def test_past_events_have_their_own_paginated_list_latest_first(client, event_index):
    for n in range(EVENTS_PER_PAGE + 2):
        add_event(event_index, f"Gammel {n}", days=-(n + 1))
    add_event(event_index, "Fremtidigt møde", days=3)

    first = client.get(event_index.url, {"past": "1"})
    second = client.get(event_index.url, {"past": "1", "page": "2"})

    assert _titles(first)[:2] == ["Gammel 0", "Gammel 1"]
    assert len(_titles(first)) == EVENTS_PER_PAGE
    assert _titles(second) == [f"Gammel {EVENTS_PER_PAGE}", f"Gammel {EVENTS_PER_PAGE + 1}"]
    assert "Fremtidigt møde" not in _titles(first) + _titles(second)


def test_month_filter_narrows_the_list_and_bad_values_are_ignored(client, event_index):
    soon = add_event(event_index, "Denne", days=1)
    later = add_event(event_index, "Om to måneder", days=65)
    month = timezone.localtime(later.start).strftime("%Y-%m")

    filtered = client.get(event_index.url, {"month": month})
    assert _titles(filtered) == ["Om to måneder"]
    assert f'value="{month}"' in filtered.content.decode()

    for bad in ["2026-13", "nonsense", "2026-1", "<script>", "9999999-01", "2026-00"]:
        response = client.get(event_index.url, {"month": bad})
        assert response.status_code == 200
        assert _titles(response) == [soon.title, later.title], bad


def test_cards_show_seats_left_full_and_members_only(client, event_index):
    open_event = add_event(event_index, "Meetup", days=3, capacity=30)
    full = add_event(event_index, "Workshop", days=4, capacity=1)
    add_event(event_index, "Generalforsamling", days=5, members_only=True)
    register(open_event, UserFactory(email="a@example.com"))
    register(full, UserFactory(email="b@example.com"))

    content = client.get(event_index.url).content.decode()

    assert "29 ledige pladser" in content
    assert "Fuld" in content or "Full" in content
    assert "Kun for medlemmer" in content or "Members only" in content


def test_english_index_counts_seats_on_the_danish_page(client, event_index, english_index):
    event = add_event(event_index, "Meetup", days=3, capacity=5)
    translate_event(event)
    register(event, UserFactory(email="a@example.com"))
    register(event, UserFactory(email="b@example.com"))

    response = client.get(english_index.url)

    assert response.status_code == 200
    assert "3 seats left" in response.content.decode()


def test_event_a_year_ahead_is_listed_in_its_month(client, event_index):
    event = add_event(event_index, "Langt ude", days=365)
    month = timezone.localtime(event.start).strftime("%Y-%m")
    assert _titles(client.get(event_index.url, {"month": month})) == ["Langt ude"]
