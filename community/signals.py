"""Signal handlers of the community app. Every article index is moderated: a new ArticleIndexPage (in any language)
gets the "Article moderation" workflow that migration 0005 made, unless a workflow is set on it already. A log in
of an account with two-factor log in owes a code."""

from django.contrib.auth.signals import user_logged_in
from django.db.models.signals import post_save
from wagtail.models import Workflow, WorkflowPage

from .models.pages import ArticleIndexPage

ARTICLE_WORKFLOW = "Article moderation"


def assign_article_workflow(sender, instance: ArticleIndexPage, created: bool, raw: bool = False, **kwargs) -> None:
    if raw or not created:
        return
    workflow = Workflow.objects.filter(name=ARTICLE_WORKFLOW, active=True).first()
    if workflow is not None:
        WorkflowPage.objects.get_or_create(page=instance, defaults={"workflow": workflow})


def connect() -> None:
    post_save.connect(assign_article_workflow, sender=ArticleIndexPage, dispatch_uid="community_article_workflow")
    user_logged_in.connect(owe_two_factor_code, dispatch_uid="community_owe_two_factor_code")


def owe_two_factor_code(sender, request, user, **kwargs) -> None:
    """A log in of an account with a two-factor device leaves the session owing a code
    (community.middleware.TwoFactorMiddleware)."""
    from community.services import two_factor

    if request is not None and hasattr(request, "session"):
        two_factor.owe_code_if_set_up(request, user)
