"""The check-in admin: one event's ticket holders with their check-in state, manual check-in and undo, the
check-in log and its CSV, and the volunteers assigned to the event; closed to everyone outside Event editors."""

import csv
import io

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from wagtail.models import Locale

from community.factories import UserFactory
from events import services
from events.factories import EventPageFactory
from events.models import CheckIn, EventVolunteer, Registration
from tests.events.checkin.conftest import make_ticket, make_volunteer
from tests.home.tree import ensure_home_page, publish_translation

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(db):
    user = UserFactory(email="editor@example.com", first_name="Edith", last_name="Redaktør")
    user.groups.add(Group.objects.get(name="Event editors"))  # not Django staff: the group alone is enough
    return user


@pytest.fixture
def outsider(db):
    # Admin access through the ordinary Editors group, but no registration or check-in permissions.
    user = UserFactory(email="outsider@example.com")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def tickets(event):
    return [
        make_ticket(event, email="ada@example.com", first_name="Ada", last_name="Lovelace"),
        make_ticket(event, email="grace@example.com", first_name="Grace", last_name="Hopper"),
        make_ticket(event, email="alan@example.com", first_name="Alan", last_name="Turing"),
    ]


def url(name, event, *args):
    return reverse(f"events_admin:{name}", args=[event.event_id, *args])


def not_found(response) -> bool:
    # A 404 under /admin/ is first redirected to the language-prefixed path (LocaleMiddleware), which 404s too.
    return response.status_code == 404


def rows_of(response):
    return list(csv.reader(io.StringIO(response.content.decode())))


# --- Permissions ---------------------------------------------------------------------------------------------

GET_VIEWS = ["checkins", "checkins_export", "checkins_attendees_export", "volunteers"]


@pytest.mark.parametrize("name", GET_VIEWS)
def test_anonymous_is_sent_to_log_in(client, event, name):
    response = client.get(url(name, event))
    assert response.status_code == 302
    assert "/login/" in response["Location"]


@pytest.mark.parametrize("name", GET_VIEWS)
def test_volunteer_without_admin_access_gets_403(client, event, volunteer, name):
    client.force_login(volunteer)
    assert client.get(url(name, event)).status_code == 403


@pytest.mark.parametrize("name", GET_VIEWS)
def test_admin_users_outside_event_editors_get_403(client, event, outsider, name):
    client.force_login(outsider)
    assert client.get(url(name, event)).status_code == 403


@pytest.mark.parametrize("name", GET_VIEWS)
def test_event_editor_may_open_every_view(client, event, editor, tickets, name):
    client.force_login(editor)
    assert client.get(url(name, event)).status_code == 200


def test_outsider_cannot_check_in_undo_or_change_volunteers(client, event, outsider, tickets, volunteer):
    services.check_in(tickets[1].token, event, volunteer)
    client.force_login(outsider)
    assert client.post(url("checkin", event, tickets[0].pk)).status_code == 403
    assert client.post(url("checkin_undo", event, tickets[1].pk)).status_code == 403
    assert client.post(url("volunteers", event), {"email": "ada@example.com"}).status_code == 403
    assert client.post(url("volunteer_remove", event, volunteer.pk)).status_code == 403
    tickets[0].refresh_from_db()
    tickets[1].refresh_from_db()
    assert tickets[0].checked_in_at is None and tickets[1].checked_in_at is not None
    assert list(EventVolunteer.objects.values_list("user__email", flat=True)) == [volunteer.email]
    assert not CheckIn.objects.filter(source="admin").exists()


def test_each_action_checks_its_own_permission(client, event, tickets):
    # May see check-ins and volunteers, but neither check in, export, nor change the volunteers.
    viewer = UserFactory(email="viewer@example.com")
    viewer.groups.add(Group.objects.get(name="Editors"))
    viewer.user_permissions.add(
        *Permission.objects.filter(
            content_type__app_label="events", codename__in=["view_registrations", "view_eventvolunteer"]
        )
    )
    client.force_login(viewer)
    assert client.get(url("checkins", event)).status_code == 200
    assert client.get(url("volunteers", event)).status_code == 200
    assert client.get(url("checkins_export", event)).status_code == 403
    assert client.post(url("checkin", event, tickets[0].pk)).status_code == 403
    assert client.post(url("volunteers", event), {"email": "ada@example.com"}).status_code == 403
    page = client.get(url("checkins", event)).content.decode()
    assert url("checkin", event, tickets[0].pk) not in page  # no button for what the user may not do
    assert url("checkins_export", event) not in page


