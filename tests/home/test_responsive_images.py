"""Pictures load as the browser needs them: WebP in the widths the layout asks for with a JPEG fallback, their
size reserved (no layout shift), lazily below the fold; the hero or a story's own picture is fetched first.
A list reads all its cards' renditions in one query."""

import pytest
from wagtail.rich_text import RichText

from home.factories import ImageFactory, NewsPageFactory, StandardPageFactory
from tests.pictures import assert_responsive, pictures, render_warm, srcset_widths

pytestmark = pytest.mark.django_db


def _html(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_a_news_card_offers_webp_in_two_widths_with_a_jpeg_fallback_loaded_lazily(client, news_index):
    for number in range(3):
        image = ImageFactory(width_px=700, height_px=400, title=f"Billede {number}")
        NewsPageFactory(parent=news_index, title=f"Nyhed {number}", slug=f"nyhed-{number}", image=image)

    cards, queries = render_warm(client, news_index.url)

    assert len(cards) == 3
    for card in cards:
        assert_responsive(card, lazy=True)
        assert srcset_widths(card.offer("image/webp")["srcset"]) == [320, 640]
    assert queries == 1


def test_the_home_hero_is_fetched_first_and_every_picture_below_it_lazily(client, home_page, news_index):
    home_page.hero_image = ImageFactory(width_px=480, height_px=180, title="Hero")
    home_page.save_revision().publish()
    for number in range(3):
        NewsPageFactory(parent=news_index, slug=f"nyhed-{number}", image__width_px=700, image__height_px=400)

    html = _html(client, "/da/")
    hero, *cards = pictures(html)

    assert "{#" not in html  # no template comment shows as text
    assert_responsive(hero, lazy=False)
    assert hero.img.get("fetchpriority") == "high"
    assert "hero__image" in hero.img["class"]
    assert len(cards) == 3
    for card in cards:
        assert_responsive(card, lazy=True)


def test_a_news_pages_own_picture_is_offered_in_three_widths_and_is_not_lazy(client, news_index):
    news = NewsPageFactory(parent=news_index, slug="nyhed", image__width_px=700, image__height_px=400, body=[])

    (picture,) = pictures(_html(client, news.url))

    assert_responsive(picture, lazy=False, widths=3)
    # The space the browser reserves has the original's shape, whichever width it then picks.
    assert int(picture.img["width"]) / int(picture.img["height"]) == pytest.approx(700 / 400, rel=0.01)


def test_a_picture_in_a_page_body_is_lazy_and_keeps_its_alt_text(client, home_page):
    image = ImageFactory(width_px=300, height_px=200, title="Diagram")
    page = StandardPageFactory(
        parent=home_page,
        slug="om",
        body=[
            ("paragraph", RichText("<p>Tekst før billedet.</p>")),
            ("image", {"image": image, "caption": "Et diagram", "alt_text": "Søjler der vokser"}),
        ],
    )

    (picture,) = pictures(_html(client, page.url))

    assert_responsive(picture, lazy=True, widths=3)
    assert picture.img["alt"] == "Søjler der vokser"
