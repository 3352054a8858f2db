"""Site-wide views: the health check and the translated error pages."""

from django.http import HttpRequest, HttpResponseServerError, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from home.health import check_all
from home.translations.fallback import page_in_another_language


@never_cache
@require_GET
def health(request: HttpRequest) -> JsonResponse:
    """JSON state of the database, cache and Celery broker; 503 when one of them is down."""
    checks = check_all()
    healthy = all(check["ok"] for check in checks.values())
    return JsonResponse({"status": "ok" if healthy else "error", "checks": checks}, status=200 if healthy else 503)


def bad_request(request: HttpRequest, exception=None):
    return render(request, "400.html", status=400)


def permission_denied(request: HttpRequest, exception=None):
    return render(request, "403.html", status=403)


def page_not_found(request: HttpRequest, exception=None):
    # /en/<danish-slug>/ is not a dead end: the page in the language it exists in is linked.
    return render(request, "404.html", {"elsewhere": page_in_another_language(request)}, status=404)


def server_error(request: HttpRequest) -> HttpResponseServerError:
    # Rendered without the request, so no context processor runs and nothing touches the database: whatever
    # broke may be exactly those. The active language still comes from LocaleMiddleware.
    return HttpResponseServerError(loader.get_template("500.html").render())
