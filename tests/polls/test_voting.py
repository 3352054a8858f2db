"""The ballot rules in the service: every question answered once, within its limits, from its own choices; one
ballot per person; only while the poll is open and published. A refused ballot changes nothing."""

import datetime

import pytest
from django.utils import timezone

from polls import services
from polls.factories import question
from polls.models import OpenBallot, Poll, QuestionTally, Voter
from polls.services import Answer
from tests.polls.builders import choose, keys, make_poll, member

pytestmark = pytest.mark.django_db


@pytest.fixture
def ballot_page(index):
    """A poll with one question of each kind: single (A, B, C), multiple up to 2 (A-D), ranked (X, Y, Z)."""
    return make_poll(
        index,
        questions=[
            question("Én", ["A", "B", "C"]),
            question("Flere", ["A", "B", "C", "D"], kind="multiple", max_choices=2),
            question("Rangordning", ["X", "Y", "Z"], kind="ranked", abstain=False),
        ],
    )


def refused(page, answers, person=None) -> services.BallotError:
    with pytest.raises(services.BallotError) as error:
        services.cast_ballot(person or member(), page, answers)
    assert Voter.objects.count() == 0 and QuestionTally.objects.count() == 0
    assert Poll.objects.get(pk=page.poll_id).ballots_cast == 0
    return error.value


def test_a_valid_ballot_is_counted_in_every_question(ballot_page):
    services.cast_ballot(member(), ballot_page, choose(ballot_page, 1, (0, 3), (2, 0, 1)))

    (single, single_choices), (multiple, multiple_choices), (ranked, ranked_choices) = keys(ballot_page)
    tallies = {str(tally.question_key): tally for tally in QuestionTally.objects.all()}
    assert tallies[single].counts == {single_choices[0]: 0, single_choices[1]: 1, single_choices[2]: 0}
    assert tallies[multiple].counts == dict(zip(multiple_choices, [1, 0, 0, 1], strict=True))
    assert tallies[ranked].rankings == {">".join([ranked_choices[2], ranked_choices[0], ranked_choices[1]]): 1}
    assert Poll.objects.get(pk=ballot_page.poll_id).ballots_cast == 1


def valid(page) -> dict:
    return choose(page, 0, (0,), (0, 1, 2))


def first_answer(page, answer_of) -> dict:
    """A valid ballot whose first answer is replaced by `answer_of(keys)`."""
    return {**valid(page), keys(page)[0][0]: answer_of(keys(page))}


UNKNOWN_QUESTION = "0c3c9d41-0000-4000-8000-000000000000"


@pytest.mark.parametrize(
    ("answers", "code"),
    [
        (lambda p: dict(list(valid(p).items())[1:]), "unanswered"),
        (lambda p: first_answer(p, lambda k: Answer()), "unanswered"),
        (lambda p: first_answer(p, lambda k: Answer(choices=k[0][1][:2])), "too_many"),
        (lambda p: choose(p, 0, (0, 1, 2), (0, 1, 2)), "too_many"),
        (lambda p: choose(p, 0, (1, 1), (0, 1, 2)), "duplicate_choice"),
        (lambda p: first_answer(p, lambda k: Answer(choices=(k[1][1][0],))), "unknown_choice"),
        (lambda p: first_answer(p, lambda k: Answer(choices=("not-a-key",))), "unknown_choice"),
        (lambda p: choose(p, 0, (0,), (0, 1)), "incomplete_ranking"),
        (lambda p: choose(p, 0, (0,), (0, 0, 1)), "duplicate_choice"),
        (lambda p: choose(p, 0, (0,), None), "abstain_not_offered"),
        (lambda p: first_answer(p, lambda k: Answer(choices=(k[0][1][0],), abstained=True)), "abstain_and_choice"),
        (lambda p: {**valid(p), UNKNOWN_QUESTION: Answer(abstained=True)}, "unknown_question"),
    ],
    ids=[
        "question left out",
        "empty answer",
        "two choices in a single-choice question",
        "three of at most two",
        "the same choice twice",
        "a choice of another question",
        "a choice that does not exist",
        "incomplete ranking",
        "a choice ranked twice",
        "blank where there is no blank option",
        "blank and a choice",
        "a question that is not in the poll",
    ],
)
def test_bad_ballots_are_refused_with_a_code_and_change_nothing(ballot_page, answers, code):
    assert refused(ballot_page, answers(ballot_page)).code == code


