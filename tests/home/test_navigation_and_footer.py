"""The menu and footer come from the site settings and follow the visitor's language."""

import pytest
from wagtail.models import Site

from home.factories import StandardPageFactory
from home.models import FooterText, NavigationLink, SiteSettings, SocialLink

pytestmark = pytest.mark.django_db


@pytest.fixture
def site_settings(db) -> SiteSettings:
    return SiteSettings.for_site(Site.objects.get(is_default_site=True))


def _menu_link(title: str, url: str) -> str:
    return f'href="{url}">{title}</a>'


def test_menu_shows_each_linked_page_in_the_visitor_language(client, bilingual_site, site_settings):
    site_settings.navigation_links.add(NavigationLink(page=bilingual_site.standard_da))
    site_settings.navigation_links.add(NavigationLink(page=bilingual_site.index_da))
    site_settings.save()

    danish = client.get("/da/").content.decode()
    english = client.get("/en/").content.decode()

    assert _menu_link("Om foreningen", "/da/om/") in danish
    assert _menu_link("Nyheder", "/da/nyheder/") in danish
    assert _menu_link("About the association", "/en/about/") in english
    assert _menu_link("News", "/en/news/") in english
    assert english.index("About the association") < english.index(">News</a>")  # editor's order kept


def test_menu_marks_the_current_page_for_screen_readers(client, bilingual_site, site_settings):
    site_settings.navigation_links.add(NavigationLink(page=bilingual_site.standard_da))
    site_settings.save()

    html = client.get("/en/about/").content.decode()

    assert 'class="nav-link active" href="/en/about/" aria-current="page">About the association</a>' in html


def test_menu_falls_back_to_the_original_page_when_the_translation_is_a_draft(client, bilingual_site, site_settings):
    site_settings.navigation_links.add(NavigationLink(page=bilingual_site.standard_da))
    site_settings.save()
    bilingual_site.standard_en.unpublish()

    html = client.get("/en/").content.decode()

    assert 'href="/da/om/" lang="da">Om foreningen</a>' in html  # Danish text in an English page says so


def test_without_configured_links_the_menu_shows_home_page_children_marked_for_menus(client, home_page):
    StandardPageFactory(parent=home_page, title="I menuen", slug="i-menuen", show_in_menus=True)
    StandardPageFactory(parent=home_page, title="Ikke i menuen", slug="ikke-i-menuen", show_in_menus=False)

    html = client.get("/da/").content.decode()

    assert _menu_link("I menuen", "/da/i-menuen/") in html
    assert "Ikke i menuen" not in html


def test_footer_text_is_shown_in_the_visitor_language(client, bilingual_site, english, site_settings):
    footer = FooterText.objects.create(
        title="Fod", body="<p>Vi er en frivillig forening.</p>", locale=bilingual_site.home_da.locale
    )
    english_footer = footer.copy_for_translation(english)
    english_footer.body = "<p>We are a volunteer association.</p>"
    english_footer.save()
    site_settings.footer = footer
    site_settings.save()

    assert "Vi er en frivillig forening." in client.get("/da/").content.decode()
    english_html = client.get("/en/").content.decode()
    assert "We are a volunteer association." in english_html
    assert "Vi er en frivillig forening." not in english_html


def test_untranslated_footer_text_is_shown_as_it_is(client, bilingual_site, site_settings):
    site_settings.footer = FooterText.objects.create(
        title="Fod", body="<p>Kun på dansk.</p>", locale=bilingual_site.home_da.locale
    )
    site_settings.save()

    assert "Kun på dansk." in client.get("/en/").content.decode()


def test_footer_lists_social_links_and_contact_email(client, home_page, site_settings):
    site_settings.social_links.add(SocialLink(name="LinkedIn", url="https://www.linkedin.com/company/ddsc"))
    site_settings.contact_email = "bestyrelse@ddsc.example"
    site_settings.save()

    html = client.get("/da/").content.decode()

    assert '<a href="https://www.linkedin.com/company/ddsc" rel="noopener">LinkedIn</a>' in html
    assert 'href="mailto:bestyrelse@ddsc.example"' in html


def test_the_menu_links_the_members_page_in_the_visitor_language(client, bilingual_site):
    danish = client.get("/da/").content.decode()
    english = client.get("/en/").content.decode()
    members = client.get("/da/members/").content.decode()

    assert _menu_link("Medlemmer", "/da/members/") in danish
    assert _menu_link("Members", "/en/members/") in english
    assert 'href="/da/members/" aria-current="page">Medlemmer</a>' in members
