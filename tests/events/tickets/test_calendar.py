"""The .ics of an event and the upcoming feed: valid iCalendar that calendar clients read back correctly."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from events.calendar import build_calendar, escape_text, fold
from home.dates import format_range
from tests.events.tickets.conftest import local, make_event


def unfold(text: str) -> list[str]:
    """Content lines of an iCalendar text: CRLF-separated, continuation lines (leading space) joined."""
    assert "\n" not in text.replace("\r\n", ""), "every line must end in CRLF"
    lines: list[str] = []
    for raw in text.split("\r\n"):
        if raw.startswith(" "):
            lines[-1] += raw[1:]
        elif raw:
            lines.append(raw)
    return lines


def properties(text: str) -> list[dict[str, str]]:
    """One dict per VEVENT: property name → raw value."""
    events, current = [], None
    for line in unfold(text):
        name, _, value = line.partition(":")
        if line == "BEGIN:VEVENT":
            current = {}
        elif line == "END:VEVENT":
            events.append(current)
            current = None
        elif current is not None:
            current[name] = value
    return events


def unescape(value: str) -> str:
    out, chars = [], iter(value)
    for char in chars:
        if char == "\\":
            following = next(chars)
            out.append("\n" if following in "nN" else following)
        else:
            out.append(char)
    return "".join(out)


def test_a_summer_event_is_given_in_utc_two_hours_before_copenhagen_time(event):
    (vevent,) = properties(build_calendar([event]))
    assert vevent["DTSTART"] == "20300702T150000Z"
    assert vevent["DTEND"] == "20300702T170000Z"


def test_a_winter_event_is_given_in_utc_one_hour_before_copenhagen_time(event_index):
    page = make_event(event_index, slug="winter", start=local(2030, 12, 3, 17, 0), end=local(2030, 12, 3, 19, 0))
    (vevent,) = properties(build_calendar([page]))
    assert vevent["DTSTART"] == "20301203T160000Z"
    assert vevent["DTEND"] == "20301203T180000Z"


def test_calendar_has_the_required_frame_and_stable_uid(event):
    text = build_calendar([event])
    lines = unfold(text)
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-1] == "END:VCALENDAR"
    assert "VERSION:2.0" in lines and any(line.startswith("PRODID:") for line in lines)
    (vevent,) = properties(text)
    assert vevent["UID"] == f"{event.translation_key}@127.0.0.1"  # SITE_URL's host in the test settings
    assert vevent["UID"] == properties(build_calendar([event]))[0]["UID"]
    assert vevent["DTSTAMP"].endswith("Z")
    assert unescape(vevent["SUMMARY"]) == "Meetup om sprogmodeller"
    assert unescape(vevent["LOCATION"]) == "ITU, Rued Langgaards Vej 7, 2300 København S"
    assert vevent["URL"].endswith("/arrangementer/meetup/")


def test_text_values_escape_backslash_comma_semicolon_and_newlines(event_index):
    summary = "Del 1; del 2, med C:\\sti\nog en ny linje"
    page = make_event(event_index, slug="escaped", summary=summary)
    (vevent,) = properties(build_calendar([page]))
    # The description opens with the event's time as the pages write it (home.dates), then the summary.
    assert vevent["DESCRIPTION"].endswith("\\n\\nDel 1\\; del 2\\, med C:\\\\sti\\nog en ny linje")
    with translation.override("da"):  # the page's language
        assert unescape(vevent["DESCRIPTION"]) == f"{format_range(page.start, page.end)}\n\n{summary}"
    assert escape_text("a\r\nb") == "a\\nb"


def test_long_lines_are_folded_at_75_octets_without_splitting_characters(event_index):
    summary = "Æblegrød og øl " * 30
    page = make_event(event_index, slug="long", summary=summary)
    text = build_calendar([page])
    for raw in text.split("\r\n"):
        assert len(raw.encode("utf-8")) <= 75
    (vevent,) = properties(text)
    assert unescape(vevent["DESCRIPTION"]).endswith(f"\n\n{summary}")
    assert fold("x" * 75) == "x" * 75
    assert fold("x" * 76) == "x" * 75 + "\r\n x"


def test_the_event_ics_view_serves_a_live_event_in_any_language(client, english_event):
    response = client.get(reverse("events:event_ics", args=[english_event.pk]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    (vevent,) = properties(response.content.decode())
    assert unescape(vevent["SUMMARY"]) == "Meetup on language models"
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
        danish = properties(client.get(reverse("events:calendar_feed")).content.decode())
    assert [unescape(e["SUMMARY"]) for e in danish] == ["Meetup om sprogmodeller"]
    with translation.override("en"):
        english = properties(client.get(reverse("events:calendar_feed")).content.decode())
    assert [unescape(e["SUMMARY"]) for e in english] == ["Meetup on language models"]
    # One event, two languages: the same UID, so a calendar keeps one entry.
    assert danish[0]["UID"] == english[0]["UID"]


@pytest.mark.parametrize("language", ["da", "en"])
def test_the_feed_is_served_as_a_calendar(client, event, language):
    with translation.override(language):
        response = client.get(reverse("events:calendar_feed"))
    assert response.status_code == 200
    assert response.content.decode().startswith("BEGIN:VCALENDAR\r\n")
