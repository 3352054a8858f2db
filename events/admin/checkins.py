"""Admin views for check-in at the door: one event's ticket holders with their check-in state (manual check-in
and undo), the event's check-in log and its CSV, and the volunteers assigned to scan at the event.

Every view checks its permission itself and works on the language-neutral Event, which holds the
registrations, the log and the assignments. Changes go through events.services, like the scanner's."""

from urllib.parse import urlencode

from django import forms
from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from community.admin_views import forbidden, requires
from community.models import User
from events import services
from events.admin.common import EXPORT_PERMISSION, VIEW_PERMISSION, admin_event, event_csv, iso
from events.models import CheckIn, EventVolunteer, Registration
from events.services.checkin import CHECK_IN_PERMISSION, clean_text

VIEW_VOLUNTEERS_PERMISSION = "events.view_eventvolunteer"
ADD_VOLUNTEER_PERMISSION = "events.add_eventvolunteer"
DELETE_VOLUNTEER_PERMISSION = "events.delete_eventvolunteer"
ATTENDEES_PER_PAGE = 100
LOG_PER_PAGE = 50
STATES = ("in", "out")


def _scanner_url(event) -> str:
    return reverse("events:checkin_desk", kwargs={"event_id": event.pk})


def _ticket_holders(event, query: str, state: str):
    """The event's tickets, by name, with the holder and the volunteer who checked them in (one query), those
    matching `query` only when one is given."""
    tickets = (
        Registration.objects.confirmed()
        .filter(event=event)
        .select_related("user", "checked_in_by")
        .order_by("user__first_name", "user__last_name", "pk")
    )
    if state == "in":
        tickets = tickets.filter(checked_in_at__isnull=False)
    elif state == "out":
        tickets = tickets.filter(checked_in_at__isnull=True)
    if query.strip():
        return services.find_attendees(tickets, query)  # the door's search, accents folded, typed codes too
    return tickets


def _log(event):
    return (
        CheckIn.objects.filter(event=event)
        .select_related("volunteer", "registration__user")
        .order_by("-created_at", "-pk")
    )


@requires(VIEW_PERMISSION)
def event_checkins(request, event_id: int):
    event = admin_event(event_id)
    query = clean_text(request.GET.get("q", "")).strip()[:100]
    state = request.GET.get("state", "")
    if state not in STATES:
        state = ""
    attendees = Paginator(_ticket_holders(event, query, state), ATTENDEES_PER_PAGE).get_page(request.GET.get("p"))
    log = Paginator(_log(event), LOG_PER_PAGE).get_page(request.GET.get("log"))
    context = {
        "event": event,
        "query": query,
        "state": state,
        "attendees": attendees,
        "log": log,
        "can_check_in": request.user.has_perm(CHECK_IN_PERMISSION) and services.may_scan(request.user, event),
        "can_export": request.user.has_perm(EXPORT_PERMISSION),
        "scanner_url": _scanner_url(event),
        "header_icon": "date",
    }
    return TemplateResponse(request, "events/admin/checkins.html", context)


def _back_to_checkins(request, event):
    """The check-in page again, with the search and filter the form was sent from."""
    url = reverse("events_admin:checkins", kwargs={"event_id": event.pk})
    keep = {key: request.POST.get(key, "")[:100] for key in ("q", "state", "p")}
    keep = {key: value for key, value in keep.items() if value}
    return redirect(f"{url}?{urlencode(keep)}" if keep else url)


def _door(request, event_id: int, pk: int):
    """The event and the ticket a manual check-in or undo is about, or None when the user may not scan there."""
    if not request.user.has_perm(CHECK_IN_PERMISSION):
        return None
    event = admin_event(event_id)
    if not services.may_scan(request.user, event):
        return None
    return event, get_object_or_404(Registration, pk=pk, event=event)


@require_POST
def manual_check_in(request, event_id: int, pk: int):
    if (door := _door(request, event_id, pk)) is None:
        return forbidden(request)
    event, registration = door
    result = services.check_in(registration.token, event, request.user, source=CheckIn.Source.ADMIN)
    if result.state == CheckIn.Result.CHECKED_IN:
        messages.success(request, result.message)
    elif result.state == CheckIn.Result.ALREADY:
        messages.warning(request, result.message)
    else:
        messages.error(request, result.message)
    return _back_to_checkins(request, event)


@require_POST
def manual_undo(request, event_id: int, pk: int):
    if (door := _door(request, event_id, pk)) is None:
        return forbidden(request)
    event, registration = door
    try:
        result = services.undo_check_in(registration.pk, event, request.user, source=CheckIn.Source.ADMIN)
    except services.CheckInError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, result.message)
    return _back_to_checkins(request, event)


