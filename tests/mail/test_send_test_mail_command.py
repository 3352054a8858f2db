"""`send_test_mail`: an operator checks the mail settings by sending a small mail through the outbox."""

from io import StringIO

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.test import override_settings

from home.models import OutboxMail


# Real commits: the command reports what happened to the mail after its transaction committed.
@pytest.mark.django_db(transaction=True)
def test_send_test_mail_sends_a_mail_in_the_chosen_language():
    out = StringIO()
    call_command("send_test_mail", "ops@example.com", "--language", "da", stdout=out)

    assert "Sent test mail" in out.getvalue()
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["ops@example.com"]
    assert '<html lang="da">' in mail.outbox[0].alternatives[0].content
    assert OutboxMail.objects.get().sent_at is not None


@pytest.mark.django_db(transaction=True)
def test_send_test_mail_reports_an_smtp_failure_and_leaves_the_mail_owed():
    with (
        override_settings(EMAIL_BACKEND="tests.mail.test_outbox.DisconnectingBackend"),
        pytest.raises(CommandError, match="SMTPServerDisconnected"),
    ):
        call_command("send_test_mail", "ops@example.com", stdout=StringIO())
    assert OutboxMail.objects.owed().count() == 1


@pytest.mark.django_db
def test_send_test_mail_refuses_something_that_is_not_an_address():
    with pytest.raises(CommandError, match="not an e-mail address"):
        call_command("send_test_mail", "not-an-address", stdout=StringIO())
    assert not OutboxMail.objects.exists()
