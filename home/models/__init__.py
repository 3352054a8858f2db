from .heartbeat import Heartbeat
from .outbox import OutboxMail
from .pages import HomePage, NewsIndexPage, NewsPage, NewsPageTag, StandardPage
from .site_settings import FooterText, NavigationLink, SiteSettings, SocialLink

__all__ = [
    "FooterText",
    "Heartbeat",
    "HomePage",
    "NavigationLink",
    "NewsIndexPage",
    "NewsPage",
    "NewsPageTag",
    "OutboxMail",
    "SiteSettings",
    "SocialLink",
    "StandardPage",
]
