"""The mail outbox: every mail the site owes is a row, written in the transaction that owes it."""

from email.utils import parseaddr

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _


class OutboxMailQuerySet(models.QuerySet):
    def owed(self):
        return self.filter(sent_at__isnull=True, gave_up_at__isnull=True)

    def sent(self):
        return self.filter(sent_at__isnull=False)

    def given_up(self):
        return self.filter(sent_at__isnull=True, gave_up_at__isnull=False)

    def unclaimed(self, now):
        """Rows no sender holds: never claimed, or the claim's lease ran out (its worker died mid-send)."""
        return self.filter(Q(claimed_until__isnull=True) | Q(claimed_until__lte=now))

    def untouched_since(self, moment):
        """Rows nobody created or tried to send after `moment`: no task is working on them any more."""
        return self.annotate(last_touched=Coalesce("last_attempt_at", "created_at")).filter(last_touched__lte=moment)


class OutboxMail(models.Model):
    """One mail to one recipient. `template` names a template family under templates/ (`<template>_subject.txt`,
    `<template>.txt`, `<template>.html`), rendered in `language` with `context` when it is sent.

    Sending holds no database lock while the SMTP server talks: a sender claims the row with a conditional
    UPDATE that sets `claimed_until` (a lease), commits, talks to the server, then marks `sent_at`. Every attempt
    carries the same Message-ID (`message_id`). When the server took the whole message but never confirmed it
    (it was slower than EMAIL_TIMEOUT), `unconfirmed_at` records that; one more attempt is made, and a second
    unconfirmed hand-over gives up (`gave_up_reason` "unconfirmed") rather than mail the person again and again.
    `last_attempt_at` tells the beat task which owed rows a worker is still retrying (recently touched) and which
    an outage left behind. `gave_up_at` marks a mail that cannot be sent as it is (`gave_up_reason` says why);
    SMTP and broker outages never give up, the beat task keeps trying. Staff can send a given-up mail again."""

    class GiveUpReason(models.TextChoices):
        BROKEN = "broken", _("The mail could not be written (template or code error)")
        REFUSED = "refused", _("The mail server refused the recipient")
        SUBJECT_GONE = "subject_gone", _("What the mail is about no longer exists")
        UNCONFIRMED = "unconfirmed", _("The mail server took it twice without confirming")

    recipient = models.EmailField(_("recipient"))
    template = models.CharField(_("template"), max_length=200)
    context = models.JSONField(_("context"), default=dict, blank=True)
    language = models.CharField(_("language"), max_length=8)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    last_attempt_at = models.DateTimeField(_("last attempt at"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)
    gave_up_at = models.DateTimeField(_("gave up at"), null=True, blank=True)
    gave_up_reason = models.CharField(_("reason given up"), max_length=20, choices=GiveUpReason, blank=True)
    claimed_until = models.DateTimeField(_("being sent until"), null=True, blank=True)
    unconfirmed_at = models.DateTimeField(_("handed over unconfirmed at"), null=True, blank=True)

    objects = OutboxMailQuerySet.as_manager()

    class Meta:
        verbose_name = _("outgoing mail")
        verbose_name_plural = _("outgoing mails")
        ordering = ["-created_at"]
        permissions = [("resend_outboxmail", _("Can send a given-up mail again"))]
        # Sent rows pile up for ever; the beat task only ever looks for the few owed ones.
        indexes = [
            models.Index(
                fields=["created_at"],
                name="home_outbox_owed_idx",
                condition=models.Q(sent_at__isnull=True, gave_up_at__isnull=True),
            )
        ]

    def __str__(self) -> str:
        return f"{self.template} → {self.recipient}"

    @property
    def message_id(self) -> str:
        """The Message-ID of every attempt to send this row, so a mail sent twice reads as one to mail clients."""
        domain = parseaddr(settings.DEFAULT_FROM_EMAIL)[1].rpartition("@")[2] or "localhost"
        return f"<outbox.{self.pk}.{int(self.created_at.timestamp())}@{domain}>"
