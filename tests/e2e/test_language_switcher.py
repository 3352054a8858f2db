"""In a real browser: the home page in Danish and English, and the switcher moving between the same pages."""

import re

import pytest
from playwright.sync_api import expect

from home.factories import StandardPageFactory
from tests.home.tree import english_locale, ensure_home_page, publish_translation

# The live server needs committed data, so these tests are transactional. (Not serialized_rollback: after
# another transactional test has flushed the database, restoring the snapshot clashes with re-made content types.)
pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def bilingual_home():
    home = ensure_home_page()
    home.hero_title = "Velkommen til fællesskabet"
    home.save_revision().publish()
    english_home = publish_translation(home, english_locale(), hero_title="Welcome to the community")
    about = StandardPageFactory(parent=home, title="Om foreningen", slug="om", intro="Vi er en forening")
    english_about = publish_translation(about, english_home.locale, title="About us", slug="about")
    return home, english_home, about, english_about


def test_home_page_renders_in_danish_and_english(live_server, tab, bilingual_home):
    tab.goto(f"{live_server.url}/da/")
    expect(tab.locator("html")).to_have_attribute("lang", "da")
    expect(tab.get_by_role("heading", level=1)).to_have_text("Velkommen til fællesskabet")

    tab.goto(f"{live_server.url}/en/")
    expect(tab.locator("html")).to_have_attribute("lang", "en")
    expect(tab.get_by_role("heading", level=1)).to_have_text("Welcome to the community")
    # The vendored Bootstrap was served and applied (the navbar is a flex row on a wide screen).
    assert tab.locator(".navbar-nav").first.evaluate("el => getComputedStyle(el).display") == "flex"


def test_switcher_moves_to_the_same_page_in_the_other_language_and_back(live_server, tab, bilingual_home):
    tab.goto(f"{live_server.url}/da/om/")
    expect(tab.get_by_role("heading", level=1)).to_have_text("Om foreningen")

    tab.locator("[data-language-switch=en]").click()
    expect(tab).to_have_url(re.compile(r"/en/about/$"))
    expect(tab.locator("html")).to_have_attribute("lang", "en")
    expect(tab.get_by_role("heading", level=1)).to_have_text("About us")

    tab.locator("[data-language-switch=da]").click()
    expect(tab).to_have_url(re.compile(r"/da/om/$"))
    expect(tab.get_by_role("heading", level=1)).to_have_text("Om foreningen")


def test_switcher_works_from_the_collapsed_menu_on_a_phone(live_server, tab, bilingual_home):
    tab.set_viewport_size({"width": 360, "height": 740})
    tab.goto(f"{live_server.url}/da/")
    switch = tab.locator("[data-language-switch=en]")
    expect(switch).to_be_hidden()

    tab.locator(".navbar-toggler").click()  # Bootstrap's collapse, from the vendored bundle
    # Bootstrap sets `show` once the opening animation is over; a click during it can miss the moving link.
    expect(tab.locator("#site-navbar")).to_have_class(re.compile(r"\bshow\b"))
    expect(switch).to_be_visible()
    switch.click()

    expect(tab).to_have_url(re.compile(r"/en/$"))
    expect(tab.get_by_role("heading", level=1)).to_have_text("Welcome to the community")
    assert tab.evaluate("document.documentElement.scrollWidth") <= 360  # nothing pushes the page sideways
