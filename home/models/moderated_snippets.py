"""Snippets that are moderated like pages: drafts, revisions, locking and the moderation workflow.

A snippet built on `ModeratedSnippetMixin` keeps its live content in its row and every edit (or new
translation) in a revision, so visitors see only what a moderator approved. Each concrete model declares its
own `_revisions` and `workflow_states` generic relations (Wagtail needs the model's own `related_query_name`).
"""

from wagtail.models import DraftStateMixin, LockableMixin, RevisionMixin, WorkflowMixin


class ModeratedSnippetMixin(WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin):
    @property
    def revisions(self):
        return self._revisions

    class Meta:
        abstract = True
