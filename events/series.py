"""Making the event pages of a recurring series: one page per date, only for the dates that have none yet."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils.text import slugify

from events.models import EventIndexPage, EventPage, EventSeries, EventSeriesDate

COPENHAGEN = ZoneInfo("Europe/Copenhagen")


def local_datetime(day: date, time) -> datetime:
    # zoneinfo gives each date its own offset: 17:00 stays 17:00 on both sides of a daylight-saving change.
    return datetime.combine(day, time, tzinfo=COPENHAGEN)


def _free_slug(index: EventIndexPage, base: str) -> str:
    taken = set(index.get_children().values_list("slug", flat=True))
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug


@transaction.atomic
def create_series_events(series: EventSeries) -> list[EventPage]:
    """Create the series' event pages for its next dates that have no page yet (live or draft, as the series
    says); each page has its own capacity and registrations. Returns the pages created.

    Locks: the series' row, for the whole transaction (nothing else is locked)."""
    index = EventIndexPage.objects.get(pk=series.index_id)
    # Locked so two saves of the series at once cannot both create the same date.
    EventSeries.objects.select_for_update().filter(pk=series.pk).first()
    done = set(EventSeriesDate.objects.filter(series=series).values_list("date", flat=True))
    created = []
    for day in series.dates():
        if day in done:
            continue
        page = EventPage.with_new_event(
            capacity=series.capacity,
            series=series,
            title=series.title,
            slug=_free_slug(index, slugify(f"{series.title}-{day.isoformat()}")[:240] or day.isoformat()),
            start=local_datetime(day, series.start_time),
            end=local_datetime(day, series.end_time),
            summary=series.summary,
            location_name=series.location_name,
            street=series.street,
            postal_code=series.postal_code,
            city=series.city,
            live=False,
        )
        index.add_child(instance=page)
        revision = page.save_revision()
        if series.publish:
            revision.publish()
        EventSeriesDate.objects.create(series=series, date=day, page=page)
        created.append(EventPage.objects.get(pk=page.pk))
    return created
