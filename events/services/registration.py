"""Registration rules: register, cancel, leave the waiting list, and the seat counts, all on the seat page.

Every language version of an event shares one set of seats, kept on its default-language page
(`EventPage.seat_page_id`). Seats are counted with that page's row locked, so two requests for the last seat
cannot both get it; the partial unique constraint on Registration catches a person registering twice at once.
"""

from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from community.permissions import is_active_member
from events.models import EventPage, Registration
from home.errors import DomainError
from home.mail import queue_mail


class RegistrationError(DomainError):
    MESSAGES = {
        "not_on_site": _("Sign-up for this event does not happen on this site."),
        "not_live": _("This event is not published."),
        "past": _("This event is over."),
        "not_open": _("Registration for this event has not opened yet."),
        "closed": _("Registration for this event has closed."),
        "not_verified": _("Activate your account with the link we mailed you before registering."),
        "members_only": _("This event is for members only."),
        "terms_required": _("Accept the registration terms to register."),
        "already_registered": _("You are already registered for this event."),
        "not_allowed": _("You may not change this registration."),
        "started": _("The event has started; the ticket can no longer be cancelled."),
        "not_active": _("This registration is already cancelled."),
        "not_waiting": _("This registration is not on the waiting list."),
    }


def _check_can_register(user, event_page: EventPage, accepted_terms: bool) -> None:
    now = timezone.now()
    if event_page.signup_type != EventPage.SignUp.ON_SITE:
        raise RegistrationError("not_on_site")
    if not event_page.live:
        raise RegistrationError("not_live")
    if event_page.start <= now:
        raise RegistrationError("past")
    if event_page.registration_opens and now < event_page.registration_opens:
        raise RegistrationError("not_open")
    if event_page.registration_closes and now >= event_page.registration_closes:
        raise RegistrationError("closed")
    if not user.is_verified:
        raise RegistrationError("not_verified")
    if event_page.members_only and not is_active_member(user):
        raise RegistrationError("members_only")
    if event_page.terms_id and not accepted_terms:
        raise RegistrationError("terms_required")


def _lock_seat_page(seat_page_id: int) -> EventPage:
    """Lock the event's seat row: every path that changes who holds a seat locks this same row first, which is
    what serialises them.

    of=("self",) locks only the eventpage row (PostgreSQL refuses FOR UPDATE on the nullable side of the joined
    page tables otherwise). no_key=True takes FOR NO KEY UPDATE, which still excludes every other seat lock but
    not the KEY SHARE lock that inserting a CheckIn (a foreign key to this row) takes: with a plain FOR UPDATE a
    door scan (registration row updated, then CheckIn inserted) and a cancel (this row, then the registration
    row) of one ticket locked in opposite orders and PostgreSQL broke the deadlock by failing one of them."""
    return EventPage.objects.select_for_update(of=("self",), no_key=True).only("pk", "capacity").get(pk=seat_page_id)


def _lock_registration(registration_id: int) -> Registration:
    """Lock one registration row (FOR NO KEY UPDATE: a CheckIn pointing at it may still be inserted). Callers
    hold the seat lock first, so the order is always seat row, then registration row."""
    return Registration.objects.select_for_update(no_key=True).get(pk=registration_id)


def register(user, event_page: EventPage, *, accepted_terms: bool) -> Registration:
    """Give `user` a ticket for the event, or a place on its waiting list when it is full; queue the mail.

    Locks: the event's seat row (`_lock_seat_page`) while it counts the tickets and inserts the registration."""
    _check_can_register(user, event_page, accepted_terms)
    seat_page_id = event_page.seat_page_id
    if Registration.objects.active().filter(event_id=seat_page_id, user=user).exists():
        raise RegistrationError("already_registered")
    try:
        with transaction.atomic():
            seat_page = _lock_seat_page(seat_page_id)
            confirmed = Registration.objects.confirmed().filter(event_id=seat_page_id).count()
            has_seat = seat_page.capacity is None or confirmed < seat_page.capacity
            registration = Registration.objects.create(
                event_id=seat_page_id,
                user=user,
                status=Registration.Status.CONFIRMED if has_seat else Registration.Status.WAITING,
                confirmed_at=timezone.now() if has_seat else None,
                language=user.language,
                accepted_terms=bool(event_page.terms_id and accepted_terms),
            )
            _mail(registration, "ticket" if has_seat else "waiting")
    except IntegrityError as exc:
        # The same person registering twice at once: the partial unique constraint let only one through.
        raise RegistrationError("already_registered") from exc
    return registration


