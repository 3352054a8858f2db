"""The one mail path: `queue_mail` records the mail owed in the caller's transaction, `render_mail` builds it.

No app calls `send_mail` itself. A change that owes a mail calls `queue_mail` inside its transaction; the
row commits or rolls back with the change, and only a committed row is handed to Celery
(`home.tasks.send_outbox_mail`), which renders it here in the recipient's language and sends it. What an app
must record once its mail has gone out it registers with `register_on_sent`.
"""

import json
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from email.mime.multipart import MIMEMultipart

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation

from home.models import OutboxMail
from home.publish import publish

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class MailAttachment:
    """A file sent with a mail. With a `content_id` it is an inline part the HTML shows as `<img src="cid:…">`."""

    filename: str
    content: bytes
    mimetype: str
    content_id: str | None = None


AttachmentBuilder = Callable[[OutboxMail], Iterable[MailAttachment]]

# Attachments are built when the mail is sent, from the row, so the outbox only stores a JSON context
# (a ticket mail, for instance, reads its QR image from private storage by the registration id in the context).
_attachment_builders: dict[str, AttachmentBuilder] = {}


def register_attachments(template: str, builder: AttachmentBuilder) -> None:
    """Make every mail of `template` carry what `builder(row)` returns."""
    _attachment_builders[template] = builder


def unregister_attachments(template: str) -> None:
    _attachment_builders.pop(template, None)


ContextBuilder = Callable[[OutboxMail], dict]

# Like attachments, extra context is built at sending time from the JSON context (ids → model objects).
_context_builders: dict[str, ContextBuilder] = {}


def register_context(template: str, builder: ContextBuilder) -> None:
    """Render every mail of `template` with what `builder(row)` returns added to its context."""
    _context_builders[template] = builder


def unregister_context(template: str) -> None:
    _context_builders.pop(template, None)


SentHook = Callable[[OutboxMail], None]

# Run in the short transaction that marks a row sent (after the SMTP server confirmed it), never while it talks.
_sent_hooks: dict[str, SentHook] = {}


def register_on_sent(template: str, hook: SentHook) -> None:
    """Call `hook(row)` when a mail of `template` has been sent, in the transaction that marks it sent."""
    _sent_hooks[template] = hook


def unregister_on_sent(template: str) -> None:
    _sent_hooks.pop(template, None)


def mail_sent(row: OutboxMail) -> None:
    hook = _sent_hooks.get(row.template)
    if hook:
        hook(row)


def queue_mail(*, to: str, template: str, context: dict, language: str) -> OutboxMail:
    """Record a mail owed to `to` and send it once the caller's transaction commits (never if it rolls back).

    `template` names a family of templates: `<template>_subject.txt`, `<template>.txt` and `<template>.html`.
    `context` is stored as JSON and rendered later, so it may only hold JSON values (ids, not model objects).
    """
    try:
        json.dumps(context, allow_nan=False)  # PostgreSQL's jsonb has no NaN either
    except (TypeError, ValueError) as exc:
        raise TypeError(f"The context of a queued mail must be JSON-serialisable: {exc}") from exc
    if language not in dict(settings.LANGUAGES):
        raise ValueError(f"Mail can be written in {', '.join(dict(settings.LANGUAGES))}, not {language!r}.")
    row = OutboxMail.objects.create(recipient=to, template=template, context=context, language=language)
    transaction.on_commit(lambda: enqueue_sending(row.pk))
    return row


def enqueue_sending(outbox_id: int) -> None:
    """Hand a committed row to Celery, within a bounded time (home.publish). If the broker is down, hung or slow
    the row stays owed and the beat task sends it later, so the request that owed the mail still succeeds."""
    # Imported here because home.tasks imports this module.
    from home.tasks import send_outbox_mail

    if not publish(send_outbox_mail, outbox_id):
        logger.warning("Outbox mail %s not handed to the broker; it stays owed for resend_owed_mail", outbox_id)


def send_again(outbox_id: int) -> bool:
    """Give a given-up mail another go (staff, after fixing what stopped it). Returns False if it was not given up."""
    with transaction.atomic():
        revived = (
            OutboxMail.objects.given_up()
            .filter(pk=outbox_id)
            .update(gave_up_at=None, gave_up_reason="", unconfirmed_at=None, claimed_until=None)
        )
        if revived:
            transaction.on_commit(lambda: enqueue_sending(outbox_id))
    return bool(revived)


def mail_context(row: OutboxMail) -> dict:
    builder = _context_builders.get(row.template)
    return {
        **row.context,
        **(builder(row) if builder else {}),
        "recipient": row.recipient,
        # A datetime, unlike anything in the JSON context, so templates can format it in the mail's language.
        "queued_at": row.created_at,
        "site_name": settings.WAGTAIL_SITE_NAME,
        "site_url": settings.SITE_URL,
    }


def render_mail(row: OutboxMail) -> "OutboxMessage":
    """The mail for an outbox row, rendered in the row's language: a text body, an HTML alternative, attachments."""
    with translation.override(row.language):
        # Inside the override so a context builder's URLs and texts come in the mail's language too.
        context = mail_context(row)
        # A subject is one line whatever the template's whitespace.
        subject = " ".join(render_to_string(f"{row.template}_subject.txt", context).split())
        text = render_to_string(f"{row.template}.txt", context)
        html = render_to_string(f"{row.template}.html", context)
    message = OutboxMessage(
        subject=subject,
        body=text,
        to=[row.recipient],
        # One Message-ID for every attempt: a mail the server got twice reads as one in the recipient's client.
        headers={"Content-Language": row.language, "Message-ID": row.message_id},
    )
    message.attach_alternative(html, "text/html")
    builder = _attachment_builders.get(row.template)
    for attachment in builder(row) if builder else ():
        message.add(attachment)
    return message


class OutboxMessage(EmailMultiAlternatives):
    """A text + HTML mail whose inline images sit with the HTML in a multipart/related part (what mail clients
    need to resolve `cid:` links), while ordinary attachments stay in the outer multipart/mixed."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.inline_images: list[MailAttachment] = []

    def add(self, attachment: MailAttachment) -> None:
        if attachment.content_id:
            self.inline_images.append(attachment)
        else:
            self.attach(attachment.filename, attachment.content, attachment.mimetype)

    def _create_alternatives(self, msg):
        alternatives = super()._create_alternatives(msg)
        if not self.inline_images:
            return alternatives
        related = MIMEMultipart(_subtype="related")
        related.attach(alternatives)
        for image in self.inline_images:
            part = self._create_mime_attachment(image.content, image.mimetype)
            part.add_header("Content-ID", f"<{image.content_id}>")
            part.add_header("Content-Disposition", "inline", filename=image.filename)
            related.attach(part)
        return related
