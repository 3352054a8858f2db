"""Registrations: a ticket for a seat, or a place on the waiting list, for one event."""

import hashlib
import secrets

from django.conf import settings
from django.core.files.storage import storages
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


def new_ticket_token() -> str:
    # 32 random bytes (256 bits) from the OS's CSPRNG, URL-safe: the ticket's QR code carries it.
    return secrets.token_urlsafe(32)


# Crockford's base 32: no I, L, O or U, so a code read aloud or typed from a phone screen is hard to get wrong.
SHORT_CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
SHORT_CODE_LENGTH = 10


def short_code_for(token: str) -> str:
    """The ticket's code for typing by hand: 10 characters (50 bits) drawn from the token's SHA-256, so it
    never changes and needs no second secret. It is looked up within one event only."""
    number = int.from_bytes(hashlib.sha256(token.encode()).digest()[:8], "big") >> (64 - 5 * SHORT_CODE_LENGTH)
    chars = []
    for _position in range(SHORT_CODE_LENGTH):
        number, digit = divmod(number, 32)
        chars.append(SHORT_CODE_ALPHABET[digit])
    return "".join(reversed(chars))


def ticket_storage():
    """Tickets live in the private storage (no URL; served by a view that checks who asks)."""
    return storages["private"]


def ticket_qr_path(registration: "Registration", filename: str) -> str:
    return f"tickets/{registration.token}.png"


class RegistrationQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(status=Registration.Status.CONFIRMED)

    def waiting(self):
        return self.filter(status=Registration.Status.WAITING).order_by("created_at", "pk")

    def active(self):
        return self.filter(status__in=[Registration.Status.CONFIRMED, Registration.Status.WAITING])


class Registration(models.Model):
    """One person's registration for one event: the language-neutral Event, whichever language version of its
    page the person registered from, so every language shares the seats. Confirmed registrations are tickets;
    waiting ones queue by `created_at`. The language of the person's mails is `language`."""

    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("Confirmed")
        WAITING = "waiting", _("On the waiting list")
        CANCELLED = "cancelled", _("Cancelled")

    event = models.ForeignKey(
        "events.Event", verbose_name=_("event"), on_delete=models.PROTECT, related_name="registrations"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="registrations"
    )
    status = models.CharField(_("status"), max_length=16, choices=Status.choices)
    token = models.CharField(_("ticket code"), max_length=64, unique=True, default=new_ticket_token, editable=False)
    short_code = models.CharField(_("ticket code for typing"), max_length=16, blank=True, editable=False)
    language = models.CharField(_("language"), max_length=8, default=settings.LANGUAGE_CODE)
    accepted_terms = models.BooleanField(_("accepted the terms"), default=False)
    created_at = models.DateTimeField(_("registered at"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    cancelled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("cancelled by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    qr_image = models.FileField(_("QR code"), upload_to=ticket_qr_path, storage=ticket_storage, blank=True)
    ticket_mailed_at = models.DateTimeField(_("ticket mailed at"), null=True, blank=True)
    reminder_mailed_at = models.DateTimeField(_("reminder mailed at"), null=True, blank=True)
    checked_in_at = models.DateTimeField(_("checked in at"), null=True, blank=True)
    checked_in_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("checked in by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["created_at"]
        constraints = [
            # One live registration (ticket or waiting place) per person and event; cancelled ones may pile up.
            models.UniqueConstraint(
                fields=["event", "user"],
                condition=Q(status__in=["confirmed", "waiting"]),
                name="events_one_active_registration_per_user",
                violation_error_message=_("You are already registered for this event."),
            )
        ]
        indexes = [
            models.Index(fields=["event", "status", "created_at"], name="events_reg_event_status_idx"),
            models.Index(fields=["event", "short_code"], name="events_reg_event_code_idx"),
        ]
        permissions = [
            ("view_registrations", _("Can see event registrations and waiting lists")),
            ("export_registrations", _("Can export event attendees")),
            ("check_in_attendees", _("Can check attendees in at the events they are assigned to")),
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.event}"

    def save(self, *args, **kwargs):
        if not self.short_code:
            self.short_code = short_code_for(self.token)
        super().save(*args, **kwargs)

    @property
    def display_code(self) -> str:
        """The short code as printed on the ticket: two groups of five, e.g. 7KQ2M-XD9PA."""
        code = self.short_code or short_code_for(self.token)
        return f"{code[:5]}-{code[5:]}"
