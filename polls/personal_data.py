"""The polls app's part of a person's data download: the polls they voted in and, for open polls, their answers
(a secret poll has nothing that says what they voted)."""

from polls.mails import page_in_language
from polls.models import OpenBallot, Voter
from polls.views.poll_page import page_questions, texts_of


def _answers(ballot: OpenBallot, texts: dict[str, str]) -> list[dict]:
    return [
        {
            "question": texts.get(question_key, question_key),
            "choices": [texts.get(choice, choice) for choice in answer.get("choices", [])],
            "abstained": bool(answer.get("abstained")),
        }
        for question_key, answer in ballot.answers.items()
    ]


def polls_voted_in(user) -> list[dict]:
    voted = Voter.objects.filter(user=user).select_related("poll").order_by("poll__closes_at", "poll_id")
    ballots = {ballot.poll_id: ballot for ballot in OpenBallot.objects.filter(user=user)}
    result = []
    for voter in voted:
        poll = voter.poll
        page = page_in_language(poll, user.language)
        entry = {
            "poll": page.title if page else str(poll.translation_key),
            "opens_at": poll.opens_at,
            "closes_at": poll.closes_at,
            "secret": poll.secret,
        }
        if not poll.secret and poll.pk in ballots:
            texts = texts_of(page_questions(page)) if page else {}
            entry["voted_at"] = ballots[poll.pk].voted_at
            entry["answers"] = _answers(ballots[poll.pk], texts)
        result.append(entry)
    return result
