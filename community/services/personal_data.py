"""A person's own data: the JSON download, and deleting the account (what goes, what is kept and how)."""

from collections.abc import Callable

from django.db import transaction
from django.utils import timezone

from community.models import ArticlePage, Member, User
from community.services.accounts import delete_file_on_commit
from home.mail import queue_mail
from home.models import OutboxMail

# name -> function(user) returning JSON-ready data (dates may stay dates: the view's encoder handles them).
# Later apps add their part (registrations, ballots, ...) with register_data_export in their AppConfig.ready().
DataExporter = Callable[[User], object]
_exporters: dict[str, DataExporter] = {}


def register_data_export(name: str, exporter: DataExporter) -> None:
    _exporters[name] = exporter


def export_data(user: User) -> dict:
    """Everything the site keeps about `user`, by section."""
    return {
        "exported_at": timezone.now(),
        **{name: exporter(user) for name, exporter in _exporters.items()},
    }


def _account(user: User) -> dict:
    return {
        "email": user.email,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "birth_date": user.birth_date,
        "language": user.language,
        "date_joined": user.date_joined,
        "last_login": user.last_login,
        "is_verified": user.is_verified,
        "profile_image": user.profile_image.url if user.profile_image else None,
    }


def _newsletter(user: User) -> dict:
    return {"opt_in": user.newsletter_opt_in, "changed_at": user.newsletter_changed_at}


def _membership(user: User) -> dict | None:
    member = Member.objects.filter(user=user).first()
    if member is None:
        return None
    return {
        "status": member.status,
        "role": member.role,
        "job_title": member.job_title,
        "street": member.street,
        "postal_code": member.postal_code,
        "city": member.city,
        "accepted_statutes_at": member.accepted_statutes_at,
        "applied_at": member.applied_at,
        "decided_at": member.decided_at,
        "expires_on": member.expires_on,
        "public_profile": member.public_profile,
        "website": member.website,
        "linkedin": member.linkedin,
        "github": member.github,
    }


def _articles(user: User) -> list[dict]:
    return [
        {"title": title, "date": day, "url_path": url_path}
        for title, day, url_path in ArticlePage.objects.filter(author_user=user)
        .order_by("-date")
        .values_list("title", "date", "url_path")
    ]


register_data_export("account", _account)
register_data_export("newsletter", _newsletter)
register_data_export("membership", _membership)
register_data_export("articles", _articles)


def delete_account(user: User) -> None:
    """Delete the account and what hangs on it (the membership cascades, the outbox rows to the address go);
    articles stay, signed with the name.

    Articles keep their author: the name is copied into `author_name` before `author_user` is set to NULL by the
    deletion. The confirmation mail is owed in the same transaction; the picture file goes once it commits. (The
    newsletter provider is told by community.newsletter_signals, on any deletion of a user.)"""
    email, language, first_name = user.email, user.language, user.first_name
    picture = user.profile_image.name if user.profile_image else ""
    with transaction.atomic():
        ArticlePage.objects.filter(author_user=user, author_name="").update(author_name=user.get_full_name())
        # The outbox is a delivery log holding the address and names; nothing more is owed to an account that
        # is gone, except the confirmation below.
        OutboxMail.objects.filter(recipient__iexact=email).delete()
        queue_mail(
            to=email,
            template="community/mail/account_deleted",
            context={"first_name": first_name, "email": email},
            language=language,
        )
        user.delete()
        if picture:
            delete_file_on_commit(picture)
