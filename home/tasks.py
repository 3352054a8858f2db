"""Celery tasks of the home app: sending outbox mail, and sending again what an outage left owed."""

import logging
import smtplib
from datetime import timedelta

from celery import shared_task
from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.db import DatabaseError, transaction
from django.db.models import F, Q
from django.utils import timezone

from home.mail import mail_sent, render_mail
from home.models import OutboxMail
from home.models.heartbeat import beat
from home.smtp import MaybeDelivered

logger = logging.getLogger(__name__)

# A later attempt can get past these: the SMTP server, the network, the database or file storage was down, busy
# or slow. (ConnectionError, socket timeouts and MaybeDelivered are OSErrors; smtplib's errors too.)
RETRY_ON = (OSError, DatabaseError)
# How many owed rows one beat run hands to the workers; the next run takes the rest.
RESEND_BATCH = 500
Reason = OutboxMail.GiveUpReason


class GaveUp(Exception):
    def __init__(self, reason: str, error: BaseException):
        super().__init__(f"{type(error).__name__}: {error}")
        self.reason = reason


def claim_seconds() -> int:
    """How long a claim holds a row: longer than any one SMTP conversation (about ten exchanges, each allowed
    EMAIL_TIMEOUT), so only a sender that died mid-conversation loses its row to another."""
    return 10 * int(getattr(settings, "EMAIL_TIMEOUT", None) or 60) + 30


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
    """Send one owed outbox row unless another sender holds it; give it up for a reason no retry can fix, else
    record the failure and retry with backoff (the beat task takes over when the retries run out)."""
    row = _claim(outbox_id)
    if row is None:
        return "being sent" if OutboxMail.objects.owed().filter(pk=outbox_id).exists() else "already done"
    try:
        _render_and_send(row)
    except GaveUp as exc:
        _release(row, str(exc), give_up=exc.reason)
        logger.error("Gave up on outbox mail %s (%s): %s", outbox_id, exc.reason, exc)
        return "gave up"
    except RETRY_ON as exc:
        _release(row, f"{type(exc).__name__}: {exc}", unconfirmed=isinstance(exc, MaybeDelivered))
        if self.request.is_eager:
            # In-process (no broker) the retries would run at once inside the request that owed the mail;
            # the row stays owed instead and resend_owed_mail sends it once the SMTP server answers.
            logger.warning("Outbox mail %s not sent, left owed: %s", outbox_id, exc)
            return "owed"
        raise
    _mark_sent(row)
    return "sent"


def _claim(outbox_id: int) -> OutboxMail | None:
    """Take the row for this sender with one conditional UPDATE, committed at once: no lock is held while the
    SMTP server talks, and of two tasks for one row only one gets it."""
    now = timezone.now()
    claimed = (
        OutboxMail.objects.owed()
        .unclaimed(now)
        .filter(pk=outbox_id)
        .update(
            claimed_until=now + timedelta(seconds=claim_seconds()), attempts=F("attempts") + 1, last_attempt_at=now
        )
    )
    return OutboxMail.objects.get(pk=outbox_id) if claimed else None


def _render_and_send(row: OutboxMail) -> None:
    try:
        message = render_mail(row)
    except RETRY_ON:
        raise
    except ObjectDoesNotExist as exc:  # the registration, user … the mail is about was deleted
        raise GaveUp(Reason.SUBJECT_GONE, exc) from exc
    except Exception as exc:  # a template or code error: no retry writes it differently
        raise GaveUp(Reason.BROKEN, exc) from exc
    try:
        message.send()
    except MaybeDelivered as exc:
        if row.unconfirmed_at:  # the second unconfirmed hand-over: stop rather than mail the person again
            raise GaveUp(Reason.UNCONFIRMED, exc) from exc
        raise
    except smtplib.SMTPRecipientsRefused as exc:
        # 5xx for every recipient is for good; a 4xx refusal (greylisting, a full mailbox) is worth retrying.
        if exc.recipients and all(code >= 500 for code, _ in exc.recipients.values()):
            raise GaveUp(Reason.REFUSED, exc) from exc
        raise


def _mark_sent(row: OutboxMail) -> None:
    now = timezone.now()
    with transaction.atomic():
        # The context is emptied once the mail is out: what it was rendered from is nobody's business afterwards
        # (the hooks below get the row as it was claimed).
        marked = OutboxMail.objects.filter(pk=row.pk, sent_at__isnull=True).update(
            sent_at=now, last_attempt_at=now, last_error="", claimed_until=None, context={}
        )
        if marked:
            mail_sent(row)


def _release(row: OutboxMail, error: str, *, give_up: str = "", unconfirmed: bool = False) -> None:
    """Let go of the claim and keep the error (and why the row was given up, if it was)."""
    now = timezone.now()
    changes = {"claimed_until": None, "last_attempt_at": now, "last_error": error}
    if give_up:
        changes |= {"gave_up_at": now, "gave_up_reason": give_up}
    if unconfirmed:
        changes["unconfirmed_at"] = now
    try:
        OutboxMail.objects.filter(pk=row.pk, sent_at__isnull=True).update(**changes)
    except DatabaseError:
        logger.exception("Could not record the failure of outbox mail %s", row.pk)


@shared_task(name="home.tasks.resend_owed_mail", acks_late=True)
def resend_owed_mail() -> int:
    """Beat task: hand every owed row that nobody touched for MAIL_OUTBOX_RETRY_AFTER_SECONDS to a worker again.
    These are rows whose first enqueue was lost (broker down or restarted empty) or whose retries ran out (a long
    SMTP outage). It also records that beat and a worker are alive (the detailed health check reads it)."""
    beat("resend_owed_mail")
    now = timezone.now()
    cutoff = now - timedelta(seconds=settings.MAIL_OUTBOX_RETRY_AFTER_SECONDS)
    owed = OutboxMail.objects.owed().unclaimed(now).untouched_since(cutoff).order_by("created_at")
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


@shared_task(name="home.tasks.prune_outbox", acks_late=True)
def prune_outbox() -> int:
    """Beat task: delete sent and given-up mail older than MAIL_OUTBOX_KEEP_DAYS (owed mail is never deleted)."""
    cutoff = timezone.now() - timedelta(days=settings.MAIL_OUTBOX_KEEP_DAYS)
    old = Q(sent_at__lt=cutoff) | Q(sent_at__isnull=True, gave_up_at__lt=cutoff)
    deleted, _ = OutboxMail.objects.filter(old).delete()
    if deleted:
        logger.info("Pruned %d old outbox mails", deleted)
    return deleted
