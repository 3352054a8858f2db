"""The registrations admin: counts per event, one event's list with search, CSV export and staff cancel,
all closed to people outside the Event editors group."""

import csv
import io

import pytest
from django.contrib.auth.models import Group

from community.factories import UserFactory
from events.models import Registration
from tests.events.pages.conftest import add_event, register

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(db):
    user = UserFactory(email="editor@example.com")  # not Django staff: the group alone is enough
    user.groups.add(Group.objects.get(name="Event editors"))
    return user


@pytest.fixture
def outsider(db):
    # Admin access through the ordinary Editors group, but no registration permissions.
    user = UserFactory(email="outsider@example.com")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def workshop(event_index):
    event = add_event(event_index, "Workshop", capacity=2)
    for n in range(2):
        register(event, UserFactory(email=f"ticket{n}@example.com", last_name=f"Holder{n}"))
    register(event, UserFactory(email="waiting@example.com", last_name="Venter"), status="waiting")
    checked = Registration.objects.filter(event=event.event, status="confirmed").first()
    checked.checked_in_at = checked.created_at
    checked.save()
    return event


def test_event_list_shows_counts(client, editor, workshop):
    client.force_login(editor)
    response = client.get("/admin/event-registrations/")
    content = response.content.decode()
    assert response.status_code == 200
    assert "Workshop" in content
    assert '<td class="registered">2</td>' in content
    assert '<td class="capacity">2</td>' in content
    assert '<td class="waiting">1</td>' in content
    assert '<td class="checked-in">1</td>' in content


def test_event_registrations_page_lists_tickets_and_waiting_and_searches(client, editor, workshop):
    client.force_login(editor)
    url = f"/admin/event-registrations/{workshop.event_id}/"
    content = client.get(url).content.decode()
    assert "ticket0@example.com" in content and "waiting@example.com" in content
    searched = client.get(url, {"q": "venter"}).content.decode()
    assert "waiting@example.com" in searched and "ticket0@example.com" not in searched


def test_csv_export_lists_attendees(client, editor, workshop):
    client.force_login(editor)
    response = client.get(f"/admin/event-registrations/{workshop.event_id}/attendees.csv")
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == ["name", "email", "status", "registered_at", "checked_in_at"]
    assert sorted(row[1] for row in rows[1:]) == ["ticket0@example.com", "ticket1@example.com", "waiting@example.com"]
    assert sum(1 for row in rows[1:] if row[4]) == 1


def test_staff_cancel_frees_the_seat_for_the_first_waiting(client, editor, workshop):
    client.force_login(editor)
    ticket = Registration.objects.get(event=workshop.event, user__email="ticket0@example.com")
    response = client.post(f"/admin/event-registrations/cancel/{ticket.pk}/")
    assert response.status_code == 302
    ticket.refresh_from_db()
    assert ticket.status == "cancelled"
    assert Registration.objects.get(user__email="waiting@example.com").status == "confirmed"


def test_staff_cancel_needs_post(client, editor, workshop):
    client.force_login(editor)
    ticket = Registration.objects.get(event=workshop.event, user__email="ticket0@example.com")
    assert client.get(f"/admin/event-registrations/cancel/{ticket.pk}/").status_code == 405
    ticket.refresh_from_db()
    assert ticket.status == "confirmed"


@pytest.mark.parametrize("path", ["", "{pk}/", "{pk}/attendees.csv"])
def test_people_outside_event_editors_get_403(client, outsider, workshop, path):
    client.force_login(outsider)
    response = client.get("/admin/event-registrations/" + path.format(pk=workshop.event_id))
    assert response.status_code == 403


def test_outsider_cannot_cancel(client, outsider, workshop):
    client.force_login(outsider)
    ticket = Registration.objects.get(event=workshop.event, user__email="ticket0@example.com")
    assert client.post(f"/admin/event-registrations/cancel/{ticket.pk}/").status_code == 403
    ticket.refresh_from_db()
    assert ticket.status == "confirmed"


def test_event_list_query_count_does_not_grow_with_events(
    client, editor, event_index, workshop, django_assert_max_num_queries
):
    client.force_login(editor)
    client.get("/admin/event-registrations/")
    with django_assert_max_num_queries(40) as few:
        client.get("/admin/event-registrations/")
    for n in range(10):
        event = add_event(event_index, f"Ekstra {n}", days=n + 2, capacity=5)
        register(event, UserFactory(email=f"extra{n}@example.com"))
    with django_assert_max_num_queries(40) as many:
        response = client.get("/admin/event-registrations/")
    assert response.content.decode().count('class="event-row"') == 11
    assert len(many) == len(few)
