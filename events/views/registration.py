"""Registration: register for an event, cancel a ticket, leave the waiting list.

The rules live in events.services; these views read the request, call a service and say what happened.
A full event puts the person on the waiting list automatically (register() decides); the event page says so
on its button before they click.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from events import services
from events.models import EventPage, Registration
from events.services import RegistrationError


def _event_url(page: EventPage) -> str:
    # Without the request: Wagtail would look the request's site up (a query) only to choose between this path and
    # the same page's full URL, and either takes the person back to the event.
    return page.get_url() or "/"


def _back(request: HttpRequest, fallback: str) -> str:
    """Where to go after a change: the form's `next` when it is on this site, else `fallback`."""
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return fallback


@require_POST
def register(request: HttpRequest, page_id: int) -> HttpResponse:
    page = get_object_or_404(EventPage.objects.live().select_related("locale", "event"), pk=page_id)
    event_url = _event_url(page)
    user = request.user
    if not user.is_authenticated:
        return redirect_to_login(event_url)
    try:
        registration = services.register(user, page, accepted_terms=request.POST.get("accept_terms") == "1")
    except RegistrationError as error:
        # The service asks for the membership (once per request); a non-member is shown the way to become one.
        if error.code == "members_only":
            messages.info(request, _("This event is for members. Become a member to register."))
            return redirect(f"{reverse('community:membership_apply')}?{urlencode({'next': event_url})}")
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
