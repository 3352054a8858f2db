"""The demo's polls: an open secret election (ranked choice), an open single-choice poll and a closed poll with
results, in Danish and English; the demo member can vote; a second run adds nothing."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction

from polls.models import PollPage, QuestionTally, Voter

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo loaded once for this module, in a transaction rolled back after its last test."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo", stdout=StringIO())
        yield
        transaction.set_rollback(True)


def poll_counts() -> tuple[int, int, int]:
    return PollPage.objects.count(), Voter.objects.count(), QuestionTally.objects.count()


def test_three_polls_in_two_languages_with_their_ballots_and_a_second_run_adds_nothing(demo):
    first = poll_counts()

    call_command("load_demo", stdout=StringIO())

    assert poll_counts() == first == (6, 9, 3)
    kinds = {page.slug: page.questions.get().kind for page in PollPage.objects.filter(locale__language_code="en")}
    assert kinds == {"election-of-the-chair-2027": "ranked", "next-meetup-topic": "single", "a-new-logo": "multiple"}


def test_the_demo_member_can_vote_in_danish_and_sees_the_closed_polls_results(client, demo):
    member = get_user_model().objects.get(email="member@ddsc.example")
    client.force_login(member)

    election = client.get("/da/afstemninger/valg-af-formand-2027/").content.decode()
    closed = client.get("/en/polls/a-new-logo/").content.decode()

    assert 'class="poll-ballot"' in election and "Hvem skal være formand?" in election
    assert "Turnout: 4 of 5 who may vote (80%)." in closed
    assert "Logo B: the bar chart" in closed
    page = PollPage.objects.get(slug="naeste-meetup-emne")
    question = page.questions.get()
    choice = question.choices.all()[0]
    response = client.post(
        f"/da/polls/{page.pk}/vote/", {f"q-{question.translation_key}": str(choice.translation_key)}
    )
    assert response.status_code == 302
    assert Voter.objects.filter(user=member, poll=page.poll).exists()
