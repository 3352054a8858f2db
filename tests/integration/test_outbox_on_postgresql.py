"""Row locking in the outbox on PostgreSQL: two workers handed the same mail at once send it once, and the
second one does not wait for the first."""

import threading
import time

import pytest
from django.core.mail.backends.base import BaseEmailBackend
from django.db import connections

from home.models import OutboxMail
from home.tasks import send_outbox_mail

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]


class SlowSMTPBackend(BaseEmailBackend):
    """Records what it is given and takes a second over it, like a slow SMTP server."""

    sent: list[str] = []

    def send_messages(self, email_messages):
        time.sleep(1)
        for message in email_messages:
            SlowSMTPBackend.sent.extend(message.to)
        return len(email_messages)


def test_two_workers_given_the_same_mail_at_once_send_it_once(settings):
    settings.EMAIL_BACKEND = "tests.integration.test_outbox_on_postgresql.SlowSMTPBackend"
    SlowSMTPBackend.sent = []
    row = OutboxMail.objects.create(recipient="ada@example.com", template="home/mail/test_mail", language="en")
    start = threading.Barrier(2)
    outcomes: dict[str, float] = {}

    def worker():
        try:
            start.wait()
            started = time.monotonic()
            outcome = send_outbox_mail.apply(args=[row.pk]).result
            outcomes[outcome] = time.monotonic() - started
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert SlowSMTPBackend.sent == ["ada@example.com"]
    assert set(outcomes) == {"sent", "locked or deleted"}
    assert outcomes["locked or deleted"] < 0.5, "the second worker skips the locked row instead of waiting"
    row.refresh_from_db()
    assert row.sent_at is not None
    assert row.attempts == 1
