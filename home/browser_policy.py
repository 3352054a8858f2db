"""What the browser may do on our pages: the Content-Security-Policy and Permissions-Policy of every response.

The public site runs only scripts from our own origin (no inline script, no eval), may not be framed, and
asks for no device; the Wagtail admin (and Django's) gets the looser policy its editor needs; the door's
scanner page may use the camera. The policies are settings (CSP_SITE, CSP_ADMIN; cms/settings/base.py).
"""

from functools import wraps

from django.conf import settings
from django.http import HttpResponse
from django.template import loader
from django.urls import NoReverseMatch, reverse

# Features no page of ours uses; a page that needs one says so with a decorator (`allow_camera`).
DENIED_FEATURES = ("camera", "microphone", "geolocation", "payment", "usb")
ADMIN_URL_NAMES = ("wagtailadmin_home", "admin:index")
# The standalone error pages (400, 413, 500, 503) carry their own inline stylesheet and nothing else.
STANDALONE_ERROR_POLICY = (
    "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)


def standalone_error(template_name: str, status: int) -> HttpResponse:
    """A standalone error page (cms/templates/standalone_error.html and its children): rendered without the request,
    so no context processor runs and nothing touches the database, with its own browser policy."""
    response = HttpResponse(loader.get_template(template_name).render(), status=status)
    response["Content-Security-Policy"] = STANDALONE_ERROR_POLICY
    return response


def allow_camera(view_func):
    """Let the page this view renders use the camera (and only from our own origin)."""

    @wraps(view_func)
    def wrapped(request, *args, **kwargs):
        response = view_func(request, *args, **kwargs)
        response.allowed_features = ("camera",)
        return response

    return wrapped


def content_security_policy(directives: dict[str, list[str]]) -> str:
    return "; ".join(f"{name} {' '.join(sources)}".strip() for name, sources in directives.items())


def permissions_policy(allowed: tuple[str, ...] = ()) -> str:
    return ", ".join(f"{feature}=(self)" if feature in allowed else f"{feature}=()" for feature in DENIED_FEATURES)


def admin_prefixes() -> tuple[str, ...]:
    prefixes = []
    for name in ADMIN_URL_NAMES:
        try:  # reversed per request (Django caches it) so a test's own URLconf is respected
            prefixes.append(reverse(name))
        except NoReverseMatch:
            continue
    return tuple(prefixes)


class BrowserPolicyMiddleware:
    """Sets Content-Security-Policy and Permissions-Policy, unless the view set its own."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        is_admin = request.path_info.startswith(admin_prefixes())
        policy = settings.CSP_ADMIN if is_admin else settings.CSP_SITE
        response.headers.setdefault("Content-Security-Policy", content_security_policy(policy))
        allowed = getattr(response, "allowed_features", ())
        response.headers.setdefault("Permissions-Policy", permissions_policy(allowed))
        return response
