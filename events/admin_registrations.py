"""Admin views for event registrations: the events with their counts, one event's tickets and waiting list
(search, staff cancel) and the attendee CSV. Every view checks the registration permissions itself."""

import csv

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.defaults import permission_denied

from events import services
from events.models import EventPage, Registration
from events.services.checkin import clean_text

VIEW_PERMISSION = "events.view_registrations"
EXPORT_PERMISSION = "events.export_registrations"
EVENTS_PER_PAGE = 50


def _forbidden(request):
    return permission_denied(request, PermissionDenied())


def _spreadsheet_safe(value) -> str:
    # A leading =, +, - or @ would run as a formula when the file is opened in a spreadsheet.
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _seat_pages():
    """The events' default-language pages, which hold the registrations, with all counts annotated."""
    confirmed = Q(registrations__status=Registration.Status.CONFIRMED)
    return EventPage.objects.filter(locale__language_code=settings.LANGUAGE_CODE).annotate(
        registered=Count("registrations", filter=confirmed),
        waiting=Count("registrations", filter=Q(registrations__status=Registration.Status.WAITING)),
        checked_in=Count("registrations", filter=confirmed & Q(registrations__checked_in_at__isnull=False)),
    )


def event_list(request):
    if not request.user.has_perm(VIEW_PERMISSION):
        return _forbidden(request)
    events = _seat_pages().order_by("-start", "-pk")
    if request.GET.get("past") != "1":
        events = events.filter(end__gte=timezone.now()).order_by("start", "pk")
    page = Paginator(events, EVENTS_PER_PAGE).get_page(request.GET.get("p"))
    return TemplateResponse(
        request,
        "events/admin/event_list.html",
        {"events": page, "show_past": request.GET.get("past") == "1", "header_icon": "date"},
    )


def _registrations(event: EventPage, query: str):
    registrations = Registration.objects.filter(event=event).select_related("user").order_by("created_at", "pk")
    if query:
        registrations = registrations.filter(
            Q(user__first_name__icontains=query)
            | Q(user__last_name__icontains=query)
            | Q(user__email__icontains=query)
        )
    return registrations


def event_registrations(request, page_id: int):
    if not request.user.has_perm(VIEW_PERMISSION):
        return _forbidden(request)
    event = get_object_or_404(_seat_pages(), pk=page_id)
    query = clean_text(request.GET.get("q", "")).strip()[:100]
    registrations = _registrations(event, query)
    context = {
        "event": event,
        "query": query,
        "confirmed": [r for r in registrations if r.status == Registration.Status.CONFIRMED],
        "waiting": [r for r in registrations if r.status == Registration.Status.WAITING],
        "cancelled": [r for r in registrations if r.status == Registration.Status.CANCELLED],
        "can_export": request.user.has_perm(EXPORT_PERMISSION),
        "header_icon": "date",
    }
    return TemplateResponse(request, "events/admin/event_registrations.html", context)


@require_POST
def staff_cancel(request, pk: int):
    if not request.user.has_perm(VIEW_PERMISSION):
        return _forbidden(request)
    registration = get_object_or_404(Registration.objects.select_related("event", "user"), pk=pk)
    try:
        services.cancel(registration, by=request.user)
    except services.RegistrationError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request, _("Cancelled the registration of %(name)s.") % {"name": registration.user.get_full_name()}
        )
    return redirect("events_admin:registrations", page_id=registration.event_id)


def export_attendees(request, page_id: int):
    if not request.user.has_perm(EXPORT_PERMISSION):
        return _forbidden(request)
    event = get_object_or_404(EventPage, pk=page_id, locale__language_code=settings.LANGUAGE_CODE)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="attendees-{event.slug}.csv"'
    writer = csv.writer(response)
    writer.writerow(["name", "email", "status", "registered_at", "checked_in_at"])
    registrations = (
        Registration.objects.active().filter(event=event).select_related("user").order_by("status", "created_at")
    )
    for registration in registrations.iterator():
        checked_in = registration.checked_in_at.isoformat() if registration.checked_in_at else ""
        row = [
            registration.user.get_full_name(),
            registration.user.email,
            registration.status,
            registration.created_at.isoformat(),
            checked_in,
        ]
        writer.writerow([_spreadsheet_safe(value) for value in row])
    return response
