"""Fixtures for the account tests: accounts in a known state, mail delivered on commit, fresh rate-limit counters."""

import re

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import mail

from tests.home.tree import ensure_home_page

PASSWORD = "correct-horse-battery-staple"  # noqa: S105 - a test account's password


@pytest.fixture(autouse=True)
def home(db):
    return ensure_home_page()


@pytest.fixture
def make_user(db):
    def make(email="ada@example.com", password=PASSWORD, *, verified=True, **fields):
        fields.setdefault("first_name", "Ada")
        fields.setdefault("last_name", "Lovelace")
        return get_user_model().objects.create_user(email, password, is_verified=verified, **fields)

    return make


@pytest.fixture
def deliver(django_capture_on_commit_callbacks):
    """Run what the request queued on commit (the outbox hands the mail to the eager Celery task), so the mail
    lands in django.core.mail.outbox: `with deliver(): client.post(...)`."""
    mail.outbox.clear()
    return lambda: django_capture_on_commit_callbacks(execute=True)


def link_in(message, marker: str) -> str:
    """The path of the first link in `message` (text body) whose URL contains `marker`."""
    match = re.search(rf"{re.escape(settings.SITE_URL)}(/\S*{re.escape(marker)}\S*)", message.body)
    assert match, f"no link with {marker!r} in: {message.body}"
    return match.group(1)


def log_in(client, email="ada@example.com", password=PASSWORD, **extra):
    return client.post("/da/account/login/", {"username": email, "password": password}, **extra)
