"""Every page type renders in Danish and English with its own content, and the home page lists the news."""

import pytest
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from home.models import NewsPage
from tests.home.tree import make_news

pytestmark = pytest.mark.django_db


def _get(client, url: str):
    response = client.get(url)
    assert response.status_code == 200, url
    return response


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("da", ["Danish Data Science Community", "Generalforsamling afholdt"]),
        ("en", ["Danish Data Science Community in English", "Annual meeting held"]),
    ],
)
def test_home_page_shows_its_title_and_the_latest_news_in_its_language(client, bilingual_site, language, expected):
    response = _get(client, f"/{language}/")

    html = response.content.decode()
    assert "home/home_page.html" in [template.name for template in response.templates]
    for text in expected:
        assert text in html
    other_news = "Annual meeting held" if language == "da" else "Generalforsamling afholdt"
    assert other_news not in html


@pytest.mark.parametrize(
    ("page_attr", "template", "texts"),
    [
        ("standard_da", "home/standard_page.html", ["Om foreningen", "Vi er en forening"]),
        ("standard_en", "home/standard_page.html", ["About the association", "We are an association"]),
        ("index_da", "home/news_index_page.html", ["Nyt fra fællesskabet", "Generalforsamling afholdt"]),
        ("index_en", "home/news_index_page.html", ["News from the community", "Annual meeting held"]),
        ("news_da", "home/news_page.html", ["Generalforsamling afholdt", "Referat fra mødet", "forening"]),
        ("news_en", "home/news_page.html", ["Annual meeting held", "Minutes from the meeting"]),
    ],
)
def test_each_page_type_renders_its_content_under_its_language_prefix(
    client, bilingual_site, page_attr, template, texts
):
    page = getattr(bilingual_site, page_attr)
    language = page.locale.language_code

    assert page.url.startswith(f"/{language}/")
    response = _get(client, page.url)

    html = response.content.decode()
    assert template in [used.name for used in response.templates]
    assert f'<html lang="{language}"' in html
    for text in texts:
        assert text in html


def test_news_page_body_blocks_and_image_are_rendered(client, bilingual_site):
    html = _get(client, bilingual_site.news_da.url).content.decode()

    heading = bilingual_site.news_da.body[0].value["text"]
    assert f">{heading}</h2>" in html
    assert 'class="rich-text"' in html
    assert "width-1280" in html  # the news image rendition
    assert f'<time datetime="{bilingual_site.news_da.date:%Y-%m-%d}"' in html


def test_news_page_tags_link_to_the_filtered_news_index(client, bilingual_site):
    html = _get(client, bilingual_site.news_da.url).content.decode()

    assert 'href="/da/nyheder/?tag=forening"' in html


def test_home_page_shows_only_the_three_newest_news(client, home_page, news_index):
    older = make_news(news_index, 1, title="Gammel nyhed", date="2020-01-01")
    newest = [make_news(news_index, 1, title=f"Ny nyhed {n}", date=f"2025-0{n}-01")[0] for n in range(1, 4)]

    html = _get(client, "/da/").content.decode()

    for news in newest:
        assert news.title in html
    assert older[0].title not in html
    assert 'href="/da/nyheder/"' in html  # the section's "all news" link


def test_hero_shows_image_rendition_and_button_to_the_chosen_page(client, home_page, news_index, small_image):
    home_page.hero_image = small_image
    home_page.hero_cta_label = "Læs nyhederne"
    home_page.hero_cta_page = news_index
    home_page.save_revision().publish()

    html = _get(client, "/da/").content.decode()

    assert "fill-1600x600" in html
    assert '<a class="btn btn-light btn-lg" href="/da/nyheder/">Læs nyhederne</a>' in html


def test_editor_can_create_and_publish_a_news_page_in_the_admin(client, news_index, django_user_model):
    editor = django_user_model.objects.create_superuser(
        email="editor@example.com", password="pw", first_name="E", last_name="Ditor"
    )
    client.force_login(editor)
    data = nested_form_data(
        {
            "title": "Ny hackathon",
            "slug": "ny-hackathon",
            "date": "2025-05-01",
            "intro": "Vi holder hackathon",
            "tags": "hackathon, python",
            "body": streamfield(
                [
                    ("heading", {"text": "Program", "level": "h2"}),
                    ("paragraph", rich_text("<p>Kom og vær med.</p>")),
                ]
            ),
            "action-publish": "publish",
        }
    )

    response = client.post(f"/admin/pages/add/home/newspage/{news_index.pk}/", data)

    assert response.status_code == 302, response.content.decode()[:2000]
    news = NewsPage.objects.get(slug="ny-hackathon")
    assert news.live
    assert news.get_parent().pk == news_index.pk
    assert sorted(tag.name for tag in news.tags.all()) == ["hackathon", "python"]
    html = _get(client, news.url).content.decode()
    assert "Kom og vær med." in html
    assert ">Program</h2>" in html
