"""Registration views: register, cancel, leave the waiting list, the ticket's QR, check-in and My tickets.

The rules live in events.services; these views read the request, call a service and say what happened.
A full event puts the person on the waiting list automatically (register() decides); the event page says so
on its button before they click.
"""

import re

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from community.permissions import is_active_member
from events import qr, services
from events.listing import pages_in_language
from events.models import EventPage, Registration
from events.my_tickets import tickets_for
from events.services import RegistrationError

# Tokens are URL-safe base64 (secrets.token_urlsafe); anything else is not a ticket, and must not reach the
# database (PostgreSQL refuses a NUL character with an error, not an empty result).
TOKEN_PATTERN = re.compile(r"[A-Za-z0-9_-]{1,64}")


def _event_url(request: HttpRequest, page: EventPage) -> str:
    return page.get_url(request=request) or "/"


def _back(request: HttpRequest, fallback: str) -> str:
    """Where to go after a change: the form's `next` when it is on this site, else `fallback`."""
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return fallback


@require_POST
def register(request: HttpRequest, page_id: int) -> HttpResponse:
    page = get_object_or_404(EventPage.objects.live().select_related("locale", "event"), pk=page_id)
    event_url = _event_url(request, page)
    user = request.user
    if not user.is_authenticated:
        return redirect_to_login(event_url)
    if not user.is_verified:
        messages.error(request, RegistrationError("not_verified").message)
        return redirect(event_url)
    if page.event.members_only and not is_active_member(user):
        messages.info(request, _("This event is for members. Become a member to register."))
        return redirect(f"{reverse('community:membership_apply')}?{urlencode({'next': event_url})}")
    try:
        registration = services.register(user, page, accepted_terms=request.POST.get("accept_terms") == "1")
    except RegistrationError as error:
        messages.error(request, error.message)
        return redirect(event_url)
    if registration.status == Registration.Status.CONFIRMED:
        messages.success(request, _("You are registered. Your ticket is on its way by e-mail and under My tickets."))
    else:
        messages.info(request, _("The event is full, so you are on the waiting list. We write if a seat frees up."))
    return redirect(event_url)


def _owned_registration(request: HttpRequest, pk: int) -> Registration:
    registration = get_object_or_404(Registration.objects.select_related("event"), pk=pk)
    if not services.may_cancel(registration, request.user):
        raise PermissionDenied
    return registration


@require_POST
@login_required
def cancel(request: HttpRequest, pk: int) -> HttpResponse:
    registration = _owned_registration(request, pk)
    try:
        services.cancel(registration, by=request.user)
    except RegistrationError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Your registration is cancelled."))
    return redirect(_back(request, reverse("events:my_tickets")))


@require_POST
@login_required
def leave_waiting(request: HttpRequest, pk: int) -> HttpResponse:
    registration = _owned_registration(request, pk)
    try:
        services.leave_waiting_list(registration, by=request.user)
    except RegistrationError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("You have left the waiting list."))
    return redirect(_back(request, reverse("events:my_tickets")))


def registration_by_token(token: str) -> Registration:
    if not TOKEN_PATTERN.fullmatch(token):
        raise Http404
    registration = Registration.objects.select_related("event", "user").by_token(token).first()
    if registration is None:
        raise Http404
    return registration


def _holders_ticket(request: HttpRequest, pk: int) -> Registration:
    """The ticket `pk`, for its holder or the event's staff only; anyone else gets a 404 (not even whether it is)."""
    registration = Registration.objects.select_related("event", "user").filter(pk=pk).first()
    if registration is None or not services.may_cancel(registration, request.user):
        raise Http404
    return registration


@require_GET
@login_required
def ticket_qr(request: HttpRequest, pk: int) -> HttpResponse:
    """The ticket's QR code, addressed by the registration's id and drawn on request (tokens are not stored)."""
    registration = _holders_ticket(request, pk)
    response = HttpResponse(qr.ticket_qr_png(registration), content_type="image/png")
    response["Cache-Control"] = "private, no-store"
    return response


@require_GET
@never_cache
@login_required
def ticket(request: HttpRequest, pk: int) -> HttpResponse:
    """The ticket to show at the door, addressed by id: for its holder and the event's staff."""
    return checkin_page(request, _holders_ticket(request, pk))


@require_GET
@never_cache
def checkin(request: HttpRequest, token: str) -> HttpResponse:
    """What the ticket's QR code opens. Nothing changes on a GET (a link preview or a curious attendee opens
    it too): the holder sees the ticket and is asked to show it at the door; a volunteer of the event gets the
    confirm step, a button that checks the ticket in (events.checkin_views.confirm)."""
    return checkin_page(request, registration_by_token(token))


def checkin_page(request: HttpRequest, registration: Registration, *, result=None) -> HttpResponse:
    may_scan = services.may_scan(request.user, registration.event)
    context = {
        "registration": registration,
        "event": pages_in_language([registration.event_id], get_language()).get(registration.event_id),
        "show_holder": may_scan or services.may_cancel(registration, request.user),
        "may_scan": may_scan,
        "result": result,
    }
    response = render(request, "events/registration/checkin.html", context)
    response["X-Robots-Tag"] = "noindex"
    return response


@require_GET
@login_required
@never_cache
def my_tickets(request: HttpRequest) -> HttpResponse:
    return render(request, "events/registration/my_tickets.html", {"view_tickets": tickets_for(request.user)})
