"""The "Membership" admin: list, CSV exports, approve/reject in bulk, and who may open each."""

import csv
import io

import pytest
from django.urls import reverse

from community.factories import MemberFactory, StaffFactory, UserFactory
from community.models import Member

pytestmark = pytest.mark.django_db

MANAGERS = "Membership managers"


def bulk_url(action: str, *members: Member) -> str:
    ids = "&".join(f"id={m.pk}" for m in members)
    url = reverse("wagtail_bulk_action", args=("community", "member", action))
    return f"{url}?{ids}&next={reverse('wagtailsnippets_community_member:list')}"


def list_url(**query) -> str:
    base = reverse("wagtailsnippets_community_member:list")
    return base + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def rows_of(response) -> list[list[str]]:
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))


def test_a_membership_manager_sees_the_list_filters_and_searches(client):
    client.force_login(StaffFactory(groups=[MANAGERS]))
    MemberFactory(
        user=UserFactory(first_name="Ada", last_name="Lovelace"), status=Member.Status.PENDING, city="Aarhus C"
    )
    MemberFactory(user=UserFactory(first_name="Grace", last_name="Hopper"), city="Odense")

    everyone = client.get(list_url())
    pending = client.get(list_url(status="pending"))
    searched = client.get(list_url(q="odense"))

    assert everyone.status_code == 200
    assert "Ada Lovelace" in everyone.content.decode() and "Grace Hopper" in everyone.content.decode()
    assert "Ada Lovelace" in pending.content.decode() and "Grace Hopper" not in pending.content.decode()
    assert "Grace Hopper" in searched.content.decode() and "Ada Lovelace" not in searched.content.decode()


def test_bulk_approve_activates_each_pending_member_and_sends_exactly_one_welcome_mail_each(client, sent):
    client.force_login(StaffFactory(groups=[MANAGERS]))
    first = MemberFactory(status=Member.Status.PENDING)
    second = MemberFactory(status=Member.Status.PENDING)
    already = MemberFactory(status=Member.Status.ACTIVE)

    assert client.get(bulk_url("approve", first, second)).status_code == 200
    response, mails = sent(lambda: client.post(bulk_url("approve", first, second, already)))

    assert response.status_code == 302
    statuses = dict(Member.objects.values_list("pk", "status"))
    assert statuses == {first.pk: "active", second.pk: "active", already.pk: "active"}
    assert sorted(m.to[0] for m in mails) == sorted([first.user.email, second.user.email])


def test_bulk_reject_rejects_and_mails_the_applicants(client, sent):
    client.force_login(StaffFactory(groups=[MANAGERS]))
    applicant = MemberFactory(status=Member.Status.PENDING)

    _, mails = sent(lambda: client.post(bulk_url("reject", applicant)))

    applicant.refresh_from_db()
    assert applicant.status == Member.Status.REJECTED
    assert [m.to for m in mails] == [[applicant.user.email]]


def test_the_member_export_is_a_csv_of_the_register(client):
    client.force_login(StaffFactory(groups=[MANAGERS]))
    MemberFactory(user=UserFactory(first_name="Ada", last_name="Lovelace", email="ada@example.com"), city="Aarhus C")

    response = client.get(list_url(export="csv"))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    header, *rows = rows_of(response)
    assert len(header) == 11  # headings are in the admin user's language
    assert len(rows) == 1
    assert rows[0][:3] == ["Ada", "Lovelace", "ada@example.com"]
    assert "Aarhus C" in rows[0]


def test_the_newsletter_export_lists_only_active_accounts_that_opted_in(client):
    client.force_login(StaffFactory(groups=[MANAGERS]))
    UserFactory(email="yes@example.com", first_name="Yes", newsletter_opt_in=True, language="en")
    UserFactory(email="no@example.com", newsletter_opt_in=False)
    UserFactory(email="gone@example.com", newsletter_opt_in=True, is_active=False)
    UserFactory(email="formula@example.com", first_name="=HYPERLINK(1)", newsletter_opt_in=True)

    response = client.get(reverse("community_newsletter_export"))

    assert response.status_code == 200
    header, *rows = rows_of(response)
    assert header == ["email", "first_name", "last_name", "language", "opted_in_at"]
    assert [row[0] for row in rows] == ["formula@example.com", "yes@example.com"]
    assert rows[0][1] == "'=HYPERLINK(1)"  # a spreadsheet shows it as text, never runs it
    assert rows[1][1:4] == ["Yes", "Jensen", "en"]


def refused(response) -> bool:
    """Refused: a 403, or (Wagtail's answer to someone who may not open the admin at all) a redirect to log in."""
    if response.status_code == 403:
        return True
    return response.status_code == 302 and "login" in response["Location"]


@pytest.mark.parametrize(
    "who",
    ["anonymous", "non_staff", "staff_without_permission"],
)
def test_approval_and_export_urls_are_refused_to_anyone_without_the_permission(client, sent, who):
    applicant = MemberFactory(status=Member.Status.PENDING)
    UserFactory(newsletter_opt_in=True)
    if who == "non_staff":
        client.force_login(UserFactory())
    elif who == "staff_without_permission":
        # May open the admin and see members, but not decide or export.
        client.force_login(StaffFactory(permissions=["community.view_member"]))

    urls = [bulk_url("approve", applicant), bulk_url("reject", applicant)]
    urls += [list_url(export="csv"), list_url(export="xlsx"), reverse("community_newsletter_export")]
    for url in urls:
        assert refused(client.get(url)), url
    posts, mails = sent(lambda: [client.post(bulk_url(action, applicant)) for action in ("approve", "reject")])

    assert all(refused(r) for r in posts)
    applicant.refresh_from_db()
    assert applicant.status == Member.Status.PENDING
    assert mails == []
    if who != "anonymous":
        # Logged in, they are told plainly: 403, not a log-in form.
        for url in urls:
            assert client.get(url).status_code == 403, url


def test_the_membership_menu_offers_the_newsletter_export_only_to_those_who_may_export(client):
    client.force_login(StaffFactory(groups=[MANAGERS]))
    export_url = reverse("community_newsletter_export")
    assert export_url in client.get(reverse("wagtailadmin_home")).content.decode()

    client.force_login(StaffFactory(permissions=["community.view_member"]))
    assert export_url not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_the_member_list_offers_approve_and_reject_in_bulk(client):
    client.force_login(StaffFactory(groups=[MANAGERS]))
    MemberFactory(status=Member.Status.PENDING)

    page = client.get(list_url()).content.decode()

    assert reverse("wagtail_bulk_action", args=("community", "member", "approve")) in page
    assert reverse("wagtail_bulk_action", args=("community", "member", "reject")) in page