def test_a_choice_from_another_poll_is_refused(index, ballot_page):
    other = make_poll(index, questions=[question("Andet", ["A", "B", "C"])])
    answers = choose(ballot_page, 0, (0,), (0, 1, 2))
    answers[keys(ballot_page)[0][0]] = Answer(choices=(keys(other)[0][1][0],))

    assert refused(ballot_page, answers).code == "unknown_choice"


def test_blank_counts_as_an_answer_but_for_no_choice(index):
    page = make_poll(index, questions=[question("Ja eller nej?", ["Ja", "Nej"])])

    services.cast_ballot(member(), page, choose(page, None))

    tally = QuestionTally.objects.get()
    assert (tally.answered, tally.abstained, sorted(tally.counts.values())) == (0, 1, [0, 0])


def test_a_second_ballot_of_the_same_person_is_refused_and_not_counted(ballot_page):
    person = member()
    services.cast_ballot(person, ballot_page, choose(ballot_page, 0, (0,), (0, 1, 2)))

    with pytest.raises(services.BallotError) as again:
        services.cast_ballot(person, ballot_page, choose(ballot_page, 1, (1,), (2, 1, 0)))

    assert again.value.code == "already_voted"
    assert Voter.objects.count() == 1
    assert Poll.objects.get(pk=ballot_page.poll_id).ballots_cast == 1
    assert sum(QuestionTally.objects.get(position=0).counts.values()) == 1


@pytest.mark.parametrize(
    ("opens", "closes", "code"),
    [(1, 2, "not_open"), (-2, -1, "closed")],
    ids=["not yet open", "closed"],
)
def test_no_ballot_outside_the_voting_window(index, opens, closes, code):
    now = timezone.now()
    page = make_poll(
        index, opens_at=now + datetime.timedelta(days=opens), closes_at=now + datetime.timedelta(days=closes)
    )

    assert refused(page, choose(page, 0)).code == code


def test_no_ballot_on_an_unpublished_poll(index):
    page = make_poll(index)
    page.unpublish()
    page.refresh_from_db()

    assert refused(page, choose(page, 0)).code == "not_published"


def test_ballots_from_the_danish_and_english_pages_count_in_one_tally(index, english_index):
    from tests.polls.builders import translate_poll

    danish = make_poll(index, questions=[question("Hvilket emne?", ["MLOps", "LLM", "Statistik"])])
    english = translate_poll(danish, title="Which topic?")

    services.cast_ballot(member(), danish, choose(danish, 1))
    services.cast_ballot(member(), english, choose(english, 1))
    services.cast_ballot(member(language="en"), english, choose(english, 0))

    assert english.poll_id == danish.poll_id
    assert keys(english) == keys(danish)
    ((question_key, choice_keys),) = keys(danish)
    counts = QuestionTally.objects.get(question_key=question_key).counts
    assert counts == dict(zip(choice_keys, [1, 2, 0], strict=True))
    assert Poll.objects.get(pk=danish.poll_id).ballots_cast == 3


def test_the_same_person_cannot_vote_again_from_the_other_language(index, english_index):
    from tests.polls.builders import translate_poll

    danish = make_poll(index)
    english = translate_poll(danish)
    person = member()
    services.cast_ballot(person, danish, choose(danish, 0))

    with pytest.raises(services.BallotError) as again:
        services.cast_ballot(person, english, choose(english, 1))

    assert again.value.code == "already_voted"


def test_a_secret_poll_keeps_who_voted_apart_from_what(index):
    page = make_poll(index, secret=True)
    person = member()

    services.cast_ballot(person, page, choose(page, 2))

    assert list(Voter.objects.values_list("user_id", flat=True)) == [person.pk]
    assert OpenBallot.objects.count() == 0
    assert [f.name for f in QuestionTally._meta.get_fields() if f.is_relation] == ["poll"]


def test_an_open_poll_keeps_who_voted_what(index):
    page = make_poll(
        index, secret=False, questions=[question("Emne?", ["A", "B"]), question("Rangér", ["X", "Y"], kind="ranked")]
    )
    person = member()

    services.cast_ballot(person, page, choose(page, 1, (1, 0)))

    ballot = OpenBallot.objects.get()
    (first, first_choices), (second, second_choices) = keys(page)
    assert ballot.user == person
    assert ballot.answers == {
        first: {"choices": [first_choices[1]], "abstained": False},
        second: {"choices": [second_choices[1], second_choices[0]], "abstained": False},
    }
