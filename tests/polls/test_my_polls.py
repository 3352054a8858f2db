"""Where a person finds their polls (My polls, the section on My page, the polls index), what their data download
says about polls, and what deleting the account does to their ballots."""

import datetime
import json

import pytest
from django.utils import timezone

from community.factories import UserFactory
from community.services.personal_data import delete_account
from polls import services
from polls.factories import question
from polls.models import OpenBallot, Poll, QuestionTally, Voter
from tests.polls.builders import choose, close, make_poll, member, translate_poll

pytestmark = pytest.mark.django_db


@pytest.fixture
def three_polls(index):
    now = timezone.now()
    waiting = make_poll(index, title="Næste meetup-emne")
    voted = make_poll(index, title="Generalforsamlingens dato")
    closed = make_poll(index, title="Logokonkurrence")
    in_three_days = now + datetime.timedelta(days=3)
    coming = make_poll(
        index, title="Budget 2031", opens_at=in_three_days, closes_at=in_three_days + datetime.timedelta(days=6)
    )
    return waiting, voted, closed, coming


def test_my_polls_lists_what_waits_for_my_vote_what_i_voted_in_and_what_closed(client, three_polls):
    waiting, voted, closed, coming = three_polls
    person = member()
    services.cast_ballot(person, voted, choose(voted, 0))
    close(closed)
    client.force_login(person)

    html = client.get("/da/polls/mine/").content.decode()

    waiting_part = html[html.index("Venter på din stemme") : html.index("Du har stemt")]
    voted_part = html[html.index("Du har stemt") : html.index("Lukkede afstemninger")]
    closed_part = html[html.index("Lukkede afstemninger") :]
    assert waiting.title in waiting_part and voted.title not in waiting_part and coming.title not in waiting_part
    assert voted.title in voted_part
    assert closed.title in closed_part


def test_my_polls_needs_a_login(client):
    response = client.get("/da/polls/mine/")

    assert response.status_code == 302
    assert response["Location"].startswith("/da/account/login/")


def test_someone_who_may_not_vote_has_nothing_waiting(client, three_polls):
    client.force_login(UserFactory())

    html = client.get("/da/polls/mine/").content.decode()

    assert "Ingen åben afstemning venter på din stemme." in html


def test_my_page_shows_the_polls_waiting_for_my_vote(client, three_polls):
    waiting, voted, _closed, _coming = three_polls
    person = member()
    services.cast_ballot(person, voted, choose(voted, 0))
    client.force_login(person)

    html = client.get("/da/account/").content.decode()

    section = html[html.index('id="dashboard-polls"') :]
    section = section[: section.index("</section>")]
    assert "Afstemninger der venter på din stemme" in section
    assert waiting.url in section
    assert voted.url not in section


def test_my_polls_shows_each_poll_once_in_my_language(client, index, english_index):
    danish = make_poll(index, title="Næste emne")
    translate_poll(danish, title="Next topic", slug="next-topic")
    client.force_login(member(language="en"))

    html = client.get("/en/polls/mine/").content.decode()

    assert "Next topic" in html and "Næste emne" not in html


def test_the_polls_index_lists_open_coming_and_closed_polls(client, index, three_polls):
    waiting, voted, closed, coming = three_polls
    close(closed)

    html = client.get(index.url).content.decode()

    assert html.index(waiting.title) < html.index("Kommende afstemninger") < html.index(coming.title)
    assert html.index("Lukkede afstemninger") < html.index(closed.title)


def test_the_data_download_lists_the_polls_voted_in_with_answers_only_for_open_polls(client, index):
    secret = make_poll(index, title="Hemmeligt valg", secret=True)
    open_poll = make_poll(
        index, title="Åben afstemning", secret=False, questions=[question("Hvilket emne?", ["MLOps", "LLM"])]
    )
    person = member()
    services.cast_ballot(person, secret, choose(secret, 1))
    services.cast_ballot(person, open_poll, choose(open_poll, 1))
    client.force_login(person)

    data = json.loads(client.get("/da/account/export/").content)

    polls = {entry["poll"]: entry for entry in data["polls"]}
    assert set(polls) == {"Hemmeligt valg", "Åben afstemning"}
    assert "answers" not in polls["Hemmeligt valg"]
    answers = polls["Åben afstemning"]["answers"]
    assert answers == [{"question": "Hvilket emne?", "choices": ["LLM"], "abstained": False}]


def test_deleting_an_account_keeps_the_ballots_and_the_tally_and_no_link_to_the_person(index):
    secret = make_poll(index, secret=True)
    open_poll = make_poll(index, secret=False)
    person, other = member(), member()
    for page in (secret, open_poll):
        services.cast_ballot(person, page, choose(page, 0))
        services.cast_ballot(other, page, choose(page, 1))
    tallies_before = list(QuestionTally.objects.order_by("pk").values("counts", "answered"))

    delete_account(person)

    assert list(QuestionTally.objects.order_by("pk").values("counts", "answered")) == tallies_before
    assert [Poll.objects.get(pk=page.poll_id).ballots_cast for page in (secret, open_poll)] == [2, 2]
    assert not Voter.objects.filter(user_id=person.pk).exists()
    assert Voter.objects.filter(user=other).count() == 2
    assert OpenBallot.objects.filter(poll=open_poll.poll).count() == 2
    assert OpenBallot.objects.filter(user__isnull=True).count() == 1


def test_my_page_and_my_polls_run_the_same_number_of_queries_for_2_and_12_polls(client, index):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    person = member()
    client.force_login(person)

    def queries(polls: int) -> tuple[int, int]:
        for number in range(polls):
            page = make_poll(index, eligibility="accounts" if number % 2 else "members")
            if number % 3 == 0:
                services.cast_ballot(person, page, choose(page, 0))
        client.get("/da/account/")  # warm the caches
        with CaptureQueriesContext(connection) as my_page:
            client.get("/da/account/")
        with CaptureQueriesContext(connection) as my_polls:
            client.get("/da/polls/mine/")
        return len(my_page), len(my_polls)

    assert queries(2) == queries(10)
