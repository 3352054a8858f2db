"""News cards load their picture as the browser needs it: WebP in two widths with a JPEG fallback, explicit
width and height (no layout shift), lazily (the cards are below the fold), renditions read in one query."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.factories import ImageFactory, NewsPageFactory

pytestmark = pytest.mark.django_db


def test_a_news_card_offers_webp_in_two_widths_with_a_jpeg_fallback_loaded_lazily(client, news_index):
    for number in range(3):
        image = ImageFactory(width_px=700, height_px=400, title=f"Billede {number}")
        NewsPageFactory(parent=news_index, title=f"Nyhed {number}", slug=f"nyhed-{number}", image=image)
    client.get(news_index.url)  # the first view makes the renditions

    with CaptureQueriesContext(connection) as queries:
        html = client.get(news_index.url).content.decode()

    pictures = re.findall(r"<picture>.*?</picture>", html, flags=re.DOTALL)
    assert len(pictures) == 3
    for picture in pictures:
        webp = re.search(r'<source[^>]*srcset="([^"]*)"[^>]*type="image/webp"', picture) or re.search(
            r'<source[^>]*type="image/webp"[^>]*srcset="([^"]*)"', picture
        )
        assert webp and " 320w" in webp.group(1) and " 640w" in webp.group(1)
        img = re.search(r"<img [^>]*>", picture).group(0)
        assert ".jpg" in img or ".jpeg" in img
        assert 'loading="lazy"' in img and 'width="' in img and 'height="' in img
    renditions = [query for query in queries.captured_queries if "wagtailimages_rendition" in query["sql"]]
    assert len(renditions) == 1
