"""The RSS feed of a news index: its newest live news, with absolute links."""

import datetime

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Rss201rev2Feed

from home.models import NewsIndexPage, NewsPage

FEED_ITEMS = 20


class NewsFeed(Feed):
    """Built per news index (`NewsFeed(index)(request)`), so each language's index has its own feed."""

    feed_type = Rss201rev2Feed

    def __init__(self, index: NewsIndexPage):
        super().__init__()
        self.index = index
        # Django reads `language` as a plain attribute, not through a method like the other feed fields.
        self.language = index.locale.language_code

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def title(self) -> str:
        return self.index.title

    def link(self) -> str:
        return self.index.get_full_url(self.request)

    def description(self) -> str:
        return self.index.intro or self.index.title

    def feed_url(self) -> str:
        return self.index.get_full_url(self.request) + "feed/"

    def items(self):
        return (
            NewsPage.objects.live()
            .public()
            .child_of(self.index)
            .order_by("-date", "-pk")
            .only("id", "title", "intro", "date", "url_path", "path", "depth", "locale_id", "first_published_at")[
                :FEED_ITEMS
            ]
        )

    def item_title(self, item: NewsPage) -> str:
        return item.title

    def item_description(self, item: NewsPage) -> str:
        return item.intro

    def item_link(self, item: NewsPage) -> str:
        return item.get_full_url(self.request)

    def item_guid(self, item: NewsPage) -> str:
        return item.get_full_url(self.request)

    def item_pubdate(self, item: NewsPage) -> datetime.datetime:
        # The news date is a date; noon local time keeps it on the same day in every reader's time zone.
        return timezone.make_aware(datetime.datetime.combine(item.date, datetime.time(12, 0)))
