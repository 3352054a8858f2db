"""Registration pages: what a visitor sees and may do, tampered posts, tickets' QR codes, check-in and My tickets."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from community.factories import MemberFactory, StaffFactory, UserFactory
from events import services
from events.models import Registration
from events.services import RegistrationError
from home.models import OutboxMail

pytestmark = pytest.mark.django_db


def register_url(page) -> str:
    return reverse("events:register", kwargs={"page_id": page.pk})


def test_anonymous_visitor_is_sent_to_log_in_and_back_to_the_event(client, make_event):
    event = make_event()
    response = client.post(register_url(event))
    assert response.status_code == 302
    assert response.url.startswith(reverse("community:login"))
    assert f"next={event.url}" in response.url
    assert not Registration.objects.exists()


def test_registering_shows_a_message_and_returns_to_the_event(client, make_event):
    event = make_event(capacity=3)
    user = UserFactory()
    client.force_login(user)

    response = client.post(register_url(event), follow=True)

    assert response.redirect_chain[-1][0] == event.url
    assert [m.level_tag for m in response.context["messages"]] == ["success"]
    assert Registration.objects.get(user=user).status == Registration.Status.CONFIRMED


def test_full_event_puts_the_visitor_on_the_waiting_list(client, make_event):
    event = make_event(capacity=1)
    services.register(UserFactory(), event, accepted_terms=False)
    user = UserFactory()
    client.force_login(user)

    client.post(register_url(event))

    assert Registration.objects.get(user=user).status == Registration.Status.WAITING


def test_registering_twice_shows_a_message_and_saves_nothing_more(client, make_event):
    event = make_event()
    user = UserFactory()
    client.force_login(user)
    client.post(register_url(event), follow=True)
    response = client.post(register_url(event), follow=True)
    assert response.status_code == 200
    assert Registration.objects.filter(user=user).count() == 1
    with translation.override("da"):
        expected = RegistrationError("already_registered").message
    assert [str(m) for m in response.context["messages"]] == [expected]
    assert expected in response.content.decode()


def test_unactivated_user_is_told_to_activate(client, make_event):
    event = make_event()
    client.force_login(UserFactory(verified=False))
    response = client.post(register_url(event))
    assert response.status_code == 302 and response.url == event.url
    assert not Registration.objects.exists()


def test_members_only_event_sends_a_non_member_to_the_membership_application(client, make_event):
    event = make_event(members_only=True)
    client.force_login(UserFactory())
    response = client.post(register_url(event))
    assert response.url.startswith(reverse("community:membership_apply"))
    assert not Registration.objects.exists()

    member = MemberFactory().user
    client.force_login(member)
    client.post(register_url(event))
    assert Registration.objects.filter(user=member).exists()


def test_terms_are_accepted_with_the_form(client, make_event, index):
    from events.models import RegistrationTerms

    terms = RegistrationTerms.objects.create(title="Terms", body="<p>Be kind.</p>", locale=index.locale)
    event = make_event(terms=terms)
    user = UserFactory()
    client.force_login(user)
    client.post(register_url(event))
    assert not Registration.objects.exists()
    client.post(register_url(event), {"accept_terms": "1"})
    assert Registration.objects.get(user=user).accepted_terms


@pytest.mark.parametrize("kind", ["external", "none"])
def test_events_without_sign_up_here_save_nothing(client, make_event, kind):
    event = make_event(signup_type=kind, external_signup_url="https://example.com/signup")
    client.force_login(UserFactory())
    response = client.post(register_url(event))
    assert response.status_code == 302
    assert not Registration.objects.exists()


def test_tampered_posts_give_404_or_405(client, make_event, index):
    event = make_event()
    client.force_login(UserFactory())
    assert client.post(reverse("events:register", kwargs={"page_id": 999999})).status_code == 404
    assert client.post(register_url(index)).status_code == 404  # an index page is not an event
    assert client.get(register_url(event)).status_code == 405
    assert client.post(reverse("events:cancel", kwargs={"pk": 999999})).status_code == 404
    assert client.post(reverse("events:leave_waiting", kwargs={"pk": 999999})).status_code == 404
    assert not Registration.objects.exists()


def test_a_draft_events_register_url_is_404(client, make_event):
    event = make_event()
    event.unpublish()
    client.force_login(UserFactory())
    assert client.post(register_url(event)).status_code == 404
    assert not Registration.objects.exists()


def test_registering_from_the_english_page_uses_the_shared_seats(client, english_event):
    danish, english = english_event(capacity=2)
    user = UserFactory(language="en")
    client.force_login(user)

    response = client.post(register_url(english))

    assert response.url == english.url
    registration = Registration.objects.get(user=user)
    assert registration.event_id == danish.event_id
    assert services.seats_left(danish) == services.seats_left(english) == 1


def test_holder_cancels_and_the_first_waiting_person_gets_the_seat(client, make_event):
    event = make_event(capacity=1)
    holder = UserFactory()
    ticket = services.register(holder, event, accepted_terms=False)
    waiting = services.register(UserFactory(), event, accepted_terms=False)
    client.force_login(holder)

    response = client.post(reverse("events:cancel", kwargs={"pk": ticket.pk}))

    assert response.status_code == 302
    waiting.refresh_from_db()
    assert waiting.status == Registration.Status.CONFIRMED
    assert OutboxMail.objects.filter(recipient=waiting.user.email, template="events/mail/ticket").exists()


def test_cancelling_someone_elses_ticket_is_forbidden(client, make_event):
    ticket = services.register(UserFactory(), make_event(), accepted_terms=False)
    client.force_login(UserFactory())
    assert client.post(reverse("events:cancel", kwargs={"pk": ticket.pk})).status_code == 403
    assert client.post(reverse("events:leave_waiting", kwargs={"pk": ticket.pk})).status_code == 403
    ticket.refresh_from_db()
    assert ticket.status == Registration.Status.CONFIRMED


def test_cancel_is_post_only(client, make_event):
    user = UserFactory()
    ticket = services.register(user, make_event(), accepted_terms=False)
    client.force_login(user)
    assert client.get(reverse("events:cancel", kwargs={"pk": ticket.pk})).status_code == 405


def test_holder_cannot_cancel_after_the_start_but_staff_can(client, make_event):
    event = make_event()
    holder = UserFactory()
    ticket = services.register(holder, event, accepted_terms=False)
    type(event).objects.filter(pk=event.pk).update(start=timezone.now() - datetime.timedelta(minutes=1))
    client.force_login(holder)
    client.post(reverse("events:cancel", kwargs={"pk": ticket.pk}))
    ticket.refresh_from_db()
    assert ticket.status == Registration.Status.CONFIRMED

    client.force_login(StaffFactory())
    client.post(reverse("events:cancel", kwargs={"pk": ticket.pk}))
    ticket.refresh_from_db()
    assert ticket.status == Registration.Status.CANCELLED


def test_leaving_the_waiting_list(client, make_event):
    event = make_event(capacity=1)
    services.register(UserFactory(), event, accepted_terms=False)
    user = UserFactory()
    waiting = services.register(user, event, accepted_terms=False)
    client.force_login(user)
    client.post(reverse("events:leave_waiting", kwargs={"pk": waiting.pk}))
    waiting.refresh_from_db()
    assert waiting.status == Registration.Status.CANCELLED


def test_ticket_qr_is_a_png_for_its_holder_and_staff_only(client, make_event):
    holder = UserFactory()
    ticket = services.register(holder, make_event(), accepted_terms=False)
    url = reverse("events:ticket_qr", kwargs={"pk": ticket.pk})
    assert ticket.token not in url  # addressed by id: the URL (in logs, histories) cannot check the ticket in

    assert client.get(url).status_code == 302  # anonymous: log in first
    client.force_login(UserFactory())
    assert client.get(url).status_code == 404  # another member learns nothing, not even that it exists

    client.force_login(holder)
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response.content.startswith(b"\x89PNG")
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]

    client.force_login(StaffFactory())
    assert client.get(url).content == response.content  # drawn again on request, the same code
    assert client.get(reverse("events:ticket_qr", kwargs={"pk": ticket.pk + 1000})).status_code == 404


def test_the_ticket_page_is_addressed_by_id_for_its_holder_and_staff_only(client, make_event):
    holder = UserFactory()
    ticket = services.register(holder, make_event(), accepted_terms=False)
    url = reverse("events:ticket", kwargs={"pk": ticket.pk})

    assert client.get(url).status_code == 302
    client.force_login(UserFactory())
    assert client.get(url).status_code == 404
    client.force_login(holder)
    response = client.get(url)
    assert response.status_code == 200
    assert b'data-ticket-status="confirmed"' in response.content
    assert reverse("events:ticket_qr", kwargs={"pk": ticket.pk}).encode() in response.content


def test_qr_encodes_the_checkin_url_with_the_token(make_event):
    zxingcpp = pytest.importorskip("zxingcpp")
    from io import BytesIO

    from PIL import Image

    from events import qr

    ticket = services.register(UserFactory(), make_event(), accepted_terms=False)
    [decoded] = zxingcpp.read_barcodes(Image.open(BytesIO(qr.ticket_qr_png(ticket))))
    assert decoded.text == qr.checkin_url(ticket)
    assert ticket.token in decoded.text


def test_checkin_page_shows_the_ticket_and_changes_nothing(client, make_event):
    user = UserFactory()
    ticket = services.register(user, make_event(), accepted_terms=False)
    before = Registration.objects.values().get(pk=ticket.pk)

    response = client.get(reverse("events:checkin", kwargs={"token": ticket.token}))

    assert response.status_code == 200
    assert b'data-ticket-status="confirmed"' in response.content
    assert Registration.objects.values().get(pk=ticket.pk) == before
    assert client.post(reverse("events:checkin", kwargs={"token": ticket.token})).status_code == 405


def test_a_cancelled_tickets_checkin_page_says_it_is_not_valid(client, make_event):
    user = UserFactory()
    ticket = services.register(user, make_event(), accepted_terms=False)
    services.cancel(ticket, by=user)
    response = client.get(reverse("events:checkin", kwargs={"token": ticket.token}))
    assert b'data-ticket-status="cancelled"' in response.content


@pytest.mark.parametrize("token", ["nope", "x" * 65, "a" * 5000, "%2500", "é" * 20])
def test_malformed_tokens_are_404(client, token):  # a NUL ("%00") is a 400 for every address
    assert client.get(f"/da/events/checkin/{token}/").status_code == 404
    assert client.get(f"/da/events/tickets/{token}/qr.png").status_code == 404


def test_my_tickets_lists_upcoming_waiting_and_past(client, make_event):
    user = UserFactory()
    upcoming = make_event(title="Coming meetup")
    full = make_event(title="Full meetup", capacity=1)
    services.register(UserFactory(), full, accepted_terms=False)
    services.register(user, upcoming, accepted_terms=False)
    waiting = services.register(user, full, accepted_terms=False)
    past = make_event(title="Old meetup")
    old = services.register(user, past, accepted_terms=False)
    type(past).objects.filter(pk=past.pk).update(
        start=timezone.now() - datetime.timedelta(days=3), end=timezone.now() - datetime.timedelta(days=3, hours=-2)
    )
    client.force_login(user)

    response = client.get(reverse("events:my_tickets"))

    html = response.content.decode()
    tickets = response.context["view_tickets"]
    assert [r.page.title for r in tickets["upcoming"]] == ["Coming meetup"]
    assert [r.pk for r in tickets["waiting"]] == [waiting.pk]
    assert [r.pk for r in tickets["past"]] == [old.pk]
    assert reverse("events:ticket_qr", kwargs={"pk": upcoming.event.registrations.get().pk}) in html
    assert reverse("events:leave_waiting", kwargs={"pk": waiting.pk}) in html
    assert "csrfmiddlewaretoken" in html


def test_my_tickets_is_on_my_page(client, make_event):
    user = UserFactory()
    event = make_event(title="Dashboard meetup")
    services.register(user, event, accepted_terms=False)
    client.force_login(user)
    response = client.get(reverse("community:dashboard"))
    assert 'id="dashboard-tickets"' in response.content.decode()
    assert "Dashboard meetup" in response.content.decode()


def test_my_tickets_needs_log_in(client):
    assert client.get(reverse("events:my_tickets")).status_code == 302


def _count_queries(client, url) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize("url_name", ["events:my_tickets", "community:dashboard"])
def test_my_tickets_query_count_does_not_grow_with_tickets(client, make_event, url_name):
    user = UserFactory()
    client.force_login(user)
    events = [make_event() for _ in range(30)]
    for event in events[:3]:
        services.register(user, event, accepted_terms=False)
    client.get(reverse(url_name))  # the first request of a site makes its settings row; count from the second
    few = _count_queries(client, reverse(url_name))
    for event in events[3:]:
        services.register(user, event, accepted_terms=False)
    many = _count_queries(client, reverse(url_name))
    assert many == few


def test_a_reused_cancel_form_says_it_is_already_cancelled(client, make_event):
    user = UserFactory()
    ticket = services.register(user, make_event(), accepted_terms=False)
    client.force_login(user)
    client.post(reverse("events:cancel", kwargs={"pk": ticket.pk}), follow=True)

    response = client.post(reverse("events:cancel", kwargs={"pk": ticket.pk}), follow=True)

    assert response.status_code == 200
    assert [m.level_tag for m in response.context["messages"]] == ["error"]
    assert OutboxMail.objects.filter(template="events/mail/cancelled").count() == 1


def test_my_tickets_in_english_links_the_english_page(client, english_event):
    danish, english = english_event()
    user = UserFactory(language="en")
    services.register(user, danish, accepted_terms=False)
    client.force_login(user)

    with translation.override("en"):
        url = reverse("events:my_tickets")
    response = client.get(url)

    [registration] = response.context["view_tickets"]["upcoming"]
    assert registration.page.pk == english.pk
    assert f'href="{english.url}"' in response.content.decode()


# Measured on PostgreSQL: registering for a members' event is 11 queries: the session, the user, the event page,
# the membership, "registered already?", then under the seat lock (a savepoint here, its own transaction over
# HTTP) the locked event row, the count of tickets, the registration and its mail in the outbox. The mail is
# rendered and sent by a worker after the commit, not in the request.
REGISTER_QUERIES = 11


@pytest.mark.parametrize("full", [False, True], ids=["ticket", "waiting list"])
def test_registering_stays_within_its_query_bound(client, make_event, django_assert_max_num_queries, full):
    event = make_event(capacity=1, members_only=True, waiting_list=True)
    if full:
        services.register(MemberFactory().user, event, accepted_terms=False)
    member = MemberFactory().user
    client.force_login(member)
    client.get(event.url)  # the site's settings row and the cached site root paths are not the registration's

    with django_assert_max_num_queries(REGISTER_QUERIES):
        response = client.post(register_url(event))

    assert response.status_code == 302
    expected = Registration.Status.WAITING if full else Registration.Status.CONFIRMED
    assert Registration.objects.get(user=member).status == expected
    assert OutboxMail.objects.filter(recipient=member.email).count() == 1
