"""Fixtures for the polls tests: the polls index in Danish and English (the polls, ballots and voters are made
with tests/polls/builders.py)."""

import pytest

from polls.factories import PollIndexPageFactory
from tests.home.tree import english_locale, ensure_home_page, publish_translation


@pytest.fixture
def index(db):
    return PollIndexPageFactory(parent=ensure_home_page())


@pytest.fixture
def english_index(index):
    home = ensure_home_page()
    locale = english_locale()
    if not home.get_translations().filter(locale=locale).exists():
        publish_translation(home, locale, title="Danish Data Science Community")
    return publish_translation(index, locale, title="Polls", slug="polls")
