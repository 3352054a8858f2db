"""Factories for the home app's pages and for images, shared by the tests and the demo-data command.

Every fake value is drawn when an object is made (never once at import). Text is Danish or English to match
the locale of the parent page; pass `language="en"` to force it. Seed with `factory.random.reseed_random(n)`
for repeatable output: images draw their randomness from the same generator.
"""

import datetime
import io
import random

import factory
import factory.random
import wagtail_factories
from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images import get_image_model
from wagtail.models import Collection
from wagtail.rich_text import RichText

from home.models import HomePage, NewsIndexPage, NewsPage, StandardPage

FAKER_LOCALES = {"da": "da_DK", "en": "en_US"}

# Muted colours that keep white text readable on top of them (hero images).
PALETTE = ["#1b3a5c", "#23547a", "#2f6f6a", "#3d4f7d", "#5b3d6e", "#7a3b3b", "#35573a", "#4a4a4a"]


def render_chart_png(rng: random.Random, width: int, height: int) -> bytes:
    """A PNG that looks like a scatter chart on a gradient: real image data with some texture to it."""
    top, bottom = (PILImage.new("RGB", (1, 1), rng.choice(PALETTE)).getpixel((0, 0)) for _ in range(2))
    image = PILImage.new("RGB", (width, height))
    draw = ImageDraw.Draw(image)
    for y in range(height):
        mix = y / max(height - 1, 1)
        draw.line([(0, y), (width, y)], fill=tuple(round(a + (b - a) * mix) for a, b in zip(top, bottom, strict=True)))
    slope = rng.uniform(-0.6, 0.6)
    for _ in range(rng.randint(40, 90)):
        x = rng.uniform(0, width)
        y = height / 2 - slope * (x - width / 2) + rng.gauss(0, height / 8)
        radius = rng.uniform(3, max(4, width / 80))
        shade = rng.randint(170, 255)
        draw.ellipse([x - radius, y - radius, x + radius, y + radius], fill=(shade, shade, 255))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def _chart_file(image_stub) -> ContentFile:
    rng = random.Random(factory.random.randgen.getrandbits(32))  # noqa: S311 - decoration, not security
    data = render_chart_png(rng, image_stub.width_px, image_stub.height_px)
    return ContentFile(data, name=f"{image_stub.file_stem}.png")


class ImageFactory(wagtail_factories.ImageFactory):
    """A Wagtail image with a real PNG drawn by Pillow (a gradient with a scatter of points)."""

    class Meta:
        model = get_image_model()

    class Params:
        width_px = 1200
        height_px = 675
        file_stem = factory.Sequence(lambda n: f"image-{n}")

    title = factory.Faker("sentence", nb_words=3)
    file = factory.LazyAttribute(_chart_file)
    # The root collection, where editors' image permissions are granted (not a new "Test collection" each time).
    collection = factory.LazyFunction(Collection.get_first_root_node)


def _language_of(stub) -> str:
    """The language of the text to fake: the parent page's locale, else Danish (the site's default)."""
    parent = getattr(stub, "parent", None)
    if parent is not None and getattr(parent, "locale_id", None):
        return parent.locale.language_code
    return "da"


def _faker(provider: str, **kwargs) -> factory.Faker:
    return factory.Faker(provider, locale=factory.SelfAttribute("..faker_locale"), **kwargs)


def _body(stub) -> list:
    """A StreamField value: one heading and one paragraph, in the page's language."""
    return [
        ("heading", {"text": stub.body_heading, "level": "h2"}),
        ("paragraph", RichText("".join(f"<p>{paragraph}</p>" for paragraph in stub.body_paragraphs))),
    ]


class BasePageFactory(wagtail_factories.PageFactory):
    """Title and body text faked in the language of the page's locale."""

    class Meta:
        abstract = True

    class Params:
        language = factory.LazyAttribute(_language_of)
        faker_locale = factory.LazyAttribute(lambda o: FAKER_LOCALES.get(o.language, "en_US"))
        body_heading = _faker("sentence", nb_words=4)
        body_paragraphs = _faker("paragraphs", nb=2)

    title = _faker("sentence", nb_words=4)
    live = True


class HomePageFactory(BasePageFactory):
    class Meta:
        model = HomePage

    hero_title = factory.SelfAttribute("title")
    hero_text = _faker("sentence", nb_words=12)
    intro = factory.LazyAttribute(lambda o: f"<p>{o.intro_text}</p>")
    body = factory.LazyAttribute(_body)

    class Params:
        intro_text = _faker("paragraph", nb_sentences=3)


class StandardPageFactory(BasePageFactory):
    class Meta:
        model = StandardPage

    intro = _faker("paragraph", nb_sentences=2)
    body = factory.LazyAttribute(_body)


class NewsIndexPageFactory(BasePageFactory):
    class Meta:
        model = NewsIndexPage

    title = factory.LazyAttribute(lambda o: "Nyheder" if o.language == "da" else "News")
    slug = factory.LazyAttribute(lambda o: "nyheder" if o.language == "da" else "news")
    intro = _faker("sentence", nb_words=14)


class NewsPageFactory(BasePageFactory):
    """A live news item. `tags=["python", "ai"]` adds tags; `image=None` leaves it without an image."""

    class Meta:
        model = NewsPage
        skip_postgeneration_save = True

    date = factory.LazyFunction(
        lambda: timezone.localdate() - datetime.timedelta(days=factory.random.randgen.randint(0, 365))
    )
    intro = _faker("paragraph", nb_sentences=2)
    image = factory.SubFactory(ImageFactory)
    body = factory.LazyAttribute(_body)

    @factory.post_generation
    def tags(self, create: bool, extracted, **kwargs) -> None:
        if extracted:
            self.tags.add(*extracted)
            if create:
                self.save()
