"""The demo's editorial content: both languages' home, about and news pages, navigation and footer.

Danish pages are made with the home factories; each English page is made through wagtail-localize
(home.translations.creating), its English text entered as the translations of the Danish page's segments, so it
opens in the translation editor and shows in the translation status like a translator's work, and published.
A page is looked up before it is made, so a second run finds everything and changes nothing.
"""

import datetime
from urllib.parse import urlsplit

from django.conf import settings
from django.utils import timezone
from wagtail.models import Locale, Page
from wagtail.rich_text import RichText

from home.demo.context import DemoContext
from home.demo.images import demo_image
from home.demo.news_texts import NEWS
from home.demo.texts import ABOUT, FOOTER, HOME, NEWS_INDEX, PageText
from home.factories import NewsIndexPageFactory, NewsPageFactory, StandardPageFactory
from home.models import FooterText, HomePage, NavigationLink, NewsPage, SiteSettings
from home.translations.creating import translate_with_localize

LANGUAGES = ("da", "en")


def body_from(text: PageText) -> list:
    """A StreamField value: a heading and a paragraph block for each of the text's sections."""
    blocks = []
    for heading, paragraphs in text.sections:
        blocks.append(("heading", {"text": heading, "level": "h2"}))
        blocks.append(("paragraph", RichText("".join(f"<p>{paragraph}</p>" for paragraph in paragraphs))))
    return blocks


def publish(page: Page) -> Page:
    """Publish the page's current field values as a revision, as the admin's Publish button does."""
    # Publishing saves the whole object, tree counters included: take the child count from the database, as
    # pages may have been added under this one since it was loaded (else its children would vanish from routing).
    page.refresh_from_db(fields=["numchild"])
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def translate_page(source: Page, locale: Locale, tags: tuple[str, ...] = (), **fields) -> Page:
    """`source`'s translation into `locale` (its parent's translation must exist): an existing one as it is,
    else one made through wagtail-localize with `fields` as the translated text, published; `tags` replace the
    copied ones (tags are shared, not translated, in wagtail-localize)."""
    existing = source.get_translation_or_none(locale)
    if existing is not None:
        return existing.specific
    page = translate_with_localize(source, locale, **fields)
    if tags:
        page.tags.set(tags)
        page = publish(page)
    return page


def child_by_slug(parent: Page, model: type[Page], slug: str) -> Page | None:
    return model.objects.child_of(parent).filter(slug=slug).first()


def index_pages(demo: DemoContext, key: str, model: type[Page], texts: dict) -> None:
    """A listing page of `model` under each language's home page (`texts[language]` holds its fields), made once:
    the Danish one, then its translations; remembered as `key`."""
    for language in LANGUAGES:
        text = texts[language]
        index = child_by_slug(demo.page("home", language), model, text["slug"])
        if index is None and language == "da":
            index = publish(demo.page("home", "da").add_child(instance=model(**text)))
        elif index is None:
            index = translate_page(demo.page(key, "da"), demo.locales[language], **text)
        demo.remember(key, language, index.specific)


def locales_and_site(demo: DemoContext) -> None:
    """Both content languages, the default site at SITE_URL, and an English home page beside the Danish one."""
    for code, _name in settings.LANGUAGES:
        demo.locales[code] = Locale.objects.get_or_create(language_code=code)[0]

    # The home migration made the site "localhost:80"; point it at SITE_URL so full URLs (feeds, sitemap)
    # name the address the demo is served on. A site someone configured is left alone.
    site = demo.site
    if (site.hostname, site.port) == ("localhost", 80):
        address = urlsplit(settings.SITE_URL)
        site.hostname = address.hostname or "localhost"
        site.port = address.port or (443 if address.scheme == "https" else 80)
        site.save()

    home_da = site.root_page.specific
    demo.remember("home", "da", home_da)
    # Made with an empty body: `home_pages` fills both once the pages it links to exist.
    demo.remember("home", "en", translate_page(home_da, demo.locales["en"], title=HOME["en"]["hero_title"], body=[]))


