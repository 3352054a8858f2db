"""axe-core finds no WCAG 2.2 AA violation, every focus indicator keeps 3:1 and nothing scrolls sideways 320 px
wide (tests/e2e/a11y.py), in Danish and in English, on every page a visitor or member uses: home, event,
registration, the check-in desks and the scanner; news, article, standard and 404 pages; search with and without
results; log-in (also refused), password reset, account activation, My page and the membership application (also
with its errors); the profile and the password change (each also refused), account deletion, two-factor set-up and
the code page at log-in (each also refused); a full event's waiting list, My tickets and a ticket with its QR code;
the polls list, My polls, a plain and a ranked-choice ballot (also refused) and live results with a runoff; the
board and a board member; the member directory; the salary tables, the calculator (refused, then answered) and the
community numbers. A refused field is read with its error message. A new page's browser test adds itself with
`assert_accessible`."""

import re
from datetime import date
from urllib.parse import urlsplit

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from community.factories import PASSWORD, MemberFactory, UserFactory
from community.models import ArticleIndexPage, BoardIndexPage, Member
from community.services.accounts import activation_url
from events.factories import EventIndexPageFactory, EventPageFactory
from events.services import register
from home.factories import NewsIndexPageFactory, NewsPageFactory, StandardPageFactory
from polls import services
from polls.factories import PollIndexPageFactory
from polls.models import Poll
from stats.models import SurveyYear
from stats.services.calculator import current_model, fit_model
from tests.community.pages.conftest import add_article, add_board_member, small_image
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
def test_event_registration_box_check_in_desks_and_scanner_have_no_violations(live_server, tab, site, language):
    event = site["event"][0]
    volunteer = make_volunteer(event, email=f"vera-{language}@example.com", first_name="Vera")
    log_in(tab.context, volunteer, live_server)
    tab.goto(live_server.url + site["event"][LANGUAGES.index(language)].url)
    expect(tab.locator("form button[type=submit]").first).to_be_visible()
    assert_accessible(tab)
    tab.goto(f"{live_server.url}/{language}/events/checkin/")  # the desks: which event to scan at
    expect(tab.locator("[data-checkin-desks] a")).to_have_count(1)
    assert_accessible(tab)
    tab.goto(f"{live_server.url}/{language}/events/{event.event_id}/checkin/")
    expect(tab.get_by_role("heading", level=1)).to_be_visible()
    assert_accessible(tab)


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
def test_my_page_and_membership_application_have_no_violations(live_server, tab, site, language):
    user = UserFactory(email=f"ida-{language}@example.com", first_name="Ida", language=language)
    log_in(tab.context, user, live_server)
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
def test_polls_list_voting_and_results_have_no_violations(live_server, tab, polls, language):
    voter = member(email=f"ada-{language}@example.com", first_name="Ada", language=language)
    voted = polls["voted"][0]
    services.cast_ballot(voter, voted, choose(voted, (0, 2, 1)))
    log_in(tab.context, voter, live_server)
    at = LANGUAGES.index(language)
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


def assert_refusal_read_with_field(form) -> None:
    """The form's first refused field says so (aria-invalid) and is described by its error message, so a screen
    reader reads the message with the field."""
    refused = form.locator("input.is-invalid").first
    expect(refused).to_have_attribute("aria-invalid", "true")
    error = form.locator(".invalid-feedback").first
    expect(refused).to_have_accessible_description(re.compile(re.escape(error.inner_text().strip())))


@pytest.mark.parametrize("language", LANGUAGES)
def test_profile_password_change_and_account_deletion_have_no_violations(live_server, tab, site, language):
    user = UserFactory(email=f"karl-{language}@example.com", first_name="Karl", language=language)
    log_in(tab.context, user, live_server)
    tab.goto(f"{live_server.url}/{language}/account/profile/")
    expect(tab.locator("html")).to_have_attribute("lang", language)
    assert_accessible(tab)
    form = tab.locator("main form[method=post]").first
    form.locator("input[name=birth_date]").fill("3000-01-01")  # a birthday in the future is refused
    form.locator("button[type=submit]").click()
    expect(form.locator(".invalid-feedback").first).to_be_visible()
    assert_refusal_read_with_field(form)
    assert_accessible(tab)
    tab.goto(f"{live_server.url}/{language}/account/password/")
    assert_accessible(tab)
    form = tab.locator("main form[method=post]").first
    form.locator("input[name=old_password]").fill("not-the-password")
    form.locator("input[name=new_password1]").fill("a-new-long-passphrase")
    form.locator("input[name=new_password2]").fill("another-long-passphrase")
    form.locator("button[type=submit]").click()
    expect(form.locator(".invalid-feedback").first).to_be_visible()
    assert_refusal_read_with_field(form)
    assert_accessible(tab)
    tab.goto(f"{live_server.url}/{language}/account/delete/")
    expect(tab.locator("main .btn-danger")).to_be_visible()
    assert_accessible(tab)


