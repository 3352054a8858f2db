"""Membership of the association: the application, its approval, the membership year, the role held."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class MemberQuerySet(models.QuerySet):
    def active(self):
        return self.filter(status=Member.Status.ACTIVE)

    def board(self):
        return self.active().exclude(role=Member.Role.REGULAR)

    def in_directory(self):
        """Active members who chose to be listed on the public members page."""
        return self.active().filter(public_profile=True)


class Member(models.Model):
    """A person's membership. One per user; it starts Pending and only a membership manager makes it Active.
    The address lives here (not on the user) because only members give one, and only for the association's
    register. `expires_on` is the end of the membership year; after it the member is Lapsed until renewal."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        ACTIVE = "active", _("Active")
        LAPSED = "lapsed", _("Lapsed")
        REJECTED = "rejected", _("Rejected")

    class Role(models.TextChoices):
        CHAIR = "chair", _("Chair (Formand)")
        VICE_CHAIR = "vice_chair", _("Vice chair (Næstformand)")
        BOARD_MEMBER = "board_member", _("Board member")
        SUBSTITUTE = "substitute", _("Substitute")
        REGULAR = "regular", _("Regular member")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="member"
    )
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.PENDING)
    role = models.CharField(_("role"), max_length=16, choices=Role.choices, default=Role.REGULAR)
    job_title = models.CharField(_("job title"), max_length=200, blank=True)
    street = models.CharField(_("street and number"), max_length=200)
    postal_code = models.CharField(_("postal code"), max_length=10)
    city = models.CharField(_("city"), max_length=100)
    accepted_statutes_at = models.DateTimeField(_("accepted the statutes at"))
    applied_at = models.DateTimeField(_("applied at"), default=timezone.now)
    decided_at = models.DateTimeField(_("approved or rejected at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("approved or rejected by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    expires_on = models.DateField(_("membership ends on"), null=True, blank=True)
    public_profile = models.BooleanField(
        _("listed on the members page"),
        default=False,
        help_text=_("Show name, job title, picture and links on the public members page."),
    )
    website = models.URLField(_("website"), blank=True)
    linkedin = models.URLField(_("LinkedIn"), blank=True)
    github = models.URLField(_("GitHub"), blank=True)

    objects = MemberQuerySet.as_manager()

    class Meta:
        verbose_name = _("member")
        verbose_name_plural = _("members")
        ordering = ["-applied_at"]
        permissions = [
            ("approve_member", _("Can approve or reject membership applications")),
            ("export_members", _("Can export members and newsletter subscribers")),
        ]
        indexes = [
            models.Index(fields=["status", "expires_on"], name="community_member_status_idx"),
            models.Index(fields=["public_profile", "status"], name="community_member_directory_idx"),
        ]

    def __str__(self) -> str:
        return str(self.user)

    @property
    def is_active_member(self) -> bool:
        return self.status == self.Status.ACTIVE

    @property
    def is_board_member(self) -> bool:
        return self.is_active_member and self.role != self.Role.REGULAR
