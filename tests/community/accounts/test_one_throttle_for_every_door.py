"""Every way in that checks a password goes through the one limiter, with one budget per account.

The figures (5 wrong passwords per account and address, 30 per address, the account slowed to one attempt a
minute after 10) are the limits of community.services.ratelimit, described in README.md, "Security".
"""

import datetime

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.test import Client, override_settings
from wagtail.models import Page, PageViewRestriction

from community.services import ratelimit
from tests.community.accounts.conftest import PASSWORD

User = get_user_model()
pytestmark = pytest.mark.django_db

WRONG = "not-the-password"  # noqa: S105
DANISH_THROTTLE = "For mange forsøg"
ENGLISH_THROTTLE = "Too many attempts"
START = datetime.datetime(2026, 11, 30, 12, 0, tzinfo=datetime.UTC)


def site_login(client, password, email="ada@example.com"):
    return client.post("/da/account/login/", {"username": email, "password": password})


def admin_login(client, password, email="ada@example.com"):
    return client.post("/admin/login/", {"username": email, "password": password}, HTTP_ACCEPT_LANGUAGE="da")


def private_page_login(client, password, email="ada@example.com"):
    return client.post("/da/_util/login/", {"username": email, "password": password})


def change_password(client, password, email="ada@example.com"):
    client.force_login(User.objects.get(email=email))
    new = "a-brand-new-passphrase-2026"
    return client.post("/da/account/password/", {"old_password": password, "new_password1": new, "new_password2": new})


def delete_account(client, password, email="ada@example.com"):
    client.force_login(User.objects.get(email=email))
    return client.post("/da/account/delete/", {"password": password})


PASSWORD_DOORS = {
    "site login": site_login,
    "admin login": admin_login,
    "private-page login": private_page_login,
    "password change": change_password,
    "account deletion": delete_account,
}


@pytest.fixture
def ada(make_user):
    return make_user(is_superuser=True, is_staff=True)


def wrong_until_throttled(door, limit=50):
    """How many wrong passwords a door takes (each answered as wrong) before it answers 429; the 429 response."""
    client = Client(REMOTE_ADDR="203.0.113.5")
    for accepted in range(limit):
        response = door(client, WRONG)
        if response.status_code == 429:
            return accepted, response
        assert response.status_code == 200, response.status_code
    raise AssertionError(f"no throttle after {limit} wrong passwords")


@pytest.mark.parametrize("door", PASSWORD_DOORS.values(), ids=PASSWORD_DOORS.keys())
def test_each_door_takes_five_wrong_passwords_then_answers_429_in_danish(ada, door):
    accepted, response = wrong_until_throttled(door)

    assert accepted == 5
    page = response.content.decode()
    assert DANISH_THROTTLE in page
    assert 0 < int(response["Retry-After"]) <= 15 * 60
    # Even the right password is not looked at now.
    assert door(Client(REMOTE_ADDR="203.0.113.5"), PASSWORD).status_code == 429


@pytest.mark.parametrize("first", ["site login", "admin login", "private-page login"])
@pytest.mark.parametrize("then", ["site login", "admin login", "private-page login"])
def test_an_account_refused_at_one_door_is_refused_at_every_other(ada, first, then):
    client = Client(REMOTE_ADDR="203.0.113.9")
    for _ in range(5):
        PASSWORD_DOORS[first](client, WRONG)

    response = PASSWORD_DOORS[then](client, PASSWORD)

    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_the_throttle_page_is_in_english_on_the_english_site(ada):
    client = Client(REMOTE_ADDR="203.0.113.5")
    for _ in range(5):
        client.post("/en/account/login/", {"username": "ada@example.com", "password": WRONG})

    response = client.post("/en/account/login/", {"username": "ada@example.com", "password": PASSWORD})

    assert response.status_code == 429
    assert ENGLISH_THROTTLE in response.content.decode()
    assert "Please try again in 15 minutes." in response.content.decode()


def test_the_account_is_slowed_down_not_locked_when_failures_come_from_many_addresses(ada):
    with time_machine.travel(START, tick=False) as clock:
        for attacker in range(10):
            assert site_login(Client(REMOTE_ADDR=f"198.51.100.{attacker}"), WRONG).status_code == 200

        # The account's own budget is used up: one attempt a minute goes through, from anywhere.
        refused = site_login(Client(REMOTE_ADDR="192.0.2.1"), PASSWORD)
        assert refused.status_code == 429
        assert int(refused["Retry-After"]) <= 60

        clock.shift(60)
        assert site_login(Client(REMOTE_ADDR="192.0.2.1"), PASSWORD).status_code == 302


