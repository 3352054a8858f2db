"""Log in only once activated, log out only by POST, and the rate limits on the account forms."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client, override_settings

from community.services import ratelimit
from tests.community.accounts.conftest import PASSWORD, log_in

User = get_user_model()
pytestmark = pytest.mark.django_db


def test_an_unverified_account_is_told_so_and_offered_a_new_link(client, make_user):
    make_user(verified=False)

    response = log_in(client, "ada@example.com")

    assert response.status_code == 200
    page = response.content.decode()
    assert '<html lang="da"' in page
    assert 'data-testid="resend-activation"' in page
    assert 'action="/da/account/activate/resend/"' in page
    assert 'name="email" value="ada@example.com"' in page
    assert "_auth_user_id" not in client.session


def test_an_unverified_account_in_english_reads_why(client, make_user):
    make_user(verified=False)

    response = log_in_en(client, "ada@example.com")

    assert "Your account is not activated yet." in response.content.decode()


def test_the_resend_button_on_the_login_page_sends_a_new_link(client, deliver, make_user):
    make_user(verified=False)

    with deliver():
        response = client.post("/en/account/activate/resend/", {"email": "ada@example.com"})

    assert response.status_code == 200
    assert len(mail.outbox) == 1


def test_a_wrong_password_is_refused_without_saying_whether_the_account_exists(client, make_user):
    make_user()

    wrong_password = log_in_en(client, "ada@example.com", "not-the-password").content.decode()
    unknown_account = log_in_en(client, "nobody@example.com", "not-the-password").content.decode()

    message = "The e-mail address or the password is wrong."
    assert message in wrong_password and message in unknown_account
    assert "resend-activation" not in wrong_password


def test_the_login_page_asks_browsers_for_the_right_autofill(client):
    page = client.get("/en/account/login/").content.decode()

    assert 'autocomplete="email"' in page
    assert 'autocomplete="current-password"' in page
    assert 'for="id_username"' in page and 'for="id_password"' in page


def test_login_returns_to_the_page_that_asked_for_it(client, make_user):
    make_user()

    response = client.get("/da/account/profile/")
    assert response.status_code == 302
    assert response.url == "/da/account/login/?next=/da/account/profile/"

    response = client.post(response.url, {"username": "ada@example.com", "password": PASSWORD})
    assert response.url == "/da/account/profile/"


def test_wrong_passwords_until_rate_limited_then_even_the_right_one_is_refused(client, make_user):
    make_user()

    for _ in range(5):
        assert log_in_en(client, "ada@example.com", "wrong-password").status_code == 200

    response = log_in_en(client, "ADA@example.com")  # the right password, the address in another case

    assert response.status_code == 429
    assert "Too many attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_the_right_password_from_another_address_is_not_locked_out_by_someone_elses_failures(make_user):
    make_user()
    for _ in range(5):
        log_in(Client(REMOTE_ADDR="10.0.0.1"), "ada@example.com", "wrong-password")

    assert log_in(Client(REMOTE_ADDR="10.0.0.1"), "ada@example.com").status_code == 429
    assert log_in(Client(REMOTE_ADDR="10.0.0.2"), "ada@example.com").status_code == 302


def test_the_ip_limit_holds_across_accounts_but_not_for_other_ips(make_user):
    make_user("victim@example.com")
    attacker = Client(REMOTE_ADDR="10.0.0.66")
    for attempt in range(30):
        log_in(attacker, f"guess{attempt}@example.com", "wrong-password")

    assert log_in(attacker, "victim@example.com").status_code == 429
    assert log_in(Client(REMOTE_ADDR="10.0.0.7"), "victim@example.com").status_code == 302


def test_a_successful_login_clears_the_accounts_failures(client, make_user):
    make_user()
    for _ in range(4):
        log_in(client, "ada@example.com", "wrong-password")
    assert log_in(client, "ada@example.com").status_code == 302
    client.post("/da/account/logout/")

    for _ in range(4):
        log_in(client, "ada@example.com", "wrong-password")

    assert log_in(client, "ada@example.com").status_code == 302


def test_registration_is_limited_per_ip(client):
    for attempt in range(10):
        client.post("/en/account/register/", {"email": f"person{attempt}@example.com"})  # incomplete: refused

    response = client.post(
        "/en/account/register/",
        {
            "email": "late@example.com",
            "first_name": "Late",
            "last_name": "Comer",
            "password1": "a-fine-long-passphrase",
            "password2": "a-fine-long-passphrase",
        },
    )

    assert response.status_code == 429
    assert not User.objects.filter(email="late@example.com").exists()


def test_resending_the_link_is_limited_per_address(deliver, make_user):
    make_user(verified=False)
    with deliver():
        for attempt in range(3):
            assert (
                Client(REMOTE_ADDR=f"10.0.1.{attempt}")
                .post("/en/account/activate/resend/", {"email": "ada@example.com"})
                .status_code
                == 200
            )
        response = Client(REMOTE_ADDR="10.0.1.99").post("/en/account/activate/resend/", {"email": "ada@example.com"})

    assert response.status_code == 429
    assert len(mail.outbox) == 3


def test_logging_out_by_get_only_asks(client, make_user):
    make_user()
    log_in(client, "ada@example.com")

    response = client.get("/en/account/logout/")

    assert response.status_code == 200
    assert 'method="post" action="/en/account/logout/"' in response.content.decode()
    assert client.get("/en/account/").status_code == 200  # still logged in


def test_logging_out_by_post_ends_the_session(client, make_user):
    make_user()
    log_in(client, "ada@example.com")

    response = client.post("/en/account/logout/")

    assert response.status_code == 302
    assert response.url == "/en/"
    assert client.get("/en/account/").status_code == 302


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_behind_one_proxy_the_client_is_the_last_forwarded_address(rf):
    request = rf.get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.9")
    assert ratelimit.client_ip(request) == "203.0.113.9"


def test_without_trusted_proxies_a_forwarded_header_is_ignored(rf):
    request = rf.get("/", REMOTE_ADDR="198.51.100.4", HTTP_X_FORWARDED_FOR="6.6.6.6")
    assert ratelimit.client_ip(request) == "198.51.100.4"


def log_in_en(client, email, password=PASSWORD):
    return client.post("/en/account/login/", {"username": email, "password": password})


def test_the_site_header_offers_log_in_to_visitors_and_my_page_once_logged_in(client, make_user):
    make_user()
    visitor = client.get("/en/account/register/").content.decode()
    log_in(client, "ada@example.com")
    member = client.get("/en/account/profile/").content.decode()

    assert 'href="/en/account/login/">Log in</a>' in visitor and "My page" not in visitor
    assert 'href="/en/account/">My page</a>' in member
