"""Registration rules: register, cancel, leave the waiting list, and the seat counts, all on the Event.

Every language version of an event shares one set of seats, kept on its language-neutral `Event`. Seats are
counted with that row locked, so two requests for the last seat cannot both get it; the partial unique
constraint on Registration catches a person registering twice at once.
"""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from community.permissions import is_active_member
from events.models import Event, EventPage, Registration
from events.models.event import event_of
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
        "full": _("The event is full."),
        "event_cancelled": _("This event is cancelled."),
    }


def _check_can_register(user, event_page: EventPage, accepted_terms: bool) -> None:
    now = timezone.now()
    event = event_page.event
    if event_page.signup_type != EventPage.SignUp.ON_SITE:
        raise RegistrationError("not_on_site")
    if event.cancelled_at:
        raise RegistrationError("event_cancelled")
    if not event_page.live:
        raise RegistrationError("not_live")
    if event_page.start <= now:
        raise RegistrationError("past")
    if event.registration_opens and now < event.registration_opens:
        raise RegistrationError("not_open")
    if event.registration_closes and now >= event.registration_closes:
        raise RegistrationError("closed")
    if not user.is_verified:
        raise RegistrationError("not_verified")
    if event.members_only and not is_active_member(user):
        raise RegistrationError("members_only")
    if event.terms_id and not accepted_terms:
        raise RegistrationError("terms_required")


def _lock_event(event_id: int) -> Event:
    """Lock the event's row: every path that changes who holds a seat locks this same row first, which is
    what serialises them.

    no_key=True takes FOR NO KEY UPDATE, which still excludes every other seat lock but
    not the KEY SHARE lock that inserting a CheckIn (a foreign key to this row) takes: with a plain FOR UPDATE a
    door scan (registration row updated, then CheckIn inserted) and a cancel (this row, then the registration
    row) of one ticket locked in opposite orders and PostgreSQL broke the deadlock by failing one of them."""
    return (
        Event.objects.select_for_update(no_key=True)
        .only("pk", "capacity", "waiting_list", "cancelled_at", "terms")
        .get(pk=event_id)
    )


def _lock_registration(registration_id: int) -> Registration:
    """Lock one registration row (FOR NO KEY UPDATE: a CheckIn pointing at it may still be inserted). Callers
    hold the seat lock first, so the order is always seat row, then registration row."""
    return Registration.objects.select_for_update(no_key=True).get(pk=registration_id)


def register(user, event_page: EventPage, *, accepted_terms: bool) -> Registration:
    """Give `user` a ticket for the event, or a place on its waiting list when it is full; queue the mail.

    Locks: the Event's row (`_lock_event`) while it counts the tickets and inserts the registration and its mail.
    Everything that does not depend on the count is done before: the rules, the ticket's token and codes."""
    _check_can_register(user, event_page, accepted_terms)
    event_id = event_page.event_id
    if Registration.objects.active().filter(event_id=event_id, user=user).exists():
        raise RegistrationError("already_registered")
    registration = Registration(event_id=event_id, user=user, language=user.language)
    registration.fill_codes()
    try:
        with transaction.atomic():
            event = _lock_event(event_id)
            if event.cancelled_at:  # cancelled while this request was on its way
                raise RegistrationError("event_cancelled")
            confirmed = Registration.objects.confirmed().filter(event_id=event_id).count()
            has_seat = event.capacity is None or confirmed < event.capacity
            if not has_seat and not event.waiting_list:
                raise RegistrationError("full")
            registration.status = Registration.Status.CONFIRMED if has_seat else Registration.Status.WAITING
            registration.confirmed_at = timezone.now() if has_seat else None
            registration.accepted_terms = bool(event.terms_id and accepted_terms)
            registration.save(force_insert=True)
            _mail(registration, "ticket" if has_seat else "waiting")
    except IntegrityError as exc:
        # The same person registering twice at once: the partial unique constraint let only one through.
        raise RegistrationError("already_registered") from exc
    return registration


# What makes someone event staff besides Django's is_staff (the Event editors group has it).
EVENT_STAFF_PERMISSION = "events.view_registrations"


def is_event_staff(user) -> bool:
    """Staff for events: Django staff, or anyone who may see registrations (the Event editors group)."""
    return bool(user.is_authenticated and (user.is_staff or user.has_perm(EVENT_STAFF_PERMISSION)))


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
    if not is_event_staff(by) and _has_started(registration.event_id):
        raise RegistrationError("started")
    with transaction.atomic():
        event = _lock_event(registration.event_id)
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
            _promote_waiting(event)
    registration.refresh_from_db()


def leave_waiting_list(registration: Registration, *, by) -> None:
    """Take a waiting place off the list (its holder or staff). The status is read again under the lock: a
    place promoted to a ticket a moment before is kept ("not_waiting"), never cancelled by this click.

    Locks: as `cancel`."""
    if registration.status != Registration.Status.WAITING:
        raise RegistrationError("not_waiting")
    cancel(registration, by=by, only_if=Registration.Status.WAITING)


def cancel_event(event: Event | EventPage, *, by) -> int:
    """Cancel the whole event, once: it is marked cancelled (every language's page says so), registration
    closes, and every ticket and waiting place is cancelled, each holder mailed in their language. Returns how
    many were mailed; "event_cancelled" when it already was.

    Locks: the Event's row, then (one UPDATE) its active registrations' rows."""
    event_id = event_of(event).pk
    with transaction.atomic():
        event = _lock_event(event_id)
        now = timezone.now()
        if not Event.objects.filter(pk=event_id, cancelled_at__isnull=True).update(cancelled_at=now):
            raise RegistrationError("event_cancelled")
        active = list(Registration.objects.active().filter(event_id=event_id).select_related("user"))
        Registration.objects.filter(pk__in=[registration.pk for registration in active]).update(
            status=Registration.Status.CANCELLED, cancelled_at=now, cancelled_by=by
        )
        for registration in active:
            _mail(registration, "event_cancelled")
    return len(active)


def _has_started(event_id: int) -> bool:
    """Whether the event has started (its pages share the start time; the earliest counts)."""
    return EventPage.objects.filter(event_id=event_id, start__lte=timezone.now()).exists()


def _promote_waiting(event: Event) -> Registration | None:
    """Give a free seat to the earliest waiting entry. The caller holds the seat lock; this locks the waiting
    registration's row after it."""
    confirmed = Registration.objects.confirmed().filter(event_id=event.pk).count()
    if event.capacity is not None and confirmed >= event.capacity:
        return None
    first = Registration.objects.waiting().filter(event_id=event.pk).select_for_update(no_key=True).first()
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


def event_counts(event: Event | EventPage) -> dict:
    """Registered (tickets), capacity, waiting and checked-in counts of the event, in one query (the definition
    is EventQuerySet.with_counts)."""
    return Event.objects.counts_of(event_of(event).pk)


def seats_left(event: Event | EventPage) -> int | None:
    """Free seats on the event (shared by all its language versions); None when there is no limit."""
    return Event.objects.with_counts().filter(pk=event_of(event).pk).values_list("seats_left", flat=True).get()
