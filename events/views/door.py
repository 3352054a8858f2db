"""The door: the volunteer's scanner page, its JSON endpoints, and the list of events a volunteer may scan.

The rules live in events.services.checkin; these views check who asks, read the JSON body and answer JSON.
Every endpoint answers a bad body with 400 and a translated message, a stranger with 403, and never a 500
for anything a browser can send. POSTs need the CSRF token (the page sends it as X-CSRFToken).
"""

import hashlib
import json
from functools import cache, wraps

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from events import services
from events.listing import pages_in_language
from events.models import CheckIn, Event, Registration
from events.services import CheckInError
from events.services.checkin import (
    MAX_BATCH,
    MAX_CODE_LENGTH,
    checkin_time,
    clean_text,
    display_name,
)
from events.views.tickets import checkin_page, registration_by_token
from home.browser_policy import allow_camera

MAX_BODY_BYTES = 256 * 1024  # a full offline queue (200 scans) is far below this
POLL_SECONDS = 5


def _event(event_id: int) -> Event:
    return get_object_or_404(Event, pk=event_id)


def _json_error(message: str, status: int) -> JsonResponse:
    response = JsonResponse({"error": str(message)}, status=status)
    response["Cache-Control"] = "no-store"
    return response


def door_api(view):
    """For the JSON endpoints: the Event (its id only) and a 403 (JSON) for anyone who may not scan it."""

    @wraps(view)
    @never_cache
    def wrapped(request: HttpRequest, event_id: int, *args, **kwargs):
        event, may_scan = services.door_event(request.user, event_id)
        if event is None:
            return _json_error(_("No such event."), 404)
        if not may_scan:
            return _json_error(_("You may not check people in at this event."), 403)
        return view(request, event, *args, **kwargs)

    return wrapped


def _body(request: HttpRequest) -> dict:
    if len(request.body) > MAX_BODY_BYTES:
        raise CheckInError("bad_request")
    try:
        data = json.loads(request.body or b"{}")
    except (ValueError, UnicodeDecodeError, RecursionError) as exc:  # RecursionError: "[[[[..." nested deep
        raise CheckInError("bad_request") from exc
    if not isinstance(data, dict):
        raise CheckInError("bad_request")
    return data


def _text(data: dict, key: str, limit: int) -> str:
    value = data.get(key)
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise CheckInError("bad_request")
    return (
        clean_text(str(value)[:limit]).replace("\x00", "").encode("utf-8", "replace").decode()
    )  # no NUL, no lone surrogate


def _scan(data) -> dict:
    """One scan from a JSON body: its code, and the optional id, time and source, as text; 400 for other types."""
    if not isinstance(data, dict):
        raise CheckInError("bad_request")
    return {
        "code": _text(data, "code", MAX_CODE_LENGTH + 1),
        "client_id": _text(data, "client_id", 64) or None,
        "scanned_at": _text(data, "scanned_at", 40) or None,
        "source": _text(data, "source", 16) or CheckIn.Source.CAMERA,
    }


@require_POST
@door_api
def scan(request: HttpRequest, event: Event) -> JsonResponse:
    try:
        scan = _scan(_body(request))
        result = services.check_in(scan.pop("code"), event, request.user, **scan)
    except CheckInError as error:
        return _json_error(error.message, 400)
    return JsonResponse({"result": result.as_dict(request.user), "counts": services.event_counts(event)})


@require_POST
@door_api
def sync(request: HttpRequest, event: Event) -> JsonResponse:
    try:
        scans = _body(request).get("scans")
        if not isinstance(scans, list) or len(scans) > MAX_BATCH:
            raise CheckInError("bad_request")
        results = services.check_in_batch([_scan(item) for item in scans], event, request.user)
    except CheckInError as error:
        return _json_error(error.message, 400)
    return JsonResponse(
        {"results": [result.as_dict(request.user) for result in results], "counts": services.event_counts(event)}
    )


@require_POST
@door_api
def undo(request: HttpRequest, event: Event) -> JsonResponse:
    try:
        registration_id = _body(request).get("registration")
        if isinstance(registration_id, bool) or not isinstance(registration_id, int | str):
            raise CheckInError("bad_request")
        try:
            registration_id = int(registration_id)
        except ValueError as exc:
            raise CheckInError("bad_request") from exc
        if not 0 < registration_id < 2**63:
            raise CheckInError("not_found")
        result = services.undo_check_in(registration_id, event, request.user)
    except CheckInError as error:
        return _json_error(error.message, 400 if error.code == "bad_request" else 409)
    return JsonResponse({"result": result.as_dict(request.user), "counts": services.event_counts(event)})


