"""Results: shown per the poll's setting (live, after one voted, after closing) to those who may vote and staff;
counts, shares, runoff rounds, turnout against those who may vote, quorum, and after closing who voted; the live
fragment; a bounded number of queries however many ballots there are."""

import datetime

import pytest
import time_machine
from django.utils import timezone

from community.factories import MemberFactory, StaffFactory, UserFactory
from polls import services
from polls.factories import question
from polls.models import Poll
from tests.polls.builders import choose, close, make_poll, member

pytestmark = pytest.mark.django_db

RESULTS = 'class="poll-results'


def results_shown(client, page) -> bool:
    return RESULTS in client.get(page.url).content.decode()


@pytest.mark.parametrize(
    ("setting", "before_voting", "after_voting", "after_closing"),
    [
        (Poll.ResultsShown.LIVE, True, True, True),
        (Poll.ResultsShown.AFTER_VOTING, False, True, True),
        (Poll.ResultsShown.AFTER_CLOSING, False, False, True),
    ],
)
def test_results_are_shown_when_the_poll_says(client, index, setting, before_voting, after_voting, after_closing):
    page = make_poll(index, results_shown=setting)
    voter = member()
    client.force_login(voter)

    assert results_shown(client, page) is before_voting
    services.cast_ballot(voter, page, choose(page, 0))
    assert results_shown(client, page) is after_voting
    close(page)
    assert results_shown(client, page) is after_closing


def test_live_results_wait_for_the_poll_to_open(client, index):
    now = timezone.now()
    page = make_poll(
        index,
        results_shown=Poll.ResultsShown.LIVE,
        opens_at=now + datetime.timedelta(days=1),
        closes_at=now + datetime.timedelta(days=2),
    )
    client.force_login(member())

    assert not results_shown(client, page)


@pytest.mark.parametrize("setting", [Poll.ResultsShown.LIVE, Poll.ResultsShown.AFTER_CLOSING])
def test_people_who_may_not_vote_never_see_the_results(client, index, setting):
    page = make_poll(index, results_shown=setting)
    close(page)

    assert not results_shown(client, page)  # anonymous
    client.force_login(UserFactory())  # an account without membership
    assert not results_shown(client, page)
    assert client.get(f"/da/polls/{page.pk}/results/").status_code == 403


def test_staff_see_the_results_no_earlier_than_voters(client, index):
    page = make_poll(index)
    client.force_login(StaffFactory(permissions=["polls.view_poll_results"]))

    assert not results_shown(client, page)
    close(page)
    assert results_shown(client, page)


def test_counts_shares_turnout_and_quorum(client, index):
    page = make_poll(index, quorum_percent=50, results_shown=Poll.ResultsShown.LIVE, choice_texts=("Ja", "Nej"))
    voters = [member() for _ in range(3)]
    MemberFactory()  # may vote, does not: 3 of 4 voted
    MemberFactory(user=UserFactory(verified=False))  # not activated: cannot vote, not counted
    for person, pick in zip(voters, [0, 0, 1], strict=True):
        services.cast_ballot(person, page, choose(page, pick))
    client.force_login(voters[0])

    html = client.get(page.url).content.decode()

    assert "Stemmeprocent: 3 af 4 stemmeberettigede (75%)." in html
    assert "Beslutningsdygtig: mindst 50% har stemt" in html
    assert '<td class="text-end" data-count="2">2</td>\n                    <td class="text-end">67</td>' in html
    assert '<td class="text-end" data-count="1">1</td>\n                    <td class="text-end">33</td>' in html


def test_a_quorum_not_reached_says_so(index):
    page = make_poll(index, quorum_percent=60)
    services.cast_ballot(member(), page, choose(page, 0))
    MemberFactory()

    turnout = services.poll_results(Poll.objects.get(pk=page.poll_id), {}).turnout

    assert (turnout.ballots, turnout.eligible, turnout.quorum_met) == (1, 2, False)


def test_those_who_may_vote_are_counted_when_the_poll_closes(index):
    from polls.tasks import run_poll_schedule

    page = make_poll(index)
    services.cast_ballot(member(), page, choose(page, 0))
    member()
    close(page)
    run_poll_schedule()
    member()  # joins after the poll closed

    assert services.poll_results(Poll.objects.get(pk=page.poll_id), {}).turnout.eligible == 2


def test_after_closing_the_page_lists_who_voted_but_not_what(client, index):
    page = make_poll(index, results_shown=Poll.ResultsShown.LIVE)
    ada = member(first_name="Ada", last_name="Lovelace")
    grace = member(first_name="Grace", last_name="Hopper")
    services.cast_ballot(ada, page, choose(page, 0))
    services.cast_ballot(grace, page, choose(page, 1))
    client.force_login(ada)
    assert "Ada Lovelace" not in client.get(page.url).content.decode()

    close(page)
    html = client.get(page.url).content.decode()

    assert "Hvem stemte (2 personer)" in html
    assert "Ada Lovelace" in html and "Grace Hopper" in html
    assert "Afstemningen var hemmelig: listen viser, hvem der stemte, aldrig hvad." in html


