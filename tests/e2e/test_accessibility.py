"""axe-core finds no WCAG 2.2 AA violation, every focus indicator keeps 3:1 and nothing scrolls sideways 320 px
wide (tests/e2e/a11y.py), in Danish and in English, on every page a visitor or member uses: home, event,
registration and scanner; news, article, standard and 404 pages; search with and without results; log-in (also
refused), password reset, My page and the membership application (also with its errors); the polls list, a plain
and a ranked-choice ballot (also refused) and live results with a runoff; the salary tables, the calculator
(refused, then answered) and the community numbers. A new page's browser test adds itself with
`assert_accessible`."""

from datetime import date

import pytest
from playwright.sync_api import expect

from community.factories import UserFactory
from community.models import ArticleIndexPage
from events.factories import EventIndexPageFactory, EventPageFactory
from home.factories import NewsIndexPageFactory, NewsPageFactory, StandardPageFactory
from polls import services
from polls.factories import PollIndexPageFactory
from polls.models import Poll
from stats.models import SurveyYear
from stats.services.calculator import current_model, fit_model
from tests.community.pages.conftest import add_article, small_image
from tests.e2e.a11y import assert_accessible
from tests.e2e.checkin.conftest import log_in, make_volunteer
from tests.home.tree import english_locale, ensure_home_page, ensure_root_collection, publish_translation
from tests.polls.builders import choose, make_poll, member, question, translate_poll
from tests.stats.survey_files import export, run_import
from tests.stats.test_calculator import hand_made_rows
from tests.stats.test_community_numbers import approved

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


@pytest.fixture
def content(site):
    """A news index with an item (picture and tags), a member's article and a standard page, in both languages."""
    home, home_en = site["home"]
    english = home_en.locale
    ensure_root_collection()
    news_index = NewsIndexPageFactory(parent=home)
    news = NewsPageFactory(
        parent=news_index, title="Nyt fra bestyrelsen", slug="nyt", image=small_image("Generalforsamling"), tags=["ai"]
    )
    article_index = home.add_child(instance=ArticleIndexPage(title="Artikler", slug="artikler", intro="Medlemmer"))
    article = add_article(article_index, "Noter om modeller", author_name="Ada Jensen", tags=("python",))
    standard = StandardPageFactory(parent=home, title="Om fællesskabet", slug="om")
    return {
        "news_index": (news_index, publish_translation(news_index, english, title="News", slug="news")),
        "news": (news, publish_translation(news, english, title="News from the board", slug="board-news")),
        "article_index": (article_index, publish_translation(article_index, english, title="Articles", slug="a")),
        "article": (article, publish_translation(article, english, title="Notes on models", slug="notes")),
        "standard": (standard, publish_translation(standard, english, title="About the community", slug="about")),
    }


@pytest.mark.parametrize("language", LANGUAGES)
def test_news_article_standard_and_missing_pages_have_no_violations(live_server, tab, content, language):
    for name in ("news_index", "news", "article", "standard"):
        tab.goto(live_server.url + content[name][LANGUAGES.index(language)].url)
        expect(tab.locator("html")).to_have_attribute("lang", language)
        assert_accessible(tab)
    response = tab.goto(f"{live_server.url}/{language}/no-such-page/")
    assert response.status == 404
    expect(tab.locator("html")).to_have_attribute("lang", language)
    assert_accessible(tab)


@pytest.mark.parametrize("language", LANGUAGES)
def test_search_with_and_without_results_has_no_violations(live_server, tab, content, language):
    tab.goto(f"{live_server.url}/{language}/search/?query=" + ("bestyrelsen" if language == "da" else "board"))
    expect(tab.locator(".search-results li")).not_to_have_count(0)
    assert_accessible(tab)
    tab.goto(f"{live_server.url}/{language}/search/?query=xyzzyquux")
    expect(tab.locator(".search-no-results")).to_be_visible()
    assert_accessible(tab)


@pytest.mark.parametrize("language", LANGUAGES)
def test_log_in_with_its_error_and_password_reset_have_no_violations(live_server, tab, site, language):
    tab.goto(f"{live_server.url}/{language}/account/login/")
    assert_accessible(tab)
    tab.fill("input[name=username]", "nobody@example.com")
    tab.fill("input[name=password]", "not-the-password")
    tab.locator("form[action$='/account/login/'] button[type=submit]").click()
    expect(tab.locator(".alert-danger, .invalid-feedback").first).to_be_visible()
    assert_accessible(tab)
    tab.goto(f"{live_server.url}/{language}/account/password-reset/")
    assert_accessible(tab)


