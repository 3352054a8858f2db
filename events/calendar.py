"""iCalendar (RFC 5545) for events: the text of a VEVENT/VCALENDAR, the .ics of one event and the upcoming feed.

Written by hand (it is a few lines of text) rather than with a dependency: times are given in UTC with the
"Z" suffix, which every calendar client converts to its own zone, so no VTIMEZONE is needed and a
Copenhagen event keeps its local time across daylight-saving changes.
"""

from datetime import UTC, datetime
from urllib.parse import urlsplit

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone, translation
from django.utils.text import slugify
from wagtail.models import Locale

from events.models import EventPage
from home import dates

PRODID = "-//Danish Data Science Community//Events//EN"
FEED_LIMIT = 200


def escape_text(value: str) -> str:
    """A TEXT value (RFC 5545 3.3.11): backslash, semicolon and comma escaped, line breaks as \\n."""
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")


def fold(line: str) -> str:
    """Split a content line into lines of at most 75 octets (RFC 5545 3.1), never inside a UTF-8 character;
    continuation lines start with one space (which counts towards their 75)."""
    parts, current, size, limit = [], "", 0, 75
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            parts.append(current)
            current, size, limit = "", 0, 74  # the leading space takes one octet of the next line
        current += char
        size += width
    parts.append(current)
    return "\r\n ".join(parts)


def format_utc(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def site_host() -> str:
    return urlsplit(settings.SITE_URL).hostname or "localhost"


def event_lines(page: EventPage, *, stamp: datetime) -> list[str]:
    """The VEVENT of one event page. The UID is the event's translation key, the same in every language,
    so a calendar that imports the Danish and the English file keeps one event."""
    lines = [
        "BEGIN:VEVENT",
        f"UID:{page.translation_key}@{site_host()}",
        f"DTSTAMP:{format_utc(stamp)}",
        f"DTSTART:{format_utc(page.start)}",
        f"DTEND:{format_utc(page.end)}",
        f"SUMMARY:{escape_text(page.title)}",
    ]
    # The description starts with the time written as the page writes it, in the page's language.
    with translation.override(page.locale.language_code):
        when = dates.format_range(page.start, page.end)
    description = f"{when}\n\n{page.summary}" if page.summary else when
    lines.append(f"DESCRIPTION:{escape_text(description)}")
    location = ", ".join(
        part for part in [page.location_name, page.street, f"{page.postal_code} {page.city}".strip()] if part
    )
    if location:
        lines.append(f"LOCATION:{escape_text(location)}")
    url = page.get_full_url()
    if url:
        lines.append(f"URL:{url}")
    lines.append("END:VEVENT")
    return lines


def build_calendar(pages, *, name: str = "") -> str:
    """A VCALENDAR holding one VEVENT per page, with CRLF line ends and folded lines."""
    stamp = timezone.now()
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN", "METHOD:PUBLISH"]
    if name:
        lines.append(f"X-WR-CALNAME:{escape_text(name)}")
    for page in pages:
        lines.extend(event_lines(page, stamp=stamp))
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)


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
