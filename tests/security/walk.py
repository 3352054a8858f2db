"""The URL walk's parts: every pattern of the resolver turned into real URLs (parameters from the demo data),
the garbage sent, the forms found on a page, and a row count of every table.

A pattern whose parameters nothing here can fill fails the walk (`UnfilledPattern`): add its parameter to
FILLERS (site) or ADMIN_VALUES (admin) when you add a URL.
"""

import json
import re
import secrets
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from urllib.parse import quote, urljoin, urlsplit

import lxml.html
from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import connection
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import LocalePrefixPattern, RegexPattern, RoutePattern
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from wagtail.models import Page

# Values a visitor can type. A lone surrogate cannot be encoded as UTF-8: it goes into a query string or form
# as the raw bytes a client would send (%ED%A0%80) and into JSON as the escape \ud800.
SURROGATE = "\ud800"
GARBAGE = [
    "",
    "x" * 10_000,
    "a\x00b",
    SURROGATE,
    '"data',
    'data" OR NEAR(a b) AND NOT * ^ col:x -y "',
    "' OR 1=1 --",
    "<script>alert(1)</script><img src=x onerror=alert(1)>",
    str(2**63),
    str(-(2**63) - 1),
    "9" * 40,
    "1e400",
]
# Query parameters worth trying on every page that answered, besides those its GET forms name.
COMMON_QUERY = ["query", "q", "tag", "p", "page", "year", "ordering", "next", "locale"]
# JSON bodies of the wrong shape (and not JSON at all) for the endpoints that take JSON.
JSON_BODIES = [
    b"{",
    b"[]",
    b'"x"',
    b"null",
    json.dumps({"code": [1], "codes": "x", "scans": {"a": 1}, "q": {"x": 1}, "id": 2**64}).encode(),
    json.dumps({"code": "x" * 10_000, "scans": [{"code": None, "at": "x"}] * 3, "id": str(2**63)}).encode(),
    b'{"code": "\\ud800", "q": "a\\u0000b"}',
    b"[" * 5000 + b"]" * 5000,
]
PATH_GARBAGE = {"int": [str(2**63), str(2**64)], "str": ["%00", "a" * 1000, "%ED%A0%80"]}


class UnfilledPattern(AssertionError):
    pass


def encode(value: str) -> str:
    """Percent-encode for a query string or form body; a lone surrogate as the bytes a browser could send."""
    return "%ED%A0%80".join(quote(part, safe="") for part in value.split(SURROGATE))


def query_string(names: list[str], value: str) -> str:
    return "&".join(f"{quote(name)}={encode(value)}" for name in names)


# --- Patterns ------------------------------------------------------------------------------------------
@dataclass
class Pattern:
    parts: list  # the pattern objects from the root down
    name: str  # namespaced, e.g. "events:register"
    route: str  # the patterns' text joined, for messages

    @property
    def is_admin(self) -> bool:
        return self.route.startswith(("admin/", "django-admin/"))

    def parameters(self) -> list[tuple[str, str]]:
        """(converter name, parameter) of each parameter; regex groups report "regex"."""
        found = []
        for part in self.parts:
            if isinstance(part, RoutePattern):
                found += [(m[0] or "str", m[1]) for m in re.findall(r"<(?:(\w+):)?(\w+)>", str(part))]
            elif isinstance(part, RegexPattern):
                found += [("regex", name) for name in re.findall(r"\(\?P<(\w+)>", str(part))]
        return found


def all_patterns() -> list[Pattern]:
    found = []

    def walk(entries, parts, namespace):
        for entry in entries:
            if isinstance(entry, URLResolver):
                ns = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
                walk(entry.url_patterns, [*parts, entry.pattern], ns)
            elif isinstance(entry, URLPattern):
                chain = [*parts, entry.pattern]
                route = "".join(str(p) for p in chain)
                found.append(Pattern(chain, f"{namespace}{entry.name or ''}", route))

    walk(get_resolver().url_patterns, [], "")
    return found


