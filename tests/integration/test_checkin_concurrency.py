"""On PostgreSQL: one ticket scanned at many doors at once is checked in exactly once, a queued scan sent by several
requests at once is logged once, and an undo racing a scan leaves the ticket and the log agreeing."""

import json

import pytest
from django.test import Client
from django.urls import reverse

from community.factories import UserFactory
from events import services
from events.factories import EventIndexPageFactory, EventPageFactory
from events.models import CheckIn, EventPage, Registration
from tests.home.tree import ensure_home_page
from tests.integration.threads import at_once

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]

SCANNERS = 20
Result = CheckIn.Result


@pytest.fixture(autouse=True)
def no_broker(monkeypatch):
    # Tickets queue mail; sending it is the mail tests' business.
    monkeypatch.setattr("home.mail.enqueue_sending", lambda outbox_id: None)


def make_event(**fields) -> EventPage:
    fields.setdefault("capacity", 100)
    return EventPageFactory(parent=EventIndexPageFactory(parent=ensure_home_page()), **fields)


def make_ticket(event) -> Registration:
    return services.register(UserFactory(), event, accepted_terms=True)


def state_of(result) -> str:
    return result if isinstance(result, str) else result.state


@pytest.mark.parametrize("same_volunteer", [False, True], ids=["twenty-volunteers", "one-volunteer"])
def test_twenty_scans_of_one_ticket_at_once_check_it_in_once(same_volunteer):
    event = make_event()
    ticket = make_ticket(event)
    one = UserFactory()
    volunteers = [one] * SCANNERS if same_volunteer else [UserFactory() for _ in range(SCANNERS)]

    outcomes = at_once([lambda v=v: services.check_in(ticket.token, event, v) for v in volunteers])

    states = [state_of(outcome) for outcome in outcomes]
    assert sorted(states) == [Result.ALREADY] * (SCANNERS - 1) + [Result.CHECKED_IN], states
    ticket.refresh_from_db()
    assert ticket.checked_in_at is not None
    winner = volunteers[states.index(Result.CHECKED_IN)]
    assert ticket.checked_in_by == winner
    assert CheckIn.objects.filter(registration=ticket).count() == SCANNERS
    assert CheckIn.objects.filter(registration=ticket, result=Result.CHECKED_IN).count() == 1
    # Everyone who heard "already" was told the one true time.
    already = [outcome for outcome in outcomes if outcome.state == Result.ALREADY]
    assert {outcome.registration.checked_in_at for outcome in already} == {ticket.checked_in_at}


def test_twenty_different_tickets_at_once_are_all_checked_in():
    event = make_event()
    tickets = [make_ticket(event) for _ in range(SCANNERS)]
    volunteer = UserFactory()

    outcomes = at_once([lambda t=t: services.check_in(t.token, event, volunteer) for t in tickets])

    assert [state_of(outcome) for outcome in outcomes] == [Result.CHECKED_IN] * SCANNERS
    assert Registration.objects.filter(event=event.event, checked_in_at__isnull=False).count() == SCANNERS
    assert services.event_counts(event)["checked_in"] == SCANNERS


def test_the_same_queued_scan_sent_five_times_at_once_is_logged_once():
    event = make_event()
    ticket = make_ticket(event)
    volunteer = UserFactory()

    outcomes = at_once(
        [lambda: services.check_in(ticket.token, event, volunteer, client_id="phone-7:0001") for _ in range(5)]
    )

    assert [state_of(outcome) for outcome in outcomes] == [Result.CHECKED_IN] * 5, outcomes
    assert {outcome.client_id for outcome in outcomes} == {"phone-7:0001"}
    assert CheckIn.objects.filter(registration=ticket).count() == 1
    log = CheckIn.objects.get(registration=ticket)
    assert (log.result, log.client_id) == (Result.CHECKED_IN, "phone-7:0001")
    ticket.refresh_from_db()
    assert ticket.checked_in_by == volunteer


def test_the_same_queue_synced_by_five_requests_at_once_is_logged_once():
    event = make_event()
    tickets = [make_ticket(event) for _ in range(10)]
    volunteer = UserFactory()
    scans = [{"code": t.token, "client_id": f"queue-{n}"} for n, t in enumerate(tickets)]

    outcomes = at_once([lambda: services.check_in_batch(scans, event, volunteer) for _ in range(5)])

    for outcome in outcomes:
        assert [state_of(result) for result in outcome] == [Result.CHECKED_IN] * 10, outcome
    assert CheckIn.objects.filter(event=event.event).count() == 10
    assert Registration.objects.filter(event=event.event, checked_in_at__isnull=False).count() == 10


@pytest.mark.parametrize("round_", range(10))
def test_an_undo_racing_a_scan_leaves_ticket_and_log_agreeing(round_):
    event = make_event()
    ticket = make_ticket(event)
    first, second = UserFactory(), UserFactory()
    services.check_in(ticket.token, event, first)

    undo, scan = at_once(
        [
            lambda: services.undo_check_in(ticket.pk, event, first),
            lambda: services.check_in(ticket.token, event, second),
        ]
    )

    assert state_of(undo) == Result.UNDONE  # the first volunteer's check-in stood until their undo
    assert state_of(scan) in (Result.CHECKED_IN, Result.ALREADY), scan
    ticket.refresh_from_db()
    if state_of(scan) == Result.CHECKED_IN:  # the undo came first; the scan checked the ticket in again
        assert ticket.checked_in_at is not None
        assert ticket.checked_in_by == second
    else:  # the scan saw the first check-in; the undo then took it back
        assert ticket.checked_in_at is None
        assert ticket.checked_in_by is None
    results = list(CheckIn.objects.filter(registration=ticket).order_by("pk").values_list("result", flat=True))
    assert sorted(results) == sorted([Result.CHECKED_IN, Result.UNDONE, state_of(scan)])
    checked_in = results.count(Result.CHECKED_IN)
    undone = results.count(Result.UNDONE)
    assert (ticket.checked_in_at is not None) == (checked_in - undone == 1)


def test_two_undos_at_once_undo_once():
    event = make_event()
    ticket = make_ticket(event)
    volunteer = UserFactory()
    organiser = UserFactory(is_staff=True)
    services.check_in(ticket.token, event, volunteer)

    outcomes = at_once(
        [
            lambda: services.undo_check_in(ticket.pk, event, volunteer),
            lambda: services.undo_check_in(ticket.pk, event, organiser),
        ]
    )

    assert sorted(state_of(outcome) for outcome in outcomes) == ["not_checked_in", Result.UNDONE]
    assert CheckIn.objects.filter(registration=ticket, result=Result.UNDONE).count() == 1
    ticket.refresh_from_db()
    assert ticket.checked_in_at is None


def test_twenty_http_scans_of_one_ticket_at_once_check_it_in_once():
    event = make_event()
    ticket = make_ticket(event)
    scan_url = reverse("events:checkin_scan", kwargs={"event_id": event.event_id})
    clients = []
    for _ in range(SCANNERS):
        client = Client()
        client.force_login(UserFactory(is_staff=True))  # organisers may scan any event
        clients.append(client)

    def scan(client):
        response = client.post(scan_url, json.dumps({"code": ticket.token}), content_type="application/json")
        return response.json()["result"]["state"] if response.status_code == 200 else f"HTTP {response.status_code}"

    states = at_once([lambda c=c: scan(c) for c in clients])

    assert sorted(states) == [Result.ALREADY] * (SCANNERS - 1) + [Result.CHECKED_IN], states
    assert CheckIn.objects.filter(registration=ticket).count() == SCANNERS
    assert Registration.objects.get(pk=ticket.pk).checked_in_at is not None
