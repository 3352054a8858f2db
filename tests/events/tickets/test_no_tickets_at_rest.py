"""A copy of the database and the media folders checks no ticket in: the database keeps a salt and a keyed hash
of each ticket's token, QR codes are drawn on request, and the check-in log keeps the short code."""

import io
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core import mail
from django.core.management import call_command
from django.test import Client, override_settings
from django.urls import reverse

from community.factories import StaffFactory, UserFactory
from events import services
from events.models import CheckIn, Registration
from events.services.checkin import check_in
from home.models import OutboxMail
from home.tasks import send_outbox_mail

pytestmark = pytest.mark.django_db

# Anything shaped like a token (URL-safe base64, as the check-in URL and the scanner take it).
TOKEN_SHAPE = re.compile(r"[A-Za-z0-9_-]{16,64}")


def dump() -> str:
    out = io.StringIO()
    call_command("dumpdata", stdout=out, verbosity=0)
    return out.getvalue()


def media_texts() -> list[str]:
    """Every file under the public and private media folders, read as text (names included)."""
    texts = []
    for root in (Path(settings.MEDIA_ROOT), Path(settings.PRIVATE_MEDIA_ROOT)):
        if root.exists():
            for path in root.rglob("*"):
                texts.append(str(path.relative_to(root)))
                if path.is_file():
                    texts.append(path.read_bytes().decode("latin-1"))
    return texts


def tickets_checked_in_by(text: str) -> list[str]:
    return [candidate for candidate in set(TOKEN_SHAPE.findall(text)) if Registration.objects.by_token(candidate)]


@pytest.fixture
def tickets(event):
    """Two tickets, mailed (QR attached), their QR codes opened by the holder, one scanned in at the door."""
    holders = [UserFactory(), UserFactory()]
    registrations = [services.register(holder, event, accepted_terms=False) for holder in holders]
    for row in OutboxMail.objects.owed():
        assert send_outbox_mail.apply(args=[row.pk]).get() == "sent"
    assert len(mail.outbox) == 2
    for holder, registration in zip(holders, registrations, strict=True):
        client = Client()
        client.force_login(holder)
        assert client.get(reverse("events:ticket_qr", kwargs={"pk": registration.pk})).status_code == 200
    staff = StaffFactory()
    assert check_in(registrations[0].token, event, staff).state == CheckIn.Result.CHECKED_IN
    return [Registration.objects.get(pk=r.pk) for r in registrations]


def test_a_dump_and_the_media_folders_hold_no_string_that_checks_a_ticket_in(tickets):
    everything = dump()
    files = media_texts()

    for ticket in tickets:
        assert ticket.token not in everything
        assert not any(ticket.token in text for text in files)
    assert tickets_checked_in_by(everything) == []
    assert all(tickets_checked_in_by(text) == [] for text in files)
    # The check-in log keeps what the door can read aloud: the short code.
    assert CheckIn.objects.get().code == tickets[0].short_code


def test_what_the_database_keeps_of_a_ticket_does_not_check_it_in(tickets, event):
    ticket = tickets[1]
    staff = StaffFactory()
    for kept in (ticket.token_salt, ticket.token_hash):
        assert check_in(kept, event, staff).state == CheckIn.Result.UNKNOWN
        assert check_in(f"https://example.com/da/events/checkin/{kept}/", event, staff).state == CheckIn.Result.UNKNOWN
    assert Registration.objects.get(pk=ticket.pk).checked_in_at is None
    # The token itself still does.
    assert check_in(ticket.token, event, staff).state == CheckIn.Result.CHECKED_IN


def test_a_token_made_from_the_dump_with_a_guessed_server_key_checks_nothing_in(tickets, event):
    ticket = tickets[1]
    with override_settings(SECRET_KEY="a-key-someone-with-only-the-dump-guessed-" + "x" * 20):
        forged = Registration.objects.get(pk=ticket.pk).token  # HMAC(guessed key, the dumped salt)
    assert forged != ticket.token
    assert check_in(forged, event, StaffFactory()).state == CheckIn.Result.UNKNOWN
