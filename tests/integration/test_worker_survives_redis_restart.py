"""A worker holding mail retries while its Redis restarts (empty: no persistence) keeps running, and every mail
still arrives once, with beat's sweep re-sending what the restart lost. On celery 5.7.0 the worker exited here
(requirements.txt pins 5.6.3; README "Operations")."""

import pytest
from django.db import transaction

from home.mail import queue_mail
from home.models import OutboxMail
from tests.services import SMTPServer, free_port, use_broker, wait_for

pytestmark = pytest.mark.integration

RECIPIENTS = ["ada@example.com", "grace@example.com", "linus@example.com"]
FAST_SWEEP = {"MAIL_OUTBOX_SWEEP_SECONDS": "2", "MAIL_OUTBOX_RETRY_AFTER_SECONDS": "3", "EMAIL_TIMEOUT": "5"}


@pytest.fixture
def broker_on_own_redis(own_redis):
    from celery import current_app

    saved = current_app.conf.broker_url, current_app.conf.task_always_eager
    use_broker(own_redis.url(1), eager=False)
    yield own_redis.url(1)
    use_broker(saved[0], eager=saved[1])


def test_a_worker_holding_retries_survives_a_redis_restart_and_every_mail_arrives_once(
    transactional_db, own_redis, broker_on_own_redis, tmp_path
):
    from tests.services import Workers

    smtp_port = free_port()  # the SMTP server is down: the worker retries every mail with a countdown
    workers = Workers(broker_on_own_redis, tmp_path)
    try:
        worker = workers.start(smtp_port=smtp_port, extra_env=FAST_SWEEP)
        worker_log = workers.log
        workers.start(smtp_port=smtp_port, beat=True, extra_env=FAST_SWEEP)
        for recipient in RECIPIENTS:
            with transaction.atomic():
                queue_mail(to=recipient, template="home/mail/test_mail", context={}, language="en")

        wait_for(
            lambda: OutboxMail.objects.filter(attempts__gte=2).count() == len(RECIPIENTS),
            timeout=90,
            what="every mail to fail at least twice (the worker holding their retries)",
            log=worker_log,
        )
        assert "Retry in" in worker_log.read_text()

        own_redis.stop()
        wait_for(
            lambda: "Connection to broker lost" in worker_log.read_text(), timeout=60, what="the worker to notice"
        )
        own_redis.start()
        smtp_server = SMTPServer(smtp_port).start()
        try:
            wait_for(
                lambda: not OutboxMail.objects.owed().exists(),
                timeout=180,
                what="every mail to be sent after the restart",
                log=worker_log,
            )
            assert worker.poll() is None, f"the worker exited:\n{worker_log.read_text()[-4000:]}"
            received = sorted(
                recipient for recipients, _message in smtp_server.inbox.received for recipient in recipients
            )
        finally:
            smtp_server.stop()
    finally:
        workers.stop_all()
    assert received == sorted(RECIPIENTS)
    assert OutboxMail.objects.sent().count() == len(RECIPIENTS)