def test_both_language_versions_lead_to_one_admin_event(client, editor, english_event):
    danish, english = english_event
    client.force_login(editor)
    assert url("checkins", english) == url("checkins", danish)
    assert client.get(url("checkins", danish)).status_code == 200
    assert client.get(url("volunteers", english)).status_code == 200


@pytest.fixture
def english_event(index):
    def make():
        danish = EventPageFactory(parent=index)
        english_locale = Locale.objects.get_or_create(language_code="en")[0]
        publish_translation(ensure_home_page(), english_locale)
        publish_translation(index, english_locale)
        return danish, publish_translation(danish, english_locale, title="In English")

    return make()


# --- The check-in page -----------------------------------------------------------------------------------------


def test_page_lists_ticket_holders_with_state_and_who_checked_them_in(client, event, editor, tickets, volunteer):
    services.check_in(tickets[0].token, event, volunteer)
    waiting = make_ticket(event, email="late@example.com")
    Registration.objects.filter(pk=waiting.pk).update(status=Registration.Status.WAITING)
    client.force_login(editor)
    response = client.get(url("checkins", event))
    page = response.content.decode()
    assert [t.pk for t in response.context["attendees"]] == [tickets[0].pk, tickets[2].pk, tickets[1].pk]  # by name
    assert f'data-registration="{tickets[0].pk}" data-checked-in="true"' in page
    assert f'data-registration="{tickets[1].pk}" data-checked-in="false"' in page
    assert "Vera Frivillig" in page  # checked in by
    assert tickets[0].display_code in page
    assert "late@example.com" not in page  # waiting list: no ticket
    assert reverse("events:checkin_desk", kwargs={"event_id": event.event_id}) in page


def test_filter_checked_in_or_not_and_search(client, event, editor, tickets, volunteer):
    services.check_in(tickets[0].token, event, volunteer)
    client.force_login(editor)

    def shown(**params):
        return [t.user.email for t in client.get(url("checkins", event), params).context["attendees"]]

    assert shown(state="in") == ["ada@example.com"]
    assert shown(state="out") == ["alan@example.com", "grace@example.com"]
    assert shown(q="hopper") == ["grace@example.com"]
    assert shown(q="ada lovelace") == ["ada@example.com"]
    assert shown(q="ALAN@EXAMPLE") == ["alan@example.com"]
    assert shown(q="a", state="in") == ["ada@example.com"]
    assert shown(q=tickets[1].display_code.lower()) == ["grace@example.com"]
    assert shown(state="nonsense") == ["ada@example.com", "alan@example.com", "grace@example.com"]


def test_log_lists_every_scan_newest_first(client, event, editor, tickets, volunteer):
    services.check_in(tickets[0].token, event, volunteer)
    services.check_in(tickets[0].token, event, volunteer, source="code")
    services.check_in("nonsense", event, volunteer)
    client.force_login(editor)
    response = client.get(url("checkins", event))
    log = list(response.context["log"])
    assert [entry.result for entry in log] == ["unknown", "already", "checked_in"]
    page = response.content.decode()
    assert page.count('class="log-row"') == 3
    assert 'data-result="already" data-source="code"' in page
    assert tickets[0].display_code in page and tickets[0].token not in page


def test_log_is_paginated(client, event, editor, tickets, volunteer):
    for _n in range(55):
        services.check_in("nonsense", event, volunteer)
    client.force_login(editor)
    first = client.get(url("checkins", event))
    assert len(first.context["log"]) == 50
    second = client.get(url("checkins", event), {"log": 2})
    assert len(second.context["log"]) == 5
    assert "log=2" in first.content.decode()


# --- Manual check-in and undo ----------------------------------------------------------------------------------


def test_manual_check_in_and_undo_are_logged_as_admin(client, event, editor, tickets):
    client.force_login(editor)
    ticket = tickets[0]
    response = client.post(url("checkin", event, ticket.pk), {"q": "ada", "state": "out"})
    assert response.status_code == 302
    assert response["Location"] == url("checkins", event) + "?q=ada&state=out"
    ticket.refresh_from_db()
    assert ticket.checked_in_at is not None and ticket.checked_in_by == editor

    client.post(url("checkin", event, ticket.pk))  # a second click: logged, nothing changes
    response = client.post(url("checkin_undo", event, ticket.pk))
    assert response.status_code == 302
    ticket.refresh_from_db()
    assert ticket.checked_in_at is None and ticket.checked_in_by is None

    log = CheckIn.objects.filter(event=event.event).order_by("pk")
    assert [(c.result, c.source, c.volunteer_id, c.registration_id) for c in log] == [
        ("checked_in", "admin", editor.pk, ticket.pk),
        ("already", "admin", editor.pk, ticket.pk),
        ("undone", "admin", editor.pk, ticket.pk),
    ]