def about_pages(demo: DemoContext) -> None:
    picture = demo_image("about", "Meetup i København", "Meetup")
    for language in LANGUAGES:
        text = ABOUT[language]
        home = demo.page("home", language)
        body = [
            *body_from(text)[:2],
            ("image", {"image": picture, "caption": text.sections[0][0], "alt_text": ""}),
            *body_from(text)[2:],
        ]
        page = child_by_slug(home, Page, text.slug)
        if page is None and language == "da":
            page = publish(
                StandardPageFactory(parent=home, title=text.title, slug=text.slug, intro=text.intro, body=body)
            )
        elif page is None:
            page = translate_page(
                demo.page("about", "da"),
                demo.locales[language],
                title=text.title,
                slug=text.slug,
                intro=text.intro,
                body=body,
            )
        demo.remember("about", language, page.specific)


def news(demo: DemoContext) -> None:
    """The news index in both languages and every news item under each, with its picture."""
    for language in LANGUAGES:
        text = NEWS_INDEX[language]
        index = child_by_slug(demo.page("home", language), Page, text["slug"])
        if index is None and language == "da":
            index = publish(NewsIndexPageFactory(parent=demo.page("home", "da"), **text))
        elif index is None:
            index = translate_page(demo.page("news_index", "da"), demo.locales[language], **text)
        demo.remember("news_index", language, index.specific)

    today = timezone.localdate()
    for item in NEWS:
        picture = demo_image(item.key, item.da.title, item.label)
        for language in LANGUAGES:
            text: PageText = getattr(item, language)
            index = demo.page("news_index", language)
            page = child_by_slug(index, NewsPage, text.slug)
            fields = {"title": text.title, "slug": text.slug, "intro": text.intro, "body": body_from(text)}
            if page is None and language == "da":
                page = NewsPageFactory(
                    parent=index, date=today - datetime.timedelta(days=item.days_ago), image=picture, **fields
                )
                page.tags.set(text.tags)
                page = publish(page)
            elif page is None:
                page = translate_page(demo.page(f"news:{item.key}", "da"), demo.locales[language], text.tags, **fields)
            demo.remember(f"news:{item.key}", language, page)


def home_pages(demo: DemoContext) -> None:
    """Hero, introduction and body of both home pages, filled once (a home page with a body is left alone)."""
    hero = demo_image("hero", "Danish Data Science Community", "", size=(1920, 720))
    for language in LANGUAGES:
        page: HomePage = demo.page("home", language)
        if page.body:
            continue
        text = HOME[language]
        fields = {
            "hero_title": text["hero_title"],
            "hero_text": text["hero_text"],
            "hero_cta_label": text["hero_cta_label"],
            "intro": f"<p>{text['intro']}</p>",
        }
        fields["body"] = [
            ("heading", {"text": text["heading"], "level": "h2"}),
            ("paragraph", RichText(f"<p>{text['paragraph']}</p>")),
            ("quote", {"text": text["quote"], "attribution": text["quote_by"]}),
            (
                "call_to_action",
                {
                    "title": text["cta_title"],
                    "text": text["cta_text"],
                    "page": demo.page("about", "da"),
                    "url": "",
                    "button_label": text["cta_button"],
                },
            ),
        ]
        if language == "da":
            for name, value in fields.items():
                setattr(page, name, value)
            page.hero_image, page.hero_cta_page = hero, demo.page("about", "da")
            demo.remember("home", language, publish(page))
        else:  # the English home page exists (made empty first, as a parent): bring it up to date
            english = translate_with_localize(demo.page("home", "da"), page.locale, title=page.title, **fields)
            demo.remember("home", language, english)


def navigation_and_footer(demo: DemoContext) -> None:
    """Menu links to the news and about pages (shown in the visitor's language) and the translated footer."""
    site_settings = SiteSettings.for_site(demo.site)
    if not site_settings.navigation_links.exists():
        site_settings.navigation_links = [
            NavigationLink(page=demo.page("news_index", "da"), sort_order=0),
            NavigationLink(page=demo.page("about", "da"), sort_order=1),
        ]
    if site_settings.footer is None:
        footer = FooterText.objects.filter(locale=demo.locales["da"], title=FOOTER["da"]["title"]).first()
        if footer is None:
            footer = FooterText.objects.create(locale=demo.locales["da"], **FOOTER["da"])
        if footer.get_translation_or_none(demo.locales["en"]) is None:
            translate_with_localize(footer, demo.locales["en"], **FOOTER["en"])
        site_settings.footer = footer
    if not site_settings.contact_email:
        site_settings.contact_email = "kontakt@ddsc.example"
    site_settings.save()

    demo.link("Danish site", demo.page("home", "da").url)
    demo.link("English site", demo.page("home", "en").url)
    demo.link("News", demo.page("news_index", "da").url)
    demo.link("Admin", "/admin/")
