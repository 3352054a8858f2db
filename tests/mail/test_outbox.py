"""The outbox mail path: queued in the caller's transaction, sent once after commit, in the recipient's language,
kept owed through SMTP failures and sent by the beat task once the server answers again."""

import smtplib
from datetime import datetime
from email import message_from_bytes
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.db import transaction
from django.test import override_settings
from django.utils import timezone

from home.mail import MailAttachment, queue_mail, register_attachments, render_mail, unregister_attachments
from home.models import OutboxMail
from home.tasks import resend_owed_mail, send_outbox_mail

pytestmark = pytest.mark.django_db

TEST_MAIL = "home/mail/test_mail"


class DisconnectingBackend(BaseEmailBackend):
    """An SMTP server that hangs up: the one stand-in in these tests, for the failure path."""

    def send_messages(self, email_messages):
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")


class RefusingBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise smtplib.SMTPRecipientsRefused({"nobody@example.com": (550, b"5.1.1 No such user")})


def queue_committed(django_capture_on_commit_callbacks, **kwargs) -> OutboxMail:
    """Queue a mail in a transaction that commits (the test's own transaction hides real commits)."""
    defaults = {"to": "ada@example.com", "template": TEST_MAIL, "context": {}, "language": "en"}
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        row = queue_mail(**(defaults | kwargs))
    row.refresh_from_db()
    return row


def test_mail_queued_in_a_transaction_that_rolls_back_is_never_sent(django_capture_on_commit_callbacks):
    class Boom(Exception):
        pass

    with django_capture_on_commit_callbacks(execute=True) as callbacks, pytest.raises(Boom), transaction.atomic():
        queue_mail(to="ada@example.com", template=TEST_MAIL, context={}, language="en")
        raise Boom

    assert callbacks == []
    assert mail.outbox == []
    assert not OutboxMail.objects.exists()


def test_mail_is_sent_once_after_commit_and_marked_sent(django_capture_on_commit_callbacks):
    row = queue_committed(django_capture_on_commit_callbacks, to="ada@example.com")

    assert len(mail.outbox) == 1
    sent = mail.outbox[0]
    assert sent.to == ["ada@example.com"]
    assert sent.subject == "Test mail from Danish Data Science Community"
    assert "If you can read it, the site can send mail." in sent.body
    html, mimetype = sent.alternatives[0]
    assert mimetype == "text/html"
    assert "If you can read it, the site can send mail." in html
    assert row.sent_at is not None
    assert row.attempts == 1
    assert row.last_error == ""


