"""Casting a ballot: one per person and poll, checked against the poll's questionnaire, counted anonymously.

The one-ballot rule holds under any number of simultaneous submissions: the ballot is written with the poll's
row locked (SELECT … FOR UPDATE), and the has-voted list's unique constraint refuses a second row even if
something got around the lock. For a secret poll the person is recorded only on the has-voted list; what they
chose goes into the question tallies, which every ballot rewrites whole, so nothing stored (no key, time,
order or row version) ties a voter to a choice. README.md ("Polls") explains the design.
"""

from collections.abc import Mapping
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from polls.models import OpenBallot, Poll, PollPage, QuestionTally, Voter
from polls.services.eligibility import eligibility_problem
from polls.services.errors import BallotError
from polls.structure import KIND_RANKED, QuestionShape, load

# How a ranking is written as a key of QuestionTally.rankings: the choice keys, first preference first.
RANKING_SEPARATOR = ">"


@dataclass(frozen=True)
class Answer:
    """A ballot's answer to one question: the chosen choice keys (for a ranked question, every choice, first
    preference first), or blank / abstain."""

    choices: tuple[str, ...] = ()
    abstained: bool = False


def ranking_from_ranks(question: QuestionShape, ranks: Mapping[str, int]) -> tuple[str, ...]:
    """The ranking that rank numbers ({choice key: 1, …}) describe; every choice needs its own number 1…n."""
    unknown = set(ranks) - set(question.choices)
    if unknown:
        raise BallotError("unknown_choice", question=question.key)
    numbers = list(ranks.values())
    if len(set(numbers)) != len(numbers):
        raise BallotError("duplicate_rank", question=question.key)
    if set(ranks) != set(question.choices) or sorted(numbers) != list(range(1, len(question.choices) + 1)):
        raise BallotError("incomplete_ranking", question=question.key)
    return tuple(sorted(ranks, key=ranks.__getitem__))


def check_answer(question: QuestionShape, answer: Answer | None) -> Answer:
    """`answer` if it is a valid answer to `question`; else the BallotError saying what is wrong with it."""
    if answer is None or (not answer.choices and not answer.abstained):
        raise BallotError("unanswered", question=question.key)
    if answer.abstained:
        if not question.allow_abstain:
            raise BallotError("abstain_not_offered", question=question.key)
        if answer.choices:
            raise BallotError("abstain_and_choice", question=question.key)
        return answer
    if any(choice not in question.choices for choice in answer.choices):
        raise BallotError("unknown_choice", question=question.key)
    if len(set(answer.choices)) != len(answer.choices):
        raise BallotError("duplicate_choice", question=question.key)
    if question.kind == KIND_RANKED:
        if len(answer.choices) != len(question.choices):
            raise BallotError("incomplete_ranking", question=question.key)
    elif len(answer.choices) > question.most_choices:
        raise BallotError("too_many", question=question.key, limit=question.most_choices)
    return answer


def answer_problems(questions: list[QuestionShape], answers: Mapping[str, Answer]) -> list[BallotError]:
    """Everything wrong with a ballot, one error per question at most (for a form to show them all at once)."""
    problems = []
    if set(answers) - {question.key for question in questions}:
        problems.append(BallotError("unknown_question"))
    for question in questions:
        try:
            check_answer(question, answers.get(question.key))
        except BallotError as error:
            problems.append(error)
    return problems


def window_problem(poll: Poll, now=None) -> str | None:
    """Why no ballot can be cast in `poll` at `now` (a BallotError code), or None while it is open."""
    now = now or timezone.now()
    if poll.has_not_opened(now):
        return "not_open"
    if poll.is_closed(now):
        return "closed"
    return None


def check_can_vote(user, page: PollPage, poll: Poll, now=None) -> None:
    """Raise the BallotError that keeps `user` from voting on `page` now (its rules are `poll`'s)."""
    if not page.live:
        raise BallotError("not_published")
    problem = eligibility_problem(user, poll) or window_problem(poll, now)
    if problem:
        raise BallotError(problem)


def cast_ballot(user, page: PollPage, answers: Mapping[str, Answer]) -> None:
    """Record `user`'s ballot in the poll of `page` (any language version), or raise the BallotError saying why
    not; a refused ballot changes nothing. Returns nothing: there is no receipt that could tie a person to
    their choices."""
    try:
        with transaction.atomic():
            # The lock orders every ballot of this poll, and a publication of its page, one after the other.
            poll = Poll.objects.select_for_update().get(pk=page.poll_id)
            check_can_vote(user, page, poll)
            questions = load(poll.structure)
            problems = answer_problems(questions, answers)
            if problems:
                raise problems[0]
            if Voter.objects.filter(poll=poll, user=user).exists():
                raise BallotError("already_voted")
            Voter.objects.create(poll=poll, user=user)
            _count(poll, questions, answers)
            if not poll.secret:
                OpenBallot.objects.create(
                    poll=poll,
                    user=user,
                    answers={
                        question.key: {
                            "choices": list(answers[question.key].choices),
                            "abstained": answers[question.key].abstained,
                        }
                        for question in questions
                    },
                )
            Poll.objects.filter(pk=poll.pk).update(locked=True, ballots_cast=F("ballots_cast") + 1)
    except IntegrityError as exc:
        # The unique constraint on the has-voted list: a second ballot of the same person got past the lock.
        raise BallotError("already_voted") from exc


def _count(poll: Poll, questions: list[QuestionShape], answers: Mapping[str, Answer]) -> None:
    """Add the ballot to every question's tally. The first ballot makes the tallies, all at once and in the
    questionnaire's order; every ballot then rewrites all of them (each ballot answers every question), so the
    rows' order, ids and row versions say nothing about who chose what."""
    tallies = {str(tally.question_key): tally for tally in QuestionTally.objects.filter(poll=poll)}
    if not tallies:
        QuestionTally.objects.bulk_create(
            [
                QuestionTally(
                    poll=poll,
                    position=position,
                    question_key=question.key,
                    counts={} if question.kind == KIND_RANKED else dict.fromkeys(question.choices, 0),
                )
                for position, question in enumerate(questions)
            ]
        )
        tallies = {str(tally.question_key): tally for tally in QuestionTally.objects.filter(poll=poll)}
    for question in questions:
        tally, answer = tallies[question.key], answers[question.key]
        if answer.abstained:
            tally.abstained += 1
            continue
        tally.answered += 1
        if question.kind == KIND_RANKED:
            ranking = RANKING_SEPARATOR.join(answer.choices)
            tally.rankings[ranking] = tally.rankings.get(ranking, 0) + 1
            # Sorted, so the stored text does not show which ranking came first.
            tally.rankings = dict(sorted(tally.rankings.items()))
        else:
            for choice in answer.choices:
                tally.counts[choice] = tally.counts.get(choice, 0) + 1
    QuestionTally.objects.bulk_update(list(tallies.values()), ["answered", "abstained", "counts", "rankings"])


def has_voted(user, poll: Poll) -> bool:
    return bool(getattr(user, "is_authenticated", False)) and Voter.objects.filter(poll=poll, user=user).exists()