def build(pattern: Pattern, values: dict[str, str]) -> str:
    """The URL of `pattern` with `values` (already URL-safe) put in."""
    url = "/"
    for part in pattern.parts:
        if isinstance(part, LocalePrefixPattern):
            url += part.language_prefix
        elif isinstance(part, RoutePattern):
            url += re.sub(r"<(?:\w+:)?(\w+)>", lambda m: values[m[1]], str(part))
        else:
            text = re.sub(r"\(\?P<(\w+)>[^)]*\)", lambda m: values[m[1]], str(part)).lstrip("^").rstrip("$")
            text = re.sub(r"\\([./-])", r"\1", text)
            if re.search(r"[()\[\]*+?\\|]", text):
                raise UnfilledPattern(f"{pattern.route}: a regex part ({part}) needs an entry in WHOLE_URLS")
            url += text
    return url


# --- Values for the parameters -------------------------------------------------------------------------
def _ids(model_label: str, limit: int = 2, **filters) -> list[str]:
    model = apps.get_model(model_label)
    return [str(pk) for pk in model.objects.filter(**filters).order_by("pk").values_list("pk", flat=True)[:limit]]


def _pages_of(model_label: str) -> list[str]:
    """One page of the type per language."""
    model = apps.get_model(model_label)
    ids = []
    for locale_id in model.objects.values_list("locale_id", flat=True).distinct():
        ids += [
            str(p) for p in model.objects.filter(locale_id=locale_id).order_by("pk").values_list("pk", flat=True)[:1]
        ]
    return ids


def _member_uid() -> list[str]:
    user = get_user_model().objects.order_by("pk").first()
    return [urlsafe_base64_encode(force_bytes(user.pk)), "MQ", "x"]


def _ticket_tokens() -> list[str]:
    model = apps.get_model("events.Registration")
    real = [ticket.token for ticket in model.objects.order_by("pk")[:1]]  # computed: tokens are not stored
    return [*real, secrets.token_urlsafe(16)]


# Site parameters by name: real values from the demo data (garbage is added to every parameter).
FILLERS: dict[str, Callable[[], list[str]]] = {
    "page_id": lambda: _pages_of("events.EventPage") + _pages_of("polls.PollPage"),
    "event_id": lambda: _ids("events.Event", 2),
    "pk": lambda: _ids("events.Registration", 3) + _ids("wagtailcore.Page", 1, depth=2),
    "token": _ticket_tokens,
    "uidb64": _member_uid,
    "section": lambda: ["pages", "1"],
    "figure": lambda: ["members", "new-members", "events", "waiting-lists", "nope"],
    "page_view_restriction_id": lambda: ["1"],
    "restriction_id": lambda: ["1"],
}
# Admin parameters: one real value where a name says what it is, else a plausible one; a 404 is a fine answer.
ADMIN_VALUES: dict[str, Callable[[], str]] = {
    "page_id": lambda: (_pages_of("events.EventPage") or ["3"])[0],
    "event_id": lambda: (_ids("events.Event", 1) or ["1"])[0],
    "parent_page_id": lambda: _ids("wagtailcore.Page", 1, depth=2)[0],
    "page_to_move_id": lambda: (_pages_of("home.StandardPage") or ["3"])[0],
    "destination_id": lambda: _ids("wagtailcore.Page", 1, depth=2)[0],
    "page_pk": lambda: (_pages_of("events.EventPage") or ["3"])[0],
    "image_id": lambda: (_ids("wagtailimages.Image", 1) or ["1"])[0],
    "document_id": lambda: "1",
    "doc_id": lambda: "1",
    "app_label": lambda: "home",
    "app_name": lambda: "home",
    "model_name": lambda: "footertext",
    "content_type_app_name": lambda: "home",
    "content_type_model_name": lambda: "standardpage",
    "action_name": lambda: "publish",
    "action": lambda: "publish",
    "filter_spec": lambda: "original",
    "mode": lambda: "form",
    "url": lambda: "community/user/",
    "object_id": lambda: "1",
    "content_type_id": lambda: "1",
    "revision_id_a": lambda: "earliest",
    "revision_id_b": lambda: "latest",
    "uidb64": lambda: _member_uid()[0],
    "token": lambda: "x-y",
}
# Patterns whose regex has no named groups: the whole URL(s) to try.
WHOLE_URLS: dict[str, Callable[[], list[str]]] = {
    "wagtail_serve": lambda: [page.url for page in _page_of_each_type()] + ["/da/no-such-page/", "/en/x%00y/"],
    "wagtaildocs_serve": lambda: ["/documents/1/x.pdf", f"/documents/{2**63}/x.pdf"],
    "admin/^.*/$": lambda: ["/admin/no-such-thing/"],
    "django-admin/(?P<url>.*)$": lambda: ["/django-admin/nothing-here/"],
}


