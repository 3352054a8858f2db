"""The outage test: 200 registrations while Redis (cache and broker) and the SMTP server fail in turn. Every
request answers without a 5xx and within a second, and afterwards every ticket mail reaches the SMTP server
exactly once, with nobody intervening (a real worker and a real beat on a Redis of the test's own)."""

import asyncio
import time
from collections import Counter
from email import message_from_bytes

import pytest
from aiosmtpd.controller import Controller
from django.test import Client, override_settings

from events.factories import EventIndexPageFactory, EventPageFactory
from events.models import Registration
from home import publish
from home.cache import reset_pauses
from home.models import OutboxMail
from tests.community.membership.conftest import make_user
from tests.home.tree import ensure_home_page
from tests.integration.conftest import Workers, free_port, redis_caches, use_broker, wait_for

pytestmark = pytest.mark.integration

PER_PHASE = 40
PHASES = ["normal", "Redis down", "SMTP down", "both down", "restored (SMTP slow)"]
WORKER_ENV = {"MAIL_OUTBOX_SWEEP_SECONDS": "2", "MAIL_OUTBOX_RETRY_AFTER_SECONDS": "3", "EMAIL_TIMEOUT": "10"}


class Inbox:
    def __init__(self):
        self.received = []
        self.delay = 0.0

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's hook name
        await asyncio.sleep(self.delay)
        self.received.append((list(envelope.rcpt_tos), message_from_bytes(envelope.original_content)))
        return "250 Message accepted for delivery"


class SMTPServer:
    """An SMTP server the test can stop, start again on the same port, and slow down."""

    def __init__(self):
        self.port = free_port()
        self.inbox = Inbox()
        self.controller = None

    def start(self):
        self.controller = Controller(self.inbox, hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def stop(self):
        if self.controller:
            self.controller.stop()
            self.controller = None


def test_200_registrations_through_redis_and_smtp_outages_answer_fast_and_every_ticket_arrives_once(
    transactional_db, own_redis, tmp_path
):
    smtp = SMTPServer()
    smtp.start()
    from celery import current_app

    saved_broker = current_app.conf.broker_url, current_app.conf.task_always_eager
    use_broker(own_redis.url(1), eager=False)
    reset_pauses()
    publish.resume()
    workers = Workers(own_redis.url(1), tmp_path)
    answers: list[tuple[str, str, int, float]] = []
    try:
        with override_settings(CACHES=redis_caches(own_redis.url(0))):
            workers.start(smtp_port=smtp.port, extra_env=WORKER_ENV)
            worker_log = workers.log
            workers.start(smtp_port=smtp.port, beat=True, extra_env=WORKER_ENV)
            event = EventPageFactory(parent=EventIndexPageFactory(parent=ensure_home_page()), capacity=None)
            people = [make_user(language="da") for _ in range(PER_PHASE * len(PHASES))]
            Client().get(event.url)  # the first page view fills per-process caches

            for number, phase in enumerate(PHASES):
                if phase == "Redis down":
                    own_redis.stop()
                elif phase == "SMTP down":
                    own_redis.start()
                    smtp.stop()
                elif phase == "both down":
                    own_redis.stop()
                elif phase.startswith("restored"):
                    own_redis.start()
                    smtp.inbox.delay = 0.3
                    smtp.start()
                for person in people[number * PER_PHASE : (number + 1) * PER_PHASE]:
                    client = Client(raise_request_exception=False)
                    client.force_login(person)
                    for kind, request in (
                        ("page", lambda client=client: client.get(event.url)),
                        ("register", lambda client=client: client.post(f"/da/events/{event.pk}/register/")),
                    ):
                        started = time.perf_counter()
                        response = request()
                        answers.append((phase, kind, response.status_code, time.perf_counter() - started))

            people_emails = {person.email for person in people}

            def every_ticket_sent():
                return not OutboxMail.objects.owed().filter(template="events/mail/ticket").exists()

            wait_for(every_ticket_sent, timeout=300, what="every ticket mail to be sent", log=worker_log)
            received = Counter(
                recipient
                for recipients, message in smtp.inbox.received
                for recipient in recipients
                if recipient in people_emails
            )
    finally:
        workers.stop_all()
        smtp.stop()
        use_broker(saved_broker[0], eager=saved_broker[1])

    print_summary(answers, received)
    assert [answer for answer in answers if answer[2] >= 500] == []
    assert {status for _phase, kind, status, _s in answers if kind == "register"} == {302}
    slowest = max(answers, key=lambda answer: answer[3])
    assert slowest[3] < 1, f"the slowest answer took {slowest[3]:.2f} s: {slowest}"
    assert Registration.objects.filter(event=event, status=Registration.Status.CONFIRMED).count() == len(people)
    assert received == Counter(people_emails), "every ticket exactly once"


def print_summary(answers, received) -> None:
    print("\nphase                 requests  5xx  max s   mean s")
    for phase in PHASES:
        times = [seconds for name, _kind, _status, seconds in answers if name == phase]
        errors = sum(1 for name, _kind, status, _s in answers if name == phase and status >= 500)
        print(f"{phase:<22}{len(times):>8}{errors:>5}{max(times):>7.2f}{sum(times) / len(times):>9.3f}")
    print(f"ticket mails received: {sum(received.values())} for {len(received)} people")
