"""People in the page tree: board profiles and member articles."""

from django.conf import settings
from django.db import models
from django.db.models import Case, IntegerField, Value, When
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page
from wagtail.search import index

from home.models.pages import IndexPage, StoryIndexPage, StoryPage
from home.renditions import CARD, PORTRAIT, with_renditions
from home.serving import public

from .membership import Member

ARTICLES_PER_PAGE = 10
# Board profiles are listed by role, in this order, then by name.
ROLE_ORDER = [
    Member.Role.CHAIR,
    Member.Role.VICE_CHAIR,
    Member.Role.BOARD_MEMBER,
    Member.Role.SUBSTITUTE,
    Member.Role.REGULAR,
]


class BoardIndexPage(IndexPage):
    parent_page_types = ["home.HomePage"]
    subpage_types = ["community.BoardMemberPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("board page")

    def board_members(self):
        role_rank = Case(
            *[When(role=role, then=Value(rank)) for rank, role in enumerate(ROLE_ORDER)],
            default=Value(len(ROLE_ORDER)),
            output_field=IntegerField(),
        )
        return (
            BoardMemberPage.objects.live()
            .public()
            .child_of(self)
            .select_related("photo")
            .prefetch_related(with_renditions("photo", PORTRAIT))
            .annotate(role_rank=role_rank)
            .order_by("role_rank", "title")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["board_members"] = self.board_members()
        return context


class BoardMemberPage(Page):
    """A board member's public profile. The title is the person's name. It may point at the Member it
    describes, but the profile's text is the editors' (and translated), not copied from the member record."""

    role = models.CharField(_("role"), max_length=16, choices=Member.Role.choices, default=Member.Role.BOARD_MEMBER)
    job_title = models.CharField(_("job title"), max_length=200, blank=True)
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    bio = models.TextField(_("short bio"), blank=True, max_length=1500)
    email = models.EmailField(_("public e-mail"), blank=True)
    linkedin = models.URLField(_("LinkedIn"), blank=True)
    github = models.URLField(_("GitHub"), blank=True)
    website = models.URLField(_("website"), blank=True)
    member = models.ForeignKey(
        Member,
        verbose_name=_("member"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = Page.content_panels + [
        FieldPanel("role"),
        FieldPanel("job_title"),
        FieldPanel("photo"),
        FieldPanel("bio"),
        MultiFieldPanel(
            [FieldPanel("email"), FieldPanel("linkedin"), FieldPanel("github"), FieldPanel("website")],
            heading=_("Links"),
        ),
        FieldPanel("member"),
    ]
    search_fields = Page.search_fields + [index.SearchField("job_title"), index.SearchField("bio")]

    parent_page_types = ["community.BoardIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("board member page")

    def live_articles(self):
        """This person's live articles in the page's language. Matched by translation key, because a translated
        article may still point at the profile in the language it was translated from."""
        return (
            ArticlePage.objects.live()
            .public()
            .filter(author_profile__translation_key=self.translation_key, locale_id=self.locale_id)
            .order_by("-date", "-pk")
        )


class ArticleIndexPage(StoryIndexPage):
    parent_page_types = ["home.HomePage"]
    subpage_types = ["community.ArticlePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("article index page")

    stories_per_page = ARTICLES_PER_PAGE

    def stories(self, request=None):
        return (
            public(ArticlePage.objects.live(), request)
            .child_of(self)
            .select_related("author_user", "author_profile")
            .select_related("image")
            .prefetch_related("tagged_items__tag", with_renditions("image", CARD))
            .order_by("-date", "-pk")
        )

    def feed_view(self):
        from community.feeds import ArticleFeed

        return ArticleFeed(self)


class ArticlePageTag(TaggedItemBase):
    content_object = ParentalKey("community.ArticlePage", related_name="tagged_items", on_delete=models.CASCADE)


class ArticlePage(StoryPage):
    """A member's article. The author is an account or a board profile (or both); `author_name` covers a guest
    author and is what shows when neither is set, so deleting an account never leaves an article unsigned."""

    author_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author (account)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="articles",
    )
    author_profile = models.ForeignKey(
        "community.BoardMemberPage",
        verbose_name=_("author (board profile)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="articles",
    )
    author_name = models.CharField(_("author name"), max_length=200, blank=True)
    tags = ClusterTaggableManager(through=ArticlePageTag, blank=True, verbose_name=_("tags"))

    content_panels = Page.content_panels + [
        FieldPanel("date"),
        MultiFieldPanel(
            [FieldPanel("author_user"), FieldPanel("author_profile"), FieldPanel("author_name")],
            heading=_("Author"),
        ),
        *StoryPage.story_panels,
    ]

    parent_page_types = ["community.ArticleIndexPage"]

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")

    @property
    def author_display_name(self) -> str:
        if self.author_profile_id:
            return self.author_profile.title
        if self.author_user_id:
            return self.author_user.get_full_name()
        return self.author_name
