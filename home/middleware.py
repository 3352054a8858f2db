"""Site-wide request rules that no single view owns."""

from django.core.exceptions import PermissionDenied
from django.middleware import locale as django_locale
from django.urls import NoReverseMatch, reverse

# Admin pages a logged-in person without admin access may still open (to log in as someone else).
ADMIN_PAGES_OPEN_TO_ALL = ("wagtailadmin_login", "wagtailadmin_logout", "wagtailadmin_password_reset")


class AdminAccessMiddleware:
    """A logged-in visitor without admin access gets 403 for every Wagtail admin URL.

    Wagtail itself answers such a request with a redirect to its log-in form, which tells a member who
    guessed an approval URL nothing and looks like the page exists for them. Anonymous visitors still go
    to the log-in form. Every view checks its own permission as well; this only makes the refusal plain."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            request.user.is_authenticated
            and self.is_closed_admin_path(request.path_info)
            and not request.user.has_perm("wagtailadmin.access_admin")
        ):
            raise PermissionDenied
        return self.get_response(request)

    @staticmethod
    def is_closed_admin_path(path: str) -> bool:
        try:  # reversed per request (Django caches it) so a test's own URLconf is respected
            admin_prefix = reverse("wagtailadmin_home")
            open_paths = tuple(reverse(name) for name in ADMIN_PAGES_OPEN_TO_ALL)
        except NoReverseMatch:
            return False
        return path.startswith(admin_prefix) and not path.startswith(open_paths)


class LocaleMiddleware(django_locale.LocaleMiddleware):
    """Django's LocaleMiddleware, except that a 404 from the language-neutral API (/api/) stays a 404: Django
    would redirect it to /da/api/…, because Wagtail's catch-all pattern makes every prefixed path look valid."""

    def process_response(self, request, response):
        if request.path_info.startswith("/api/"):
            return response
        return super().process_response(request, response)
