"""`send_test_mail ADDRESS [--language en]`: queue a small mail through the outbox, to check the mail settings."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email
from django.db import transaction

from home.mail import queue_mail
from home.models import OutboxMail


class Command(BaseCommand):
    help = "Queue a test mail to ADDRESS through the outbox, the way every site mail travels."

    def add_arguments(self, parser):
        parser.add_argument("address")
        parser.add_argument(
            "--language",
            default=settings.LANGUAGE_CODE,
            choices=[code for code, _name in settings.LANGUAGES],
            help="The language the mail is written in (default: %(default)s).",
        )

    def handle(self, *args, address: str, language: str, **options):
        try:
            validate_email(address)
        except ValidationError as exc:
            raise CommandError(f"{address!r} is not an e-mail address.") from exc
        with transaction.atomic():
            row = queue_mail(to=address, template="home/mail/test_mail", context={}, language=language)
        # Without a broker the mail was sent in-process during the commit; with one, a worker has it now.
        row = OutboxMail.objects.get(pk=row.pk)
        if row.sent_at:
            self.stdout.write(
                self.style.SUCCESS(f"Sent test mail #{row.pk} to {address} via {settings.EMAIL_BACKEND}.")
            )
        elif row.last_error:
            raise CommandError(f"Test mail #{row.pk} to {address} is not sent yet: {row.last_error}")
        else:
            self.stdout.write(f"Queued test mail #{row.pk} to {address}; a Celery worker will send it.")
