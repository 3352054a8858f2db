"""Site-wide settings for navigation, footer and social links.

Navigation links point at pages, and the templates show each page in the visitor's language, so the menu
follows the visitor across languages without a second copy. The footer text is a translatable snippet.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Orderable, TranslatableMixin
from wagtail.snippets.models import register_snippet

from home.models.moderated_snippets import ModeratedSnippetMixin, moderation_relations


@register_setting(icon="list-ul")
class SiteSettings(ClusterableModel, BaseSiteSetting):
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    footer = models.ForeignKey(
        "home.FooterText",
        verbose_name=_("footer text"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        InlinePanel("navigation_links", label=_("Navigation links")),
        FieldPanel("footer"),
        FieldPanel("contact_email"),
        InlinePanel("social_links", label=_("Social links")),
    ]

    class Meta:
        verbose_name = _("site settings")


class NavigationLink(Orderable):
    settings = ParentalKey(SiteSettings, related_name="navigation_links", on_delete=models.CASCADE)
    page = models.ForeignKey("wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("page")]

    class Meta(Orderable.Meta):
        verbose_name = _("navigation link")


class SocialLink(Orderable):
    settings = ParentalKey(SiteSettings, related_name="social_links", on_delete=models.CASCADE)
    name = models.CharField(_("name"), max_length=60, help_text=_("For example LinkedIn, GitHub or Slack."))
    url = models.URLField(_("URL"))

    panels = [FieldPanel("name"), FieldPanel("url")]

    class Meta(Orderable.Meta):
        verbose_name = _("social link")


@register_snippet
class FooterText(ModeratedSnippetMixin, TranslatableMixin, models.Model):
    """The footer's text; a snippet rather than a setting so that it is translated like the pages, and
    moderated like them: an edit or a new translation is a draft until a moderator approves it."""

    title = models.CharField(_("title"), max_length=100, help_text=_("Only shown in the admin."))
    body = RichTextField(_("text"), features=["bold", "italic", "link"])

    panels = [FieldPanel("title"), FieldPanel("body")]

    _revisions, workflow_states = moderation_relations("footertext")

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("footer text")
        verbose_name_plural = _("footer texts")

    def __str__(self) -> str:
        return self.title
