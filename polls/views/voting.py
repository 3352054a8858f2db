"""The voter's views: submit a ballot, the live results fragment, and My polls.

The rules live in polls.services; these views read the request, call a service and say what happened. A
refused ballot shows the poll page again with the visitor's choices and a message per question (status 400).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from home.redirects import safe_next_url
from polls import services
from polls.forms.ballot import BallotForm
from polls.listing import polls_for
from polls.models import PollPage
from polls.structure import load
from polls.views.poll_page import page_questions, poll_page_context, texts_of


def _live_page(page_id: int) -> PollPage:
    return get_object_or_404(PollPage.objects.live().public().select_related("poll", "locale"), pk=page_id)


def _back(request: HttpRequest, page: PollPage) -> str:
    """Where to go after voting: the form's `next` (a page with the poll block) when it is on this site, else
    the poll page."""
    return safe_next_url(request, page.get_url(request=request) or "/")


@require_POST
@never_cache
def vote(request: HttpRequest, page_id: int) -> HttpResponse:
    page = _live_page(page_id)
    user = request.user
    if not user.is_authenticated:
        return redirect_to_login(page.get_url(request=request) or "/")
    try:
        # Said before looking at the ballot: a closed poll or a second ballot is the news, not its details.
        if services.has_voted(user, page.poll):
            raise services.BallotError("already_voted")
        services.check_can_vote(user, page, page.poll)
    except services.BallotError as error:
        messages.error(request, error.message)
        return redirect(_back(request, page))
    form = BallotForm(load(page.poll.structure), texts_of(page_questions(page)), request.POST)
    if not form.is_valid():
        return _poll_page_again(request, page, form)
    try:
        services.cast_ballot(user, page, form.answers)
    except services.BallotError as error:
        if error.question is None:
            messages.error(request, error.message)
            return redirect(_back(request, page))
        return _poll_page_again(request, page, form, error)
    messages.success(request, _("Thank you, your vote is recorded."))
    return redirect(_back(request, page))


def _poll_page_again(request, page: PollPage, form: BallotForm, error=None) -> HttpResponse:
    """The poll page with the refused ballot's choices and what is wrong with them."""
    if error is not None:
        for question in form.questions:
            if question.key == error.question:
                question.errors.append(error.message)
    context = page.get_context(request, ballot_form=form)
    return TemplateResponse(request, page.get_template(request), context, status=400)


@require_GET
@never_cache
def results(request: HttpRequest, page_id: int) -> HttpResponse:
    """The results part of a poll page, which the page fetches every few seconds while the poll is open."""
    page = _live_page(page_id)
    poll = page.poll
    voted = services.has_voted(request.user, poll)
    if not services.may_see_results(request.user, poll, voted=voted):
        raise PermissionDenied
    context = poll_page_context(request, page)
    return render(request, "polls/includes/results.html", {**context, "page": page})


@require_GET
@login_required
@never_cache
def my_polls(request: HttpRequest) -> HttpResponse:
    return render(request, "polls/my_polls.html", {"my_polls": polls_for(request.user)})
