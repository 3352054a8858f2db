"""Site-wide request rules that no single view owns."""

from decimal import Decimal, InvalidOperation
from urllib.parse import unquote_plus

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.middleware import locale as django_locale
from django.urls import NoReverseMatch, reverse

from home.browser_policy import admin_prefixes, standalone_error

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


class UnreadableAddressMiddleware:
    """Refuse an address with a NUL character in its path or query string (400), before any view sees it.

    No page, filter or search of ours has a use for one, and PostgreSQL refuses it in a query ("A string literal
    cannot contain NUL"): left alone, every URL that hands a path segment or a query parameter to the database
    (page routing, list filters, the API, the door, exports) would answer with a server error. Bodies are left to
    the forms and JSON views, which answer NULs in their fields with their own messages."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path or "\x00" in unquote_plus(request.META.get("QUERY_STRING", "")):
            return standalone_error("400_unreadable_address.html", 400)
        return self.get_response(request)


# The largest whole number a database column of ours holds (PostgreSQL's bigint, SQLite's INTEGER: 64 bits, signed).
LARGEST_STORED_INTEGER = 2**63 - 1
# The admin's search words: text, in which a long number (an invoice, a phone number) is a fair thing to look for.
ADMIN_SEARCH_PARAMETER = "q"


def is_oversized_number(value: str) -> bool:
    """A number as Python reads it (sign, spaces, underscores, an exponent: `1e400`) that no column of ours holds."""
    try:
        number = Decimal(value)
    except InvalidOperation:
        return False
    return number.is_finite() and abs(number) > LARGEST_STORED_INTEGER


class AdminOversizedNumberMiddleware:
    """Refuse an admin address whose query string has a number larger than any id, page or count (400).

    Wagtail's listings hand their filters' values (page type, site, owner, a usage count) to the database as they
    come: SQLite cannot take an integer beyond 64 bits, and `?content_type=9223372036854775808` or
    `?usage_count_min=1e400` was an OverflowError, a server error. No filter or page number of the admin has a use for
    such a number, so the editor is told the address is wrong. Search words are left alone (the search finds
    nothing, or the number as text)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info.startswith(admin_prefixes()) and any(
            is_oversized_number(value)
            for name, values in request.GET.lists()
            if name != ADMIN_SEARCH_PARAMETER
            for value in values
        ):
            return standalone_error("400_number_too_large.html", 400)
        return self.get_response(request)


class RequestBodyLimitMiddleware:
    """Refuse a request whose declared body is larger than any form of ours takes (413), before anything reads it.

    Django caps form fields (DATA_UPLOAD_MAX_MEMORY_SIZE) but streams uploaded files to disk whatever their size;
    this stops a 2 GB "profile picture" at the door. The admin's limit is higher (its image and document uploads,
    WAGTAILIMAGES_MAX_UPLOAD_SIZE and WAGTAILDOCS_MAX_UPLOAD_SIZE). A body without a length is read as empty."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        is_admin = request.path_info.startswith(admin_prefixes())
        limit = settings.ADMIN_MAX_REQUEST_BODY_BYTES if is_admin else settings.MAX_REQUEST_BODY_BYTES
        if length > limit:
            response = standalone_error("413.html", 413)
            response["Connection"] = "close"
            return response
        return self.get_response(request)
