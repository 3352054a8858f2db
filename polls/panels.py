"""The notice at the top of a poll page's editor once voting has started: what can still change and why the rest
cannot (the admin form refuses those changes with the same words)."""

from django.utils.html import format_html
from wagtail.admin.panels import HelpPanel


class VotingStartedNotice(HelpPanel):
    """Shown only on a poll page whose poll has its first ballot."""

    class BoundPanel(HelpPanel.BoundPanel):
        def __init__(self, **kwargs):
            from polls.forms.admin import LOCKED_MESSAGE

            super().__init__(**kwargs)
            self.content = format_html('<p class="help-block help-warning">{}</p>', LOCKED_MESSAGE)

        def is_shown(self):
            poll = self.instance.poll if getattr(self.instance, "poll_id", None) else None
            return bool(poll and poll.locked)
