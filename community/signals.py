"""Every article index is moderated: a new ArticleIndexPage (in any language) gets the "Article moderation"
workflow that migration 0005 made, unless a workflow is set on it already."""

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
