"""Snippets that are moderated like pages: drafts, revisions, locking and the moderation workflow.

A snippet built on `ModeratedSnippetMixin` keeps its live content in its row and every edit (or new
translation) in a revision, so visitors see only what a moderator approved. Each concrete model declares its
own `_revisions` and `workflow_states` generic relations with `moderation_relations` (Wagtail needs the model's own
`related_query_name`).
"""

from django.contrib.contenttypes.fields import GenericRelation
from wagtail.models import DraftStateMixin, LockableMixin, RevisionMixin, WorkflowMixin


def moderation_relations(query_name: str) -> tuple[GenericRelation, GenericRelation]:
    """The `_revisions` and `workflow_states` relations of one moderated snippet model, named after it:
    `_revisions, workflow_states = moderation_relations("footertext")`."""
    return (
        GenericRelation("wagtailcore.Revision", related_query_name=query_name),
        GenericRelation(
            "wagtailcore.WorkflowState",
            content_type_field="base_content_type",
            object_id_field="object_id",
            related_query_name=query_name,
            for_concrete_model=False,
        ),
    )


class ModeratedSnippetMixin(WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin):
    @property
    def revisions(self):
        return self._revisions

    class Meta:
        abstract = True
