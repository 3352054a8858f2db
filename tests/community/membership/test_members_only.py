"""`members_only` and `is_active_member`: who gets through, and where everyone else is sent."""

import pytest
from django.urls import reverse

from community.models import Member
from community.permissions import is_active_member

from .conftest import make_member, make_user
from .test_apply_and_membership_pages import sent_to_login_with_next

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.community.membership.members_only_urls")]
URL = "/members-only-test/"


def test_an_active_member_gets_through(client):
    member = make_member()
    client.force_login(member.user)

    response = client.get(URL)

    assert response.status_code == 200
    assert response.content == b"members only content"
    assert is_active_member(member.user)


def test_an_anonymous_visitor_is_sent_to_log_in_and_back(client):
    response = client.get(URL)

    assert response.status_code == 302
    assert sent_to_login_with_next(response) == URL


def test_an_unactivated_user_is_told_to_activate(client):
    client.force_login(make_user(verified=False))

    response = client.get(URL)

    assert response.status_code == 403
    assert b"members only content" not in response.content
    assert "community/membership/activate_first.html" in [t.name for t in response.templates]


def test_a_user_who_never_applied_is_sent_to_apply_with_a_message(client):
    client.force_login(make_user())

    response = client.get(URL, follow=True)

    assert response.redirect_chain[0][0] == f"{reverse('community:membership_apply')}?next=%2Fmembers-only-test%2F"
    assert len(list(response.context["messages"])) == 1


@pytest.mark.parametrize("status", [Member.Status.PENDING, Member.Status.LAPSED, Member.Status.REJECTED])
def test_an_applicant_or_former_member_is_sent_to_their_membership_page(client, status):
    member = make_member(status=status)
    client.force_login(member.user)

    response = client.get(URL)

    assert response.status_code == 302
    assert response["Location"] == reverse("community:membership")
    assert not is_active_member(member.user)


def test_is_active_member_is_false_for_anonymous_and_unactivated_users():
    from django.contrib.auth.models import AnonymousUser

    member = make_member(user=make_user(verified=False))
    assert not is_active_member(AnonymousUser())
    assert not is_active_member(member.user)
