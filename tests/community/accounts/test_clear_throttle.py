"""`manage.py clear_throttle`: a person locked out by the rate limits can log in again at once."""

import pytest
from django.core.management import CommandError, call_command
from django.test import Client

from community.services import ratelimit
from tests.community.accounts.conftest import log_in


def lock_out(email: str, ip: str) -> None:
    for _ in range(5):
        log_in(Client(REMOTE_ADDR=ip), email, "wrong-password")


def test_clearing_an_email_lets_that_account_log_in_again_and_no_other(make_user):
    make_user()
    make_user("grace@example.com")
    lock_out("ada@example.com", "10.1.0.1")
    lock_out("grace@example.com", "10.1.0.2")
    assert log_in(Client(REMOTE_ADDR="10.1.0.1"), "ada@example.com").status_code == 429

    call_command("clear_throttle", "--email", "ADA@example.com ")

    assert log_in(Client(REMOTE_ADDR="10.1.0.1"), "ada@example.com").status_code == 302
    assert ratelimit.is_limited("login", ip="10.1.0.2", email="grace@example.com")


def test_clearing_an_ip_lifts_that_address_limit():
    for _ in range(10):
        ratelimit.record("register", ip="10.2.0.1")
    assert ratelimit.is_limited("register", ip="10.2.0.1")

    call_command("clear_throttle", "--ip", "10.2.0.1")

    assert not ratelimit.is_limited("register", ip="10.2.0.1")


def test_clearing_all_lifts_every_limit(make_user):
    make_user()
    lock_out("ada@example.com", "10.3.0.1")
    for _ in range(10):
        ratelimit.record("register", ip="10.3.0.2")

    call_command("clear_throttle", "--all")

    assert not ratelimit.is_limited("login", ip="10.3.0.9", email="ada@example.com")
    assert not ratelimit.is_limited("register", ip="10.3.0.2")


@pytest.mark.parametrize("arguments", [[], ["--all", "--email", "ada@example.com"]])
def test_the_command_says_what_it_needs(arguments):
    with pytest.raises(CommandError):
        call_command("clear_throttle", *arguments)
