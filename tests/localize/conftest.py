"""Fixtures for the translation tests: a translator and a moderator (their real groups), the English locale, and
a live Danish page tree with the English home page made through wagtail-localize."""

from urllib.parse import urlencode

import pytest
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, Translation

from community.factories import UserFactory
from tests.home.tree import ensure_home_page

PASSWORD = "a-long-test-password-1"


@pytest.fixture
def translator(django_user_model):
    return UserFactory(email="translator@example.com", groups=["Translators"], password=PASSWORD)


@pytest.fixture
def moderator(django_user_model):
    return UserFactory(email="moderator@example.com", groups=["Moderators"], password=PASSWORD)


@pytest.fixture
def english(db) -> Locale:
    return Locale.objects.get_or_create(language_code="en")[0]


@pytest.fixture
def home_page(db):
    return ensure_home_page()


def submit_translation(client, obj, locale: Locale, django_capture_on_commit_callbacks):
    """POST wagtail-localize's "Translate this page/snippet" form, running what it defers to the commit (where
    wagtail-localize would publish a copy of a live source if it were allowed to)."""
    if hasattr(obj, "get_parent"):
        url = reverse("wagtail_localize:submit_page_translation", args=[obj.pk])
    else:
        url = reverse(
            "wagtail_localize:submit_snippet_translation", args=[obj._meta.app_label, obj._meta.model_name, obj.pk]
        )
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(url, {"locales": [locale.pk]})


def translate_segments(client, obj, locale: Locale, texts: dict[str, str]) -> Translation:
    """Enter a translation for every segment of `obj` in the translation editor's API: `texts` by source text,
    else "EN: <source>"."""
    translation = Translation.objects.get(source__object_id=obj.translation_key, target_locale=locale)
    segments = StringSegment.objects.filter(source=translation.source).select_related("string")
    assert segments.exists()
    for segment in segments:
        response = client.put(
            reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk]),
            urlencode({"value": texts.get(segment.string.data, f"EN: {segment.string.data}")}),
            content_type="application/x-www-form-urlencoded",
        )
        assert response.status_code == 201, response.content
    return translation
