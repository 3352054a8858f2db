"""Who may check people in: organisers at every event, volunteers at the events they are assigned to."""

import datetime
from functools import cache

from django.contrib.auth.models import Group, Permission
from django.db import connections, transaction
from django.db.models import Exists, OuterRef, Subquery
from django.utils import timezone

from events.models import Event, EventPage, EventVolunteer, Registration
from events.models.event import event_of
from events.services.registration import EVENT_STAFF_PERMISSION, is_event_staff

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


@cache
def _door_sql() -> str:
    """The statement of `door_event`. Written out, not built by the ORM: asked on every scan, the ORM's version of
    these subqueries cost more to build than to run. Table and column names come from the models."""
    from django.contrib.auth import get_user_model
    from django.contrib.contenttypes.models import ContentType

    user_model = get_user_model()
    user_permissions = user_model.user_permissions.through._meta
    user_groups = user_model.groups.through._meta
    group_permissions = Group.permissions.through._meta

    def column(meta, name: str) -> str:
        return meta.get_field(name).column

    # Table and column names from the models; every value is a parameter.
    return f"""
        SELECT e.id, EXISTS (
            SELECT 1 FROM {Permission._meta.db_table} p
            JOIN {ContentType._meta.db_table} ct ON ct.id = p.{column(Permission._meta, "content_type")}
            WHERE ct.app_label = %(app_label)s
            AND (
                p.codename = %(organiser)s
                OR (p.codename = %(volunteer)s AND EXISTS (
                    SELECT 1 FROM {EventVolunteer._meta.db_table} v
                    WHERE v.{column(EventVolunteer._meta, "event")} = e.id
                    AND v.{column(EventVolunteer._meta, "user")} = %(user)s))
            )
            AND (
                EXISTS (
                    SELECT 1 FROM {user_permissions.db_table} up
                    WHERE up.{column(user_permissions, "permission")} = p.id
                    AND up.{column(user_permissions, user_model._meta.model_name)} = %(user)s)
                OR EXISTS (
                    SELECT 1 FROM {user_groups.db_table} ug
                    JOIN {group_permissions.db_table} gp
                    ON gp.{column(group_permissions, "group")} = ug.{column(user_groups, "group")}
                    WHERE gp.{column(group_permissions, "permission")} = p.id
                    AND ug.{column(user_groups, user_model._meta.model_name)} = %(user)s)
            )
        )
        FROM {Event._meta.db_table} e WHERE e.id = %(event)s
    """  # noqa: S608 # nosec B608


def door_event(user, event_id: int) -> tuple[Event | None, bool]:
    """The Event `event_id` (None when there is none; only its id is loaded) and whether `user` may scan it
    (`may_scan`), in one query: the door's endpoints ask this on every scan, so the permissions and the assignment
    are answered in the same statement as the event instead of four (the event, the user's permissions, the
    group permissions, the assignment). For an active user who is not a superuser it asks what ModelBackend's
    has_perm would: the permission given to the user or to one of their groups."""
    events = Event.objects.filter(pk=event_id).only("pk")
    if not user.is_authenticated or not user.is_active:
        return events.first(), False
    if user.is_staff or user.is_superuser:  # is_event_staff without a query
        return events.first(), True
    app_label, volunteer = CHECK_IN_PERMISSION.split(".")
    organiser = EVENT_STAFF_PERMISSION.removeprefix(f"{app_label}.")  # organisers scan every event
    names = {"app_label": app_label, "organiser": organiser, "volunteer": volunteer}
    with connections[Event.objects.db].cursor() as cursor:
        cursor.execute(_door_sql(), {**names, "user": user.pk, "event": event_id})
        row = cursor.fetchone()
    if row is None:
        return None, False
    # A model instance with every field but the id deferred, as .only("pk") would give.
    return Event.from_db(Event.objects.db, ["id"], [row[0]]), bool(row[1])


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
