"""What a poll page (and a poll block) shows the visitor: the state of the poll, the ballot or why there is none,
and the results when they may see them. Shared by PollPage.get_context, the vote view and the block."""

from django.db.models import QuerySet
from django.utils import timezone

from polls import services
from polls.forms.ballot import BallotForm
from polls.models import PollPage
from polls.structure import load, shape_of_questions

# How often an open poll's live results refresh themselves (polls/static/polls/live_results.js).
LIVE_REFRESH_SECONDS = 5


def page_questions(page: PollPage) -> list:
    """The page's questions with their choices: two queries for a saved page, none in a preview (where they are
    the draft's, held in memory)."""
    questions = page.questions.all()
    if isinstance(questions, QuerySet):
        questions = questions.prefetch_related("choices")
    return list(questions)


def texts_of(questions) -> dict[str, str]:
    """Question and choice texts by language-neutral key."""
    texts = {}
    for question in questions:
        texts[str(question.translation_key)] = question.text
        for choice in question.choices.all():
            texts[str(choice.translation_key)] = choice.text
    return texts


def poll_state(poll, now) -> str:
    if poll.has_not_opened(now):
        return "coming"
    return "closed" if poll.is_closed(now) else "open"


def poll_page_context(request, page: PollPage, form: BallotForm | None = None) -> dict:
    """The poll's state for `request.user`: `ballot_form` when they may vote now, else `vote_problem` (a
    BallotError) or `has_voted`; `results` (and, once closed, `voters`) when they may see them."""
    now = timezone.now()
    questions = page_questions(page)
    texts = texts_of(questions)
    poll = page.poll
    if poll is None or getattr(request, "is_preview", False):
        # A preview shows the draft's questions as they would be voted on; nothing can be sent from it.
        return {
            "poll": poll,
            "poll_state": "preview",
            "ballot_form": BallotForm(shape_of_questions(questions), texts),
            "is_preview": True,
        }
    user = request.user
    voted = services.has_voted(user, poll)
    # The rules of services.check_can_vote, with the eligibility looked up once for the ballot and the results.
    eligibility = services.eligibility_problem(user, poll)
    problem = None
    if not voted:
        code = "not_published" if not page.live else eligibility or services.window_problem(poll, now)
        problem = services.BallotError(code) if code else None
    if form is None and problem is None and not voted:
        form = BallotForm(load(poll.structure), texts)
    show_results = services.may_see_results(user, poll, voted=voted, eligible=eligibility is None, now=now)
    results = services.poll_results(poll, texts) if show_results else None
    return {
        "poll": poll,
        "poll_state": poll_state(poll, now),
        "has_voted": voted,
        "vote_problem": problem,
        "ballot_form": None if voted or problem else form,
        "results": results,
        "voters": services.who_voted(poll) if results is not None and poll.is_closed(now) else None,
        "live_refresh_seconds": LIVE_REFRESH_SECONDS if results is not None and poll.is_open(now) else None,
    }