def _page_of_each_type() -> Iterator[Page]:
    """One live page of each page type in each language (both languages' pages, the site's real content)."""
    seen = set()
    for page in Page.objects.live().filter(depth__gt=1).specific().order_by("path"):
        key = (type(page), page.locale_id)
        if key not in seen and page.url:
            seen.add(key)
            yield page


@dataclass(frozen=True)
class Url:
    url: str
    kind: str  # "site", "admin", or "garbage path" (a parameter of garbage: a plain GET and POST suffice)


def urls_for(pattern: Pattern) -> list[Url]:
    """Every URL the walk tries for `pattern`: real values, then garbage in each parameter."""
    kind = "admin" if pattern.is_admin else "site"
    whole = WHOLE_URLS.get(pattern.name) or WHOLE_URLS.get(pattern.route)
    if whole:
        return [Url(url, kind) for url in whole()]
    parameters = pattern.parameters()
    if not parameters:
        return [Url(build(pattern, {}), kind)]
    real = {}
    for converter, name in parameters:
        if pattern.is_admin:
            if name in ADMIN_VALUES:
                real[name] = [ADMIN_VALUES[name]()]
            elif converter == "int" or name.endswith(("_id", "pk")):
                real[name] = ["1"]
            else:
                raise UnfilledPattern(f"{pattern.route}: no value for <{converter}:{name}> (add it to ADMIN_VALUES)")
        elif name in FILLERS:
            real[name] = FILLERS[name]()
        else:
            raise UnfilledPattern(f"{pattern.route}: no value for <{converter}:{name}> (add it to FILLERS)")
    first = {name: values[0] if values else "1" for name, values in real.items()}
    urls = [build(pattern, first)]
    urls += [build(pattern, {**first, name: value}) for name, values in real.items() for value in values[1:]]
    if pattern.is_admin:
        return [Url(urls[0], kind)]
    garbage = [
        build(pattern, {**first, name: value})
        for converter, name in parameters
        for value in PATH_GARBAGE["int" if converter in {"int", "row_id"} else "str"]
    ]
    return [Url(url, kind) for url in dict.fromkeys(urls)] + [
        Url(url, "garbage path") for url in dict.fromkeys(garbage)
    ]


# --- Forms on a page ----------------------------------------------------------------------------------------
@dataclass
class Form:
    method: str
    action: str
    fields: list[str]
    files: list[str]


def forms_on(url: str, response) -> list[Form]:
    if "html" not in response.get("Content-Type", "") or not response.content.strip():
        return []
    try:
        document = lxml.html.fromstring(response.content)
    except (ValueError, lxml.etree.ParserError):
        return []
    forms = []
    for form in document.forms:
        action = urljoin(url, form.get("action") or url)
        if urlsplit(action).netloc not in {"", "testserver"}:
            continue
        action = urlsplit(action)._replace(scheme="", netloc="", fragment="").geturl()
        fields, files = [], []
        for element in form.xpath(".//input|.//select|.//textarea|.//button"):
            name = element.get("name")
            if not name or name == "csrfmiddlewaretoken":
                continue
            (files if element.get("type") == "file" else fields).append(name)
        forms.append(Form((form.get("method") or "get").lower(), action, list(dict.fromkeys(fields)), files))
    return forms


# --- A snapshot of the data -----------------------------------------------------------------------------
# Tables a refused request may still touch by design: sessions (a log-in attempt), search statistics, and the
# profile Wagtail makes for an editor the first time a page with the userbar is drawn for them, and the image
# renditions a page makes the first time it is drawn (a refused POST that shows the page again draws it).
NOT_SNAPSHOT = {
    "wagtailimages_rendition",
    "django_session",
    "wagtailsearchpromotions_query",
    "wagtailsearchpromotions_querydailyhits",
    "wagtailusers_userprofile",
}


def snapshot_sql() -> tuple[str, list[str]]:
    tables = sorted(set(connection.introspection.table_names()) - NOT_SNAPSHOT)
    quoted = (connection.ops.quote_name(t) for t in tables)
    return "SELECT " + ", ".join(f"(SELECT COUNT(*) FROM {t})" for t in quoted), tables  # noqa: S608 - table names


def row_counts(sql: str, tables: list[str]) -> dict[str, int]:
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return dict(zip(tables, cursor.fetchone(), strict=True))