def is_event_staff(user) -> bool:
    """Staff for events: Django staff, or anyone who may see registrations (the Event editors group)."""
    return bool(user.is_authenticated and (user.is_staff or user.has_perm("events.view_registrations")))


def may_cancel(registration: Registration, user) -> bool:
    return bool(user.is_authenticated and (user.pk == registration.user_id or is_event_staff(user)))


def cancel(registration: Registration, *, by, only_if: str | None = None) -> None:
    """Cancel a ticket or waiting place: its holder up to the start, staff any time. A freed seat goes to the
    first person waiting, who gets the ticket mail. With `only_if`, the registration must still have that status
    once locked (else "not_waiting" or "not_active"): what the person saw is what they cancel.

    Locks, in this order: the event's seat row, this registration's row, then (when a seat is freed) the first
    waiting registration's row."""
    if not may_cancel(registration, by):
        raise RegistrationError("not_allowed")
    if not is_event_staff(by) and registration.event.start <= timezone.now():
        raise RegistrationError("started")
    with transaction.atomic():
        seat_page = _lock_seat_page(registration.event_id)
        current = _lock_registration(registration.pk)
        if current.status == Registration.Status.CANCELLED:
            raise RegistrationError("not_active")
        if only_if is not None and current.status != only_if:
            raise RegistrationError("not_waiting" if only_if == Registration.Status.WAITING else "not_active")
        was_confirmed = current.status == Registration.Status.CONFIRMED
        current.status = Registration.Status.CANCELLED
        current.cancelled_at = timezone.now()
        current.cancelled_by = by
        current.save(update_fields=["status", "cancelled_at", "cancelled_by"])
        _mail(current, "cancelled")
        if was_confirmed:
            _promote_waiting(seat_page)
    registration.refresh_from_db()


def leave_waiting_list(registration: Registration, *, by) -> None:
    """Take a waiting place off the list (its holder or staff). The status is read again under the lock: a
    place promoted to a ticket a moment before is kept ("not_waiting"), never cancelled by this click.

    Locks: as `cancel`."""
    if registration.status != Registration.Status.WAITING:
        raise RegistrationError("not_waiting")
    cancel(registration, by=by, only_if=Registration.Status.WAITING)


def _promote_waiting(seat_page: EventPage) -> Registration | None:
    """Give a free seat to the earliest waiting entry. The caller holds the seat lock; this locks the waiting
    registration's row after it."""
    confirmed = Registration.objects.confirmed().filter(event_id=seat_page.pk).count()
    if seat_page.capacity is not None and confirmed >= seat_page.capacity:
        return None
    first = Registration.objects.waiting().filter(event_id=seat_page.pk).select_for_update(no_key=True).first()
    if first is None:
        return None
    first.status = Registration.Status.CONFIRMED
    first.confirmed_at = timezone.now()
    first.save(update_fields=["status", "confirmed_at"])
    _mail(first, "ticket", promoted=True)
    return first


def _mail(registration: Registration, name: str, **extra) -> None:
    user = registration.user
    queue_mail(
        to=user.email,
        template=f"events/mail/{name}",
        context={"registration_id": registration.pk, **extra},
        language=user.language,
    )


def event_counts(event_page: EventPage) -> dict:
    """Registered (tickets), capacity, waiting and checked-in counts for the event, in one query."""
    seat_page_id = event_page.seat_page_id
    counts = Registration.objects.filter(event_id=seat_page_id).aggregate(
        registered=Count("pk", filter=Q(status=Registration.Status.CONFIRMED)),
        waiting=Count("pk", filter=Q(status=Registration.Status.WAITING)),
        checked_in=Count("pk", filter=Q(status=Registration.Status.CONFIRMED, checked_in_at__isnull=False)),
    )
    capacity = (
        event_page.capacity
        if seat_page_id == event_page.pk
        else EventPage.objects.filter(pk=seat_page_id).values_list("capacity", flat=True).first()
    )
    return {**counts, "capacity": capacity}


def seats_left(event_page: EventPage) -> int | None:
    """Free seats on the event (shared by all its language versions); None when there is no limit."""
    counts = event_counts(event_page)
    if counts["capacity"] is None:
        return None
    return max(counts["capacity"] - counts["registered"], 0)
