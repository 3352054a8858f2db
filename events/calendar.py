"""iCalendar (RFC 5545) for events: the .ics of one event and the upcoming feed, written with `icalendar`.

The library does the format's details (escaping of text values, lines folded at 75 octets, CRLF). Times are
given in UTC (the "Z" suffix), which every calendar client converts to its own zone, so no VTIMEZONE is needed
and a Copenhagen event keeps its local time across daylight-saving changes.
"""

from datetime import UTC, datetime
from urllib.parse import urlsplit

import icalendar
from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone, translation
from django.utils.text import slugify
from wagtail.models import Locale

from events.models import EventPage
from home import dates

PRODID = "-//Danish Data Science Community//Events//EN"
FEED_LIMIT = 200


def site_host() -> str:
    return urlsplit(settings.SITE_URL).hostname or "localhost"


def event_component(page: EventPage, *, stamp: datetime) -> icalendar.Event:
    """The VEVENT of one event page. The UID is the event's translation key, the same in every language,
    so a calendar that imports the Danish and the English file keeps one event."""
    vevent = icalendar.Event()
    vevent.add("uid", f"{page.translation_key}@{site_host()}")
    vevent.add("dtstamp", stamp.astimezone(UTC))
    vevent.add("dtstart", page.start.astimezone(UTC))
    vevent.add("dtend", page.end.astimezone(UTC))
    vevent.add("summary", page.title)
    # The description starts with the time written as the page writes it, in the page's language.
    with translation.override(page.locale.language_code):
        when = dates.format_range(page.start, page.end)
    vevent.add("description", f"{when}\n\n{page.summary}" if page.summary else when)
    location = ", ".join(
        part for part in [page.location_name, page.street, f"{page.postal_code} {page.city}".strip()] if part
    )
    if location:
        vevent.add("location", location)
    url = page.get_full_url()
    if url:
        vevent.add("url", url)
    return vevent


def build_calendar(pages, *, name: str = "") -> str:
    """A VCALENDAR holding one VEVENT per page (CRLF line ends, folded lines)."""
    stamp = timezone.now()
    calendar = icalendar.Calendar()
    calendar.add("version", "2.0")
    calendar.add("prodid", PRODID)
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    if name:
        calendar.add("x-wr-calname", name)
    for page in pages:
        calendar.add_component(event_component(page, stamp=stamp))
    return calendar.to_ical().decode("utf-8")


def ics_response(text: str, filename: str) -> HttpResponse:
    response = HttpResponse(text.encode("utf-8"), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def event_ics(request: HttpRequest, page_id: int) -> HttpResponse:
    """The .ics of one published, public event page (any language); 404 for drafts and unknown ids."""
    page = EventPage.objects.live().public().filter(pk=page_id).first()
    if page is None:
        raise Http404
    return ics_response(build_calendar([page]), f"{slugify(page.title) or 'event'}.ics")


def calendar_feed(request: HttpRequest) -> HttpResponse:
    """The upcoming published events in the request's language, as one calendar to subscribe to."""
    locale = Locale.get_active()
    pages = (
        EventPage.objects.live()
        .public()
        .filter(locale=locale, end__gte=timezone.now())
        .order_by("start")
        .select_related("locale")[:FEED_LIMIT]
    )
    return ics_response(build_calendar(pages, name=settings.WAGTAIL_SITE_NAME), "events.ics")