@pytest.mark.parametrize("language", LANGUAGES)
def test_my_page_and_membership_application_have_no_violations(live_server, browser, site, language):
    user = UserFactory(email=f"ida-{language}@example.com", first_name="Ida", language=language)
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="da-DK")
    log_in(context, user, live_server)
    tab = context.new_page()
    try:
        for path in ("account/", "membership/apply/"):
            tab.goto(f"{live_server.url}/{language}/{path}")
            expect(tab.locator("html")).to_have_attribute("lang", language)
            assert_accessible(tab)
        tab.locator("main form button[type=submit]").click()  # nothing filled in
        refused = tab.locator("main form input.is-invalid").first
        expect(refused).to_have_attribute("aria-invalid", "true")
        error = tab.locator("#" + refused.get_attribute("aria-describedby"))
        expect(refused).to_have_accessible_description(error.inner_text())  # read out with the field
        assert_accessible(tab)
    finally:
        context.close()


@pytest.fixture
def polls(site):
    """A plain and a ranked-choice poll open for voting, and a ranked one with live results that took a runoff,
    in Danish and English."""
    home, home_en = site["home"]
    index = PollIndexPageFactory(parent=home)
    index_en = publish_translation(index, home_en.locale, title="Polls", slug="polls")
    plain = make_poll(index, title="Godkendelse af regnskabet")
    ranked = make_poll(
        index,
        title="Valg af formand",
        questions=[question("Hvem skal være formand?", ["Ada", "Grace", "Linus"], kind="ranked")],
    )
    voted = make_poll(
        index,
        title="Valg af kasserer",
        results_shown=Poll.ResultsShown.LIVE,
        questions=[question("Hvem skal være kasserer?", ["Ada", "Grace", "Linus"], kind="ranked")],
    )
    for ranking in ((0, 1, 2), (1, 0, 2), (2, 1, 0)):  # no majority at first: the results show a runoff
        services.cast_ballot(member(), voted, choose(voted, ranking))
    pages = {"index": (index, index_en)}
    for name, page in (("plain", plain), ("ranked", ranked), ("voted", voted)):
        pages[name] = (page, translate_poll(page))
    return pages


@pytest.mark.parametrize("language", LANGUAGES)
def test_polls_list_voting_and_results_have_no_violations(live_server, browser, polls, language):
    voter = member(email=f"ada-{language}@example.com", first_name="Ada", language=language)
    voted = polls["voted"][0]
    services.cast_ballot(voter, voted, choose(voted, (0, 2, 1)))
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="da-DK")
    log_in(context, voter, live_server)
    tab = context.new_page()
    at = LANGUAGES.index(language)
    try:
        tab.goto(live_server.url + polls["index"][at].url)
        assert_accessible(tab)
        for name in ("plain", "ranked"):
            tab.goto(live_server.url + polls[name][at].url)
            expect(tab.locator("form.poll-ballot button[type=submit]")).to_be_visible()
            assert_accessible(tab)
        tab.locator("form.poll-ballot button[type=submit]").click()  # the ranking left empty
        expect(tab.locator(".poll-ballot .invalid-feedback").first).to_be_visible()
        assert_accessible(tab)
        tab.goto(live_server.url + polls["voted"][at].url)
        expect(tab.locator(".poll-runoff-table")).to_be_visible()
        assert_accessible(tab)
    finally:
        context.close()


@pytest.mark.parametrize("language", LANGUAGES)
def test_salary_page_with_its_calculator_and_community_numbers_have_no_violations(live_server, tab, site, language):
    run_import(export(hand_made_rows()))
    if current_model() is None:  # the import hands the calculator's fit to Celery, which may not run here
        fit_model(SurveyYear.objects.get(year=2025))
    approved(date.today().replace(year=date.today().year - 2, day=1), ends=None)  # a long table of months
    tab.goto(f"{live_server.url}/{language}/stats/salaries/")
    expect(tab.locator("#salary-table tbody tr").first).to_be_visible()
    assert_accessible(tab)
    tab.goto(f"{live_server.url}/{language}/stats/salaries/calculator/")
    calculator = tab.locator("form.stats-calculator")
    calculator.locator("button[type=submit]").click()  # nothing picked: an error under each question
    expect(calculator.locator(".invalid-feedback").first).to_be_visible()
    assert_accessible(tab)
    for select in calculator.locator("select").all():
        select.select_option(index=1)
    calculator.locator("button[type=submit]").click()
    expect(tab.locator(".stats-estimate")).to_be_visible()
    assert_accessible(tab)
    tab.goto(f"{live_server.url}/{language}/stats/community/")
    tab.wait_for_function("() => window.Chart && document.querySelectorAll('canvas[data-chart]').length > 0")
    assert_accessible(tab)
