"""The member's own pages through the test client: apply, see the membership, edit the profile, renew."""

from datetime import date, timedelta
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from django.urls import reverse
from django.utils import timezone

from community.factories import MemberFactory, UserFactory
from community.models import Member

pytestmark = pytest.mark.django_db

APPLICATION = {
    "street": "Nørrebrogade 10",
    "postal_code": "2200",
    "city": "København N",
    "job_title": "Data engineer",
    "accept_statutes": "on",
}


def sent_to_login_with_next(response) -> str:
    """The `next` of a redirect to the log-in page."""
    location = urlsplit(response["Location"])
    assert location.path == reverse("community:login")
    return parse_qs(location.query)["next"][0]


def apply_url() -> str:
    return reverse("community:membership_apply")


def test_an_activated_user_applies_sees_pending_and_gets_one_mail(client, sent):
    user = UserFactory(language="en")
    client.force_login(user)

    response, mails = sent(lambda: client.post(apply_url(), APPLICATION, follow=True))

    assert response.redirect_chain[-1][0] == reverse("community:membership")
    member = Member.objects.get(user=user)
    assert member.status == Member.Status.PENDING
    assert member.job_title == "Data engineer"
    assert "Pending" in response.content.decode() or "Afventer" in response.content.decode()
    assert len(mails) == 1


def test_applying_twice_says_so_and_makes_no_second_row(client, sent):
    user = UserFactory()
    client.force_login(user)
    client.post(apply_url(), APPLICATION, follow=True)

    response, mails = sent(lambda: client.post(apply_url(), APPLICATION, follow=True))

    assert Member.objects.filter(user=user).count() == 1
    assert mails == []
    messages = [str(m) for m in response.context["messages"]]
    assert len(messages) == 1 and messages[0]  # the "already applied" message, in either language
    assert response.redirect_chain[-1][0] == reverse("community:membership")


def test_anonymous_visitors_are_sent_to_log_in_and_back(client):
    response = client.get(apply_url())

    assert response.status_code == 302
    assert sent_to_login_with_next(response) == apply_url()
    assert not Member.objects.exists()


def test_an_unactivated_user_is_told_to_activate_and_cannot_apply(client):
    client.force_login(UserFactory(verified=False))

    shown = client.get(apply_url())
    posted = client.post(apply_url(), APPLICATION)

    assert shown.status_code == posted.status_code == 403
    assert "community/membership/activate_first.html" in [t.name for t in shown.templates]
    assert not Member.objects.exists()


def test_the_statutes_must_be_accepted(client):
    client.force_login(UserFactory())

    response = client.post(apply_url(), {**APPLICATION, "accept_statutes": ""})

    assert response.status_code == 200
    assert response.context["form"].errors["accept_statutes"]
    assert not Member.objects.exists()


@pytest.mark.parametrize(
    ("postal_code", "abroad", "accepted"),
    [("2200", "", True), ("220", "", False), ("SW1A 1AA", "", False), ("SW1A 1AA", "on", True), ("=cmd", "on", False)],
)
def test_a_postal_code_is_four_digits_unless_the_address_is_abroad(client, postal_code, abroad, accepted):
    client.force_login(UserFactory())

    client.post(apply_url(), {**APPLICATION, "postal_code": postal_code, "abroad": abroad})

    assert Member.objects.exists() is accepted


def test_the_membership_page_shows_status_and_end_date_and_offers_renewal_only_when_due(client):
    member = MemberFactory(expires_on=timezone.localdate() + timedelta(days=200))
    client.force_login(member.user)

    page = client.get(reverse("community:membership"))
    assert page.context["renewal_due"] is False
    assert reverse("community:membership_renew") not in page.content.decode()

    Member.objects.filter(pk=member.pk).update(status=Member.Status.LAPSED, expires_on=date(2020, 12, 31))
    page = client.get(reverse("community:membership"))
    assert page.context["renewal_due"] is True
    assert reverse("community:membership_renew") in page.content.decode()


def test_a_lapsed_member_renews_from_the_renew_page(client):
    member = MemberFactory(status=Member.Status.LAPSED, expires_on=date(2020, 12, 31))
    client.force_login(member.user)

    assert client.get(reverse("community:membership_renew")).status_code == 200
    client.post(reverse("community:membership_renew"))

    member.refresh_from_db()
    assert member.status == Member.Status.ACTIVE
    assert member.expires_on >= timezone.localdate()


def test_a_pending_applicant_cannot_renew(client):
    member = MemberFactory(status=Member.Status.PENDING)
    client.force_login(member.user)

    client.post(reverse("community:membership_renew"))

    member.refresh_from_db()
    assert member.status == Member.Status.PENDING


def test_the_consent_links_to_the_statutes_when_their_address_is_set(client, settings):
    client.force_login(UserFactory())
    settings.MEMBERSHIP_STATUTES_URL = "https://example.org/vedtaegter/"

    page = client.get(apply_url()).content.decode()

    assert 'href="https://example.org/vedtaegter/"' in page


def test_an_application_sent_from_an_event_goes_back_to_the_event(client, sent):
    """A visitor sent from a members-only event applies and lands on that event again, the form carrying `next`."""
    client.force_login(UserFactory())
    event_path = "/da/arrangementer/hackathon/"

    form = client.get(apply_url(), {"next": event_path})
    response, mails = sent(lambda: client.post(f"{apply_url()}?next={event_path}", APPLICATION))

    assert f'<input type="hidden" name="next" value="{event_path}">' in form.content.decode()
    assert response.status_code == 302
    assert response["Location"] == event_path
    assert Member.objects.filter(status=Member.Status.PENDING).count() == 1
    assert len(mails) == 1


def test_the_next_of_the_form_field_is_honoured_too(client):
    client.force_login(UserFactory())

    response = client.post(apply_url(), {**APPLICATION, "next": "/en/events/meetup/"})

    assert response["Location"] == "/en/events/meetup/"


@pytest.mark.parametrize(
    "next_url",
    [
        "https://evil.example/phish",
        "//evil.example/",
        "javascript:alert(1)",
        "http://testserver\\@evil.example/",
        # Not a path: redirect() would take these for a view's name (a 500, or a page nobody asked for).
        "1e400",
        "community:membership_renew",
    ],
)
def test_a_next_off_this_site_is_ignored_for_the_membership_page(client, next_url):
    client.force_login(UserFactory())

    form = client.get(apply_url(), {"next": next_url})
    response = client.post(f"{apply_url()}?{urlencode({'next': next_url})}", APPLICATION)

    assert 'name="next"' not in form.content.decode()
    assert response["Location"] == reverse("community:membership")
    assert Member.objects.count() == 1


def test_someone_who_already_applied_is_sent_on_to_the_next_page(client):
    member = MemberFactory(status=Member.Status.PENDING)
    client.force_login(member.user)

    response = client.get(apply_url(), {"next": "/da/arrangementer/hackathon/"})

    assert response["Location"] == "/da/arrangementer/hackathon/"
