"""A poll page's rules and questionnaire take effect on its language-neutral Poll when its row is written.

Wagtail writes a page's row only when the page is created and when it is published (drafts live in revisions),
so the Poll always follows what is live (or, before the first publication, what will be).
"""

import logging

from django.db import transaction

from polls.models.pages import RULE_FIELDS
from polls.models.poll import Poll
from polls.structure import dump, load, shape_of_questions

logger = logging.getLogger(__name__)

# Rules that stay as they were when the first ballot was cast (the admin form refuses to change them).
LOCKED_RULES = {"secret", "eligibility"}


def apply_page_to_poll(page) -> None:
    """Copy `page`'s rules and questionnaire to its Poll when `page` is the version in the poll's own language
    (or no version in that language is left), so a translation saved from an older copy cannot turn them back.
    Once voting has started the questionnaire, the secrecy and who may vote stay as they are: the admin form
    says so before the editor gets here, and the row lock taken here orders this against a ballot being cast."""
    from polls.models.pages import PollPage

    language = page.locale.language_code
    with transaction.atomic():
        poll = Poll.objects.select_for_update().get(pk=page.poll_id)
        if language != poll.source_language:
            if PollPage.objects.filter(poll=poll, locale__language_code=poll.source_language).exists():
                return
            poll.source_language = language
        structure = dump(shape_of_questions(page.questions.all()))
        if poll.locked:
            if load(structure) != load(poll.structure):
                logger.warning(
                    "Poll %s: a saved questionnaire differs from the locked one; kept the locked one", poll.pk
                )
            rules = [name for name in RULE_FIELDS if name not in LOCKED_RULES]
        else:
            poll.structure = structure
            rules = RULE_FIELDS
        for name in rules:
            setattr(poll, name, getattr(page, name))
        poll.save()
    page.poll = poll
