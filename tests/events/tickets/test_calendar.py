"""The .ics of an event and the upcoming feed: valid iCalendar that calendar clients read back correctly."""

from datetime import UTC, datetime, timedelta

import icalendar
import pytest
from django.urls import reverse
from django.utils import timezone, translation

from events.calendar import build_calendar
from home.dates import format_range
from tests.events.tickets.conftest import local, make_event


def vevents(text: str) -> list[icalendar.Event]:
    """The VEVENTs of an iCalendar text, as a calendar client reads them (icalendar's parser: unfolded, unescaped)."""
    assert "\n" not in text.replace("\r\n", ""), "every line must end in CRLF"
    return icalendar.Calendar.from_ical(text).walk("VEVENT")


def test_a_summer_event_is_given_in_utc_two_hours_before_copenhagen_time(event):
    text = build_calendar([event])
    (vevent,) = vevents(text)
    assert vevent.decoded("DTSTART") == datetime(2030, 7, 2, 15, 0, tzinfo=UTC)
    assert vevent.decoded("DTEND") == datetime(2030, 7, 2, 17, 0, tzinfo=UTC)
    assert "DTSTART:20300702T150000Z\r\n" in text  # UTC, so no VTIMEZONE is needed


def test_a_winter_event_is_given_in_utc_one_hour_before_copenhagen_time(event_index):
    page = make_event(event_index, slug="winter", start=local(2030, 12, 3, 17, 0), end=local(2030, 12, 3, 19, 0))
    (vevent,) = vevents(build_calendar([page]))
    assert vevent.decoded("DTSTART") == datetime(2030, 12, 3, 16, 0, tzinfo=UTC)
    assert vevent.decoded("DTEND") == datetime(2030, 12, 3, 18, 0, tzinfo=UTC)


def test_calendar_has_the_required_frame_and_stable_uid(event):
    text = build_calendar([event])
    calendar = icalendar.Calendar.from_ical(text)
    assert text.startswith("BEGIN:VCALENDAR\r\n") and text.endswith("END:VCALENDAR\r\n")
    assert calendar["VERSION"] == "2.0" and calendar["PRODID"]
    (vevent,) = vevents(text)
    assert vevent["UID"] == f"{event.translation_key}@127.0.0.1"  # SITE_URL's host in the test settings
    assert vevent["UID"] == vevents(build_calendar([event]))[0]["UID"]
    assert vevent.decoded("DTSTAMP").utcoffset() == timedelta(0)
    assert vevent["SUMMARY"] == "Meetup om sprogmodeller"
    assert vevent["LOCATION"] == "ITU, Rued Langgaards Vej 7, 2300 København S"
    assert vevent["URL"].endswith("/arrangementer/meetup/")


def test_text_values_with_backslash_comma_semicolon_and_newlines_read_back_unchanged(event_index):
    summary = "Del 1; del 2, med C:\\sti\nog en ny linje"
    page = make_event(event_index, slug="escaped", title="Kursus, del 1; grundlag", summary=summary)
    text = build_calendar([page])
    (vevent,) = vevents(text)
    assert "SUMMARY:Kursus\\, del 1\\; grundlag\r\n" in text  # escaped on the wire (RFC 5545 3.3.11)
    assert vevent["SUMMARY"] == "Kursus, del 1; grundlag"
    # The description opens with the event's time as the pages write it (home.dates), then the summary.
    with translation.override("da"):  # the page's language
        assert vevent["DESCRIPTION"] == f"{format_range(page.start, page.end)}\n\n{summary}"


def test_long_lines_are_folded_at_75_octets_and_read_back_whole(event_index):
    summary = "Æblegrød og øl " * 30
    page = make_event(event_index, slug="long", summary=summary)
    text = build_calendar([page])
    for raw in text.split("\r\n"):
        assert len(raw.encode("utf-8")) <= 75
    (vevent,) = vevents(text)
    assert vevent["DESCRIPTION"].endswith(f"\n\n{summary}")


def test_the_event_ics_view_serves_a_live_event_in_any_language(client, english_event):
    response = client.get(reverse("events:event_ics", args=[english_event.pk]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    (vevent,) = vevents(response.content.decode())
    assert vevent["SUMMARY"] == "Meetup on language models"
    assert "/en/" in vevent["URL"]


def test_the_event_ics_view_is_404_for_drafts_and_unknown_pages(client, event):
    event.unpublish()
    assert client.get(reverse("events:event_ics", args=[event.pk])).status_code == 404
    assert client.get(reverse("events:event_ics", args=[987654])).status_code == 404


def test_the_feed_lists_upcoming_live_events_in_the_request_language(client, event_index, english_event):
    past_start = timezone.now() - timedelta(days=3)
    make_event(event_index, slug="past", title="Gammelt", start=past_start, end=past_start + timedelta(hours=2))
    draft = make_event(event_index, slug="draft", title="Kladde")
    draft.unpublish()

    with translation.override("da"):
        danish = vevents(client.get(reverse("events:calendar_feed")).content.decode())
    assert [e["SUMMARY"] for e in danish] == ["Meetup om sprogmodeller"]
    with translation.override("en"):
        english = vevents(client.get(reverse("events:calendar_feed")).content.decode())
    assert [e["SUMMARY"] for e in english] == ["Meetup on language models"]
    # One event, two languages: the same UID, so a calendar keeps one entry.
    assert danish[0]["UID"] == english[0]["UID"]


@pytest.mark.parametrize("language", ["da", "en"])
def test_the_feed_is_served_as_a_calendar(client, event, language):
    with translation.override(language):
        response = client.get(reverse("events:calendar_feed"))
    assert response.status_code == 200
    assert response.content.decode().startswith("BEGIN:VCALENDAR\r\n")
