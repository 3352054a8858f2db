"""An event, a phone-sized browser context and helpers shared by the scanner's browser tests."""

import pytest
from django.conf import settings
from django.contrib.auth.models import Permission
from django.test import Client
from playwright.sync_api import expect

from community.factories import UserFactory
from events import services
from events.factories import EventIndexPageFactory, EventPageFactory
from events.models import Registration
from tests.e2e.conftest import TIMEOUT_MS
from tests.home.tree import ensure_home_page

PHONE = {"width": 360, "height": 740}


@pytest.fixture(autouse=True)
def no_mail_sending(monkeypatch):
    # Registering queues the ticket mail; sending it is the mail tests' business.
    monkeypatch.setattr("home.mail.enqueue_sending", lambda outbox_id: None)


@pytest.fixture
def event():
    index = EventIndexPageFactory(parent=ensure_home_page())
    return EventPageFactory(parent=index, title="Sommerfest", capacity=10)


@pytest.fixture
def phone(browser):
    # A service worker needs a secure context: the live server is on localhost, which counts as one.
    context = browser.new_context(viewport=PHONE, locale="da-DK", has_touch=True, service_workers="allow")
    yield context
    context.close()


def make_volunteer(event, **fields):
    """A user assigned to scan at `event`. The permission is also given directly: a transactional test before
    this one may have flushed the Volunteers group's permissions that a migration made."""
    user = UserFactory(**fields)
    user.user_permissions.add(Permission.objects.get(content_type__app_label="events", codename="check_in_attendees"))
    services.assign_volunteer(event, user, by=None)
    return user


def ticket(event, **user_fields) -> Registration:
    return services.register(UserFactory(**user_fields), event, accepted_terms=True)


def log_in(context, user, live_server) -> None:
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])


def open_scanner(context, user, event, live_server):
    log_in(context, user, live_server)
    tab = context.new_page()
    tab.set_default_timeout(TIMEOUT_MS)
    tab.goto(f"{live_server.url}/da/events/{event.event_id}/checkin/")
    expect(tab.get_by_role("heading", level=1)).to_have_text(event.title)
    return tab
