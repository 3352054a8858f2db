"""On PostgreSQL: one person submitting a ballot 20 times at once gets one ballot; many people voting at once are
all counted; and the stored tallies keep no trace of an earlier voter's transaction."""

import pytest
from django.db import connection
from django.test import Client

from community.factories import MemberFactory, UserFactory
from polls import services
from polls.factories import PollIndexPageFactory, PollPageFactory, question
from polls.models import Poll, PollPage, QuestionTally, Voter
from tests.home.tree import ensure_home_page
from tests.integration.threads import at_once
from tests.polls.builders import choose, keys

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]

SUBMISSIONS = 20


def make_poll(**fields) -> PollPage:
    index = PollIndexPageFactory(parent=ensure_home_page())
    questions = [question("Formand", ["Ada", "Grace", "Linus"], kind="ranked"), question("Regnskab", ["Ja", "Nej"])]
    return PollPageFactory(parent=index, questions=questions, **fields)


def member():
    return MemberFactory(user=UserFactory()).user


def test_twenty_simultaneous_submissions_by_one_person_record_one_ballot():
    page = make_poll()
    person = member()
    answers = choose(page, (0, 1, 2), 0)

    outcomes = at_once(
        [lambda: services.cast_ballot(person, PollPage.objects.get(pk=page.pk), answers) or "counted"] * SUBMISSIONS
    )

    assert sorted(outcomes) == ["already_voted"] * (SUBMISSIONS - 1) + ["counted"]
    assert Voter.objects.filter(poll=page.poll).count() == 1
    assert Poll.objects.get(pk=page.poll_id).ballots_cast == 1
    assert [tally.answered for tally in QuestionTally.objects.filter(poll=page.poll)] == [1, 1]


def test_twenty_simultaneous_posts_of_one_ballot_record_it_once_and_never_fail():
    page = make_poll()
    person = member()
    (ranked, candidates), (single, yes_no) = keys(page)
    form = {f"q-{ranked}-rank-{key}": str(rank) for rank, key in enumerate(candidates, 1)} | {f"q-{single}": yes_no[1]}

    def post():
        browser = Client()
        browser.force_login(person)
        return browser.post(f"/da/polls/{page.pk}/vote/", form).status_code

    assert at_once([post] * SUBMISSIONS) == [302] * SUBMISSIONS
    assert Voter.objects.filter(poll=page.poll).count() == 1
    assert Poll.objects.get(pk=page.poll_id).ballots_cast == 1


def test_people_voting_at_the_same_moment_are_all_counted():
    page = make_poll()
    people = [member() for _ in range(SUBMISSIONS)]

    def vote(number, person):
        ranking = [(0, 1, 2), (1, 2, 0), (2, 0, 1)][number % 3]
        return lambda: services.cast_ballot(
            person, PollPage.objects.get(pk=page.pk), choose(page, ranking, number % 2)
        )

    outcomes = at_once([vote(number, person) for number, person in enumerate(people)])

    assert outcomes == [None] * SUBMISSIONS
    assert Poll.objects.get(pk=page.poll_id).ballots_cast == SUBMISSIONS
    ranked, single = QuestionTally.objects.filter(poll=page.poll).order_by("position")
    assert sum(ranked.rankings.values()) == SUBMISSIONS
    assert sorted(single.counts.values()) == [SUBMISSIONS // 2, SUBMISSIONS // 2]


def test_no_tally_row_keeps_the_transaction_of_an_earlier_voter():
    """PostgreSQL stamps every row version with the transaction that wrote it (xmin). If a ballot rewrote only
    the rows of its choices, a row's xmin would equal the xmin of that voter's has-voted row. Every ballot
    rewrites every tally of its poll, so all of them carry the last ballot's transaction."""
    page = make_poll()
    for ranking, answer in [((0, 1, 2), 0), ((2, 1, 0), 1), ((1, 0, 2), 0)]:
        services.cast_ballot(member(), page, choose(page, ranking, answer))

    with connection.cursor() as cursor:
        cursor.execute("SELECT DISTINCT xmin::text FROM polls_questiontally WHERE poll_id = %s", [page.poll_id])
        tally_versions = {row[0] for row in cursor.fetchall()}
        cursor.execute("SELECT xmin::text FROM polls_voter WHERE poll_id = %s ORDER BY id", [page.poll_id])
        voter_versions = [row[0] for row in cursor.fetchall()]

    assert len(tally_versions) == 1
    assert len(set(voter_versions)) == 3
    assert tally_versions == {voter_versions[-1]}
