"""Logged-in people without admin access are refused the admin with a plain 403."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.fixture
def member(client):
    user = get_user_model().objects.create_user(
        "member@example.com", "pw-123456789", first_name="Mona", last_name="Member", is_verified=True
    )
    client.force_login(user)
    return user


@pytest.mark.parametrize("url_name", ["wagtailadmin_home", "wagtailadmin_explore_root", "wagtailusers_users:index"])
def test_a_logged_in_member_gets_403_for_admin_pages(client, member, url_name):
    response = client.get(reverse(url_name))
    assert response.status_code == 403
    assert "Adgang nægtet" in response.content.decode() or "Access denied" in response.content.decode()


def test_a_logged_in_member_can_still_open_the_admin_login_to_switch_account(client, member):
    assert client.get(reverse("wagtailadmin_login")).status_code == 200


def test_anonymous_visitors_are_sent_to_the_admin_login(client):
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 302
    assert reverse("wagtailadmin_login") in response["Location"]


def test_editors_still_open_the_admin(client):
    user = get_user_model().objects.create_superuser("boss@example.com", "pw-123456789", first_name="B", last_name="B")
    client.force_login(user)
    assert client.get(reverse("wagtailadmin_home")).status_code == 200
