"""Admin views for poll results: the polls with their turnout, one poll's results, and the CSV downloads (results,
who voted once it closed, and who voted what in an open poll). Every view checks its permission itself."""

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from django.views.defaults import permission_denied

from home.exports import csv_response
from polls import services
from polls.mails import page_in_language
from polls.models import OpenBallot, Poll, PollPage
from polls.services.results import RESULTS_PERMISSION
from polls.structure import KIND_RANKED, load
from polls.views.poll_page import page_questions, poll_state, texts_of

EXPORT_BALLOTS_PERMISSION = "polls.export_open_ballots"
POLLS_PER_PAGE = 50


def _forbidden(request):
    return permission_denied(request, PermissionDenied())


def _title(poll: Poll) -> str:
    pages = list(poll.pages.all())
    chosen = next((p for p in pages if p.locale.language_code == get_language()), None)
    chosen = chosen or next((p for p in pages if p.locale.language_code == poll.source_language), None)
    return (chosen or pages[0]).title if pages else str(poll.translation_key)


@require_GET
def poll_list(request):
    if not request.user.has_perm(RESULTS_PERMISSION):
        return _forbidden(request)
    polls = Poll.objects.prefetch_related(
        Prefetch("pages", queryset=PollPage.objects.select_related("locale").only("title", "poll_id", "locale"))
    ).order_by("-closes_at", "-pk")
    page = Paginator(polls, POLLS_PER_PAGE).get_page(request.GET.get("p"))
    now = timezone.now()
    rows = [{"poll": poll, "title": _title(poll), "state": poll_state(poll, now)} for poll in page]
    return TemplateResponse(
        request, "polls/admin/poll_list.html", {"rows": rows, "polls": page, "header_icon": "tasks"}
    )


def _poll_with_texts(poll_id: int):
    poll = get_object_or_404(Poll, pk=poll_id)
    page = page_in_language(poll, get_language())
    return poll, page, (texts_of(page_questions(page)) if page else {})


@require_GET
def poll_results(request, poll_id: int):
    if not request.user.has_perm(RESULTS_PERMISSION):
        return _forbidden(request)
    poll, page, texts = _poll_with_texts(poll_id)
    released = services.results_released(poll)
    results = services.poll_results(poll, texts)
    context = {
        "poll": poll,
        "page": page,
        "title": page.title if page else str(poll.translation_key),
        "state": poll_state(poll, timezone.now()),
        "turnout": results.turnout,
        "results": results if released else None,
        "closed": poll.is_closed(),
        "can_export_ballots": not poll.secret and request.user.has_perm(EXPORT_BALLOTS_PERMISSION),
        "header_icon": "tasks",
    }
    return TemplateResponse(request, "polls/admin/poll_results.html", context)


@require_GET
def export_results(request, poll_id: int):
    """Per question and choice: votes and share (first preferences and every runoff round for ranked questions),
    blank votes, then the turnout and quorum."""
    if not request.user.has_perm(RESULTS_PERMISSION):
        return _forbidden(request)
    poll, _page, texts = _poll_with_texts(poll_id)
    if not services.results_released(poll):
        return _forbidden(request)
    results = services.poll_results(poll, texts)
    rows = []
    for question in results.questions:
        rounds = question.round_rows
        for choice in question.choices:
            row = next((r for r in rounds if r.key == choice.key), None)
            round_counts = " / ".join("" if count is None else str(count) for count in row.counts) if row else ""
            rows.append(
                [
                    question.text,
                    choice.text,
                    choice.count,
                    f"{choice.percent:.1f}",
                    round_counts,
                    "yes" if row and row.winner else "",
                ]
            )
        rows.append([question.text, _("Blank / abstain"), question.abstained, "", "", ""])
    turnout = results.turnout
    rows.append([_("Turnout"), _("Ballots cast"), turnout.ballots, f"{turnout.percent:.1f}", "", ""])
    rows.append([_("Turnout"), _("May vote"), turnout.eligible, "", "", ""])
    if turnout.quorum_met is not None:
        rows.append([_("Quorum"), f"{turnout.quorum_percent}%", "yes" if turnout.quorum_met else "no", "", "", ""])
    header = ["question", "choice", "votes", "percent", "runoff rounds", "elected"]
    return csv_response(f"poll-{poll.pk}-results.csv", header, rows)


@require_GET
def export_voters(request, poll_id: int):
    """Who voted (never what), once the poll has closed."""
    if not request.user.has_perm(RESULTS_PERMISSION):
        return _forbidden(request)
    poll = get_object_or_404(Poll, pk=poll_id)
    if not poll.is_closed():
        return _forbidden(request)
    rows = ([user.first_name, user.last_name, user.email] for user in services.who_voted(poll))
    return csv_response(f"poll-{poll.pk}-voters.csv", ["first_name", "last_name", "email"], rows)


@require_GET
def export_ballots(request, poll_id: int):
    """Who voted what, for an open (not secret) poll only: one row per person and question."""
    if not request.user.has_perm(EXPORT_BALLOTS_PERMISSION):
        return _forbidden(request)
    poll, _page, texts = _poll_with_texts(poll_id)
    if poll.secret:
        return _forbidden(request)
    separators = {question.key: " > " if question.kind == KIND_RANKED else "; " for question in load(poll.structure)}
    rows = []
    for ballot in OpenBallot.objects.filter(poll=poll).select_related("user").order_by("voted_at", "pk"):
        name = ballot.user.get_full_name() if ballot.user else _("(deleted account)")
        email = ballot.user.email if ballot.user else ""
        for question_key, answer in ballot.answers.items():
            choices = [texts.get(choice, choice) for choice in answer.get("choices", [])]
            value = (
                _("Blank / abstain") if answer.get("abstained") else separators.get(question_key, "; ").join(choices)
            )
            rows.append([name, email, ballot.voted_at.isoformat(), texts.get(question_key, question_key), value])
    return csv_response(f"poll-{poll.pk}-ballots.csv", ["name", "email", "voted_at", "question", "answer"], rows)
