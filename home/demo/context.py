"""What the sections of `load_demo` share: the locales, the pages made so far, and what to print at the end."""

from dataclasses import dataclass, field

from wagtail.models import Locale, Page, Site

# One seed for everything random in the demo (image colours and shapes), so every run draws the same content.
DEMO_SEED = 2026


@dataclass
class DemoAccount:
    email: str
    password: str
    role: str


@dataclass
class DemoContext:
    """Passed to every section in turn. A section looks its objects up before making them, so running the
    command again changes nothing; it records what later sections need in `pages` (by a stable key such as
    "news_index") and what the person running it should see in `accounts` and `links`."""

    site: Site
    locales: dict[str, Locale] = field(default_factory=dict)
    pages: dict[str, dict[str, Page]] = field(default_factory=dict)
    accounts: list[DemoAccount] = field(default_factory=list)
    links: list[tuple[str, str]] = field(default_factory=list)
    created: list[str] = field(default_factory=list)

    def page(self, key: str, language: str) -> Page:
        return self.pages[key][language]

    def remember(self, key: str, language: str, page: Page) -> None:
        self.pages.setdefault(key, {})[language] = page

    def link(self, label: str, path: str) -> None:
        self.links.append((label, path))
