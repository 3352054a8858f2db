"""Where to send a visitor back to: a `next` URL given by a form or a link, only when it stays on this site."""

from django.http import HttpRequest
from django.utils.http import url_has_allowed_host_and_scheme


def safe_next_url(request: HttpRequest, fallback: str) -> str:
    """The request's `next` (form field first, then query string) when it is a path on this site, else `fallback`.
    An outside or scheme-changing URL is never followed: that would make the site an open redirect."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    # A path on this site, nothing else: a bare word would be taken for a view's name by redirect() (a 500).
    if target.startswith("/") and url_has_allowed_host_and_scheme(
        target, {request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return fallback
