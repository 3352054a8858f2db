"""The read-only API at /api/v2/: live events in both languages with their translations, nothing unpublished
or private, images and documents, anonymous, read-only and rate-limited."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from events.factories import EventPageFactory

pytestmark = pytest.mark.django_db

EVENTS = "/api/v2/pages/?type=events.EventPage&fields=start,summary"


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()
    yield
    cache.clear()


def test_lists_live_events_in_both_languages_with_their_translations(client, english_event, index):
    danish, english = english_event(title="Meetup")
    EventPageFactory(parent=index, title="Kladde", live=False)
    private = EventPageFactory(parent=index, title="Kun for bestyrelsen")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.PASSWORD, password="x")

    response = client.get(EVENTS)

    assert response.status_code == 200
    items = {item["id"]: item for item in response.json()["items"]}
    assert set(items) == {danish.pk, english.pk}
    assert items[danish.pk]["meta"]["locale"] == "da"
    assert items[english.pk]["meta"]["locale"] == "en"
    assert items[danish.pk]["meta"]["translations"] == [
        {"id": english.pk, "locale": "en", "html_url": english.full_url}
    ]
    assert items[english.pk]["summary"] == english.summary
    assert client.get(f"/api/v2/pages/{private.pk}/").status_code == 404


def test_only_events_news_and_articles_are_served(client, english_event, index):
    english_event(title="Meetup")

    types = {item["meta"]["type"] for item in client.get("/api/v2/pages/").json()["items"]}

    assert types == {"events.EventPage"}
    assert client.get(f"/api/v2/pages/{index.pk}/").status_code == 404


def test_a_logged_in_session_sees_no_more_than_anyone(client, django_user_model, english_event, index):
    english_event(title="Meetup")
    members = EventPageFactory(parent=index, title="Kun for medlemmer")
    PageViewRestriction.objects.create(page=members, restriction_type=PageViewRestriction.LOGIN)
    client.force_login(django_user_model.objects.create_user("m@example.com", "pw-123456789", is_verified=True))

    ids = {item["id"] for item in client.get(EVENTS).json()["items"]}

    assert members.pk not in ids


def test_the_api_is_read_only(client, english_event):
    danish, _english = english_event(title="Meetup")

    assert client.post("/api/v2/pages/", {"title": "x"}).status_code == 405
    assert client.delete(f"/api/v2/pages/{danish.pk}/").status_code == 405


def test_images_and_documents_are_listed(client):
    assert client.get("/api/v2/images/").status_code == 200
    assert client.get("/api/v2/documents/").status_code == 200


def test_a_client_past_its_allowance_gets_429_and_others_are_not_affected(client, settings):
    from community.services.ratelimit import LIMITS

    allowance = LIMITS["api"][0].max_hits
    answers = [client.get("/api/v2/images/").status_code for _ in range(allowance + 1)]
    other = client.get("/api/v2/images/", REMOTE_ADDR="192.0.2.77")

    assert answers[:allowance] == [200] * allowance
    assert answers[-1] == 429
    assert other.status_code == 200


def test_the_listing_runs_the_same_number_of_queries_for_2_or_12_events(client, english_event):
    def count() -> int:
        client.get(EVENTS)  # warm caches (content types, site root paths)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(EVENTS).status_code == 200
        return len(queries)

    english_event(title="Første")
    few = count()
    for number in range(5):
        english_event(title=f"Event {number}")
    many = count()

    assert many == few
