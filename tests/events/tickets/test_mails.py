"""The event mails: rendered in the recipient's language with the event's details, the ticket with its QR code
inline and attached, the event as .ics, and the ticket sent only once however often the task runs."""

from datetime import UTC, datetime
from email import message_from_bytes

import pytest
from django.core import mail

from community.factories import UserFactory
from events.models import Registration
from home.mail import render_mail
from home.models import OutboxMail
from home.tasks import send_outbox_mail
from tests.events.tickets.conftest import make_registration
from tests.events.tickets.test_calendar import vevents


def outbox_row(registration: Registration, name: str, **extra) -> OutboxMail:
    return OutboxMail.objects.create(
        recipient=registration.user.email,
        template=f"events/mail/{name}",
        context={"registration_id": registration.pk, **extra},
        language=registration.user.language,
    )


def parts(message) -> dict:
    parsed = message_from_bytes(message.message().as_bytes())
    found = {"headers": parsed, "attachments": {}, "inline": {}}
    for part in parsed.walk():
        if part.get_content_type() == "text/html":
            found["html"] = part.get_payload(decode=True).decode()
        elif part.get_content_type() == "text/plain" and not part.get_filename():
            found["text"] = part.get_payload(decode=True).decode()
        elif part.get_content_disposition() == "inline" and part["Content-ID"]:
            found["inline"][part["Content-ID"]] = part
        elif part.get_filename():
            found["attachments"][part.get_filename()] = part
    return found


@pytest.fixture
def ticket(event):
    return make_registration(event, UserFactory(language="da"))


def test_danish_ticket_mail_is_in_danish_with_danish_date_and_copenhagen_time(ticket):
    message = render_mail(outbox_row(ticket, "ticket"))
    found = parts(message)
    assert found["headers"]["Content-Language"] == "da"
    assert "Meetup om sprogmodeller" in message.subject
    assert '<html lang="da">' in found["html"]
    # 2 July 2030, 17:00-19:00 in Copenhagen, written the Danish way.
    assert "tirsdag 2. juli 2030 kl. 17.00–19.00" in found["text"]
    assert "tirsdag 2. juli 2030 kl. 17.00–19.00" in found["html"]
    assert "openstreetmap.org" in found["html"]
    # The code for typing at the door (the QR carries the full token).
    assert ticket.display_code in found["text"] and ticket.display_code in found["html"]
    assert "/da/events/tickets/" in found["text"]


def test_english_ticket_mail_shows_the_english_page_and_english_date(english_event, event):
    registration = make_registration(event, UserFactory(language="en"))
    message = render_mail(outbox_row(registration, "ticket"))
    found = parts(message)
    assert found["headers"]["Content-Language"] == "en"
    assert '<html lang="en">' in found["html"]
    assert "Meetup on language models" in message.subject
    # British style, as og:locale en_GB says.
    assert "Tuesday 2 July 2030, 17:00–19:00" in found["text"]
    assert "Tuesday 2 July 2030, 17:00–19:00" in found["html"]
    assert "/en/events/tickets/" in found["text"]
    assert english_event.get_full_url() in found["text"]


def test_ticket_mail_carries_the_qr_inline_and_as_png_and_the_event_as_ics(ticket):
    found = parts(render_mail(outbox_row(ticket, "ticket")))
    assert 'src="cid:ticket-qr"' in found["html"]
    inline = found["inline"]["<ticket-qr>"]
    png = found["attachments"]["ticket.png"].get_payload(decode=True)
    assert png.startswith(b"\x89PNG") and inline.get_payload(decode=True) == png
    ics = found["attachments"]["event.ics"]
    assert ics.get_content_type() == "text/calendar"
    # A text part travels with the mail's line ends (CRLF on the wire, "\n" from as_bytes here).
    text = ics.get_payload(decode=True).decode().replace("\r\n", "\n").replace("\n", "\r\n")
    (vevent,) = vevents(text)
    assert vevent["SUMMARY"] == "Meetup om sprogmodeller"
    assert vevent.decoded("DTSTART") == datetime(2030, 7, 2, 15, 0, tzinfo=UTC)


def test_promoted_ticket_mail_says_the_seat_came_from_the_waiting_list(event):
    registration = make_registration(event, UserFactory(language="en"))
    found = parts(render_mail(outbox_row(registration, "ticket", promoted=True)))
    assert "waiting list and now have a ticket" in found["text"]
    assert "A seat is free for you" in found["headers"]["Subject"]


@pytest.mark.parametrize(
    ("name", "status", "says"),
    [
        ("cancelled", "cancelled", "is cancelled"),
        ("waiting", "waiting", "waiting list"),
        ("reminder", "confirmed", "tomorrow"),
    ],
)
def test_other_event_mails_name_the_event_and_have_no_attachments(event, name, status, says):
    registration = make_registration(event, UserFactory(language="en"), status=status)
    message = render_mail(outbox_row(registration, name))
    found = parts(message)
    assert "Meetup om sprogmodeller" in message.subject  # no English page: the Danish title
    assert says in found["text"] and says in found["html"]
    assert not found["attachments"] and not found["inline"]


def test_the_ticket_is_mailed_once_even_when_the_task_runs_twice(ticket):
    row = outbox_row(ticket, "ticket")
    assert send_outbox_mail.apply(args=[row.pk]).get() == "sent"
    ticket.refresh_from_db()
    first_mailed_at = ticket.ticket_mailed_at
    assert first_mailed_at is not None
    assert send_outbox_mail.apply(args=[row.pk]).get() == "already done"
    assert len(mail.outbox) == 1
    ticket.refresh_from_db()
    assert ticket.ticket_mailed_at == first_mailed_at


def test_a_ticket_mail_the_smtp_server_did_not_take_is_not_recorded_as_mailed(ticket, settings):
    settings.EMAIL_BACKEND = "tests.mail.test_outbox.DisconnectingBackend"
    row = outbox_row(ticket, "ticket")
    send_outbox_mail.apply(args=[row.pk])
    ticket.refresh_from_db()
    assert ticket.ticket_mailed_at is None
