"""The issue-10 row "an SMTP server confirming after 12 s": sends 3 outbox mails in process to an aiosmtpd server
that confirms each after SMTP_DELAY seconds, with EMAIL_TIMEOUT as configured, and prints how many copies
arrived and how many distinct Message-IDs they carried. Run with `manage.py shell -c` on a migrated database:
  SMTP_DELAY=12 EMAIL_TIMEOUT=60 python manage.py shell -c "from tests.benchmarks.slow_smtp import report; report()"
"""

import asyncio
import os
from email import message_from_bytes

from aiosmtpd.controller import Controller
from django.test import override_settings

from home.models import OutboxMail
from home.tasks import send_outbox_mail
from tests.services import free_port


def report() -> None:
    delay = float(os.environ.get("SMTP_DELAY", "12"))
    timeout = float(os.environ.get("EMAIL_TIMEOUT", "60"))
    received = []

    class Handler:
        async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's hook name
            received.append(message_from_bytes(envelope.original_content)["Message-ID"])
            await asyncio.sleep(delay)
            return "250 OK"

    port = free_port()
    controller = Controller(Handler(), hostname="127.0.0.1", port=port)
    controller.start()
    rows = [
        OutboxMail.objects.create(recipient=f"slow{n}@example.com", template="home/mail/test_mail", language="en")
        for n in range(3)
    ]
    try:
        with override_settings(
            EMAIL_BACKEND="home.smtp.EmailBackend", EMAIL_HOST="127.0.0.1", EMAIL_PORT=port, EMAIL_TIMEOUT=timeout
        ):
            for _round in range(12):  # a worker's retries and the sweeps, in process
                for row in rows:
                    send_outbox_mail.apply(args=[row.pk])
    finally:
        controller.stop()
    states = [OutboxMail.objects.get(pk=row.pk) for row in rows]
    print(
        f"server delay {delay:g} s, EMAIL_TIMEOUT {timeout:g} s: {len(received)} copies of 3 mails arrived, "
        f"{len(set(received))} distinct Message-IDs; sent {sum(1 for r in states if r.sent_at)}, "
        f"given up {[r.gave_up_reason for r in states if r.gave_up_at]}"
    )
