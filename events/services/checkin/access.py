"""Who may check people in: organisers at every event, volunteers at the events they are assigned to."""

import datetime

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.db.models import BooleanField, Exists, ExpressionWrapper, OuterRef, Q, Subquery
from django.utils import timezone

from events.models import Event, EventPage, EventVolunteer, Registration
from events.models.event import event_of
from events.services.registration import is_event_staff

VOLUNTEERS_GROUP = "Volunteers"
CHECK_IN_PERMISSION = "events.check_in_attendees"


def checks_people_in(user) -> bool:
    """Organisers, and volunteers (who may scan the events they are assigned to)."""
    return bool(user.is_authenticated and (is_event_staff(user) or user.has_perm(CHECK_IN_PERMISSION)))


def may_scan(user, event: Event | EventPage) -> bool:
    """Organisers (event staff) scan every event; a volunteer only the events they are assigned to."""
    event = event_of(event)
    if not user.is_authenticated:
        return False
    if is_event_staff(user):
        return True
    return user.has_perm(CHECK_IN_PERMISSION) and EventVolunteer.objects.filter(event_id=event.pk, user=user).exists()


def _holds(user, permission: str) -> Q:
    """In SQL, what ModelBackend's has_perm asks of an active user who is not a superuser: `permission` given to
    the user or to one of their groups."""
    app_label, codename = permission.split(".")
    granted = Permission.objects.filter(content_type__app_label=app_label, codename=codename)
    return Q(Exists(granted.filter(user=user.pk))) | Q(Exists(granted.filter(group__user=user.pk)))


def door_event(user, event_id: int) -> tuple[Event | None, bool]:
    """The Event `event_id` (None when there is none; only its id is loaded) and whether `user` may scan it
    (`may_scan`), in one query: the door's endpoints ask this on every scan, so the permissions and the assignment
    are answered in the same statement as the event instead of four (the event, the user's permissions, the
    group permissions, the assignment)."""
    events = Event.objects.filter(pk=event_id).only("pk")
    if not user.is_authenticated or not user.is_active:
        return events.first(), False
    if user.is_staff or user.is_superuser:  # is_event_staff without a query
        return events.first(), True
    assigned = Exists(EventVolunteer.objects.filter(event=OuterRef("pk"), user=user.pk))
    may = _holds(user, "events.view_registrations") | (_holds(user, CHECK_IN_PERMISSION) & Q(assigned))
    found = events.annotate(may_scan=ExpressionWrapper(may, output_field=BooleanField())).first()
    return found, bool(found and found.may_scan)


def may_undo(registration: Registration, user) -> bool:
    return registration.checked_in_by_id == user.pk or is_event_staff(user)


def scannable_events(user):
    """The events `user` may scan that have not ended more than half a day ago, soonest first, with `start`."""
    pages = EventPage.objects.filter(
        event=OuterRef("pk"),
        end__gte=timezone.now() - datetime.timedelta(hours=12),
        signup_type=EventPage.SignUp.ON_SITE,
    )
    events = (
        Event.objects.filter(Exists(pages))
        .annotate(start=Subquery(pages.order_by("start").values("start")[:1]))
        .order_by("start", "pk")
    )
    if is_event_staff(user):
        return events
    if not checks_people_in(user):
        return events.none()
    return events.filter(volunteer_assignments__user=user)


def assign_volunteer(event: Event | EventPage, user, *, by) -> EventVolunteer:
    """Let `user` scan tickets at the event; they join the Volunteers group if they are not in it."""
    event = event_of(event)
    with transaction.atomic():
        group, created = Group.objects.get_or_create(name=VOLUNTEERS_GROUP)
        if created:  # migration 0005 made it; someone deleted it since: make it again with its permission
            app_label, codename = CHECK_IN_PERMISSION.split(".")
            group.permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))
        user.groups.add(group)
        assignment, _created = EventVolunteer.objects.get_or_create(
            event_id=event.pk, user=user, defaults={"assigned_by": by}
        )
    return assignment


def unassign_volunteer(event: Event | EventPage, user) -> bool:
    event = event_of(event)
    deleted, _rows = EventVolunteer.objects.filter(event_id=event.pk, user=user).delete()
    return bool(deleted)
