"""The ticket mail end to end: a registration commits, a real Celery worker sends the ticket to a real SMTP
server, the attached QR code decodes to the check-in URL, and sending the row again sends nothing."""

import io
from datetime import timedelta

import pytest
import zxingcpp
from django.utils import timezone
from PIL import Image

from community.factories import UserFactory
from events import services
from events.models import EventIndexPage, EventPage, Registration
from events.qr import checkin_url
from home.models import OutboxMail
from home.tasks import send_outbox_mail
from tests.events.tickets.test_calendar import vevents
from tests.home.tree import ensure_home_page
from tests.integration.conftest import DELIVERY_TIMEOUT, wait_for

pytestmark = pytest.mark.integration


def live_event() -> EventPage:
    home = ensure_home_page()
    index = home.add_child(instance=EventIndexPage(title="Arrangementer", slug="arrangementer"))
    start = (timezone.now() + timedelta(days=10)).replace(microsecond=0)
    event = index.add_child(
        instance=EventPage.with_new_event(
            title="Meetup om grafer",
            slug="grafer",
            start=start,
            end=start + timedelta(hours=2),
            summary="Grafer, pizza; og snak",
            location_name="ITU",
            city="København S",
            capacity=5,
        )
    )
    event.save_revision().publish()
    return EventPage.objects.get(pk=event.pk)


def mail_parts(message) -> dict:
    found = {"attachments": {}, "inline": {}}
    for part in message.walk():
        if part.get_content_type() == "text/html":
            found["html"] = part.get_payload(decode=True).decode()
        elif part.get_content_disposition() == "inline" and part["Content-ID"]:
            found["inline"][part["Content-ID"]] = part.get_payload(decode=True)
        elif part.get_filename():
            found["attachments"][part.get_filename()] = part.get_payload(decode=True)
    return found


def test_the_worker_mails_the_ticket_once_with_a_qr_code_that_decodes_to_the_check_in_url(workers, smtp_server):
    workers.start(smtp_port=smtp_server.port)
    event = live_event()
    user = UserFactory(email="ada@example.com", language="en")

    registration = services.register(user, event, accepted_terms=False)  # commits: no test transaction here

    wait_for(lambda: smtp_server.inbox.received, timeout=DELIVERY_TIMEOUT, what="the ticket mail", log=workers.log)
    recipients, message = smtp_server.inbox.received[0]
    assert recipients == ["ada@example.com"]
    assert "Meetup om grafer" in message["Subject"]
    found = mail_parts(message)

    # The attached PNG is a QR code holding the check-in URL with this ticket's token.
    png = found["attachments"]["ticket.png"]
    (barcode,) = zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))
    registration.refresh_from_db()
    assert barcode.text == checkin_url(registration)
    assert registration.token in barcode.text

    # The HTML shows the same image inline.
    assert 'src="cid:ticket-qr"' in found["html"]
    assert found["inline"]["<ticket-qr>"] == png

    # The calendar file parses and holds the event (mail transport may turn CRLF into LF; put it back).
    ics = found["attachments"]["event.ics"].decode().replace("\r\n", "\n").replace("\n", "\r\n")
    (vevent,) = vevents(ics)
    assert vevent["SUMMARY"] == "Meetup om grafer"
    assert vevent.decoded("DTSTART") == event.start.replace(microsecond=0)

    # Found by recipient: a sent row's context (the registration id) is emptied once it is marked sent.
    row = OutboxMail.objects.get(template="events/mail/ticket", recipient="ada@example.com")
    wait_for(
        lambda: Registration.objects.get(pk=registration.pk).ticket_mailed_at, timeout=10, what="ticket_mailed_at"
    )
    row.refresh_from_db()
    assert row.sent_at is not None

    # A retried (or duplicated) task for the same row sends nothing more.
    send_outbox_mail.delay(row.pk)
    wait_for(lambda: "'already done'" in workers.log.read_text(), timeout=DELIVERY_TIMEOUT, what="the second run")
    assert len(smtp_server.inbox.received) == 1
