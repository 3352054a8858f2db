"""What the poll mails are built from when they are sent: the poll's page in the recipient's language."""

from django.conf import settings
from django.urls import NoReverseMatch, reverse

from home.models import OutboxMail
from polls.models import Poll, PollPage
from polls.services.mailing import INVITATION_MAIL, REMINDER_MAIL

POLL_MAILS = [INVITATION_MAIL, REMINDER_MAIL]


def page_in_language(poll: Poll, language: str) -> PollPage | None:
    """The poll's live page in `language`, else in the poll's own language, else any live version."""
    pages = list(PollPage.objects.live().filter(poll=poll).select_related("locale"))
    for wanted in (language, poll.source_language):
        for page in pages:
            if page.locale.language_code == wanted:
                return page
    return pages[0] if pages else None


def poll_mail_context(row: OutboxMail) -> dict:
    """Context of every poll mail; runs inside the mail's language, so the links are in that language."""
    poll = Poll.objects.get(pk=row.context["poll_id"])
    page = page_in_language(poll, row.language)
    try:
        my_polls_url = f"{settings.SITE_URL}{reverse('polls:my_polls')}"
    except NoReverseMatch:
        my_polls_url = ""
    return {
        "poll": poll,
        "title": page.title if page else "",
        "poll_url": (page.get_full_url() or "") if page else my_polls_url,
        "my_polls_url": my_polls_url,
    }
