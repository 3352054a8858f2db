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


def ensure_home_page():
    """The Danish home page the migration makes, rebuilt if a transactional test before this one flushed it."""
    from wagtail.models import Site

    from home.models import HomePage

    home = HomePage.objects.filter(depth=2).first()
    if home is None:
        danish = Locale.objects.get_or_create(language_code="da")[0]
        root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root", locale=danish))
        home = root.add_child(
            instance=HomePage(title="Danish Data Science Community", slug="home", locale=danish, live=True)
        )
        Site.objects.update_or_create(
            is_default_site=True, defaults={"hostname": "localhost", "port": 80, "root_page": home}
        )
    # Cached site root paths outlive a rolled-back or flushed test; start from the database's truth.
    Site.clear_site_root_paths_cache()
    return home


def ensure_root_collection():
    """The root collection the migration makes (images go there), rebuilt if a transactional test flushed it."""
    from wagtail.models import Collection

    return Collection.get_first_root_node() or Collection.add_root(name="Root")