def test_ranked_results_show_every_round_and_who_is_elected(client, index):
    page = make_poll(
        index,
        results_shown=Poll.ResultsShown.LIVE,
        questions=[question("Formand", ["Ada", "Grace", "Linus"], kind="ranked")],
    )
    # Ada 2, Grace 2, Linus 1: Linus goes out, his ballot goes to Grace, who then has 3 of 5.
    for ranking in [(0, 1, 2), (0, 2, 1), (1, 0, 2), (1, 2, 0), (2, 1, 0)]:
        services.cast_ballot(member(), page, choose(page, ranking))
    client.force_login(member())

    html = client.get(page.url).content.decode()

    assert "Runde 1" in html and "Runde 2" in html and "Runde 3" not in html
    assert "Valgt: Grace" in html
    assert "ude efter runde 1" in html


def test_the_live_fragment_refreshes_while_open_and_stops_asking_once_closed(client, index):
    page = make_poll(index, results_shown=Poll.ResultsShown.LIVE)
    voter = member()
    client.force_login(voter)

    open_fragment = client.get(f"/da/polls/{page.pk}/results/").content.decode()
    services.cast_ballot(member(), page, choose(page, 2))
    later = client.get(f"/da/polls/{page.pk}/results/").content.decode()
    close(page)
    closed_fragment = client.get(f"/da/polls/{page.pk}/results/").content.decode()

    assert 'data-live-results="/da/polls/' in open_fragment and 'data-ballots="0"' in open_fragment
    assert 'data-ballots="1"' in later
    assert "data-live-results" not in closed_fragment
    assert "<html" not in open_fragment


def test_the_live_fragment_is_refused_before_the_results_are_out(client, index):
    page = make_poll(index, results_shown=Poll.ResultsShown.AFTER_CLOSING)
    client.force_login(member())

    assert client.get(f"/da/polls/{page.pk}/results/").status_code == 403
    assert client.post(f"/da/polls/{page.pk}/results/").status_code == 405
    assert client.get("/da/polls/0/results/").status_code == 404


def test_the_results_page_runs_the_same_number_of_queries_for_10_and_1000_ballots(
    client, index, django_assert_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries_for(ballots: int) -> int:
        page = make_poll(
            index,
            results_shown=Poll.ResultsShown.LIVE,
            questions=[
                question("Formand", ["Ada", "Grace", "Linus", "Margaret"], kind="ranked"),
                question("Regnskab", ["Ja", "Nej"]),
                question("Emner", ["A", "B", "C"], kind="multiple"),
            ],
        )
        rankings = [(0, 1, 2, 3), (1, 0, 3, 2), (2, 3, 0, 1), (3, 2, 1, 0), (1, 2, 3, 0)]
        for number in range(ballots):
            services.cast_ballot(
                member(), page, choose(page, rankings[number % 5], number % 2, (number % 3, (number + 1) % 3))
            )
        close(page)
        viewer = member()
        client.force_login(viewer)
        client.get(page.url)  # warm the site and settings caches
        with CaptureQueriesContext(connection) as page_queries:
            response = client.get(page.url)
        assert response.status_code == 200
        html = response.content.decode()
        assert f"Stemmeprocent: {ballots} af" in html, html[html.index("<main") : html.index("</main>")]
        with CaptureQueriesContext(connection) as fragment_queries:
            client.get(f"/da/polls/{page.pk}/results/")
        return len(page_queries), len(fragment_queries)

    assert queries_for(10) == queries_for(1000)


def test_a_result_is_the_same_on_the_danish_and_the_english_page(client, index, english_index):
    from tests.polls.builders import translate_poll

    danish = make_poll(index, results_shown=Poll.ResultsShown.LIVE, choice_texts=("Ja", "Nej"))
    english = translate_poll(danish)
    services.cast_ballot(member(), danish, choose(danish, 0))
    services.cast_ballot(member(), english, choose(english, 0))
    services.cast_ballot(member(), english, choose(english, 1))
    client.force_login(member())

    on_danish = client.get(danish.url).content.decode()
    on_english = client.get(english.url).content.decode()

    assert "Stemmeprocent: 3 af" in on_danish and "Turnout: 3 of" in on_english
    row = '<th scope="row" class="fw-normal">{}</th>\n                    <td class="text-end" data-count="2">'
    assert row.format("Ja") in on_danish
    assert row.format("Ja (EN)") in on_english


def test_time_decides_nothing_but_the_window(index):
    page = make_poll(index, results_shown=Poll.ResultsShown.AFTER_CLOSING)
    voter = member()
    poll = Poll.objects.get(pk=page.poll_id)

    with time_machine.travel(poll.closes_at - datetime.timedelta(seconds=1), tick=False):
        assert not services.may_see_results(voter, poll, voted=False)
    with time_machine.travel(poll.closes_at, tick=False):
        assert services.may_see_results(voter, poll, voted=False)
