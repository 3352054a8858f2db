"""Request rules of the community app: password checks are made under the limiter, and a used-up limit is a 429."""

from django.http import HttpRequest
from django.template.response import TemplateResponse

from community.services import password_checks, ratelimit


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
