"""Recurring meetups: a series makes one event page per date, at the same local time across daylight-saving
changes, never twice for a date, each page on its own."""

from datetime import date, time
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from community.factories import UserFactory
from events.models import EventPage, EventSeries, Registration
from events.series import create_series_events
from tests.events.tickets.conftest import make_registration

COPENHAGEN = ZoneInfo("Europe/Copenhagen")


def make_series(index, **fields) -> EventSeries:
    defaults = {
        "title": "Data Science Meetup",
        "summary": "Månedligt meetup",
        "index": index,
        "rule": EventSeries.Rule.MONTHLY,
        "weekday": EventSeries.Weekday.TUESDAY,
        "week_of_month": EventSeries.Week.FIRST,
        "starts_on": date(2030, 9, 1),
        "start_time": time(17),
        "end_time": time(19),
        "number_of_dates": 4,
        "location_name": "ITU",
        "capacity": 30,
    }
    return EventSeries.objects.create(**{**defaults, **fields})


def test_monthly_first_tuesday_keeps_17_local_across_the_october_change(event_index):
    pages = create_series_events(make_series(event_index))

    local = [(p.start.astimezone(COPENHAGEN), p.end.astimezone(COPENHAGEN)) for p in pages]
    assert [start.date() for start, _ in local] == [
        date(2030, 9, 3),
        date(2030, 10, 1),
        date(2030, 11, 5),
        date(2030, 12, 3),
    ]
    assert {(start.time(), end.time()) for start, end in local} == {(time(17), time(19))}
    # Summer time (UTC+2) before the last Sunday of October, winter time (UTC+1) after.
    assert [p.start.astimezone(ZoneInfo("UTC")).hour for p in pages] == [15, 15, 16, 16]


def test_weekly_series_across_the_change_week(event_index):
    series = make_series(
        event_index, rule=EventSeries.Rule.WEEKLY, weekday=EventSeries.Weekday.THURSDAY, starts_on=date(2030, 10, 20)
    )
    pages = create_series_events(series)
    assert [p.start.astimezone(COPENHAGEN).date() for p in pages] == [
        date(2030, 10, 24),
        date(2030, 10, 31),
        date(2030, 11, 7),
        date(2030, 11, 14),
    ]
    assert {p.start.astimezone(COPENHAGEN).time() for p in pages} == {time(17)}


def test_last_weekday_of_the_month(event_index):
    series = make_series(event_index, week_of_month=EventSeries.Week.LAST, number_of_dates=2)
    assert series.dates() == [date(2030, 9, 24), date(2030, 10, 29)]


def test_drafts_unless_publish_and_each_page_has_its_own_capacity_and_registrations(event_index):
    drafts = create_series_events(make_series(event_index, number_of_dates=2))
    assert [p.live for p in drafts] == [False, False]

    live = create_series_events(make_series(event_index, title="Live meetup", number_of_dates=2, publish=True))
    assert [p.live for p in live] == [True, True]
    first, second = live
    make_registration(first, UserFactory())
    first.event.capacity = 5
    first.event.save()
    second.refresh_from_db()
    assert second.event.capacity == 30
    assert first.event.series_id == second.event.series_id is not None
    assert Registration.objects.filter(event=second.event).count() == 0
    assert len({p.slug for p in drafts + live}) == 4


def test_running_again_creates_only_the_missing_dates(event_index):
    series = make_series(event_index, number_of_dates=2)
    assert len(create_series_events(series)) == 2
    assert create_series_events(series) == []
    series.number_of_dates = 3
    series.save()
    (third,) = create_series_events(series)
    assert third.start.astimezone(COPENHAGEN).date() == date(2030, 11, 5)
    assert EventPage.objects.filter(title="Data Science Meetup").count() == 3


def test_end_before_start_is_refused(event_index):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        make_series(event_index, start_time=time(19), end_time=time(17)).full_clean()


def test_saving_a_series_in_the_admin_creates_its_pages(admin_client, event_index):
    response = admin_client.post(
        reverse("wagtailsnippets_events_eventseries:add"),
        {
            "title": "Admin meetup",
            "summary": "Fra admin",
            "index": event_index.pk,
            "rule": "monthly",
            "weekday": "1",
            "week_of_month": "1",
            "starts_on": "2030-09-01",
            "start_time": "17:00",
            "end_time": "19:00",
            "number_of_dates": "3",
            "location_name": "",
            "street": "",
            "postal_code": "",
            "city": "",
            "capacity": "20",
        },
    )
    assert response.status_code == 302, response.content[:2000]
    pages = EventPage.objects.filter(title="Admin meetup").order_by("start")
    assert [p.start.astimezone(COPENHAGEN).date() for p in pages] == [
        date(2030, 9, 3),
        date(2030, 10, 1),
        date(2030, 11, 5),
    ]


def test_event_editors_may_manage_series(db):
    from django.contrib.auth.models import Group

    codenames = set(Group.objects.get(name="Event editors").permissions.values_list("codename", flat=True))
    assert {"add_eventseries", "change_eventseries", "view_eventseries"} <= codenames
