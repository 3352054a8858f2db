"""Editorial pages: the home page, standard pages and news."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import Tag, TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from home.blocks import BodyBlock
from home.renditions import CARD, with_renditions
from home.sections import home_sections
from home.serving import public

NEWS_PER_PAGE = 10
HOME_LATEST_NEWS = 3


def paginate(request, queryset, per_page: int):
    """One page of `queryset` for the `?page=` in the request; a bad or too-large number gives the first or last.
    The first page of a list that fits on it costs one query, not a count and then the page."""
    number = request.GET.get("page", 1)
    if str(number) == "1":
        first = list(queryset[: per_page + 1])
        if len(first) <= per_page:
            return Paginator(first, per_page).page(1)
        page = Paginator(queryset, per_page).page(1)
        page.object_list = first[:per_page]  # already fetched (with what it prefetches)
        return page
    paginator = Paginator(queryset, per_page)
    try:
        return paginator.page(number)
    except PageNotAnInteger:
        return paginator.page(1)
    except EmptyPage:
        return paginator.page(paginator.num_pages)


class IndexPage(Page):
    """The base of the listing pages (news, board, articles, events): a title and a short introduction above
    the list that each subclass builds in its context."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    class Meta:
        abstract = True


def filter_by_tag(request, stories):
    """`stories` narrowed to the `?tag=<slug>` in the request, and that tag (None without one). An unknown slug
    gives an empty list, not an error."""
    tag_slug = request.GET.get("tag", "")[:100]
    if not tag_slug:
        return stories, None
    tag = Tag.objects.filter(slug=tag_slug).first()
    return (stories.filter(tagged_items__tag=tag) if tag else stories.none()), tag


class StoryIndexPage(RoutablePageMixin, IndexPage):
    """A listing of dated stories (news, member articles), newest first, paginated and filtered by ?tag=, with an
    RSS feed at feed/. Its template extends home/story_index_page.html."""

    stories_per_page = 10

    class Meta:
        abstract = True

    def stories(self, request=None):
        """The live stories under this index, with what a card needs loaded up front."""
        raise NotImplementedError

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        stories, context["current_tag"] = filter_by_tag(request, self.stories(request))
        context["stories_page"] = paginate(request, stories, self.stories_per_page)
        return context

    def feed_view(self):
        """The feed view for this index (a django.contrib.syndication Feed instance)."""
        raise NotImplementedError

    @path("")
    def index_route(self, request):
        return self.render(request)

    @path("feed/", name="feed")
    def feed(self, request):
        return self.feed_view()(request)


class StoryPage(Page):
    """A dated story (news item, member article): introduction, picture, body and tags. Each subclass adds its
    own `tags` (its own tag through-model) and builds content_panels from `story_panels`."""

    date = models.DateField(_("date"), default=timezone.localdate)
    intro = models.TextField(_("introduction"), max_length=500)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    story_panels = [FieldPanel("intro"), FieldPanel("image"), FieldPanel("body"), FieldPanel("tags")]
    api_fields = [APIField("date"), APIField("intro"), APIField("image"), APIField("body")]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]
    subpage_types = []

    class Meta:
        abstract = True


def _routes_itself(page_class, remaining: list[str]) -> bool:
    """Whether a page of `page_class` may answer `remaining` itself instead of passing it to a child page."""
    if page_class.route is Page.route:
        return False
    if issubclass(page_class, RoutablePageMixin) and page_class.route is RoutablePageMixin.route:
        try:
            page_class.get_resolver().resolve("/" + "/".join(remaining) + "/")
        except Http404:
            return False
    return True


class HomePage(Page):
    hero_title = models.CharField(_("hero title"), max_length=200, blank=True)
    hero_text = models.TextField(_("hero text"), blank=True)
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_cta_label = models.CharField(_("hero button label"), max_length=60, blank=True)
    hero_cta_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("hero button page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("hero_title"),
                FieldPanel("hero_text"),
                FieldPanel("hero_image"),
                FieldPanel("hero_cta_label"),
                FieldPanel("hero_cta_page"),
            ],
            heading=_("Hero"),
        ),
        FieldPanel("intro"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    def route(self, request, path_components):
        """Wagtail finds a page one level at a time (the child, then its specific row: two queries a level);
        here the pages on a path two or more levels deep are found in one query, then the last one's specific
        row. A page on the way with routes of its own (RoutablePageMixin) routes the rest as in Wagtail."""
        if len(path_components) < 2:
            return super().route(request, path_components)
        found = Page.objects.filter(
            path__startswith=self.path, depth__lte=self.depth + len(path_components), slug__in=path_components
        )
        by_path = {page.path: page for page in found}
        parent, chain = self, []
        for slug in path_components:
            child = next(
                (page for path, page in by_path.items() if path[: -page.steplen] == parent.path and page.slug == slug),
                None,
            )
            if child is None or (chain and _routes_itself(chain[-1].specific_class, path_components[len(chain) :])):
                return super().route(request, path_components)
            child._cached_parent_obj = parent
            parent = child
            chain.append(child)
        return chain[-1].specific.route(request, [])

    def latest_news(self, request=None):
        """The newest live news in this page's language, for the home page's news section."""
        return (
            public(NewsPage.objects.live(), request)
            .filter(locale_id=self.locale_id)
            .select_related("image")
            .prefetch_related(with_renditions("image", CARD))
            .order_by("-date", "-pk")[:HOME_LATEST_NEWS]
        )

    def news_index(self):
        """This home page's news index, for the section's "all news" link."""
        return NewsIndexPage.objects.child_of(self).live().first()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["latest_news"] = self.latest_news(request)
        context["news_index"] = self.news_index()
        context["home_sections"] = home_sections()
        return context


class StandardPage(Page):
    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("standard page")


class NewsIndexPage(StoryIndexPage):
    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.NewsPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("news index page")

    stories_per_page = NEWS_PER_PAGE

    def stories(self, request=None):
        return (
            public(NewsPage.objects.live(), request)
            .child_of(self)
            .select_related("image")
            .prefetch_related(with_renditions("image", CARD))  # a news card shows no tags
            .order_by("-date", "-pk")
        )

    def feed_view(self):
        from home.feeds import NewsFeed

        return NewsFeed(self)


class NewsPageTag(TaggedItemBase):
    content_object = ParentalKey("home.NewsPage", related_name="tagged_items", on_delete=models.CASCADE)


class NewsPage(StoryPage):
    tags = ClusterTaggableManager(through=NewsPageTag, blank=True, verbose_name=_("tags"))

    content_panels = Page.content_panels + [FieldPanel("date"), *StoryPage.story_panels]

    parent_page_types = ["home.NewsIndexPage"]

    class Meta:
        verbose_name = _("news page")
        verbose_name_plural = _("news pages")
