"""The registration terms snippet: what a visitor accepts to register for an event that names them."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import TranslatableMixin
from wagtail.snippets.models import register_snippet

from home.models.moderated_snippets import ModeratedSnippetMixin, moderation_relations


@register_snippet
class RegistrationTerms(ModeratedSnippetMixin, TranslatableMixin, models.Model):
    """Terms a visitor must accept to register for an event that names them; translated and moderated like
    pages (a new translation is a draft until a moderator approves it)."""

    title = models.CharField(_("title"), max_length=200)
    body = RichTextField(_("terms"), features=["bold", "italic", "link", "ol", "ul"])

    panels = [FieldPanel("title"), FieldPanel("body")]

    _revisions, workflow_states = moderation_relations("registrationterms")

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("registration terms")
        verbose_name_plural = _("registration terms")

    def __str__(self) -> str:
        return self.title
