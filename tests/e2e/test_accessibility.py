"""axe-core finds no WCAG 2.2 AA violation, and every focus indicator keeps 3:1, on the home, event, registration
and scanner pages, in Danish and in English. A new page's browser test adds itself with `assert_accessible`."""

import pytest
from playwright.sync_api import expect

from events.factories import EventIndexPageFactory, EventPageFactory
from tests.e2e.a11y import assert_accessible
from tests.e2e.checkin.conftest import log_in, make_volunteer
from tests.home.tree import english_locale, ensure_home_page, publish_translation

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
LANGUAGES = ["da", "en"]


@pytest.fixture(autouse=True)
def no_mail_sending(monkeypatch):
    monkeypatch.setattr("home.mail.enqueue_sending", lambda outbox_id: None)


@pytest.fixture
def site():
    home = ensure_home_page()
    home.hero_title = "Velkommen til fællesskabet"
    home.hero_text = "Et fællesskab for alle, der arbejder med data."
    home.save_revision().publish()
    english = english_locale()
    home_en = publish_translation(home, english, hero_title="Welcome to the community", hero_text="A community.")
    index = EventIndexPageFactory(parent=home, title="Arrangementer", slug="arrangementer")
    index_en = publish_translation(index, english, title="Events", slug="events")
    event = EventPageFactory(parent=index, title="Sommerfest", slug="sommerfest", capacity=10, image=None)
    event_en = publish_translation(event, english, title="Summer party", slug="summer-party")
    return {"home": (home, home_en), "index": (index, index_en), "event": (event, event_en)}


@pytest.mark.parametrize("language", LANGUAGES)
def test_home_and_event_pages_have_no_violations(live_server, tab, site, language):
    for path in (f"/{language}/", site["event"][LANGUAGES.index(language)].url):
        tab.goto(live_server.url + path)
        expect(tab.locator("html")).to_have_attribute("lang", language)
        assert_accessible(tab)


@pytest.mark.parametrize("language", LANGUAGES)
def test_account_registration_page_has_no_violations_also_with_errors(live_server, tab, site, language):
    tab.goto(f"{live_server.url}/{language}/account/register/")
    assert_accessible(tab)
    tab.locator("form[action$='/account/register/'] button[type=submit]").click()
    assert_accessible(tab)


@pytest.mark.parametrize("language", LANGUAGES)
def test_event_registration_box_and_scanner_have_no_violations(live_server, browser, site, language):
    event = site["event"][0]
    volunteer = make_volunteer(event, email=f"vera-{language}@example.com", first_name="Vera")
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="da-DK")
    log_in(context, volunteer, live_server)
    tab = context.new_page()
    try:
        tab.goto(live_server.url + site["event"][LANGUAGES.index(language)].url)
        expect(tab.locator("form button[type=submit]").first).to_be_visible()
        assert_accessible(tab)
        tab.goto(f"{live_server.url}/{language}/events/{event.event_id}/checkin/")
        expect(tab.get_by_role("heading", level=1)).to_be_visible()
        assert_accessible(tab)
    finally:
        context.close()
