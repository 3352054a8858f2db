"""Volunteers reach their check-in events from My page; a person's tickets and volunteering are in their data."""

import json

import pytest
from django.urls import reverse

from community.factories import UserFactory
from events import services
from events.models import CheckIn, Registration
from tests.events.checkin.conftest import make_ticket

pytestmark = pytest.mark.django_db


def test_my_page_links_a_volunteer_to_the_check_in_events(client, event, volunteer):
    client.force_login(volunteer)

    page = client.get("/en/account/").content.decode()

    assert 'id="dashboard-checkin"' in page
    assert reverse("events:checkin_desks") in page


def test_my_page_has_no_check_in_section_for_other_people(client, event):
    client.force_login(UserFactory())

    page = client.get("/en/account/").content.decode()

    assert 'id="dashboard-checkin"' not in page


def test_the_check_in_events_page_lists_only_the_volunteers_own_events(client, make_event, volunteer, event):
    other = make_event(title="Someone else's event")
    client.force_login(volunteer)

    page = client.get(reverse("events:checkin_desks")).content.decode()

    assert reverse("events:checkin_desk", kwargs={"event_id": event.event_id}) in page
    assert reverse("events:checkin_desk", kwargs={"event_id": other.event_id}) not in page


def test_the_check_in_events_page_is_forbidden_to_people_who_do_not_check_in(client, event):
    client.force_login(UserFactory())

    assert client.get(reverse("events:checkin_desks")).status_code == 403


def test_a_volunteer_removed_from_the_event_can_no_longer_open_its_scanner(client, event, volunteer):
    services.unassign_volunteer(event, volunteer)
    client.force_login(volunteer)

    assert client.get(reverse("events:checkin_desk", kwargs={"event_id": event.event_id})).status_code == 403


def test_the_data_download_has_my_tickets_with_check_in_time_and_my_volunteering(client, event, volunteer):
    ticket = make_ticket(event)
    services.check_in(ticket.token, event, volunteer)
    client.force_login(ticket.user)

    data = json.loads(client.get("/en/account/export/").content)

    [row] = data["event_registrations"]
    assert row["event"] == event.title
    assert row["status"] == "confirmed"
    assert row["checked_in_at"] is not None
    assert row["ticket_code"] == Registration.objects.get(pk=ticket.pk).display_code
    client.force_login(volunteer)
    data = json.loads(client.get("/en/account/export/").content)
    assert [row["event"] for row in data["event_volunteering"]] == [event.title]


def test_deleting_an_account_keeps_the_check_in_log_without_the_person(client, event, volunteer):
    ticket = make_ticket(event)
    services.check_in(ticket.token, event, volunteer)

    ticket.user.delete()

    [log] = CheckIn.objects.filter(event=event.event)
    assert log.registration_id is None
    assert log.result == CheckIn.Result.CHECKED_IN
    assert log.volunteer == volunteer


def test_the_volunteers_group_exists_with_only_the_check_in_permission():
    from django.contrib.auth.models import Group

    group = Group.objects.get(name="Volunteers")

    assert [p.codename for p in group.permissions.all()] == ["check_in_attendees"]


def test_event_editors_may_check_in_and_assign_volunteers():
    from django.contrib.auth.models import Group

    codenames = set(Group.objects.get(name="Event editors").permissions.values_list("codename", flat=True))

    assert {"check_in_attendees", "add_eventvolunteer", "delete_eventvolunteer"} <= codenames
