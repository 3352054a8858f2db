"""Registration rules: tickets, the waiting list, cancelling and promotion, and every refusal saving nothing."""

import datetime

import pytest
from django.utils import timezone

from community.factories import MemberFactory, StaffFactory, UserFactory
from events import services
from events.models import Registration, RegistrationTerms
from events.services import RegistrationError
from home.models import OutboxMail

pytestmark = pytest.mark.django_db


def mails(template: str) -> list[OutboxMail]:
    return list(OutboxMail.objects.filter(template=f"events/mail/{template}").order_by("pk"))


def refused(code: str, user, event, **kwargs) -> None:
    with pytest.raises(RegistrationError) as caught:
        services.register(user, event, accepted_terms=kwargs.get("accepted_terms", False))
    assert caught.value.code == code
    assert not Registration.objects.filter(user=user).exists()
    assert not OutboxMail.objects.filter(template__startswith="events/").exists()


def test_registering_gives_a_ticket_and_queues_the_ticket_mail(make_event):
    event = make_event(capacity=5)
    user = UserFactory(language="en")

    registration = services.register(user, event, accepted_terms=False)

    assert registration.status == Registration.Status.CONFIRMED
    assert registration.confirmed_at is not None
    assert registration.event_id == event.event_id
    [mail] = mails("ticket")
    assert mail.recipient == user.email
    assert mail.language == "en"
    assert mail.context == {"registration_id": registration.pk}
    assert services.seats_left(event) == 4


def test_registering_twice_is_refused(make_event):
    event = make_event()
    user = UserFactory()
    services.register(user, event, accepted_terms=False)

    with pytest.raises(RegistrationError) as caught:
        services.register(user, event, accepted_terms=False)

    assert caught.value.code == "already_registered"
    assert Registration.objects.filter(user=user).count() == 1


def test_a_full_event_puts_people_on_the_waiting_list(make_event):
    event = make_event(capacity=1)
    services.register(UserFactory(), event, accepted_terms=False)

    waiting = services.register(UserFactory(), event, accepted_terms=False)

    assert waiting.status == Registration.Status.WAITING
    assert len(mails("waiting")) == 1
    assert services.seats_left(event) == 0
    assert services.event_counts(event) == {"registered": 1, "capacity": 1, "waiting": 1, "checked_in": 0}


def test_unlimited_capacity_has_no_seat_count(make_event):
    event = make_event(capacity=None)
    for _ in range(3):
        assert services.register(UserFactory(), event, accepted_terms=False).status == Registration.Status.CONFIRMED
    assert services.seats_left(event) is None


def test_cancelling_a_ticket_promotes_exactly_the_first_waiting_entry_and_mails_it(make_event):
    event = make_event(capacity=1)
    holder = UserFactory()
    ticket = services.register(holder, event, accepted_terms=False)
    first = services.register(UserFactory(), event, accepted_terms=False)
    second = services.register(UserFactory(), event, accepted_terms=False)

    services.cancel(ticket, by=holder)

    ticket.refresh_from_db()
    first.refresh_from_db()
    second.refresh_from_db()
    assert ticket.status == Registration.Status.CANCELLED
    assert ticket.cancelled_by == holder and ticket.cancelled_at is not None
    assert first.status == Registration.Status.CONFIRMED
    assert second.status == Registration.Status.WAITING
    assert [m.recipient for m in mails("cancelled")] == [holder.email]
    promoted = [m for m in mails("ticket") if m.context.get("promoted")]
    assert [(m.recipient, m.context) for m in promoted] == [
        (first.user.email, {"registration_id": first.pk, "promoted": True})
    ]


def test_leaving_the_waiting_list_promotes_nobody(make_event):
    event = make_event(capacity=1)
    services.register(UserFactory(), event, accepted_terms=False)
    user = UserFactory()
    waiting = services.register(user, event, accepted_terms=False)
    later = services.register(UserFactory(), event, accepted_terms=False)

    services.leave_waiting_list(waiting, by=user)

    later.refresh_from_db()
    assert waiting.status == Registration.Status.CANCELLED
    assert later.status == Registration.Status.WAITING
    assert services.event_counts(event)["waiting"] == 1


def test_leaving_a_waiting_place_that_was_promoted_meanwhile_keeps_the_new_ticket(make_event):
    event = make_event(capacity=1)
    holder = UserFactory()
    ticket = services.register(holder, event, accepted_terms=False)
    user = UserFactory()
    waiting = services.register(user, event, accepted_terms=False)
    services.cancel(ticket, by=holder)  # the seat goes to `user`, whose page still said "waiting"

    with pytest.raises(RegistrationError) as caught:
        services.leave_waiting_list(waiting, by=user)

    assert caught.value.code == "not_waiting"
    waiting.refresh_from_db()
    assert waiting.status == Registration.Status.CONFIRMED
    assert [mail.context for mail in mails("cancelled") if mail.recipient == user.email] == []


def test_someone_else_cannot_cancel_a_ticket(make_event):
    ticket = services.register(UserFactory(), make_event(), accepted_terms=False)
    with pytest.raises(RegistrationError) as caught:
        services.cancel(ticket, by=UserFactory())
    assert caught.value.code == "not_allowed"
    ticket.refresh_from_db()
    assert ticket.status == Registration.Status.CONFIRMED


