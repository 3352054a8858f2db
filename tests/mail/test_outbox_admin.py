"""The outbox in the Wagtail admin: staff can see what was sent and what is owed, and cannot edit a row."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils import timezone

from home.models import OutboxMail

pytestmark = pytest.mark.django_db

LIST_URL = "wagtailsnippets_home_outboxmail:list"


@pytest.fixture
def outbox():
    now = timezone.now()
    return {
        "sent": OutboxMail.objects.create(
            recipient="sent@example.com", template="home/mail/test_mail", language="da", sent_at=now, attempts=1
        ),
        "owed": OutboxMail.objects.create(
            recipient="owed@example.com",
            template="home/mail/test_mail",
            language="en",
            attempts=3,
            last_error="SMTPServerDisconnected: Connection unexpectedly closed",
        ),
    }


@pytest.fixture
def admin_client(client, django_user_model):
    admin = django_user_model.objects.create_superuser(email="admin@example.com", password="pw", first_name="A")
    client.force_login(admin)
    return client


def test_admin_lists_sent_and_owed_mail(admin_client, outbox):
    response = admin_client.get(reverse(LIST_URL))
    assert response.status_code == 200
    assert "sent@example.com" in response.text
    assert "owed@example.com" in response.text
    assert "SMTPServerDisconnected" in response.text


@pytest.mark.parametrize(("state", "shown", "hidden"), [("owed", "owed@", "sent@"), ("sent", "sent@", "owed@")])
def test_admin_filters_the_outbox_by_state(admin_client, outbox, state, shown, hidden):
    response = admin_client.get(reverse(LIST_URL), {"state": state})
    assert response.status_code == 200
    assert shown in response.text
    assert hidden not in response.text


def test_even_a_superuser_cannot_add_edit_or_delete_outbox_rows(admin_client, outbox):
    row = outbox["owed"]
    assert admin_client.get(reverse("wagtailsnippets_home_outboxmail:add")).status_code in {302, 403}
    assert admin_client.get(reverse("wagtailsnippets_home_outboxmail:edit", args=[row.pk])).status_code in {302, 403}
    response = admin_client.post(reverse("wagtailsnippets_home_outboxmail:delete", args=[row.pk]))
    assert response.status_code in {302, 403}
    assert OutboxMail.objects.filter(pk=row.pk).exists()
    inspect = admin_client.get(reverse("wagtailsnippets_home_outboxmail:inspect", args=[row.pk]))
    assert inspect.status_code == 200
    assert "owed@example.com" in inspect.text


def test_staff_with_the_view_permission_see_the_outbox_and_others_do_not(client, django_user_model, outbox):
    editor = django_user_model.objects.create_user(email="editor@example.com", password="pw", is_staff=True)
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    assert client.get(reverse(LIST_URL)).status_code in {302, 403}

    group = Group.objects.create(name="Mail readers")
    group.permissions.add(Permission.objects.get(codename="view_outboxmail"))
    editor.groups.add(group)
    editor = django_user_model.objects.get(pk=editor.pk)  # fresh permission cache
    client.force_login(editor)
    response = client.get(reverse(LIST_URL))
    assert response.status_code == 200
    assert "owed@example.com" in response.text
