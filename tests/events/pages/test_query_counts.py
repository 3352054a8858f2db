"""The events index and an event page run a fixed number of SQL queries, however many events and
registrations there are."""

import pytest

from community.factories import UserFactory
from tests.events.pages.conftest import add_event, register, translate_event

pytestmark = pytest.mark.django_db

MAX_QUERIES = 30


def _queries(client, url: str, django_assert_max_num_queries) -> int:
    assert client.get(url).status_code == 200  # warm-up: renditions are made on the first view
    with django_assert_max_num_queries(MAX_QUERIES) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def _add_events(index, count: int, users) -> list:
    events = []
    for n in range(count):
        event = add_event(index, f"Event {n}", days=n + 1, capacity=50, image=n % 2 == 0)
        translate_event(event)
        for user in users[: n % 5 + 1]:
            register(event, user)
        events.append(event)
    return events


@pytest.mark.parametrize("language", ["da", "en"])
def test_index_query_count_does_not_grow_with_events_or_registrations(
    client, event_index, english_index, django_assert_max_num_queries, language
):
    users = [UserFactory(email=f"u{n}@example.com") for n in range(5)]
    url = event_index.url if language == "da" else english_index.url
    _add_events(event_index, 3, users)
    with_three = _queries(client, url, django_assert_max_num_queries)
    _add_events(event_index, 9, users)  # a full page of 12
    with_twelve = _queries(client, url, django_assert_max_num_queries)
    assert with_twelve == with_three


def test_event_page_query_count_does_not_grow_with_registrations(
    client, event_index, english_index, django_assert_max_num_queries
):
    event = add_event(event_index, "Stor", capacity=500, image=True)
    english = translate_event(event)
    viewer = UserFactory(email="viewer@example.com")
    client.force_login(viewer)
    register(event, UserFactory(email="first@example.com"))
    few = _queries(client, english.url, django_assert_max_num_queries)
    for n in range(30):
        register(event, UserFactory(email=f"many{n}@example.com"))
    many = _queries(client, english.url, django_assert_max_num_queries)
    assert many == few


@pytest.mark.usefixtures("fragments_on")
def test_with_the_site_shell_cached_an_anonymous_visitor_costs_a_handful_of_queries(
    client, event_index, django_assert_max_num_queries
):
    """The page (one query where its URL led last time), the list and the seats: nothing for the
    site, settings, menu, footer, switcher or view restrictions, and no count for a list that fits one page."""
    users = [UserFactory(email=f"u{n}@example.com") for n in range(3)]
    events = [add_event(event_index, f"Event {n}", days=n + 1, capacity=50, image=True) for n in range(12)]
    for event in events:
        for user in users:
            register(event, user)
    event = events[0]
    # The index: page, list, seats and the cards' renditions (one query, so a card rendered anew needs none).
    for url, most in [(event_index.url, 4), (event.url, 3)]:
        client.get(url)
        with django_assert_max_num_queries(most):
            assert client.get(url).status_code == 200
