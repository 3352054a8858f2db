"""Every password check made for a request goes through the limiter (community.services.ratelimit).

The request is bound for the duration of its handling (community.middleware.ThrottleMiddleware), so the check
is made where every door ends up: `User.check_password` (the log in of the site, the Wagtail admin, Wagtail's
private-page log in and the Django admin, all through `authenticate()` and community.backends; the password
change and account deletion forms) and the backend, for addresses that have no account. A check refused by a
limit raises `ratelimit.Throttled` before the password is looked at; the middleware answers it with 429.

Checks outside a request (the shell, a management command) are not limited.
"""

from collections.abc import Callable
from contextlib import contextmanager
from contextvars import ContextVar

from django.http import HttpRequest

from community.services import ratelimit

_request: ContextVar[HttpRequest | None] = ContextVar("password_check_request", default=None)


@contextmanager
def bound_to(request: HttpRequest):
    token = _request.set(request)
    try:
        yield
    finally:
        _request.reset(token)


def current_request() -> HttpRequest | None:
    return _request.get()


def action_for(request: HttpRequest, user) -> str:
    """A logged-in person confirming their own password (change, deletion) or anyone logging in."""
    current = getattr(request, "user", None)
    if current is not None and current.is_authenticated and current.pk == user.pk:
        return "confirm_password"
    return "login"


def check_user_password(user, check: Callable[[], bool]) -> bool:
    """`check()` (the password hash comparison) under the limits of the current request, if there is one."""
    request = _request.get()
    if request is None:
        return check()
    return ratelimit.password_attempt(
        action_for(request, user), ip=ratelimit.client_ip(request), account=user.email, check=check
    )


def check_unknown_account(request: HttpRequest | None, email: str, check: Callable[[], bool]) -> bool:
    """A log in for an address without an account: counted like a wrong password (per address and pair)."""
    request = request or _request.get()
    if request is None:
        return check()
    return ratelimit.password_attempt("login", ip=ratelimit.client_ip(request), account=email, check=check)
