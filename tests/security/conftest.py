"""The bilingual page tree of tests/home/site_fixtures.py, for the security tests that need real pages."""

from tests.home.site_fixtures import bilingual_site, english, english_home, home_page, news_index, small_image

__all__ = ["bilingual_site", "english", "english_home", "home_page", "news_index", "small_image"]
