"""The bilingual page tree the home tests build (home page, news index, English copies, a small image), as fixtures
that the home and search-engine tests both use (their conftests import them from here)."""

from dataclasses import dataclass

import pytest

from home.factories import ImageFactory, NewsIndexPageFactory, NewsPageFactory, StandardPageFactory
from home.models import HomePage, NewsIndexPage, NewsPage, StandardPage
from tests.home.tree import english_locale, ensure_home_page, publish_translation


@pytest.fixture
def home_page(db) -> HomePage:
    return ensure_home_page()


@pytest.fixture
def small_image(db):
    # Small images keep rendition generation fast; the templates do not care about the size.
    return ImageFactory(width_px=80, height_px=45, title="Chart")


@pytest.fixture
def news_index(home_page) -> NewsIndexPage:
    return NewsIndexPageFactory(parent=home_page, title="Nyheder", slug="nyheder", intro="Nyt fra fællesskabet")


@pytest.fixture
def english(db):
    return english_locale()


@pytest.fixture
def english_home(home_page, english) -> HomePage:
    return publish_translation(home_page, english, title="Danish Data Science Community in English")


@dataclass
class BilingualSite:
    home_da: HomePage
    home_en: HomePage
    standard_da: StandardPage
    standard_en: StandardPage
    index_da: NewsIndexPage
    index_en: NewsIndexPage
    news_da: NewsPage
    news_en: NewsPage


@pytest.fixture
def bilingual_site(home_page, english_home, english, news_index, small_image) -> BilingualSite:
    """One page of each type in Danish, each translated into English with English text."""
    standard_da = StandardPageFactory(parent=home_page, title="Om foreningen", slug="om", intro="Vi er en forening")
    news_da = NewsPageFactory(
        parent=news_index,
        title="Generalforsamling afholdt",
        slug="generalforsamling",
        intro="Referat fra mødet",
        image=small_image,
        tags=["forening"],
    )
    index_en = publish_translation(news_index, english, title="News", slug="news", intro="News from the community")
    return BilingualSite(
        home_da=home_page,
        home_en=english_home,
        standard_da=standard_da,
        standard_en=publish_translation(
            standard_da, english, title="About the association", slug="about", intro="We are an association"
        ),
        index_da=news_index,
        index_en=index_en,
        news_da=news_da,
        news_en=publish_translation(
            news_da, english, title="Annual meeting held", slug="annual-meeting", intro="Minutes from the meeting"
        ),
    )
