"""Two-factor log in: required for admin access (superusers and admin groups), optional for members, set up from
My page, throttled like a password. Codes are computed here with django-otp's own TOTP at a frozen time."""

import datetime
import re

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.test import Client
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.community.accounts.conftest import PASSWORD, AdaFactory, log_in

pytestmark = pytest.mark.django_db
NOW = datetime.datetime(2026, 11, 30, 12, 0, 0, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def required(settings):
    settings.TWO_FACTOR_REQUIRED = True


@pytest.fixture
def clock():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


def code_for(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


def admin_login(client, email, password=PASSWORD):
    return client.post("/admin/login/", {"username": email, "password": password})


def set_up(client, clock, email) -> tuple[TOTPDevice, list[str]]:
    page = client.get("/da/account/two-factor/")
    assert page.status_code == 200
    device = TOTPDevice.objects.get(user__email=email, confirmed=False)
    assert page.context["secret"] in page.content.decode()
    done = client.post("/da/account/two-factor/", {"code": code_for(device), "next": "/admin/"})
    assert done.status_code == 200, done.content.decode()
    codes = re.findall(r"<li>([a-z0-9]+)</li>", done.content.decode())
    clock.shift(30)  # the next code
    device.refresh_from_db()
    return device, codes


def admin_with_app(clock) -> tuple[TOTPDevice, list[str]]:
    """A superuser who has set up the app (in a session of their own)."""
    AdaFactory(email="admin@example.com", is_superuser=True, is_staff=True)
    client = Client()
    admin_login(client, "admin@example.com")
    return set_up(client, clock, "admin@example.com")


def test_a_superuser_is_sent_from_the_admin_to_set_up_and_then_gets_in(clock):
    AdaFactory(email="admin@example.com", is_superuser=True, is_staff=True)
    client = Client()
    assert admin_login(client, "admin@example.com").status_code == 302

    response = client.get("/admin/")
    assert response.status_code == 302
    assert response.url.startswith("/da/account/two-factor/?next=")

    device, codes = set_up(client, clock, "admin@example.com")

    assert device.confirmed
    assert len(codes) == 10 and len(set(codes)) == 10
    assert client.get("/admin/").status_code == 200


def test_every_admin_group_is_held_to_it(clock):
    editor = AdaFactory(email="editor@example.com", is_staff=True)
    editor.groups.add(Group.objects.get(name="Editors"))
    client = Client()
    log_in(client, "editor@example.com")

    response = client.get("/admin/pages/")

    assert response.status_code == 302 and "/account/two-factor/" in response.url


def test_a_later_log_in_asks_for_the_code_and_takes_a_right_one(clock):
    device, _codes = admin_with_app(clock)

    second = Client()
    admin_login(second, "admin@example.com")
    asked = second.get("/admin/")
    assert asked.status_code == 302 and asked.url.startswith("/da/account/two-factor/verify/")
    assert second.get("/da/account/").status_code == 302  # not even My page before the code

    wrong = second.post("/da/account/two-factor/verify/", {"code": "000000", "next": "/admin/"})
    assert wrong.status_code == 200
    assert "Koden er ikke rigtig." in wrong.content.decode()
    clock.shift(2)  # django-otp itself refuses every code for a second after a wrong one

    right = second.post("/da/account/two-factor/verify/", {"code": code_for(device), "next": "/admin/"})
    assert right.status_code == 302 and right.url == "/admin/"
    assert second.get("/admin/").status_code == 200


def test_a_code_is_throttled_like_a_password(clock):
    device, _codes = admin_with_app(clock)
    second = Client(REMOTE_ADDR="203.0.113.5")
    admin_login(second, "admin@example.com")

    answers = [second.post("/da/account/two-factor/verify/", {"code": "123456"}).status_code for _ in range(6)]
    refused = second.post("/da/account/two-factor/verify/", {"code": code_for(device)})

    assert answers == [200] * 5 + [429]
    assert refused.status_code == 429
    assert "For mange forsøg" in refused.content.decode()


def test_a_recovery_code_works_once(clock):
    _device, codes = admin_with_app(clock)

    second = Client()
    admin_login(second, "admin@example.com")
    assert second.post("/da/account/two-factor/verify/", {"code": codes[0]}).status_code == 302
    third = Client()
    admin_login(third, "admin@example.com")
    assert second.get("/admin/").status_code == 200
    assert third.post("/da/account/two-factor/verify/", {"code": codes[0]}).status_code == 200
    assert StaticToken.objects.count() == 9


def test_with_only_the_password_the_device_cannot_be_replaced(clock):
    AdaFactory(email="admin@example.com", is_superuser=True, is_staff=True)
    owner = Client()
    admin_login(owner, "admin@example.com")
    set_up(owner, clock, "admin@example.com")

    thief = Client()
    admin_login(thief, "admin@example.com")
    response = thief.get("/da/account/two-factor/?replace=1")

    assert response.status_code == 302 and "/two-factor/verify/" in response.url
    assert TOTPDevice.objects.filter(confirmed=False).count() == 0


def test_members_choose_it_from_my_page_and_then_pass_a_code_at_log_in(clock):
    AdaFactory(email="member@example.com")
    client = Client()
    log_in(client, "member@example.com")
    my_page = client.get("/da/account/").content.decode()
    assert 'href="/da/account/two-factor/"' in my_page
    assert client.get("/admin/").status_code == 403  # no admin access: nothing to do with two-factor

    device, _codes = set_up(client, clock, "member@example.com")

    later = Client()
    log_in(later, "member@example.com")
    assert later.get("/da/account/").status_code == 302
    later.post("/da/account/two-factor/verify/", {"code": code_for(device)})
    assert later.get("/da/account/").status_code == 200


def test_a_code_sent_before_the_page_was_opened_makes_nothing_and_shows_the_page(clock):
    AdaFactory(email="member@example.com")
    client = Client()
    log_in(client, "member@example.com")

    sent = client.post("/da/account/two-factor/?next=/da/account/", {"code": "123456"})

    assert sent.status_code == 302
    assert sent["Location"] == "/da/account/two-factor/?next=/da/account/"
    assert not TOTPDevice.objects.filter(user__email="member@example.com").exists()
    assert client.get(sent["Location"]).status_code == 200  # opening the page starts the set-up
    assert TOTPDevice.objects.filter(user__email="member@example.com", confirmed=False).count() == 1


def test_members_without_it_are_not_asked():
    AdaFactory(email="member@example.com")
    client = Client()
    log_in(client, "member@example.com")

    assert client.get("/da/account/").status_code == 200


def test_a_member_may_turn_it_off_but_an_admin_may_not(clock):
    AdaFactory(email="member@example.com")
    AdaFactory(email="admin@example.com", is_superuser=True, is_staff=True)
    member, admin = Client(), Client()
    log_in(member, "member@example.com")
    set_up(member, clock, "member@example.com")
    admin_login(admin, "admin@example.com")
    set_up(admin, clock, "admin@example.com")

    member.post("/da/account/two-factor/off/")
    admin.post("/da/account/two-factor/off/")

    assert not TOTPDevice.objects.filter(user__email="member@example.com").exists()
    assert TOTPDevice.objects.filter(user__email="admin@example.com").exists()
