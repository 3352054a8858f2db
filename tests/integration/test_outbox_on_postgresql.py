"""Row locking in the outbox on PostgreSQL: two workers handed the same mail at once send it once, and the
second one does not wait for the first."""

import threading
import time

import pytest
from django.core.mail.backends.base import BaseEmailBackend
from django.db import connections

from community.factories import UserFactory
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
    assert set(outcomes) == {"sent", "being sent"}
    assert outcomes["being sent"] < 0.5, "the second worker skips the claimed row instead of waiting"
    row.refresh_from_db()
    assert row.sent_at is not None
    assert row.attempts == 1


class LockProbingBackend(BaseEmailBackend):
    """While "talking to the SMTP server", checks from another connection that nothing it needs is locked."""

    probes: list[str] = []

    def send_messages(self, email_messages):
        from events.models import Registration

        def probe():
            try:
                # NOWAIT: fails at once if the sender still held a lock on either row.
                OutboxMail.objects.select_for_update(nowait=True).filter(pk=LockProbingBackend.row_id).exists()
                Registration.objects.select_for_update(nowait=True).filter(
                    pk=LockProbingBackend.registration_id
                ).exists()
                LockProbingBackend.probes.append("free")
            except Exception as error:  # noqa: BLE001 - the test shows what it was
                LockProbingBackend.probes.append(repr(error))
            finally:
                connections.close_all()

        from django.db import transaction

        def in_transaction():
            with transaction.atomic():
                probe()

        thread = threading.Thread(target=in_transaction)
        thread.start()
        thread.join(timeout=10)
        return len(email_messages)


def test_no_row_is_locked_while_the_smtp_server_talks(settings, ticket_for_locking):
    settings.EMAIL_BACKEND = "tests.integration.test_outbox_on_postgresql.LockProbingBackend"
    registration = ticket_for_locking
    row = OutboxMail.objects.get(template="events/mail/ticket", recipient=registration.user.email)
    LockProbingBackend.row_id, LockProbingBackend.registration_id = row.pk, registration.pk
    LockProbingBackend.probes = []

    assert send_outbox_mail.apply(args=[row.pk]).result == "sent"

    assert LockProbingBackend.probes == ["free"]
    registration.refresh_from_db()
    assert registration.ticket_mailed_at is not None  # recorded after the server confirmed, not during


@pytest.fixture
def ticket_for_locking():
    from events import services
    from events.models import Registration
    from tests.integration.test_ticket_mail import live_event

    registration = services.register(
        UserFactory(email="ada@example.com", language="en"), live_event(), accepted_terms=True
    )
    # The test settings send in process on commit; make the ticket owed again for the test's own sender (with the
    # context that sending emptied).
    OutboxMail.objects.update(sent_at=None, attempts=0, context={"registration_id": registration.pk})
    Registration.objects.update(ticket_mailed_at=None)
    return registration
