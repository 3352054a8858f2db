"""The poll block: editors drop a poll into the body of any page (home.blocks.register_body_block adds it)."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class PollBlock(blocks.StructBlock):
    """Shows the chosen poll where it is dropped, in the visitor's language: its ballot (voting comes back to
    this page), or why one cannot vote, and the results when they may be seen. A poll that is not published
    shows nothing."""

    poll = blocks.PageChooserBlock(label=_("Poll"), page_type="polls.PollPage")

    class Meta:
        icon = "tasks"
        template = "polls/blocks/poll_block.html"
        label = _("Poll")
        description = _("A poll from the polls pages, with its ballot and results.")

    def get_context(self, value, parent_context=None):
        from polls.views.poll_page import poll_page_context

        context = super().get_context(value, parent_context=parent_context)
        chosen = value.get("poll")
        page = chosen.specific.localized if chosen is not None else None
        request = (parent_context or {}).get("request")
        if page is None or not page.live or request is None:
            context["page"] = None
            return context
        context["page"] = page
        context.update(poll_page_context(request, page))
        return context
