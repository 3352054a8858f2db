"""Request rules of the community app: password checks under the limiter (a used-up limit is a 429), and
two-factor log in before the admin."""

from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpRequest, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, reverse
from django.utils import translation

from community.services import password_checks, ratelimit, two_factor


def throttled_response(request: HttpRequest, retry_after: int = 0) -> TemplateResponse:
    """The answer to a limited request: nothing was done; 429 (and Retry-After) tells programs the same."""
    minutes = max(1, -(-retry_after // 60)) if retry_after else 0
    response = TemplateResponse(request, "community/account/rate_limited.html", {"minutes": minutes}, status=429)
    if retry_after:
        response["Retry-After"] = str(retry_after)
    return response


class ThrottleMiddleware:
    """Binds the request for password checks (community.services.password_checks) and answers
    `ratelimit.Throttled`, from whichever view's form checked a password, with the throttle page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with password_checks.bound_to(request):
            return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, ratelimit.Throttled):
            return throttled_response(request, exception.retry_after)
        return None


# What a session that still owes its code may open: the code pages, logging out, switching language.
OPEN_WITHOUT_CODE = {
    "community:two_factor_verify",
    "community:logout",
    "wagtailadmin_logout",
    "set_language",
}


class TwoFactorMiddleware:
    """Admin pages need a session that passed a two-factor code for every account with admin access (where
    TWO_FACTOR_REQUIRED is on: always in production); an account without a device is sent to set one up. Any
    account that has a device (members may choose to) must pass its code after logging in, before other pages."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return None
        view_name = request.resolver_match.view_name if request.resolver_match else ""
        if view_name in OPEN_WITHOUT_CODE or two_factor.is_verified(request):
            return None
        if two_factor.code_owed(request):
            return self._to("community:two_factor_verify", request)
        if self._is_admin(request.path_info) and two_factor.is_required(user):
            if two_factor.has_device(user):
                return self._to("community:two_factor_verify", request)
            return self._to("community:two_factor", request)
        return None

    @staticmethod
    def _is_admin(path: str) -> bool:
        try:
            admin_prefix = reverse("wagtailadmin_home")
        except NoReverseMatch:
            return False
        return path.startswith((admin_prefix, "/django-admin/"))

    @staticmethod
    def _to(name: str, request) -> HttpResponseRedirect | None:
        with translation.override(translation.get_language() or settings.LANGUAGE_CODE):
            target = reverse(name)
        if request.path_info == target:
            return None
        return HttpResponseRedirect(f"{target}?{urlencode({'next': request.get_full_path()})}")
