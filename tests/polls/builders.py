"""Polls, ballots and voters made for the tests: a poll under an index, its English translation, an active
member, a poll's question keys, the answers a voter picks, closing a poll."""

import datetime

from django.utils import timezone

from community.factories import MemberFactory, UserFactory
from community.models import Member
from polls.factories import PollPageFactory, question
from polls.models import Poll, PollPage
from polls.services import Answer
from tests.home.tree import english_locale, publish_translation


def make_poll(index, **fields) -> PollPage:
    """A live poll page under `index` (open now for a week, secret, for members, results after closing)."""
    return PollPageFactory(parent=index, **fields)


def translate_poll(page: PollPage, **changes) -> PollPage:
    """`page`'s English version (the English index must exist), with English texts for its questions."""
    changes.setdefault("title", f"{page.title} (EN)")
    english = publish_translation(page, english_locale(), **changes)
    for item in english.questions.all():
        item.text = f"{item.text} (EN)"
        item.save()
        for choice in item.choices.all():
            choice.text = f"{choice.text} (EN)"
            choice.save()
    return PollPage.objects.get(pk=english.pk)


def member(**user_fields):
    """A user with an active membership (`user_fields` go to the user: language, email, ...)."""
    return MemberFactory(user=UserFactory(**user_fields)).user


def keys(page: PollPage) -> list[tuple[str, list[str]]]:
    """The page's question keys, each with its choice keys, in order."""
    return [
        (str(item.translation_key), [str(choice.translation_key) for choice in item.choices.all()])
        for item in page.questions.all()
    ]


def choose(page: PollPage, *picks) -> dict[str, Answer]:
    """Answers for each question of `page`: a choice number (0-based), a tuple of numbers (multiple choice or a
    ranking, first preference first), or None for blank / abstain."""
    answers = {}
    for (question_key, choice_keys), pick in zip(keys(page), picks, strict=True):
        if pick is None:
            answers[question_key] = Answer(abstained=True)
        elif isinstance(pick, tuple):
            answers[question_key] = Answer(choices=tuple(choice_keys[number] for number in pick))
        else:
            answers[question_key] = Answer(choices=(choice_keys[pick],))
    return answers


def close(page: PollPage) -> Poll:
    """Move the poll's closing time into the past (and its opening before that)."""
    closes_at = timezone.now() - datetime.timedelta(minutes=1)
    opens_at = min(page.poll.opens_at, closes_at - datetime.timedelta(hours=1))
    Poll.objects.filter(pk=page.poll_id).update(opens_at=opens_at, closes_at=closes_at)
    page.poll.refresh_from_db()
    return page.poll


__all__ = ["Member", "choose", "close", "keys", "make_poll", "member", "question", "translate_poll"]
