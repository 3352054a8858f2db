"""Nothing is lost by deleting pages: an editor deleting the last page of an event with tickets is refused and told
why; deleting one language version keeps the event, its tickets and its check-ins; unpublishing keeps the tickets
and says so; cancelling the event tells everyone holding a place, once."""

import pytest
from django.contrib.auth.models import Group
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone

from community.factories import UserFactory
from events import services
from events.models import CheckIn, Event, EventPage, Registration
from home.mail import render_mail
from home.models import OutboxMail
from tests.events.pages.conftest import add_event, register, translate_event

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(db):
    # Event editors add and publish pages; Wagtail lets them delete the pages they own.
    user = UserFactory(email="editor@example.com")
    user.groups.add(Group.objects.get(name="Event editors"))
    return user


def event_with_people(index, editor, **fields) -> EventPage:
    page = add_event(index, "Workshop", capacity=2, owner=editor, **fields)
    first = register(page, UserFactory(email="one@example.com"))
    register(page, UserFactory(email="two@example.com"))
    register(page, UserFactory(email="waiting@example.com"), status=Registration.Status.WAITING)
    Registration.objects.filter(pk=first.pk).update(checked_in_at=timezone.now())
    CheckIn.objects.create(event=page.event, registration=first, result="checked_in", scanned_at=timezone.now())
    return page


def held(event: Event) -> tuple:
    return (
        sorted(event.registrations.values_list("user__email", "status")),
        event.checkins.count(),
    )


def said(response) -> str:
    return " ".join(str(message) for message in get_messages(response.wsgi_request))


def test_deleting_the_last_page_of_an_event_with_registrations_is_refused_and_nothing_is_lost(
    client, editor, event_index
):
    page = event_with_people(event_index, editor)
    before = held(page.event)
    client.force_login(editor)

    response = client.post(f"/admin/pages/{page.pk}/delete/")

    assert response.status_code == 302
    assert EventPage.objects.filter(pk=page.pk).exists()
    assert held(Event.objects.get(pk=page.event_id)) == before
    assert "dets sidste side kan ikke slettes" in said(response)  # the editor reads the admin in Danish
    assert "Afpublicér siden i stedet" in said(response)


def test_deleting_the_danish_version_keeps_the_event_and_the_english_page_counts_the_same_seats(
    client, editor, event_index, english_index
):
    danish = event_with_people(event_index, editor)
    english = translate_event(danish, title="Workshop in English")
    before = held(danish.event)
    client.force_login(editor)

    response = client.post(f"/admin/pages/{danish.pk}/delete/")

    assert response.status_code == 302
    assert not EventPage.objects.filter(pk=danish.pk).exists()
    event = Event.objects.get(pk=english.event_id)
    assert held(event) == before
    page = client.get(english.url).content.decode()
    assert "The event is full." in page  # two tickets for two seats: nothing offered again

    # Now it is the last page: refused.
    EventPage.objects.filter(pk=english.pk).update(owner=editor)
    response = client.post(f"/admin/pages/{english.pk}/delete/")
    assert EventPage.objects.filter(pk=english.pk).exists()
    assert "dets sidste side kan ikke slettes" in said(response)  # the editor reads the admin in Danish


def test_the_events_index_cannot_be_deleted_with_an_event_that_has_registrations(client, editor, event_index):
    event_with_people(event_index, editor)
    event_index.owner = editor
    event_index.save()
    client.force_login(editor)

    client.post(f"/admin/pages/{event_index.pk}/delete/")

    assert EventPage.objects.exists()


def test_an_event_without_registrations_can_be_deleted(client, editor, event_index):
    page = add_event(event_index, "Empty", owner=editor)
    client.force_login(editor)

    response = client.post(f"/admin/pages/{page.pk}/delete/")

    assert response.status_code == 302
    assert not EventPage.objects.filter(pk=page.pk).exists()


def test_unpublishing_keeps_the_tickets_and_says_so(client, editor, event_index):
    page = event_with_people(event_index, editor)
    before = held(page.event)
    client.force_login(editor)

    response = client.post(f"/admin/pages/{page.pk}/unpublish/")

    assert response.status_code == 302
    assert not EventPage.objects.get(pk=page.pk).live
    assert held(Event.objects.get(pk=page.event_id)) == before
    assert "billetter og venteliste bevares" in said(response)


def test_an_editor_cancels_an_event_once_and_everyone_holding_a_place_is_told_in_their_language(
    client, editor, event_index, english_index
):
    danish = add_event(event_index, "Workshop", capacity=1, owner=editor)
    english = translate_event(danish, title="Workshop in English")
    services.register(UserFactory(email="da@example.com", language="da"), danish, accepted_terms=True)
    services.register(UserFactory(email="en@example.com", language="en"), english, accepted_terms=True)  # waiting
    cancel_url = reverse("events_admin:cancel_event", args=[danish.event_id])
    client.force_login(editor)

    assert client.get(cancel_url).status_code == 200
    client.post(cancel_url)
    again = client.post(cancel_url)

    assert "aflyst" in said(again)  # "This event is cancelled." in the editor's Danish
    mails = OutboxMail.objects.filter(template="events/mail/event_cancelled").order_by("recipient")
    assert [(mail.recipient, mail.language) for mail in mails] == [("da@example.com", "da"), ("en@example.com", "en")]
    assert [render_mail(mail).subject for mail in mails] == ["Workshop er aflyst", "Workshop in English is cancelled"]
    event = Event.objects.get(pk=danish.event_id)
    assert event.cancelled_at is not None
    assert set(event.registrations.values_list("status", flat=True)) == {Registration.Status.CANCELLED}
    assert "Arrangementet er aflyst." in client.get(danish.url).content.decode()
    assert "This event is cancelled." in client.get(english.url).content.decode()
    with pytest.raises(services.RegistrationError) as refused:
        services.register(UserFactory(email="late@example.com"), english, accepted_terms=True)
    assert refused.value.code == "event_cancelled"