def test_editor_may_undo_a_volunteers_check_in(client, event, editor, tickets, volunteer):
    services.check_in(tickets[0].token, event, volunteer)
    client.force_login(editor)
    client.post(url("checkin_undo", event, tickets[0].pk))
    tickets[0].refresh_from_db()
    assert tickets[0].checked_in_at is None


def test_undo_of_someone_not_checked_in_is_an_error_message(client, event, editor, tickets):
    client.force_login(editor)
    response = client.post(url("checkin_undo", event, tickets[0].pk), follow=True)
    assert response.status_code == 200
    assert [m.level_tag for m in response.context["messages"]] == ["error"]
    assert not CheckIn.objects.exists()


def test_check_in_and_undo_need_post(client, event, editor, tickets):
    client.force_login(editor)
    assert client.get(url("checkin", event, tickets[0].pk)).status_code == 405
    assert client.get(url("checkin_undo", event, tickets[0].pk)).status_code == 405
    tickets[0].refresh_from_db()
    assert tickets[0].checked_in_at is None


def test_ticket_of_another_event_is_404(client, event, make_event, editor, tickets):
    other = make_event()
    client.force_login(editor)
    assert not_found(client.post(url("checkin", other, tickets[0].pk), follow=True))
    tickets[0].refresh_from_db()
    assert tickets[0].checked_in_at is None


def test_check_in_page_query_count_does_not_grow_with_rows(
    client, event, editor, volunteer, django_assert_max_num_queries
):
    def add(n, start):
        for i in range(start, start + n):
            ticket = make_ticket(event, email=f"guest{i}@example.com")
            services.check_in(ticket.token, event, volunteer)

    client.force_login(editor)
    add(3, 0)
    client.get(url("checkins", event))  # warm the caches (site, locale, permissions)
    with django_assert_max_num_queries(40) as few:
        client.get(url("checkins", event))
    add(27, 3)
    with django_assert_max_num_queries(40) as many:
        response = client.get(url("checkins", event))
    page = response.content.decode()
    assert page.count('class="attendee-row"') == 30 and page.count('class="log-row"') == 30
    assert len(many) == len(few)


# --- CSV -------------------------------------------------------------------------------------------------------


def test_log_csv(client, event, editor, tickets, volunteer):
    services.check_in(tickets[0].token, event, volunteer)
    services.check_in("nonsense", event, volunteer, source="code")
    client.force_login(editor)
    response = client.get(url("checkins_export", event))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = rows_of(response)
    assert rows[0] == [
        "scanned_at",
        "received_at",
        "result",
        "source",
        "volunteer",
        "volunteer_email",
        "attendee",
        "attendee_email",
        "code",
    ]
    assert tickets[0].token not in response.content.decode()  # the token opens the ticket: not in the file
    assert [row[2:] for row in rows[1:]] == [
        ["unknown", "code", "Vera Frivillig", volunteer.email, "", "", "nonsense"],
        [
            "checked_in",
            "camera",
            "Vera Frivillig",
            volunteer.email,
            "Ada Lovelace",
            "ada@example.com",
            tickets[0].display_code,
        ],
    ]


def test_attendee_csv(client, event, editor, tickets, volunteer):
    services.check_in(tickets[1].token, event, volunteer)
    client.force_login(editor)
    rows = rows_of(client.get(url("checkins_attendees_export", event)))
    assert rows[0] == ["name", "email", "code", "checked_in_at", "checked_in_by", "checked_in_by_email"]
    by_email = {row[1]: row for row in rows[1:]}
    assert set(by_email) == {"ada@example.com", "grace@example.com", "alan@example.com"}
    assert by_email["grace@example.com"][2] == tickets[1].display_code
    assert by_email["grace@example.com"][3] and by_email["grace@example.com"][4] == "Vera Frivillig"
    assert by_email["ada@example.com"][3:] == ["", "", ""]


