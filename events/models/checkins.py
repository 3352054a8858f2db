"""Check-in at the door: who may scan an event (volunteer assignments) and the log of every scan."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class EventVolunteer(models.Model):
    """A volunteer assigned to check people in at one event (the language-neutral Event, like registrations).
    Assignment is what lets a member of the Volunteers group open that event's scanner."""

    event = models.ForeignKey(
        "events.Event", verbose_name=_("event"), on_delete=models.CASCADE, related_name="volunteer_assignments"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("volunteer"),
        on_delete=models.CASCADE,
        related_name="volunteer_assignments",
    )
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    assigned_at = models.DateTimeField(_("assigned at"), auto_now_add=True)

    class Meta:
        verbose_name = _("event volunteer")
        verbose_name_plural = _("event volunteers")
        constraints = [models.UniqueConstraint(fields=["event", "user"], name="events_one_assignment_per_volunteer")]

    def __str__(self) -> str:
        return f"{self.user} – {self.event}"


class CheckIn(models.Model):
    """One attempt at the door, whatever its outcome, and every undo: the event's audit log."""

    class Result(models.TextChoices):
        CHECKED_IN = "checked_in", _("Checked in")
        ALREADY = "already", _("Already checked in")
        WRONG_EVENT = "wrong_event", _("Not a ticket for this event")
        CANCELLED = "cancelled", _("Cancelled ticket")
        WAITING = "waiting", _("Waiting-list place")
        UNKNOWN = "unknown", _("Unknown ticket")
        UNDONE = "undone", _("Check-in undone")

    class Source(models.TextChoices):
        CAMERA = "camera", _("Camera")
        CODE = "code", _("Typed code")
        SEARCH = "search", _("Attendee search")
        LINK = "link", _("Ticket link")
        ADMIN = "admin", _("Admin")

    event = models.ForeignKey(
        "events.Event", verbose_name=_("event"), on_delete=models.PROTECT, related_name="checkins"
    )
    registration = models.ForeignKey(
        "events.Registration",
        verbose_name=_("registration"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="checkins",
    )
    volunteer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("volunteer"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    code = models.CharField(_("scanned code"), max_length=64, blank=True)
    result = models.CharField(_("result"), max_length=16, choices=Result.choices)
    source = models.CharField(_("source"), max_length=8, choices=Source.choices, default=Source.CAMERA)
    scanned_at = models.DateTimeField(_("scanned at"))
    created_at = models.DateTimeField(_("received at"), auto_now_add=True)
    # A scan queued offline carries an id made on the device, so sending the queue twice checks in once and
    # answers the second time with the first answer.
    client_id = models.CharField(_("device scan id"), max_length=64, null=True, blank=True, unique=True)

    class Meta:
        verbose_name = _("check-in")
        verbose_name_plural = _("check-ins")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["event", "-created_at"], name="events_checkin_event_idx")]

    def __str__(self) -> str:
        return f"{self.get_result_display()} – {self.code}"
