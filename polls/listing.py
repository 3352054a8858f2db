"""Lists of polls in a fixed number of queries: a polls index page's sections, and one person's polls (waiting for
their vote, voted, closed) in their language."""

from django.utils import timezone
from django.utils.translation import get_language

from polls.models import PollPage, Voter
from polls.services.eligibility import eligibility_problem

CLOSED_LISTED = 20


def index_sections(index) -> dict:
    """The live polls under `index`: open (closing first), coming (opening first), closed (latest first)."""
    now = timezone.now()
    pages = list(PollPage.objects.live().public().child_of(index).select_related("poll"))
    return {
        "open_polls": sorted((p for p in pages if p.poll.is_open(now)), key=lambda p: p.poll.closes_at),
        "coming_polls": sorted((p for p in pages if p.poll.has_not_opened(now)), key=lambda p: p.poll.opens_at),
        "closed_polls": sorted(
            (p for p in pages if p.poll.is_closed(now)), key=lambda p: p.poll.closes_at, reverse=True
        ),
        "now": now,
    }


def _one_page_per_poll(pages: list[PollPage], language: str) -> list[PollPage]:
    """Of the live pages of each poll, the one in `language`, else the one in the poll's own language, else any."""
    chosen: dict[int, PollPage] = {}

    def rank(page: PollPage) -> int:
        code = page.locale.language_code
        return 0 if code == language else 1 if code == page.poll.source_language else 2

    for page in pages:
        current = chosen.get(page.poll_id)
        if current is None or rank(page) < rank(current):
            chosen[page.poll_id] = page
    return list(chosen.values())


def polls_for(user, language: str | None = None) -> dict:
    """`user`'s polls: `waiting` (open, they may vote and have not), `voted` (they voted; open or closed) and
    `closed` (closed polls they could have voted in, latest first), each a page in their language where there is
    one. At most four queries however many polls there are (one when there are none)."""
    now = timezone.now()
    pages = list(PollPage.objects.live().public().select_related("poll", "locale"))
    pages = _one_page_per_poll(pages, language or get_language())
    if not pages:
        return {"waiting": [], "voted": [], "closed": [], "now": now}
    voted_ids = set(Voter.objects.filter(user=user).values_list("poll_id", flat=True))
    # Eligibility depends on the poll's rule (members, or every activated account): two answers at most.
    may_vote = {
        rule: eligibility_problem(user, page.poll) is None
        for rule, page in {page.poll.eligibility: page for page in pages}.items()
    }
    waiting, voted, closed = [], [], []
    for page in pages:
        poll = page.poll
        if page.poll_id in voted_ids:
            voted.append(page)
        elif poll.is_open(now) and may_vote[poll.eligibility]:
            waiting.append(page)
        elif poll.is_closed(now) and may_vote[poll.eligibility]:
            closed.append(page)
    waiting.sort(key=lambda page: page.poll.closes_at)
    voted.sort(key=lambda page: page.poll.closes_at, reverse=True)
    closed.sort(key=lambda page: page.poll.closes_at, reverse=True)
    return {"waiting": waiting, "voted": voted, "closed": closed[:CLOSED_LISTED], "now": now}
