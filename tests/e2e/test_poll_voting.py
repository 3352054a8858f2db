"""In Chromium, in Danish: a member logs in, ranks the candidates and answers a yes/no question on one form,
votes, sees the live results, and sees them change on their own (no reload) when someone else votes."""

import re

import pytest
from playwright.sync_api import expect

from community.factories import MemberFactory, UserFactory
from polls import services
from polls.factories import PollIndexPageFactory, PollPageFactory, question
from polls.models import Poll, Voter
from tests.home.tree import ensure_home_page
from tests.polls.builders import choose

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PASSWORD = "a-long-passphrase"
# The live results refresh every 5 seconds; a busy machine gets three rounds of that.
REFRESH_TIMEOUT_MS = 20_000


def test_a_member_votes_in_danish_and_watches_the_results_update_live(live_server, tab):
    index = PollIndexPageFactory(parent=ensure_home_page())
    page = PollPageFactory(
        parent=index,
        title="Valg af formand",
        results_shown=Poll.ResultsShown.LIVE,
        questions=[
            question("Hvem skal være formand?", ["Ada", "Grace", "Linus"], kind="ranked"),
            question("Godkender du regnskabet?", ["Ja", "Nej"]),
        ],
    )
    voter = MemberFactory(user=UserFactory(email="ida@example.com", first_name="Ida")).user

    tab.goto(f"{live_server.url}{page.url}")
    tab.get_by_role("link", name="Log ind for at stemme").click()
    tab.fill("input[name=username]", voter.email)
    tab.fill("input[name=password]", PASSWORD)
    tab.locator("form[action*='/account/login/'] button[type=submit]").click()
    expect(tab).to_have_url(re.compile(re.escape(page.url) + "$"))

    ranking = tab.get_by_role("group", name="Hvem skal være formand?")
    ranking.get_by_label("Grace").select_option("1")
    ranking.get_by_label("Ada").select_option("2")
    ranking.get_by_label("Linus").select_option("3")
    tab.get_by_role("group", name="Godkender du regnskabet?").get_by_label("Ja").check()
    tab.get_by_role("button", name="Stem").click()

    expect(tab.locator("main")).to_contain_text("Tak, din stemme er registreret.")
    expect(tab.locator("main")).to_contain_text("Du har stemt i denne afstemning. Tak.")
    assert Voter.objects.filter(user=voter, poll=page.poll).exists()
    results = tab.locator(".poll-results")
    expect(results.get_by_role("table").first).to_be_visible()
    expect(results).to_contain_text("Stemmeprocent: 1 af 1 stemmeberettigede (100%).")
    expect(results).to_contain_text("Valgt: Grace")

    # Another member votes; the page is not reloaded (the marker survives), yet the figures change.
    tab.evaluate("window.notReloaded = true")
    services.cast_ballot(MemberFactory().user, page, choose(page, (0, 1, 2), 1))

    expect(results).to_contain_text("Stemmeprocent: 2 af 2 stemmeberettigede (100%).", timeout=REFRESH_TIMEOUT_MS)
    assert tab.evaluate("window.notReloaded") is True
    rows = results.get_by_role("table").nth(0).get_by_role("row")
    expect(rows.filter(has_text="Ada")).to_contain_text("1")
    expect(rows.filter(has_text="Grace")).to_contain_text("1")
