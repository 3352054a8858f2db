"""Admin views for event registrations: the events with their counts, one event's tickets and waiting list
(search, staff cancel) and the attendee CSV. Every view checks the registration permissions itself."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from community.admin_views import requires
from events import services
from events.admin.common import EXPORT_PERMISSION, VIEW_PERMISSION, admin_event, admin_events, event_csv, iso
from events.models import Event, Registration
from events.services.checkin import clean_text

EVENTS_PER_PAGE = 50


@requires(VIEW_PERMISSION)
def event_list(request):
    events = admin_events().order_by("-start", "-pk")
    if request.GET.get("past") != "1":
        events = events.filter(end__gte=timezone.now()).order_by("start", "pk")
    page = Paginator(events, EVENTS_PER_PAGE).get_page(request.GET.get("p"))
    return TemplateResponse(
        request,
        "events/admin/event_list.html",
        {"events": page, "show_past": request.GET.get("past") == "1", "header_icon": "date"},
    )


def _registrations(event: Event, query: str):
    registrations = Registration.objects.filter(event=event).select_related("user").order_by("created_at", "pk")
    if query:
        return services.find_attendees(registrations, query)
    return registrations


@requires(VIEW_PERMISSION)
def event_registrations(request, event_id: int):
    event = admin_event(event_id)
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
@requires(VIEW_PERMISSION)
def staff_cancel(request, pk: int):
    registration = get_object_or_404(Registration.objects.select_related("event", "user"), pk=pk)
    try:
        services.cancel(registration, by=request.user)
    except services.RegistrationError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request, _("Cancelled the registration of %(name)s.") % {"name": registration.user.get_full_name()}
        )
    return redirect("events_admin:registrations", event_id=registration.event_id)


@requires(VIEW_PERMISSION)
def cancel_event(request, event_id: int):
    """Cancel the whole event (GET asks, POST does it): every page says so, registration closes, and every
    ticket holder and everyone waiting is mailed once, in their language (events.services.cancel_event)."""
    event = admin_event(event_id)
    if request.method == "POST":
        try:
            mailed = services.cancel_event(event, by=request.user)
        except services.RegistrationError as error:
            messages.error(request, error.message)
        else:
            messages.success(
                request,
                ngettext(
                    "The event is cancelled; %(count)d person is being told.",
                    "The event is cancelled; %(count)d people are being told.",
                    mailed,
                )
                % {"count": mailed},
            )
        return redirect("events_admin:registrations", event_id=event.pk)
    return TemplateResponse(request, "events/admin/cancel_event.html", {"event": event, "header_icon": "date"})


def export_attendees(request, event_id: int):
    def rows(event):
        registrations = (
            Registration.objects.active().filter(event=event).select_related("user").order_by("status", "created_at")
        )
        for registration in registrations.iterator():
            yield [
                registration.user.get_full_name(),
                registration.user.email,
                registration.status,
                iso(registration.created_at),
                iso(registration.checked_in_at),
            ]

    return event_csv(
        request, event_id, "attendees", ["name", "email", "status", "registered_at", "checked_in_at"], rows
    )
