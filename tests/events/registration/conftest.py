"""Events, users and members for the registration tests."""

import pytest
from wagtail.models import Locale

from events.factories import EventIndexPageFactory, EventPageFactory
from tests.community.membership.conftest import make_member, make_staff, make_user  # noqa: F401 - re-exported
from tests.home.tree import ensure_home_page, publish_translation


@pytest.fixture
def index(db):
    return EventIndexPageFactory(parent=ensure_home_page())


@pytest.fixture
def make_event(index):
    def make(**fields):
        return EventPageFactory(parent=index, **fields)

    return make


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
