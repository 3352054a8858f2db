"""Bulk look-ups for event lists: the ?month= filter, and each event's page in the visitor's language."""

import datetime
import re
from zoneinfo import ZoneInfo

from django.conf import settings

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


def pages_in_language(event_ids, language: str) -> dict:
    """For each Event id, its page to show in `language`: the live version in that language, else a live version
    in the site's default language, else any version; in one query."""
    from events.models import EventPage

    ids = set(event_ids)
    if not ids:
        return {}

    def rank(page) -> tuple:
        return (page.live, page.locale.language_code == language, page.locale.language_code == settings.LANGUAGE_CODE)

    chosen: dict = {}
    for page in EventPage.objects.filter(event_id__in=ids).select_related("locale").order_by("pk"):
        current = chosen.get(page.event_id)
        if current is None or rank(page) > rank(current):
            chosen[page.event_id] = page
    return chosen
