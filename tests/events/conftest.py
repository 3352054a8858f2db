"""Fixtures every events test folder shares. Each folder's conftest defines its own `index` (the events index
page the tests' events go under); these build on it."""

import pytest
from wagtail.models import Locale

from events.factories import EventPageFactory
from tests.home.tree import ensure_home_page, publish_translation


@pytest.fixture
def english_event(index):
    """A Danish event and its published English version: returns (danish, english)."""

    def make(**fields):
        danish = EventPageFactory(parent=index, **fields)
        english_locale = Locale.objects.get_or_create(language_code="en")[0]
        home = ensure_home_page()
        if not home.get_translations().filter(locale=english_locale).exists():
            publish_translation(home, english_locale)
        if not index.get_translations().filter(locale=english_locale).exists():
            publish_translation(index, english_locale)
        english = publish_translation(danish, english_locale, title="An event in English")
        return danish, english

    return make
