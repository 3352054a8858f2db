"""The demo's board and member articles: both languages' board page with its profiles, and the article index
with articles by board members, a member's account and a guest. English pages are translation copies of the
Danish ones, as in home's demo; everything is looked up before it is made, so a second run changes nothing."""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from community.demo.portraits import demo_portrait
from community.demo.texts import ARTICLE_INDEX, ARTICLES, BOARD, BOARD_INDEX, Article
from community.models import ArticleIndexPage, ArticlePage, BoardIndexPage, BoardMemberPage
from home.demo.context import DemoContext
from home.demo.images import demo_image
from home.demo.pages import LANGUAGES, body_from, child_by_slug, index_pages, publish, translate_page
from home.models import NavigationLink, SiteSettings


def board(demo: DemoContext) -> None:
    """The board page in both languages and a profile with a portrait for each board member."""
    index_pages(demo, "board_index", BoardIndexPage, BOARD_INDEX)
    for person in BOARD:
        photo = demo_portrait(person.key, person.name)
        for language in LANGUAGES:
            index = demo.page("board_index", language)
            fields = {"job_title": person.job_title[language], "bio": person.bio[language]}
            page = child_by_slug(index, BoardMemberPage, person.key)
            if page is None and language == "da":
                page = index.add_child(
                    instance=BoardMemberPage(
                        title=person.name,
                        slug=person.key,
                        role=person.role,
                        photo=photo,
                        email=person.email,
                        linkedin=person.linkedin,
                        github=person.github,
                        website=person.website,
                        **fields,
                    )
                )
                page = publish(page)
            elif page is None:
                page = translate_page(demo.page(f"board:{person.key}", "da"), demo.locales[language], **fields)
            demo.remember(f"board:{person.key}", language, page.specific)


def _author(demo: DemoContext, article: Article) -> dict:
    if article.author.startswith("account:"):
        user = get_user_model().objects.filter(email__iexact=article.author.partition(":")[2]).first()
        return {"author_user": user, "author_name": user.get_full_name() if user else ""}
    if any(person.key == article.author for person in BOARD):
        return {"author_profile": demo.page(f"board:{article.author}", "da")}
    return {"author_name": article.author}


def articles(demo: DemoContext) -> None:
    """The article index in both languages and each article, with its picture, author and tags."""
    index_pages(demo, "article_index", ArticleIndexPage, ARTICLE_INDEX)
    today = timezone.localdate()
    for article in ARTICLES:
        picture = demo_image(f"article-{article.key}", article.da.title, article.label)
        for language in LANGUAGES:
            text = getattr(article, language)
            index = demo.page("article_index", language)
            page = child_by_slug(index, ArticlePage, text.slug)
            fields = {"title": text.title, "slug": text.slug, "intro": text.intro, "body": body_from(text)}
            if page is None and language == "da":
                page = index.add_child(
                    instance=ArticlePage(
                        date=today - datetime.timedelta(days=article.days_ago),
                        image=picture,
                        **_author(demo, article),
                        **fields,
                    )
                )
                page.tags.set(text.tags)
                page = publish(page)
            elif page is None:
                page = translate_page(
                    demo.page(f"article:{article.key}", "da"), demo.locales[language], text.tags, **fields
                )
            demo.remember(f"article:{article.key}", language, page)


def navigation(demo: DemoContext) -> None:
    """The menu gains the article and board pages (once), and the summary their addresses."""
    site_settings = SiteSettings.for_site(demo.site)
    linked = set(site_settings.navigation_links.values_list("page_id", flat=True))
    order = site_settings.navigation_links.count()
    for key in ("article_index", "board_index"):
        page = demo.page(key, "da")
        if page.pk not in linked:
            NavigationLink.objects.create(settings=site_settings, page=page, sort_order=order)
            order += 1
    demo.link("Articles", demo.page("article_index", "da").url)
    demo.link("Board", demo.page("board_index", "da").url)
