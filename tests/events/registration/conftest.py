"""Events, users and members for the registration tests."""

import pytest

from events.factories import EventIndexPageFactory, EventPageFactory
from tests.home.tree import ensure_home_page


@pytest.fixture
def index(db):
    return EventIndexPageFactory(parent=ensure_home_page())


@pytest.fixture
def make_event(index):
    def make(**fields):
        return EventPageFactory(parent=index, **fields)

    return make
