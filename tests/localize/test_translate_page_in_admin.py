"""A translator translates the Danish home page into English in the Wagtail admin and publishes it."""

from urllib.parse import urlencode

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, Translation

from home.models import HomePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def translator(client):
    user = get_user_model().objects.create_user(
        "translator@example.com", "pw-123456789", first_name="Tina", last_name="Translator", is_verified=True
    )
    user.groups.add(Group.objects.get(name="Translators"))
    client.force_login(user)
    return user


def test_translator_submits_translates_and_publishes_the_home_page(
    client, translator, django_capture_on_commit_callbacks
):
    english = Locale.objects.create(language_code="en")
    home = HomePage.objects.get(locale__language_code="da")

    response = client.post(
        reverse("wagtail_localize:submit_page_translation", args=[home.pk]), {"locales": [english.pk]}
    )
    assert response.status_code == 302
    english_home = home.get_translation(english)
    assert not english_home.live, "a submitted translation starts as a draft"
    # Until it is published, /en/ falls back to the live Danish page.
    assert "A community for everyone" not in client.get("/en/").content.decode()

    translation = Translation.objects.get(source__object_id=home.translation_key, target_locale=english)
    english_text = {
        "Danish Data Science Community": "Danish Data Science Community",
        "Et fællesskab for alle, der arbejder med data i Danmark.": "A community for everyone working with data.",
    }
    segments = StringSegment.objects.filter(source=translation.source).select_related("string")
    assert segments.exists()
    for segment in segments:
        response = client.put(
            reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk]),
            urlencode({"value": english_text.get(segment.string.data, f"EN: {segment.string.data}")}),
            content_type="application/x-www-form-urlencoded",
        )
        assert response.status_code == 201, response.content

    # wagtail-localize publishes the new revision once the request's transaction commits.
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("wagtailadmin_pages:edit", args=[english_home.pk]), {"action": "publish"})
    assert response.status_code == 302

    english_home = Page.objects.get(pk=english_home.pk).specific
    assert english_home.live
    assert english_home.hero_text == "A community for everyone working with data."
    page = client.get("/en/")
    assert page.status_code == 200
    assert "A community for everyone working with data." in page.content.decode()
    # The Danish original is untouched.
    assert "Et fællesskab for alle" in client.get("/da/").content.decode()


def test_a_user_outside_the_translators_group_cannot_submit_translations(client):
    user = get_user_model().objects.create_user(
        "visitor@example.com", "pw-123456789", first_name="Vic", last_name="Visitor", is_verified=True
    )
    client.force_login(user)
    english = Locale.objects.create(language_code="en")
    home = HomePage.objects.get(locale__language_code="da")
    response = client.post(
        reverse("wagtail_localize:submit_page_translation", args=[home.pk]), {"locales": [english.pk]}
    )
    assert response.status_code in {302, 403}
    assert not home.has_translation(english)
