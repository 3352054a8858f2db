"""An event page in both languages: details, the registration box for each kind of sign-up and visitor,
share meta, and drafts staying hidden."""

import re

import pytest
from wagtail.models import Locale

from community.factories import UserFactory
from events.models import EventPage, Registration, RegistrationTerms
from tests.events.pages.conftest import add_event, register, translate_event

pytestmark = pytest.mark.django_db


def _content(client, event) -> str:
    response = client.get(event.url)
    assert response.status_code == 200
    return response.content.decode()


def test_event_page_shows_time_place_and_map_link_in_both_languages(client, event_index, english_index):
    event = add_event(
        event_index,
        "Meetup",
        capacity=30,
        location_name="DTU",
        street="Anker Engelunds Vej 1",
        postal_code="2800",
        city="Kongens Lyngby",
    )
    english = translate_event(event, title="Monthly meetup", summary="We meet and talk")

    danish = _content(client, event)
    assert "Anker Engelunds Vej 1" in danish and "openstreetmap.org" in danish
    assert "30 ledige pladser" in danish
    content = _content(client, english)
    assert "Monthly meetup" in content and "We meet and talk" in content
    assert f'href="/en/events/{english.pk}/event.ics"' in content
    assert "30 seats left" in content


def test_anonymous_visitor_is_sent_to_log_in_and_back(client, event_index):
    event = add_event(event_index, "Meetup", capacity=30)
    content = _content(client, event)
    assert "/account/login/?next=" in content
    assert 'action="/da/events/' not in content


def test_logged_in_visitor_gets_a_register_form_with_terms(client, event_index):
    terms = RegistrationTerms.objects.create(title="Betingelser", body="<p>Vi tager billeder.</p>")
    event = add_event(event_index, "Workshop", capacity=10, terms=terms)
    client.force_login(UserFactory(email="a@example.com"))

    content = _content(client, event)

    assert re.search(rf'<form method="post" action="/da/events/{event.pk}/register/">', content)
    assert "csrfmiddlewaretoken" in content
    assert 'name="accept_terms"' in content and "Vi tager billeder." in content


def test_full_event_offers_the_waiting_list(client, event_index):
    event = add_event(event_index, "Workshop", capacity=1)
    register(event, UserFactory(email="b@example.com"))
    client.force_login(UserFactory(email="a@example.com"))

    content = _content(client, event)

    assert "venteliste" in content.lower() or "waiting list" in content.lower()
    assert 'name="accept_terms"' not in content


def test_registered_visitor_sees_the_ticket_link_on_both_language_versions(client, event_index, english_index):
    event = add_event(event_index, "Meetup", capacity=30)
    english = translate_event(event)
    user = UserFactory(email="a@example.com")
    register(event, user)
    client.force_login(user)

    english_content = _content(client, english)
    assert "You have a ticket." in english_content
    assert "/en/events/tickets/" in english_content
    assert "/register/" not in english_content


def test_external_sign_up_shows_only_the_external_link(client, event_index):
    event = add_event(event_index, "Konference", signup_type="external", external_signup_url="https://example.org/tix")
    client.force_login(UserFactory(email="a@example.com"))

    content = _content(client, event)

    assert 'href="https://example.org/tix"' in content
    assert "/register/" not in content and "seats left" not in content


def test_no_sign_up_event_shows_no_box_and_past_event_says_ended(client, event_index):
    plain = add_event(event_index, "Foredrag", signup_type="none")
    assert "/register/" not in _content(client, plain)
    past = add_event(event_index, "Sidste år", days=-30, capacity=10)
    client.force_login(UserFactory(email="a@example.com"))
    content = _content(client, past)
    assert "/register/" not in content
    assert "ended" in content or "slut" in content


def test_share_meta_has_title_summary_and_an_absolute_image_url(client, event_index):
    event = add_event(event_index, "Meetup", image=True, summary="Hyggelig aften med data")
    content = _content(client, event)
    assert '<meta property="og:type" content="event">' in content
    assert '<meta property="og:title" content="Meetup">' in content
    assert '<meta property="og:description" content="Hyggelig aften med data">' in content
    assert re.search(r'<meta property="og:image" content="http://testserver/[^"]+\.fill-1200x630[^"]*"', content)
    assert '<meta name="twitter:card" content="summary_large_image">' in content


def test_draft_event_is_not_found_and_not_listed(client, event_index):
    event = add_event(event_index, "Hemmelig")
    event.unpublish()
    assert client.get(event.url or f"/da/arrangementer/{event.slug}/").status_code == 404
    assert "Hemmelig" not in client.get(event_index.url).content.decode()


def test_members_only_event_says_so(client, event_index):
    event = add_event(event_index, "Generalforsamling", members_only=True, capacity=100)
    content = _content(client, event)
    assert "medlemmer" in content.lower() or "members" in content.lower()
    assert "/da/membership/apply/?next=" in content


def test_seats_are_shared_by_the_language_versions(client, event_index, english_index):
    event = add_event(event_index, "Meetup", capacity=3)
    english = translate_event(event)
    Registration.objects.create(event=event.event, user=UserFactory(email="x@example.com"), status="confirmed")
    assert "2 seats left" in _content(client, english)
    assert EventPage.objects.get(pk=english.pk).locale == Locale.objects.get(language_code="en")
