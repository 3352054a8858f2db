"""Demo polls for `manage.py load_demo`: the polls index in both languages, an open secret election of the chair
(ranked choice), an open single-choice poll on the next meetup's topic (open ballot, live results) and a closed
poll on a new logo with its results, each in Danish and English. Directory members from the community demo have
voted; the demo member (member@ddsc.example) has not, so they can. A second run changes nothing."""

import datetime
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone, translation

from home.demo.context import DemoContext
from home.demo.pages import child_by_slug, index_pages, publish
from home.models import NavigationLink, SiteSettings
from polls import services
from polls.factories import question
from polls.models import Poll, PollIndexPage, PollPage, Voter
from polls.services import Answer

POLL_INDEX = {
    "da": {"title": "Afstemninger", "slug": "afstemninger", "intro": "Valg og afstemninger i foreningen."},
    "en": {"title": "Polls", "slug": "polls", "intro": "Elections and polls in the association."},
}


@dataclass
class DemoPoll:
    key: str
    kind: str
    da: dict  # title, slug, description, question, choices
    en: dict
    rules: dict
    days: tuple[int, int]  # opens and closes, in days from now
    # Who has voted (directory people of the community demo) and what: choice numbers, first preference first.
    ballots: dict[str, tuple[int, ...]] = field(default_factory=dict)
    closed_days_ago: int | None = None
    max_choices: int | None = None


POLLS = [
    DemoPoll(
        "formand",
        "ranked",
        {
            "title": "Valg af formand 2027",
            "slug": "valg-af-formand-2027",
            "description": "<p>Generalforsamlingen vælger foreningens formand. Giv kandidaterne en placering: 1 for "
            "dit førstevalg. Stemmerne tælles op med instant-runoff, og afstemningen er hemmelig.</p>",
            "question": "Hvem skal være formand?",
            "choices": ["Rasmus Bech", "Freja Holm", "Ali Hassan"],
        },
        {
            "title": "Election of the chair 2027",
            "slug": "election-of-the-chair-2027",
            "description": "<p>The general assembly elects the association's chair. Rank the candidates: 1 for your "
            "first choice. The votes are counted by instant-runoff, and the ballot is secret.</p>",
            "question": "Who should chair the association?",
            "choices": ["Rasmus Bech", "Freja Holm", "Ali Hassan"],
        },
        {
            "secret": True,
            "eligibility": Poll.Eligibility.MEMBERS,
            "results_shown": Poll.ResultsShown.AFTER_CLOSING,
            "quorum_percent": 25,
        },
        (-1, 9),
        {"ali.hassan@ddsc.example": (2, 0, 1), "sara.lund@ddsc.example": (1, 2, 0)},
    ),  # fmt: skip
    DemoPoll(
        "meetup-emne",
        "single",
        {
            "title": "Næste meetup-emne",
            "slug": "naeste-meetup-emne",
            "description": "<p>Hjælp os med at vælge emnet for næste månedlige meetup.</p>",
            "question": "Hvilket emne vil du høre om til næste meetup?",
            "choices": ["MLOps i praksis", "Sprogmodeller på dansk", "Kausal inferens", "Datavisualisering"],
        },
        {
            "title": "Next meetup topic",
            "slug": "next-meetup-topic",
            "description": "<p>Help us choose the topic of the next monthly meetup.</p>",
            "question": "Which topic would you like at the next meetup?",
            "choices": ["MLOps in practice", "Language models in Danish", "Causal inference", "Data visualisation"],
        },
        {"secret": False, "eligibility": Poll.Eligibility.ACCOUNTS, "results_shown": Poll.ResultsShown.LIVE},
        (-2, 12),
        {"rasmus.bech@ddsc.example": (1,), "freja.holm@ddsc.example": (1,), "ali.hassan@ddsc.example": (2,)},
    ),
    DemoPoll(
        "logo",
        "multiple",
        {
            "title": "Nyt logo til foreningen",
            "slug": "nyt-logo",
            "description": "<p>Tre forslag til et nyt logo. Vælg de to, du bedst kan lide.</p>",
            "question": "Hvilke to logoer kan du bedst lide?",
            "choices": ["Logo A: netværket", "Logo B: søjlediagrammet", "Logo C: bølgen"],
        },
        {
            "title": "A new logo for the association",
            "slug": "a-new-logo",
            "description": "<p>Three proposals for a new logo. Choose the two you like best.</p>",
            "question": "Which two logos do you like best?",
            "choices": ["Logo A: the network", "Logo B: the bar chart", "Logo C: the wave"],
        },
        {
            "secret": True,
            "eligibility": Poll.Eligibility.MEMBERS,
            "results_shown": Poll.ResultsShown.AFTER_CLOSING,
            "quorum_percent": 50,
        },
        (-21, 1),
        {
            "rasmus.bech@ddsc.example": (0, 1),
            "freja.holm@ddsc.example": (1, 2),
            "ali.hassan@ddsc.example": (1,),
            "sara.lund@ddsc.example": (0, 1),
        },
        closed_days_ago=7,
        max_choices=2,
    ),  # fmt: skip
]


