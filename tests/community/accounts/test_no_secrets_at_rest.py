"""A read of the database opens no account: no reset or activation link in the outbox (minted when the mail is
rendered, and the context emptied once sent), no reset token in a session, no usable session key."""

import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.test import Client

from community.tokens import activation_token_generator, reset_token_generator
from home.mail import render_mail
from home.models import OutboxMail
from tests.community.accounts.conftest import PASSWORD, AdaFactory, link_in, log_in

User = get_user_model()
pytestmark = pytest.mark.django_db

# Django's token shape: a base-36 timestamp, a dash, 20 hex digits (and our session seal of it).
TOKEN = re.compile(r"[0-9a-z]{1,13}-[0-9a-f]{20,}")


def dump(*labels: str) -> str:
    out = io.StringIO()
    call_command("dumpdata", *labels, stdout=out, verbosity=0)
    return out.getvalue()


def tokens_that_open_an_account(text: str) -> list[str]:
    users = list(User.objects.all())
    return [
        candidate
        for candidate in set(TOKEN.findall(text)) | set(re.findall(r"sealed-[0-9a-z]+-[0-9a-f]+", text))
        for user in users
        if activation_token_generator.check_token(user, candidate)
        or reset_token_generator.check_token(user, candidate)
    ]


def test_a_dump_of_the_database_holds_nothing_that_opens_or_activates_an_account(deliver):
    AdaFactory(email="owner@example.com")
    visitor = Client()
    with deliver():
        visitor.post(
            "/da/account/register/",
            {
                "email": "new@example.com",
                "first_name": "New",
                "last_name": "Person",
                "password1": "a-fine-long-passphrase",
                "password2": "a-fine-long-passphrase",
            },
        )
        Client().post("/da/account/password-reset/", {"email": "owner@example.com"})
    activation_link = link_in(mail.outbox[0], "/account/activate/")
    reset_link = link_in(mail.outbox[1], "/password-reset/")
    # Opening the reset link keeps the token's seal in that browser's session, until the password is chosen.
    resetting = Client()
    assert resetting.get(reset_link).status_code == 302
    # A reset mail still owed (its sending never ran) and a logged-in session.
    Client(REMOTE_ADDR="198.51.100.9").post("/da/account/password-reset/", {"email": "owner@example.com"})
    owed = OutboxMail.objects.owed().get()
    logged_in = Client()
    assert log_in(logged_in, "owner@example.com", PASSWORD).status_code == 302

    outbox_table = dump("home.OutboxMail")
    everything = dump()

    for text in (outbox_table, everything):
        assert activation_link.split("/")[-2] not in text
        assert reset_link.split("/")[-2] not in text
        assert "/account/activate/" not in text and "/password-reset/MT" not in text
        assert tokens_that_open_an_account(text) == []
        for browser in (resetting, logged_in):
            assert browser.cookies["sessionid"].value not in text
    assert OutboxMail.objects.sent().count() == 2
    assert all(context == {} for context in OutboxMail.objects.sent().values_list("context", flat=True))
    # The owed mail still gets a working link: it is minted when the mail is rendered.
    link = re.search(r"http\S+/password-reset/\S+/", render_mail(owed).body).group(0)
    assert reset_token_generator.check_token(User.objects.get(email="owner@example.com"), link.split("/")[-2])


def test_the_reset_link_still_works_through_the_sealed_session(client, deliver):
    AdaFactory()
    with deliver():
        client.post("/en/account/password-reset/", {"email": "ada@example.com"})
    response = client.get(link_in(mail.outbox[0], "/password-reset/"))
    form_url = response.url

    response = client.post(
        form_url, {"new_password1": "a-brand-new-pass-2026", "new_password2": "a-brand-new-pass-2026"}
    )

    assert response.status_code == 302
    assert User.objects.get().check_password("a-brand-new-pass-2026")


def test_a_seal_read_from_the_database_does_not_work_in_a_link(client, deliver):
    user = AdaFactory()
    with deliver():
        client.post("/en/account/password-reset/", {"email": "ada@example.com"})
    client.get(link_in(mail.outbox[0], "/password-reset/"))
    seal = client.session["_password_reset_token"]
    assert seal.startswith("sealed-")

    uid = link_in(mail.outbox[0], "/password-reset/").split("/")[-3]
    response = Client().get(f"/en/account/password-reset/{uid}/{seal}/")

    assert response.status_code == 200
    assert "set-password" not in response.get("Location", "")
    user.refresh_from_db()
    assert user.check_password(PASSWORD)


def test_a_reset_link_expires_after_two_hours(client, deliver):
    import datetime

    import time_machine

    AdaFactory(language="en")
    start = datetime.datetime(2026, 11, 30, 12, tzinfo=datetime.UTC)
    with time_machine.travel(start, tick=False) as clock:
        with deliver():
            client.post("/en/account/password-reset/", {"email": "ada@example.com"})
        link = link_in(mail.outbox[0], "/password-reset/")
        clock.shift(datetime.timedelta(hours=2, minutes=1))
        response = Client().get(link)

    assert response.status_code == 200  # the "link is not valid" page, no redirect to the form
    assert "The link works for 2 hours." in mail.outbox[0].body


def test_sent_mail_is_pruned_after_the_keep_days(deliver, settings):
    import datetime

    import time_machine

    from home.tasks import prune_outbox

    settings.MAIL_OUTBOX_KEEP_DAYS = 30
    AdaFactory()
    with time_machine.travel(datetime.datetime(2026, 10, 1, 12, tzinfo=datetime.UTC), tick=False), deliver():
        Client().post("/en/account/password-reset/", {"email": "ada@example.com"})
    with time_machine.travel(datetime.datetime(2026, 11, 30, 12, tzinfo=datetime.UTC), tick=False):
        Client().post("/en/account/password-reset/", {"email": "ada@example.com"})  # owed, kept
        assert prune_outbox() == 1

    assert OutboxMail.objects.count() == 1 and OutboxMail.objects.owed().exists()
