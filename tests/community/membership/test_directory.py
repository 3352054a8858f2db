"""The public members page: only active members who opted in, searchable, bounded queries, opt-out at once."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from community.factories import MemberFactory, UserFactory
from community.models import Member

pytestmark = pytest.mark.django_db


def directory_url() -> str:
    return reverse("community:directory")


def listed_names(response) -> list[str]:
    return [member.user.get_full_name() for member in response.context["page_obj"]]


def listed(first_name: str, job_title: str = "", **fields) -> Member:
    user = UserFactory(first_name=first_name, last_name="Hansen")
    return MemberFactory(user=user, public_profile=True, job_title=job_title, **fields)


def test_only_active_members_who_opted_in_are_listed(client):
    listed("Ada", "Statistician")
    MemberFactory(user=UserFactory(first_name="Hidden"), public_profile=False)
    MemberFactory(user=UserFactory(first_name="Pending"), status=Member.Status.PENDING, public_profile=True)
    MemberFactory(user=UserFactory(first_name="Lapsed"), status=Member.Status.LAPSED, public_profile=True)

    response = client.get(directory_url())

    assert response.status_code == 200
    assert listed_names(response) == ["Ada Hansen"]
    assert "Statistician" in response.content.decode()


def test_search_finds_members_by_full_name_or_job_title(client):
    listed("Ada", "Statistician")
    listed("Grace", "ML engineer")

    assert listed_names(client.get(directory_url(), {"q": "ada hans"})) == ["Ada Hansen"]
    assert listed_names(client.get(directory_url(), {"q": "engineer"})) == ["Grace Hansen"]
    assert listed_names(client.get(directory_url(), {"q": "nobody"})) == []


def test_opting_out_on_the_membership_page_removes_the_member_at_once(client):
    member = listed("Ada", "Statistician")
    assert listed_names(client.get(directory_url())) == ["Ada Hansen"]

    client.force_login(member.user)
    client.post(reverse("community:membership"), {"public_profile": "", "job_title": "Statistician"})
    client.logout()

    assert listed_names(client.get(directory_url())) == []


def test_a_member_edits_job_title_and_links_shown_on_the_page(client):
    member = MemberFactory(public_profile=False)
    client.force_login(member.user)

    client.post(
        reverse("community:membership"),
        {"public_profile": "on", "job_title": "Head of data", "github": "https://github.com/example"},
    )

    page = client.get(directory_url()).content.decode()
    assert "Head of data" in page
    assert 'href="https://github.com/example"' in page


def test_the_page_runs_the_same_bounded_number_of_queries_for_3_or_30_members(client, django_assert_max_num_queries):
    def queries_for_page() -> int:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(directory_url())
        return len(queries), len(response.context["page_obj"])

    for n in range(3):
        listed(f"Member{n}", "Analyst", website="https://example.com")
    client.get(directory_url())  # warm the site shell's caches (site root, settings)
    few, shown_few = queries_for_page()
    for n in range(3, 30):
        listed(f"Member{n}", "Analyst", website="https://example.com")
    with django_assert_max_num_queries(few):
        many, shown_many = queries_for_page()

    assert (shown_few, shown_many) == (3, 24)
    assert many == few <= 12
