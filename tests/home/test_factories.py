"""The factories the tests and the demo command share make valid, language-matched pages with real images."""

import factory.random
import pytest
from PIL import Image as PILImage
from wagtail.models import Locale

from home.factories import ImageFactory, NewsIndexPageFactory, NewsPageFactory, StandardPageFactory
from home.models import HomePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def home():
    return HomePage.objects.get(depth=2)


def test_image_factory_stores_a_real_png_that_pillow_can_open():
    image = ImageFactory(width_px=320, height_px=200)

    with image.file.open() as handle, PILImage.open(handle) as picture:
        assert picture.format == "PNG"
        assert picture.size == (320, 200)
    assert (image.width, image.height) == (320, 200)


def test_two_news_pages_get_different_fake_titles(home):
    index = NewsIndexPageFactory(parent=home)

    first, second = NewsPageFactory(parent=index), NewsPageFactory(parent=index)

    assert first.title != second.title
    assert first.slug != second.slug


def test_news_page_has_heading_and_paragraph_body_tags_and_an_image(home):
    index = NewsIndexPageFactory(parent=home)

    news = NewsPageFactory(parent=index, tags=["python", "mlops"])
    news.refresh_from_db()

    assert [block.block_type for block in news.body] == ["heading", "paragraph"]
    assert sorted(tag.name for tag in news.tags.all()) == ["mlops", "python"]
    assert news.image is not None
    assert news.live


def test_pages_under_the_english_tree_get_english_locale(home):
    english = Locale.objects.create(language_code="en")
    english_home = home.copy_for_translation(english)

    page = StandardPageFactory(parent=english_home)

    assert page.locale == english
    assert page.get_parent().specific == english_home


def test_reseeding_gives_the_same_text_again(home):
    factory.random.reseed_random(2024)
    first = StandardPageFactory.build(parent=home)
    factory.random.reseed_random(2024)
    again = StandardPageFactory.build(parent=home)

    assert first.title == again.title
    assert first.intro == again.intro
