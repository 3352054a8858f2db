"""Fixtures for the home app's tests: the bilingual page tree of tests/home/site_fixtures.py."""

from tests.home.site_fixtures import bilingual_site, english, english_home, home_page, news_index, small_image

__all__ = ["bilingual_site", "english", "english_home", "home_page", "news_index", "small_image"]
