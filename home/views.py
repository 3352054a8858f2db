"""Site-wide views: the health checks and the translated error pages."""

import sys

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.crypto import constant_time_compare
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from home.browser_policy import standalone_error
from home.health import DOWN, detailed, site_can_serve
from home.translations.fallback import page_in_another_language


@never_cache
@require_GET
def health(request: HttpRequest) -> JsonResponse:
    """For load balancers: 200 while this server can answer pages, 503 only when it cannot (database down).
    A broker, cache or mail problem shows in the detailed check, not here: taking healthy servers out of a load
    balancer would not fix it."""
    if site_can_serve():
        return JsonResponse({"status": "ok"})
    return JsonResponse({"status": "down"}, status=503)


@never_cache
@require_GET
def health_detail(request: HttpRequest) -> JsonResponse:
    """For staff and monitoring (HEALTH_TOKEN as a bearer token): every service with timings, owed mail, beat."""
    if not (request.user.is_authenticated and request.user.is_staff) and not _has_health_token(request):
        return JsonResponse({"status": "forbidden"}, status=403)
    report = detailed()
    return JsonResponse(report, status=503 if report["status"] == DOWN else 200)


def _has_health_token(request: HttpRequest) -> bool:
    token = settings.HEALTH_TOKEN
    given = request.headers.get("Authorization", "").removeprefix("Bearer ").strip()
    return bool(token and given) and constant_time_compare(given, token)


# What a database that cannot be reached (or a statement it cancelled) raises; handled as 503, not 500.
DatabaseUnavailable = (OperationalError, InterfaceError)


def bad_request(request: HttpRequest, exception=None):
    return render(request, "400.html", status=400)


def permission_denied(request: HttpRequest, exception=None):
    return render(request, "403.html", status=403)


def page_not_found(request: HttpRequest, exception=None):
    # /en/<danish-slug>/ is not a dead end: the page in the language it exists in is linked.
    return render(request, "404.html", {"elsewhere": page_in_another_language(request)}, status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    # Rendered without the request, so no context processor runs and nothing touches the database: whatever
    # broke may be exactly those. The active language still comes from LocaleMiddleware.
    if isinstance(sys.exception(), DatabaseUnavailable):
        # The database is down (or cancelled a runaway query): a friendly "back soon" page, 503 with Retry-After.
        response = standalone_error("503.html", 503)
        response["Retry-After"] = "30"
        return response
    return standalone_error("500.html", 500)
