"""An event with tickets, a volunteer assigned to it, and helpers for the check-in tests."""

import json

import pytest
from django.contrib.auth.models import Group

from community.factories import UserFactory
from events import services
from events.factories import EventIndexPageFactory, EventPageFactory
from tests.home.tree import ensure_home_page


@pytest.fixture(autouse=True)
def no_mail_sending(monkeypatch):
    # Tickets queue mail; sending it is the mail tests' business.
    monkeypatch.setattr("home.mail.enqueue_sending", lambda outbox_id: None)


@pytest.fixture
def index(db):
    return EventIndexPageFactory(parent=ensure_home_page())


@pytest.fixture
def make_event(index):
    def make(**fields):
        fields.setdefault("capacity", 50)
        return EventPageFactory(parent=index, **fields)

    return make


@pytest.fixture
def event(make_event):
    return make_event()


def make_volunteer(event=None, **fields):
    """A user in the Volunteers group, assigned to `event` when one is given."""
    user = UserFactory(**fields)
    user.groups.add(Group.objects.get(name="Volunteers"))
    if event is not None:
        services.assign_volunteer(event, user, by=None)
    return user


def make_ticket(event, **user_fields):
    return services.register(UserFactory(**user_fields), event, accepted_terms=True)


@pytest.fixture
def volunteer(event):
    return make_volunteer(event, first_name="Vera", last_name="Frivillig")


def post_json(client, url, data, **extra):
    body = data if isinstance(data, str | bytes) else json.dumps(data)
    return client.post(url, body, content_type="application/json", **extra)
