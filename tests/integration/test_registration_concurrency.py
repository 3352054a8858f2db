"""On PostgreSQL: many people registering for the last seats at once never oversell, and promotion is exact."""

import pytest

from community.factories import UserFactory
from events import services
from events.factories import EventIndexPageFactory, EventPageFactory
from events.models import EventPage, Registration
from home.models import OutboxMail
from tests.home.tree import ensure_home_page
from tests.integration.threads import at_once

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]

PEOPLE = 50
SEATS = 10


@pytest.fixture(autouse=True)
def no_broker(monkeypatch):
    # The mails are only counted in the outbox here; sending them is another test's business.
    monkeypatch.setattr("home.mail.enqueue_sending", lambda outbox_id: None)


def make_event(**fields) -> EventPage:
    return EventPageFactory(parent=EventIndexPageFactory(parent=ensure_home_page()), **fields)


def test_fifty_people_for_ten_seats_get_ten_tickets_and_forty_waiting_places():
    event = make_event(capacity=SEATS)
    users = [UserFactory() for _ in range(PEOPLE)]

    def register(user):
        return lambda: services.register(user, EventPage.objects.get(pk=event.pk), accepted_terms=False).status

    outcomes = at_once([register(user) for user in users])

    assert sorted(outcomes) == ["confirmed"] * SEATS + ["waiting"] * (PEOPLE - SEATS)
    assert Registration.objects.confirmed().filter(event=event.event).count() == SEATS
    assert Registration.objects.waiting().filter(event=event.event).count() == PEOPLE - SEATS
    assert OutboxMail.objects.filter(template="events/mail/ticket").count() == SEATS
    assert OutboxMail.objects.filter(template="events/mail/waiting").count() == PEOPLE - SEATS

    earliest_waiting = Registration.objects.waiting().filter(event=event.event).first()
    ticket = Registration.objects.confirmed().filter(event=event.event).first()
    services.cancel(ticket, by=ticket.user)

    assert Registration.objects.confirmed().filter(event=event.event).count() == SEATS
    assert Registration.objects.waiting().filter(event=event.event).count() == PEOPLE - SEATS - 1
    earliest_waiting.refresh_from_db()
    assert earliest_waiting.status == Registration.Status.CONFIRMED
    assert OutboxMail.objects.filter(template="events/mail/ticket", context__promoted=True).count() == 1


def test_cancellations_at_once_promote_one_waiting_person_each():
    event = make_event(capacity=3)
    holders = [UserFactory() for _ in range(3)]
    tickets = [services.register(user, event, accepted_terms=False) for user in holders]
    waiting = [services.register(UserFactory(), event, accepted_terms=False) for _ in range(5)]

    def cancel(ticket):
        return lambda: services.cancel(Registration.objects.get(pk=ticket.pk), by=ticket.user) or "cancelled"

    assert at_once([cancel(ticket) for ticket in tickets]) == ["cancelled"] * 3

    assert Registration.objects.confirmed().filter(event=event.event).count() == 3
    promoted = set(Registration.objects.confirmed().filter(event=event.event).values_list("pk", flat=True))
    assert promoted == {registration.pk for registration in waiting[:3]}


def test_one_person_submitting_five_times_at_once_gets_one_ticket():
    event = make_event(capacity=SEATS)
    user = UserFactory()

    outcomes = at_once(
        [
            lambda: services.register(user, EventPage.objects.get(pk=event.pk), accepted_terms=False).status
            for _ in range(5)
        ]
    )

    assert sorted(outcomes) == ["already_registered"] * 4 + ["confirmed"]
    assert Registration.objects.filter(user=user).count() == 1
    assert OutboxMail.objects.filter(recipient=user.email, template="events/mail/ticket").count() == 1
