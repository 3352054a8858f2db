"""Fixtures for the stats tests (survey exports are made with tests/stats/survey_files.py)."""

import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def empty_cache():
    # The salary tables are cached; each test starts without what an earlier one left.
    cache.clear()
    yield
    cache.clear()