def test_csv_cells_cannot_run_as_formulas(client, event, editor, volunteer):
    ticket = make_ticket(event, email="evil@example.com", first_name="=HYPERLINK(1)", last_name="@x")
    services.check_in(ticket.token, event, volunteer)
    services.check_in("=cmd|' /C calc'!A0", event, volunteer)
    client.force_login(editor)
    log = rows_of(client.get(url("checkins_export", event)))
    assert log[1][8] == "'=cmd|' /C calc'!A0"
    assert log[2][6] == "'=HYPERLINK(1) @x"
    attendees = rows_of(client.get(url("checkins_attendees_export", event)))
    assert attendees[1][0] == "'=HYPERLINK(1) @x"


# --- Volunteers ------------------------------------------------------------------------------------------------


def test_volunteer_page_lists_assignments(client, event, editor, volunteer, tickets):
    services.check_in(tickets[0].token, event, volunteer)
    other = make_volunteer(email="other@example.com", first_name="Otto", last_name="Andersen")
    services.assign_volunteer(event, other, by=editor)
    client.force_login(editor)
    response = client.get(url("volunteers", event))
    page = response.content.decode()
    assert [a.user for a in response.context["volunteers"]] == [other, volunteer]
    assert page.count('class="volunteer-row"') == 2
    assert "Edith Redaktør" in page  # assigned by
    assert '<td class="scans">1</td>' in page and '<td class="scans">0</td>' in page
    assert reverse("events:checkin_desk", kwargs={"event_id": event.event_id}) in page
    assert '<label for="id_email">' in page


def test_add_volunteer_by_email_ignores_case(client, event, editor):
    person = UserFactory(email="sofie@example.com")
    client.force_login(editor)
    response = client.post(url("volunteers", event), {"email": "  Sofie@Example.COM "})
    assert response.status_code == 302
    assignment = EventVolunteer.objects.get(event=event.event)
    assert assignment.user == person and assignment.assigned_by == editor
    assert person.groups.filter(name="Volunteers").exists()
    assert services.may_scan(person, event)


def test_adding_the_same_volunteer_twice_is_harmless(client, event, editor, volunteer):
    client.force_login(editor)
    response = client.post(url("volunteers", event), {"email": volunteer.email}, follow=True)
    assert response.status_code == 200
    assert EventVolunteer.objects.filter(event=event.event, user=volunteer).count() == 1
    assert [m.level_tag for m in response.context["messages"]] == ["info"]


@pytest.mark.parametrize(
    ("email", "code"),
    [("nobody@example.com", "unknown"), ("gone@example.com", "inactive"), ("not an address", "invalid")],
)
def test_unknown_inactive_or_malformed_email_is_a_form_error(client, event, editor, email, code):
    UserFactory(email="gone@example.com", is_active=False)
    client.force_login(editor)
    response = client.post(url("volunteers", event), {"email": email})
    assert response.status_code == 200
    form = response.context["form"]
    assert [error.code for error in form.errors.as_data()["email"]] == [code]
    assert 'aria-invalid="true"' in response.content.decode()
    assert not EventVolunteer.objects.exists()


def test_remove_volunteer(client, event, editor, volunteer):
    client.force_login(editor)
    assert client.get(url("volunteer_remove", event, volunteer.pk)).status_code == 405
    response = client.post(url("volunteer_remove", event, volunteer.pk))
    assert response.status_code == 302
    assert not EventVolunteer.objects.filter(event=event.event).exists()
    assert not services.may_scan(volunteer, event)
    assert not_found(client.post(url("volunteer_remove", event, volunteer.pk), follow=True))


@pytest.mark.parametrize("page", ["events_admin:events", "events_admin:registrations"])
def test_event_list_and_registrations_link_to_check_ins_and_volunteers(client, event, editor, page):
    client.force_login(editor)
    args = [] if page == "events_admin:events" else [event.event_id]
    content = client.get(reverse(page, args=args)).content.decode()
    assert url("checkins", event) in content and url("volunteers", event) in content


def test_the_admin_lists_find_attendees_like_the_scanner_ignoring_accents(client, event, editor, volunteer):
    soren = make_ticket(event, email="s@example.com", first_name="Søren", last_name="Ålund")
    make_ticket(event, email="k@example.com", first_name="Karen", last_name="Blixen")
    client.force_login(editor)

    for query in ("soren", "alund", "SØREN ålund", soren.display_code):
        holders = client.get(url("checkins", event), {"q": query}).context["attendees"]
        registrations = client.get(url("registrations", event), {"q": query}).context["confirmed"]
        door = services.search_attendees(event, query)
        assert [t.pk for t in holders] == [r.pk for r in registrations] == [r.pk for r in door] == [soren.pk], query
