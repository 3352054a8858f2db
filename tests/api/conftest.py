"""The events index of the API tests, and the shared events fixtures."""

import pytest

from events.factories import EventIndexPageFactory
from tests.events.conftest import english_event
from tests.home.tree import ensure_home_page

__all__ = ["english_event"]


@pytest.fixture
def index(db):
    return EventIndexPageFactory(parent=ensure_home_page(), title="Arrangementer", slug="arrangementer")
