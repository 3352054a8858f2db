"""Celery tasks of the home app: sending outbox mail, and sending again what an outage left owed."""

import logging
import smtplib
from datetime import timedelta

from celery import shared_task
from django.conf import settings
from django.db import DatabaseError, transaction
from django.db.models import F
from django.template import TemplateDoesNotExist, TemplateSyntaxError
from django.utils import timezone

from home.mail import render_mail
from home.models import OutboxMail

logger = logging.getLogger(__name__)

# A later attempt can get past these: the SMTP server or the network was down, busy or slow.
# (ConnectionError and socket timeouts are OSErrors.)
RETRY_ON = (smtplib.SMTPException, OSError)
# How many owed rows one beat run hands to the workers; the next run takes the rest.
RESEND_BATCH = 500


@shared_task(
    bind=True,
    name="home.tasks.send_outbox_mail",
    acks_late=True,
    autoretry_for=RETRY_ON,
    retry_backoff=True,  # 1 s, 2 s, 4 s, … (randomised by retry_jitter), at most retry_backoff_max
    retry_backoff_max=600,
    retry_jitter=True,
    max_retries=8,
)
def send_outbox_mail(self, outbox_id: int) -> str:
    """Send one outbox row unless it was sent already; record the failure and retry with backoff if not."""
    try:
        return _send(outbox_id)
    except Exception as exc:
        permanent = _is_permanent(exc)
        _record_failure(outbox_id, exc, give_up=permanent)
        if permanent:
            logger.error("Gave up on outbox mail %s: %s", outbox_id, exc)
            return "gave up"
        if self.request.is_eager and isinstance(exc, RETRY_ON):
            # In-process (no broker) the retries would run at once inside the request that owed the mail;
            # the row stays owed instead and resend_owed_mail sends it once the SMTP server answers.
            logger.warning("Outbox mail %s not sent, left owed: %s", outbox_id, exc)
            return "owed"
        raise


def _send(outbox_id: int) -> str:
    with transaction.atomic():
        # skip_locked: a row another worker holds is being sent by it right now, so this task has nothing to do.
        # (SQLite has no row locks; Django drops the clause there and SQLite's single writer serialises senders.)
        row = OutboxMail.objects.select_for_update(skip_locked=True).filter(pk=outbox_id).first()
        if row is None:
            return "locked or deleted"
        if row.sent_at or row.gave_up_at:
            return "already done"
        render_mail(row).send()
        # Saved in the transaction that holds the lock, so no other task can send the row in between.
        now = timezone.now()
        row.sent_at = row.last_attempt_at = now
        row.attempts += 1
        row.last_error = ""
        row.save(update_fields=["sent_at", "last_attempt_at", "attempts", "last_error"])
    return "sent"


def _is_permanent(exc: Exception) -> bool:
    """Failures that no retry can fix: the mail's templates are broken, or the server refuses every recipient
    for good (5xx; a 4xx refusal such as greylisting is worth retrying)."""
    if isinstance(exc, TemplateDoesNotExist | TemplateSyntaxError):
        return True
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        return bool(exc.recipients) and all(code >= 500 for code, _ in exc.recipients.values())
    return False


def _record_failure(outbox_id: int, exc: Exception, *, give_up: bool) -> None:
    """Count the attempt and keep the error. Runs after the sending transaction rolled back, in its own, so the
    record stays even though the task goes on to raise."""
    now = timezone.now()
    changes = {"attempts": F("attempts") + 1, "last_attempt_at": now, "last_error": f"{type(exc).__name__}: {exc}"}
    if give_up:
        changes["gave_up_at"] = now
    try:
        OutboxMail.objects.filter(pk=outbox_id, sent_at__isnull=True).update(**changes)
    except DatabaseError:
        logger.exception("Could not record the failure of outbox mail %s", outbox_id)


@shared_task(name="home.tasks.resend_owed_mail", acks_late=True)
def resend_owed_mail() -> int:
    """Beat task: hand every owed row that nobody touched for MAIL_OUTBOX_RETRY_AFTER_SECONDS to a worker again.
    These are rows whose first enqueue was lost (broker down) or whose retries ran out (a long SMTP outage)."""
    cutoff = timezone.now() - timedelta(seconds=settings.MAIL_OUTBOX_RETRY_AFTER_SECONDS)
    owed = OutboxMail.objects.owed().untouched_since(cutoff).order_by("created_at")
    outbox_ids = list(owed.values_list("pk", flat=True)[:RESEND_BATCH])
    for outbox_id in outbox_ids:
        send_outbox_mail.delay(outbox_id)
    if outbox_ids:
        logger.info("Re-sending %d owed outbox mails", len(outbox_ids))
    return len(outbox_ids)


@shared_task(name="home.tasks.publish_scheduled", acks_late=True, autoretry_for=(DatabaseError,), max_retries=3)
def publish_scheduled() -> None:
    """Wagtail's `publish_scheduled`: publish what editors scheduled to go live and unpublish what expired
    (pages and moderated snippets). Beat runs it every minute; a run that finds nothing due changes nothing."""
    from django.core.management import call_command

    call_command("publish_scheduled")
