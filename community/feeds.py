"""The RSS feed of an article index: its newest live member articles, with absolute links and authors."""

from home.feeds import FEED_ITEMS, NewsFeed

from .models.pages import ArticleIndexPage, ArticlePage


class ArticleFeed(NewsFeed):
    """Built per article index (`ArticleFeed(index)(request)`). The news feed already does the channel, links
    and dates for any index page with dated children; only the items and their author differ."""

    def __init__(self, index: ArticleIndexPage):
        super().__init__(index)

    def items(self):
        return (
            ArticlePage.objects.live()
            .public()
            .child_of(self.index)
            .select_related("author_user", "author_profile")
            .order_by("-date", "-pk")[:FEED_ITEMS]
        )

    def item_author_name(self, item: ArticlePage) -> str:
        return item.author_display_name
