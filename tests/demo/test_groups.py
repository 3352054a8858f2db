"""The admin roles made by migration: editors edit and submit for moderation, moderators publish and lock,
translators translate, and a person with no role stays out of the admin."""

import pytest
from django.urls import reverse
from wagtail.models import Locale

from community.factories import UserFactory
from home.models import HomePage, NewsIndexPage, NewsPage

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-test-password-1"


@pytest.fixture
def news_page() -> NewsPage:
    home = HomePage.objects.get(depth=2)
    index = home.add_child(instance=NewsIndexPage(title="Nyheder", slug="nyheder"))
    return index.add_child(
        instance=NewsPage(title="Generalforsamling 2026", slug="generalforsamling", intro="Kom og stem.")
    )


def log_in_through_admin_form(client, email: str):
    return client.post(reverse("wagtailadmin_login"), {"username": email, "password": PASSWORD})


def test_editor_logs_in_to_the_admin_and_opens_the_news_page_editor(client, news_page):
    UserFactory(email="editor@example.com", groups=["Editors"], password=PASSWORD)

    login = log_in_through_admin_form(client, "Editor@Example.com")
    dashboard = client.get(reverse("wagtailadmin_home"))
    editor = client.get(reverse("wagtailadmin_pages:edit", args=[news_page.pk]))

    assert login.status_code == 302
    assert dashboard.status_code == 200
    assert editor.status_code == 200
    assert "Generalforsamling 2026" in editor.content.decode()


def test_editors_submit_pages_for_moderation_and_moderators_publish_and_lock_them(news_page):
    editor = UserFactory(email="editor@example.com", groups=["Editors"], password=PASSWORD)
    moderator = UserFactory(email="moderator@example.com", groups=["Moderators"], password=PASSWORD)

    # Publishing rights would let editors skip the moderation workflows (community migration 0005).
    assert not news_page.permissions_for_user(editor).can_publish()
    assert news_page.permissions_for_user(editor).can_submit_for_moderation()
    assert not news_page.permissions_for_user(editor).can_lock()
    assert news_page.permissions_for_user(moderator).can_publish()
    assert news_page.permissions_for_user(moderator).can_lock()


def test_translator_sees_the_translate_action_and_may_open_it(client, news_page):
    Locale.objects.get_or_create(language_code="en")
    UserFactory(email="translator@example.com", groups=["Translators"], password=PASSWORD)
    translate_url = reverse("wagtail_localize:submit_page_translation", args=[news_page.pk])

    log_in_through_admin_form(client, "translator@example.com")
    editor = client.get(reverse("wagtailadmin_pages:edit", args=[news_page.pk]))
    translate = client.get(translate_url)

    assert editor.status_code == 200
    assert translate_url in editor.content.decode()
    assert translate.status_code == 200


def test_editor_is_not_offered_translation(client, news_page):
    Locale.objects.get_or_create(language_code="en")
    UserFactory(email="editor@example.com", groups=["Editors"], password=PASSWORD)
    translate_url = reverse("wagtail_localize:submit_page_translation", args=[news_page.pk])

    log_in_through_admin_form(client, "editor@example.com")

    editor = client.get(reverse("wagtailadmin_pages:edit", args=[news_page.pk]))
    translate = client.get(translate_url)

    assert translate_url not in editor.content.decode()
    # The admin turns a refused permission into a redirect to the dashboard with an error message.
    assert (translate.status_code, translate.url) == (302, reverse("wagtailadmin_home"))


def test_translator_edits_an_english_translation_and_submits_it_for_review(news_page):
    english = Locale.objects.get_or_create(language_code="en")[0]
    translator = UserFactory(email="translator@example.com", groups=["Translators"], password=PASSWORD)

    translation = news_page.copy_for_translation(english, copy_parents=True)

    assert translation.permissions_for_user(translator).can_edit()
    assert not translation.permissions_for_user(translator).can_publish()
    assert translation.get_workflow().name == "Moderators approval"


def test_plain_user_is_refused_the_admin(client):
    UserFactory(email="member@example.com", password=PASSWORD)

    log_in_through_admin_form(client, "member@example.com")
    response = client.get(reverse("wagtailadmin_home"))

    assert response.status_code == 403
