"""Ticket QR codes: the check-in URL a ticket carries, drawn as a PNG on request and never stored."""

import io

import qrcode
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from qrcode.constants import ERROR_CORRECT_M

from events.models import Registration


def checkin_url(registration: Registration) -> str:
    """The absolute check-in URL for the ticket, in the holder's language."""
    with translation.override(registration.language or settings.LANGUAGE_CODE):
        path = reverse("events:checkin", kwargs={"token": registration.token})
    return f"{settings.SITE_URL}{path}"


def render_qr_png(data: str) -> bytes:
    # Box size 10 with the standard 4-module quiet zone: about 400-500 px, easy for a phone camera to read.
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, box_size=10, border=4)
    code.add_data(data)
    code.make(fit=True)
    buffer = io.BytesIO()
    code.make_image().save(buffer, format="PNG")
    return buffer.getvalue()


def ticket_qr_png(registration: Registration) -> bytes:
    """The ticket's QR code as PNG bytes, drawn now: a stored file would keep the token at rest."""
    return render_qr_png(checkin_url(registration))
