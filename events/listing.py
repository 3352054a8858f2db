"""Bulk look-ups for event lists: the ?month= filter and seats left for many events in a fixed number of queries."""

import datetime
import re
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import Count, Q

MONTH_RE = re.compile(r"^(\d{4})-(\d{2})$")
EVENT_ZONE = ZoneInfo("Europe/Copenhagen")


def month_filter(value: str) -> tuple[datetime.datetime, datetime.datetime] | None:
    """The Copenhagen start of the month given as YYYY-MM and of the month after, or None for anything else."""
    match = MONTH_RE.match(value.strip()[:7]) if len(value.strip()) == 7 else None
    if not match:
        return None
    year, month = int(match[1]), int(match[2])
    if not (1 <= month <= 12 and 1900 <= year <= 9998):
        return None
    first = datetime.datetime(year, month, 1, tzinfo=EVENT_ZONE)
    following = datetime.datetime(year + (month == 12), month % 12 + 1, 1, tzinfo=EVENT_ZONE)
    return first, following


def seat_page_ids(events: list) -> dict[int, int]:
    """Each listed page's seat page id (its default-language version), in at most one query."""
    from events.models import EventPage

    default = settings.LANGUAGE_CODE
    result = {event.pk: event.pk for event in events if event.locale.language_code == default}
    keys = {event.translation_key for event in events if event.pk not in result}
    if keys:
        by_key = dict(
            EventPage.objects.filter(translation_key__in=keys, locale__language_code=default).values_list(
                "translation_key", "pk"
            )
        )
        for event in events:
            if event.pk not in result:
                result[event.pk] = by_key.get(event.translation_key, event.pk)
    return result


def seats_left_by_page(events: list) -> dict[int, int | None]:
    """Seats left per listed page id (None when the event has no limit), counted on the seat pages in one
    aggregate query however many events and registrations there are."""
    from events.models import EventPage, Registration

    if not events:
        return {}
    seat_ids = seat_page_ids(events)
    rows = (
        EventPage.objects.filter(pk__in=set(seat_ids.values()))
        .annotate(taken=Count("registrations", filter=Q(registrations__status=Registration.Status.CONFIRMED)))
        .values_list("pk", "capacity", "taken")
    )
    left = {pk: (None if capacity is None else max(capacity - taken, 0)) for pk, capacity, taken in rows}
    return {page_id: left.get(seat_id) for page_id, seat_id in seat_ids.items()}


def translations_by_key(seat_pages, language: str) -> dict:
    """The live versions in `language` of the given events, by translation key, in one query (registrations and
    volunteers point at the default-language page; lists show the visitor's language when there is a version)."""
    from events.models import EventPage

    keys = {page.translation_key for page in seat_pages}
    if not keys:
        return {}
    pages = EventPage.objects.live().filter(translation_key__in=keys, locale__language_code=language)
    return {page.translation_key: page for page in pages}
