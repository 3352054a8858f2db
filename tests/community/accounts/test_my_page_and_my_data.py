"""My page, the data download, and deleting the account."""

import json

import pytest
from django.contrib.auth import get_user_model
from django.core import mail

from community import dashboard
from community.factories import MemberFactory
from community.models import Member
from home.models import OutboxMail
from tests.community.accounts.conftest import PASSWORD, AdaFactory, log_in

User = get_user_model()
pytestmark = pytest.mark.django_db


@pytest.fixture
def ada(client):
    user = AdaFactory(language="en", newsletter_opt_in=True)
    log_in(client, "ada@example.com")
    return user


def test_my_page_needs_a_login(client):
    response = client.get("/en/account/")

    assert response.status_code == 302
    assert response.url == "/en/account/login/?next=/en/account/"


def test_my_page_greets_and_shows_profile_and_no_membership(client, ada):
    page = client.get("/en/account/").content.decode()

    assert "Hello, Ada" in page
    assert "ada@example.com" in page
    assert "You receive the newsletter." in page
    assert "You are not a member of the association yet." in page


def test_my_page_shows_the_membership_status(client, ada):
    MemberFactory(user=ada, city="København Ø", status=Member.Status.PENDING)

    page = client.get("/en/account/").content.decode()

    assert 'data-membership-status="pending"' in page
    assert "Your application is waiting for the board" in page


def test_my_page_runs_a_bounded_number_of_queries(client, ada, django_assert_max_num_queries):
    MemberFactory(user=ada, city="København Ø", status=Member.Status.ACTIVE)
    client.get("/en/account/")  # warm the site and settings caches

    # Session, user and membership, one for the events app's "My tickets" section (all tickets in one query), two
    # for the polls app's "Polls waiting for your vote" (pages' view restrictions, poll pages; no polls here); the
    # other nine are the site shell (site, settings, menu, user bar).
    with django_assert_max_num_queries(15):
        response = client.get("/en/account/")

    assert response.status_code == 200


def test_other_apps_add_sections_to_my_page(client, ada, monkeypatch, settings, tmp_path):
    (tmp_path / "tickets_section.html").write_text('<section id="tickets">Tickets of {{ user.first_name }}</section>')
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [*settings.TEMPLATES[0]["DIRS"], tmp_path]}]
    monkeypatch.setattr(dashboard, "_sections", [])
    dashboard.register_dashboard_section("tickets_section.html")

    page = client.get("/en/account/").content.decode()

    assert '<section id="tickets">Tickets of Ada</section>' in page


def test_the_data_download_is_a_json_attachment_with_everything_about_me(client, ada):
    MemberFactory(user=ada, city="København Ø", status=Member.Status.ACTIVE)

    response = client.get("/en/account/export/")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response["Content-Disposition"].startswith('attachment; filename="ddsc-my-data-')
    data = json.loads(response.content)
    assert data["account"]["email"] == "ada@example.com"
    assert data["account"]["first_name"] == "Ada"
    assert data["newsletter"]["opt_in"] is True
    assert data["membership"]["status"] == "active"
    assert data["membership"]["city"] == "København Ø"
    assert data["articles"] == []


def test_the_data_download_needs_a_login(client):
    assert client.get("/en/account/export/").status_code == 302


def test_deleting_the_account_requires_the_password(client, ada, deliver):
    MemberFactory(user=ada, city="København Ø")

    with deliver():
        response = client.post("/en/account/delete/", {"password": "not-my-password"})

    assert response.status_code == 200
    assert "The password is wrong." in response.content.decode()
    assert User.objects.filter(pk=ada.pk).exists() and Member.objects.exists()
    assert mail.outbox == []


def test_deleting_by_get_only_shows_the_form(client, ada):
    response = client.get("/en/account/delete/")

    assert response.status_code == 200
    assert 'autocomplete="current-password"' in response.content.decode()
    assert User.objects.filter(pk=ada.pk).exists()


def test_deleting_the_account_removes_user_and_member_logs_out_and_mails(client, ada, deliver):
    MemberFactory(user=ada, city="København Ø")
    OutboxMail.objects.create(recipient="ada@example.com", template="community/mail/activation", language="en")

    with deliver():
        response = client.post("/en/account/delete/", {"password": PASSWORD})

    assert response.status_code == 302
    assert response.url == "/en/"
    assert not User.objects.filter(pk=ada.pk).exists()
    assert not Member.objects.exists()
    assert "_auth_user_id" not in client.session
    assert [m.to for m in mail.outbox] == [["ada@example.com"]]
    assert mail.outbox[0].subject == "Your account at Danish Data Science Community is deleted"
    assert list(OutboxMail.objects.values_list("template", flat=True)) == ["community/mail/account_deleted"]


def test_a_deleted_subscriber_is_taken_off_the_newsletter(client, ada, deliver, monkeypatch):
    from community.services import newsletter

    unsubscribed = []
    spy = type("Spy", (), {"unsubscribe": staticmethod(unsubscribed.append)})
    monkeypatch.setattr(newsletter, "get_provider", spy)

    with deliver():
        client.post("/en/account/delete/", {"password": PASSWORD})

    assert unsubscribed == ["ada@example.com"]


def test_articles_keep_the_authors_name_when_the_account_is_deleted(client, ada, home):
    from community.models import ArticleIndexPage, ArticlePage

    index = home.add_child(instance=ArticleIndexPage(title="Articles", slug="articles"))
    article = index.add_child(
        instance=ArticlePage(title="Notes on the engine", slug="notes", intro="Intro", author_user=ada)
    )

    client.post("/en/account/delete/", {"password": PASSWORD})

    article.refresh_from_db()
    assert article.author_user is None
    assert article.author_name == "Ada Lovelace"
    assert article.author_display_name == "Ada Lovelace"


def test_wrong_delete_passwords_are_rate_limited(client, ada):
    for _ in range(5):
        client.post("/en/account/delete/", {"password": "guess"})

    response = client.post("/en/account/delete/", {"password": PASSWORD})

    assert response.status_code == 429
    assert User.objects.filter(pk=ada.pk).exists()
