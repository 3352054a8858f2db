"""Each StreamField block renders with its own template: headings, text, images with alt text, quotes, links."""

import re

import pytest
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed
from wagtail.rich_text import RichText
from wagtail_localize.models import StringTranslation, Translation

from home.factories import StandardPageFactory
from home.translations.creating import translate_with_localize
from tests.home.tree import publish_translation

pytestmark = pytest.mark.django_db

VIDEO_URL = "https://www.youtube.com/watch?v=ddsc"


@pytest.fixture
def page_with_every_block(home_page, news_index, small_image):
    # A stored embed, so that rendering never asks the video site.
    Embed.objects.create(
        url=VIDEO_URL, hash=get_embed_hash(VIDEO_URL), type="video", html='<iframe title="DDSC talk"></iframe>'
    )
    return StandardPageFactory(
        parent=home_page,
        title="Alle blokke",
        slug="blokke",
        body=[
            ("heading", {"text": "Underoverskrift", "level": "h3"}),
            ("paragraph", RichText("<p>Et <b>fedt</b> afsnit.</p>")),
            ("image", {"image": small_image, "caption": "En graf", "alt_text": "Stigende kurve"}),
            ("image", {"image": small_image, "caption": "", "alt_text": ""}),
            ("quote", {"text": "Data slår meninger.", "attribution": "En statistiker"}),
            (
                "call_to_action",
                {"title": "Læs mere", "text": "", "page": news_index, "url": "", "button_label": "Nyt"},
            ),
            ("embed", VIDEO_URL),
        ],
    )


def test_blocks_render_with_their_templates(client, page_with_every_block):
    html = client.get("/da/blokke/").content.decode()

    assert '<h3 class="mt-4">Underoverskrift</h3>' in html
    assert "<p>Et <b>fedt</b> afsnit.</p>" in html
    assert 'alt="Stigende kurve"' in html
    assert '<figcaption class="figure-caption">En graf</figcaption>' in html
    assert 'alt="Chart"' in html  # without alt text the image's title stands in
    assert '<blockquote class="blockquote quote-block"><p>Data slår meninger.</p></blockquote>' in html
    assert "En statistiker" in html
    assert '<a class="btn btn-primary" href="/da/nyheder/">Nyt</a>' in html
    assert '<iframe title="DDSC talk"></iframe>' in html


def test_call_to_action_links_to_the_page_in_the_visitor_language(
    client, page_with_every_block, news_index, english_home
):
    english_index = publish_translation(news_index, english_home.locale, title="News", slug="news")
    publish_translation(page_with_every_block, english_home.locale, slug="blocks")

    html = client.get("/en/blocks/").content.decode()

    assert f'<a class="btn btn-primary" href="{english_index.url}">Nyt</a>' in html


def test_an_english_page_shows_the_translated_alt_text_or_marks_the_danish_fallback(
    client, page_with_every_block, english_home, english
):
    english_page = translate_with_localize(page_with_every_block, english, slug="blocks")
    StringTranslation.objects.filter(data="Stigende kurve", locale=english).update(data="Rising curve")
    Translation.objects.get(source__object_id=english_page.translation_key).save_target(publish=True)

    html = client.get("/en/blocks/").content.decode()
    images = re.findall(r"<img [^>]*>", html)

    assert any('alt="Rising curve"' in tag and "lang=" not in tag for tag in images)  # the translator's English
    # No alt text in the block: the image's (Danish) title stands in, and says it is Danish.
    assert any('alt="Chart"' in tag and 'lang="da"' in tag for tag in images)
