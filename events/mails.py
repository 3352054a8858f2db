"""What the event mails are built from at sending time: the registration and the event page in the recipient's
language (context), and the ticket mail's parts: the QR code inline and as ticket.png, and the event as .ics."""

from django.conf import settings
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from events.calendar import build_calendar
from events.listing import pages_in_language
from events.models import EventPage, Registration
from home.mail import MailAttachment
from home.models import OutboxMail

TICKET_MAIL = "events/mail/ticket"
# Every mail events queue carries {"registration_id": …} and gets the same context.
EVENT_MAILS = [
    TICKET_MAIL,
    "events/mail/cancelled",
    "events/mail/waiting",
    "events/mail/reminder",
    "events/mail/event_cancelled",
]
QR_CONTENT_ID = "ticket-qr"


def _registration(row: OutboxMail) -> Registration:
    return Registration.objects.select_related("event", "user").get(pk=row.context["registration_id"])


def event_in_language(registration: Registration, language: str) -> EventPage:
    """The registration's event page to show in `language` (events.listing.pages_in_language)."""
    return pages_in_language([registration.event_id], language)[registration.event_id]


def _absolute(name: str, *args) -> str:
    try:
        return f"{settings.SITE_URL}{reverse(name, args=args)}"
    except NoReverseMatch:  # a URL the site does not have (yet): the mail still goes out, without that link
        return ""


def registration_mail_context(row: OutboxMail) -> dict:
    """Context for every event mail; runs inside the mail's language, so the links are in that language."""
    registration = _registration(row)
    event = event_in_language(registration, row.language)
    return {
        "registration": registration,
        "event": event,
        "first_name": registration.user.first_name,
        "event_url": event.get_full_url() or "",
        "my_tickets_url": _absolute("events:my_tickets"),
        "ics_url": _absolute("events:event_ics", event.pk),
    }


def ticket_attachments(row: OutboxMail) -> list[MailAttachment]:
    """The QR code (inline for the HTML's cid:ticket-qr, and as ticket.png) and the event as event.ics."""
    from events.qr import ticket_qr_png

    registration = _registration(row)
    png = ticket_qr_png(registration)
    ics = build_calendar([event_in_language(registration, row.language)])
    return [
        MailAttachment("ticket-qr.png", png, "image/png", content_id=QR_CONTENT_ID),
        MailAttachment("ticket.png", png, "image/png"),
        MailAttachment("event.ics", ics.encode("utf-8"), "text/calendar"),
    ]


def mark_ticket_mailed(row: OutboxMail) -> None:
    """Record ticket_mailed_at once the SMTP server confirmed the ticket (home.mail runs this in the short
    transaction that marks the mail sent, so no registration row is locked while the server talks)."""
    Registration.objects.filter(pk=row.context["registration_id"], ticket_mailed_at__isnull=True).update(
        ticket_mailed_at=timezone.now()
    )