def test_the_holder_cannot_cancel_after_the_start_but_staff_can(make_event):
    event = make_event()
    holder = UserFactory()
    ticket = services.register(holder, event, accepted_terms=False)
    type(event).objects.filter(pk=event.pk).update(start=timezone.now() - datetime.timedelta(minutes=5))
    ticket = Registration.objects.get(pk=ticket.pk)

    with pytest.raises(RegistrationError) as caught:
        services.cancel(ticket, by=holder)
    assert caught.value.code == "started"

    services.cancel(ticket, by=StaffFactory())
    ticket.refresh_from_db()
    assert ticket.status == Registration.Status.CANCELLED


def test_cancelling_twice_is_refused(make_event):
    user = UserFactory()
    ticket = services.register(user, make_event(), accepted_terms=False)
    services.cancel(ticket, by=user)
    with pytest.raises(RegistrationError) as caught:
        services.cancel(ticket, by=user)
    assert caught.value.code == "not_active"
    assert len(mails("cancelled")) == 1


def test_a_cancelled_person_may_register_again(make_event):
    event = make_event()
    user = UserFactory()
    services.cancel(services.register(user, event, accepted_terms=False), by=user)
    again = services.register(user, event, accepted_terms=False)
    assert again.status == Registration.Status.CONFIRMED


def test_external_sign_up_is_refused(make_event):
    refused(
        "not_on_site", UserFactory(), make_event(signup_type="external", external_signup_url="https://example.com")
    )


def test_no_sign_up_is_refused(make_event):
    refused("not_on_site", UserFactory(), make_event(signup_type="none"))


def test_a_closed_registration_window_is_refused(make_event):
    refused("closed", UserFactory(), make_event(registration_closes=timezone.now() - datetime.timedelta(hours=1)))


def test_registration_not_yet_open_is_refused(make_event):
    refused("not_open", UserFactory(), make_event(registration_opens=timezone.now() + datetime.timedelta(days=1)))


def test_a_past_event_is_refused(make_event):
    start = timezone.now() - datetime.timedelta(days=2)
    refused("past", UserFactory(), make_event(start=start))


def test_a_draft_event_is_refused(make_event):
    event = make_event()
    event.unpublish()
    event.refresh_from_db()
    refused("not_live", UserFactory(), event)


def test_an_unactivated_user_is_refused(make_event):
    refused("not_verified", UserFactory(verified=False), make_event())


def test_members_only_needs_an_active_membership(make_event):
    event = make_event(members_only=True)
    refused("members_only", UserFactory(), event)
    refused("members_only", MemberFactory(status="pending").user, event)
    member = MemberFactory().user
    assert services.register(member, event, accepted_terms=False).status == Registration.Status.CONFIRMED


def test_terms_must_be_accepted_when_the_event_has_them(make_event, index):
    terms = RegistrationTerms.objects.create(title="Photo policy", body="<p>We take photos.</p>", locale=index.locale)
    event = make_event(terms=terms)
    user = UserFactory()
    refused("terms_required", user, event)

    registration = services.register(user, event, accepted_terms=True)
    assert registration.accepted_terms is True


def test_english_and_danish_versions_share_the_seats(english_event):
    danish, english = english_event(capacity=2)

    registration = services.register(UserFactory(language="en"), english, accepted_terms=False)

    assert registration.event_id == danish.event_id
    assert services.seats_left(english) == services.seats_left(danish) == 1
    services.register(UserFactory(), danish, accepted_terms=False)
    assert services.register(UserFactory(), english, accepted_terms=False).status == Registration.Status.WAITING
    assert services.event_counts(english) == services.event_counts(danish)


def test_registering_from_the_english_page_twice_after_the_danish_is_refused(english_event):
    danish, english = english_event()
    user = UserFactory()
    services.register(user, danish, accepted_terms=False)
    with pytest.raises(RegistrationError) as caught:
        services.register(user, english, accepted_terms=False)
    assert caught.value.code == "already_registered"


def test_event_counts_take_one_query(make_event, django_assert_num_queries):
    event = make_event(capacity=10)
    for _ in range(3):
        services.register(UserFactory(), event, accepted_terms=False)
    with django_assert_num_queries(1):
        assert services.event_counts(event) == {"registered": 3, "capacity": 10, "waiting": 0, "checked_in": 0}


def test_the_counts_of_one_event_agree_with_the_counts_of_every_event(make_event):
    # counts_of writes with_counts' definition out in SQL for the door's sake; the two must never drift apart.
    from events.models import Event

    event, empty, unlimited = make_event(capacity=2), make_event(capacity=5), make_event(capacity=None)
    event.event.waiting_list = True
    event.event.save()
    volunteer = StaffFactory(permissions=["events.view_registrations"])
    tickets = [services.register(UserFactory(), event, accepted_terms=False) for _ in range(4)]
    services.check_in(tickets[0].token, event, volunteer)
    services.cancel(tickets[3], by=tickets[3].user)  # a waiting place cancelled
    services.register(UserFactory(), unlimited, accepted_terms=False)

    for page in (event, empty, unlimited):
        counted = Event.objects.with_counts().values("registered", "waiting", "checked_in", "capacity")
        assert Event.objects.counts_of(page.event_id) == counted.get(pk=page.event_id)
    assert Event.objects.counts_of(event.event_id) == {"registered": 2, "waiting": 1, "checked_in": 1, "capacity": 2}
    with pytest.raises(Event.DoesNotExist):
        Event.objects.counts_of(999_999)
