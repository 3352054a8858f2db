"""Registrations: a ticket for a seat, or a place on the waiting list, for one event."""

import base64
import hashlib
import secrets

from django.conf import settings
from django.core.files.storage import storages
from django.db import models
from django.db.models import Q
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

# No ticket token at rest: the database keeps a random salt and a keyed hash of the token. The token is
# HMAC(server key, salt), so it can be drawn into the QR code again on request, yet neither the salt nor the hash
# (nor a dump of both) is enough to make one without SECRET_KEY. Check-in looks the hash of what it scans up.
TOKEN_KEY_SALT = "events.registration.ticket-token"  # noqa: S105 - an HMAC key salt, not a secret
TOKEN_HASH_KEY_SALT = "events.registration.ticket-token-hash"  # noqa: S105 - likewise


def new_token_salt() -> str:
    # 16 random bytes (128 bits) from the OS's CSPRNG; a new salt is a new ticket token.
    return secrets.token_hex(16)


def ticket_token_for(salt: str) -> str:
    """The ticket's token (43 URL-safe characters, 256 bits), made from its salt with the server's key."""
    digest = salted_hmac(TOKEN_KEY_SALT, salt, algorithm="sha256").digest()
    return base64.urlsafe_b64encode(digest).decode().rstrip("=")


def ticket_token_hash(token: str) -> str:
    """What the database keeps of a token: its HMAC-SHA256 under a key derived from SECRET_KEY."""
    return salted_hmac(TOKEN_HASH_KEY_SALT, token, algorithm="sha256").hexdigest()


def new_ticket_token() -> str:
    """A token of the same shape as a ticket's that belongs to no ticket."""
    return ticket_token_for(new_token_salt())


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
    # Kept for old migrations only: QR codes are drawn on request now and never stored.
    return f"tickets/{registration.pk}.png"


class RegistrationQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(status=Registration.Status.CONFIRMED)

    def waiting(self):
        return self.filter(status=Registration.Status.WAITING).order_by("created_at", "pk")

    def active(self):
        return self.filter(status__in=[Registration.Status.CONFIRMED, Registration.Status.WAITING])

    def by_token(self, token: str):
        """The ticket whose token is `token` (or, for tickets made before tokens were hashed, was mailed as it)."""
        digest = ticket_token_hash(token)
        return self.filter(Q(token_hash=digest) | Q(legacy_token_hash=digest))


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
    token_salt = models.CharField(_("ticket salt"), max_length=32, default=new_token_salt, editable=False)
    token_hash = models.CharField(_("ticket code hash"), max_length=64, unique=True, editable=False)
    # The hash of the token mailed before tokens were hashed (migration 0011), so those tickets still scan.
    legacy_token_hash = models.CharField(max_length=64, unique=True, null=True, blank=True, editable=False)
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

    def fill_codes(self) -> None:
        """Compute what the database keeps of the token (its hash and typed code), if not yet done: save() does
        it, and registration does it before taking the seat lock."""
        if not self.token_hash:
            self.token_hash = ticket_token_hash(self.token)
        if not self.short_code:
            self.short_code = short_code_for(self.token)

    def save(self, *args, **kwargs):
        self.fill_codes()
        super().save(*args, **kwargs)

    @property
    def token(self) -> str:
        """The ticket's token, as its QR code and mail carry it: made on request, never stored."""
        return ticket_token_for(self.token_salt)

    @property
    def display_code(self) -> str:
        """The short code as printed on the ticket: two groups of five, e.g. 7KQ2M-XD9PA."""
        code = self.short_code or short_code_for(self.token)
        return f"{code[:5]}-{code[5:]}"
