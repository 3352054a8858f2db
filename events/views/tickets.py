"""Tickets: My tickets, the ticket's QR image, and the check-in link its QR code opens.

The rules live in events.services; these views read the request, call a service and answer.
"""

import re

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from events import qr, services
from events.listing import pages_in_language
from events.models import Registration

# Tokens are URL-safe base64 (secrets.token_urlsafe); anything else is not a ticket, and must not reach the
# database (PostgreSQL refuses a NUL character with an error, not an empty result).
TOKEN_PATTERN = re.compile(r"[A-Za-z0-9_-]{1,64}")


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
    confirm step, a button that checks the ticket in (events.views.door.confirm)."""
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


def tickets_for(user) -> dict:
    """`upcoming`, `past` (tickets) and `waiting` (waiting places), each registration carrying `page`: the
    event's page in the active language when it has one (events.listing.pages_in_language)."""
    registrations = list(Registration.objects.active().filter(user=user).order_by("pk"))
    pages = pages_in_language([registration.event_id for registration in registrations], get_language())
    now = timezone.now()
    upcoming, past, waiting = [], [], []
    registrations = [registration for registration in registrations if registration.event_id in pages]
    for registration in registrations:
        registration.page = pages[registration.event_id]
    registrations.sort(key=lambda registration: (registration.page.start, registration.pk))
    for registration in registrations:
        if registration.status == Registration.Status.WAITING:
            if registration.page.end > now:
                waiting.append(registration)
        elif registration.page.end > now:
            upcoming.append(registration)
        else:
            past.append(registration)
    past.reverse()  # most recent first
    return {"upcoming": upcoming, "past": past, "waiting": waiting, "now": now}
