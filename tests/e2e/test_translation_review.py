"""In a real browser: the demo translator translates one segment of a live Danish page in wagtail-localize's
editor and submits it for review; the English page is not live until the moderator approves it, then it is."""

from importlib import import_module

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from playwright.sync_api import expect
from wagtail.models import Page

from home.demo.accounts import PEOPLE
from home.factories import StandardPageFactory
from tests.e2e.conftest import TIMEOUT_MS
from tests.home.tree import english_locale, ensure_home_page, ensure_root_collection, publish_translation

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def restore_roles():
    """The groups, permissions and workflow the data migrations made: a transactional test before this one
    flushed them."""
    ensure_root_collection()
    import_module("community.migrations.0002_groups").create_roles(apps, None)
    import_module("community.migrations.0005_article_workflow").set_up_moderation(apps, None)
    import_module("community.migrations.0006_translations_reviewed").review_translations(apps, None)


def demo_person(role: str):
    person = next(p for p in PEOPLE if p.groups == (role,))
    user = get_user_model().objects.create_user(
        person.email, person.password, first_name=person.first_name, last_name=person.last_name, is_verified=True
    )
    user.groups.set(Group.objects.filter(name=role))
    return person


def admin_log_in(browser, live_server, person):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
    tab = context.new_page()
    tab.set_default_timeout(TIMEOUT_MS)
    tab.goto(f"{live_server.url}/admin/login/")
    tab.locator("#id_username").fill(person.email)
    tab.locator("#id_password").fill(person.password)
    tab.locator("form:has(#id_password) button[type=submit]").click()
    expect(tab).to_have_url(f"{live_server.url}/admin/")
    return context, tab


def test_translator_translates_a_segment_and_submits_it_and_the_moderator_approves(live_server, browser):
    home = ensure_home_page()
    restore_roles()
    english = english_locale()
    publish_translation(home, english, title="Home")
    page = StandardPageFactory(parent=home, title="Om foreningen", slug="om", intro="Vi er en forening")
    translator, moderator = demo_person("Translators"), demo_person("Moderators")

    context, tab = admin_log_in(browser, live_server, translator)
    tab.goto(live_server.url + reverse("wagtail_localize:submit_page_translation", args=[page.pk]))
    tab.get_by_label("English").check()
    tab.locator("input[type=submit][value=Submit]").click()
    expect(tab.locator(".js-translation-editor")).to_be_attached()
    english_page = page.get_translation(english)
    assert not english_page.live

    # One segment: the title, the first in the editor's list.
    tab.get_by_role("button", name="Translate", exact=True).first.click()
    tab.locator("textarea").first.fill("About the association")
    tab.get_by_role("button", name="Save", exact=True).first.click()
    expect(tab.get_by_text("About the association")).to_be_visible()

    tab.get_by_role("button", name="Submit for review").click()
    expect(tab.get_by_text("Waiting for review")).to_be_visible()
    context.close()
    english_page.refresh_from_db()
    assert not english_page.live
    assert "About the association" not in live_server_get(live_server, "/en/")

    context, tab = admin_log_in(browser, live_server, moderator)
    tab.goto(live_server.url + reverse("wagtailadmin_pages:edit", args=[english_page.pk]))
    tab.get_by_role("button", name="Approve", exact=True).click()
    expect(tab.get_by_text("Waiting for review")).to_have_count(0)

    english_page = Page.objects.get(pk=english_page.pk)
    assert english_page.live
    tab.goto(live_server.url + english_page.url)
    expect(tab.locator("html")).to_have_attribute("lang", "en")
    expect(tab.get_by_role("heading", level=1)).to_have_text("About the association")
    context.close()


def live_server_get(live_server, path: str) -> str:
    from urllib.request import urlopen

    with urlopen(live_server.url + path) as response:  # noqa: S310 - the test's own server
        return response.read().decode()
