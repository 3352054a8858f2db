"""The mail outbox: every mail the site owes is a row, written in the transaction that owes it."""

from django.db import models
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _


class OutboxMailQuerySet(models.QuerySet):
    def owed(self):
        return self.filter(sent_at__isnull=True, gave_up_at__isnull=True)

    def sent(self):
        return self.filter(sent_at__isnull=False)

    def given_up(self):
        return self.filter(sent_at__isnull=True, gave_up_at__isnull=False)

    def untouched_since(self, moment):
        """Rows nobody created or tried to send after `moment`: no task is working on them any more."""
        return self.annotate(last_touched=Coalesce("last_attempt_at", "created_at")).filter(last_touched__lte=moment)


class OutboxMail(models.Model):
    """One mail to one recipient. `template` names a template family under templates/ (`<template>_subject.txt`,
    `<template>.txt`, `<template>.html`), rendered in `language` with `context` when it is sent. A row is sent
    at most once: the sender locks it and sets `sent_at` in the same transaction as the SMTP hand-over.
    `last_attempt_at` tells the beat task which owed rows a worker is still retrying (recently touched) and which
    an outage left behind. `gave_up_at` marks a mail that can never be sent as it is (a missing template, a
    recipient the server refuses); SMTP and broker outages never give up, the beat task keeps trying."""

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

    objects = OutboxMailQuerySet.as_manager()

    class Meta:
        verbose_name = _("outgoing mail")
        verbose_name_plural = _("outgoing mails")
        ordering = ["-created_at"]
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
