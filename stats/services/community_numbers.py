"""The community's own figures for the public dashboard: members over time, new members per month, events per
year with registrations and check-ins, waiting lists. Every query on events data is in this module, one function
per figure, so it is the one place to adapt when the events schema changes. Poll
turnout joins when polls exist."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import Count, OuterRef, Q, Subquery
from django.db.models.functions import ExtractYear, TruncMonth
from django.utils import timezone

from community.models import Member

COPENHAGEN = ZoneInfo(settings.TIME_ZONE)
# The longest history the member charts draw, in months (one aggregate per month in a single query).
MAX_MONTHS = 120
WAITING_LISTS_SHOWN = 12


@dataclass(frozen=True)
class MonthCount:
    month: date  # the first day of the month
    count: int


@dataclass(frozen=True)
class EventYear:
    year: int
    events: int
    tickets: int
    checked_in: int
    tickets_at_past_events: int

    @property
    def check_in_rate(self) -> float | None:
        """Checked in per ticket, over events that have ended (an upcoming event has no check-ins yet)."""
        return self.checked_in / self.tickets_at_past_events if self.tickets_at_past_events else None


@dataclass(frozen=True)
class WaitingList:
    title: str
    start: datetime
    capacity: int | None
    tickets: int
    waiting: int


def _months(first: date, last: date) -> list[date]:
    months, month = [], first.replace(day=1)
    while month <= last and len(months) < MAX_MONTHS:
        months.append(month)
        month = (month + timedelta(days=32)).replace(day=1)
    return months


def _approved():
    """Memberships that were approved at some point: active now, or lapsed since."""
    return Member.objects.filter(status__in=[Member.Status.ACTIVE, Member.Status.LAPSED], decided_at__isnull=False)


def members_over_time(today: date | None = None) -> list[MonthCount]:
    """Members at the end of each month: approved by then, membership not yet ended (one query)."""
    today = today or timezone.localdate()
    first = _approved().order_by("decided_at").values_list("decided_at", flat=True).first()
    if first is None:
        return []
    months = _months(max(timezone.localtime(first).date(), today - timedelta(days=31 * MAX_MONTHS)), today)
    aggregates = {}
    for number, month in enumerate(months):
        next_month = (month + timedelta(days=32)).replace(day=1)
        end = min(next_month - timedelta(days=1), today)
        approved_by = datetime.combine(end + timedelta(days=1), time.min, tzinfo=COPENHAGEN)
        aggregates[f"m{number}"] = Count(
            "pk", filter=Q(decided_at__lt=approved_by) & (Q(expires_on__gte=end) | Q(expires_on__isnull=True))
        )
    counts = _approved().aggregate(**aggregates)
    return [MonthCount(month, counts[f"m{number}"]) for number, month in enumerate(months)]


def new_members_per_month(today: date | None = None) -> list[MonthCount]:
    """Memberships approved in each month, months without any included (one query)."""
    today = today or timezone.localdate()
    rows = (
        _approved()
        .annotate(month=TruncMonth("decided_at", tzinfo=COPENHAGEN))
        .values("month")
        .annotate(count=Count("pk"))
        .order_by("month")
    )
    by_month = {
        row["month"].date() if isinstance(row["month"], datetime) else row["month"]: row["count"] for row in rows
    }
    if not by_month:
        return []
    first = max(min(by_month), today.replace(day=1) - timedelta(days=31 * MAX_MONTHS))
    return [MonthCount(month, by_month.get(month, 0)) for month in _months(first, today)]


def events_per_year(now: datetime | None = None) -> list[EventYear]:
    """Per calendar year (Copenhagen time) of the start: published events, tickets, check-ins (two queries)."""
    from events.models import EventPage, Registration

    now = now or timezone.now()
    events = dict(
        EventPage.objects.live()
        .filter(locale__language_code=settings.LANGUAGE_CODE)
        .annotate(year=ExtractYear("start", tzinfo=COPENHAGEN))
        .order_by()  # a page query is ordered by tree path, which would split the groups
        .values("year")
        .annotate(count=Count("pk"))
        .values_list("year", "count")
    )
    # A ticket belongs to the language-neutral Event; its dates are its pages' (the same in every language).
    pages = EventPage.objects.filter(event=OuterRef("event_id")).order_by("start")
    tickets = {
        row["year"]: row
        for row in Registration.objects.confirmed()
        .annotate(start=Subquery(pages.values("start")[:1]), end=Subquery(pages.values("end")[:1]))
        .annotate(year=ExtractYear("start", tzinfo=COPENHAGEN))
        .order_by()
        .values("year")
        .annotate(
            tickets=Count("pk"),
            checked_in=Count("pk", filter=Q(checked_in_at__isnull=False)),
            past=Count("pk", filter=Q(end__lt=now)),
        )
    }
    years = sorted(set(events) | set(tickets))
    return [
        EventYear(
            year=year,
            events=events.get(year, 0),
            tickets=tickets.get(year, {}).get("tickets", 0),
            checked_in=tickets.get(year, {}).get("checked_in", 0),
            tickets_at_past_events=tickets.get(year, {}).get("past", 0),
        )
        for year in years
    ]


def waiting_lists(language: str, now: datetime | None = None) -> list[WaitingList]:
    """Events of the last year and to come that had a waiting list, newest first, titled in `language` where
    a translation exists (one query)."""
    from events.models import Event

    now = now or timezone.now()
    events = list(
        Event.objects.with_counts()
        .with_page(language)
        .filter(start__gte=now - timedelta(days=365), waiting__gt=0)
        .order_by("-start")[:WAITING_LISTS_SHOWN]
    )
    return [
        WaitingList(
            title=event.title,
            start=event.start,
            capacity=event.capacity,
            tickets=event.registered,
            waiting=event.waiting,
        )
        for event in events
    ]