def export_checkin_log(request, event_id: int):
    def rows(event):
        for entry in _log(event).iterator(chunk_size=500):
            attendee = entry.registration.user if entry.registration else None
            yield [
                iso(entry.scanned_at),
                iso(entry.created_at),
                entry.result,
                entry.source,
                entry.volunteer.get_full_name() if entry.volunteer else "",
                entry.volunteer.email if entry.volunteer else "",
                attendee.get_full_name() if attendee else "",
                attendee.email if attendee else "",
                # A ticket's code as printed on it, never its token (which opens the ticket); what was scanned
                # only when it matched no ticket.
                entry.registration.display_code if entry.registration else entry.code,
            ]

    header = [
        "scanned_at",
        "received_at",
        "result",
        "source",
        "volunteer",
        "volunteer_email",
        "attendee",
        "attendee_email",
        "code",
    ]
    return event_csv(request, event_id, "checkins", header, rows)


def export_checkin_attendees(request, event_id: int):
    def rows(event):
        for ticket in _ticket_holders(event, "", "").iterator(chunk_size=500):
            yield [
                ticket.user.get_full_name(),
                ticket.user.email,
                ticket.display_code,
                iso(ticket.checked_in_at),
                ticket.checked_in_by.get_full_name() if ticket.checked_in_by else "",
                ticket.checked_in_by.email if ticket.checked_in_by else "",
            ]

    header = ["name", "email", "code", "checked_in_at", "checked_in_by", "checked_in_by_email"]
    return event_csv(request, event_id, "checkin-attendees", header, rows)


# --- Volunteers ----------------------------------------------------------------------------------------------


class VolunteerForm(forms.Form):
    email = forms.EmailField(
        label=gettext_lazy("E-mail address of the volunteer"),
        max_length=254,
        help_text=gettext_lazy("The person needs an account on the site."),
    )

    def clean_email(self):
        email = User.objects.normalize_email(self.cleaned_data["email"])
        user = User.objects.filter(email__iexact=email).first()
        if user is None:
            raise forms.ValidationError(_("Nobody has an account with this e-mail address."), code="unknown")
        if not user.is_active:
            raise forms.ValidationError(_("This account is deactivated."), code="inactive")
        self.user = user
        return email


def _volunteers(event):
    return (
        EventVolunteer.objects.filter(event=event)
        .select_related("user", "assigned_by")
        .order_by("user__first_name", "user__last_name", "user__email")
    )


@requires(VIEW_VOLUNTEERS_PERMISSION)
def event_volunteers(request, event_id: int):
    can_add = request.user.has_perm(ADD_VOLUNTEER_PERMISSION)
    if request.method == "POST" and not can_add:
        return forbidden(request)
    event = admin_event(event_id)
    form = VolunteerForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        volunteer = form.user
        name = volunteer.get_full_name() or volunteer.email
        if EventVolunteer.objects.filter(event=event, user=volunteer).exists():
            messages.info(request, _("%(name)s is already a volunteer at this event.") % {"name": name})
        else:
            services.assign_volunteer(event, volunteer, by=request.user)
            messages.success(request, _("%(name)s can now check people in at this event.") % {"name": name})
        return redirect("events_admin:volunteers", event_id=event.pk)
    volunteers = list(_volunteers(event))
    scans = dict(
        CheckIn.objects.filter(event=event, volunteer__in=[v.user_id for v in volunteers])
        .values_list("volunteer")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for assignment in volunteers:
        assignment.scans = scans.get(assignment.user_id, 0)
    context = {
        "event": event,
        "volunteers": volunteers,
        "form": form if can_add else None,
        "can_remove": request.user.has_perm(DELETE_VOLUNTEER_PERMISSION),
        "scanner_url": _scanner_url(event),
        "header_icon": "date",
    }
    return TemplateResponse(request, "events/admin/volunteers.html", context)


@require_POST
@requires(DELETE_VOLUNTEER_PERMISSION)
def remove_volunteer(request, event_id: int, user_id: int):
    event = admin_event(event_id)
    assignment = get_object_or_404(EventVolunteer.objects.select_related("user"), event=event, user_id=user_id)
    services.unassign_volunteer(event, assignment.user)
    name = assignment.user.get_full_name() or assignment.user.email
    messages.success(request, _("%(name)s is no longer a volunteer at this event.") % {"name": name})
    return redirect("events_admin:volunteers", event_id=event.pk)
