"""Register, get the activation mail, follow its link, log in; and every way an activation link can fail."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail

from community.models import User as UserModel
from community.services.accounts import uid_for
from community.tokens import activation_token_generator
from home.models import OutboxMail
from tests.community.accounts.conftest import PASSWORD, link_in, log_in

User: type[UserModel] = get_user_model()
pytestmark = pytest.mark.django_db

REGISTRATION = {
    "email": "Ada.Lovelace@Example.com",
    "first_name": "Ada",
    "last_name": "Lovelace",
    "password1": PASSWORD,
    "password2": PASSWORD,
    "newsletter_opt_in": "on",
}


def register(client, deliver, language="da", **changes):
    with deliver():
        return client.post(f"/{language}/account/register/", {**REGISTRATION, **changes})


def test_register_mail_activate_and_log_in(client, deliver):
    response = register(client, deliver)

    assert response.status_code == 302
    assert response.url == "/da/account/register/done/"
    user = User.objects.get()
    assert (user.email, user.is_verified, user.language) == ("ada.lovelace@example.com", False, "da")
    assert user.newsletter_opt_in and user.newsletter_changed_at is not None
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["ada.lovelace@example.com"]
    assert message.extra_headers["Content-Language"] == "da"
    assert link_in(message, "/account/activate/").startswith("/da/account/activate/")

    assert log_in(client, "ada.lovelace@example.com").status_code == 200  # not activated yet: refused

    response = client.post(link_in(message, "/account/activate/"))
    assert response.status_code == 200
    assert "data-error-code" not in response.content.decode()
    user.refresh_from_db()
    assert user.is_verified

    response = log_in(client, "ADA.LOVELACE@example.com")
    assert response.status_code == 302
    assert response.url == "/da/account/"
    assert client.get("/da/account/").status_code == 200


def test_an_english_registration_gets_an_english_mail_with_an_english_link(client, deliver):
    register(client, deliver, language="en")

    user = User.objects.get()
    assert user.language == "en"
    message = mail.outbox[0]
    assert message.subject == "Activate your account at Danish Data Science Community"
    assert "The link works for 24 hours." in message.body
    assert link_in(message, "/account/activate/").startswith("/en/account/activate/")
    assert message.alternatives and "Activate my account" in message.alternatives[0][0]


def test_a_duplicate_email_in_another_case_is_refused_and_nothing_is_saved(client, deliver, make_user):
    make_user("ada.lovelace@example.com")

    response = register(client, deliver, language="en", email="ADA.LOVELACE@EXAMPLE.COM", first_name="Other")

    assert response.status_code == 200
    assert "An account with this e-mail address already exists." in response.content.decode()
    assert User.objects.count() == 1
    assert not OutboxMail.objects.exists()
    assert mail.outbox == []


def test_a_weak_or_mismatched_password_is_refused(client, deliver):
    response = register(client, deliver, language="en", password1="password", password2="password")
    assert "This password is too common." in response.content.decode()

    response = register(client, deliver, language="en", password2="something-else-entirely")
    assert "didn’t match" in response.content.decode()
    assert not User.objects.exists()


def test_the_link_has_expired_after_24_hours(client, make_user):
    user = make_user(verified=False)
    made_25_hours_ago = activation_token_generator.now_seconds() - 25 * 3600
    token = activation_token_generator.make_token_at(user, made_25_hours_ago)

    response = client.post(f"/en/account/activate/{uid_for(user)}/{token}/")

    assert response.status_code == 400
    page = response.content.decode()
    assert "This activation link has expired." in page
    assert 'action="/en/account/activate/resend/"' in page
    assert 'value="ada@example.com"' in page  # the new link goes where the old one went
    user.refresh_from_db()
    assert not user.is_verified


def test_a_link_made_23_hours_ago_still_works(client, make_user):
    user = make_user(verified=False)
    token = activation_token_generator.make_token_at(user, activation_token_generator.now_seconds() - 23 * 3600)

    assert client.post(f"/en/account/activate/{uid_for(user)}/{token}/").status_code == 200
    user.refresh_from_db()
    assert user.is_verified


def test_a_used_link_does_not_work_again(client, make_user):
    user = make_user(verified=False)
    url = f"/en/account/activate/{uid_for(user)}/{activation_token_generator.make_token(user)}/"
    assert client.post(url).status_code == 200

    response = client.post(url)

    assert "This account is already activated." in response.content.decode()
    assert activation_token_generator.check_token(User.objects.get(), url.split("/")[-2]) is False


def test_a_link_made_for_one_account_fails_on_another(client, make_user):
    account_a = make_user("a@example.com", verified=False)
    account_b = make_user("b@example.com", verified=False)
    token_for_a = activation_token_generator.make_token(account_a)

    response = client.post(f"/en/account/activate/{uid_for(account_b)}/{token_for_a}/")

    assert response.status_code == 400
    assert "This activation link is not valid." in response.content.decode()
    account_a.refresh_from_db()
    account_b.refresh_from_db()
    assert not account_a.is_verified and not account_b.is_verified


@pytest.mark.parametrize(
    "mangle",
    [
        lambda token: token[:-1] + ("0" if token[-1] != "0" else "1"),  # hash changed
        lambda token: "1" + token,  # timestamp changed
        lambda token: token.replace("-", ""),  # shape broken
        lambda token: "not-a-token",
    ],
)
def test_a_tampered_token_fails(client, make_user, mangle):
    user = make_user(verified=False)
    token = mangle(activation_token_generator.make_token(user))

    response = client.post(f"/en/account/activate/{uid_for(user)}/{token}/")

    assert response.status_code == 400
    assert "This activation link is not valid." in response.content.decode()
    user.refresh_from_db()
    assert not user.is_verified


def test_an_unknown_or_garbled_uid_fails(client, make_user):
    user = make_user(verified=False)
    token = activation_token_generator.make_token(user)

    for uid in ["MTIzNDU2Nzg", "!!!", "bm90LWEtbnVtYmVy"]:
        response = client.post(f"/en/account/activate/{uid}/{token}/")
        assert response.status_code == 400
        assert "This activation link is not valid." in response.content.decode()


def test_a_password_reset_token_does_not_activate_an_account(client, make_user):
    from django.contrib.auth.tokens import default_token_generator

    user = make_user(verified=False)

    response = client.post(f"/en/account/activate/{uid_for(user)}/{default_token_generator.make_token(user)}/")

    assert response.status_code == 400
    user.refresh_from_db()
    assert not user.is_verified


def test_changing_the_email_address_voids_a_link(client, make_user):
    user = make_user(verified=False)
    token = activation_token_generator.make_token(user)
    user.email = "new@example.com"
    user.save()

    assert client.post(f"/en/account/activate/{uid_for(user)}/{token}/").status_code == 400


def test_the_failure_page_under_da_is_the_danish_page_and_resends_from_there(client, make_user):
    user = make_user(verified=False)
    token = activation_token_generator.make_token_at(user, activation_token_generator.now_seconds() - 25 * 3600)

    page = client.post(f"/da/account/activate/{uid_for(user)}/{token}/").content.decode()

    assert '<html lang="da"' in page
    assert 'data-error-code="expired_link"' in page
    assert 'action="/da/account/activate/resend/"' in page


def test_resending_the_link_mails_an_unverified_account_and_answers_the_same_for_anyone(client, deliver, make_user):
    make_user("waiting@example.com", verified=False)
    make_user("done@example.com", verified=True)

    answers = []
    for email in ["Waiting@example.com", "done@example.com", "nobody@example.com"]:
        with deliver():
            response = client.post("/en/account/activate/resend/", {"email": email})
        assert response.status_code == 200
        answers.append(response.content.decode().replace(email, "EMAIL"))

    assert answers[0] == answers[1] == answers[2]
    assert [message.to for message in mail.outbox] == [["waiting@example.com"]]
    response = client.post(link_in(mail.outbox[0], "/account/activate/"))
    assert response.status_code == 200
    assert User.objects.get(email="waiting@example.com").is_verified


def test_opening_the_link_only_asks_and_the_button_activates(client, make_user):
    """Mail scanners and link previews open every link in a mail: a GET changes nothing."""
    user = make_user(verified=False)
    url = f"/da/account/activate/{uid_for(user)}/{activation_token_generator.make_token(user)}/"

    page = client.get(url)

    assert page.status_code == 200
    html = page.content.decode()
    assert f'method="post" action="{url}"' in html
    assert "Aktivér min konto" in html
    user.refresh_from_db()
    assert not user.is_verified

    assert client.post(url).status_code == 200
    user.refresh_from_db()
    assert user.is_verified


def test_opening_a_bad_link_says_so_before_any_button(client, make_user):
    user = make_user(verified=False)

    response = client.get(f"/en/account/activate/{uid_for(user)}/not-a-token/")

    assert response.status_code == 400
    assert "This activation link is not valid." in response.content.decode()
    assert 'data-testid="activate"' not in response.content.decode()
