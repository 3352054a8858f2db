"""Fixtures for the search tests: the Danish home page from the migration and its English translation."""

import pytest

from home.models import HomePage
from tests.home.tree import english_locale, ensure_home_page, publish_translation


@pytest.fixture
def home_page(db) -> HomePage:
    return ensure_home_page()


@pytest.fixture
def english_home(home_page) -> HomePage:
    return publish_translation(home_page, english_locale(), title="Danish Data Science Community in English")
