"""Membership rules: applying, approval and rejection, the membership year, lapsing and renewal."""

import logging
from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from community.models import Member, User
from home.errors import DomainError
from home.mail import queue_mail

logger = logging.getLogger(__name__)

# A member may renew this many days before the membership ends (and any time after it lapsed).
RENEWAL_WINDOW_DAYS = 30


class MembershipError(DomainError):
    """A membership change the rules refuse; `code` is for programs and tests, the message for people."""

    MESSAGES = {
        "not_verified": _("Activate your account from the link we mailed you before applying."),
        "already_applied": _("You have already applied for membership."),
        "not_pending": _("Only a pending application can be approved or rejected."),
        "not_renewable": _("This membership cannot be renewed now."),
    }


@dataclass(frozen=True)
class Address:
    street: str
    postal_code: str
    city: str


def membership_year_end(start: date) -> date:
    """The day a membership that starts on `start` ends.

    The membership year is the calendar year, and a membership ends on 31 December. A membership that starts in
    December (approval or renewal) also covers the whole next year, so nobody pays a full year for a few weeks.
    """
    year = start.year + 1 if start.month == 12 else start.year
    return date(year, 12, 31)


def is_renewal_due(member: Member, today: date | None = None) -> bool:
    """Whether `member` may renew now: lapsed, or active within RENEWAL_WINDOW_DAYS of the end of membership."""
    today = today or timezone.localdate()
    if member.status == Member.Status.LAPSED:
        return True
    if member.status == Member.Status.ACTIVE and member.expires_on:
        return member.expires_on - today <= timedelta(days=RENEWAL_WINDOW_DAYS)
    return False


def apply(user: User, *, address: Address, job_title: str) -> Member:
    """A Pending membership for `user`, who accepted the statutes now; mails "application received"."""
    if not user.is_verified:
        raise MembershipError("not_verified")
    now = timezone.now()
    try:
        with transaction.atomic():
            if Member.objects.filter(user=user).exists():
                raise MembershipError("already_applied")
            member = Member.objects.create(
                user=user,
                status=Member.Status.PENDING,
                street=address.street,
                postal_code=address.postal_code,
                city=address.city,
                job_title=job_title,
                accepted_statutes_at=now,
                applied_at=now,
            )
            _mail(member, "application_received")
    except IntegrityError as exc:
        # Two submits at once: the one-to-one on user lets only one row in; the other gets the same answer.
        raise MembershipError("already_applied") from exc
    return member


def approve(member: Member, by: User | None, *, today: date | None = None) -> Member:
    """Make a Pending member Active until the end of the membership year; the welcome mail is owed in the same
    transaction, so it is sent exactly once and only if the approval commits."""
    today = today or timezone.localdate()
    with transaction.atomic():
        member = _locked(member)
        if member.status != Member.Status.PENDING:
            raise MembershipError("not_pending")
        member.status = Member.Status.ACTIVE
        member.expires_on = membership_year_end(today)
        member.decided_at = timezone.now()
        member.decided_by = by
        member.save(update_fields=["status", "expires_on", "decided_at", "decided_by"])
        _mail(member, "welcome")
    return member


def reject(member: Member, by: User | None) -> Member:
    """Refuse a Pending application and tell the applicant."""
    with transaction.atomic():
        member = _locked(member)
        if member.status != Member.Status.PENDING:
            raise MembershipError("not_pending")
        member.status = Member.Status.REJECTED
        member.decided_at = timezone.now()
        member.decided_by = by
        member.save(update_fields=["status", "decided_at", "decided_by"])
        _mail(member, "application_rejected")
    return member


def mark_lapsed(today: date | None = None) -> int:
    """Every Active member whose membership ended before `today` becomes Lapsed and is mailed a renewal link.

    The rows are locked and changed in one transaction, so two runs at once (or a rerun) mail each member once:
    a row the other run holds is skipped, and a row it already changed is no longer Active.
    """
    today = today or timezone.localdate()
    with transaction.atomic():
        due = list(
            Member.objects.select_for_update(skip_locked=True, of=("self",))
            .filter(status=Member.Status.ACTIVE, expires_on__lt=today)
            .select_related("user")
        )
        if not due:
            return 0
        Member.objects.filter(pk__in=[m.pk for m in due]).update(status=Member.Status.LAPSED)
        for member in due:
            member.status = Member.Status.LAPSED
            _mail(member, "renewal")
    logger.info("Marked %d memberships lapsed", len(due))
    return len(due)


def renew(member: Member, *, today: date | None = None) -> Member:
    """Make a Lapsed member, or an Active one within the renewal window, Active for the next membership year.

    The new year starts the day after the old membership ends, or today if that is later (a lapsed member
    pays from the day they come back); `membership_year_end` of that day is the new end.
    """
    today = today or timezone.localdate()
    with transaction.atomic():
        member = _locked(member)
        if not is_renewal_due(member, today):
            raise MembershipError("not_renewable")
        start = today
        if member.expires_on and member.expires_on + timedelta(days=1) > today:
            start = member.expires_on + timedelta(days=1)
        member.status = Member.Status.ACTIVE
        member.expires_on = membership_year_end(start)
        member.save(update_fields=["status", "expires_on"])
    return member


def _locked(member: Member) -> Member:
    return Member.objects.select_for_update(of=("self",)).select_related("user").get(pk=member.pk)


def _mail(member: Member, name: str) -> None:
    user = member.user
    with translation.override(user.language):
        context = {
            "first_name": user.first_name,
            # Formatted here, in the recipient's language: the outbox context holds JSON, not dates.
            "expires_on": date_format(member.expires_on, "DATE_FORMAT") if member.expires_on else "",
            "membership_url": settings.SITE_URL + reverse("community:membership"),
            "renew_url": settings.SITE_URL + reverse("community:membership_renew"),
        }
    queue_mail(
        to=user.email,
        template=f"community/mail/{name}",
        context=context,
        language=user.language,
    )
