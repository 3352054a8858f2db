"""The bilingual page tree of the home tests, shared with the search-engine tests."""

from tests.home.site_fixtures import bilingual_site, english, english_home, home_page, news_index, small_image

__all__ = ["bilingual_site", "english", "english_home", "home_page", "news_index", "small_image"]
