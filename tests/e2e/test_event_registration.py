"""In Chromium: a verified user logs in, registers for an event from its English page, finds the ticket on
My tickets, and the Danish page of the same event shows one seat fewer."""

import re

import pytest
from playwright.sync_api import expect

from community.factories import UserFactory
from events.models import Registration
from tests.events.pages.conftest import add_event, translate_event
from tests.home.tree import english_locale, ensure_home_page, publish_translation

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PASSWORD = "correct horse battery"
SEATS = re.compile(r"(\d+) (seats? left|ledige? plads(?:er)?)")


def _seats_left(tab) -> int:
    text = tab.locator(".seats-left").inner_text()
    match = SEATS.search(text)
    assert match, text
    return int(match.group(1))


def test_register_in_english_and_the_danish_page_shows_one_seat_fewer(live_server, tab):
    from events.models import EventIndexPage

    home = ensure_home_page()
    publish_translation(home, english_locale(), title="Danish Data Science Community")
    index = home.add_child(instance=EventIndexPage(title="Arrangementer", slug="arrangementer"))
    publish_translation(index, english_locale(), title="Events", slug="events")
    event = add_event(index, "Månedligt meetup", capacity=30)
    english = translate_event(event, title="Monthly meetup", slug="monthly-meetup")
    user = UserFactory(email="ada@example.com", first_name="Ada", last_name="Lovelace", password=PASSWORD)

    tab.goto(f"{live_server.url}{event.url}")
    before = _seats_left(tab)

    tab.goto(f"{live_server.url}{english.url}")
    tab.get_by_role("link", name="Log in to register").click()
    tab.fill("input[name=username]", user.email)
    tab.fill("input[name=password]", PASSWORD)
    tab.locator("form[action*='/account/login/'] button[type=submit]").click()
    expect(tab).to_have_url(re.compile(re.escape(english.url) + "$"))

    tab.get_by_role("button", name="Register").click()
    expect(tab.locator("body")).not_to_contain_text("Server Error")
    assert Registration.objects.filter(user=user, event=event.event, status="confirmed").count() == 1

    tab.goto(f"{live_server.url}/en/events/tickets/")
    expect(tab.locator("main")).to_contain_text("Monthly meetup")

    tab.goto(f"{live_server.url}{event.url}")
    assert _seats_left(tab) == before - 1