def test_nothing_is_sent_before_the_transaction_commits(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        queue_mail(to="ada@example.com", template=TEST_MAIL, context={}, language="en")
        assert mail.outbox == []
    assert len(mail.outbox) == 1


@pytest.mark.parametrize("context", [{"when": timezone.now()}, {"score": float("nan")}])
def test_a_context_that_is_not_json_is_refused_before_anything_is_written(context):
    with pytest.raises(TypeError, match="JSON"):
        queue_mail(to="ada@example.com", template=TEST_MAIL, context=context, language="en")
    assert not OutboxMail.objects.exists()


def test_a_language_the_site_does_not_speak_is_refused():
    with pytest.raises(ValueError, match="not 'sv'"):
        queue_mail(to="ada@example.com", template=TEST_MAIL, context={}, language="sv")
    assert not OutboxMail.objects.exists()


@pytest.mark.parametrize(
    ("language", "queued_text"),
    [("da", "5. marts 2026 kl. 14.30"), ("en", "5 March 2026, 14:30")],
)
def test_mail_is_rendered_in_the_recipients_language(language, queued_text):
    row = OutboxMail.objects.create(recipient="ada@example.com", template=TEST_MAIL, context={}, language=language)
    queued = datetime(2026, 3, 5, 14, 30, tzinfo=ZoneInfo("Europe/Copenhagen"))
    OutboxMail.objects.filter(pk=row.pk).update(created_at=queued)
    row.refresh_from_db()

    message = render_mail(row)

    html = message.alternatives[0].content
    assert f'<html lang="{language}">' in html
    assert queued_text in html
    assert queued_text in message.body
    assert message.extra_headers["Content-Language"] == language


def test_mail_subject_is_one_line_and_the_text_part_is_not_html_escaped():
    row = OutboxMail.objects.create(recipient="ada@example.com", template=TEST_MAIL, context={}, language="en")
    with override_settings(WAGTAIL_SITE_NAME="Data & Science\nCommunity"):
        message = render_mail(row)
    assert message.subject == "Test mail from Data & Science Community"
    assert "Data & Science" in message.body
    assert "Data &amp; Science" in message.alternatives[0].content


def test_running_the_send_task_twice_sends_the_mail_once(django_capture_on_commit_callbacks):
    row = queue_committed(django_capture_on_commit_callbacks)

    send_outbox_mail.delay(row.pk)
    send_outbox_mail.delay(row.pk)

    row.refresh_from_db()
    assert len(mail.outbox) == 1
    assert row.attempts == 1


def test_smtp_failure_leaves_the_mail_owed_and_the_beat_task_sends_it_when_smtp_is_back(
    django_capture_on_commit_callbacks,
):
    with override_settings(EMAIL_BACKEND="tests.mail.test_outbox.DisconnectingBackend"):
        row = queue_committed(django_capture_on_commit_callbacks)  # does not raise into the request

    assert row.sent_at is None
    assert row.gave_up_at is None
    assert row.attempts == 1
    assert "SMTPServerDisconnected" in row.last_error
    assert list(OutboxMail.objects.owed()) == [row]
    assert mail.outbox == []

    with override_settings(MAIL_OUTBOX_RETRY_AFTER_SECONDS=0):
        assert resend_owed_mail() == 1

    row.refresh_from_db()
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["ada@example.com"]
    assert row.sent_at is not None
    assert row.attempts == 2
    assert row.last_error == ""

    with override_settings(MAIL_OUTBOX_RETRY_AFTER_SECONDS=0):
        assert resend_owed_mail() == 0
    assert len(mail.outbox) == 1


def test_beat_task_leaves_recently_tried_mail_to_the_worker_retrying_it(django_capture_on_commit_callbacks):
    with override_settings(EMAIL_BACKEND="tests.mail.test_outbox.DisconnectingBackend"):
        queue_committed(django_capture_on_commit_callbacks)

    with override_settings(MAIL_OUTBOX_RETRY_AFTER_SECONDS=300):
        assert resend_owed_mail() == 0
    assert mail.outbox == []


def test_a_recipient_the_server_refuses_for_good_is_given_up_and_not_resent(django_capture_on_commit_callbacks):
    with override_settings(EMAIL_BACKEND="tests.mail.test_outbox.RefusingBackend"):
        row = queue_committed(django_capture_on_commit_callbacks, to="nobody@example.com")

    assert row.gave_up_at is not None
    assert "No such user" in row.last_error
    with override_settings(MAIL_OUTBOX_RETRY_AFTER_SECONDS=0):
        assert resend_owed_mail() == 0


def test_a_mail_whose_template_is_missing_is_given_up(django_capture_on_commit_callbacks):
    row = queue_committed(django_capture_on_commit_callbacks, template="home/mail/no_such_mail")

    assert row.gave_up_at is not None
    assert "TemplateDoesNotExist" in row.last_error
    assert mail.outbox == []


def test_registered_attachments_travel_with_the_mail_and_inline_images_sit_with_the_html():
    png = b"\x89PNG\r\n\x1a\n-not-really-a-png"

    def ticket_parts(row):
        return [
            MailAttachment("qr.png", png, "image/png", content_id="qr"),
            MailAttachment("ticket.png", png, "image/png"),
            MailAttachment("event.ics", b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", "text/calendar"),
        ]

    row = OutboxMail.objects.create(recipient="ada@example.com", template=TEST_MAIL, context={}, language="en")
    register_attachments(TEST_MAIL, ticket_parts)
    try:
        parsed = message_from_bytes(render_mail(row).message().as_bytes())
    finally:
        unregister_attachments(TEST_MAIL)

    assert parsed.get_content_type() == "multipart/mixed"
    related, ticket, ics = parsed.get_payload()
    assert related.get_content_type() == "multipart/related"
    alternative, inline = related.get_payload()
    assert [part.get_content_type() for part in alternative.get_payload()] == ["text/plain", "text/html"]
    assert inline["Content-ID"] == "<qr>"
    assert inline.get_content_disposition() == "inline"
    assert inline.get_payload(decode=True) == png
    assert (ticket.get_filename(), ticket.get_content_disposition()) == ("ticket.png", "attachment")
    assert (ics.get_filename(), ics.get_content_type()) == ("event.ics", "text/calendar")


@pytest.mark.django_db
def test_a_registered_context_builder_adds_to_the_context_in_the_mails_language():
    from django.utils import translation

    from home.mail import mail_context, register_context, unregister_context

    seen = []

    def builder(row):
        seen.append(translation.get_language())
        return {"event_title": f"Meetup #{row.context['n']}"}

    row = OutboxMail.objects.create(recipient="ada@example.com", template=TEST_MAIL, context={"n": 7}, language="en")
    register_context(TEST_MAIL, builder)
    try:
        assert mail_context(row)["event_title"] == "Meetup #7"
        render_mail(row)
    finally:
        unregister_context(TEST_MAIL)
    assert seen[-1] == "en"
    assert "event_title" not in mail_context(row)
