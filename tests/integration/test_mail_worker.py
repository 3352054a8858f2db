"""The mail path end to end: a committed outbox row reaches a real SMTP server through a real Celery worker on
Redis, also when the worker, the broker or the SMTP server was down when the mail was queued."""

import time

import pytest
from django.db import transaction

from home.mail import queue_mail
from home.models import OutboxMail
from home.tasks import resend_owed_mail
from tests.services import DELIVERY_TIMEOUT, SMTPServer, free_port, use_broker, wait_for

pytestmark = pytest.mark.integration


def queue_test_mail(to: str, language: str = "en") -> OutboxMail:
    with transaction.atomic():
        return queue_mail(to=to, template="home/mail/test_mail", context={}, language=language)


def sent_row(row: OutboxMail) -> OutboxMail | None:
    row.refresh_from_db()
    return row if row.sent_at else None


def test_a_queued_mail_arrives_at_the_smtp_server_with_text_and_html_parts(workers, smtp_server):
    workers.start(smtp_port=smtp_server.port)

    row = queue_test_mail("ada@example.com", language="da")

    wait_for(lambda: smtp_server.inbox.received, timeout=DELIVERY_TIMEOUT, what="the mail", log=workers.log)
    recipients, message = smtp_server.inbox.received[0]
    assert recipients == ["ada@example.com"]
    assert message["To"] == "ada@example.com"
    # Written in the recipient's language (Danish here), by the worker.
    assert message["Subject"] == "Testmail fra Danish Data Science Community"
    assert message["Content-Language"] == "da"
    assert message.get_content_type() == "multipart/alternative"
    text, html = message.get_payload()
    assert text.get_content_type() == "text/plain"
    assert "Kan du læse den, kan sitet sende mail." in text.get_payload(decode=True).decode()
    assert html.get_content_type() == "text/html"
    assert '<html lang="da">' in html.get_payload(decode=True).decode()
    sent = wait_for(lambda: sent_row(row), timeout=10, what="the row to be marked sent", log=workers.log)
    assert sent.attempts == 1
    assert len(smtp_server.inbox.received) == 1


def test_a_mail_queued_while_no_worker_runs_waits_in_the_broker(workers, smtp_server):
    row = queue_test_mail("grace@example.com")
    time.sleep(1)
    assert smtp_server.inbox.received == []
    assert OutboxMail.objects.owed().filter(pk=row.pk).exists()

    workers.start(smtp_port=smtp_server.port)

    wait_for(lambda: smtp_server.inbox.received, timeout=DELIVERY_TIMEOUT, what="the mail", log=workers.log)
    assert smtp_server.inbox.received[0][0] == ["grace@example.com"]
    wait_for(lambda: sent_row(row), timeout=10, what="the row to be marked sent", log=workers.log)


def test_a_mail_whose_enqueue_was_lost_while_the_broker_was_down_is_sent_by_the_beat_task(
    workers, smtp_server, test_broker
):
    use_broker("redis://127.0.0.1:1/0", eager=False)  # nothing listens there
    started = time.monotonic()
    row = queue_test_mail("linus@example.com")  # commits; the enqueue fails and is only logged
    assert time.monotonic() - started < 5, "a broker outage must not hold up the request that owes the mail"
    use_broker(test_broker, eager=False)
    workers.start(smtp_port=smtp_server.port)
    time.sleep(1)
    assert smtp_server.inbox.received == [], "nothing was in the broker"
    assert OutboxMail.objects.owed().filter(pk=row.pk).exists()

    resend_owed_mail.delay()  # what beat does every five minutes

    wait_for(lambda: smtp_server.inbox.received, timeout=DELIVERY_TIMEOUT, what="the mail", log=workers.log)
    assert smtp_server.inbox.received[0][0] == ["linus@example.com"]
    wait_for(lambda: sent_row(row), timeout=10, what="the row to be marked sent", log=workers.log)


def test_the_worker_retries_with_backoff_until_the_smtp_server_is_back(workers):
    port = free_port()  # the SMTP server is down: nothing listens on the port yet
    workers.start(smtp_port=port)

    row = queue_test_mail("margaret@example.com")

    def failed_once():
        # The attempt is counted when the worker claims the row; its error is written when the attempt has failed.
        row.refresh_from_db()
        return row.last_error and row.sent_at is None

    wait_for(failed_once, timeout=DELIVERY_TIMEOUT, what="a failed attempt", log=workers.log)
    assert "Connection refused" in row.last_error or "ConnectionRefusedError" in row.last_error

    smtp_server = SMTPServer(port).start()
    try:
        wait_for(lambda: smtp_server.inbox.received, timeout=60, what="the retried mail", log=workers.log)
        sent = wait_for(lambda: sent_row(row), timeout=10, what="the row to be marked sent", log=workers.log)
    finally:
        smtp_server.stop()
    assert smtp_server.inbox.received[0][0] == ["margaret@example.com"]
    assert sent.attempts >= 2
    assert sent.last_error == ""
