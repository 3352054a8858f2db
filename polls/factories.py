"""Factories for poll pages, shared by the tests and the demo data.

A poll opens an hour ago and closes in a week unless told otherwise; its questions come from `questions=`, a
list of `question(...)` values (text, kind, choice texts), or one single-choice question with three choices.
"""

import datetime

import factory
from django.utils import timezone

from home.factories import BasePageFactory, _faker
from polls.models import Poll, PollChoice, PollIndexPage, PollPage, PollQuestion


def question(text: str, choices: list[str], *, kind: str = "single", max_choices: int | None = None, abstain=True):
    """A question (unsaved, for a page's `questions`) with its choices in the given order."""
    return PollQuestion(
        text=text,
        kind=kind,
        max_choices=max_choices,
        allow_abstain=abstain,
        choices=[PollChoice(text=choice, sort_order=number) for number, choice in enumerate(choices)],
    )


def _numbered(questions: list[PollQuestion]) -> list[PollQuestion]:
    for number, item in enumerate(questions):
        item.sort_order = number
    return questions


class PollIndexPageFactory(BasePageFactory):
    class Meta:
        model = PollIndexPage

    title = factory.LazyAttribute(lambda o: "Afstemninger" if o.language == "da" else "Polls")
    slug = factory.LazyAttribute(lambda o: "afstemninger" if o.language == "da" else "polls")
    intro = _faker("sentence", nb_words=12)


class PollPageFactory(BasePageFactory):
    """A live poll page, open now for a week, secret, for active members, results after closing."""

    class Meta:
        model = PollPage

    class Params:
        choice_texts = ("Ja", "Nej", "Måske")

    opens_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(hours=1))
    closes_at = factory.LazyAttribute(lambda o: o.opens_at + datetime.timedelta(days=7, hours=1))
    eligibility = Poll.Eligibility.MEMBERS
    secret = True
    results_shown = Poll.ResultsShown.AFTER_CLOSING
    description = factory.LazyAttribute(lambda o: f"<p>{o.title}</p>")
    questions = factory.LazyAttribute(lambda o: [question(f"{o.title}?", list(o.choice_texts))])

    @classmethod
    def _create(cls, model_class, *args, questions=(), **kwargs):
        return super()._create(model_class, *args, questions=_numbered(list(questions)), **kwargs)
