"""Helpers that build a page tree in both languages for the home and search tests."""

from wagtail.models import Locale, Page


def english_locale() -> Locale:
    return Locale.objects.get_or_create(language_code="en")[0]


def publish_translation(page: Page, locale: Locale, **changes) -> Page:
    """`page` copied into `locale` (its parents must be translated already), changed and published."""
    translated = page.copy_for_translation(locale)
    for field, value in changes.items():
        setattr(translated, field, value)
    translated.save_revision().publish()
    return translated.__class__.objects.get(pk=translated.pk)


def make_news(index, count: int, **kwargs) -> list:
    """`count` live news items under `index`, without images (fast to make, and nothing to render)."""
    from home.factories import NewsPageFactory

    return [NewsPageFactory(parent=index, image=None, **kwargs) for _ in range(count)]
