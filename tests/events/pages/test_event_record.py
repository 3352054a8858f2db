"""The language-neutral Event: an editor sets seats and sign-up rules on the event page's edit form, every language
version (made by wagtail-localize or by Wagtail's copy for translation) shares the one Event, and a copy of a
page is a new event with its own."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Locale
from wagtail_localize.models import TranslationSource

from community.factories import UserFactory
from events.models import Event, EventPage, Registration
from tests.events.pages.conftest import add_event
from tests.polls.admin_forms import edit_form_data as page_form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(db):
    user = UserFactory(email="editor@example.com", first_name="Edith")
    user.groups.add(Group.objects.get(name="Event editors"))
    return user


def edit_form_data(page, user) -> dict:
    return {**page_form_data(page, user), "body-count": "0"}  # the test events have no body blocks


def english_locale() -> Locale:
    return Locale.objects.get_or_create(language_code="en")[0]


def test_an_editor_sets_the_events_seats_and_rules_on_the_page_form(client, editor, event_index):
    page = add_event(event_index, "Workshop", capacity=10)
    client.force_login(editor)

    form = client.get(f"/admin/pages/{page.pk}/edit/")
    assert form.status_code == 200
    assert 'name="capacity"' in form.content.decode() and 'name="waiting_list"' in form.content.decode()

    data = edit_form_data(page, editor)
    assert data["capacity"] == "10"
    data.update(capacity="25", members_only="on")
    data.pop("waiting_list", None)  # unticked
    response = client.post(f"/admin/pages/{page.pk}/edit/", data)

    assert response.status_code == 302, response.context["form"].errors if response.context else response
    event = Event.objects.get(pk=page.event_id)
    assert (event.capacity, event.members_only, event.waiting_list) == (25, True, False)


def test_the_page_form_refuses_a_sign_up_window_that_closes_before_it_opens(client, editor, event_index):
    page = add_event(event_index, "Workshop", capacity=10)
    client.force_login(editor)
    data = edit_form_data(page, editor)
    data.update(registration_opens="2030-05-02 10:00", registration_closes="2030-05-01 10:00")

    response = client.post(f"/admin/pages/{page.pk}/edit/", data)

    assert response.status_code == 200
    assert "registration_closes" in response.context["form"].errors
    assert Event.objects.get(pk=page.event_id).registration_opens is None


def test_a_preview_changes_nothing_on_the_event(client, editor, event_index):
    page = add_event(event_index, "Workshop", capacity=10)
    client.force_login(editor)
    data = edit_form_data(page, editor)
    data["capacity"] = "3"

    client.post(f"/admin/pages/{page.pk}/edit/preview/", data)

    assert Event.objects.get(pk=page.event_id).capacity == 10


def test_translating_an_event_page_with_wagtail_localize_keeps_the_same_event(event_index, english_index):
    page = add_event(event_index, "Workshop", capacity=10)
    registration = Registration.objects.create(
        event=page.event, user=UserFactory(email="x@example.com"), status="confirmed"
    )
    source, _created = TranslationSource.get_or_create_from_instance(page)

    translation, created = source.create_or_update_translation(english_locale(), fallback=True)
    assert created
    source.update_from_db()
    again, created = source.create_or_update_translation(english_locale(), fallback=True)

    assert not created
    assert translation.event_id == again.event_id == page.event_id
    assert EventPage.objects.get(pk=translation.pk).event.registrations.get() == registration
    assert Event.objects.count() == 1


def test_a_copy_of_an_event_page_is_a_new_event_with_the_same_settings(event_index):
    page = add_event(event_index, "Workshop", capacity=10, members_only=True)
    Registration.objects.create(event=page.event, user=UserFactory(email="x@example.com"), status="confirmed")

    copy = page.copy(update_attrs={"slug": "workshop-again", "title": "Workshop again"})

    copy = EventPage.objects.get(pk=copy.pk)
    assert copy.event_id != page.event_id
    assert (copy.event.capacity, copy.event.members_only) == (10, True)
    assert not copy.event.registrations.exists()