def test_the_slowed_account_lets_an_attacker_one_guess_a_minute_at_most(ada):
    with time_machine.travel(START, tick=False) as clock:
        for attacker in range(10):
            site_login(Client(REMOTE_ADDR=f"198.51.100.{attacker}"), WRONG)
        answers = []
        for attacker in range(10, 40):
            answers.append(site_login(Client(REMOTE_ADDR=f"198.51.100.{attacker}"), WRONG).status_code)
            clock.shift(10)

    # 30 tries over the next 5 minutes from 30 new addresses: one checked a minute after the last (at 1, 2, 3, 4).
    assert answers.count(200) == 4
    assert answers.count(429) == 26


def test_a_burst_across_what_would_be_a_window_boundary_does_not_double_the_budget(ada):
    boundary = datetime.datetime.fromtimestamp((int(START.timestamp()) // 900 + 1) * 900, tz=datetime.UTC)
    client = Client(REMOTE_ADDR="203.0.113.5")
    with time_machine.travel(boundary - datetime.timedelta(seconds=2), tick=False):
        for _ in range(4):
            assert site_login(client, WRONG).status_code == 200
    with time_machine.travel(boundary + datetime.timedelta(seconds=2), tick=False):
        assert site_login(client, WRONG).status_code == 200
        assert site_login(client, WRONG).status_code == 429


def test_failures_age_out_of_the_sliding_window(ada):
    client = Client(REMOTE_ADDR="203.0.113.5")
    with time_machine.travel(START, tick=False) as clock:
        for _ in range(5):
            site_login(client, WRONG)
            clock.shift(60)
        # The first failure is 15 minutes old only after 15 minutes.
        clock.move_to(START + datetime.timedelta(minutes=14, seconds=59))
        assert site_login(client, PASSWORD).status_code == 429
        clock.move_to(START + datetime.timedelta(minutes=15, seconds=1))
        assert site_login(client, PASSWORD).status_code == 302


def test_a_password_protected_page_takes_five_wrong_passwords_then_429(home):
    page = Page.objects.get(pk=home.pk)
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="page-secret"
    )
    url = f"/da/_util/authenticate_with_password/{restriction.pk}/{page.pk}/"
    client = Client(REMOTE_ADDR="203.0.113.5")
    statuses = [client.post(url, {"password": WRONG, "return_url": "/da/"}).status_code for _ in range(6)]

    assert statuses == [200] * 5 + [429]
    assert client.post(url, {"password": "page-secret", "return_url": "/da/"}).status_code == 429
    other = Client(REMOTE_ADDR="203.0.113.77").post(url, {"password": "page-secret", "return_url": "/da/"})
    assert other.status_code == 302


def test_the_admin_password_reset_is_the_sites_own(ada, deliver):
    response = Client().get("/admin/password_reset/", HTTP_ACCEPT_LANGUAGE="da")
    assert response.status_code == 302
    assert response.url == "/da/account/password-reset/"

    client = Client(REMOTE_ADDR="203.0.113.5")
    with deliver():
        statuses = [
            client.post("/admin/password_reset/", {"email": "ada@example.com"}, follow=True).status_code
            for _ in range(5)
        ]
    # A POST to the old address is redirected too, and sends nothing; the site's form is limited (3 an hour).
    assert statuses == [200] * 5
    from django.core import mail

    assert mail.outbox == []


def test_django_admin_is_not_served_outside_development():
    assert Client().get("/django-admin/login/", follow=True).status_code == 404


def test_the_django_admin_login_when_switched_on_is_limited_like_the_others(ada, settings):
    from django.urls import clear_url_caches

    settings.DJANGO_ADMIN_ENABLED = True
    import importlib

    import cms.urls

    importlib.reload(cms.urls)
    clear_url_caches()
    try:
        client = Client(REMOTE_ADDR="203.0.113.5")
        statuses = [
            client.post("/django-admin/login/", {"username": "ada@example.com", "password": WRONG}).status_code
            for _ in range(6)
        ]
        assert statuses == [200] * 5 + [429]
    finally:
        settings.DJANGO_ADMIN_ENABLED = False
        importlib.reload(cms.urls)
        clear_url_caches()


def test_an_unknown_address_counts_against_the_client_like_a_wrong_password(ada):
    client = Client(REMOTE_ADDR="203.0.113.5")
    for attempt in range(30):
        site_login(client, WRONG, email=f"nobody{attempt}@example.com")

    assert site_login(client, PASSWORD).status_code == 429


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_behind_a_proxy_each_client_has_its_own_budget(ada):
    proxy = "10.0.0.1"
    for _ in range(5):
        site_login(Client(REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR="198.51.100.1"), WRONG)

    assert site_login(Client(REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR="198.51.100.1"), PASSWORD).status_code == 429
    assert site_login(Client(REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR="198.51.100.2"), PASSWORD).status_code == 302


def test_the_store_keeps_no_address_in_clear(ada):
    for _ in range(2):
        site_login(Client(REMOTE_ADDR="203.0.113.5"), WRONG)

    keys = list(ratelimit._local._hits)
    assert keys and not any("ada@example.com" in key or "203.0.113.5" in key for key in keys)
