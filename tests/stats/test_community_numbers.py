"""The community's numbers: members over time, new members per month, events per year with tickets and
check-ins, waiting lists; the dashboard with its tables and CSVs, and an empty site."""

import csv
import io
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import translation

from community.factories import MemberFactory, UserFactory
from community.models import Member
from events.factories import EventIndexPageFactory, EventPageFactory
from events.models import Registration
from stats.services import community_numbers
from tests.home.tree import ensure_home_page

pytestmark = pytest.mark.django_db
CPH = ZoneInfo("Europe/Copenhagen")
TODAY = date(2026, 3, 15)
NOW = datetime(2026, 3, 15, 12, tzinfo=CPH)


def approved(on: date, *, ends: date | None, status=Member.Status.ACTIVE) -> Member:
    return MemberFactory(
        status=status, decided_at=datetime(on.year, on.month, on.day, 10, tzinfo=CPH), expires_on=ends
    )


@pytest.fixture
def members():
    approved(date(2025, 11, 3), ends=date(2026, 12, 31))
    approved(date(2025, 11, 30), ends=date(2025, 12, 31), status=Member.Status.LAPSED)  # gone after December
    approved(date(2026, 1, 20), ends=date(2026, 12, 31))
    approved(date(2026, 3, 1), ends=date(2026, 12, 31))
    MemberFactory(status=Member.Status.PENDING)  # never counted
    MemberFactory(status=Member.Status.REJECTED, decided_at=NOW)


def test_members_over_time_counts_who_was_a_member_at_each_months_end(members):
    series = community_numbers.members_over_time(today=TODAY)

    assert [(m.month, m.count) for m in series] == [
        (date(2025, 11, 1), 2),
        (date(2025, 12, 1), 2),
        (date(2026, 1, 1), 2),
        (date(2026, 2, 1), 2),
        (date(2026, 3, 1), 3),
    ]


def test_new_members_per_month_includes_the_months_without_any(members):
    series = community_numbers.new_members_per_month(today=TODAY)

    assert [(m.month, m.count) for m in series] == [
        (date(2025, 11, 1), 2),
        (date(2025, 12, 1), 0),
        (date(2026, 1, 1), 1),
        (date(2026, 2, 1), 0),
        (date(2026, 3, 1), 1),
    ]


@pytest.fixture
def events():
    index = EventIndexPageFactory(parent=ensure_home_page())
    past = EventPageFactory(parent=index, start=datetime(2025, 5, 1, 17, tzinfo=CPH), capacity=3)
    later = EventPageFactory(parent=index, start=NOW + timedelta(days=10), capacity=2)
    EventPageFactory(parent=index, start=datetime(2025, 9, 1, 17, tzinfo=CPH))
    for number in range(4):
        status = Registration.Status.CONFIRMED if number < 3 else Registration.Status.WAITING
        checked = NOW - timedelta(days=300) if number < 2 else None
        Registration.objects.create(event=past.event, user=UserFactory(), status=status, checked_in_at=checked)
    for number in range(5):
        status = Registration.Status.CONFIRMED if number < 2 else Registration.Status.WAITING
        Registration.objects.create(event=later.event, user=UserFactory(), status=status)
    return past, later


def test_events_per_year_count_tickets_and_the_check_in_rate_of_ended_events(events):
    years = community_numbers.events_per_year(now=NOW)

    assert [(y.year, y.events, y.tickets, y.checked_in) for y in years] == [(2025, 2, 3, 2), (2026, 1, 2, 0)]
    assert years[0].check_in_rate == pytest.approx(2 / 3)
    assert years[1].check_in_rate is None  # its only event has not happened yet


def test_waiting_lists_list_the_events_that_had_one_newest_first(events):
    past, later = events

    lists = community_numbers.waiting_lists("da", now=NOW)

    assert [(w.title, w.capacity, w.tickets, w.waiting) for w in lists] == [
        (later.title, 2, 2, 3),
        (past.title, 3, 3, 1),
    ]


def dashboard_url(name="stats:community", **kwargs) -> str:
    with translation.override("en"):
        return reverse(name, kwargs=kwargs)


def test_an_empty_site_gets_a_friendly_dashboard(client):
    response = client.get(dashboard_url())

    assert response.status_code == 200
    assert "There are no figures yet" in response.content.decode()
    assert client.get(dashboard_url("stats:community_csv", figure="members")).status_code == 200


def test_the_dashboard_shows_each_figure_as_a_chart_and_a_table(client, members, events):
    html = client.get(dashboard_url()).content.decode()

    for table in ("members-table", "new-members-table", "events-table", "waiting-table"):
        assert f'data-table="{table}"' in html and f'id="{table}"' in html
    assert 'data-values="3,2"' in html  # 2025: 3 tickets, 2 checked in
    assert "<script>" not in html and ' style="' not in html.split("<main", 1)[1]


@pytest.mark.parametrize("figure", ["members", "new-members", "events", "waiting-lists"])
def test_each_chart_has_its_data_as_csv(client, members, events, figure):
    response = client.get(dashboard_url("stats:community_csv", figure=figure))

    assert response["Content-Type"].startswith("text/csv")
    header, *rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert header and rows


def test_an_unknown_figure_is_not_found(client):
    assert client.get(dashboard_url("stats:community_csv", figure="passwords")).status_code == 404