def _attendee(registration: Registration, viewer) -> dict:
    at = registration.checked_in_at
    return {
        "registration": registration.pk,
        "name": display_name(registration.user),
        "email": registration.user.email,
        "code": registration.display_code,
        "checked_in_at": at.isoformat() if at else None,
        "checked_in_time": checkin_time(at),
        "checked_in_by": display_name(registration.checked_in_by) if at else "",
        "can_undo": bool(at and services.may_undo(registration, viewer)),
    }


@require_GET
@door_api
def attendees(request: HttpRequest, event: Event) -> JsonResponse:
    found = services.search_attendees(event, request.GET.get("q", ""))
    return JsonResponse(
        {"attendees": [_attendee(r, request.user) for r in found], "counts": services.event_counts(event)}
    )


@require_GET
@door_api
def counts(request: HttpRequest, event: Event) -> JsonResponse:
    return JsonResponse({"counts": services.event_counts(event)})


@require_GET
@login_required
@never_cache
@allow_camera
def desk(request: HttpRequest, event_id: int) -> HttpResponse:
    """The scanner page for one event."""
    event = _event(event_id)
    if not services.may_scan(request.user, event):
        raise PermissionDenied
    page = pages_in_language([event.pk], get_language()).get(event.pk)
    if page is None:
        raise Http404
    urls = {
        name: reverse(f"events:checkin_{name}", kwargs={"event_id": event.pk})
        for name in ("scan", "sync", "undo", "attendees", "counts")
    }
    context = {
        "event": page,
        "event_id": event.pk,
        "counts": services.event_counts(event),
        "config": {
            "urls": urls,
            "pollSeconds": POLL_SECONDS,
            "volunteer": display_name(request.user),
            "event": event.pk,
            # The offline fallback (events/checkin/sw.js) controls this scanner page only, not the other pages under
            # /<lang>/events/ (tickets, registration), so their requests never go through it.
            "serviceWorker": {
                "url": reverse("events:checkin_sw"),
                "scope": reverse("events:checkin_desk", kwargs={"event_id": event.pk}),
            },
        },
    }
    return render(request, "events/checkin/scanner.html", context)


def _events_prefix() -> str:
    """/<lang>/events/: the most a worker served from /<lang>/events/checkin/sw.js may control."""
    return reverse("events:checkin_desks").rstrip("/").rsplit("/", 1)[0] + "/"


@cache
def _static_version() -> str:
    """Changes when the static files do: the manifest's hash in production (ManifestStaticFilesStorage), else the
    static URLs of the scanner's own files (plain names in development and tests, so a constant there)."""
    manifest_hash = getattr(staticfiles_storage, "manifest_hash", "")
    if manifest_hash:
        return str(manifest_hash)
    names = ("events/checkin.js", "events/checkin.css", "events/vendor/jsQR.js")
    return hashlib.sha256("|".join(static(name) for name in names).encode()).hexdigest()[:12]


@require_GET
def service_worker(request: HttpRequest) -> HttpResponse:
    """The scanner's offline fallback: a service worker that keeps the scanner page and the static files it loads,
    so a reload without a network still shows the scanner. No personal data, so no login; no session either."""
    response = render(
        request,
        "events/checkin/sw.js",
        {"static_url": settings.STATIC_URL, "cache_version": _static_version()},
        content_type="text/javascript; charset=utf-8",
    )
    response["Service-Worker-Allowed"] = _events_prefix()
    response["Cache-Control"] = "no-cache"
    return response


@require_GET
@login_required
@never_cache
def desks(request: HttpRequest) -> HttpResponse:
    """The events this person may check people in at (a volunteer's assigned ones; all for organisers)."""
    if not services.checks_people_in(request.user):
        raise PermissionDenied
    events = list(services.scannable_events(request.user)[:50])
    pages = pages_in_language([event.pk for event in events], get_language())
    events = [(event, pages[event.pk]) for event in events if event.pk in pages]
    return render(request, "events/checkin/desks.html", {"events": events})


@require_POST
@login_required
def confirm(request: HttpRequest, token: str) -> HttpResponse:
    """The confirm step without JavaScript: a volunteer opened a ticket's link and pressed "Check in"."""
    registration = registration_by_token(token)
    if not services.may_scan(request.user, registration.event):
        raise PermissionDenied
    result = services.check_in(token, registration.event, request.user, source=CheckIn.Source.LINK)
    return checkin_page(request, result.registration or registration, result=result)
