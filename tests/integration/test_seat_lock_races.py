"""On PostgreSQL: a door scan and a cancel of the same ticket at once never deadlock, and "leave the waiting list"
clicked as the person is promoted never cancels the ticket they were just given."""

import pytest

from community.factories import UserFactory
from events import services
from events.factories import EventIndexPageFactory, EventPageFactory
from events.models import CheckIn, EventPage, Registration
from tests.home.tree import ensure_home_page
from tests.integration.threads import at_once

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]

SCAN_CANCEL_ROUNDS = 300
LEAVE_PROMOTE_ROUNDS = 150
Status = Registration.Status
Result = CheckIn.Result


@pytest.fixture(autouse=True)
def no_broker(monkeypatch):
    # The mails are only owed (outbox rows) here; sending them is the mail tests' business.
    monkeypatch.setattr("home.mail.enqueue_sending", lambda outbox_id: None)


def make_event(index=None, **fields) -> EventPage:
    return EventPageFactory(parent=index or EventIndexPageFactory(parent=ensure_home_page()), **fields)


def test_a_scan_and_a_cancel_of_one_ticket_at_once_never_deadlock_in_300_rounds():
    event = make_event(capacity=None)
    volunteer = UserFactory()
    holders = [UserFactory() for _ in range(SCAN_CANCEL_ROUNDS)]
    tickets = [services.register(holder, event, accepted_terms=True) for holder in holders]

    failures = []
    for ticket, holder in zip(tickets, holders, strict=True):
        scan, cancel = at_once(
            [
                lambda ticket=ticket: services.check_in(ticket.token, event, volunteer),
                lambda ticket=ticket, holder=holder: services.cancel(ticket, by=holder),
            ]
        )
        if isinstance(scan, str) or cancel is not None:
            failures.append((scan, cancel))
            continue
        # Either order is fine; what matters is that both finished and agree with the ticket.
        assert scan.state in (Result.CHECKED_IN, Result.CANCELLED), scan
        ticket.refresh_from_db()
        assert ticket.status == Status.CANCELLED
        assert (scan.state == Result.CHECKED_IN) == (ticket.checked_in_at is not None)

    assert failures == [], f"{len(failures)} of {SCAN_CANCEL_ROUNDS} rounds failed: {failures[:3]}"
    assert CheckIn.objects.filter(event=event.event).count() == SCAN_CANCEL_ROUNDS


def test_leaving_the_waiting_list_as_the_seat_frees_up_never_cancels_the_new_ticket():
    kept, left = 0, 0
    index = EventIndexPageFactory(parent=ensure_home_page())
    for _round in range(LEAVE_PROMOTE_ROUNDS):
        event = make_event(index, capacity=1)
        holder, waiting_person = UserFactory(), UserFactory()
        ticket = services.register(holder, event, accepted_terms=True)
        waiting = services.register(waiting_person, event, accepted_terms=True)
        assert waiting.status == Status.WAITING

        cancel, leave = at_once(
            [
                lambda ticket=ticket, holder=holder: services.cancel(ticket, by=holder),
                # The person still sees "waiting" on their page: the object they act on says so.
                lambda waiting=waiting, person=waiting_person: services.leave_waiting_list(waiting, by=person),
            ]
        )

        assert cancel is None, cancel
        waiting.refresh_from_db()
        if leave is None:  # the click came first: the place is gone, and the freed seat went to nobody
            assert waiting.status == Status.CANCELLED
            assert waiting.confirmed_at is None
            left += 1
        else:  # the promotion came first: the click is refused and the new ticket stays
            assert leave == "not_waiting", leave
            assert waiting.status == Status.CONFIRMED
            kept += 1
    assert kept + left == LEAVE_PROMOTE_ROUNDS
