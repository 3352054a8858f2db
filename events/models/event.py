"""The language-neutral event: what every language version of an event page shares (seats, sign-up rules), and
what belongs to the event itself rather than to a page (registrations, check-ins, volunteers point here)."""

from functools import cache

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Case, Count, F, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Greatest
from django.utils.translation import gettext_lazy as _

# The settings an editor gives an event, edited on any of its pages (events.forms.EventPageForm).
SETTINGS_FIELDS = ["capacity", "registration_opens", "registration_closes", "members_only", "waiting_list", "terms"]


class EventQuerySet(models.QuerySet):
    def with_counts(self):
        """Each event with `registered` (tickets), `waiting`, `checked_in` and `seats_left` (None: no limit),
        counted in the database in the same query: the one definition of these numbers."""
        from events.models.registrations import Registration

        confirmed = Q(registrations__status=Registration.Status.CONFIRMED)
        return self.annotate(
            registered=Count("registrations", filter=confirmed),
            waiting=Count("registrations", filter=Q(registrations__status=Registration.Status.WAITING)),
            checked_in=Count("registrations", filter=confirmed & Q(registrations__checked_in_at__isnull=False)),
        ).annotate(
            seats_left=Case(
                When(capacity__isnull=True, then=Value(None)),
                default=Greatest(F("capacity") - F("registered"), Value(0)),
                output_field=models.IntegerField(null=True),
            )
        )

    def with_page(self, language: str):
        """Each event with `title`, `slug`, `start` and `end` of its page to show in `language` (that language's
        version, else the site's default language's, else any), for lists that show events, not pages."""
        from django.conf import settings

        from events.models.pages import EventPage

        pages = EventPage.objects.filter(event=OuterRef("pk")).order_by(
            Case(When(locale__language_code=language, then=Value(0)), default=Value(1)),
            Case(When(locale__language_code=settings.LANGUAGE_CODE, then=Value(0)), default=Value(1)),
            "pk",
        )
        return self.annotate(
            **{name: Subquery(pages.values(name)[:1]) for name in ("title", "slug", "start", "end")}
        ).filter(start__isnull=False)

    def counts_of(self, event_id: int) -> dict:
        """The counts of one event as a dict (the door's and the admin's shape), in one query: with_counts'
        numbers (tests/events/registration/test_services.py holds the two to agree) in a statement written out,
        since the door asks on every scan and the ORM took longer to build with_counts than the database to run
        it. Raises Event.DoesNotExist for an unknown id, as .get() would."""
        from django.db import connections

        from events.models.registrations import Registration

        with connections[self.db].cursor() as cursor:
            cursor.execute(
                _counts_sql(),
                {
                    "event": event_id,
                    "confirmed": Registration.Status.CONFIRMED,
                    "waiting": Registration.Status.WAITING,
                },
            )
            row = cursor.fetchone()
        if row is None:
            raise Event.DoesNotExist(f"No event {event_id}")
        registered, waiting, checked_in, capacity = row
        return {"registered": registered, "waiting": waiting, "checked_in": checked_in, "capacity": capacity}


@cache
def _counts_sql() -> str:
    from events.models.registrations import Registration

    registration = Registration._meta
    event_column, status, checked_in_at = (
        registration.get_field(name).column for name in ("event", "status", "checked_in_at")
    )
    # Table and column names from the models; every value is a parameter.
    return f"""
        SELECT
            COUNT(r.id) FILTER (WHERE r.{status} = %(confirmed)s),
            COUNT(r.id) FILTER (WHERE r.{status} = %(waiting)s),
            COUNT(r.id) FILTER (WHERE r.{status} = %(confirmed)s AND r.{checked_in_at} IS NOT NULL),
            e.{Event._meta.get_field("capacity").column}
        FROM {Event._meta.db_table} e
        LEFT JOIN {registration.db_table} r ON r.{event_column} = e.id
        WHERE e.id = %(event)s
        GROUP BY e.id
    """  # noqa: S608 # nosec B608


def event_of(event_or_page) -> "Event":
    """The Event itself, or the Event an event page (of any language) points at."""
    return event_or_page if isinstance(event_or_page, Event) else event_or_page.event


def with_seats_left(pages: list) -> list:
    """Each event page of `pages` given its Event's `seats_left` (EventQuerySet.with_counts): one query for the
    page of a list, after it is cut (as a subquery of the list's own query it made counting the list slower)."""
    if not pages:
        return pages
    seats = dict(
        Event.objects.with_counts().filter(pk__in={page.event_id for page in pages}).values_list("pk", "seats_left")
    )
    for page in pages:
        page.seats_left = seats.get(page.event_id)
    return pages


class Event(models.Model):
    """One event, whatever the languages it is published in. Its pages (`pages`, one per language, sharing the
    `translation_key`) carry the text; this record carries the seats and the sign-up rules, and owns the
    registrations, check-ins and volunteer assignments, so deleting or unpublishing a page loses none of them
    (a page cannot delete its Event: PROTECT)."""

    translation_key = models.UUIDField(_("translation key"), unique=True, editable=False)
    capacity = models.PositiveIntegerField(
        _("capacity"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("Number of seats; leave empty for no limit."),
    )
    registration_opens = models.DateTimeField(_("registration opens"), null=True, blank=True)
    registration_closes = models.DateTimeField(_("registration closes"), null=True, blank=True)
    members_only = models.BooleanField(_("members only"), default=False)
    waiting_list = models.BooleanField(
        _("waiting list"), default=True, help_text=_("When the event is full, people can join a waiting list.")
    )
    terms = models.ForeignKey(
        "events.RegistrationTerms",
        verbose_name=_("registration terms"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    series = models.ForeignKey(
        "events.EventSeries",
        verbose_name=_("series"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
    )

    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True, editable=False)

    objects = EventQuerySet.as_manager()

    class Meta:
        verbose_name = _("event record")
        verbose_name_plural = _("event records")

    def __str__(self) -> str:
        return str(self.translation_key)

    def clean(self):
        super().clean()
        if (
            self.registration_opens
            and self.registration_closes
            and self.registration_closes <= self.registration_opens
        ):
            raise ValidationError({"registration_closes": _("Registration must close after it opens.")})

    def settings(self) -> dict:
        """The editor's settings, to give a copy of the event the same ones."""
        values = {name: getattr(self, name) for name in SETTINGS_FIELDS if name != "terms"}
        return {**values, "terms_id": self.terms_id}