@pytest.mark.parametrize("language", LANGUAGES)
def test_two_factor_set_up_and_the_code_page_at_log_in_have_no_violations(live_server, tab, site, language):
    user = UserFactory(email=f"tove-{language}@example.com", first_name="Tove", language=language)
    log_in(tab.context, user, live_server)
    tab.goto(f"{live_server.url}/{language}/account/two-factor/")
    expect(tab.locator("[data-testid=totp-secret]")).to_be_visible()
    assert_accessible(tab)
    form = tab.locator("main form[method=post]").first
    form.locator("input[name=code]").fill("000000")  # not the app's code
    form.locator("button[type=submit]").click()
    expect(form.locator(".invalid-feedback").first).to_be_visible()
    assert_refusal_read_with_field(form)
    assert_accessible(tab)
    # The app is set up (as if the right code had been sent); logging in again asks for a code.
    TOTPDevice.objects.filter(user=user).update(confirmed=True)
    tab.context.clear_cookies()
    tab.goto(f"{live_server.url}/{language}/account/login/")
    tab.fill("input[name=username]", user.email)
    tab.fill("input[name=password]", PASSWORD)
    tab.locator("form[action$='/account/login/'] button[type=submit]").click()
    expect(tab).to_have_url(re.compile(r"/account/two-factor/verify/"))
    assert_accessible(tab)
    form = tab.locator("main form[method=post]").first
    form.locator("input[name=code]").fill("000000")
    form.locator("button[type=submit]").click()
    expect(form.locator(".invalid-feedback").first).to_be_visible()
    assert_refusal_read_with_field(form)
    assert_accessible(tab)


@pytest.mark.parametrize("language", LANGUAGES)
def test_waiting_list_my_tickets_and_a_ticket_have_no_violations(live_server, tab, site, language):
    """A full event's box offers the waiting list and then says the member is on it; My tickets lists a ticket
    (with its QR code) and the waiting place; the ticket page shows the QR code."""
    index, index_en = site["index"]
    full = EventPageFactory(parent=index, title="Foredrag", slug="foredrag", capacity=1, image=None)
    full_en = publish_translation(full, index_en.locale, title="Talk", slug="talk")
    register(UserFactory(), full, accepted_terms=True)  # the one seat
    holder = UserFactory(email=f"nina-{language}@example.com", first_name="Nina", language=language)
    ticket = register(holder, site["event"][0], accepted_terms=True)
    log_in(tab.context, holder, live_server)
    tab.goto(live_server.url + (full, full_en)[LANGUAGES.index(language)].url)
    box = tab.locator(".registration-box")
    expect(box.locator(".seats-left")).to_be_visible()
    assert_accessible(tab)
    box.locator("button[type=submit]").click()  # join the waiting list
    expect(box.locator("a[href$='/events/tickets/']")).to_be_visible()
    assert_accessible(tab)
    tab.goto(f"{live_server.url}/{language}/events/tickets/")
    expect(tab.locator("[data-tickets=waiting] li")).to_have_count(1)
    assert_accessible(tab)
    tab.goto(f"{live_server.url}/{language}/events/tickets/{ticket.pk}/")
    expect(tab.locator("[data-ticket-status=confirmed]")).to_be_visible()
    expect(tab.locator("main img[src$='/qr.png']")).to_be_visible()
    assert_accessible(tab)


@pytest.mark.parametrize("language", LANGUAGES)
def test_my_polls_board_and_member_directory_have_no_violations(live_server, tab, site, polls, language):
    home, home_en = site["home"]
    english = home_en.locale
    ensure_root_collection()
    board = home.add_child(instance=BoardIndexPage(title="Bestyrelsen", slug="bestyrelsen", intro="Vi styrer"))
    board_en = publish_translation(board, english, title="The board", slug="board", intro="We steer")
    chair = add_board_member(
        board, "Ada Jensen", role="chair", photo=small_image("Ada"), job_title="Data scientist", bio="Om Ada."
    )
    chair_en = publish_translation(chair, english, bio="About Ada.")
    add_board_member(board, "Grace Holm", job_title="Statistiker")
    publish_translation(board.get_children().last().specific, english)
    voter = member(email=f"ole-{language}@example.com", first_name="Ole", language=language)
    Member.objects.filter(user=voter).update(public_profile=True, job_title="Analytiker", website="https://ole.dk")
    MemberFactory(user=UserFactory(first_name="Bo"), public_profile=True, job_title="Ingeniør")
    voted = polls["voted"][0]
    services.cast_ballot(voter, voted, choose(voted, (0, 2, 1)))
    log_in(tab.context, voter, live_server)
    at = LANGUAGES.index(language)
    tab.goto(f"{live_server.url}/{language}/polls/mine/")
    expect(tab.locator("html")).to_have_attribute("lang", language)
    assert_accessible(tab)
    for page in ((board, board_en), (chair, chair_en)):
        tab.goto(live_server.url + page[at].url)
        expect(tab.locator("html")).to_have_attribute("lang", language)
        assert_accessible(tab)
    tab.goto(f"{live_server.url}/{language}/members/")
    expect(tab.locator(".member-card")).to_have_count(2)
    assert_accessible(tab)


@pytest.mark.parametrize("language", LANGUAGES)
def test_account_activation_page_and_its_answer_have_no_violations(live_server, tab, site, language):
    user = UserFactory(email=f"eva-{language}@example.com", first_name="Eva", language=language, verified=False)
    tab.goto(live_server.url + urlsplit(activation_url(user)).path)
    expect(tab.locator("html")).to_have_attribute("lang", language)
    assert_accessible(tab)
    tab.locator("[data-testid=activate] button[type=submit]").click()
    expect(tab.locator("[data-testid=activate]")).to_have_count(0)
    assert_accessible(tab)
