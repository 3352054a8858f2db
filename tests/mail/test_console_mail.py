"""In development a mail is printed readably: the text with its links, the attachments by name, no base64."""

import base64
import importlib
import io

from django.core.mail import get_connection
from django.core.mail.backends.console import EmailBackend as ConsoleBackend

from home.console_mail import EmailBackend
from home.mail import MailAttachment, OutboxMessage

PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8
ICS = b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"


def printed(message) -> str:
    stream = io.StringIO()
    sent = get_connection("home.console_mail.EmailBackend", stream=stream).send_messages([message])
    assert sent == 1
    return stream.getvalue()


def a_ticket_mail() -> OutboxMessage:
    message = OutboxMessage(
        subject="Din billet: Meetup",
        body="Hej Søren,\n\nAktivér din konto: http://127.0.0.1:8000/da/account/activate/abc123/\n",
        to=["soren@example.com"],
        headers={"Content-Language": "da"},
    )
    message.attach_alternative('<p>Hej Søren</p><img src="cid:ticket-qr">', "text/html")
    message.add(MailAttachment("ticket-qr.png", PNG, "image/png", content_id="ticket-qr"))
    message.add(MailAttachment("ticket.png", PNG, "image/png"))
    message.add(MailAttachment("event.ics", ICS, "text/calendar"))
    return message


def test_the_text_part_is_printed_whole_with_its_link_and_headers():
    out = printed(a_ticket_mail())

    assert "To: soren@example.com" in out
    assert "Subject: Din billet: Meetup" in out
    assert "Hej Søren,\n\nAktivér din konto: http://127.0.0.1:8000/da/account/activate/abc123/" in out


def test_attachments_and_the_html_are_named_not_dumped():
    out = printed(a_ticket_mail())

    assert f"[attachment: ticket.png (image/png, {len(PNG)} bytes)]" in out
    assert f"[attachment: event.ics (text/calendar, {len(ICS)} bytes)]" in out
    assert f"[inline image: ticket-qr.png (image/png, {len(PNG)} bytes)]" in out
    assert "[HTML version:" in out and "<p>Hej" not in out
    assert base64.b64encode(PNG)[:60].decode() not in out
    assert len(out.splitlines()) < 20


def test_development_settings_print_mail_with_it_when_no_mail_server_is_set(monkeypatch):
    monkeypatch.delenv("EMAIL_URL", raising=False)
    dev = importlib.reload(importlib.import_module("cms.settings.dev"))

    assert dev.EMAIL_BACKEND == "home.console_mail.EmailBackend"
    assert issubclass(EmailBackend, ConsoleBackend)  # same stream and locking as Django's