def _danish_page(demo: DemoContext, poll: DemoPoll) -> PollPage:
    now = timezone.now()
    text = poll.da
    item = question(text["question"], text["choices"], kind=poll.kind, max_choices=poll.max_choices)
    item.sort_order = 0
    page = PollPage(
        title=text["title"],
        slug=text["slug"],
        description=text["description"],
        opens_at=now + datetime.timedelta(days=poll.days[0]),
        closes_at=now + datetime.timedelta(days=poll.days[1]),
        questions=[item],
        **poll.rules,
    )
    return publish(demo.page("poll_index", "da").add_child(instance=page)).specific


def _english_page(demo: DemoContext, danish: PollPage, poll: DemoPoll) -> PollPage:
    """The translation copy of the Danish poll, with the English texts on the same questions and choices."""
    text = poll.en
    page = danish.copy_for_translation(demo.locales["en"])
    questions = list(page.questions.all())
    questions[0].text = text["question"]
    choices = list(questions[0].choices.all())
    for choice, choice_text in zip(choices, text["choices"], strict=True):
        choice.text = choice_text
    questions[0].choices = choices
    page.questions = questions
    page.title, page.slug, page.description = text["title"], text["slug"], text["description"]
    return publish(page).specific


def _ballots(page: PollPage, poll: DemoPoll) -> None:
    """The demo's ballots, cast through the service as voters would (each person once)."""
    voters = get_user_model().objects.filter(email__in=poll.ballots)
    choice_keys = [str(choice.translation_key) for choice in page.questions.get().choices.all()]
    question_key = str(page.questions.get().translation_key)
    for person in voters:
        if Voter.objects.filter(poll_id=page.poll_id, user=person).exists():
            continue
        picked = tuple(choice_keys[number] for number in poll.ballots[person.email])
        services.cast_ballot(person, page, {question_key: Answer(choices=picked)})


def _close(page: PollPage, days_ago: int) -> None:
    """Move a poll that has its ballots into the past, as an editor would: publish it closing `days_ago` days ago.
    Its mails are marked sent (it was over before the demo began) and those who could vote are counted."""
    page.closes_at = timezone.now() - datetime.timedelta(days=days_ago)
    publish(page)
    Poll.objects.filter(pk=page.poll_id).update(invitations_queued=True, reminders_queued=True)
    services.freeze_eligible_count(Poll.objects.get(pk=page.poll_id))


def polls(demo: DemoContext) -> None:
    """The three polls in both languages, with their ballots."""
    index_pages(demo, "poll_index", PollIndexPage, POLL_INDEX)
    for poll in POLLS:
        danish = child_by_slug(demo.page("poll_index", "da"), PollPage, poll.da["slug"])
        if danish is None:
            danish = _danish_page(demo, poll)
            _ballots(danish, poll)
            if poll.closed_days_ago is not None:
                _close(PollPage.objects.get(pk=danish.pk), poll.closed_days_ago)
        english = child_by_slug(demo.page("poll_index", "en"), PollPage, poll.en["slug"])
        if english is None:
            english = _english_page(demo, PollPage.objects.get(pk=danish.pk), poll)
        demo.remember(f"poll:{poll.key}", "da", danish.specific)
        demo.remember(f"poll:{poll.key}", "en", english.specific)


def navigation(demo: DemoContext) -> None:
    """The menu gains the polls index (once), and the summary its address and My polls."""
    site_settings = SiteSettings.for_site(demo.site)
    index = demo.page("poll_index", "da")
    if not site_settings.navigation_links.filter(page=index).exists():
        NavigationLink.objects.create(
            settings=site_settings, page=index, sort_order=site_settings.navigation_links.count()
        )
    demo.link("Polls", index.url)
    with translation.override("da"):
        demo.link("My polls (log in as the member to vote)", reverse("polls:my_polls"))


SECTIONS = [polls, navigation]
