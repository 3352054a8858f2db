"""The translation status: every page and snippet per language, current / out of date (with the changed texts)
/ missing, filtered by state, type and section, linking into the translation editor, with counts; one click
syncs a changed source. Its queries do not grow with the number of pages."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource

from home.factories import NewsIndexPageFactory, NewsPageFactory, StandardPageFactory
from home.models import FooterText
from home.translations.creating import translate_with_localize

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree(home_page, english):
    english_home = translate_with_localize(home_page, english, title="Home")
    index = NewsIndexPageFactory(parent=home_page, title="Nyheder", slug="nyheder")
    translate_with_localize(index, english, title="News", slug="news")
    news = NewsPageFactory(parent=index, title="Årsmøde", slug="aarsmoede", intro="Referat fra mødet", image=None)
    news_en = translate_with_localize(news, english, title="Annual meeting", slug="annual-meeting", intro="Minutes")
    about = StandardPageFactory(parent=home_page, title="Om os", slug="om-os")
    return {"home_en": english_home, "index": index, "news": news, "news_en": news_en, "about": about}


def _rows(client, query: str = "") -> dict[tuple[str, str], str]:
    html = client.get(reverse("translation_status") + query).content.decode()
    return {
        (source, language): state
        for state, source, language in re.findall(
            r'<tr data-state="(\w+)" data-source="(\d+)" data-language="(\w+)">', html
        )
    }


def test_a_page_is_current_then_out_of_date_after_its_source_changes_then_current_after_sync(
    client, translator, tree, english
):
    client.force_login(translator)
    news = tree["news"]
    key = (str(news.pk), "en")
    assert _rows(client)[key] == "current"

    news.intro = "Referat og regnskab fra mødet"
    news.save_revision().publish()

    assert _rows(client)[key] == "outdated"
    html = client.get(reverse("translation_status")).content.decode()
    source = TranslationSource.objects.get(object_id=news.translation_key)
    changes = client.get(reverse("translation_changes", args=[source.pk])).content.decode()
    assert "Referat og regnskab fra mødet" in changes.split("translation-changes__added")[1].split("</ul>")[0]
    assert "Referat fra mødet" in changes.split("translation-changes__removed")[1].split("</ul>")[0]
    assert reverse("translation_sync", args=[source.pk]) in html

    synced = client.post(reverse("translation_sync", args=[source.pk]))
    assert synced.status_code == 302
    assert _rows(client)[key] == "outdated"  # synced; one new text waits for its translation
    assert '<span data-untranslated="1">' in client.get(reverse("translation_status")).content.decode()

    segment = StringSegment.objects.get(source=source, string__data="Referat og regnskab fra mødet")
    StringTranslation.objects.create(
        translation_of=segment.string, locale=english, context=segment.context, data="Minutes and accounts"
    )
    assert _rows(client)[key] == "current"


def test_missing_translations_link_to_translate_and_snippets_are_listed(client, translator, tree, home_page):
    FooterText.objects.create(title="Sidefod", body="<p>Frivillige</p>", locale=home_page.locale)
    client.force_login(translator)

    html = client.get(reverse("translation_status") + "?state=missing").content.decode()
    rows = _rows(client, "?state=missing")

    assert set(rows.values()) == {"missing"}
    assert (str(tree["about"].pk), "en") in rows
    assert reverse("wagtail_localize:submit_page_translation", args=[tree["about"].pk]) in html
    assert "Sidefod" in html
    assert re.search(r'data-state-count="missing">[^<]*<strong>2</strong>', html)


def test_filters_by_type_and_section(client, translator, tree):
    client.force_login(translator)

    news_only = _rows(client, "?type=home.newspage")
    section = _rows(client, f"?section={tree['index'].path}")

    assert set(news_only) == {(str(tree["news"].pk), "en")}
    assert set(section) == {(str(tree["index"].pk), "en"), (str(tree["news"].pk), "en")}
    assert client.get(reverse("translation_status") + "?state=<script>").status_code == 200


def test_the_row_links_open_the_translation_editor(client, translator, tree):
    client.force_login(translator)
    html = client.get(reverse("translation_status")).content.decode()

    edit_url = reverse("wagtailadmin_pages:edit", args=[tree["news_en"].pk])
    assert edit_url in html
    editor = client.get(edit_url).content.decode()
    assert "js-translation-editor" in editor


def test_people_without_the_translate_permission_are_refused(client, django_user_model, tree):
    editor = django_user_model.objects.create_user("plain@example.com", "pw-123456789", is_verified=True)
    client.force_login(editor)
    assert client.get(reverse("translation_status")).status_code in {302, 403}


def test_the_status_view_runs_the_same_number_of_queries_for_3_or_12_pages(client, translator, tree, english):
    client.force_login(translator)

    def count() -> int:
        client.get(reverse("translation_status"))  # warm caches (content types, site)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("translation_status")).status_code == 200
        return len(queries)

    few = count()
    for number in range(9):
        page = NewsPageFactory(parent=tree["index"], title=f"Nyhed {number}", slug=f"nyhed-{number}", image=None)
        if number % 2:
            translate_with_localize(page, english, title=f"News {number}", slug=f"news-{number}")
    many = count()

    assert many == few
