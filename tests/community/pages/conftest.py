"""Fixtures for the board and article page tests: a board and an article index under the Danish home page,
and helpers that add profiles and articles."""

import datetime

import pytest
from wagtail.rich_text import RichText

from community.models import ArticleIndexPage, ArticlePage, BoardIndexPage, BoardMemberPage
from home.factories import ImageFactory
from tests.home.tree import english_locale, ensure_home_page, publish_translation


@pytest.fixture
def home_page(db):
    return ensure_home_page()


@pytest.fixture
def english_home(home_page):
    return publish_translation(home_page, english_locale(), title="Danish Data Science Community in English")


@pytest.fixture
def board_index(home_page) -> BoardIndexPage:
    return home_page.add_child(instance=BoardIndexPage(title="Bestyrelsen", slug="bestyrelsen", intro="Vi styrer"))


@pytest.fixture
def article_index(home_page) -> ArticleIndexPage:
    return home_page.add_child(instance=ArticleIndexPage(title="Artikler", slug="artikler", intro="Medlemmer skriver"))


def small_image(title: str = "Portræt"):
    # Small images keep rendition generation fast; the templates do not care about the size.
    return ImageFactory(width_px=60, height_px=40, title=title)


def add_board_member(board: BoardIndexPage, name: str, role: str = "board_member", **fields) -> BoardMemberPage:
    slug = name.lower().replace(" ", "-")
    return board.add_child(instance=BoardMemberPage(title=name, slug=slug, role=role, **fields))


def add_article(index: ArticleIndexPage, title: str, *, tags: tuple[str, ...] = (), **fields) -> ArticlePage:
    fields.setdefault("intro", f"Introduktion til {title}")
    fields.setdefault("date", datetime.date(2026, 3, 1))
    fields.setdefault("body", [("paragraph", RichText(f"<p>Brødtekst om {title}.</p>"))])
    slug = title.lower().replace(" ", "-")
    article = index.add_child(instance=ArticlePage(title=title, slug=slug, **fields))
    if tags:
        article.tags.set(tags)
        article.save()
    return article
