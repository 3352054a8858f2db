"""Password reset (the same answer whatever the address) and password change (other sessions end)."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client

from home.models import OutboxMail
from tests.community.accounts.conftest import PASSWORD, AdaFactory, link_in, log_in

User = get_user_model()
pytestmark = pytest.mark.django_db

NEW_PASSWORD = "a-brand-new-passphrase-2026"  # noqa: S105


def ask_for_reset(client, deliver, email):
    with deliver():
        return client.post("/en/account/password-reset/", {"email": email}, follow=True)


def test_a_reset_for_an_unknown_address_gives_the_same_page_and_sends_nothing(client, deliver):
    AdaFactory()

    known = ask_for_reset(client, deliver, "ada@example.com")
    unknown = ask_for_reset(Client(), deliver, "nobody@example.com")

    assert known.redirect_chain == unknown.redirect_chain == [("/en/account/password-reset/done/", 302)]
    assert known.content == unknown.content
    assert [message.to for message in mail.outbox] == [["ada@example.com"]]
    assert not OutboxMail.objects.filter(recipient="nobody@example.com").exists()


def test_a_reset_for_a_known_address_sends_one_mail_with_a_working_link(client, deliver):
    AdaFactory(language="en")

    ask_for_reset(client, deliver, "ADA@example.com")

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["ada@example.com"]
    assert message.subject == "Choose a new password at Danish Data Science Community"
    response = client.get(link_in(message, "/account/password-reset/"), follow=True)
    assert 'name="new_password1"' in response.content.decode()
    set_password_url = response.redirect_chain[-1][0]
    mail.outbox.clear()

    with deliver():
        response = client.post(set_password_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})

    assert response.status_code == 302
    assert response.url == "/en/account/password-reset/complete/"
    assert User.objects.get().check_password(NEW_PASSWORD)
    assert [m.subject for m in mail.outbox] == ["Your password at Danish Data Science Community was changed"]
    # The link is used up.
    again = client.get(link_in(message, "/account/password-reset/"), follow=True)
    assert "This password reset link is not valid." in again.content.decode()


def test_the_reset_mail_follows_the_accounts_language(client, deliver):
    AdaFactory(language="da")

    ask_for_reset(client, deliver, "ada@example.com")  # asked from the English page

    message = mail.outbox[0]
    assert message.extra_headers["Content-Language"] == "da"
    assert link_in(message, "/account/password-reset/").startswith("/da/account/password-reset/")


def test_resetting_the_password_activates_an_account_that_never_was(client, deliver):
    AdaFactory(verified=False)

    ask_for_reset(client, deliver, "ada@example.com")
    response = client.get(link_in(mail.outbox[0], "/account/password-reset/"), follow=True)
    client.post(response.redirect_chain[-1][0], {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})

    assert User.objects.get().is_verified
    assert log_in(client, "ada@example.com", NEW_PASSWORD).status_code == 302


def test_password_reset_is_limited_per_address(deliver):
    AdaFactory()
    for attempt in range(3):
        ask_for_reset(Client(REMOTE_ADDR=f"10.0.2.{attempt}"), deliver, "ada@example.com")
    assert len(mail.outbox) == 3
    mail.outbox.clear()

    with deliver():
        response = Client(REMOTE_ADDR="10.0.2.99").post("/en/account/password-reset/", {"email": "ada@example.com"})

    assert response.status_code == 429
    assert mail.outbox == []


def test_changing_the_password_keeps_this_session_and_ends_the_others(deliver):
    AdaFactory(language="en")
    laptop, phone = Client(), Client()
    log_in(laptop, "ada@example.com")
    log_in(phone, "ada@example.com")

    with deliver():
        response = laptop.post(
            "/en/account/password/",
            {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
        )

    assert response.status_code == 302
    assert laptop.get("/en/account/").status_code == 200
    phone_response = phone.get("/en/account/")
    assert phone_response.status_code == 302
    assert phone_response.url.startswith("/en/account/login/")
    assert [m.subject for m in mail.outbox] == ["Your password at Danish Data Science Community was changed"]
    assert "Devices where you were logged in have been logged out." in mail.outbox[0].body


def test_a_wrong_old_password_changes_nothing(client, deliver):
    AdaFactory()
    log_in(client, "ada@example.com")

    with deliver():
        response = client.post(
            "/en/account/password/",
            {"old_password": "not-it", "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
        )

    assert response.status_code == 200
    assert User.objects.get().check_password(PASSWORD)
    assert mail.outbox == []


def test_the_password_forms_ask_for_new_password_autofill(client):
    AdaFactory()
    log_in(client, "ada@example.com")

    change = client.get("/en/account/password/").content.decode()
    register = Client().get("/en/account/register/").content.decode()

    assert 'autocomplete="current-password"' in change and 'autocomplete="new-password"' in change
    assert register.count('autocomplete="new-password"') == 2 and 'autocomplete="email"' in register
